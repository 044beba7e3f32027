#include "search/edit_distance.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "domain/utf8.h"

namespace kith {

int EditDistance(std::string_view from, std::string_view to, int limit) {
  const std::u32string a = DecodeUtf8(from);
  const std::u32string b = DecodeUtf8(to);
  const int rows = static_cast<int>(a.size());
  const int columns = static_cast<int>(b.size());
  if (std::abs(rows - columns) > limit) return limit + 1;
  // Three rolling rows: the swap rule looks two rows back.
  std::vector<int> before_previous(static_cast<std::size_t>(columns) + 1);
  std::vector<int> previous(static_cast<std::size_t>(columns) + 1);
  std::vector<int> current(static_cast<std::size_t>(columns) + 1);
  for (int j = 0; j <= columns; ++j) previous[static_cast<std::size_t>(j)] = j;
  for (int i = 1; i <= rows; ++i) {
    current[0] = i;
    int row_minimum = current[0];
    for (int j = 1; j <= columns; ++j) {
      const auto ju = static_cast<std::size_t>(j);
      const auto iu = static_cast<std::size_t>(i);
      const int cost = a[iu - 1] == b[ju - 1] ? 0 : 1;
      int best = std::min({previous[ju] + 1, current[ju - 1] + 1, previous[ju - 1] + cost});
      if (i > 1 && j > 1 && a[iu - 1] == b[ju - 2] && a[iu - 2] == b[ju - 1]) {
        best = std::min(best, before_previous[ju - 2] + 1);
      }
      current[ju] = best;
      row_minimum = std::min(row_minimum, best);
    }
    if (row_minimum > limit) return limit + 1;
    std::swap(before_previous, previous);
    std::swap(previous, current);
  }
  return std::min(previous[static_cast<std::size_t>(columns)], limit + 1);
}

}  // namespace kith
