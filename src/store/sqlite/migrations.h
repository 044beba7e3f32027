// The schema as numbered steps. Step N takes a database from version N-1 to
// N; PRAGMA user_version records how far a file has come.
#pragma once

#include <string_view>
#include <vector>

#include "store/sqlite/prefix_completions.h"

namespace kith::sqlite {

// The prefix lengths each search table keeps an index for, as the latest
// step creates them (prefix='…'): the names every length up to six, the
// card fields and notes the shortest only (docs/search.md).
inline constexpr PrefixLengths kNamesPrefixLengths = PrefixLengthsUpTo(6);
inline constexpr PrefixLengths kCardsPrefixLengths = PrefixLengthsUpTo(4);

struct Migration {
  std::string_view sql;
  // The step changes what the search index holds: after it, every live
  // contact is indexed again (in the same transaction).
  bool rebuilds_search_index = false;
};

// Index i holds the step that upgrades version i to version i+1.
const std::vector<Migration>& Migrations();

}  // namespace kith::sqlite
