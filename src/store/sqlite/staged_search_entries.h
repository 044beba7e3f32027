// The search entries a bulk write stages until its end (bulk_index.cpp), in
// memory. They were rows of a temporary table, sorted by key with an
// ORDER BY at the end: a B-tree insert per card and an external sort, a
// twentieth of an import, for entries that are written once and read once.
// Private to store/sqlite.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/search_document.h"

namespace kith::sqlite {

class StagedSearchEntries {
 public:
  // One card's entry: its key (the widest layout) and its document's
  // columns, kept end to end in one string.
  class Entry {
   public:
    [[nodiscard]] std::int64_t key() const { return key_; }
    // Column `column` of the document (0 to 12, kSearchColumns' order).
    [[nodiscard]] std::string_view Column(std::size_t column) const;

   private:
    friend class StagedSearchEntries;
    std::int64_t key_ = 0;
    bool live_ = false;
    std::string text_;
    std::array<std::uint32_t, std::tuple_size_v<SearchDocument>> ends_{};
  };

  // Stages the card's entry, replacing the one it had.
  void Put(std::int64_t contact_id, std::int64_t key, const SearchDocument& document);
  // Unstages the card's entry; nothing when it has none.
  void Remove(std::int64_t contact_id);
  // The live entries, highest key first: the search tables' rowid order
  // (search_rowid.h). Valid until the next Put or Remove.
  [[nodiscard]] std::vector<const Entry*> InRowidOrder() const;

 private:
  std::vector<Entry> entries_;
  std::unordered_map<std::int64_t, std::size_t> slot_of_;
};

}  // namespace kith::sqlite
