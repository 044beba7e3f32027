#include <iostream>
#include <memory>

#include "app/contacts.h"
#include "cli/commands/commands.h"
#include "cli/printing.h"
#include "formats/contact_json.h"

namespace kith::cli {

Command AddShowCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("show", "Show a whole card, by id or by name");
  command->footer(R"(Examples:
  kith show 42
  kith show "Ada Okafor"
  kith show okafor          # part of a name is enough when only one person matches)");
  auto words = std::make_shared<std::vector<std::string>>();
  command->add_option("contact", *words, "Id or name")->required();
  return {command, [words, &globals]() {
            return RunWithSession("show", globals, [&](Session& session) {
              auto contact = ResolveContact(session.context(), JoinWords(*words));
              if (!contact) return ReportError("show", contact.error());
              auto changes = JobChangesOf(session.context(), contact->id);
              if (!changes) return ReportError("show", changes.error());
              if (globals.json) {
                nlohmann::json json = ContactToJson(*contact);
                json["job_changes"] = nlohmann::json::array();
                for (const auto& change : *changes) json["job_changes"].push_back(JobChangeToJson(change));
                PrintJson(std::cout, json);
              } else {
                PrintCard(std::cout, *contact, session.context().clock.Today());
                PrintJobChanges(std::cout, *changes);
              }
              return 0;
            });
          }};
}

}  // namespace kith::cli
