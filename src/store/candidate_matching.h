// Testing a few known cards against a search expression instead of asking
// the whole search index. Only the PostgreSQL store has it: there a pass
// that asks a word in a dozen columns ORed reads their lists in the GIN
// index whole (a millisecond and more at 100,000 cards), while a few cards
// are a primary-key lookup each; FTS5 answers such a pass from its own
// doclists about as fast as it could test the cards (CandidateMatchingOf
// gives nullptr there).
#pragma once

#include <string>
#include <vector>

#include "domain/contact.h"
#include "domain/result.h"
#include "store/store.h"

namespace kith {

class CandidateMatching {
 public:
  virtual ~CandidateMatching() = default;
  // Those of `candidates` that match `expression` in `table`, the most
  // recent relationship first, at most `limit`: what MatchSearchIndex
  // answers whenever everyone it could find is among the candidates.
  [[nodiscard]] virtual Result<std::vector<ContactId>> MatchSearchIndexAmong(
      SearchTable table, const std::string& expression, const std::vector<ContactId>& candidates,
      int limit) = 0;
};

// The store's candidate matching; nullptr for a store that has none.
inline CandidateMatching* CandidateMatchingOf(Store& store) {
  return dynamic_cast<CandidateMatching*>(&store);
}

}  // namespace kith
