// One person as `kith show` shows them: the card and the relationship
// beside it, gathered by one app call so the face only prints (as JSON:
// PersonOverviewToJson, relationship_json.h).
#pragma once

#include <string_view>
#include <vector>

#include "app/context.h"
#include "app/relationships.h"
#include "domain/contact.h"
#include "domain/result.h"

namespace kith {

struct PersonOverview {
  Contact contact;
  std::vector<JobChange> job_changes;  // oldest first
  std::vector<Fact> facts;
  std::vector<Interaction> interactions;  // the latest few, newest first
  std::vector<Reminder> reminders;        // the open ones
  CadenceReport cadence;
  Health health;
};

// The person `reference` names (an id or a name, as ResolveContact takes
// it, with its errors), with their `recent` latest conversations.
Result<PersonOverview> OverviewOf(Context& context, std::string_view reference, int recent);

}  // namespace kith
