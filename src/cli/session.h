// What a command needs to run: the options every command shares, and the
// open database and clock they select.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "app/access.h"
#include "app/context.h"
#include "domain/clock.h"
#include "domain/result.h"
#include "store/store.h"

namespace kith::cli {

struct GlobalOptions {
  std::string db;         // --db, else $KITH_DB, else the XDG data path
  bool json = false;      // --json
  std::string today;      // --today YYYY-MM-DD
  std::string user;       // --user, else $KITH_USER: who acts on a shared database
  std::string workspace;  // --workspace, else $KITH_WORKSPACE: where
};

class Session {
 public:
  // Opens the database and sets the clock that the options select, acting
  // as the member they name (EnterWorkspace, app/access.h) for `scope`.
  static Result<std::unique_ptr<Session>> Open(const GlobalOptions& options, Scope scope = Scope::kWorkspace);
  Context& context() { return context_; }
  Store& store() { return *store_; }
  [[nodiscard]] const std::string& database_path() const { return path_; }
  // Who the options say acts (--user or $KITH_USER, --workspace or
  // $KITH_WORKSPACE); empty when they name nobody.
  [[nodiscard]] const ActingAs& acting() const { return acting_; }

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
  ActingAs acting_;
};

// The clock --today selects: that day, or the system's. kInvalidInput for
// a date that is none.
Result<std::unique_ptr<Clock>> ClockOf(const GlobalOptions& options);

// Who the options say acts: --user or $KITH_USER, --workspace or
// $KITH_WORKSPACE; empty when they name nobody.
ActingAs ActingOf(const GlobalOptions& options);

// $KITH_DB, else $XDG_DATA_HOME/kith/kith.db, else ~/.local/share/kith/kith.db.
std::string DefaultDatabasePath();

}  // namespace kith::cli
