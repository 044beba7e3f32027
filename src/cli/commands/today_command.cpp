#include <algorithm>
#include <array>
#include <iostream>
#include <map>
#include <memory>
#include <optional>

#include "app/give.h"
#include "app/relationship_json.h"
#include "app/relationships.h"
#include "cli/commands/commands.h"
#include "cli/printing.h"
#include "formats/contact_json.h"
#include "formats/give_json.h"

namespace kith::cli {
namespace {

constexpr int kPeoplePerOpportunity = 3;

std::string_view Heading(AgendaItemKind kind) {
  switch (kind) {
    case AgendaItemKind::kFollowUp:
      return "Follow up";
    case AgendaItemKind::kReconnect:
      return "Reconnect";
    case AgendaItemKind::kReminder:
      return "Reminders";
    case AgendaItemKind::kDrifting:
      return "Drifting apart";
    case AgendaItemKind::kConnect:
      return "Connect";
    case AgendaItemKind::kPost:
      return "Post something";
    case AgendaItemKind::kOpportunity:
      return "Opportunities to offer";
  }
  return "";
}

std::string_view Weekday(Date day) {
  static constexpr std::array<std::string_view, 7> kNames = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                             "Thursday", "Friday", "Saturday"};
  // 1970-01-01 was a Thursday.
  const std::int64_t index = ((day.DaysSinceEpoch() + 4) % 7 + 7) % 7;
  return kNames.at(static_cast<std::size_t>(index));
}

nlohmann::json PeopleToJson(const OpportunityToOffer& offer) {
  nlohmann::json people = nlohmann::json::array();
  for (const auto& match : offer.people) {
    nlohmann::json person = ContactToJson(match.contact);
    person["reasons"] = match.reasons;
    people.push_back(std::move(person));
  }
  return people;
}

void PrintPeopleToOffer(std::ostream& out, const OpportunityToOffer& offer) {
  for (const auto& match : offer.people) {
    out << "      → " << match.contact.display_name << " (#" << match.contact.id.value << "): ";
    for (std::size_t i = 0; i < match.reasons.size(); ++i) out << (i ? " · " : "") << match.reasons[i];
    out << "\n        offered it? kith give " << match.contact.id.value << " --opp "
        << offer.opportunity.id.value << '\n';
  }
}

}  // namespace

Command AddTodayCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("today", "The day's agenda: what to do for the people you know");
  command->footer(R"(Follow-ups due and overdue, your reminders, reconnects your cadences ask
for, people drifting apart, profiles to connect with, a nudge to post, and
opportunities to pass on. Each line ends with the command that does it.

Examples:
  kith today
  kith today --today 2026-12-01     # what the agenda will say then
  kith --json today                 # {"date", "items": [{"kind", "text", "action", …}]})");
  return {command, [&globals]() {
            return RunWithSession("today", globals, [&](Session& session) {
              Context& context = session.context();
              const Date today = context.clock.Today();
              auto items = Today(context);
              if (!items) return ReportError("today", items.error());
              std::map<std::int64_t, OpportunityToOffer> offers;
              const bool any_opportunity = std::any_of(
                  items->begin(), items->end(),
                  [](const AgendaItem& item) { return item.kind == AgendaItemKind::kOpportunity; });
              if (any_opportunity) {
                auto to_offer = OpportunitiesToOffer(context, kPeoplePerOpportunity);
                if (!to_offer) return ReportError("today", to_offer.error());
                for (auto& offer : *to_offer) offers.emplace(offer.opportunity.id.value, std::move(offer));
              }
              const auto offer_for = [&](const AgendaItem& item) -> const OpportunityToOffer* {
                if (!item.opportunity) return nullptr;
                const auto found = offers.find(item.opportunity->value);
                return found == offers.end() ? nullptr : &found->second;
              };

              if (globals.json) {
                nlohmann::json array = nlohmann::json::array();
                for (const auto& item : *items) {
                  nlohmann::json json = AgendaItemToJson(item);
                  if (const auto* offer = offer_for(item)) {
                    json["opportunity"] = OpportunityToJson(offer->opportunity);
                    json["people"] = PeopleToJson(*offer);
                  }
                  array.push_back(std::move(json));
                }
                PrintJson(std::cout, {{"date", today.ToIso()}, {"items", array}});
                return 0;
              }

              std::cout << "Today, " << Weekday(today) << " " << today.ToIso() << '\n';
              if (items->empty()) {
                std::cout << "\nNothing due. A good day to reach out to someone you have not seen in a "
                             "while: kith list --sort health\n";
                return 0;
              }
              std::optional<AgendaItemKind> section;
              for (const auto& item : *items) {
                if (item.kind != section) {
                  section = item.kind;
                  std::cout << '\n' << Heading(item.kind) << '\n';
                }
                std::cout << "  • " << item.text << '\n';
                if (!item.action.empty()) std::cout << "      " << item.action << '\n';
                if (const auto* offer = offer_for(item)) PrintPeopleToOffer(std::cout, *offer);
              }
              return 0;
            });
          }};
}

}  // namespace kith::cli
