// The widest search tier — every field and the notes — asked of two tables
// that share nothing: search_cards holds the card fields of every card,
// search_notes only the notes of the cards that have them (migration 19). A
// card matches the tier when each condition of the expression matches it in
// one table or the other ("acme coffee": Acme the company, coffee in the
// notes), so the two tables' keys are joined here, most recent first,
// instead of by FTS5 inside one table that would repeat the card fields.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"
#include "store/sqlite/database.h"

namespace kith::sqlite {

inline constexpr std::string_view kCardsTable = "search_cards";
inline constexpr std::string_view kNotesTable = "search_notes";

// One condition of a search expression (which is the AND of them), as each
// table is asked it; none where that table cannot satisfy it.
struct TierCondition {
  std::optional<std::string> cards;
  std::optional<std::string> notes;
};

// Splits an FTS5 expression as search/ writes it — conditions joined by
// AND, each a term, a prefix or a parenthesised OR of them, with or without
// a column filter "{name company} : " — into conditions: a `{note}` filter
// is asked of the notes alone (without the filter: search_notes has that
// one column), a filter of card columns of the cards alone, a condition
// without one of both.
std::vector<TierCondition> SplitNotesTierConditions(std::string_view expression);

// The `limit` greatest keys of cards that satisfy every condition, greatest
// first. Each table is read in key order and sought forward, so the work
// grows with the page and with how often the conditions disagree, not with
// how many cards match one of them.
Result<std::vector<std::int64_t>> MatchEveryCondition(Database& database,
                                                      const std::vector<TierCondition>& conditions,
                                                      int limit);

// How many cards satisfy every condition (each table's matches read whole).
Result<std::int64_t> CountEveryCondition(Database& database, const std::vector<TierCondition>& conditions);

}  // namespace kith::sqlite
