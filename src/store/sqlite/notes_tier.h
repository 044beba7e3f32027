// The notes in the card table, kept apart by a mark. search_cards holds the
// card fields of every card and, in its note column, each word of the notes
// with U+E000 (a private-use character, which the tokenizer keeps in a word)
// in front: "coffee" in the notes is the term "\uE000coffee". A question for
// the card fields ("coffee", "co"*) never matches a note, and one for the
// notes asks for the marked term, so the card tier costs what it cost before
// the notes came in, the widest tier is one FTS5 question — each word in the
// fields or in the notes, FTS5 doing the AND and the OR inside one table —
// and nothing is indexed twice (migration 19).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"
#include "store/sqlite/prefix_completions.h"

namespace kith::sqlite {

// U+E000 in UTF-8.
inline constexpr std::string_view kNoteMark = "\xEE\x80\x80";

// What the note column holds for notes made of `terms` (folded, as the
// tokenizer gives them): each term marked, separated by spaces.
std::string MarkedNoteTerms(const std::vector<std::string>& terms);

// `text` with the mark taken out (a space in its place), so no word of a
// card field can pass for a word of the notes.
std::string WithoutNoteMark(std::string text);

// The widest tier's question for search_cards, from an FTS5 expression as
// search/ writes it — conditions joined by AND, each a term, a prefix or a
// parenthesised OR of them, with or without a column filter "{name
// company} : ". A condition without a filter becomes (fields OR marked
// notes); a `{note}` filter asks the marked terms; a filter of card columns
// stays as it is. Prefixes are asked as the table can answer them (`indexed`, the
// table's prefix lengths; a marked prefix is one character longer), with
// `completions` and `is_index_term` for the longer ones
// (prefix_completions.h). Errors: those of `completions`.
Result<std::string> NotesTierExpression(std::string_view expression, PrefixLengths indexed,
                                        const CompletionLookup& completions,
                                        const IndexTermCheck& is_index_term);

}  // namespace kith::sqlite
