#include <iostream>
#include <memory>

#include "app/contacts.h"
#include "app/results_json.h"
#include "cli/commands/commands.h"
#include "cli/printing.h"

namespace kith::cli {
Command AddSearchCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("search", "Find people by anything you remember about them");
  command->footer(R"(Every field and note is searched. Words are prefixes ("okaf" finds Okafor),
accents and case are ignored ("nunez" finds Núñez), small typos are forgiven
("jonh" finds John), and field:term narrows to one field. All words must match.
Name matches come first, then other fields, then notes; then the most recent.

Fields: name company title email phone city (place, neighborhood, hometown)
        tag skill interest met (event) web (link, website) note looking

Examples:
  kith search ada
  kith search company:acme tag:mentor city:chicago
  kith search "climbing pilsen"
  kith search company:"kite labs" --limit 5)");
  auto words = std::make_shared<std::vector<std::string>>();
  auto request = std::make_shared<SearchRequest>();
  command->add_option("query", *words, "What to look for")->required();
  command->add_option("--limit", request->limit, "How many to show")->default_val(20);
  command->add_option("--offset", request->offset, "How many to skip")->default_val(0);
  return {command, [words, request, &globals]() {
            return RunWithSession("search", globals, [&](Session& session) {
              request->query = JoinWords(*words);
              auto found = SearchContacts(session.context(), *request);
              if (!found) return ReportError("search", found.error());
              if (globals.json) {
                PrintJson(std::cout, FoundContactsToJson(*found));
                return 0;
              }
              if (found->empty()) {
                std::cout << "No one matches '" << request->query << "'.\n";
                return 0;
              }
              std::vector<ContactSummary> contacts;
              for (const auto& item : *found) contacts.push_back(SummaryOf(item.contact));
              PrintContactTable(std::cout, contacts);
              if (static_cast<int>(contacts.size()) == request->limit) {
                std::cout << "… more with --offset " << request->offset + request->limit << '\n';
              }
              return 0;
            });
          }};
}

}  // namespace kith::cli
