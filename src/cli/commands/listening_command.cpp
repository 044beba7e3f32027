#include <iostream>
#include <memory>
#include <utility>

#include "app/contacts.h"
#include "app/for_person.h"
#include "app/relationship_json.h"
#include "app/relationships.h"
#include "cli/commands/commands.h"
#include "cli/commands/relationship_printing.h"
#include "cli/printing.h"

namespace kith::cli {
namespace {

void PrintListening(std::ostream& out, const std::string& whose, const ListeningStats& stats) {
  if (!stats.average_they_talked) {
    out << "No share of the talking recorded " << whose
        << " yet. After a conversation: kith log ID --kind coffee --they-talked 60\n";
    return;
  }
  const int average = *stats.average_they_talked;
  out << "Over " << stats.conversations << (stats.conversations == 1 ? " conversation " : " conversations ")
      << whose << ", they talked " << average << "% of the time on average.\n";
  if (average >= kListeningGoalPercent) {
    out << "That meets the goal of " << kListeningGoalPercent << "% or more: you listen.\n";
  } else {
    out << "The goal is " << kListeningGoalPercent
        << "% or more: ask one more question, and let the silence work.\n";
  }
  switch (stats.trend) {
    case ListeningTrend::kImproving:
      out << "Trend: improving.\n";
      break;
    case ListeningTrend::kSlipping:
      out << "Trend: slipping — you have been talking more lately.\n";
      break;
    case ListeningTrend::kSteady:
      out << "Trend: steady.\n";
      break;
    case ListeningTrend::kUnknown:
      break;
  }
  if (!stats.talked_more.empty()) {
    out << "\nWhere you talked more than half the time:\n";
    for (const auto& interaction : stats.talked_more) PrintInteraction(out, interaction, 2);
  }
}

}  // namespace

Command AddListeningCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("listening", "How much of the talking they had: goal, half or more");
  command->footer(R"(Examples:
  kith listening            # everyone, recent conversations
  kith listening 12         # one person
  kith log 12 --kind coffee --they-talked 65)");
  auto words = std::make_shared<std::vector<std::string>>();
  command->add_option("contact", *words, "Id or name (default: everyone)");
  return {command, [words, &globals]() {
            return RunWithSession("listening", globals, [&](Session& session) {
              std::optional<ContactId> id;
              std::string whose = "with the people you know";
              auto stats = [&]() -> Result<ListeningStats> {
                if (words->empty()) return Listening(session.context(), std::nullopt);
                KITH_ASSIGN_OR_RETURN(auto theirs,
                                      ForPerson(session.context(), JoinWords(*words), Listening));
                id = theirs.contact.id;
                whose = "with " + theirs.contact.display_name;
                return std::move(theirs.value);
              }();
              if (!stats) return ReportError("listening", stats.error());
              if (globals.json) {
                PrintJson(std::cout, ListeningReportToJson(*stats, id));
              } else {
                PrintListening(std::cout, whose, *stats);
              }
              return 0;
            });
          }};
}

}  // namespace kith::cli
