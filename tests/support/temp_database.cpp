#include "support/temp_database.h"

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

}  // namespace

TestWorld::TestWorld(Date today)
    : clock_(today),
      store_(OpenOrDie((directory_.path() / "kith.db").string())),
      context_{*store_, clock_, "US"} {}

}  // namespace kith::testing
