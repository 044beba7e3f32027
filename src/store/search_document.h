// What of a card the search index sees, column by column (kSearchColumns).
// A pure function of the card: the index entry is removed by recomputing it.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "domain/contact.h"

namespace kith {

using SearchDocument = std::array<std::string, 13>;

SearchDocument BuildSearchDocument(const Contact& contact);

// The rowid of a contact in the index: relationship recency in the high bits
// and the id in the low 32, so the index returns the most recent first.
std::int64_t SearchKey(const Contact& contact);
ContactId ContactIdFromSearchKey(std::int64_t key);

// Whether a term of the index goes into the vocabulary (completions and typo
// corrections): three characters or more and not all digits (phone numbers
// would swamp it).
bool KeptInVocabulary(const std::string& term);

}  // namespace kith
