// DNS rebinding and cross-site writes: a page on another site must never
// read or write the list of a server that needs no password on loopback.
#include <string>

#include "http/auth.h"
#include "http/server_fixture.h"

namespace kith::testing {
namespace {

TEST(LoopbackAddress, OnlyAddressLiteralsOfTheLoopbackRange) {
  for (const char* host : {"127.0.0.1", "127.1.2.3", "::1", "[::1]", "::ffff:127.0.0.1"}) {
    EXPECT_TRUE(http::IsLoopbackAddress(host)) << host;
  }
  for (const char* host : {"127.evil.example", "127.0.0.1.evil.example", "localhost.evil.example", "0.0.0.0",
                           "::", "10.0.0.1", "128.0.0.1", "::2", "", "127.0.0.256"}) {
    EXPECT_FALSE(http::IsLoopbackAddress(host)) << host;
  }
}

TEST(LoopbackAddress, ANameCountsOnlyWhenItResolvesToLoopbackAlone) {
  EXPECT_TRUE(http::BindsOnlyLoopback("localhost"));
  EXPECT_TRUE(http::BindsOnlyLoopback("127.0.0.1"));
  EXPECT_TRUE(http::BindsOnlyLoopback("::1"));
  // .invalid never resolves (RFC 6761): an unknown name needs a password.
  EXPECT_FALSE(http::BindsOnlyLoopback("127.kith-test.invalid"));
  EXPECT_FALSE(http::BindsOnlyLoopback("0.0.0.0"));
  EXPECT_FALSE(http::BindsOnlyLoopback(""));
}

TEST(HostHeader, ExactLoopbackNamesWithTheServedPort) {
  for (const char* host : {"localhost:8080", "127.0.0.1:8080", "[::1]:8080", "LocalHost:8080"}) {
    EXPECT_TRUE(http::IsExpectedHostHeader(host, "127.0.0.1", 8080)) << host;
  }
  for (const char* host :
       {"127.evil.example:8080", "127.0.0.1.evil.example:8080", "localhost.evil.example:8080", "evil.example",
        "127.0.0.1:8081", "127.0.0.1", "localhost", "[::1]:80", "::1:8080", "[::1]8080", "127.0.0.1:80x",
        "127.0.0.1:", "127.0.0.2:8080", "", "localhost:8080.evil.example"}) {
    EXPECT_FALSE(http::IsExpectedHostHeader(host, "127.0.0.1", 8080)) << host;
  }
}

TEST(HostHeader, NoPortOnlyForPortEightyAndTheConfiguredNameToo) {
  EXPECT_TRUE(http::IsExpectedHostHeader("localhost", "127.0.0.1", 80));
  EXPECT_FALSE(http::IsExpectedHostHeader("localhost:8080", "127.0.0.1", 80));
  EXPECT_TRUE(http::IsExpectedHostHeader("127.0.0.2:9000", "127.0.0.2", 9000));
  EXPECT_TRUE(http::IsExpectedHostHeader("[::1]:9000", "::1", 9000));
  EXPECT_TRUE(http::IsExpectedHostHeader("kith.test:9000", "kith.test", 9000));
  EXPECT_FALSE(http::IsExpectedHostHeader("kith.test.evil.example:9000", "kith.test", 9000));
}

using HostGuard = ServerTest;

TEST_F(HostGuard, ARebindingNameGetsNeitherTheListNorATokenNorTheApp) {
  const std::string port = ":" + std::to_string(server_->port());
  for (const std::string name : {"127.evil.example", "127.0.0.1.evil.example", "localhost.evil.example",
                                 "evil.example", "[::2]", "127.0.0.2"}) {
    const std::string host = name + port;
    EXPECT_EQ(ErrorCodeOf(Expect(client_->Get("/api/v1/contacts", {{"Host", host}}), 403)), "forbidden_host")
        << host;
    EXPECT_EQ(ErrorCodeOf(Expect(client_->Get("/api/v1/session", {{"Host", host}}), 403)), "forbidden_host")
        << host;
    auto page = client_->Get("/", {{"Host", host}});
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 403) << host;
  }
  const std::string wrong_port = "127.0.0.1:" + std::to_string(server_->port() + 1);
  EXPECT_EQ(ErrorCodeOf(Expect(client_->Get("/api/v1/contacts", {{"Host", wrong_port}}), 403)),
            "forbidden_host");
}

TEST_F(HostGuard, TheNamesAUserTypesAreServed) {
  const std::string port = ":" + std::to_string(server_->port());
  for (const std::string name : {"localhost", "127.0.0.1", "[::1]"}) {
    EXPECT_EQ(Expect(client_->Get("/api/v1/contacts", {{"Host", name + port}}), 200).size(), 0U) << name;
  }
}

TEST_F(HostGuard, WritesFromAnotherOriginAreRefusedAndWriteNothing) {
  OpenSession();
  const std::string self = "http://127.0.0.1:" + std::to_string(server_->port());
  const std::string body = R"({"name": "Ada Okafor"})";
  for (const std::string& origin :
       {std::string("http://evil.example"), std::string("null"),
        "http://localhost:" + std::to_string(server_->port()),
        "http://127.0.0.1:" + std::to_string(server_->port() + 1), std::string("file://")}) {
    httplib::Headers headers = Headers();
    headers.emplace("Origin", origin);
    EXPECT_EQ(ErrorCodeOf(Expect(client_->Post("/api/v1/contacts", headers, body, "application/json"), 403)),
              "cross_origin")
        << origin;
  }
  httplib::Headers cross_site = Headers();
  cross_site.emplace("Sec-Fetch-Site", "cross-site");
  EXPECT_EQ(ErrorCodeOf(Expect(client_->Post("/api/v1/contacts", cross_site, body, "application/json"), 403)),
            "cross_origin");
  EXPECT_EQ(ErrorCodeOf(Expect(client_->Get("/api/v1/session", cross_site), 403)), "cross_origin");
  EXPECT_EQ(Expect(Send("GET", "/api/v1/contacts"), 200).size(), 0U) << "nothing was written";

  httplib::Headers same_origin = Headers();
  same_origin.emplace("Origin", self);
  same_origin.emplace("Sec-Fetch-Site", "same-origin");
  EXPECT_EQ(Expect(client_->Post("/api/v1/contacts", same_origin, body, "application/json"), 201)["name"],
            "Ada Okafor");
}

TEST_F(HostGuard, ANameThatOnlyLooksLikeLoopbackNeedsAPassword) {
  StopServer();
  http::ServerOptions options;
  options.database_path = (directory_.path() / "kith.db").string();
  options.host = "127.kith-test.invalid";
  options.port = 0;
  auto refused = http::Server::Start(options, clock_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(refused.error().message.find("password"), std::string::npos) << refused.error().message;
}

}  // namespace
}  // namespace kith::testing
