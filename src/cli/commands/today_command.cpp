#include <iostream>
#include <memory>

#include "app/give.h"
#include "cli/commands/commands.h"
#include "cli/printing.h"
#include "formats/contact_json.h"
#include "formats/give_json.h"

namespace kith::cli {

Command AddTodayCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("today", "The day's agenda: what to do for the people you know");
  command->footer(R"(Today lists the open opportunities with the people to offer each to.
(Follow-ups, reconnects and posting reminders join it with the relationship loop.)

Example:
  kith today
  kith give 42 --opp 3     # after you offered it)");
  return {
      command, [&globals]() {
        return RunWithSession("today", globals, [&](Session& session) {
          constexpr int kPeoplePerOpportunity = 3;
          auto offers = OpportunitiesToOffer(session.context(), kPeoplePerOpportunity);
          if (!offers) return ReportError("today", offers.error());
          if (globals.json) {
            nlohmann::json items = nlohmann::json::array();
            for (const auto& offer : *offers) {
              nlohmann::json people = nlohmann::json::array();
              for (const auto& match : offer.people) {
                nlohmann::json person = ContactToJson(match.contact);
                person["reasons"] = match.reasons;
                people.push_back(std::move(person));
              }
              items.push_back({{"kind", "opportunity"},
                               {"opportunity", OpportunityToJson(offer.opportunity)},
                               {"people", people}});
            }
            PrintJson(std::cout, {{"date", session.context().clock.Today().ToIso()}, {"items", items}});
            return 0;
          }
          std::cout << "Today, " << session.context().clock.Today().ToIso() << "\n";
          if (offers->empty()) {
            std::cout << "\nNothing waiting. When something comes your way: kith opp add TITLE --skill S\n";
            return 0;
          }
          std::cout << "\nOpportunities to offer\n";
          for (const auto& offer : *offers) {
            std::cout << "\n#" << offer.opportunity.id.value << " " << offer.opportunity.title;
            if (offer.opportunity.deadline)
              std::cout << " (by " << offer.opportunity.deadline->ToIso() << ")";
            std::cout << "\n";
            if (offer.people.empty()) std::cout << "   nobody fits yet\n";
            for (const auto& match : offer.people) {
              std::cout << "   → " << match.contact.display_name << " (#" << match.contact.id.value << "): ";
              for (std::size_t i = 0; i < match.reasons.size(); ++i) {
                std::cout << (i ? " · " : "") << match.reasons[i];
              }
              std::cout << "\n     offer it, then: kith give " << match.contact.id.value << " --opp "
                        << offer.opportunity.id.value << "\n";
            }
          }
          return 0;
        });
      }};
}

}  // namespace kith::cli
