#include "store/sqlite/relationship_rows.h"

#include "store/sqlite/row_values.h"

namespace kith::sqlite {

Event EventFromRow(const Statement& row) {
  Event event;
  event.id = EventId{row.Int(0)};
  event.name = row.Text(1);
  event.on = OptionalDate(row, 2).value_or(Date{});
  event.place = row.Text(3);
  event.notes = row.Text(4);
  return event;
}

Result<Interaction> InteractionFromRow(const Statement& row) {
  Interaction interaction;
  interaction.id = InteractionId{row.Int(0)};
  interaction.contact = ContactId{row.Int(1)};
  KITH_ASSIGN_OR_RETURN(interaction.kind, EnumColumn(row, 2, "interactions", "kind", ParseInteractionKind));
  interaction.on = OptionalDate(row, 3).value_or(Date{});
  interaction.summary = row.Text(4);
  if (!row.IsNull(5)) interaction.they_talked = static_cast<int>(row.Int(5));
  // A personal file has one person: no author, and private only as a flag.
  interaction.visibility = row.Int(6) != 0 ? Visibility::kPrivate : Visibility::kShared;
  return interaction;
}

Result<Fact> FactFromRow(const Statement& row) {
  Fact fact;
  fact.id = FactId{row.Int(0)};
  fact.contact = ContactId{row.Int(1)};
  KITH_ASSIGN_OR_RETURN(fact.kind, EnumColumn(row, 2, "facts", "kind", ParseFactKind));
  fact.key = row.Text(3);
  fact.value = row.Text(4);
  fact.learned_on = OptionalDate(row, 5).value_or(Date{});
  if (!row.IsNull(6)) fact.interaction = InteractionId{row.Int(6)};
  fact.visibility = row.Int(7) != 0 ? Visibility::kPrivate : Visibility::kShared;
  return fact;
}

Result<Reminder> ReminderFromRow(const Statement& row) {
  Reminder reminder;
  reminder.id = ReminderId{row.Int(0)};
  reminder.contact = ContactId{row.Int(1)};
  KITH_ASSIGN_OR_RETURN(reminder.kind, EnumColumn(row, 2, "reminders", "kind", ParseReminderKind));
  reminder.due = OptionalDate(row, 3).value_or(Date{});
  reminder.snoozed_until = OptionalDate(row, 4);
  reminder.note = row.Text(5);
  KITH_ASSIGN_OR_RETURN(reminder.state, EnumColumn(row, 6, "reminders", "state", ParseReminderState));
  reminder.closed_on = OptionalDate(row, 7);
  if (!row.IsNull(8)) reminder.event = EventId{row.Int(8)};
  reminder.created_on = OptionalDate(row, 9).value_or(Date{});
  return reminder;
}

}  // namespace kith::sqlite
