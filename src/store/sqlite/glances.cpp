// Glances at contacts: the few columns a search-as-you-type line shows.
#include <optional>

#include "store/sqlite/row_values.h"
#include "store/sqlite/sqlite_store.h"

namespace kith::sqlite {

Result<std::vector<ContactGlance>> SqliteStore::ContactGlances(const std::vector<ContactId>& ids) {
  // One statement for the whole page: a lookup per id inside a savepoint
  // cost a fifth of a typeahead request (BENCHMARKS.md, serve6). Each row
  // says its place in the page (the array's index) and is put there: an
  // ORDER BY sorted every row, notes and all, through a temporary b-tree
  // (BENCHMARKS.md, api11). A card's first email is the one at position 0
  // (WriteChildren numbers them from 0, and nothing else writes them): a
  // join on the whole primary key costs a quarter less than the subquery per
  // row that took the lowest position (BENCHMARKS.md, api12).
  KITH_ASSIGN_OR_RETURN(
      auto select,
      database_->Prepare(
          "SELECT page.key, c.id, c.display_name, c.company, c.title, e.address, c.city, c.met_at, c.notes "
          "FROM json_each(?1) AS page JOIN contacts c ON c.id = page.value "
          "LEFT JOIN contact_emails e ON e.contact_id = c.id AND e.position = 0"));
  select.Bind(1, IdsJson(ids));
  std::vector<std::optional<ContactGlance>> placed(ids.size());
  while (true) {
    KITH_ASSIGN_OR_RETURN(const bool row, select.Step());
    if (!row) break;
    const auto place = static_cast<std::size_t>(select.Int(0));
    if (place >= placed.size()) continue;
    placed[place] = ContactGlance{ContactId{select.Int(1)}, select.Text(2), select.Text(3), select.Text(4),
                                  select.Text(5),           select.Text(6), select.Text(7), select.Text(8)};
  }
  std::vector<ContactGlance> glances;
  glances.reserve(ids.size());
  for (auto& glance : placed) {
    if (glance) glances.push_back(std::move(*glance));
  }
  return glances;
}

}  // namespace kith::sqlite
