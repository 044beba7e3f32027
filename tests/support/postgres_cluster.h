// PostgreSQL for tests: a throwaway cluster (scripts/pg-throwaway.sh) and a
// fresh database in it per test, dropped afterwards. A test that needs
// PostgreSQL fails, never skips, when it cannot have one.
#pragma once

#include <string>

namespace kith::testing {

// The libpq URI of the test cluster: KITH_TEST_PG_URL when set (ctest's
// postgres_cluster fixture, or `scripts/pg-throwaway.sh run -- …`); else a
// cluster this process starts on first use and removes when it exits.
// Throws (failing the test) when none can be had.
const std::string& TestClusterUrl();

// A new, empty database in the test cluster, dropped when this goes.
class TempPgDatabase {
 public:
  TempPgDatabase();
  TempPgDatabase(const TempPgDatabase&) = delete;
  TempPgDatabase& operator=(const TempPgDatabase&) = delete;
  ~TempPgDatabase();
  // The database's libpq URI (the cluster's, naming this database).
  [[nodiscard]] const std::string& url() const { return url_; }

 private:
  std::string name_;
  std::string url_;
};

}  // namespace kith::testing
