#include <array>
#include <iostream>
#include <optional>

#include "app/relationship_json.h"
#include "app/relationships.h"
#include "cli/commands/commands.h"
#include "cli/printing.h"

namespace kith::cli {
namespace {

std::string_view Heading(AgendaItemKind kind) {
  switch (kind) {
    case AgendaItemKind::kFollowUp:
      return "Follow up";
    case AgendaItemKind::kReconnect:
      return "Reconnect";
    case AgendaItemKind::kReminder:
      return "Reminders";
    case AgendaItemKind::kDrifting:
      return "Drifting apart";
    case AgendaItemKind::kConnect:
      return "Connect";
    case AgendaItemKind::kPost:
      return "Post something";
    case AgendaItemKind::kOpportunity:
      return "Opportunities to offer";
  }
  return "";
}

std::string_view Weekday(Date day) {
  static constexpr std::array<std::string_view, 7> kNames = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                             "Thursday", "Friday", "Saturday"};
  // 1970-01-01 was a Thursday.
  const std::int64_t index = ((day.DaysSinceEpoch() + 4) % 7 + 7) % 7;
  return kNames.at(static_cast<std::size_t>(index));
}

void PrintPeopleToOffer(std::ostream& out, const OpportunityToOffer& offer) {
  for (const auto& match : offer.people) {
    out << "      → " << match.contact.display_name << " (#" << match.contact.id.value << "): ";
    for (std::size_t i = 0; i < match.reasons.size(); ++i) out << (i ? " · " : "") << match.reasons[i];
    out << "\n        offered it? kith give " << match.contact.id.value << " --opp "
        << offer.opportunity.id.value << '\n';
  }
}

void PrintAgenda(std::ostream& out, const DayAgenda& agenda) {
  out << "Today, " << Weekday(agenda.date) << " " << agenda.date.ToIso() << '\n';
  if (agenda.entries.empty()) {
    out << "\nNothing due. A good day to reach out to someone you have not seen in a while: "
           "kith list --sort health\n";
    return;
  }
  std::optional<AgendaItemKind> section;
  for (const auto& entry : agenda.entries) {
    const AgendaItem& item = entry.item;
    if (item.kind != section) {
      section = item.kind;
      out << '\n' << Heading(item.kind) << '\n';
    }
    out << "  • " << item.text << '\n';
    if (!item.action.empty()) out << "      " << item.action << '\n';
    if (entry.offer) PrintPeopleToOffer(out, *entry.offer);
  }
}

}  // namespace

Command AddTodayCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("today", "The day's agenda: what to do for the people you know");
  command->footer(R"(Follow-ups due and overdue, your reminders, reconnects your cadences ask
for, people drifting apart, profiles to connect with, a nudge to post, and
opportunities to pass on. Each line ends with the command that does it.

Examples:
  kith today
  kith today --today 2026-12-01     # what the agenda will say then
  kith --json today                 # {"date", "items": [{"kind", "text", "action", …}]})");
  return {command, [&globals]() {
            return RunWithSession("today", globals, [&](Session& session) {
              auto agenda = Today(session.context());
              if (!agenda) return ReportError("today", agenda.error());
              if (globals.json) {
                PrintJson(std::cout, DayAgendaToJson(*agenda));
              } else {
                PrintAgenda(std::cout, *agenda);
              }
              return 0;
            });
          }};
}

}  // namespace kith::cli
