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

constexpr int kRecentInteractions = 5;

// What the card shows beyond its fields: the relationship.
struct Relationship {
  std::vector<Fact> facts;
  std::vector<Interaction> interactions;
  std::vector<Reminder> reminders;  // open ones
  CadenceReport cadence;
  Health health;
};

Result<Relationship> LoadRelationship(Context& context, const Contact& contact) {
  Relationship relationship;
  KITH_ASSIGN_OR_RETURN(relationship.facts, FactsOf(context, contact.id));
  KITH_ASSIGN_OR_RETURN(relationship.interactions, InteractionsOf(context, contact.id, kRecentInteractions));
  KITH_ASSIGN_OR_RETURN(std::vector<Reminder> reminders, RemindersOf(context, contact.id));
  for (auto& reminder : reminders) {
    if (reminder.state == ReminderState::kOpen) relationship.reminders.push_back(std::move(reminder));
  }
  KITH_ASSIGN_OR_RETURN(relationship.cadence, CadenceOf(context, contact.id));
  KITH_ASSIGN_OR_RETURN(relationship.health, HealthOf(context, contact));
  return relationship;
}

void PrintRelationship(std::ostream& out, const Contact& contact, const Relationship& relationship,
                       Date today) {
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
              auto contact = ResolveContact(session.context(), JoinWords(*words));
              if (!contact) return ReportError("show", contact.error());
              auto changes = JobChangesOf(session.context(), contact->id);
              if (!changes) return ReportError("show", changes.error());
              auto relationship = LoadRelationship(session.context(), *contact);
              if (!relationship) return ReportError("show", relationship.error());
              if (globals.json) {
                nlohmann::json json = ContactToJson(*contact);
                json["job_changes"] = nlohmann::json::array();
                for (const auto& change : *changes) json["job_changes"].push_back(JobChangeToJson(change));
                json["facts"] = nlohmann::json::array();
                for (const auto& fact : relationship->facts) json["facts"].push_back(FactToJson(fact));
                json["interactions"] = nlohmann::json::array();
                for (const auto& interaction : relationship->interactions) {
                  json["interactions"].push_back(InteractionToJson(interaction));
                }
                json["reminders"] = nlohmann::json::array();
                for (const auto& reminder : relationship->reminders) {
                  json["reminders"].push_back(ReminderToJson(reminder));
                }
                json["cadence"] = CadenceReportToJson(relationship->cadence);
                json["health"] = HealthToJson(relationship->health);
                PrintJson(std::cout, json);
              } else {
                PrintCard(std::cout, *contact, session.context().clock.Today());
                PrintJobChanges(std::cout, *changes);
                PrintRelationship(std::cout, *contact, *relationship, session.context().clock.Today());
              }
              return 0;
            });
          }};
}

}  // namespace kith::cli
