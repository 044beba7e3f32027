// The PostgreSQL step that makes the relationship loop each member's own
// and lets a fact or an interaction be private to its author
// (docs/team.md). Internal to store/postgres/.
#pragma once

#include <string_view>

namespace kith::postgres {

// Authors on interactions, facts, reminders and cadences, private flags on
// interactions and facts, and the row-level security that hides another
// member's private rows and personal loop.
std::string_view PrivateRowsMigration();

}  // namespace kith::postgres
