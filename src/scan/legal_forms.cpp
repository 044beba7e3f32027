#include "scan/legal_forms.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "domain/utf8.h"
#include "domain/validation.h"
#include "scan/text_patterns.h"

namespace kith::scan {
namespace {

// Common legal forms of companies in English-, German-, French-, Spanish-,
// Italian-, Dutch- and Nordic-speaking countries, lower case; sorted, so that
// lookups are binary searches.
constexpr std::array<std::string_view, 34> kLegalForms = {
    "ab",   "ag",   "as",     "b.v.", "bv",   "co",  "co.", "corp", "corp.", "corporation", "e.k.", "gbr",
    "gmbh", "inc",  "inc.",   "kg",   "llc",  "llp", "ltd", "ltd.", "nv",    "oy",          "plc",  "pty",
    "s.a.", "s.l.", "s.r.l.", "sa",   "sarl", "sas", "sl",  "spa",  "srl",   "ug"};
static_assert(std::is_sorted(kLegalForms.begin(), kLegalForms.end()));

// "k.k.", "s.p.a.": two letters or more, each closed by a dot. A person's
// name ends in a family name, not in initials; a company's legal form is
// abbreviated so in many countries beyond those the list above names.
bool DottedInitials(std::string_view word) {
  constexpr std::size_t kShortest = 4;
  if (word.size() < kShortest || word.size() % 2 != 0) return false;
  for (std::size_t i = 0; i < word.size(); i += 2) {
    if (word[i] < 'a' || word[i] > 'z' || word[i + 1] != '.') return false;
  }
  return true;
}

}  // namespace

bool EndsInLegalForm(const std::vector<std::string>& words) {
  if (words.size() < 2) return false;
  std::string last = AsciiLower(FoldToAscii(words.back()));
  while (!last.empty() && (last.back() == ',' || last.back() == ')')) last.pop_back();
  return std::binary_search(kLegalForms.begin(), kLegalForms.end(), std::string_view(last)) ||
         DottedInitials(last);
}

// A legal form is an abbreviation: short words closed by a dot ("Ltda.",
// "o.o.") or set in capitals ("LLP"), whichever country's it is; a word of
// a company's own name is longer, and the lower-case word between two
// abbreviations ("sp. z o.o.") is a single letter.
bool LegalFormShaped(const std::string& line) {
  const std::string text{Trim(line)};
  std::vector<std::string> words;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) words.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  constexpr std::size_t kMostWords = 3;
  if (words.empty() || words.size() > kMostWords) return false;
  constexpr std::size_t kLongestWord = 4;
  for (const auto& word : words) {
    const std::u32string decoded = DecodeUtf8(word);
    std::size_t letters = 0;
    for (const char32_t c : decoded) {
      if (IsLetter(c)) {
        ++letters;
      } else if (c != U'.' && c != U'/') {
        return false;
      }
    }
    if (letters == 0 || letters > kLongestWord) return false;
  }
  const std::u32string last = DecodeUtf8(words.back());
  const bool dotted = last.back() == U'.';
  const bool capitals = last.size() >= 2 && std::all_of(last.begin(), last.end(), [](char32_t c) {
                          return IsUpperLetter(c) || c == U'.' || c == U'/';
                        });
  std::string lower = AsciiLower(FoldToAscii(words.back()));
  return dotted || capitals ||
         std::binary_search(kLegalForms.begin(), kLegalForms.end(), std::string_view(lower));
}

}  // namespace kith::scan
