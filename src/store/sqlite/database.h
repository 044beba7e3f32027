// A thin RAII layer over the SQLite C API: connections, cached prepared
// statements and error translation. Private to store/.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/result.h"

namespace kith::sqlite {

class Database;

// A cached prepared statement and whether someone holds it now.
struct CachedStatement {
  sqlite3_stmt* handle = nullptr;
  bool leased = false;
};

// A prepared statement leased from the connection's cache: while it lives no
// one else is handed the same handle (a second user of the same SQL gets a
// statement of its own), so two live queries never reset each other. When it
// goes out of scope it is reset and its bindings cleared; the cached one goes
// back to the cache, a second one is finalised.
class Statement {
 public:
  // `cached` is the cache slot leased, or null for a statement of its own.
  Statement(Database* database, sqlite3_stmt* handle, CachedStatement* cached)
      : database_(database), handle_(handle), cached_(cached) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  ~Statement();

  // Binding by 1-based position; empty optionals and `BindNull` bind NULL.
  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, int value) { return Bind(index, static_cast<std::int64_t>(value)); }
  Statement& Bind(int index, std::string_view value);
  Statement& Bind(int index, const std::string& value) { return Bind(index, std::string_view(value)); }
  Statement& Bind(int index, const char* value) { return Bind(index, std::string_view(value)); }
  Statement& Bind(int index, const std::optional<std::string>& value);
  // Binds text without copying it: the caller keeps `value` alive and
  // unchanged until the statement is run and bound again or ends. For texts
  // bound a million times, where SQLite's copy of each is a measurable cost.
  Statement& BindBorrowed(int index, std::string_view value);
  Statement& BindNull(int index);
  Statement& BindBlob(int index, std::span<const std::byte> value);

  // True while a row is available; an error ends the loop and is kept for `status()`.
  [[nodiscard]] Result<bool> Step();
  // Runs the statement to completion.
  [[nodiscard]] Status Run();
  // Ends a query before its last row, keeping the bindings for the next run.
  void Reset();

  [[nodiscard]] std::int64_t Int(int column) const;
  [[nodiscard]] std::string Text(int column) const;
  [[nodiscard]] std::optional<std::string> OptionalText(int column) const;
  [[nodiscard]] bool IsNull(int column) const;
  [[nodiscard]] std::vector<std::byte> Blob(int column) const;

 private:
  Database* database_;
  sqlite3_stmt* handle_;
  CachedStatement* cached_;
};

enum class OpenMode { kReadWrite, kReadOnly };

class Database {
 public:
  // Opens (creating when read-write) the file at `path`.
  static Result<std::unique_ptr<Database>> Open(const std::string& path, OpenMode mode);
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  // Runs one or more statements without results (schema, pragmas).
  [[nodiscard]] Status Execute(std::string_view sql);
  // A prepared statement for `sql`, leased from the cache while the caller
  // holds it (prepared afresh when the cached one is in use); preparation
  // errors are kInternal. Every Statement must end before its Database.
  [[nodiscard]] Result<Statement> Prepare(std::string_view sql);

  [[nodiscard]] std::int64_t LastInsertRowId() const;
  // Rows changed by the last INSERT, UPDATE or DELETE.
  [[nodiscard]] std::int64_t Changes() const;
  [[nodiscard]] sqlite3* handle() const { return handle_; }
  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] OpenMode mode() const { return mode_; }

  // Turns the connection's last error into an Error that says what failed.
  [[nodiscard]] Error LastError(std::string_view doing) const;

 private:
  Database(sqlite3* handle, std::string path, OpenMode mode)
      : handle_(handle), path_(std::move(path)), mode_(mode) {}
  sqlite3* handle_;
  std::string path_;
  OpenMode mode_;
  // References to elements stay valid as the map grows, so a lease can
  // point at its slot.
  std::unordered_map<std::string, CachedStatement> statements_;
};

}  // namespace kith::sqlite
