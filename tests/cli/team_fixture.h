// The fixture of the team tests: the real `kith` against a database of
// the PostgreSQL test cluster whose tables belong to an ordinary role (as
// kith should run), so both layers that keep workspaces apart are in play:
// the role checks in src/app/ and the database's row-level security.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/cli_fixture.h"
#include "cli/run_kith.h"
#include "store/postgres/connection.h"
#include "support/postgres_cluster.h"
#include "support/run_command.h"

namespace kith::testing {

inline constexpr const char* kPassword = "correct horse battery";

// A database of the test cluster owned by a role of its own: no superuser,
// no BYPASSRLS, so the policies hold for it (a superuser passes them all).
class OwnedDatabase {
 public:
  OwnedDatabase() {
    static int counter = 0;
    name_ = "kith_team_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
    auto admin = postgres::Connection::Open(TestClusterUrl());
    if (!admin) throw std::runtime_error("cannot reach the test cluster: " + admin.error().message);
    for (const std::string& sql :
         {"CREATE ROLE " + name_ + " LOGIN", "CREATE DATABASE " + name_ + " OWNER " + name_}) {
      if (auto done = (*admin)->Execute(sql); !done) throw std::runtime_error(done.error().message);
    }
    url_ = TestClusterUrl() + (TestClusterUrl().find('?') == std::string::npos ? "?" : "&") +
           "user=" + name_ + "&dbname=" + name_;
  }
  OwnedDatabase(const OwnedDatabase&) = delete;
  OwnedDatabase& operator=(const OwnedDatabase&) = delete;
  ~OwnedDatabase() {
    auto admin = postgres::Connection::Open(TestClusterUrl());
    if (!admin) return;
    (void)(*admin)->Execute("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    (void)(*admin)->Execute("DROP ROLE IF EXISTS " + name_);
  }
  [[nodiscard]] const std::string& url() const { return url_; }

 private:
  std::string name_;
  std::string url_;
};

class TeamCli : public ::testing::Test {
 protected:
  // kith on the shared database, acting as nobody in particular.
  [[nodiscard]] KithRun Kith(const std::vector<std::string>& args) const {
    std::vector<std::string> all = {"--db", database_.url(), "--today", kToday};
    all.insert(all.end(), args.begin(), args.end());
    return RunKith(all);
  }
  // kith acting as `user` in `workspace`.
  [[nodiscard]] KithRun As(const std::string& user, const std::string& workspace,
                           const std::vector<std::string>& args) const {
    std::vector<std::string> all = {"--user", user, "--workspace", workspace};
    all.insert(all.end(), args.begin(), args.end());
    return Kith(all);
  }
  // `kith account add NAME` with the password on standard input.
  [[nodiscard]] CommandOutput AddAccount(const std::string& name, const std::string& password) const {
    return RunCommand("printf '%s\\n' '" + password + "' | '" + Binary() + "' --db '" + database_.url() +
                      "' account add " + name + " 2>&1");
  }
  void Succeeds(const KithRun& run) const { ASSERT_EQ(run.exit_code, 0) << Described(run); }
  // The names of the cards `user` sees in `workspace`.
  [[nodiscard]] std::vector<std::string> CardsSeenBy(const std::string& user,
                                                     const std::string& workspace) const {
    const KithRun run = As(user, workspace, {"list", "--json"});
    EXPECT_EQ(run.exit_code, 0) << Described(run);
    auto names = Names(json::parse(run.exit_code == 0 ? run.out : "[]"));
    std::sort(names.begin(), names.end());
    return names;
  }

  // Two workspaces: acme (ada owner, bo editor, cy viewer) and beta (dee owner).
  void SetUpTwoWorkspaces() {
    for (const char* name : {"ada", "bo", "cy", "dee"}) ASSERT_EQ(AddAccount(name, kPassword).status, 0);
    Succeeds(Kith({"workspace", "add", "acme", "--owner", "ada"}));
    Succeeds(Kith({"workspace", "add", "beta", "--owner", "dee"}));
    Succeeds(Kith({"--user", "ada", "workspace", "member", "add", "acme", "bo", "--role", "editor"}));
    Succeeds(Kith({"--user", "ada", "workspace", "member", "add", "acme", "cy", "--role", "viewer"}));
    Succeeds(As("ada", "acme", {"add", "--name", "Acme Person", "--email", "person@acme.example"}));
    Succeeds(As("dee", "beta", {"add", "--name", "Beta Person", "--email", "person@beta.example"}));
  }

  static std::string Binary() {
    const char* binary =
        std::getenv("KITH_BINARY");  // NOLINT(concurrency-mt-unsafe): tests run one at a time
    return binary == nullptr ? "" : binary;
  }

  OwnedDatabase database_;
};

}  // namespace kith::testing
