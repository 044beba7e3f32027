// What of a card the search index sees, column by column (kSearchColumns).
// A pure function of the card: the index entry is removed by recomputing it.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/contact.h"

namespace kith {

using SearchDocument = std::array<std::string, 13>;

SearchDocument BuildSearchDocument(const Contact& contact);

// The rowid of a contact in the index: its relationship day shifted left by
// `shift` bits, the id in those low bits, so the index returns the most
// recent first (ties by id). This is the one place that knows the layout.
// FTS5 stores each rowid of a doclist as a varint of its step from the one
// before, seven bits a byte, and every step from one day to the next is at
// least 2^shift: with 32 bits that is five bytes, with 20 (a million ids)
// three. The SQLite store keeps a shift that holds its highest id in the
// database and lays the index out again when an id outgrows it
// (sqlite/search_key_shift.cpp); PostgreSQL keeps the widest.
//
// The shifts are the widest of each varint length (a step of up to 2^(s+1)
// takes ceil((s+1)/7) bytes): 6, 13, 20, 27, then 32. A narrower shift in
// the same band would save no byte on a step to the next day, and going up
// a band at a time lays the index out again at most four times in a
// database's life (past 64, 8,192, 1,048,576 and 134,217,728 ids) instead
// of at every doubling: laying a million people out again takes minutes,
// and it happens inside the write that needs it.
inline constexpr int kNarrowestKeyShift = 6;
inline constexpr int kWidestKeyShift = 32;
// The narrowest of those shifts whose low bits hold `highest_id`.
int KeyShiftFor(std::int64_t highest_id);
std::int64_t SearchKey(const Contact& contact, int shift = kWidestKeyShift);
ContactId ContactIdFromSearchKey(std::int64_t key, int shift = kWidestKeyShift);
// The key `key` (laid out with `from` bits for the id) laid out with `to`
// bits instead: the same order, for the staged entries of a bulk write.
std::int64_t ReshiftedSearchKey(std::int64_t key, int from, int to);

// Whether a term of the index goes into the vocabulary (completions and typo
// corrections): three characters or more and not all digits (phone numbers
// would swamp it).
bool KeptInVocabulary(const std::string& term);

}  // namespace kith
