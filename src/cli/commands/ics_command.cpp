#include <iostream>
#include <memory>
#include <sstream>

#include "app/relationships.h"
#include "cli/commands/commands.h"
#include "cli/commands/relationship_printing.h"
#include "cli/printing.h"

namespace kith::cli {

Command AddIcsCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("ics", "Your open reminders as an iCalendar file");
  command->footer(R"(Without -o the calendar goes to standard output. `kith serve` also offers
it as a feed calendar apps subscribe to (/ics).

Examples:
  kith ics -o kith.ics
  kith ics > ~/calendars/kith.ics)");
  auto output = std::make_shared<std::string>();
  command->add_option("-o,--output", *output, "Write to this file");
  return {command, [output, &globals]() {
            return RunWithSession("ics", globals, [&](Session& session) -> int {
              std::ostringstream calendar;
              auto written = WriteRemindersCalendar(session.context(), calendar);
              if (!written) return ReportError("ics", written.error());
              if (output->empty()) {
                std::cout << calendar.str();
                return 0;
              }
              auto saved = WriteFileWhole(*output, calendar.str());
              if (!saved) return ReportError("ics", saved.error());
              if (globals.json) {
                PrintJson(std::cout, {{"file", *output}, {"reminders", *written}});
              } else {
                std::cout << "Wrote " << *written << (*written == 1 ? " reminder" : " reminders") << " to "
                          << *output << ".\n";
              }
              return 0;
            });
          }};
}

}  // namespace kith::cli
