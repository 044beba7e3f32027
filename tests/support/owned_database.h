// A database of the PostgreSQL test cluster whose tables belong to an
// ordinary role, as kith should run: the row-level security policies hold
// for it (a superuser passes them all). For the team tests of the CLI and
// of `kith serve`.
#pragma once

#include <unistd.h>

#include <stdexcept>
#include <string>

#include "store/postgres/connection.h"
#include "support/postgres_cluster.h"

namespace kith::testing {

// No superuser, no BYPASSRLS: a role of its own owns the database.
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
  // The same database as the cluster's superuser, whom no policy holds:
  // for a test to see every workspace's rows at once.
  [[nodiscard]] std::string admin_url() const {
    return TestClusterUrl() + (TestClusterUrl().find('?') == std::string::npos ? "?" : "&") +
           "dbname=" + name_;
  }

 private:
  std::string name_;
  std::string url_;
};

}  // namespace kith::testing
