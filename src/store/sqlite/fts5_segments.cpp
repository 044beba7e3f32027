#include "store/sqlite/fts5_segments.h"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace kith::sqlite {
namespace {

// The row of %_data that holds the structure (FTS5_STRUCTURE_ROWID).
constexpr std::int64_t kStructureRowid = 10;
// The record starts with a 32-bit cookie; newer versions of FTS5 may follow
// it with this marker (FTS5_STRUCTURE_V2) before the same fields.
constexpr std::string_view kSecondVersionMarker = "FLIP";
constexpr std::size_t kCookieBytes = 4;
// FTS5's 'merge' command takes segments only from a level that holds at
// least `usermerge` of them (its default: 4). New segments go to level 0,
// where the ones written before have mostly been merged away; at 2 the new
// ones qualify, and a page budget of what they hold ends the merge before it
// takes the older segments too.
constexpr std::string_view kMergeNewSegments = "2";
constexpr std::string_view kDefaultUsermerge = "4";

// Reads SQLite's variable-length integers (big-endian groups of seven bits,
// a ninth byte of eight) one after the other.
class VarintReader {
 public:
  explicit VarintReader(std::span<const std::byte> bytes) : bytes_(bytes) {}
  void Skip(std::size_t count) { at_ += count; }
  [[nodiscard]] bool StartsWith(std::string_view text) const {
    if (bytes_.size() < at_ + text.size()) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (static_cast<char>(bytes_[at_ + i]) != text[i]) return false;
    }
    return true;
  }
  std::optional<std::uint64_t> Next() {
    constexpr int kLongest = 9;
    std::uint64_t value = 0;
    for (int i = 0; i < kLongest; ++i) {
      if (at_ >= bytes_.size()) return std::nullopt;
      const auto byte = std::to_integer<std::uint64_t>(bytes_[at_++]);
      if (i == kLongest - 1) return (value << 8) | byte;
      value = (value << 7) | (byte & 0x7f);
      if ((byte & 0x80) == 0) return value;
    }
    return value;
  }

 private:
  std::span<const std::byte> bytes_;
  std::size_t at_ = 0;
};

tl::unexpected<Error> Unreadable(std::string_view table) {
  return Fail(ErrorCode::kInternal, "the structure record of the search index " + std::string(table) +
                                        " is not in a format kith can read");
}

Status RunCommand(Database& database, std::string_view table, std::string_view command,
                  std::string_view value) {
  const std::string name(table);
  return database.Execute("INSERT INTO " + name + "(" + name + ", rank) VALUES('" + std::string(command) +
                          "', " + std::string(value) + ")");
}

}  // namespace

Result<Fts5Segments> ReadFts5Segments(Database& database, std::string_view table) {
  std::vector<std::byte> record;
  {
    KITH_ASSIGN_OR_RETURN(
        auto select, database.Prepare("SELECT block FROM " + std::string(table) + "_data WHERE id = ?1"));
    select.Bind(1, kStructureRowid);
    KITH_ASSIGN_OR_RETURN(const bool row, select.Step());
    if (!row) return Fts5Segments{};
    record = select.Blob(0);
  }
  VarintReader reader(record);
  reader.Skip(kCookieBytes);
  if (reader.StartsWith(kSecondVersionMarker)) reader.Skip(kSecondVersionMarker.size());
  const auto levels = reader.Next();
  const auto segments = reader.Next();
  const auto write_counter = reader.Next();
  if (!levels || !segments || !write_counter) return Unreadable(table);
  Fts5Segments found;
  for (std::uint64_t level = 0; level < *levels; ++level) {
    const auto merging = reader.Next();
    const auto on_level = reader.Next();
    if (!merging || !on_level) return Unreadable(table);
    for (std::uint64_t segment = 0; segment < *on_level; ++segment) {
      const auto id = reader.Next();
      const auto first_page = reader.Next();
      const auto last_page = reader.Next();
      if (!id || !first_page || !last_page || *last_page + 1 < *first_page) return Unreadable(table);
      found.count += 1;
      found.pages += static_cast<std::int64_t>(*last_page + 1 - *first_page);
    }
  }
  if (found.count != static_cast<std::int64_t>(*segments)) return Unreadable(table);
  return found;
}

Status MergeSegmentsWrittenSince(Database& database, std::string_view table, const Fts5Segments& before) {
  const Result<Fts5Segments> after = ReadFts5Segments(database, table);
  // Unreadable now, though read before: nothing is merged (see the header).
  if (!after || after->count - before.count < 2) return Ok();
  KITH_RETURN_IF_ERROR(RunCommand(database, table, "usermerge", kMergeNewSegments));
  KITH_RETURN_IF_ERROR(RunCommand(database, table, "merge", std::to_string(after->pages - before.pages)));
  return RunCommand(database, table, "usermerge", kDefaultUsermerge);
}

}  // namespace kith::sqlite
