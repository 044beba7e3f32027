// A fresh database file in its own temporary folder, removed afterwards.
#pragma once

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

// A store on a new file, a clock pinned to 2026-11-26, and a Context over them.
class TestWorld {
 public:
  explicit TestWorld(Date today = Date{2026, 11, 26});
  Store& store() { return *store_; }
  Context& context() { return context_; }
  [[nodiscard]] std::string database_path() const { return (directory_.path() / "kith.db").string(); }

 private:
  TempDirectory directory_;
  FixedClock clock_;
  std::unique_ptr<Store> store_;
  Context context_;
};

}  // namespace kith::testing
