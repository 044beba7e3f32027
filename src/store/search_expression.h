// Reading back the search expressions search/ writes (FTS5 syntax: each
// word's forms grouped, the words joined by AND), for the stores that take
// one apart: SQLite's notes tier and PostgreSQL's names probes.
#pragma once

#include <string_view>
#include <vector>

namespace kith {

// The conditions of `expression`, split on AND outside strings, brackets
// and column filters, each without the spaces around it:
// `"john" AND ("chicago"* OR "chicagx")` → `"john"`, `("chicago"* OR "chicagx")`.
std::vector<std::string_view> TopLevelConditions(std::string_view expression);

}  // namespace kith
