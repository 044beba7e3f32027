// The fixture CLI tests share: a real `kith` on a database of its own, with
// today pinned, and helpers to read what it printed.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "cli/run_kith.h"
#include "support/postgres_cluster.h"
#include "support/temp_database.h"

namespace kith::testing {

using nlohmann::json;

inline constexpr const char* kToday = "2026-11-26";

// Whether `text` contains `part`, saying what it held when it does not.
inline ::testing::AssertionResult Contains(const std::string& text, const std::string& part) {
  if (text.find(part) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "expected \"" << part << "\" in:\n" << text;
}

// Shows what kith printed when an expectation about a run fails.
inline std::string Described(const KithRun& run) {
  return "exit " + std::to_string(run.exit_code) + "\n--- stdout ---\n" + run.out + "--- stderr ---\n" +
         run.err;
}

inline std::vector<std::string> Names(const json& contacts) {
  std::vector<std::string> names;
  for (const auto& contact : contacts) names.push_back(contact.at("name").get<std::string>());
  return names;
}

inline std::set<std::string> AsSet(const json& strings) { return strings.get<std::set<std::string>>(); }

// A kith with a database file of its own and today pinned to 2026-11-26.
class CliTest : public ::testing::Test {
 protected:
  // Runs kith on this test's database: `kith --db PATH --today 2026-11-26 ARGS…`.
  KithRun Kith(const std::vector<std::string>& args) const {
    std::vector<std::string> all = {"--db", database_, "--today", kToday};
    all.insert(all.end(), args.begin(), args.end());
    return RunKith(all);
  }

  // Runs kith with --json, expects success, and parses what it printed.
  json KithJson(const std::vector<std::string>& args) const {
    std::vector<std::string> all = {"--json"};
    all.insert(all.end(), args.begin(), args.end());
    const KithRun run = Kith(all);
    EXPECT_EQ(run.exit_code, 0) << Described(run);
    EXPECT_TRUE(json::accept(run.out)) << Described(run);
    return json::parse(run.out, nullptr, /*allow_exceptions=*/false);
  }

  // Adds a person and returns their id.
  std::int64_t Add(const std::string& name, const std::vector<std::string>& flags = {}) const {
    std::vector<std::string> args = {"add", "--name", name};
    args.insert(args.end(), flags.begin(), flags.end());
    const json added = KithJson(args);
    return added.is_object() ? added.value("id", std::int64_t{-1}) : -1;
  }

  json Show(std::int64_t id) const { return KithJson({"show", std::to_string(id)}); }
  std::vector<std::string> ListNames(const std::vector<std::string>& flags = {}) const {
    std::vector<std::string> args = {"list"};
    args.insert(args.end(), flags.begin(), flags.end());
    return Names(KithJson(args));
  }
  std::vector<std::string> SearchNames(const std::string& query) const {
    return Names(KithJson({"search", query}));
  }

  // Everything a command could change, live and trashed, to compare before
  // and after a request that must write nothing.
  std::string Snapshot() const {
    return KithJson({"list", "--limit", "1000"}).dump() +
           KithJson({"list", "--trash", "--limit", "1000"}).dump();
  }

  // The store kith runs on: SQLite unless a suite of CliTestOnBothStores
  // says otherwise.
  [[nodiscard]] virtual StoreKind Kind() const { return StoreKind::kSqlite; }

  // On PostgreSQL, database_ is a new database's URI (dropped after the test).
  void SetUp() override {
    if (Kind() != StoreKind::kPostgres) return;
    postgres_ = std::make_unique<TempPgDatabase>();
    database_ = postgres_->url();
  }

  TempDirectory directory_;
  std::unique_ptr<TempPgDatabase> postgres_;
  std::string database_ = (directory_.path() / "kith.db").string();
};

// A suite of CLI tests on both stores: derive from this, TEST_P, and
// KITH_ON_BOTH_STORES(Suite).
class CliTestOnBothStores : public CliTest, public ::testing::WithParamInterface<StoreKind> {
 protected:
  [[nodiscard]] StoreKind Kind() const override { return GetParam(); }
};

}  // namespace kith::testing
