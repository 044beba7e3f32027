#include <iostream>
#include <map>
#include <memory>

#include "app/contacts.h"
#include "cli/commands/commands.h"
#include "cli/printing.h"
#include "formats/contact_json.h"

namespace kith::cli {

Command AddListCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("list", "The running list, sorted and filtered, a page at a time");
  command->footer(R"(Examples:
  kith list                              # by name, first 50
  kith list --sort met --limit 20        # the people you met most recently
  kith list --tag mentor --offset 50     # the second page of mentors
  kith list --event "PyCon US 2026"
  kith list --trash)");
  auto query = std::make_shared<ListQuery>();
  auto sort = std::make_shared<ListSort>(ListSort::kName);
  const std::map<std::string, ListSort> sorts = {{"name", ListSort::kName},
                                                 {"met", ListSort::kMetOn},
                                                 {"last-contact", ListSort::kLastContact},
                                                 {"added", ListSort::kCreated}};
  command->add_option("--tag", query->tag, "Only people with this tag");
  command->add_option("--event", query->event, "Only people met at this event");
  command->add_option("--sort", *sort, "name | met | last-contact | added")
      ->transform(CLI::CheckedTransformer(sorts, CLI::ignore_case))
      ->default_str("name");
  command->add_option("--limit", query->limit, "How many to show")->default_val(50);
  command->add_option("--offset", query->offset, "How many to skip")->default_val(0);
  command->add_flag("--trash", query->trashed, "List the trash instead");
  return {command, [query, sort, &globals]() {
            return RunWithSession("list", globals, [&](Session& session) {
              query->sort = *sort;
              auto contacts = ListContacts(session.context(), *query);
              if (!contacts) return ReportError("list", contacts.error());
              if (globals.json) {
                nlohmann::json array = nlohmann::json::array();
                for (const auto& contact : *contacts) array.push_back(ContactToJson(contact));
                PrintJson(std::cout, array);
                return 0;
              }
              if (contacts->empty()) {
                std::cout << (query->offset > 0 ? "No more people.\n"
                              : query->trashed  ? "The trash is empty.\n"
                                                : "No people yet. Add one with `kith add --name …`, "
                                                  "or try `kith gen 500` for a demo network.\n");
                return 0;
              }
              PrintContactTable(std::cout, *contacts);
              if (static_cast<int>(contacts->size()) == query->limit) {
                std::cout << "… more with --offset " << query->offset + query->limit << '\n';
              }
              return 0;
            });
          }};
}

}  // namespace kith::cli
