// The values the list's filters can take, for suggestions as a person types:
// the tags in use and the events people were met at.
#include "store/sqlite/label_kinds.h"
#include "store/sqlite/sqlite_store.h"

namespace kith::sqlite {
namespace {

// Every string that starts with `prefix` sorts (byte by byte, as BINARY and
// NOCASE compare) between `prefix` and `prefix` + 0xFF, a byte UTF-8 never
// holds: the bounds of one index range.
std::string PastPrefix(std::string_view prefix) { return std::string(prefix) + '\xff'; }

Result<std::vector<std::string>> Values(Statement& select) {
  std::vector<std::string> values;
  while (true) {
    KITH_ASSIGN_OR_RETURN(const bool row, select.Step());
    if (!row) break;
    values.push_back(select.Text(0));
  }
  return values;
}

}  // namespace

Result<std::vector<std::string>> SqliteStore::LabelsWithPrefix(std::string_view kind, std::string_view prefix,
                                                               int limit) {
  const std::string folded = prefix.empty() ? std::string() : SortName(prefix);
  // Live people's labels, the most used first. The kind is written as a
  // number in the statement, not bound, so that a tag's is answered from
  // the index of tags (contact_labels_by_value, tags only).
  KITH_ASSIGN_OR_RETURN(
      auto select, database_->Prepare("SELECT min(v.value) FROM contact_labels l "
                                      "JOIN label_values v ON v.id = l.value_id "
                                      "JOIN contacts ON contacts.id = l.contact_id AND trashed_at IS NULL "
                                      "WHERE l.kind = " +
                                      std::to_string(LabelKindCode(kind)) +
                                      " AND v.folded >= ?1 AND v.folded < ?2 "
                                      "GROUP BY v.folded ORDER BY count(*) DESC, v.folded LIMIT ?3"));
  select.Bind(1, folded).Bind(2, PastPrefix(folded)).Bind(3, limit);
  return Values(select);
}

Result<std::vector<std::string>> SqliteStore::MetAtWithPrefix(std::string_view prefix, int limit) {
  // Events made in kith and the places on cards (an import's "met at"),
  // case ignored; the ones with the most live people first.
  KITH_ASSIGN_OR_RETURN(
      auto select,
      database_->Prepare(
          "SELECT min(name) FROM ("
          " SELECT met_at AS name, 1 AS people FROM contacts"
          " WHERE trashed_at IS NULL AND met_at COLLATE NOCASE >= ?1"
          " AND met_at COLLATE NOCASE < ?2 AND met_at <> ''"
          " UNION ALL SELECT name, 0 FROM events"
          " WHERE name COLLATE NOCASE >= ?1 AND name COLLATE NOCASE < ?2)"
          " GROUP BY name COLLATE NOCASE ORDER BY sum(people) DESC, name COLLATE NOCASE LIMIT ?3"));
  select.Bind(1, std::string(prefix)).Bind(2, PastPrefix(prefix)).Bind(3, limit);
  return Values(select);
}

}  // namespace kith::sqlite
