// How much of an FTS5 table's index is in how many segments, read from the
// structure record FTS5 keeps in its %_data table. A bulk write leaves one
// segment per flush of its buffer; a search walks every segment that holds
// a term, so the bulk merges what it wrote (bulk_index.cpp). Private to
// store/sqlite.
#pragma once

#include <cstdint>
#include <string_view>

#include "domain/result.h"
#include "store/sqlite/database.h"

namespace kith::sqlite {

struct Fts5Segments {
  std::int64_t count = 0;  // segments, on every level
  std::int64_t pages = 0;  // their leaf pages together
};

// The segments of `table` (an FTS5 table's name, trusted: it is put in the
// SQL). A table with no structure record yet has none. kInternal when the
// record cannot be read or is not in the format of SQLite's fts5_index.c.
[[nodiscard]] Result<Fts5Segments> ReadFts5Segments(Database& database, std::string_view table);

// Merges the segments written into `table` since it held `before` into one,
// when there are two or more; the segments it held before are left as they
// were, so the cost is that of what was written since. FTS5's automerge
// option is not changed (a bulk keeps it off). When the record cannot be
// read nothing is merged: the merge is an optimisation, not worth failing a
// write over. Errors are SQLite's, as kInternal.
[[nodiscard]] Status MergeSegmentsWrittenSince(Database& database, std::string_view table,
                                               const Fts5Segments& before);

}  // namespace kith::sqlite
