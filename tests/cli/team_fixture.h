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
#include "support/owned_database.h"
#include "support/postgres_cluster.h"
#include "support/run_command.h"

namespace kith::testing {

inline constexpr const char* kPassword = "correct horse battery";

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
