// The relationship tables read for a complete backup: whole (events,
// cadences) or in pages by id (interactions, facts, reminders), which can run
// to millions of rows.
#include <string>

#include "store/sqlite/relationship_rows.h"
#include "store/sqlite/row_values.h"
#include "store/sqlite/sqlite_store.h"

namespace kith::sqlite {
namespace {

// "SELECT <columns> FROM <table> t WHERE t.id > ?1 AND <live> ORDER BY t.id LIMIT ?2".
std::string PageSql(std::string_view columns, std::string_view table) {
  return "SELECT " + std::string(columns) + " FROM " + std::string(table) + " t WHERE t.id > ?1 AND " +
         std::string(kOfLiveContact) + " ORDER BY t.id LIMIT ?2";
}

}  // namespace

Result<std::vector<Event>> SqliteStore::AllEvents() {
  KITH_ASSIGN_OR_RETURN(auto select, database_->Prepare("SELECT " + std::string(kEventColumns) +
                                                        " FROM events t ORDER BY t.id"));
  return AllRows<Event>(select, EventFromRow);
}

Result<std::vector<Interaction>> SqliteStore::InteractionsAfter(InteractionId after, int limit) {
  KITH_ASSIGN_OR_RETURN(auto select, database_->Prepare(PageSql(kInteractionColumns, "interactions")));
  select.Bind(1, after.value).Bind(2, limit);
  return AllRows<Interaction>(select, InteractionFromRow);
}

Result<std::vector<Fact>> SqliteStore::FactsAfter(FactId after, int limit) {
  KITH_ASSIGN_OR_RETURN(auto select, database_->Prepare(PageSql(kFactColumns, "facts")));
  select.Bind(1, after.value).Bind(2, limit);
  return AllRows<Fact>(select, FactFromRow);
}

Result<std::vector<Reminder>> SqliteStore::RemindersAfter(ReminderId after, int limit) {
  KITH_ASSIGN_OR_RETURN(auto select, database_->Prepare(PageSql(kReminderColumns, "reminders")));
  select.Bind(1, after.value).Bind(2, limit);
  return AllRows<Reminder>(select, ReminderFromRow);
}

Result<std::vector<std::pair<ContactId, int>>> SqliteStore::AllCadences() {
  KITH_ASSIGN_OR_RETURN(auto select,
                        database_->Prepare("SELECT t.contact_id, t.days FROM cadences t WHERE " +
                                           std::string(kOfLiveContact) + " ORDER BY t.contact_id"));
  return AllRows<std::pair<ContactId, int>>(select, [](const Statement& row) {
    return std::pair<ContactId, int>{ContactId{row.Int(0)}, static_cast<int>(row.Int(1))};
  });
}

Result<std::vector<std::pair<ContactId, std::string>>> SqliteStore::UidsOf(
    const std::vector<ContactId>& ids) {
  KITH_ASSIGN_OR_RETURN(auto select, database_->Prepare("SELECT uid FROM contacts WHERE id = ?1"));
  std::vector<std::pair<ContactId, std::string>> uids;
  uids.reserve(ids.size());
  for (const ContactId id : ids) {
    select.Bind(1, id.value);
    KITH_ASSIGN_OR_RETURN(const bool found, select.Step());
    if (found) uids.emplace_back(id, select.Text(0));
    select.Reset();
  }
  return uids;
}

}  // namespace kith::sqlite
