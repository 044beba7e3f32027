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
  // One read transaction for the page: in autocommit mode each lookup would
  // take and drop the WAL read lock.
  KITH_RETURN_IF_ERROR(database_->Execute("SAVEPOINT kith_read"));
  for (const ContactId id : ids) {
    select.Bind(1, id.value);
    auto found = select.Step();
    if (!found) {
      (void)database_->Execute("RELEASE kith_read");
      return tl::unexpected(found.error());
    }
    if (*found) {
      glances.push_back(ContactGlance{id, select.Text(0), select.Text(1), select.Text(2), select.Text(3),
                                      select.Text(4), select.Text(5), select.Text(6)});
    }
    select.Reset();
  }
  KITH_RETURN_IF_ERROR(database_->Execute("RELEASE kith_read"));
  return glances;
}

}  // namespace kith::sqlite
