// Moving a personal SQLite file into a workspace of a shared database, as
// it is (`kith migrate`, docs/team.md). Only the PostgreSQL store takes a
// file in; FileMigrationOf gives nullptr for any other.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/result.h"
#include "store/store.h"

namespace kith {

// How many rows of one table came over.
struct MigratedTable {
  std::string table;
  std::int64_t rows = 0;
};

class FileMigration {
 public:
  virtual ~FileMigration() = default;

  // Whether the workspace the store acts in holds nothing of its own: no
  // cards (trashed ones too), events, posts, opportunities, devices,
  // address books or merges. Settings do not count (reading a list by
  // health stores one); the file's settings replace them.
  [[nodiscard]] virtual Result<bool> WorkspaceIsEmpty() = 0;

  // Inside the caller's transaction: copies the kith SQLite file at
  // `path` (at this build's schema version) into the workspace the store
  // acts in, every id kept, read in one snapshot of the file — the cards
  // with every value, job changes, card images, the relationship loop,
  // giving, settings, devices, the merge journal and the CardDAV cards and
  // address books. What the store derives is made afresh: the search index
  // and its vocabulary, the changes journal (CardDAV clients sync anew),
  // stored health. Web sessions stay behind (sign in again). Returns the
  // rows copied per table, in the order copied. kConflict when the file's
  // schema is not this build's; kInternal naming the table and column when
  // the file has a column the database has no place for (nothing would be
  // dropped silently); errors of the database otherwise (the caller rolls
  // back).
  [[nodiscard]] virtual Result<std::vector<MigratedTable>> CopySqliteFile(const std::string& path) = 0;
};

inline FileMigration* FileMigrationOf(Store& store) { return dynamic_cast<FileMigration*>(&store); }

}  // namespace kith
