// The page cache of a bulk write, grown with the file it writes. Every page
// a bulk changes stays dirty until its COMMIT; when the cache is full SQLite
// writes one out to the WAL to make room (a spill) and reads it back from
// there the next time a row lands on it. The new cards' rows land on the
// last pages, but their entries in the lookup indexes (uid, profile URL,
// email, name with company) land all over them, so once the indexes
// outgrew the cache nearly every row spilled a page and read one back, and
// each read searched a WAL that grew with the import. Sized to hold the file
// three times over (the indexes built at the end about double it), nothing
// is spilled; only the pages touched take memory, so a small write into a
// large file costs no more than before.
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <string>

#include "store/sqlite/sqlite_store.h"

namespace kith::sqlite {
namespace {

// How many times the file's size the cache may hold.
constexpr std::int64_t kFileSizes = 3;
// The least a bulk write's cache holds (the size it had before it grew).
constexpr std::int64_t kLeastBulkCacheBytes = std::int64_t{256} << 20;
// At most this share of the machine's memory (1 / kMemoryShare): past it,
// pages spill as before rather than pushing other programs into swap.
constexpr std::int64_t kMemoryShare = 4;

std::int64_t MostBulkCacheBytes() {
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page_size = sysconf(_SC_PAGE_SIZE);
  if (pages <= 0 || page_size <= 0) return kLeastBulkCacheBytes;
  return std::max(kLeastBulkCacheBytes, static_cast<std::int64_t>(pages) * page_size / kMemoryShare);
}

Result<std::int64_t> PragmaValue(Database& database, std::string_view pragma) {
  KITH_ASSIGN_OR_RETURN(auto select, database.Prepare(pragma));
  KITH_ASSIGN_OR_RETURN(const bool row, select.Step());
  return row ? select.Int(0) : 0;
}

}  // namespace

Status SqliteStore::GrowBulkCache() {
  KITH_ASSIGN_OR_RETURN(const std::int64_t pages, PragmaValue(*database_, "PRAGMA main.page_count"));
  KITH_ASSIGN_OR_RETURN(const std::int64_t page_size, PragmaValue(*database_, "PRAGMA main.page_size"));
  const std::int64_t wanted =
      std::min(std::max(kFileSizes * pages * page_size, kLeastBulkCacheBytes), MostBulkCacheBytes());
  if (wanted <= bulk_.cache_bytes) return Ok();
  // Negative: the size in KiB, whatever the page size.
  KITH_RETURN_IF_ERROR(database_->Execute("PRAGMA main.cache_size = -" + std::to_string(wanted / 1024)));
  bulk_.cache_bytes = wanted;
  return Ok();
}

}  // namespace kith::sqlite
