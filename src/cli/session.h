// What a command needs to run: the options every command shares, and the
// open database and clock they select.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "app/context.h"
#include "domain/clock.h"
#include "domain/result.h"
#include "store/store.h"

namespace kith::cli {

struct GlobalOptions {
  std::string db;     // --db, else $KITH_DB, else the XDG data path
  bool json = false;  // --json
  std::string today;  // --today YYYY-MM-DD
};

class Session {
 public:
  // Opens the database and sets the clock that the options select.
  static Result<std::unique_ptr<Session>> Open(const GlobalOptions& options);
  Context& context() { return context_; }
  Store& store() { return *store_; }
  [[nodiscard]] const std::string& database_path() const { return path_; }

 private:
  Session(std::unique_ptr<Store> store, std::unique_ptr<Clock> clock, std::string region, std::string path)
      : store_(std::move(store)),
        clock_(std::move(clock)),
        context_{*store_, *clock_, std::move(region)},
        path_(std::move(path)) {}
  std::unique_ptr<Store> store_;
  std::unique_ptr<Clock> clock_;
  Context context_;
  std::string path_;
};

// $KITH_DB, else $XDG_DATA_HOME/kith/kith.db, else ~/.local/share/kith/kith.db.
std::string DefaultDatabasePath();

}  // namespace kith::cli
