// The hits of a search with their ids: the shared first step of
// SearchContacts (cards) and Typeahead (slim lines). Internal to app/.
#pragma once

#include <vector>

#include "app/context.h"
#include "search/search.h"

namespace kith {

struct SearchHits {
  std::vector<SearchHit> hits;  // best first
  std::vector<ContactId> ids;   // the hits' ids, in that order
};

// kInvalidInput for a limit below 1 or a negative offset; otherwise errors
// as Search.
Result<SearchHits> FindSearchHits(Context& context, const SearchRequest& request);

}  // namespace kith
