#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/contacts.h"
#include "app/for_person.h"
#include "app/relationship_json.h"
#include "app/relationships.h"
#include "cli/commands/commands.h"
#include "cli/commands/relationship_printing.h"
#include "cli/printing.h"

namespace kith::cli {
namespace {

struct FactFlags {
  std::string contact;
  std::string key;
  std::vector<std::string> value;
  bool personal = false;
  bool professional = false;
  bool remove = false;
  bool is_private = false;
};

void PrintFactsOf(std::ostream& out, const Contact& contact, const std::vector<Fact>& facts) {
  out << contact.display_name << " (#" << contact.id.value << ")\n";
  if (facts.empty()) {
    out << "  Nothing learned yet. kith fact " << contact.id.value
        << " --personal hometown Pilsen, or --fact with kith log.\n";
    return;
  }
  for (const FactKind kind : {FactKind::kPersonal, FactKind::kProfessional}) {
    std::vector<Fact> of_kind;
    for (const auto& fact : facts) {
      if (fact.kind == kind) of_kind.push_back(fact);
    }
    if (of_kind.empty()) continue;
    out << "  " << FactKindName(kind) << '\n';
    PrintFacts(out, of_kind, 4);
  }
}

}  // namespace

Command AddFactCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("fact", "What you know about someone: personal and professional facts");
  command->footer(R"(Without a key it lists the facts. Setting a key again replaces its value.

Examples:
  kith fact 12                                   # everything you know
  kith fact 12 --personal hometown Pilsen
  kith fact "Ada Okafor" --professional goal "open a studio"
  kith fact 12 --personal hometown --remove
  kith fact 12 --personal family "two kids" --private   # only you see it)");
  auto flags = std::make_shared<FactFlags>();
  command->add_option("contact", flags->contact, "Id or name (quote a name with spaces)")->required();
  command->add_option("key", flags->key, "What the fact is about: hometown, hobby, goal, …");
  command->add_option("value", flags->value, "What you learned");
  auto* personal = command->add_flag("--personal", flags->personal, "A personal fact");
  auto* professional = command->add_flag("--professional", flags->professional, "A professional fact");
  personal->excludes(professional);
  command->add_flag("--remove", flags->remove, "Forget the fact with this key");
  command->add_flag("--private", flags->is_private, "Only you see it (a shared workspace; docs/team.md)");
  return {command, [=, &globals]() {
            return RunWithSession("fact", globals, [&](Session& session) {
              Context& context = session.context();
              // Usage is checked before the person is looked up: the hints
              // name them as they were typed.
              const std::string who = flags->contact.find(' ') == std::string::npos
                                          ? flags->contact
                                          : "\"" + flags->contact + "\"";
              const FactKind kind = flags->personal ? FactKind::kPersonal : FactKind::kProfessional;
              if (!flags->key.empty()) {
                if (!flags->personal && !flags->professional) {
                  std::cerr << "kith fact: say which kind: --personal or --professional\n";
                  return 2;
                }
                if (flags->remove && !flags->value.empty()) {
                  std::cerr << "kith fact: --remove takes a key, not a value\n";
                  return 2;
                }
                if (!flags->remove && flags->value.empty()) {
                  std::cerr << "kith fact: what did you learn? kith fact " << who << " --"
                            << FactKindName(kind) << " " << flags->key << " VALUE\n";
                  return 2;
                }
              } else if (flags->remove || flags->personal || flags->professional) {
                std::cerr << "kith fact: which fact? kith fact " << who << " --personal KEY VALUE\n";
                return 2;
              }
              std::optional<Fact> set;
              Result<AboutPerson<std::vector<Fact>>> facts = [&]() -> Result<AboutPerson<std::vector<Fact>>> {
                if (flags->key.empty()) return ForPerson(context, flags->contact, FactsOf);
                if (flags->remove) return ForPerson(context, flags->contact, RemoveFact, kind, flags->key);
                KITH_ASSIGN_OR_RETURN(
                    auto noted,
                    ForPerson(context, flags->contact, NoteFact, kind, flags->key, JoinWords(flags->value),
                              flags->is_private ? Visibility::kPrivate : Visibility::kShared));
                set = std::move(noted.value.fact);
                return AboutPerson<std::vector<Fact>>{std::move(noted.contact), std::move(noted.value.facts)};
              }();
              if (!facts) return ReportError("fact", facts.error());
              if (set && !globals.json) {
                std::cout << "Noted: " << facts->contact.display_name << "'s " << KeyWords(set->key) << " is "
                          << set->value << ".\n";
              } else if (flags->remove && !globals.json) {
                std::cout << "Forgot " << facts->contact.display_name << "'s " << FactKindName(kind) << " "
                          << KeyWords(flags->key) << ".\n";
              }
              if (globals.json) {
                nlohmann::json array = nlohmann::json::array();
                for (const auto& fact : facts->value) array.push_back(FactToJson(fact));
                PrintJson(std::cout, array);
              } else if (flags->key.empty()) {
                PrintFactsOf(std::cout, facts->contact, facts->value);
              }
              return 0;
            });
          }};
}

}  // namespace kith::cli
