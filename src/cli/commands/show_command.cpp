#include <iostream>
#include <memory>

#include "app/person_overview.h"
#include "app/relationship_json.h"
#include "cli/commands/commands.h"
#include "cli/commands/relationship_printing.h"
#include "cli/printing.h"

namespace kith::cli {
namespace {

constexpr int kRecentInteractions = 5;

// What the card shows beyond its fields: the relationship.
void PrintRelationship(std::ostream& out, const PersonOverview& relationship, Date today) {
  const Contact& contact = relationship.contact;
  out << "  health    " << HealthWords(relationship.health.score, relationship.health.label);
  if (!relationship.health.explanation.empty()) out << " — " << relationship.health.explanation;
  out << '\n';
  const CadenceReport& cadence = relationship.cadence;
  out << "  cadence   every " << cadence.effective_days << " days"
      << (cadence.own_days   ? " (their own)"
          : cadence.tag_days ? " (from their tags)"
          : cadence.next     ? " (" + std::string(CadenceStageName(cadence.next->stage)) + " stage)"
                         : " (no cadence set: kith cadence " + std::to_string(contact.id.value) + " DAYS)");
  if (cadence.next) out << " · next " << cadence.next->due.ToIso() << ": " << cadence.next->note;
  out << '\n';
  if (!relationship.facts.empty()) {
    out << "  facts\n";
    for (const FactKind kind : {FactKind::kPersonal, FactKind::kProfessional}) {
      std::vector<Fact> of_kind;
      for (const auto& fact : relationship.facts) {
        if (fact.kind == kind) of_kind.push_back(fact);
      }
      if (of_kind.empty()) continue;
      out << "    " << FactKindName(kind) << '\n';
      PrintFacts(out, of_kind, 6);
    }
  }
  if (!relationship.interactions.empty()) {
    out << "  last talks\n";
    for (const auto& interaction : relationship.interactions) PrintInteraction(out, interaction, 4);
  }
  if (!relationship.reminders.empty()) {
    out << "  reminders\n";
    for (const auto& reminder : relationship.reminders) {
      out << "    #" << reminder.id.value << "  " << reminder.due.ToIso() << "  "
          << PadTo(ReminderKindName(reminder.kind), 9) << "  " << reminder.note << "  ("
          << ReminderWhen(reminder, today) << ")\n";
    }
  }
}

}  // namespace

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
              auto overview = OverviewOf(session.context(), JoinWords(*words), kRecentInteractions);
              if (!overview) return ReportError("show", overview.error());
              if (globals.json) {
                PrintJson(std::cout, PersonOverviewToJson(*overview));
              } else {
                const Date today = session.context().clock.Today();
                PrintCard(std::cout, overview->contact, today);
                PrintJobChanges(std::cout, overview->job_changes);
                PrintRelationship(std::cout, *overview, today);
              }
              return 0;
            });
          }};
}

}  // namespace kith::cli
