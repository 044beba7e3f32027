#include <iostream>
#include <memory>

#include "app/contacts.h"
#include "app/for_person.h"
#include "app/relationship_json.h"
#include "app/relationships.h"
#include "cli/commands/commands.h"
#include "cli/commands/relationship_printing.h"
#include "cli/printing.h"

namespace kith::cli {
namespace {

void Section(std::ostream& out, std::string_view title) { out << '\n' << title << '\n'; }

void PrintBrief(std::ostream& out, const Brief& brief, Date today) {
  const Contact& contact = brief.contact;
  const std::string id = std::to_string(contact.id.value);
  out << contact.display_name << "  (#" << id << ")\n";
  const std::string job = JobDescription(contact.title, contact.company);
  if (!job.empty()) out << "  " << job << '\n';
  std::string place = contact.city;
  if (!contact.neighborhood.empty()) place += (place.empty() ? "" : " · ") + contact.neighborhood;
  if (!place.empty()) out << "  lives in " << place << '\n';
  if (!brief.how_met.empty()) out << "  " << brief.how_met << '\n';
  if (brief.days_since_contact) {
    out << "  last talked " << DaysAgo(*brief.days_since_contact);
    if (contact.last_contact) out << " (" << contact.last_contact->ToIso() << ")";
    out << '\n';
  } else {
    out << "  not in touch since you met\n";
  }

  Section(out, "Personal");
  if (brief.personal.empty()) {
    out << "  nothing yet: ask where they grew up, what they do outside work\n";
  } else {
    PrintFacts(out, brief.personal, 2);
  }
  if (!brief.professional.empty()) {
    Section(out, "Professional");
    PrintFacts(out, brief.professional, 2);
  } else if (brief.goals.empty()) {
    Section(out, "Professional");
    out << "  nothing yet: ask how they got into their work, what they are working on\n";
  }
  if (!brief.goals.empty()) {
    Section(out, "Goals");
    for (const auto& goal : brief.goals) out << "  " << goal.value << '\n';
  }
  if (!brief.recent.empty()) {
    Section(out, "Last talks");
    for (const auto& interaction : brief.recent) PrintInteraction(out, interaction, 2);
  }
  if (!brief.open_reminders.empty()) {
    Section(out, "Open follow-ups and promises");
    for (const auto& reminder : brief.open_reminders) {
      out << "  " << reminder.due.ToIso() << "  " << PadTo(ReminderKindName(reminder.kind), 9) << "  "
          << reminder.note << "  (" << ReminderWhen(reminder, today) << ")\n";
    }
  }
  if (!brief.ledger.empty()) {
    Section(out, "What you gave each other");
    for (const auto& entry : brief.ledger) PrintLedgerEntry(out, entry, LedgerLineId::kLeftOut);
  }
  Section(out, "Conversation starters");
  if (brief.starters.empty()) {
    out << "  none yet: what you learn next time becomes one (kith log " << id << " --fact …)\n";
  }
  for (const auto& starter : brief.starters) out << "  • " << starter << '\n';

  Section(out, "Health");
  PrintHealth(out, brief.health, 2);
  if (brief.listening.average_they_talked) {
    Section(out, "Listening");
    out << "  they talked " << *brief.listening.average_they_talked << "% on average over "
        << brief.listening.conversations
        << (brief.listening.conversations == 1 ? " conversation" : " conversations")
        << " (goal: " << kListeningGoalPercent << "% or more)\n";
  }
}

}  // namespace

Command AddBriefCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("brief", "Before you meet: who they are, what you know, what to ask");
  command->footer(R"(Examples:
  kith brief 12
  kith brief "Ada Okafor"
  kith log 12 --kind coffee --they-talked 60 --fact personal:hobby=climbing   # afterwards)");
  auto words = std::make_shared<std::vector<std::string>>();
  command->add_option("contact", *words, "Id or name")->required();
  return {command, [words, &globals]() {
            return RunWithSession("brief", globals, [&](Session& session) {
              auto brief = ForPerson(session.context(), JoinWords(*words), BriefFor);
              if (!brief) return ReportError("brief", brief.error());
              if (globals.json) {
                PrintJson(std::cout, BriefToJson(brief->value));
              } else {
                PrintBrief(std::cout, brief->value, session.context().clock.Today());
              }
              return 0;
            });
          }};
}

}  // namespace kith::cli
