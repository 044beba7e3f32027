// A line read on a card, cut out of the image it was read from, to be read
// again alone (second_look.cpp, contact_look.cpp).
#pragma once

#include "scan/ocr_line.h"
#include "scan/pix.h"

namespace kith::scan {

// What surrounds the cut line.
enum class CutBorder {
  kWhite,      // a page already masked to black on white
  kPaperGrey,  // the paper's own grey, for a page not yet masked
};

// `line`'s box in `page` with a margin (half a line-height across, a fifth
// above and below, so the next line's ascenders stay out), in 8-bit grey,
// enlarged `enlarge` times, inside a border half the enlarged line high.
// None when the box is too small to read or Leptonica fails.
[[nodiscard]] PixPtr CutOutLine(Pix* page, const OcrLine& line, float enlarge, CutBorder border);

}  // namespace kith::scan
