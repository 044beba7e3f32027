#include "scan/legal_forms.h"

#include <algorithm>
#include <array>
#include <string_view>

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

}  // namespace

bool EndsInLegalForm(const std::vector<std::string>& words) {
  if (words.size() < 2) return false;
  std::string last = AsciiLower(FoldToAscii(words.back()));
  while (!last.empty() && (last.back() == ',' || last.back() == ')')) last.pop_back();
  return std::binary_search(kLegalForms.begin(), kLegalForms.end(), std::string_view(last));
}

}  // namespace kith::scan
