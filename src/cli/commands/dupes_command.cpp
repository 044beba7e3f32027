#include <iostream>
#include <memory>
#include <utility>

#include "app/contacts.h"
#include "app/for_person.h"
#include "app/results_json.h"
#include "app/transfer.h"
#include "cli/commands/commands.h"
#include "cli/printing.h"
#include "formats/contact_json.h"

namespace kith::cli {

Command AddDupesCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("dupes", "List people who are probably on the list twice, and why");
  command->footer(R"(Pairs share an email, a phone, a profile URL, or a family name (with a
similar given name) at the same company; the surest come first. Merge each
with `kith merge KEEP OTHER` (`kith merge --undo ID` takes a merge back).

Example:
  kith dupes
  kith dupes --offset 50      # the next page
  kith merge 12 57)");
  auto request = std::make_shared<DuplicatesRequest>();
  command->add_option("--limit", request->limit, "How many pairs to show (up to 500)")->default_val(50);
  command->add_option("--offset", request->offset, "How many pairs to skip")->default_val(0);
  return {command, [request, &globals]() {
            return RunWithSession("dupes", globals, [&](Session& session) {
              auto found = FindDuplicates(session.context(), *request);
              if (!found) return ReportError("dupes", found.error());
              if (globals.json) {
                PrintJson(std::cout, LikelyDuplicatesToJson(found->pairs));
                return 0;
              }
              if (found->pairs.empty()) {
                std::cout << (found->total > 0 ? "No more likely duplicates.\n" : "No likely duplicates.\n");
                return 0;
              }
              for (const auto& pair : found->pairs) {
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
              const std::int64_t shown_to = request->offset + static_cast<std::int64_t>(found->pairs.size());
              std::cout << "\n"
                        << request->offset + 1 << "–" << shown_to << " of " << found->total
                        << " likely duplicates";
              if (shown_to < found->total) std::cout << "; more with --offset " << shown_to;
              std::cout << "\n";
              return 0;
            });
          }};
}

Command AddMergeCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("merge", "Merge OTHER into KEEP; nothing from OTHER is lost");
  command->footer(R"(Emails, phones, links, tags, skills, notes and history move to KEEP; where
both have a different value (another company), KEEP's stays and OTHER's is kept
as a custom field. OTHER goes to the trash. Each merge is journalled:
`kith merge --undo ID` puts both cards back as they were, unless one was
edited since.

Example:
  kith merge 12 57
  kith merge --undo 3)");
  auto keep = std::make_shared<std::string>();
  auto other = std::make_shared<std::string>();
  auto undo = std::make_shared<std::int64_t>(0);
  command->add_option("keep", *keep, "Id or name of the card to keep");
  command->add_option("other", *other, "Id or name of the card to merge into it");
  command->add_option("--undo", *undo, "Take back the merge with this id (printed by the merge)")
      ->excludes(command->get_option("keep"))
      ->excludes(command->get_option("other"));
  return {command, [keep, other, undo, &globals]() {
            return RunWithSession("merge", globals, [&](Session& session) {
              const auto done = [&]() -> Result<MergedContacts> {
                if (*undo != 0) return UndoMerge(session.context(), MergeId{*undo});
                if (keep->empty() || other->empty()) {
                  return Fail(ErrorCode::kInvalidInput, "give KEEP and OTHER (ids or names), or --undo ID",
                              "keep");
                }
                KITH_ASSIGN_OR_RETURN(auto merged,
                                      ForTwoPeople(session.context(), *keep, *other, MergeContacts));
                return std::move(merged.value);
              }();
              if (!done) return ReportError("merge", done.error());
              if (globals.json) {
                PrintJson(std::cout, MergedContactsToJson(*done));
                return 0;
              }
              const auto& [merge, kept, merged_away] = *done;
              if (*undo != 0) {
                std::cout << "Undid merge " << merge.id.value << ": " << merged_away.display_name << " (id "
                          << merged_away.id.value << ") and " << kept.display_name << " (id " << kept.id.value
                          << ") are two cards again.\n";
                return 0;
              }
              std::cout << "Merged " << merged_away.display_name << " (id " << merged_away.id.value
                        << ") into " << kept.display_name << " (id " << kept.id.value
                        << "). Undo: kith merge --undo " << merge.id.value << "\n\n";
              PrintCard(std::cout, kept, session.context().clock.Today());
              return 0;
            });
          }};
}

}  // namespace kith::cli
