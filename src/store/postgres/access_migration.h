// The PostgreSQL step that adds accounts, memberships and row-level
// security (docs/team.md). Internal to store/postgres/.
#pragma once

#include <string_view>

namespace kith::postgres {

// Accounts (a reference table), memberships (led by workspace_id), and the
// policies that hold every workspace table to the workspace and role the
// connection acts as.
std::string_view AccessMigration();

}  // namespace kith::postgres
