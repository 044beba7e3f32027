#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <string>

#include "http/openapi.h"
#include "http/routes/routes.h"
#include "http/server_fixture.h"

namespace kith::testing {
namespace {

using Server = ServerTest;

void WriteFile(const std::filesystem::path& path, const std::string& content) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path) << content;
}

// A client socket that speaks HTTP/1.1 by hand, so that a test sees when
// the server closes the connection.
class RawConnection {
 public:
  explicit RawConnection(int port) : socket_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(socket_, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) == 0;
    const timeval wait{.tv_sec = 10, .tv_usec = 0};  // longer than any keep-alive wait the server has
    (void)::setsockopt(socket_, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof(wait));
  }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;
  ~RawConnection() { ::close(socket_); }

  [[nodiscard]] bool connected() const { return connected_; }

  // Sends a GET and reads its response's head and body (by Content-Length);
  // the status line, or empty when the connection ended first.
  std::string Get(const std::string& path, int port) {
    const std::string request =
        "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\n\r\n";
    if (::send(socket_, request.data(), request.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request.size()))
      return {};
    std::string received;
    std::size_t head_end = std::string::npos;
    std::size_t length = 0;
    while (head_end == std::string::npos || received.size() < head_end + 4 + length) {
      char chunk[4096];
      const ssize_t got = ::recv(socket_, chunk, sizeof(chunk), 0);
      if (got <= 0) return {};
      received.append(chunk, static_cast<std::size_t>(got));
      if (head_end == std::string::npos && (head_end = received.find("\r\n\r\n")) != std::string::npos) {
        const std::size_t field = received.find("Content-Length: ");
        if (field != std::string::npos && field < head_end) length = std::stoul(received.substr(field + 16));
      }
    }
    return received.substr(0, received.find("\r\n"));
  }

  // Waits, without sending, until the server ends the connection: the
  // seconds that took, or nothing when it did not within the socket's wait.
  std::optional<double> SecondsUntilClosed() {
    const auto start = std::chrono::steady_clock::now();
    char byte = 0;
    if (::recv(socket_, &byte, 1, 0) != 0) return std::nullopt;
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }

 private:
  int socket_;
  bool connected_ = false;
};

// A browser keeps its connection for the next request; an idle one is let
// go after the keep-alive wait (two seconds), so that clients that connect
// and say nothing more cannot hold the server's threads.
TEST_F(Server, KeepsAConnectionForTheNextRequestAndClosesItWhenIdle) {
  RawConnection connection(server_->port());
  ASSERT_TRUE(connection.connected());
  for (int request = 0; request < 3; ++request) {
    EXPECT_EQ(connection.Get("/api/v1/session", server_->port()), "HTTP/1.1 200 OK") << "request " << request;
  }
  const std::optional<double> closed_after = connection.SecondsUntilClosed();
  ASSERT_TRUE(closed_after) << "the server kept an idle connection for 10 s";
  EXPECT_GE(*closed_after, 1.5);
  EXPECT_LE(*closed_after, 4.0);
}

