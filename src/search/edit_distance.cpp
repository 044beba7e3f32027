#include "search/edit_distance.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string>
#include <vector>

#include "domain/utf8.h"

namespace kith {

namespace {

// The distance over two sequences of comparable units (bytes or code points).
// Rows live on the stack when the words are short, as typo candidates are:
// the typo pass compares a word with thousands of vocabulary terms.
template <typename Sequence>
int Distance(const Sequence& a, const Sequence& b, int limit) {
  const int rows = static_cast<int>(a.size());
  const int columns = static_cast<int>(b.size());
  if (std::abs(rows - columns) > limit) return limit + 1;
  constexpr std::size_t kStackColumns = 64;
  std::array<int, kStackColumns> stack_rows[3];
  std::vector<int> heap_rows[3];
  int* before_previous = nullptr;
  int* previous = nullptr;
  int* current = nullptr;
  if (static_cast<std::size_t>(columns) < kStackColumns) {
    before_previous = stack_rows[0].data();
    previous = stack_rows[1].data();
    current = stack_rows[2].data();
  } else {
    for (auto& row : heap_rows) row.resize(static_cast<std::size_t>(columns) + 1);
    before_previous = heap_rows[0].data();
    previous = heap_rows[1].data();
    current = heap_rows[2].data();
  }
  for (int j = 0; j <= columns; ++j) previous[j] = j;
  for (int i = 1; i <= rows; ++i) {
    current[0] = i;
    int row_minimum = current[0];
    const auto iu = static_cast<std::size_t>(i);
    for (int j = 1; j <= columns; ++j) {
      const auto ju = static_cast<std::size_t>(j);
      const int cost = a[iu - 1] == b[ju - 1] ? 0 : 1;
      int best = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      // Three rolling rows: the swap rule looks two rows back.
      if (i > 1 && j > 1 && a[iu - 1] == b[ju - 2] && a[iu - 2] == b[ju - 1]) {
        best = std::min(best, before_previous[j - 2] + 1);
      }
      current[j] = best;
      row_minimum = std::min(row_minimum, best);
    }
    if (row_minimum > limit) return limit + 1;
    std::swap(before_previous, previous);
    std::swap(previous, current);
  }
  return std::min(previous[columns], limit + 1);
}

bool IsAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace

int EditDistance(std::string_view from, std::string_view to, int limit) {
  if (IsAscii(from) && IsAscii(to)) return Distance(from, to, limit);
  return Distance(DecodeUtf8(from), DecodeUtf8(to), limit);
}

}  // namespace kith
