// Keeping the file safe: the online backup and the integrity checks.
#include <filesystem>
#include <string>
#include <vector>

#include "store/sqlite/sqlite_store.h"

namespace kith::sqlite {
namespace {

// A name quoted as an SQL identifier.
std::string Quoted(const std::string& name) {
  std::string quoted = "\"";
  for (const char c : name) {
    quoted += c;
    if (c == '"') quoted += '"';
  }
  return quoted + "\"";
}

}  // namespace

Status SqliteStore::CopyTo(const std::string& path) {
  // A copy left behind by a crash is stale: start from nothing.
  for (const std::string& leftover : {path, path + "-journal", path + "-wal", path + "-shm"}) {
    std::error_code ignored;
    std::filesystem::remove(leftover, ignored);
  }
  KITH_ASSIGN_OR_RETURN(const auto copy, Database::Open(path, OpenMode::kReadWrite));
  // The caller flushes the finished file once; a journal or a flush per page
  // would only slow the copy of a file nobody else can see yet.
  KITH_RETURN_IF_ERROR(copy->Execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"));
  sqlite3_backup* backup = sqlite3_backup_init(copy->handle(), "main", database_->handle(), "main");
  if (backup == nullptr) return tl::unexpected(copy->LastError("starting the backup"));
  // One step copies every page under one read transaction: in WAL mode that
  // is a snapshot, and writers on other connections are not held up.
  const int stepped = sqlite3_backup_step(backup, -1);
  const int finished = sqlite3_backup_finish(backup);
  if (stepped != SQLITE_DONE || finished != SQLITE_OK) {
    Error error = copy->LastError("copying the database");
    error.code = ErrorCode::kIo;
    return tl::unexpected(std::move(error));
  }
  return Ok();
}

Result<std::vector<std::string>> SqliteStore::CheckIntegrity() {
  std::vector<std::string> problems;
  KITH_ASSIGN_OR_RETURN(auto integrity, database_->Prepare("PRAGMA integrity_check"));
  while (true) {
    KITH_ASSIGN_OR_RETURN(const bool row, integrity.Step());
    if (!row) break;
    if (const std::string finding = integrity.Text(0); finding != "ok") problems.push_back(finding);
  }
  KITH_ASSIGN_OR_RETURN(auto foreign_keys, database_->Prepare("PRAGMA foreign_key_check"));
  while (true) {
    KITH_ASSIGN_OR_RETURN(const bool row, foreign_keys.Step());
    if (!row) break;
    problems.push_back("row " + std::to_string(foreign_keys.Int(1)) + " of " + foreign_keys.Text(0) +
                       " points at a missing row of " + foreign_keys.Text(2));
  }
  KITH_ASSIGN_OR_RETURN(auto search_tables,
                        database_->Prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                           "sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%' ORDER BY name"));
  std::vector<std::string> names;
  while (true) {
    KITH_ASSIGN_OR_RETURN(const bool row, search_tables.Step());
    if (!row) break;
    names.push_back(search_tables.Text(0));
  }
  for (const auto& name : names) {
    // FTS5's own check compares the index with the rows it was built from.
    if (auto checked = database_->Execute("INSERT INTO " + Quoted(name) + "(" + Quoted(name) +
                                          ") VALUES('integrity-check')");
        !checked) {
      problems.push_back("search table " + name + ": " + checked.error().message);
    }
  }
  return problems;
}

}  // namespace kith::sqlite
