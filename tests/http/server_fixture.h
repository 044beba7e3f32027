// A real server on a free port over a fresh database, run on a thread, and
// a client that talks to it over a socket with the session's CSRF token.
// ServerTest serves an SQLite file; a suite of ServerTestOnBothStores runs
// each test on an SQLite file and on a PostgreSQL database.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>
#include <sodium.h>

#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "domain/clock.h"
#include "http/server.h"
#include "http/server_with_routes.h"
#include "support/postgres_cluster.h"
#include "support/temp_database.h"

namespace kith::testing {

using nlohmann::json;

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override { StartServer(); }
  void TearDown() override { StopServer(); }

  // The store the server runs on.
  [[nodiscard]] virtual StoreKind Kind() const { return StoreKind::kSqlite; }

  // This test's database: the SQLite file's path, or the URI of a new
  // PostgreSQL database (made on first use, dropped after the test).
  [[nodiscard]] virtual std::string DatabasePath() const {
    if (Kind() == StoreKind::kSqlite) return (directory_.path() / "kith.db").string();
    if (!postgres_) postgres_ = std::make_unique<TempPgDatabase>();
    return postgres_->url();
  }

  // The options StartServer uses: this test's database, any free port.
  http::ServerOptions OptionsFor(const std::string& host, const std::string& token = "") const {
    http::ServerOptions options;
    options.database_path = DatabasePath();
    options.host = host;
    options.port = 0;
    options.token = token;
    return options;
  }

  void StartServer(const std::string& host = "127.0.0.1", const std::string& token = "") {
    http::ServerOptions options = OptionsFor(host, token);
    options.threads = 8;
    options.assets_directory = (directory_.path() / "assets").string();
    options.max_json_body = 64 * 1024;
    options.max_upload = 1024 * 1024;
    options.dav_page_size = dav_page_size_;
    options.public_url = public_url_;
    options.report = [this](const std::string& message) {
      const std::lock_guard<std::mutex> lock(reports_mutex_);
      reports_.push_back(message);
    };
    auto server = http::StartServerWithRoutes(options, clock_, extra_routes_);
    ASSERT_TRUE(server) << server.error().message;
    server_ = std::move(*server);
    thread_ = std::thread([this] { (void)server_->Run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_read_timeout(30);
  }

  void StopServer() {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
  }

  // Signs in (loopback: no password) and keeps the cookie and CSRF token.
  void OpenSession() {
    auto response = client_->Get("/api/v1/session");
    ASSERT_TRUE(response);
    ASSERT_EQ(response->status, 200) << response->body;
    csrf_ = json::parse(response->body).at("csrf_token").get<std::string>();
    const std::string cookie = response->get_header_value("Set-Cookie");
    cookie_ = cookie.substr(0, cookie.find(';'));
  }

  httplib::Headers Headers() const { return {{"Cookie", cookie_}, {"X-CSRF-Token", csrf_}}; }

  httplib::Result Send(const std::string& method, const std::string& path, const std::string& body = "",
                       const std::string& type = "application/json") {
    if (csrf_.empty()) OpenSession();
    if (method == "GET") return client_->Get(path.c_str(), Headers());
    if (method == "POST") return client_->Post(path.c_str(), Headers(), body, type.c_str());
    if (method == "PATCH") return client_->Patch(path.c_str(), Headers(), body, type.c_str());
    if (method == "PUT") return client_->Put(path.c_str(), Headers(), body, type.c_str());
    return client_->Delete(path.c_str(), Headers());
  }

  // The JSON of a response that must have `status`.
  json Expect(const httplib::Result& response, int status) {
    EXPECT_TRUE(response);
    if (!response) return json();
    EXPECT_EQ(response->status, status) << response->body;
    return json::parse(response->body, nullptr, false);
  }

  json AddPerson(const json& person) { return Expect(Send("POST", "/api/v1/contacts", person.dump()), 201); }

  TempDirectory directory_;
  mutable std::unique_ptr<TempPgDatabase> postgres_;
  FixedClock clock_{Date{2026, 11, 26}};
  // What the server told its operator (ServerOptions::report), in order.
  std::vector<std::string> Reports() {
    const std::lock_guard<std::mutex> lock(reports_mutex_);
    return reports_;
  }
  std::mutex reports_mutex_;
  std::vector<std::string> reports_;
  int dav_page_size_ = 500;                // cards per streamed chunk of a CardDAV listing
  std::vector<http::Route> extra_routes_;  // served besides the API, for tests of failures
  std::string public_url_;                 // --public-url, when a test needs one
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
  std::string csrf_;
  std::string cookie_;
};

// A suite of server tests on both stores: derive from this, TEST_P, and
// KITH_ON_BOTH_STORES(Suite).
class ServerTestOnBothStores : public ServerTest, public ::testing::WithParamInterface<StoreKind> {
 protected:
  [[nodiscard]] StoreKind Kind() const override { return GetParam(); }
};

// The code in an error envelope.
inline std::string ErrorCodeOf(const json& body) {
  if (!body.is_object() || !body.contains("error")) return "(no envelope: " + body.dump() + ")";
  return body["error"].at("code").get<std::string>();
}

// The Authorization header of HTTP Basic, as sync clients send it.
inline std::string Basic(const std::string& user, const std::string& password) {
  const std::string plain = user + ":" + password;
  std::string encoded(sodium_base64_ENCODED_LEN(plain.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(),
                    reinterpret_cast<const unsigned char*>(plain.data()),  // NOLINT: libsodium takes bytes
                    plain.size(), sodium_base64_VARIANT_ORIGINAL);
  encoded.resize(encoded.find('\0'));
  return "Basic " + encoded;
}

}  // namespace kith::testing
