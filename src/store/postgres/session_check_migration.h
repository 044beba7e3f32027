// The PostgreSQL steps that let a server act as a member a web session
// signed in as, checking the session in the statement that makes the
// settings instead of reading it first (docs/team.md). Internal to
// store/postgres/.
#pragma once

#include <string_view>

namespace kith::postgres {

// Version 14: kith_act_as_session(), the session's check and the member's
// row-level security settings in one call.
std::string_view SessionCheckMigration();

// Version 15: kith_session_refused(), the error a session's check in plain
// statements raises when the session no longer holds.
std::string_view SessionRefusalMigration();

}  // namespace kith::postgres
