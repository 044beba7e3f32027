// A search query as a person types it, taken apart: free words and
// field:term filters ("ada company:acme tag:mentor").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/store.h"

namespace kith {

struct QueryFilter {
  std::string column;              // one of kSearchColumns
  std::vector<std::string> terms;  // folded, all must match in that column
};

struct ParsedQuery {
  std::vector<std::string> terms;  // folded free words, all must match somewhere
  std::vector<QueryFilter> filters;
  [[nodiscard]] bool Empty() const { return terms.empty() && filters.empty(); }
};

// The index column a filter name stands for: "company" and "org" -> company,
// "city", "neighborhood", "hometown" -> place, … Empty for unknown names.
std::string_view FilterColumn(std::string_view field);

// Splits `query` on white space; "field:value" with a known field becomes a
// filter (quotes keep several words in one value: company:"kite labs"), and
// anything else is folded into free terms the way the index folds text.
ParsedQuery ParseQuery(std::string_view query, const Store& store);

}  // namespace kith
