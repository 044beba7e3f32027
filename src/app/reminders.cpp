// Reminders: custom ones, and snoozing, dismissing or finishing any of them.
#include "app/access.h"
#include "app/relationship_support.h"
#include "app/relationships.h"
#include "domain/validation.h"

namespace kith {
namespace {

Result<Reminder> OpenReminder(Context& context, ReminderId id) {
  KITH_ASSIGN_OR_RETURN(Reminder reminder, context.store.GetReminder(id));
  if (reminder.state != ReminderState::kOpen) {
    return Fail(ErrorCode::kConflict,
                "reminder " + std::to_string(id.value) + " is already " +
                    std::string(ReminderStateName(reminder.state)),
                "reminder");
  }
  return reminder;
}

Result<Reminder> Close(Context& context, ReminderId id, ReminderState state) {
  // A viewer hears first that they cannot write: another member's reminder
  // would otherwise read as missing, since the loop is personal.
  KITH_RETURN_IF_ERROR(RequireWriter(context, "close a reminder"));
  KITH_ASSIGN_OR_RETURN(Reminder reminder, OpenReminder(context, id));
  reminder.state = state;
  reminder.closed_on = context.clock.Today();
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "close a reminder"));
  KITH_RETURN_IF_ERROR(context.store.UpdateReminder(reminder));
  // Closing a reconnect by hand opens the next one a cadence calls for.
  if (reminder.kind == ReminderKind::kReconnect && state == ReminderState::kDone) {
    KITH_ASSIGN_OR_RETURN(const Contact contact, context.store.GetContact(reminder.contact));
    if (!contact.trashed_at) {
      KITH_ASSIGN_OR_RETURN(const CadenceInput input, CadenceInputFor(context, contact));
      Reminder next;
      next.contact = contact.id;
      next.kind = ReminderKind::kReconnect;
      next.due = context.clock.Today().AddDays(EffectiveCadenceDays(input));
      next.note = reminder.note;
      next.created_on = context.clock.Today();
      KITH_RETURN_IF_ERROR(context.store.InsertReminder(next));
    }
  }
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return reminder;
}

}  // namespace

Result<Reminder> AddReminder(Context& context, ContactId contact, Date due, std::string note) {
  note = Trim(note);
  if (note.empty()) return Fail(ErrorCode::kInvalidInput, "say what to remember (--note)", "note");
  const Date today = context.clock.Today();
  if (due < today) {
    return Fail(ErrorCode::kInvalidInput, due.ToIso() + " has passed (today is " + today.ToIso() + ")", "on");
  }
  KITH_RETURN_IF_ERROR(LiveContact(context, contact));
  Reminder reminder;
  reminder.contact = contact;
  reminder.kind = ReminderKind::kCustom;
  reminder.due = due;
  reminder.note = note;
  reminder.created_on = today;
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "add a reminder"));
  KITH_ASSIGN_OR_RETURN(Reminder stored, context.store.InsertReminder(reminder));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return stored;
}

Result<std::vector<Reminder>> OpenReminders(Context& context, Date day, int limit) {
  return context.store.OpenReminders(day, std::nullopt, limit);
}

Result<NamedReminders> OpenRemindersNamed(Context& context, Date day, int limit) {
  NamedReminders named;
  KITH_ASSIGN_OR_RETURN(named.reminders, OpenReminders(context, day, limit));
  std::vector<ContactId> people;
  for (const Reminder& reminder : named.reminders) people.push_back(reminder.contact);
  KITH_ASSIGN_OR_RETURN(const std::vector<ContactGlance> glances, context.store.ContactGlances(people));
  for (const ContactGlance& glance : glances) named.names[glance.id.value] = glance.display_name;
  return named;
}

Result<std::vector<Reminder>> RemindersOf(Context& context, ContactId contact) {
  KITH_RETURN_IF_ERROR(context.store.GetContact(contact));
  return context.store.RemindersOf(contact);
}

Result<Reminder> SnoozeReminder(Context& context, ReminderId id, Date until) {
  KITH_RETURN_IF_ERROR(RequireWriter(context, "snooze a reminder"));  // as Close says
  const Date today = context.clock.Today();
  if (until <= today) {
    return Fail(ErrorCode::kInvalidInput,
                "snooze until a later day than today (" + today.ToIso() + "), not " + until.ToIso(), "until");
  }
  KITH_ASSIGN_OR_RETURN(Reminder reminder, OpenReminder(context, id));
  // Snoozing puts a reminder off; it never brings one forward.
  if (until <= reminder.due) {
    return Fail(ErrorCode::kInvalidInput,
                "reminder " + std::to_string(id.value) + " is not due until " + reminder.due.ToIso() +
                    ": snooze it to a later day",
                "until");
  }
  reminder.snoozed_until = until;
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "snooze a reminder"));
  KITH_RETURN_IF_ERROR(context.store.UpdateReminder(reminder));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return reminder;
}

Result<Reminder> DismissReminder(Context& context, ReminderId id) {
  return Close(context, id, ReminderState::kDismissed);
}

Result<Reminder> CompleteReminder(Context& context, ReminderId id) {
  return Close(context, id, ReminderState::kDone);
}

}  // namespace kith
