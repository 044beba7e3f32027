// Two passes of a search asked in one question, the second only when the
// first leaves the page unfilled. Only the PostgreSQL store has it: there
// each pass is a round trip to the server, and a typeahead asks the names
// as typed and then as a prefix, one after the other, in most queries;
// SQLite answers each pass from the same process (PassesInTurnOf gives
// nullptr there, and search/ asks MatchSearchIndex once a pass).
#pragma once

#include <string>
#include <vector>

#include "domain/contact.h"
#include "domain/result.h"
#include "store/store.h"

namespace kith {

// What each of two passes found.
struct PassesFound {
  std::vector<ContactId> first;
  std::vector<ContactId> second;  // empty when the first found `limit`
};

class PassesInTurn {
 public:
  virtual ~PassesInTurn() = default;
  // What MatchSearchIndex(table, first, limit) answers, and, when that is
  // fewer than `limit` cards, what MatchSearchIndex(table, second, limit)
  // answers.
  [[nodiscard]] virtual Result<PassesFound> MatchSearchIndexInTurn(SearchTable table,
                                                                   const std::string& first,
                                                                   const std::string& second, int limit) = 0;
};

// The store's passes in turn; nullptr for a store that has none.
inline PassesInTurn* PassesInTurnOf(Store& store) { return dynamic_cast<PassesInTurn*>(&store); }

}  // namespace kith
