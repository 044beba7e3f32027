// The reminders as an iCalendar file, so any calendar app shows them.
#include "app/relationships.h"
#include "formats/ics_writer.h"

namespace kith {
namespace {

std::string Summary(const Reminder& reminder, const ContactSummary& contact) {
  switch (reminder.kind) {
    case ReminderKind::kFollowUp:
      return "Follow up with " + contact.display_name;
    case ReminderKind::kReconnect:
      return "Reconnect with " + contact.display_name;
    case ReminderKind::kCustom:
      return contact.display_name + ": " + reminder.note;
  }
  return contact.display_name;
}

std::string Description(const Reminder& reminder, const ContactSummary& contact) {
  std::string text = reminder.note;
  const std::string id = std::to_string(contact.id.value);
  switch (reminder.kind) {
    case ReminderKind::kFollowUp:
      text += "\nDraft it: kith followup draft " + id;
      break;
    case ReminderKind::kReconnect:
      text += "\nBefore you meet: kith brief " + id;
      break;
    case ReminderKind::kCustom:
      text += "\nDone: kith remind done " + std::to_string(reminder.id.value);
      break;
  }
  if (!contact.company.empty()) text = contact.display_name + " (" + contact.company + ")\n" + text;
  return text;
}

}  // namespace

Result<std::vector<CalendarReminder>> CalendarReminders(Context& context) {
  constexpr int kPage = 2000;
  std::vector<CalendarReminder> events;
  for (ReminderId after;;) {
    KITH_ASSIGN_OR_RETURN(const auto page, context.store.OpenRemindersAfter(after, kPage));
    if (page.empty()) break;
    std::vector<ContactId> ids;
    ids.reserve(page.size());
    for (const auto& reminder : page) ids.push_back(reminder.contact);
    KITH_ASSIGN_OR_RETURN(const auto contacts, context.store.ContactSummaries(ids));
    std::size_t next = 0;
    for (const Reminder& reminder : page) {
      // Summaries skip unknown ids; reminders always have their contact.
      if (next >= contacts.size() || contacts[next].id != reminder.contact) continue;
      const ContactSummary& contact = contacts[next++];
      CalendarReminder event;
      // The contact's uid makes the event's uid unique across databases.
      event.uid = "reminder-" + std::to_string(reminder.id.value) + "-" + contact.uid + "@kith";
      event.day = reminder.ShowsOn();
      event.summary = Summary(reminder, contact);
      event.description = Description(reminder, contact);
      event.category = std::string(ReminderKindName(reminder.kind));
      event.created = reminder.created_on.ToIso() + "T00:00:00Z";
      events.push_back(std::move(event));
    }
    after = page.back().id;
    if (static_cast<int>(page.size()) < kPage) break;
  }
  return events;
}

Result<std::int64_t> WriteRemindersCalendar(Context& context, std::ostream& out) {
  KITH_ASSIGN_OR_RETURN(const auto events, CalendarReminders(context));
  KITH_RETURN_IF_ERROR(WriteCalendar(out, events, context.clock.NowTimestamp()));
  return static_cast<std::int64_t>(events.size());
}

}  // namespace kith
