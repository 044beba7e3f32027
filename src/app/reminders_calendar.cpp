// The reminders as an iCalendar file, so any calendar app shows them.
#include <fstream>

#include "app/durable_file.h"
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

Status ForEachCalendarPage(Context& context, const CalendarPageVisitor& visit) {
  constexpr int kPage = 2000;
  std::vector<CalendarReminder> events;
  for (ReminderId after;;) {
    KITH_ASSIGN_OR_RETURN(const auto page, context.store.OpenRemindersAfter(after, kPage));
    if (page.empty()) break;
    events.clear();
    for (const auto& [reminder, contact] : page) {
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
    KITH_RETURN_IF_ERROR(visit(events));
    after = page.back().reminder.id;
    if (static_cast<int>(page.size()) < kPage) break;
  }
  return Ok();
}

Result<std::int64_t> WriteRemindersCalendar(Context& context, std::ostream& out) {
  const std::string now = context.clock.NowTimestamp();
  KITH_RETURN_IF_ERROR(WriteCalendarStart(out, now));
  std::int64_t written = 0;
  // A page at a time: memory stays at one page whatever the number of reminders.
  KITH_RETURN_IF_ERROR(ForEachCalendarPage(
      context, [&out, &now, &written](const std::vector<CalendarReminder>& page) -> Status {
        written += static_cast<std::int64_t>(page.size());
        return WriteCalendarEvents(out, page, now);
      }));
  KITH_RETURN_IF_ERROR(WriteCalendarEnd(out));
  return written;
}

Result<std::int64_t> SaveRemindersCalendar(Context& context, const std::string& path) {
  std::int64_t written = 0;
  KITH_RETURN_IF_ERROR(WriteFileDurably(path, "output", [&](const std::string& temporary) -> Status {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return Fail(ErrorCode::kIo, "cannot write '" + temporary + "'", "output");
    KITH_ASSIGN_OR_RETURN(written, WriteRemindersCalendar(context, out));
    out.flush();
    if (!out) return Fail(ErrorCode::kIo, "cannot write '" + path + "'", "output");
    return Ok();
  }));
  return written;
}

}  // namespace kith
