#include "cli/session.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace kith::cli {
namespace {

std::string Environment(const char* name) {
  const char* value = std::getenv(name);  // NOLINT(concurrency-mt-unsafe): read once at start-up
  return value == nullptr ? std::string() : std::string(value);
}

}  // namespace

std::string DefaultDatabasePath() {
  if (auto from_environment = Environment("KITH_DB"); !from_environment.empty()) return from_environment;
  std::string data_home = Environment("XDG_DATA_HOME");
  if (data_home.empty()) data_home = Environment("HOME") + "/.local/share";
  return data_home + "/kith/kith.db";
}

Result<std::unique_ptr<Clock>> ClockOf(const GlobalOptions& options) {
  if (options.today.empty()) return std::unique_ptr<Clock>(std::make_unique<SystemClock>());
  auto today = ParseIsoDate(options.today);
  if (!today) return Fail(ErrorCode::kInvalidInput, "--today " + today.error().message, "today");
  return std::unique_ptr<Clock>(std::make_unique<FixedClock>(*today));
}

ActingAs ActingOf(const GlobalOptions& options) {
  return {options.user.empty() ? Environment("KITH_USER") : options.user,
          options.workspace.empty() ? Environment("KITH_WORKSPACE") : options.workspace};
}

Result<std::unique_ptr<Session>> Session::Open(const GlobalOptions& options, Scope scope) {
  KITH_ASSIGN_OR_RETURN(std::unique_ptr<Clock> clock, ClockOf(options));
  std::string path = options.db;
  if (path.empty()) {
    path = DefaultDatabasePath();
    // The default location is ours to create; a path given explicitly is not.
    std::error_code error;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), error);
  }
  // A postgresql:// URI opens the shared store; anything else is a file.
  KITH_ASSIGN_OR_RETURN(auto store, OpenStore(path));
  auto session = std::unique_ptr<Session>(
      new Session(std::move(store), std::move(clock), Environment("KITH_REGION"), path));
  session->acting_ = ActingOf(options);
  KITH_RETURN_IF_ERROR(EnterWorkspace(session->context(), session->acting_, scope));
  return session;
}

}  // namespace kith::cli
