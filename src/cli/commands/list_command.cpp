#include <algorithm>
#include <iostream>
#include <memory>

#include "app/contacts.h"
#include "app/relationship_json.h"
#include "app/relationships.h"
#include "cli/commands/commands.h"
#include "cli/commands/relationship_printing.h"
#include "cli/printing.h"
#include "formats/contact_json.h"

namespace kith::cli {
namespace {

constexpr int kNameColumns = 28;

std::string FitTo(const std::string& text, int width) {
  if (DisplayWidth(text) <= width) return text;
  std::string fitted;
  for (const char c : text) {
    // Cut only at the start of a UTF-8 character.
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && DisplayWidth(fitted) >= width - 1) break;
    fitted += c;
  }
  return fitted + "…";
}

// The weakest relationships first, with their score and why.
void PrintHealthTable(std::ostream& out, const std::vector<ContactWithHealth>& people) {
  int id_width = 2;
  int name_width = 4;
  int health_width = 6;
  for (const auto& person : people) {
    id_width = std::max(id_width, DisplayWidth(std::to_string(person.contact.id.value)));
    name_width = std::max(name_width, DisplayWidth(FitTo(person.contact.display_name, kNameColumns)));
    health_width =
        std::max(health_width, DisplayWidth(HealthWords(person.health.score, person.health.label)));
  }
  out << std::string(static_cast<std::size_t>(id_width - 2), ' ') << "ID  " << PadTo("NAME", name_width)
      << "  " << PadTo("HEALTH", health_width) << "  WHY\n";
  for (const auto& person : people) {
    const std::string id = std::to_string(person.contact.id.value);
    std::string line = std::string(static_cast<std::size_t>(id_width - DisplayWidth(id)), ' ') + id + "  " +
                       PadTo(FitTo(person.contact.display_name, kNameColumns), name_width) + "  " +
                       PadTo(HealthWords(person.health.score, person.health.label), health_width) + "  " +
                       person.health.explanation;
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  }
}

}  // namespace

Command AddListCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("list", "The running list, sorted and filtered, a page at a time");
  command->footer(R"(Examples:
  kith list                              # by name, first 50
  kith list --sort met --limit 20        # the people you met most recently
  kith list --sort health                # who is drifting: the weakest relationships first
  kith list --tag mentor --offset 50     # the second page of mentors
  kith list --event "PyCon US 2026"
  kith list --trash)");
  auto query = std::make_shared<ListQuery>();
  auto sort = std::make_shared<std::string>("name");
  command->add_option("--tag", query->tag, "Only people with this tag");
  command->add_option("--event", query->event, "Only people met at this event");
  command->add_option("--sort", *sort, "name | met | last-contact | added | health")
      ->check(CLI::IsMember({"name", "met", "last-contact", "added", "health"}, CLI::ignore_case))
      ->default_str("name");
  command->add_option("--limit", query->limit, "How many to show")->default_val(50);
  command->add_option("--offset", query->offset, "How many to skip")->default_val(0);
  command->add_flag("--trash", query->trashed, "List the trash instead");
  return {command, [query, sort, &globals]() {
            return RunWithSession("list", globals, [&](Session& session) {
              auto order = ParseListOrder(*sort);
              if (!order) return ReportError("list", order.error());
              if (*order == ListOrder::kHealth) {
                auto people = ListByHealth(session.context(), *query);
                if (!people) return ReportError("list", people.error());
                if (globals.json) {
                  PrintJson(std::cout, ContactsWithHealthToJson(*people));
                  return 0;
                }
                if (people->empty()) {
                  std::cout << (query->offset > 0 ? "No more people.\n" : "No people yet.\n");
                  return 0;
                }
                PrintHealthTable(std::cout, *people);
                if (static_cast<int>(people->size()) == query->limit) {
                  std::cout << "… more with --offset " << query->offset + query->limit << '\n';
                }
                return 0;
              }
              query->sort = StoredSort(*order).value_or(ListSort::kName);
              if (globals.json) {
                auto contacts = ListContacts(session.context(), *query);
                if (!contacts) return ReportError("list", contacts.error());
                PrintJson(std::cout, ContactsToJson(*contacts));
                return 0;
              }
              // The table shows list lines only: whole cards are read for --json.
              auto contacts = ListContactLines(session.context(), *query);
              if (!contacts) return ReportError("list", contacts.error());
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
