// The reminders as an iCalendar file, so any calendar app shows them.
#include "app/relationships.h"
#include "formats/ics_writer.h"

namespace kith {
namespace {

std::string Summary(const Reminder& reminder, const Contact& contact) {
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

std::string Description(const Reminder& reminder, const Contact& contact) {
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

Result<std::int64_t> WriteRemindersCalendar(Context& context, std::ostream& out) {
  constexpr int kPage = 2000;
  std::vector<CalendarReminder> events;
  for (ReminderId after;;) {
    KITH_ASSIGN_OR_RETURN(const auto page, context.store.OpenRemindersAfter(after, kPage));
    if (page.empty()) break;
    std::vector<ContactId> ids;
    ids.reserve(page.size());
    for (const auto& reminder : page) ids.push_back(reminder.contact);
    KITH_ASSIGN_OR_RETURN(const auto contacts, context.store.GetContacts(ids));
    for (std::size_t i = 0; i < page.size() && i < contacts.size(); ++i) {
      const Reminder& reminder = page[i];
      CalendarReminder event;
      // The contact's uid makes the event's uid unique across databases.
      event.uid = "reminder-" + std::to_string(reminder.id.value) + "-" + contacts[i].uid + "@kith";
      event.day = reminder.ShowsOn();
      event.summary = Summary(reminder, contacts[i]);
      event.description = Description(reminder, contacts[i]);
      event.category = std::string(ReminderKindName(reminder.kind));
      event.created = reminder.created_on.ToIso() + "T00:00:00Z";
      events.push_back(std::move(event));
    }
    after = page.back().id;
    if (static_cast<int>(page.size()) < kPage) break;
  }
  KITH_RETURN_IF_ERROR(WriteCalendar(out, events, context.clock.NowTimestamp()));
  return static_cast<std::int64_t>(events.size());
}

}  // namespace kith
