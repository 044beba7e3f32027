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

// How many people `query` finds as typed (prefixes and accents forgiven, in
// any field or note), however many that is: the "of 3,412" beside a page
// of hits. Typo corrections are not counted (Search adds them only when the
// query as typed finds too few). 0 for an empty query.
Result<std::int64_t> CountSearchMatches(Store& store, const std::string& query);

struct Correction {
  std::string term;
  int distance = 0;   // edits from the word typed
  int documents = 0;  // how many people use the term
};

// Index terms within typo distance of `term` (1 for words up to 5
// characters, 2 for longer; none under 3 or for numbers), closest and most
// used first, at most `limit`. Typos are looked for under the word's first letter and, for a
// swap of the first two letters, its second.
Result<std::vector<Correction>> Corrections(Store& store, const std::string& term, int limit);

}  // namespace kith
