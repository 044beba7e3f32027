// The day's agenda. Today it holds the opportunities to offer; the
// relationship loop adds its items (follow-ups, reconnects, posting) here.
#include "app/give.h"
#include "formats/contact_json.h"
#include "formats/give_json.h"
#include "http/routes/routes.h"

namespace kith::http {
namespace {

Result<ApiReply> TodayRoute(const httplib::Request& /*request*/, Context& context) {
  constexpr int kPeoplePerOpportunity = 3;
  KITH_ASSIGN_OR_RETURN(const auto offers, OpportunitiesToOffer(context, kPeoplePerOpportunity));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& offer : offers) {
    nlohmann::json people = nlohmann::json::array();
    for (const auto& match : offer.people) {
      nlohmann::json person = ContactToJson(match.contact);
      person["reasons"] = match.reasons;
      people.push_back(std::move(person));
    }
    items.push_back(
        {{"kind", "opportunity"}, {"opportunity", OpportunityToJson(offer.opportunity)}, {"people", people}});
  }
  return Json({{"date", context.clock.Today().ToIso()}, {"items", items}});
}

}  // namespace

void AddTodayRoutes(std::vector<Route>& routes) {
  routes.push_back({Method::kGet, "/today", Access::kRead, TodayRoute,
                    "The day's agenda, the same items as `kith today --json`", "today", "", "Today"});
}

}  // namespace kith::http
