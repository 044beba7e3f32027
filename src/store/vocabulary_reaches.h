// The vocabulary near several words in one question. Only the PostgreSQL
// store has it: there each look-up is a round trip to the server, and a
// query's typo corrections asked two (a word's first letter and its
// second) for every word; SQLite answers each from the same process
// (VocabularyReachesOf gives nullptr there, and search/ asks VocabularyNear
// once a reach).
#pragma once

#include <string>
#include <vector>

#include "domain/result.h"
#include "store/store.h"

namespace kith {

// The terms VocabularyNear(head, min_length, max_length) answers.
struct VocabularyReach {
  std::string head;
  int min_length = 0;
  int max_length = 0;
};

class VocabularyReaches {
 public:
  virtual ~VocabularyReaches() = default;
  // For each of `reaches`, in their order, what VocabularyNear answers for it.
  [[nodiscard]] virtual Result<std::vector<std::vector<VocabularyEntry>>> VocabularyNearEach(
      const std::vector<VocabularyReach>& reaches) = 0;
};

// The store's batched vocabulary look-ups; nullptr for a store that has none.
inline VocabularyReaches* VocabularyReachesOf(Store& store) {
  return dynamic_cast<VocabularyReaches*>(&store);
}

}  // namespace kith
