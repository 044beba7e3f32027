#include <algorithm>
#include <iostream>
#include <memory>

#include "app/relationship_json.h"
#include "app/relationships.h"
#include "cli/commands/commands.h"
#include "cli/commands/relationship_printing.h"
#include "cli/printing.h"

namespace kith::cli {

Command AddMetCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("met", "Quick capture after an event: the people you met there");
  command->footer(R"(Each name is one person: found on your list by whole name, or added. The
event is created when it is new. A follow-up is planned for the next day.

Examples:
  kith met "Ada Okafor" "Bo Chen" --at "RustConf 2026"
  kith met "Cy Ortiz" --at "Rust meetup" --on 2026-11-20
  kith followup list          # tomorrow: whom to write to)");
  auto names = std::make_shared<std::vector<std::string>>();
  auto event = std::make_shared<std::string>();
  auto on = std::make_shared<std::string>();
  command->add_option("names", *names, "Whole names, one per person (quote each)")->required();
  command->add_option("--at", *event, "The event (id or name)")->required();
  command->add_option("--on", *on, "When you met (YYYY-MM-DD, default the event's date)");
  return {command, [=, &globals]() {
            return RunWithSession("met", globals, [&](Session& session) {
              auto day = ParseOptionalDateFlag("--on", *on);
              if (!day) return ReportError("met", day.error());
              auto met = RecordMet(session.context(), *names, *event, *day);
              if (!met) return ReportError("met", met.error());
              if (globals.json) {
                nlohmann::json array = nlohmann::json::array();
                for (const auto& person : *met) array.push_back(MetPersonToJson(person));
                PrintJson(std::cout, array);
                return 0;
              }
              const Date today = session.context().clock.Today();
              int width = 0;
              for (const auto& person : *met) {
                width = std::max(width, DisplayWidth(person.contact.display_name + " (#" +
                                                     std::to_string(person.contact.id.value) + ")"));
              }
              std::cout << "Met at " << *event;
              if (!met->empty() && met->front().contact.met_on) {
                std::cout << " on " << met->front().contact.met_on->ToIso();
              }
              std::cout << ":\n";
              for (const auto& person : *met) {
                const std::string who =
                    person.contact.display_name + " (#" + std::to_string(person.contact.id.value) + ")";
                std::cout << "  " << (person.added ? "+ " : "  ") << PadTo(who, width);
                if (person.follow_up) {
                  std::cout << "  follow up " << person.follow_up->due.ToIso() << " ("
                            << DueWords(person.follow_up->due, today) << ")";
                }
                if (person.added) std::cout << "  new to your list";
                std::cout << '\n';
              }
              std::cout << "Write to them the next day: kith followup draft ID\n";
              return 0;
            });
          }};
}

}  // namespace kith::cli
