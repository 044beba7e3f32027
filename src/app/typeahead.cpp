// Search as you type: slim hits with the snippet that shows why each matched.
#include <algorithm>
#include <array>
#include <utility>

#include "app/contacts.h"
#include "app/search_hits.h"
#include "search/query.h"

namespace kith {
namespace {

// A note's snippet: about this many bytes, from a little before the word.
constexpr std::size_t kNoteSnippetBytes = 80;
constexpr std::size_t kNoteLeadBytes = 24;

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; }

// Moves `position` back to the start of a UTF-8 character.
std::size_t CharacterStart(std::string_view text, std::size_t position) {
  while (position > 0 && position < text.size() && IsContinuationByte(text[position])) --position;
  return position;
}

// ASCII's upper case letters lowered, every other byte as it is (what
// std::tolower does in the C locale, without a call per byte).
char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Where `term` (folded, lower case) first appears in `text`, ignoring ASCII
// case; npos when it does not appear as typed (accents folded away).
std::size_t FindFolded(std::string_view text, std::string_view term) {
  const auto found = std::search(text.begin(), text.end(), term.begin(), term.end(),
                                 [](char left, char right) { return AsciiLower(left) == right; });
  return found == text.end() ? std::string_view::npos : static_cast<std::size_t>(found - text.begin());
}

bool IsAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool IsAsciiWordByte(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Whether a word of `text`, plain ASCII, starts with `term`, as the index
// splits it: unicode61 cuts ASCII at every byte that is not a letter or a
// digit and only lower-cases the words it keeps, so a word starts with the
// term where the term's letters (in any case) begin the text or follow such
// a byte. A term with anything but lower-case letters and digits starts no
// such word. Checked in place: splitting every field into words first cost
// a typeahead request a twelfth of its work (BENCHMARKS.md, api13).
bool StartsAnAsciiWord(std::string_view text, std::string_view term) {
  if (term.empty()) return std::any_of(text.begin(), text.end(), IsAsciiWordByte);
  const bool foldable = std::all_of(term.begin(), term.end(),
                                    [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'); });
  if (!foldable) return false;
  for (std::size_t from = 0; from + term.size() <= text.size();) {
    const std::size_t found = FindFolded(text.substr(from), term);
    if (found == std::string_view::npos) return false;
    const std::size_t at = from + found;
    if (at == 0 || !IsAsciiWordByte(text[at - 1])) return true;
    from = at + 1;
  }
  return false;
}

// Whether `text` holds a word (as the index folds it) that one of `terms`
// starts. Any text beyond ASCII is split into words by the index's own
// tokenizer.
bool HoldsAWordATermStarts(const Store& store, std::string_view text, const std::vector<std::string>& terms) {
  if (IsAscii(text)) {
    return std::any_of(terms.begin(), terms.end(),
                       [text](const std::string& term) { return StartsAnAsciiWord(text, term); });
  }
  const auto words = store.SearchTerms(text);
  return std::any_of(terms.begin(), terms.end(), [&words](const std::string& term) {
    return std::any_of(words.begin(), words.end(),
                       [&term](const std::string& word) { return word.starts_with(term); });
  });
}

// The part of a long note around the first word found, cut on character
// boundaries, with an ellipsis where it was cut.
std::string NoteExcerpt(std::string_view note, const std::vector<std::string>& terms) {
  if (note.size() <= kNoteSnippetBytes) return std::string(note);
  std::size_t at = std::string_view::npos;
  for (const auto& term : terms) at = std::min(at, FindFolded(note, term));
  const std::size_t start =
      at == std::string_view::npos ? 0 : CharacterStart(note, at - std::min(at, kNoteLeadBytes));
  const std::size_t end = CharacterStart(note, std::min(note.size(), start + kNoteSnippetBytes));
  std::string excerpt = start > 0 ? "…" : "";
  excerpt += note.substr(start, end - start);
  if (end < note.size()) excerpt += "…";
  return excerpt;
}

// The first field, in the order a line reads, with a word that one of the
// query's terms starts (as the index folds them).
std::pair<std::string, std::string> Snippet(const Store& store, const std::vector<std::string>& terms,
                                            const ContactGlance& glance) {
  const std::array<std::pair<std::string_view, const std::string*>, 7> fields = {
      {{"name", &glance.display_name},
       {"company", &glance.company},
       {"title", &glance.title},
       {"email", &glance.email},
       {"city", &glance.city},
       {"met", &glance.met_at},
       {"note", &glance.notes}}};
  for (const auto& [field, text] : fields) {
    if (text->empty() || !HoldsAWordATermStarts(store, *text, terms)) continue;
    return {std::string(field), field == "note" ? NoteExcerpt(*text, terms) : *text};
  }
  return {};
}

}  // namespace

Result<std::vector<TypeaheadHit>> Typeahead(Context& context, const SearchRequest& request) {
  KITH_ASSIGN_OR_RETURN(const SearchHits search, FindSearchHits(context, request));
  const auto& hits = search.hits;
  KITH_ASSIGN_OR_RETURN(auto glances, context.store.ContactGlances(search.ids));
  ParsedQuery query = ParseQuery(request.query, context.store);
  std::vector<std::string> terms = std::move(query.terms);
  for (const auto& filter : query.filters)
    terms.insert(terms.end(), filter.terms.begin(), filter.terms.end());
  std::vector<TypeaheadHit> found;
  found.reserve(glances.size());
  // ContactGlances keeps the order of ids and skips none that the index holds.
  for (std::size_t i = 0; i < glances.size() && i < hits.size(); ++i) {
    ContactGlance& glance = glances[i];
    auto [field, text] = Snippet(context.store, terms, glance);
    // The line's texts are moved, not copied: the glance is done with.
    found.push_back(TypeaheadHit{glance.id, std::move(glance.display_name), std::move(glance.company),
                                 std::move(glance.title), hits[i], std::move(field), std::move(text)});
  }
  return found;
}

}  // namespace kith
