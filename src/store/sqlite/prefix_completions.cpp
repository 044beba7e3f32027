#include "store/sqlite/prefix_completions.h"

#include <algorithm>

#include "domain/utf8.h"

namespace kith::sqlite {
namespace {

// The vocabulary keeps terms of three characters or more that are not all
// digits (KeptInVocabulary): only a prefix like that has all its
// completions there.
constexpr int kShortestCompletedPrefix = 3;

bool AllDigits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// FTS5 string literal: double quotes inside are doubled.
std::string Quote(std::string_view term) {
  std::string quoted = "\"";
  for (const char c : term) {
    quoted += c;
    if (c == '"') quoted += '"';
  }
  return quoted + "\"";
}

bool Indexed(PrefixLengths indexed, int length) {
  return length < 32 && (indexed & (PrefixLengths{1} << length)) != 0;
}

// What "prefix"* is asked as in a table with `indexed` prefix indexes.
Result<std::string> PrefixForm(const std::string& prefix, PrefixLengths indexed,
                               const CompletionLookup& completions, const IndexTermCheck& is_index_term) {
  const int length = CharacterCount(prefix);
  std::string as_typed = Quote(prefix) + "*";
  if (Indexed(indexed, length) || length < kShortestCompletedPrefix || AllDigits(prefix)) return as_typed;
  KITH_ASSIGN_OR_RETURN(const auto terms, completions(prefix, kMostPrefixCompletions + 1));
  // Completed to nothing, an index term is asked as itself: FTS5 would reach
  // the first term past an absent prefix by reading the doclist before it.
  if (terms.empty()) return is_index_term(prefix) ? Quote(prefix) : as_typed;
  if (static_cast<int>(terms.size()) > kMostPrefixCompletions) return as_typed;
  std::string group = "(";
  for (const auto& term : terms) {
    if (group.size() > 1) group += " OR ";
    group += Quote(term);
  }
  return group + ")";
}

}  // namespace

Result<std::string> ExpandUnindexedPrefixes(std::string_view expression, PrefixLengths indexed,
                                            const CompletionLookup& completions,
                                            const IndexTermCheck& is_index_term) {
  std::string expanded;
  expanded.reserve(expression.size());
  std::size_t at = 0;
  while (at < expression.size()) {
    if (expression[at] != '"') {
      expanded += expression[at++];
      continue;
    }
    // A string: up to the next quote that is not doubled.
    std::string text;
    std::size_t end = at + 1;
    bool closed = false;
    while (end < expression.size()) {
      if (expression[end] == '"') {
        if (end + 1 < expression.size() && expression[end + 1] == '"') {
          text += '"';
          end += 2;
          continue;
        }
        closed = true;
        break;
      }
      text += expression[end++];
    }
    if (!closed) {
      expanded.append(expression.substr(at));
      break;
    }
    const bool prefix = end + 1 < expression.size() && expression[end + 1] == '*';
    if (prefix) {
      KITH_ASSIGN_OR_RETURN(const std::string form, PrefixForm(text, indexed, completions, is_index_term));
      expanded += form;
      at = end + 2;
    } else {
      expanded.append(expression.substr(at, end + 1 - at));
      at = end + 1;
    }
  }
  return expanded;
}

}  // namespace kith::sqlite
