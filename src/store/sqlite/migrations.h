// The schema as numbered steps. Step N takes a database from version N-1 to
// N; PRAGMA user_version records how far a file has come.
#pragma once

#include <string_view>
#include <vector>

namespace kith::sqlite {

struct Migration {
  std::string_view sql;
  // The step changes what the search index holds: after it, every live
  // contact is indexed again (in the same transaction).
  bool rebuilds_search_index = false;
};

// Index i holds the step that upgrades version i to version i+1.
const std::vector<Migration>& Migrations();

}  // namespace kith::sqlite
