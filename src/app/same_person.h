// Whether two names can belong to one person. An email or a phone is shared
// more often than it seems (an office line, info@), so a match on one of
// them only counts when the names do not say otherwise. Internal to app/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/store.h"

namespace kith {

// True when either name is empty or every word of the shorter one is a word
// of the longer one or a short form of it, accents and case ignored ("Ada
// Okafor" / "A. Okafor", "Ada O." / "Ada Okafor"); false for "Sarah Taylor" /
// "Emily Taylor" and "Sarah Anderson" / "José".
bool NamesMayMatch(const Store& store, std::string_view first, std::string_view second);

// The same, for names already split into words by Store::SearchTerms.
bool WordsMayMatch(const std::vector<std::string>& first, const std::vector<std::string>& second);

}  // namespace kith
