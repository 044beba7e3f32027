// A photo of a card to the image Tesseract reads best: scaled so the small
// print is 20-35 pixels tall, binarised so that every letter is black on
// white whatever its colours were (light-on-dark cards and bands too), and
// straightened.
#pragma once

#include "domain/result.h"
#include "scan/pix.h"

namespace kith::scan {

struct PreparedImage {
  PixPtr gray;    // 8 bpp, scaled: for debugging
  PixPtr binary;  // 1 bpp, letter-sized marks only: what OCR reads
  float scale = 1.0F;
  float skew_degrees = 0.0F;
};

// kInvalidInput when the image has no contrast at all (a blank photo).
Result<PreparedImage> PrepareForOcr(Pix* photo);

// Straightens `prepared.binary` when its lines run up to 12 degrees off the
// horizontal. Call it once the card is upright (a card on its side has no
// horizontal lines to find).
void Deskew(PreparedImage& prepared);

// 8 bpp grey of any Leptonica image.
PixPtr ToGray(Pix* photo);

}  // namespace kith::scan
