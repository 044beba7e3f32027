#include "app/person_overview.h"

#include <utility>

#include "app/contacts.h"

namespace kith {

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

}  // namespace kith
