// Glances at contacts: the few columns a search-as-you-type line shows.
#include <vector>

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
  // Read into their places, then the places of ids not found (rare: a card
  // deleted since the search) closed up, rather than each glance moved again.
  std::vector<ContactGlance> glances(ids.size());
  std::vector<bool> found(ids.size(), false);
  std::size_t found_count = 0;
  while (true) {
    KITH_ASSIGN_OR_RETURN(const bool row, select.Step());
    if (!row) break;
    const auto place = static_cast<std::size_t>(select.Int(0));
    if (place >= glances.size() || found[place]) continue;
    glances[place] = ContactGlance{ContactId{select.Int(1)}, select.Text(2), select.Text(3), select.Text(4),
                                   select.Text(5),           select.Text(6), select.Text(7), select.Text(8)};
    found[place] = true;
    ++found_count;
  }
  if (found_count < glances.size()) {
    std::size_t kept = 0;
    for (std::size_t place = 0; place < glances.size(); ++place) {
      if (!found[place]) continue;
      if (kept != place) glances[kept] = std::move(glances[place]);
      ++kept;
    }
    glances.resize(kept);
  }
  return glances;
}

}  // namespace kith::sqlite
