// The PostgreSQL step that makes a card cheaper to write: fewer index
// entries and per-row checks for each card an import adds, with the
// same guarantees (docs/team.md). Internal to store/postgres/.
#pragma once

#include <string_view>

namespace kith::postgres {

// Version 13: two unusable indexes of contacts dropped, and the workspace
// of the cards, their journal and their vocabulary checked once per
// statement instead of once per row.
std::string_view CardChecksMigration();

}  // namespace kith::postgres
