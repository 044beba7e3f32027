// How many single-character edits turn one word into another.
#pragma once

#include <string_view>

namespace kith {

// Optimal string alignment distance (insertions, deletions, substitutions
// and swaps of neighbours, each 1) between two UTF-8 words, by character.
// Stops early and returns limit + 1 once the distance must exceed `limit`.
int EditDistance(std::string_view from, std::string_view to, int limit);

}  // namespace kith
