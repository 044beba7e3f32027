// The PostgreSQL step that keeps each card's name terms in a btree beside
// the search index, so a search's name tier is a range read of a few rows
// (docs/team.md, "Search on PostgreSQL"). Internal to store/postgres/.
#pragma once

#include <string_view>

namespace kith::postgres {

// name_terms, filled from search_entries by statement triggers (every
// write of the index, the bulk import's included) and, once, from the
// entries already there.
std::string_view NameTermsMigration();

}  // namespace kith::postgres
