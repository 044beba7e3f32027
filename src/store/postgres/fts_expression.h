// Translates the FTS5 match expressions search/ builds (store.h:
// MatchSearchIndex) into a PostgreSQL tsquery over search_entries.terms,
// whose lexemes are "column:term". Understood: "quoted" terms, a trailing *
// for a prefix, AND, OR, juxtaposition (AND), parentheses, and column
// filters {name company …} : … that narrow everything after them.
// Internal to store/postgres/.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"
#include "store/store.h"

namespace kith::postgres {

// The index columns a table holds: names only, the card, or all thirteen.
std::vector<std::string_view> ColumnsOf(SearchTable table);

// The lexeme of `term` in `column`: "company:acme".
std::string Lexeme(std::string_view column, std::string_view term);

// The tsquery text of `expression` asked of `table`. `terms_of` splits a
// quoted phrase into index terms (the store's SearchTerms). kInternal for
// an expression outside the grammar above, which search/ never builds.
Result<std::string> ToTsQuery(std::string_view expression, SearchTable table,
                              const std::function<std::vector<std::string>(std::string_view)>& terms_of);

// One form of a word a names-tier pass asks for: a folded term, whole or
// as the start of longer ones.
struct NameKey {
  std::string term;
  bool whole = true;
};

// The forms of the one word `expression` asks for, when it is one word in
// one or more forms, each a single term: "john", "jo"*, or
// ("jonh"* OR "john" OR "jon"), what search/ asks the names for one word.
// nullopt for anything else (several words, a phrase of several terms,
// a column filter, AND): those are asked of the GIN index.
std::optional<std::vector<NameKey>> OneWordForms(
    std::string_view expression, const std::function<std::vector<std::string>(std::string_view)>& terms_of);

}  // namespace kith::postgres
