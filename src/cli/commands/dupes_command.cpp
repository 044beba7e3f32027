#include <iostream>
#include <memory>

#include "app/contacts.h"
#include "app/results_json.h"
#include "app/transfer.h"
#include "cli/commands/commands.h"
#include "cli/printing.h"
#include "formats/contact_json.h"

namespace kith::cli {

Command AddDupesCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("dupes", "List people who are probably on the list twice, and why");
  command->footer(R"(Pairs share an email, a phone, a profile URL, or a family name (with a
similar given name) at the same company. Merge each with `kith merge KEEP OTHER`.

Example:
  kith dupes
  kith merge 12 57)");
  return {command, [&globals]() {
            return RunWithSession("dupes", globals, [&](Session& session) {
              auto found = FindDuplicates(session.context());
              if (!found) return ReportError("dupes", found.error());
              if (globals.json) {
                PrintJson(std::cout, LikelyDuplicatesToJson(*found));
                return 0;
              }
              if (found->empty()) {
                std::cout << "No likely duplicates.\n";
                return 0;
              }
              for (const auto& pair : *found) {
                const auto describe = [](const Contact& contact) {
                  std::string text = "#" + std::to_string(contact.id.value) + " " + contact.display_name;
                  if (!contact.company.empty()) text += " (" + contact.company + ")";
                  return text;
                };
                std::cout << describe(pair.first) << "  ≈  " << describe(pair.second) << "\n    ";
                for (std::size_t i = 0; i < pair.reasons.size(); ++i) {
                  std::cout << (i == 0 ? "" : " · ") << pair.reasons[i];
                }
                std::cout << "\n    kith merge " << pair.first.id.value << " " << pair.second.id.value
                          << "\n";
              }
              return 0;
            });
          }};
}

Command AddMergeCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("merge", "Merge OTHER into KEEP; nothing from OTHER is lost");
  command->footer(R"(Emails, phones, links, tags, skills, notes and history move to KEEP; where
both have a different value (another company), KEEP's stays and OTHER's is kept
as a custom field. OTHER goes to the trash (`kith restore` brings it back).

Example:
  kith merge 12 57)");
  auto keep = std::make_shared<std::string>();
  auto other = std::make_shared<std::string>();
  command->add_option("keep", *keep, "Id or name of the card to keep")->required();
  command->add_option("other", *other, "Id or name of the card to merge into it")->required();
  return {command, [keep, other, &globals]() {
            return RunWithSession("merge", globals, [&](Session& session) {
              auto kept = ResolveContact(session.context(), *keep);
              if (!kept) return ReportError("merge", kept.error());
              auto merged_away = ResolveContact(session.context(), *other);
              if (!merged_away) return ReportError("merge", merged_away.error());
              auto merged = MergeContacts(session.context(), kept->id, merged_away->id);
              if (!merged) return ReportError("merge", merged.error());
              if (globals.json) {
                PrintJson(std::cout, ContactToJson(*merged));
              } else {
                std::cout << "Merged " << merged_away->display_name << " (id " << merged_away->id.value
                          << ") into " << merged->display_name << " (id " << merged->id.value << ").\n\n";
                PrintCard(std::cout, *merged, session.context().clock.Today());
              }
              return 0;
            });
          }};
}

}  // namespace kith::cli
