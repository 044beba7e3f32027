#include "app/same_person.h"

#include <algorithm>

namespace kith {

bool NamesMayMatch(const Store& store, std::string_view first, std::string_view second) {
  return WordsMayMatch(store.SearchTerms(first), store.SearchTerms(second));
}

bool WordsMayMatch(const std::vector<std::string>& first, const std::vector<std::string>& second) {
  if (first.empty() || second.empty()) return true;
  const auto& ours = first.size() <= second.size() ? first : second;
  const auto& theirs = first.size() <= second.size() ? second : first;
  // Every word of the shorter name must stand for a word of the longer one,
  // whole or shortened: "A. Okafor" and "Rob Lee" fit "Ada Okafor" and
  // "Robert Lee"; "Sarah Taylor" does not fit "Emily Taylor" — one household
  // line, two people.
  return std::all_of(ours.begin(), ours.end(), [&](const std::string& word) {
    return std::any_of(theirs.begin(), theirs.end(), [&](const std::string& other) {
      return other.starts_with(word) || word.starts_with(other);
    });
  });
}

}  // namespace kith
