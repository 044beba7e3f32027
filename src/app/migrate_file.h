// A personal SQLite file moved into a workspace of a shared PostgreSQL
// database, ids and all (`kith migrate`, docs/team.md).
#pragma once

#include <string>
#include <vector>

#include "domain/clock.h"
#include "domain/result.h"
#include "store/file_migration.h"

namespace kith {

struct MigrateRequest {
  std::string from;                   // the kith SQLite file
  std::string to;                     // a postgresql:// URI
  std::string workspace = "default";  // made when missing
  std::string owner;                  // the account that owns a new workspace
};

struct MigrateSummary {
  std::string workspace;
  bool created_workspace = false;
  std::vector<MigratedTable> tables;  // rows copied per table, in the order copied
};

// Copies everything of the file `from` into the workspace of `to`, in one
// transaction of the database: all of it, or nothing. The file is opened as
// any command opens it (an older one is upgraded first) and read in one
// snapshot, so it may stay in use. The workspace is made when missing (on
// a database with accounts, with `owner` as its first owner: kInvalidInput
// without one; kNotFound for an unknown account). Errors, each before
// anything is written: kInvalidInput when `to` is no PostgreSQL URI or
// `from` is one, or for a bad workspace name; kNotFound when `from` does
// not exist; kConflict when the workspace already holds cards or the
// loop (a migration goes into an empty workspace: its ids are the
// file's); kInvalidInput when `owner` is given for a workspace that
// already has members. Errors of either store otherwise.
Result<MigrateSummary> MigrateFile(const MigrateRequest& request, const Clock& clock);

}  // namespace kith
