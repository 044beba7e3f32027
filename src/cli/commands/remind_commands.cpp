#include <algorithm>
#include <iostream>
#include <map>
#include <memory>

#include "app/contacts.h"
#include "app/for_person.h"
#include "app/relationship_json.h"
#include "app/relationships.h"
#include "cli/commands/commands.h"
#include "cli/commands/relationship_printing.h"
#include "cli/printing.h"

namespace kith::cli {
namespace {

constexpr int kUsageError = 2;
// Far enough ahead that every open reminder shows.
constexpr std::int64_t kEverythingDays = std::int64_t{365} * 100;

struct RemindFlags {
  std::vector<std::string> contact;
  std::string on;
  std::string note;
  int limit = 100;
  std::int64_t reminder = 0;
  std::string until;
  int days = 0;
};

void PrintReminders(std::ostream& out, const std::vector<Reminder>& reminders,
                    const std::map<std::int64_t, std::string>& names, Date today) {
  struct Row {
    std::string id, due, kind, who, note, when;
  };
  std::vector<Row> rows;
  rows.reserve(reminders.size());
  for (const auto& reminder : reminders) {
    const auto name = names.find(reminder.contact.value);
    rows.push_back({"#" + std::to_string(reminder.id.value), reminder.due.ToIso(),
                    std::string(ReminderKindName(reminder.kind)),
                    (name == names.end() ? std::string("?") : name->second) + " (#" +
                        std::to_string(reminder.contact.value) + ")",
                    reminder.note, ReminderWhen(reminder, today)});
  }
  int id_width = 0;
  int kind_width = 0;
  int who_width = 0;
  int note_width = 0;
  for (const auto& row : rows) {
    id_width = std::max(id_width, DisplayWidth(row.id));
    kind_width = std::max(kind_width, DisplayWidth(row.kind));
    who_width = std::max(who_width, DisplayWidth(row.who));
    note_width = std::max(note_width, DisplayWidth(row.note));
  }
  for (const auto& row : rows) {
    out << "  " << PadTo(row.id, id_width) << "  " << row.due << "  " << PadTo(row.kind, kind_width) << "  "
        << PadTo(row.who, who_width) << "  " << PadTo(row.note, note_width) << "  " << row.when << '\n';
  }
}

int PrintChanged(const GlobalOptions& globals, const Reminder& reminder, std::string_view done_words) {
  if (globals.json) {
    PrintJson(std::cout, ReminderToJson(reminder));
  } else {
    std::cout << "Reminder #" << reminder.id.value;
    if (!reminder.note.empty()) std::cout << " (" << reminder.note << ")";
    std::cout << " " << done_words << ".\n";
  }
  return 0;
}

int RunAdd(Context& context, const RemindFlags& flags, bool json) {
  auto due = ParseDateFlag("--on", flags.on);
  if (!due) return ReportError("remind", due.error());
  auto added = ForPerson(context, JoinWords(flags.contact), AddReminder, *due, flags.note);
  if (!added) return ReportError("remind", added.error());
  const Reminder& reminder = added->value;
  if (json) {
    PrintJson(std::cout, ReminderToJson(reminder));
  } else {
    std::cout << "Reminder #" << reminder.id.value << " about " << added->contact.display_name << " on "
              << reminder.due.ToIso() << " (" << DueWords(reminder.due, context.clock.Today())
              << "): " << reminder.note << '\n';
  }
  return 0;
}

int RunList(Context& context, const RemindFlags& flags, bool json) {
  const Date today = context.clock.Today();
  auto open = OpenRemindersNamed(context, today.AddDays(kEverythingDays), flags.limit);
  if (!open) return ReportError("remind list", open.error());
  if (json) {
    nlohmann::json array = nlohmann::json::array();
    for (const auto& reminder : open->reminders) array.push_back(ReminderToJson(reminder));
    PrintJson(std::cout, array);
    return 0;
  }
  if (open->reminders.empty()) {
    std::cout << "No open reminders. kith remind ID --on DATE --note TEXT adds one.\n";
    return 0;
  }
  PrintReminders(std::cout, open->reminders, open->names, today);
  return 0;
}

int RunSnooze(Context& context, ReminderId id, const RemindFlags& flags, const GlobalOptions& globals) {
  Date day = context.clock.Today().AddDays(flags.days);
  if (!flags.until.empty()) {
    auto parsed = ParseDateFlag("--until", flags.until);
    if (!parsed) return ReportError("remind snooze", parsed.error());
    day = *parsed;
  }
  auto reminder = SnoozeReminder(context, id, day);
  if (!reminder) return ReportError("remind snooze", reminder.error());
  return PrintChanged(globals, *reminder, "snoozed until " + day.ToIso());
}

}  // namespace

Command AddRemindCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("remind", "Reminders: add your own, list, snooze, dismiss, done");
  command->footer(R"(Examples:
  kith remind 12 --on 2026-12-03 --note "send her the deck"
  kith remind list
  kith remind snooze 7 --days 3          # or --until 2026-12-10
  kith remind done 7
  kith remind dismiss 7                  # not needed after all)");
  auto flags = std::make_shared<RemindFlags>();
  command->add_option("contact", flags->contact, "Id or name: add a reminder about this person");
  command->add_option("--on", flags->on, "When (YYYY-MM-DD, not in the past)");
  command->add_option("--note", flags->note, "What to do");

  auto* list = command->add_subcommand("list", "Every open reminder, by day");
  list->add_option("--limit", flags->limit, "How many (default 100)");
  list->footer("Example:\n  kith remind list");
  auto* snooze = command->add_subcommand("snooze", "Hide a reminder until a later day");
  snooze->add_option("reminder", flags->reminder, "Reminder id (see kith remind list)")->required();
  auto* until = snooze->add_option("--until", flags->until, "Show it again on this day (YYYY-MM-DD)");
  auto* days = snooze->add_option("--days", flags->days, "Show it again in this many days")
                   ->check(CLI::PositiveNumber);
  until->excludes(days);
  snooze->footer("Examples:\n  kith remind snooze 7 --days 3\n  kith remind snooze 7 --until 2026-12-10");
  auto* dismiss = command->add_subcommand("dismiss", "Drop a reminder: not needed after all");
  dismiss->add_option("reminder", flags->reminder, "Reminder id")->required();
  dismiss->footer("Example:\n  kith remind dismiss 7");
  auto* done = command->add_subcommand("done", "Mark a reminder done");
  done->add_option("reminder", flags->reminder, "Reminder id")->required();
  done->footer("Example:\n  kith remind done 7");

  return {
      command, [=, &globals]() {
        const bool adding = !list->parsed() && !snooze->parsed() && !dismiss->parsed() && !done->parsed();
        if (adding && (flags->contact.empty() || flags->on.empty() || flags->note.empty())) {
          std::cerr << "kith remind: say about whom, when and what: kith remind ID --on DATE --note TEXT\n";
          return kUsageError;
        }
        if (snooze->parsed() && flags->until.empty() && flags->days == 0) {
          std::cerr << "kith remind snooze: until when? --until DATE or --days N\n";
          return kUsageError;
        }
        return RunWithSession("remind", globals, [&](Session& session) -> int {
          Context& context = session.context();
          if (adding) return RunAdd(context, *flags, globals.json);
          if (list->parsed()) return RunList(context, *flags, globals.json);
          const ReminderId id{flags->reminder};
          if (snooze->parsed()) return RunSnooze(context, id, *flags, globals);
          if (dismiss->parsed()) {
            auto reminder = DismissReminder(context, id);
            if (!reminder) return ReportError("remind dismiss", reminder.error());
            return PrintChanged(globals, *reminder, "dismissed");
          }
          auto reminder = CompleteReminder(context, id);
          if (!reminder) return ReportError("remind done", reminder.error());
          return PrintChanged(globals, *reminder, "done ✓");
        });
      }};
}

}  // namespace kith::cli
