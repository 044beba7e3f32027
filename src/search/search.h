// Search over the running list: prefix as you type, accents and case
// ignored, typos forgiven, field:term filters, ranked by where the words
// matched (name, then other fields, then notes), then how well (exact word,
// then prefix, then typo-corrected), then how recent the relationship is.
#pragma once

#include <string>
#include <vector>

#include "domain/contact.h"
#include "domain/result.h"
#include "store/store.h"

namespace kith {

// Where the weakest word of a query matched: every word in the name beats
// words found in other fields, which beats words found only in notes.
enum class MatchTier { kName, kField, kNote };
// How the words matched: as typed, as the start of a word, or after a typo.
enum class MatchQuality { kExact, kPrefix, kCorrected };

struct SearchHit {
  ContactId id;
  MatchTier tier = MatchTier::kName;
  MatchQuality quality = MatchQuality::kExact;
};

struct SearchRequest {
  std::string query;
  int limit = 20;
  int offset = 0;
};

// The hits for `request`, best first. An empty query gives no hits; an
// error only when the store fails.
Result<std::vector<SearchHit>> Search(Store& store, const SearchRequest& request);

// Index terms within typo distance of `term` (1 for words up to 4
// characters, 2 for longer), closest and most used first, at most `limit`.
Result<std::vector<std::string>> Corrections(Store& store, const std::string& term, int limit);

}  // namespace kith
