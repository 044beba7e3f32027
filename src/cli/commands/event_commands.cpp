#include <algorithm>
#include <iostream>
#include <memory>

#include "app/relationship_json.h"
#include "app/relationships.h"
#include "cli/commands/commands.h"
#include "cli/commands/relationship_printing.h"
#include "cli/printing.h"

namespace kith::cli {
namespace {

struct EventFlags {
  std::vector<std::string> name;
  std::string on;
  std::string place;
  std::string note;
  int limit = 50;
  std::vector<std::string> reference;
};

void PrintEventHeading(std::ostream& out, const Event& event) {
  out << event.name << "  (#" << event.id.value << ")  " << event.on.ToIso();
  if (!event.place.empty()) out << " · " << event.place;
  out << '\n';
  if (!event.notes.empty()) out << "  " << event.notes << '\n';
}

void PrintEventReport(std::ostream& out, const EventReport& report, Date today) {
  PrintEventHeading(out, report.event);
  if (report.people.empty()) {
    out << "\nNobody recorded yet. After the event: kith met \"NAME\" \"NAME\" --at \"" << report.event.name
        << "\"\n";
    return;
  }
  int width = 0;
  for (const auto& person : report.people) {
    width = std::max(width, DisplayWidth(person.contact.display_name + " (#" +
                                         std::to_string(person.contact.id.value) + ")"));
  }
  out << '\n';
  for (const auto& person : report.people) {
    const std::string who =
        person.contact.display_name + " (#" + std::to_string(person.contact.id.value) + ")";
    out << "  " << (person.followed_up ? "✓ " : "✗ ") << PadTo(who, width) << "  ";
    if (person.followed_up) {
      out << "followed up";
      if (person.follow_up && person.follow_up->closed_on) out << " " << person.follow_up->closed_on->ToIso();
    } else if (person.follow_up && person.follow_up->state == ReminderState::kOpen) {
      out << "follow-up " << DueWords(person.follow_up->due, today) << " — kith followup draft "
          << person.contact.id.value;
    } else if (person.follow_up) {
      out << "follow-up " << ReminderStateName(person.follow_up->state);
    } else {
      out << "no follow-up planned";
    }
    out << '\n';
  }
  out << "\nFollowed up " << report.followed_up << " of " << report.people.size() << " ("
      << report.follow_up_rate_percent << "%).\n";
}

void PrintEventList(std::ostream& out, const std::vector<EventSummary>& events) {
  struct Row {
    std::string id, date, name, met, rate;
  };
  std::vector<Row> rows = {{"ID", "DATE", "EVENT", "MET", "FOLLOWED UP"}};
  for (const auto& summary : events) {
    const int rate = summary.met > 0 ? (summary.followed_up * 100 + summary.met / 2) / summary.met : 0;
    rows.push_back(
        {std::to_string(summary.event.id.value), summary.event.on.ToIso(), summary.event.name,
         std::to_string(summary.met),
         summary.met > 0 ? std::to_string(summary.followed_up) + " (" + std::to_string(rate) + "%)" : "—"});
  }
  int id_width = 0;
  int name_width = 0;
  int met_width = 0;
  for (const auto& row : rows) {
    id_width = std::max(id_width, DisplayWidth(row.id));
    name_width = std::max(name_width, DisplayWidth(row.name));
    met_width = std::max(met_width, DisplayWidth(row.met));
  }
  for (const auto& row : rows) {
    out << std::string(static_cast<std::size_t>(id_width - DisplayWidth(row.id)), ' ') << row.id << "  "
        << PadTo(row.date, 10) << "  " << PadTo(row.name, name_width) << "  "
        << std::string(static_cast<std::size_t>(met_width - DisplayWidth(row.met)), ' ') << row.met << "  "
        << row.rate << '\n';
  }
}

}  // namespace

Command AddEventCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("event", "Events where you meet people, and their follow-up rate");
  command->require_subcommand(1);
  command->footer(R"(Examples:
  kith event add "RustConf 2026" --on 2026-11-25 --place Portland
  kith event list
  kith event show "RustConf 2026"     # whom you met there, who has been followed up
  kith met "Ada Okafor" "Bo Chen" --at "RustConf 2026")");
  auto flags = std::make_shared<EventFlags>();
  auto* add = command->add_subcommand("add", "Add an event");
  add->add_option("name", flags->name, "The event's name")->required();
  add->add_option("--on", flags->on, "When it was (YYYY-MM-DD, default today)");
  add->add_option("--place", flags->place, "Where");
  add->add_option("--note", flags->note, "Anything worth remembering about it");
  add->footer("Example:\n  kith event add \"RustConf 2026\" --on 2026-11-25 --place Portland");
  auto* list = command->add_subcommand("list", "Events, newest first, with their follow-up rate");
  list->add_option("--limit", flags->limit, "How many (default 50)");
  list->footer("Example:\n  kith event list --limit 10");
  auto* show = command->add_subcommand("show", "Whom you met at an event, and who has been followed up");
  show->add_option("event", flags->reference, "Event id or name")->required();
  show->footer("Examples:\n  kith event show 3\n  kith event show \"RustConf 2026\"");

  return {command, [=, &globals]() {
            return RunWithSession("event", globals, [&](Session& session) -> int {
              Context& context = session.context();
              const Date today = context.clock.Today();
              if (add->parsed()) {
                EventFields fields;
                fields.name = JoinWords(flags->name);
                auto on = ParseOptionalDateFlag("--on", flags->on);
                if (!on) return ReportError("event add", on.error());
                fields.on = on->value_or(today);
                fields.place = flags->place;
                fields.notes = flags->note;
                auto event = AddEvent(context, std::move(fields));
                if (!event) return ReportError("event add", event.error());
                if (globals.json) {
                  PrintJson(std::cout, EventToJson(*event));
                } else {
                  std::cout << "Added " << event->name << " (#" << event->id.value << ") on "
                            << event->on.ToIso() << ".\nAfterwards: kith met \"NAME\"… --at \"" << event->name
                            << "\"\n";
                }
                return 0;
              }
              if (list->parsed()) {
                auto events = ListEvents(context, flags->limit);
                if (!events) return ReportError("event list", events.error());
                if (globals.json) {
                  nlohmann::json array = nlohmann::json::array();
                  for (const auto& summary : *events) array.push_back(EventSummaryToJson(summary));
                  PrintJson(std::cout, array);
                } else if (events->empty()) {
                  std::cout << "No events yet. kith event add NAME --on DATE notes one; kith met NAME --at "
                               "EVENT adds it on the fly.\n";
                } else {
                  PrintEventList(std::cout, *events);
                }
                return 0;
              }
              auto report = ShowEvent(context, JoinWords(flags->reference));
              if (!report) return ReportError("event show", report.error());
              if (globals.json) {
                PrintJson(std::cout, EventReportToJson(*report));
              } else {
                PrintEventReport(std::cout, *report, today);
              }
              return 0;
            });
          }};
}

}  // namespace kith::cli
