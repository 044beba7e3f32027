// The bulk write: many new cards written first, their search entries after,
// in one pass. FTS5 keeps new entries in memory while rowids ascend and
// writes a segment whenever one goes backwards or the buffer fills; cards
// come in file order, whose keys (recency, then id) jump about, so indexing
// batch by batch wrote many small segments and merged them again and again.
// Staged in a temporary table and inserted ORDER BY key with a large buffer,
// the new entries become a few large segments.
#include <array>
#include <string>

#include "store/sqlite/sqlite_store.h"

namespace kith::sqlite {
namespace {

// How much new index FTS5 buffers before writing a segment: its default is
// 1 MiB; during the final pass 64 MiB (per table, freed at the commit).
constexpr std::string_view kBulkHashSize = "67108864";
constexpr std::string_view kDefaultHashSize = "1048576";
// The page cache for a bulk write (negative: in KiB, as the pragma takes
// it): the indexes of a million cards stay in memory. Only pages read take
// memory; the size before comes back at the end.
constexpr std::string_view kBulkCacheSize = "-262144";

constexpr std::array<std::string_view, 3> kSearchTables = {"search_names", "search_cards",
                                                           "search_everything"};
// How many of kSearchColumns each table holds, in the order above.
constexpr std::array<std::size_t, 3> kColumnsOf = {1, 12, 13};

std::string ColumnList(std::size_t count) {
  std::string list;
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0) list += ", ";
    list += kSearchColumns.at(i);
  }
  return list;
}

Status SetHashSize(Database& database, std::string_view size) {
  for (const std::string_view table : kSearchTables) {
    std::string sql = "INSERT INTO ";
    sql.append(table)
        .append("(")
        .append(table)
        .append(", rank) VALUES('hashsize', ")
        .append(size)
        .append(")");
    KITH_RETURN_IF_ERROR(database.Execute(sql));
  }
  return Ok();
}

}  // namespace

Result<Transaction> SqliteStore::BeginBulk() { return BeginTransaction(true); }

Status SqliteStore::StartBulk() {
  KITH_ASSIGN_OR_RETURN(auto next, database_->Prepare("SELECT coalesce(max(id), 0) + 1 FROM contacts"));
  KITH_ASSIGN_OR_RETURN(const bool row, next.Step());
  bulk_.first_new_id = row ? next.Int(0) : 1;
  KITH_ASSIGN_OR_RETURN(auto cache, database_->Prepare("PRAGMA cache_size"));
  KITH_ASSIGN_OR_RETURN(const bool has_cache, cache.Step());
  bulk_.cache_size_before = has_cache ? cache.Int(0) : 0;
  KITH_RETURN_IF_ERROR(database_->Execute(
      "CREATE TEMP TABLE IF NOT EXISTS bulk_search(contact_id INTEGER "
      "PRIMARY KEY, key INTEGER NOT NULL, " +
      ColumnList(kSearchColumns.size()) +
      "); DELETE FROM temp.bulk_search; PRAGMA cache_size = " + std::string(kBulkCacheSize) + ";"));
  bulk_.active = true;
  return Ok();
}

Status SqliteStore::StageIndexEntry(ContactId id, std::int64_t key, const SearchDocument& document,
                                    bool remove) {
  if (remove) {
    KITH_ASSIGN_OR_RETURN(auto unstage,
                          database_->Prepare("DELETE FROM temp.bulk_search WHERE contact_id = ?1"));
    unstage.Bind(1, id.value);
    return unstage.Run();
  }
  static const std::string kStage = [] {
    std::string sql = "INSERT OR REPLACE INTO temp.bulk_search(contact_id, key, " +
                      ColumnList(kSearchColumns.size()) + ") VALUES(?1, ?2";
    for (std::size_t i = 0; i < kSearchColumns.size(); ++i) sql += ", ?" + std::to_string(i + 3);
    return sql + ")";
  }();
  KITH_ASSIGN_OR_RETURN(auto stage, database_->Prepare(kStage));
  stage.Bind(1, id.value).Bind(2, key);
  for (std::size_t i = 0; i < document.size(); ++i) stage.Bind(static_cast<int>(i) + 3, document.at(i));
  return stage.Run();
}

Status SqliteStore::IndexStaged() {
  if (bulk_.failed) {
    return Fail(ErrorCode::kInternal, "a write in this bulk transaction failed: it cannot be committed");
  }
  KITH_RETURN_IF_ERROR(SetHashSize(*database_, kBulkHashSize));
  for (std::size_t t = 0; t < kSearchTables.size(); ++t) {
    const std::string columns = ColumnList(kColumnsOf.at(t));
    std::string sql = "INSERT INTO ";
    sql.append(kSearchTables.at(t)).append("(rowid, ").append(columns).append(") SELECT key, ");
    sql.append(columns).append(" FROM temp.bulk_search ORDER BY key");
    KITH_RETURN_IF_ERROR(database_->Execute(sql));
  }
  return SetHashSize(*database_, kDefaultHashSize);
}

void SqliteStore::EndBulk() {
  if (!bulk_.active) return;
  (void)database_->Execute("DROP TABLE IF EXISTS temp.bulk_search; PRAGMA cache_size = " +
                           std::to_string(bulk_.cache_size_before) + ";");
  bulk_ = BulkWrite{};
}

}  // namespace kith::sqlite
