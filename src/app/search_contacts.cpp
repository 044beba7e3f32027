#include <algorithm>

#include "app/contacts.h"
#include "app/search_hits.h"

namespace kith {

Result<SearchHits> FindSearchHits(Context& context, const SearchRequest& request) {
  if (request.limit < 1) return Fail(ErrorCode::kInvalidInput, "--limit must be at least 1", "limit");
  if (request.offset < 0) return Fail(ErrorCode::kInvalidInput, "--offset cannot be negative", "offset");
  SearchHits found;
  KITH_ASSIGN_OR_RETURN(found.hits, Search(context.store, request));
  found.ids.reserve(found.hits.size());
  for (const auto& hit : found.hits) found.ids.push_back(hit.id);
  return found;
}

Result<std::vector<FoundContact>> SearchContacts(Context& context, const SearchRequest& request) {
  KITH_ASSIGN_OR_RETURN(const SearchHits search, FindSearchHits(context, request));
  const auto& hits = search.hits;
  KITH_ASSIGN_OR_RETURN(auto contacts, context.store.GetContacts(search.ids));
  std::vector<FoundContact> found;
  found.reserve(contacts.size());
  // GetContacts keeps the order of ids and skips none that the index holds.
  for (std::size_t i = 0; i < contacts.size() && i < hits.size(); ++i) {
    found.push_back(FoundContact{std::move(contacts[i]), hits[i]});
  }
  return found;
}

Result<std::int64_t> CountSearchResults(Context& context, const SearchRequest& request,
                                        std::int64_t found_on_page) {
  KITH_ASSIGN_OR_RETURN(const std::int64_t as_typed, CountSearchMatches(context.store, request.query));
  return std::max<std::int64_t>(as_typed, request.offset + found_on_page);
}

}  // namespace kith
