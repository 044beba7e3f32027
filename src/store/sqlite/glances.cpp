// Glances at contacts: the few columns a search-as-you-type line shows.
#include "store/sqlite/sqlite_store.h"

namespace kith::sqlite {

Result<std::vector<ContactGlance>> SqliteStore::ContactGlances(const std::vector<ContactId>& ids) {
  KITH_ASSIGN_OR_RETURN(
      auto select, database_->Prepare(
                       "SELECT display_name, company, title, (SELECT address FROM contact_emails e WHERE "
                       "e.contact_id = c.id ORDER BY position LIMIT 1), city, met_at, notes FROM contacts c "
                       "WHERE id = ?1"));
  std::vector<ContactGlance> glances;
  glances.reserve(ids.size());
  KITH_RETURN_IF_ERROR(EachIdInOneRead(select, ids, [&glances](ContactId id, const Statement& row) {
    glances.push_back(ContactGlance{id, row.Text(0), row.Text(1), row.Text(2), row.Text(3), row.Text(4),
                                    row.Text(5), row.Text(6)});
  }));
  return glances;
}

}  // namespace kith::sqlite
