#include "app/person_overview.h"

#include <utility>

#include "app/contacts.h"
#include "app/relationship_json.h"
#include "formats/contact_json.h"

namespace kith {
namespace {

template <typename Item, typename ToJson>
nlohmann::json ArrayOf(const std::vector<Item>& items, ToJson to_json) {
  nlohmann::json array = nlohmann::json::array();
  for (const auto& item : items) array.push_back(to_json(item));
  return array;
}

}  // namespace

Result<PersonOverview> OverviewOf(Context& context, std::string_view reference, int recent) {
  PersonOverview overview;
  KITH_ASSIGN_OR_RETURN(overview.contact, ResolveContact(context, reference));
  const ContactId id = overview.contact.id;
  KITH_ASSIGN_OR_RETURN(overview.job_changes, JobChangesOf(context, id));
  KITH_ASSIGN_OR_RETURN(overview.facts, FactsOf(context, id));
  KITH_ASSIGN_OR_RETURN(overview.interactions, InteractionsOf(context, id, recent));
  KITH_ASSIGN_OR_RETURN(std::vector<Reminder> reminders, RemindersOf(context, id));
  for (auto& reminder : reminders) {
    if (reminder.state == ReminderState::kOpen) overview.reminders.push_back(std::move(reminder));
  }
  KITH_ASSIGN_OR_RETURN(overview.cadence, CadenceOf(context, id));
  KITH_ASSIGN_OR_RETURN(overview.health, HealthOf(context, overview.contact));
  return overview;
}

nlohmann::json PersonOverviewToJson(const PersonOverview& overview) {
  nlohmann::json json = ContactToJson(overview.contact);
  json["job_changes"] = ArrayOf(overview.job_changes, JobChangeToJson);
  json["facts"] = ArrayOf(overview.facts, FactToJson);
  json["interactions"] = ArrayOf(overview.interactions, InteractionToJson);
  json["reminders"] = ArrayOf(overview.reminders, ReminderToJson);
  json["cadence"] = CadenceReportToJson(overview.cadence);
  json["health"] = HealthToJson(overview.health);
  return json;
}

}  // namespace kith
