#include "store/sqlite/database.h"

#include <cstring>

#include "store/sqlite/allocator.h"

namespace kith::sqlite {

Statement::Statement(Statement&& other) noexcept
    : database_(other.database_), handle_(other.handle_), cached_(other.cached_) {
  other.handle_ = nullptr;
  other.cached_ = nullptr;
}

Statement::~Statement() {
  if (handle_ == nullptr) return;
  if (cached_ == nullptr) {
    sqlite3_finalize(handle_);
    return;
  }
  sqlite3_reset(handle_);
  sqlite3_clear_bindings(handle_);
  cached_->leased = false;
}

Statement& Statement::Bind(int index, std::int64_t value) {
  sqlite3_bind_int64(handle_, index, value);
  return *this;
}

Statement& Statement::Bind(int index, std::string_view value) {
  sqlite3_bind_text(handle_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::BindBorrowed(int index, std::string_view value) {
  sqlite3_bind_text(handle_, index, value.data(), static_cast<int>(value.size()), SQLITE_STATIC);
  return *this;
}

Statement& Statement::Bind(int index, const std::optional<std::string>& value) {
  if (value) return Bind(index, std::string_view(*value));
  return BindNull(index);
}

Statement& Statement::BindNull(int index) {
  sqlite3_bind_null(handle_, index);
  return *this;
}

void Statement::Reset() { sqlite3_reset(handle_); }

Result<bool> Statement::Step() {
  const int rc = sqlite3_step(handle_);
  if (rc == SQLITE_ROW) return true;
  // Reset at the end so the statement can be bound and run again at once;
  // stepping a finished statement would silently rerun the old bindings.
  if (rc == SQLITE_DONE) {
    sqlite3_reset(handle_);
    return false;
  }
  Error error = database_->LastError("running a query");
  sqlite3_reset(handle_);
  return tl::unexpected(std::move(error));
}

Status Statement::Run() {
  while (true) {
    KITH_ASSIGN_OR_RETURN(const bool has_row, Step());
    if (!has_row) return Ok();
  }
}

std::int64_t Statement::Int(int column) const { return sqlite3_column_int64(handle_, column); }

Statement& Statement::BindBlob(int index, std::span<const std::byte> value) {
  sqlite3_bind_blob64(handle_, index, value.data(), value.size(), SQLITE_TRANSIENT);
  return *this;
}

std::vector<std::byte> Statement::Blob(int column) const {
  const auto* data = static_cast<const std::byte*>(sqlite3_column_blob(handle_, column));
  if (data == nullptr) return {};
  return {data, data + sqlite3_column_bytes(handle_, column)};
}

std::string Statement::Text(int column) const {
  const auto* text = sqlite3_column_text(handle_, column);
  if (text == nullptr) return {};
  return {reinterpret_cast<const char*>(text),
          static_cast<std::size_t>(sqlite3_column_bytes(handle_, column))};
}

std::optional<std::string> Statement::OptionalText(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Text(column);
}

bool Statement::IsNull(int column) const { return sqlite3_column_type(handle_, column) == SQLITE_NULL; }

namespace {

// SQLite counts every allocation under a global mutex, for sqlite3_status()
// and the soft heap limit, which kith uses neither of; Debian builds it
// without lookaside, so each of the thousands of allocations a start makes
// (the schema parsed, then freed at close) paid for the count. Once, before
// the first connection initialises SQLite (sqlite3_config is refused after).
// The allocator (allocator.h) is installed at the same time, for the same
// reason.
void ConfigureAllocations() {
  static const bool kConfigured =
      sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK && UseGrowingAllocator();
  static_cast<void>(kConfigured);
}

}  // namespace

Result<std::unique_ptr<Database>> Database::Open(const std::string& path, OpenMode mode) {
  ConfigureAllocations();
  sqlite3* handle = nullptr;
  const int flags =
      (mode == OpenMode::kReadWrite ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY) |
      SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &handle, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = "cannot open database '" + path +
                          "': " + (handle != nullptr ? sqlite3_errmsg(handle) : sqlite3_errstr(rc));
    sqlite3_close_v2(handle);
    return Fail(ErrorCode::kIo, std::move(message), "db");
  }
  sqlite3_extended_result_codes(handle, 1);
  return std::unique_ptr<Database>(new Database(handle, path, mode));
}

Database::~Database() {
  for (auto& [sql, statement] : statements_) sqlite3_finalize(statement.handle);
  sqlite3_close_v2(handle_);
}

Status Database::Execute(std::string_view sql) {
  char* message = nullptr;
  const std::string text(sql);
  if (sqlite3_exec(handle_, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    Error error = LastError("changing the database");
    sqlite3_free(message);
    return tl::unexpected(std::move(error));
  }
  return Ok();
}

Result<Statement> Database::Prepare(std::string_view sql) {
  const std::string key(sql);
  const auto found = statements_.find(key);
  if (found != statements_.end() && !found->second.leased) {
    found->second.leased = true;
    return Statement(this, found->second.handle, &found->second);
  }
  // The cached one is in use (a query inside another's loop): this user gets
  // a statement of its own, finalised when it is done.
  const bool in_use = found != statements_.end();
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v3(handle_, key.c_str(), static_cast<int>(key.size()),
                         in_use ? 0 : SQLITE_PREPARE_PERSISTENT, &statement, nullptr) != SQLITE_OK) {
    Error error = LastError("preparing a query");
    error.code = ErrorCode::kInternal;
    return tl::unexpected(std::move(error));
  }
  if (in_use) return Statement(this, statement, nullptr);
  CachedStatement& cached = statements_[key];
  cached = CachedStatement{statement, true};
  return Statement(this, statement, &cached);
}

std::int64_t Database::LastInsertRowId() const { return sqlite3_last_insert_rowid(handle_); }

std::int64_t Database::Changes() const { return sqlite3_changes64(handle_); }

Error Database::LastError(std::string_view doing) const {
  const int code = sqlite3_extended_errcode(handle_);
  const std::string detail = sqlite3_errmsg(handle_);
  const int primary = code & 0xff;
  if (primary == SQLITE_READONLY) {
    return Error{ErrorCode::kIo, "database '" + path_ + "' is read-only: " + detail, "db"};
  }
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    return Error{ErrorCode::kConflict,
                 "database '" + path_ + "' is busy (another kith is writing); try again", "db"};
  }
  if (primary == SQLITE_FULL) {
    return Error{ErrorCode::kIo, "the disk holding '" + path_ + "' is full", "db"};
  }
  if (primary == SQLITE_IOERR) {
    // SQLite's "disk I/O error" alone does not say whether the disk failed
    // or filled up; the system's reason does.
    const int system_error = sqlite3_system_errno(handle_);
    return Error{
        ErrorCode::kIo,
        "database '" + path_ + "': " + detail +
            (system_error != 0 ? std::string(" (") + std::strerror(system_error) + ")" : std::string()),
        "db"};
  }
  if (primary == SQLITE_CANTOPEN || primary == SQLITE_IOERR || primary == SQLITE_NOTADB ||
      primary == SQLITE_CORRUPT) {
    return Error{ErrorCode::kIo, "database '" + path_ + "': " + detail, "db"};
  }
  if (primary == SQLITE_CONSTRAINT) {
    return Error{ErrorCode::kConflict, std::string(doing) + ": " + detail, ""};
  }
  return Error{ErrorCode::kInternal, std::string(doing) + " failed: " + detail, ""};
}

}  // namespace kith::sqlite
