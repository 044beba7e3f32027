// The relationship tables read for a complete backup: whole (events,
// cadences) or in pages by id (interactions, facts, reminders), which can run
// to millions of rows.
#include <string>

#include "store/sqlite/row_values.h"
#include "store/sqlite/sqlite_store.h"

namespace kith::sqlite {
namespace {

// The row readers below read the same columns, the same way, as those of
// relationship_tables.cpp.
constexpr std::string_view kOfLiveContact =
    "EXISTS (SELECT 1 FROM contacts c WHERE c.id = t.contact_id AND c.trashed_at IS NULL)";

Event EventFromRow(const Statement& row) {
  Event event;
  event.id = EventId{row.Int(0)};
  event.name = row.Text(1);
  event.on = OptionalDate(row, 2).value_or(Date{});
  event.place = row.Text(3);
  event.notes = row.Text(4);
  return event;
}

Interaction InteractionFromRow(const Statement& row) {
  Interaction interaction;
  interaction.id = InteractionId{row.Int(0)};
  interaction.contact = ContactId{row.Int(1)};
  interaction.kind = ParseInteractionKind(row.Text(2)).value_or(InteractionKind::kNote);
  interaction.on = OptionalDate(row, 3).value_or(Date{});
  interaction.summary = row.Text(4);
  if (!row.IsNull(5)) interaction.they_talked = static_cast<int>(row.Int(5));
  return interaction;
}

Fact FactFromRow(const Statement& row) {
  Fact fact;
  fact.id = FactId{row.Int(0)};
  fact.contact = ContactId{row.Int(1)};
  fact.kind = ParseFactKind(row.Text(2)).value_or(FactKind::kPersonal);
  fact.key = row.Text(3);
  fact.value = row.Text(4);
  fact.learned_on = OptionalDate(row, 5).value_or(Date{});
  if (!row.IsNull(6)) fact.interaction = InteractionId{row.Int(6)};
  return fact;
}

Reminder ReminderFromRow(const Statement& row) {
  Reminder reminder;
  reminder.id = ReminderId{row.Int(0)};
  reminder.contact = ContactId{row.Int(1)};
  reminder.kind = ParseReminderKind(row.Text(2)).value_or(ReminderKind::kCustom);
  reminder.due = OptionalDate(row, 3).value_or(Date{});
  reminder.snoozed_until = OptionalDate(row, 4);
  reminder.note = row.Text(5);
  reminder.state = ParseReminderState(row.Text(6)).value_or(ReminderState::kOpen);
  reminder.closed_on = OptionalDate(row, 7);
  if (!row.IsNull(8)) reminder.event = EventId{row.Int(8)};
  reminder.created_on = OptionalDate(row, 9).value_or(Date{});
  return reminder;
}

template <typename T, typename FromRow>
Result<std::vector<T>> AllRows(Statement& select, FromRow from_row) {
  std::vector<T> rows;
  while (true) {
    KITH_ASSIGN_OR_RETURN(const bool row, select.Step());
    if (!row) break;
    rows.push_back(from_row(select));
  }
  return rows;
}

// "SELECT <columns> FROM <table> t WHERE t.id > ?1 AND <live> ORDER BY t.id LIMIT ?2".
std::string PageSql(std::string_view columns, std::string_view table) {
  return "SELECT " + std::string(columns) + " FROM " + std::string(table) + " t WHERE t.id > ?1 AND " +
         std::string(kOfLiveContact) + " ORDER BY t.id LIMIT ?2";
}

}  // namespace

Result<std::vector<Event>> SqliteStore::AllEvents() {
  KITH_ASSIGN_OR_RETURN(auto select,
                        database_->Prepare("SELECT id, name, on_date, place, notes FROM events ORDER BY id"));
  return AllRows<Event>(select, EventFromRow);
}

Result<std::vector<Interaction>> SqliteStore::InteractionsAfter(InteractionId after, int limit) {
  KITH_ASSIGN_OR_RETURN(
      auto select, database_->Prepare(PageSql(
                       "t.id, t.contact_id, t.kind, t.on_date, t.summary, t.they_talked", "interactions")));
  select.Bind(1, after.value).Bind(2, limit);
  return AllRows<Interaction>(select, InteractionFromRow);
}

Result<std::vector<Fact>> SqliteStore::FactsAfter(FactId after, int limit) {
  KITH_ASSIGN_OR_RETURN(
      auto select,
      database_->Prepare(
          PageSql("t.id, t.contact_id, t.kind, t.key, t.value, t.learned_on, t.interaction_id", "facts")));
  select.Bind(1, after.value).Bind(2, limit);
  return AllRows<Fact>(select, FactFromRow);
}

Result<std::vector<Reminder>> SqliteStore::RemindersAfter(ReminderId after, int limit) {
  KITH_ASSIGN_OR_RETURN(
      auto select, database_->Prepare(PageSql("t.id, t.contact_id, t.kind, t.due, t.snoozed_until, t.note, "
                                              "t.state, t.closed_on, t.event_id, t.created_on",
                                              "reminders")));
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
