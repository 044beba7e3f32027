// A fresh database file in its own temporary folder, removed afterwards.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "app/context.h"
#include "domain/clock.h"
#include "store/store.h"

namespace kith::testing {

class TempDirectory {
 public:
  TempDirectory();
  TempDirectory(const TempDirectory&) = delete;
  TempDirectory& operator=(const TempDirectory&) = delete;
  ~TempDirectory();
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// The stores a test can run against: a new SQLite file, or a new database
// in the PostgreSQL test cluster (support/postgres_cluster.h).
enum class StoreKind { kSqlite, kPostgres };

// "Sqlite" or "Postgres".
inline std::string StoreKindName(StoreKind kind) {
  return kind == StoreKind::kSqlite ? "Sqlite" : "Postgres";
}

// How gtest prints a StoreKind (in ctest's test names too).
inline void PrintTo(StoreKind kind, std::ostream* out) { *out << StoreKindName(kind); }

// Names the instances of a test parameterised by StoreKind: Sqlite, Postgres.
struct StoreKindNamer {
  std::string operator()(const ::testing::TestParamInfo<StoreKind>& param) const;
};

// Runs every TEST_P of `suite` (a ::testing::TestWithParam<StoreKind>) on
// both stores, as Stores/suite.Test/Sqlite and Stores/suite.Test/Postgres.
// NOLINTNEXTLINE(cppcoreguidelines-macro-usage): gtest instantiates suites by macro
#define KITH_ON_BOTH_STORES(suite)                                                                   \
  INSTANTIATE_TEST_SUITE_P(                                                                          \
      Stores, suite,                                                                                 \
      ::testing::Values(::kith::testing::StoreKind::kSqlite, ::kith::testing::StoreKind::kPostgres), \
      ::kith::testing::StoreKindNamer())

class TempPgDatabase;

// A store on a new file (or a new PostgreSQL database), a clock pinned to
// 2026-11-26, and a Context over them.
class TestWorld {
 public:
  explicit TestWorld(Date today = Date{2026, 11, 26});
  explicit TestWorld(StoreKind kind, Date today = Date{2026, 11, 26});
  TestWorld(const TestWorld&) = delete;
  TestWorld& operator=(const TestWorld&) = delete;
  ~TestWorld();
  Store& store() { return *store_; }
  Context& context() { return context_; }
  // Where the store is: the SQLite file's path, or the PostgreSQL
  // database's URI (OpenStore opens either).
  [[nodiscard]] std::string database_path() const;

 private:
  TempDirectory directory_;
  std::unique_ptr<TempPgDatabase> postgres_;
  FixedClock clock_;
  std::unique_ptr<Store> store_;
  Context context_;
};

}  // namespace kith::testing
