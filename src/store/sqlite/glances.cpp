// Glances at contacts: the few columns a search-as-you-type line shows.
#include "store/sqlite/row_values.h"
#include "store/sqlite/sqlite_store.h"

namespace kith::sqlite {

Result<std::vector<ContactGlance>> SqliteStore::ContactGlances(const std::vector<ContactId>& ids) {
  // One statement for the whole page, in the order given (the array's
  // index): a lookup per id inside a savepoint cost a fifth of a
  // typeahead request (BENCHMARKS.md, serve6).
  KITH_ASSIGN_OR_RETURN(
      auto select,
      database_->Prepare(
          "SELECT c.id, c.display_name, c.company, c.title, (SELECT address FROM contact_emails e "
          "WHERE e.contact_id = c.id ORDER BY position LIMIT 1), c.city, c.met_at, c.notes "
          "FROM json_each(?1) AS page JOIN contacts c ON c.id = page.value ORDER BY page.key"));
  select.Bind(1, IdsJson(ids));
  std::vector<ContactGlance> glances;
  glances.reserve(ids.size());
  while (true) {
    KITH_ASSIGN_OR_RETURN(const bool row, select.Step());
    if (!row) break;
    glances.push_back(ContactGlance{ContactId{select.Int(0)}, select.Text(1), select.Text(2), select.Text(3),
                                    select.Text(4), select.Text(5), select.Text(6), select.Text(7)});
  }
  return glances;
}

}  // namespace kith::sqlite
