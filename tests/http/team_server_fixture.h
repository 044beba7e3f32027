// `kith serve` on a shared PostgreSQL database with accounts, owned by an
// ordinary role so that both layers that keep workspaces apart are in
// play (the role checks in src/app/ and the database's row-level
// security): two workspaces, acme (ada owner, bo editor, cy viewer) and
// beta (dee owner), each member signed in by account over a real socket.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/accounts.h"
#include "http/server_fixture.h"
#include "support/owned_database.h"

namespace kith::testing {

inline constexpr const char* kTeamPassword = "correct horse battery";

// A member signed in: the cookie and the CSRF token of their session.
struct SignedIn {
  std::string cookie;
  std::string csrf;
  json session;  // what POST /api/v1/session answered
};

class TeamServer : public ServerTest {
 protected:
  [[nodiscard]] StoreKind Kind() const override { return StoreKind::kPostgres; }
  [[nodiscard]] std::string DatabasePath() const override { return database_.url(); }

  // The accounts and workspaces exist before the server starts, as on a
  // team's server; the server then signs people in by account only.
  void SetUp() override {
    WithDatabase([](Context& context) {
      for (const char* name : {"ada", "bo", "cy", "dee"}) {
        auto added = AddAccount(context, name, kTeamPassword);
        ASSERT_TRUE(added) << added.error().message;
      }
      ASSERT_TRUE(AddWorkspace(context, "acme", "ada"));
      ASSERT_TRUE(AddWorkspace(context, "beta", "dee"));
      ASSERT_TRUE(AddMember(context, {"ada", "acme", "bo", Role::kEditor}));
      ASSERT_TRUE(AddMember(context, {"ada", "acme", "cy", Role::kViewer}));
    });
    StartServer();
  }

  // Runs `body` on the database through a connection of its own, as
  // `kith account` or `kith workspace` would beside a running server.
  template <typename Body>
  void WithDatabase(Body&& body) {
    auto store = OpenStore(database_.url());
    ASSERT_TRUE(store) << store.error().message;
    Context context{**store, clock_, ""};
    body(context);
  }

  // POST /api/v1/session with these fields: the raw answer.
  httplib::Result PostSession(const json& body) {
    return client_->Post("/api/v1/session", body.dump(), "application/json");
  }

  // Signs `account` in to `workspace`, failing the test when refused.
  SignedIn SignIn(const std::string& account, const std::string& workspace) {
    auto response =
        PostSession({{"account", account}, {"password", kTeamPassword}, {"workspace", workspace}});
    SignedIn member;
    EXPECT_TRUE(response);
    if (!response) return member;
    EXPECT_EQ(response->status, 201) << response->body;
    member.session = json::parse(response->body, nullptr, false);
    if (member.session.contains("csrf_token") && member.session["csrf_token"].is_string()) {
      member.csrf = member.session["csrf_token"].get<std::string>();
    }
    const std::string cookie = response->get_header_value("Set-Cookie");
    member.cookie = cookie.substr(0, cookie.find(';'));
    return member;
  }

  // A request of a signed-in member, with their cookie and CSRF token.
  httplib::Result As(const SignedIn& member, const std::string& method, const std::string& path,
                     const std::string& body = "", const std::string& type = "application/json") {
    const httplib::Headers headers = {{"Cookie", member.cookie}, {"X-CSRF-Token", member.csrf}};
    if (method == "GET") return client_->Get(path.c_str(), headers);
    if (method == "POST") return client_->Post(path.c_str(), headers, body, type.c_str());
    if (method == "PATCH") return client_->Patch(path.c_str(), headers, body, type.c_str());
    if (method == "PUT") return client_->Put(path.c_str(), headers, body, type.c_str());
    return client_->Delete(path.c_str(), headers);
  }

  // The display names `member` lists, in the API's order.
  std::vector<std::string> NamesSeenBy(const SignedIn& member, const std::string& path = "/api/v1/contacts") {
    const json listed = Expect(As(member, "GET", path), 200);
    if (!listed.is_array()) return {"(not a list: " + listed.dump() + ")"};
    std::vector<std::string> names;
    for (const json& person : listed) names.push_back(person.value("name", "(no name)"));
    return names;
  }

  OwnedDatabase database_;
};

}  // namespace kith::testing
