// Prefix terms a search table has no prefix index for, asked as their
// completions instead. FTS5 answers "abc"* from the prefix index of that
// length with one doclist read; without one, it merges the doclist of every
// term that starts with "abc" before it returns the first row. The card and
// notes tables keep prefix indexes for the shortest prefixes only (the longer
// ones cost most of their bytes: docs/search.md); a longer prefix is asked as
// the OR of the terms the vocabulary completes it to, which FTS5 walks
// lazily in rowid order, as search/ already asks prefixes past six letters.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"

namespace kith::sqlite {

// The prefix lengths, in characters, an FTS5 table keeps an index for: bit n
// set for length n (prefix='1 2 3' is bits 1, 2 and 3).
using PrefixLengths = std::uint32_t;

constexpr PrefixLengths PrefixLengthsUpTo(int longest) {
  PrefixLengths lengths = 0;
  for (int length = 1; length <= longest; ++length) lengths |= PrefixLengths{1} << length;
  return lengths;
}

// At most `limit` vocabulary terms that start with `prefix`, in order.
using CompletionLookup = std::function<Result<std::vector<std::string>>(std::string_view prefix, int limit)>;

// Whether `text` is one term exactly as the index keeps it: folded, one
// token. Only then does a vocabulary that completes it to nothing say that
// no term of the index starts with it.
using IndexTermCheck = std::function<bool(std::string_view text)>;

// The widest OR a prefix becomes: FTS5 steps every branch of an OR for each
// row it returns, and looks each term up once per segment.
inline constexpr int kMostPrefixCompletions = 64;

// `expression` (FTS5 query syntax, as search/ writes it: terms are quoted
// strings) with every prefix term "p"* whose length `indexed` has no index
// for replaced by ("c1" OR "c2" …), the completions of p in the vocabulary,
// when the vocabulary holds every term p can complete to (p has three
// characters or more and is not all digits) and there are between one and
// kMostPrefixCompletions of them. A prefix the vocabulary completes to
// nothing, when it is one term as the index keeps it (`is_index_term`), is
// asked as that term alone: it finds nobody either way, but FTS5 looks an
// absent term up with one seek a segment, while for an absent prefix it
// looks for the first term after it, and when the term before ends its
// leaf, it reads that term's whole doclist, page by page, to get there (a
// typo one letter past a word in a third of the cards read ~380 pages).
// The result matches the same rows when the terms of `expression` are
// joined by explicit ANDs and ORs: FTS5 takes no implicit AND beside a
// bracketed OR ("(a OR b) c" is a syntax error). Any other prefix term
// stays as it is, for FTS5 to merge. Errors: those of `completions`; an
// unterminated string is left for FTS5 to reject.
Result<std::string> ExpandUnindexedPrefixes(std::string_view expression, PrefixLengths indexed,
                                            const CompletionLookup& completions,
                                            const IndexTermCheck& is_index_term);

}  // namespace kith::sqlite