TEST_F(Server, EveryResponseCarriesTheSecurityHeaders) {
  auto response = client_->Get("/api/v1/session");
  ASSERT_TRUE(response);
  EXPECT_NE(response->get_header_value("Content-Security-Policy").find("frame-ancestors 'none'"),
            std::string::npos);
  EXPECT_EQ(response->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(response->get_header_value("X-Frame-Options"), "DENY");
}

TEST_F(Server, TheSessionCookieIsHttpOnlyAndSameSiteStrict) {
  auto response = client_->Get("/api/v1/session");
  const std::string cookie = response->get_header_value("Set-Cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
}

TEST_F(Server, WritesWithoutTheCsrfTokenAreRefused) {
  OpenSession();
  auto response =
      client_->Post("/api/v1/contacts", {{"Cookie", cookie_}}, R"({"name": "Ada"})", "application/json");
  EXPECT_EQ(ErrorCodeOf(Expect(response, 403)), "csrf");
  auto no_session = client_->Post("/api/v1/contacts", R"({"name": "Ada"})", "application/json");
  EXPECT_EQ(ErrorCodeOf(Expect(no_session, 403)), "csrf");
  EXPECT_EQ(Expect(Send("GET", "/api/v1/contacts"), 200).size(), 0U);
}

TEST_F(Server, AnswersOnlyToLoopbackHostNames) {
  auto response = client_->Get("/api/v1/contacts", {{"Host", "evil.example:8080"}});
  EXPECT_EQ(ErrorCodeOf(Expect(response, 403)), "forbidden_host");
}

TEST_F(Server, UnknownRoutesGetTheEnvelope) {
  EXPECT_EQ(ErrorCodeOf(Expect(client_->Get("/api/v1/nothing"), 404)), "no_route");
  OpenSession();
  EXPECT_EQ(ErrorCodeOf(Expect(Send("POST", "/api/v1/nothing", "{}"), 404)), "no_route");
}

TEST_F(Server, ServesTheAppAndItsRoutesFromTheAssetFolder) {
  WriteFile(directory_.path() / "assets" / "index.html", "<!doctype html><title>kith</title>");
  WriteFile(directory_.path() / "assets" / "assets" / "app.js", "console.log(1)");
  WriteFile(directory_.path() / "secret.txt", "secret");
  auto index = client_->Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_NE(index->body.find("<title>kith</title>"), std::string::npos);
  EXPECT_EQ(client_->Get("/contacts/42")->body, index->body) << "client-side routes get the app";
  auto script = client_->Get("/assets/app.js");
  EXPECT_EQ(script->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_NE(script->get_header_value("Cache-Control").find("immutable"), std::string::npos);
  EXPECT_EQ(client_->Get("/missing.js")->status, 404);
}

TEST_F(Server, StaticPathsCannotEscapeTheAssetFolder) {
  WriteFile(directory_.path() / "assets" / "index.html", "app");
  WriteFile(directory_.path() / "secret.txt", "secret");
  for (const char* path : {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt",
                           "/..%2fsecret.txt", "/assets/%2e%2e/%2e%2e/secret.txt", "/..\\secret.txt"}) {
    auto response = client_->Get(path);
    ASSERT_TRUE(response) << path;
    EXPECT_EQ(response->body.find("secret"), std::string::npos) << path;
  }
}

TEST_F(Server, BeyondLoopbackNeedsAPasswordOrToken) {
  StopServer();
  auto refused = http::Server::Start(OptionsFor("0.0.0.0"), clock_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidInput);
}

TEST_F(Server, WithATokenCallsNeedToSignIn) {
  StopServer();
  csrf_.clear();
  StartServer("0.0.0.0", "sesame-sesame");
  EXPECT_EQ(ErrorCodeOf(Expect(client_->Get("/api/v1/contacts"), 401)), "unauthorized");
  const json anonymous = Expect(client_->Get("/api/v1/session"), 200);
  EXPECT_EQ(anonymous["authenticated"], false);
  EXPECT_EQ(ErrorCodeOf(Expect(
                client_->Post("/api/v1/session", R"({"password": "guess"})", "application/json"), 400)),
            "invalid_input");
  auto signed_in = client_->Post("/api/v1/session", R"({"token": "sesame-sesame"})", "application/json");
  const json session = Expect(signed_in, 201);
  const std::string cookie = signed_in->get_header_value("Set-Cookie");
  const httplib::Headers headers = {{"Cookie", cookie.substr(0, cookie.find(';'))},
                                    {"X-CSRF-Token", session["csrf_token"].get<std::string>()}};
  EXPECT_EQ(Expect(client_->Get("/api/v1/contacts", headers), 200).size(), 0U);
  EXPECT_EQ(Expect(client_->Post("/api/v1/contacts", headers, R"({"name": "Ada"})", "application/json"),
                   201)["name"],
            "Ada");
  EXPECT_EQ(Expect(client_->Get("/api/v1/contacts", {{"Authorization", "Bearer sesame-sesame"}}), 200).size(),
            1U);
  EXPECT_EQ(Expect(client_->Get("/api/v1/contacts", {{"Authorization", "Bearer wrong"}}), 401).size(), 1U);
}

// The OpenAPI document lists exactly the routes the server answers: every
// documented operation reaches a route (never "no_route"), and every route
// in the list is documented.
TEST_F(Server, TheOpenApiDocumentMatchesTheRoutes) {
  const json document = Expect(client_->Get("/api/v1/openapi.json"), 200);
  EXPECT_EQ(document["openapi"], "3.0.3");
  http::SessionState state;
  std::set<std::string> registered;
  for (const auto& route : http::ApiRoutes(state)) {
    registered.insert(std::string(http::MethodName(route.method)) + " " + route.path);
  }
  registered.insert("GET /openapi.json");
  std::set<std::string> documented;
  OpenSession();
  for (const auto& [path, operations] : document["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) {
      std::string upper = method;
      for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      documented.insert(upper + " " + path);
      EXPECT_FALSE(operation["summary"].get<std::string>().empty()) << path;
      std::string concrete = path;
      if (const auto at = concrete.find("{id}"); at != std::string::npos) concrete.replace(at, 4, "1");
      auto response = Send(upper, "/api/v1" + concrete, "{}");
      ASSERT_TRUE(response) << upper << " " << path;
      EXPECT_NE(ErrorCodeOf(json::parse(response->body, nullptr, false)), "no_route") << upper << " " << path;
      for (const auto& [status, answer] : operation["responses"].items()) {
        const std::string ref = answer["content"].begin().value()["schema"].dump();
        const auto name = ref.find("#/components/schemas/");
        if (name == std::string::npos) continue;
        const std::string schema = ref.substr(name + 21, ref.find('"', name) - name - 21);
        EXPECT_TRUE(document["components"]["schemas"].contains(schema)) << schema;
      }
    }
  }
  EXPECT_EQ(documented, registered);
}

}  // namespace
}  // namespace kith::testing
