// How wide the id is in the search index's rowids (store/search_document.h),
// kept in search_layout: the shift of KeyShiftFor the highest id, so that
// FTS5's steps between rowids stay short. A write whose new ids outgrow it
// lays the whole index out again with a wider one, inside the write's
// transaction: at most four times in a database's life.
#include <algorithm>
#include <string>
#include <vector>

#include "store/sqlite/sqlite_store.h"

namespace kith::sqlite {

Result<int> SqliteStore::SearchKeyShift() {
  KITH_ASSIGN_OR_RETURN(auto select, database_->Prepare("SELECT key_shift FROM search_layout"));
  KITH_ASSIGN_OR_RETURN(const bool row, select.Step());
  if (!row) return Fail(ErrorCode::kInternal, "search_layout holds no key_shift");
  return static_cast<int>(select.Int(0));
}

Status SqliteStore::SetSearchKeyShift(int shift) {
  KITH_ASSIGN_OR_RETURN(auto update, database_->Prepare("UPDATE search_layout SET key_shift = ?1"));
  update.Bind(1, std::int64_t{shift});
  return update.Run();
}

Result<int> SqliteStore::KeyShiftForHighestId() {
  // Trashed cards count: restored, they are indexed with the shift in force.
  KITH_ASSIGN_OR_RETURN(auto select, database_->Prepare("SELECT coalesce(max(id), 0) FROM contacts"));
  KITH_ASSIGN_OR_RETURN(const bool row, select.Step());
  return KeyShiftFor(row ? select.Int(0) : 0);
}

Status SqliteStore::IndexNewCards(const std::vector<const Contact*>& contacts, VocabularyDelta& vocabulary) {
  // A bulk write stages its new cards and lays the keys out at its end
  // (IndexStaged); only a write card by card has to widen them first. The
  // new cards' rows are written already, their entries not: the cards the
  // index holds are the live ones below the lowest new id.
  if (!bulk_.active && !contacts.empty()) {
    KITH_ASSIGN_OR_RETURN(const int shift, SearchKeyShift());
    KITH_ASSIGN_OR_RETURN(const int needed, KeyShiftForHighestId());
    if (needed > shift) {
      const auto lowest =
          std::min_element(contacts.begin(), contacts.end(),
                           [](const Contact* a, const Contact* b) { return a->id.value < b->id.value; });
      KITH_RETURN_IF_ERROR(WidenSearchKeys((*lowest)->id.value));
    }
  }
  return CardStore::IndexNewCards(contacts, vocabulary);
}

}  // namespace kith::sqlite
