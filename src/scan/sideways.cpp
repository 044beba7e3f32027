#include "scan/sideways.h"

#include <cstddef>

namespace kith::scan {

bool ReadSideways(const std::vector<OcrLine>& lines) {
  std::size_t along = 0;
  std::size_t all = 0;
  for (const auto& line : lines) {
    all += line.text.size();
    // A few characters at least: a bar or a speck is tall without being a
    // line read downwards.
    constexpr std::size_t kFewestCharacters = 4;
    if (line.height > 2 * line.width && line.text.size() >= kFewestCharacters) along += line.text.size();
  }
  return all > 0 && 2 * along > all;
}

}  // namespace kith::scan
