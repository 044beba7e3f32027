#include "support/temp_database.h"

#include "support/postgres_cluster.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <stdexcept>

namespace kith::testing {

TempDirectory::TempDirectory() {
  std::string pattern = (std::filesystem::temp_directory_path() / "kith-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDirectory::~TempDirectory() {
  std::error_code ignored;
  std::filesystem::permissions(path_, std::filesystem::perms::owner_all, std::filesystem::perm_options::add,
                               ignored);
  std::filesystem::remove_all(path_, ignored);
}

namespace {

std::unique_ptr<Store> OpenOrDie(const std::string& path) {
  auto store = OpenSqliteStore(path);
  if (!store) throw std::runtime_error("cannot open test database: " + store.error().message);
  return std::move(*store);
}

std::unique_ptr<Store> OpenPostgresOrDie(const std::string& url) {
  auto store = OpenPostgresStore(url);
  if (!store) throw std::runtime_error("cannot open the PostgreSQL test database: " + store.error().message);
  return std::move(*store);
}

}  // namespace

std::string StoreKindNamer::operator()(const ::testing::TestParamInfo<StoreKind>& param) const {
  return StoreKindName(param.param);
}

TestWorld::TestWorld(Date today) : TestWorld(StoreKind::kSqlite, today) {}

std::string TestWorld::database_path() const {
  return postgres_ ? postgres_->url() : (directory_.path() / "kith.db").string();
}

TestWorld::TestWorld(StoreKind kind, Date today)
    : postgres_(kind == StoreKind::kPostgres ? std::make_unique<TempPgDatabase>() : nullptr),
      clock_(today),
      store_(postgres_ ? OpenPostgresOrDie(postgres_->url())
                       : OpenOrDie((directory_.path() / "kith.db").string())),
      context_{*store_, clock_, "US"} {}

// The store closes its connection before its database is dropped.
TestWorld::~TestWorld() { store_.reset(); }

}  // namespace kith::testing
