// A photo of a card to the image Tesseract reads best: scaled so the small
// print is 20-35 pixels tall, every letter dark on light whatever its
// colours were (light-on-dark cards and bands too), everything that is not a
// letter whited out, and straightened.
#pragma once

#include "domain/result.h"
#include "scan/pix.h"

namespace kith::scan {

struct PreparedImage {
  PixPtr gray;    // 8 bpp, scaled, white but near the letters: what OCR reads
  PixPtr binary;  // 1 bpp, letter-sized marks only: where orientation and skew are found
  // `gray` before what is not near a letter-sized mark was whited out, as
  // prepared: not turned or straightened with the other two (UnmaskedPage).
  PixPtr unmasked;
  int quarter_turns = 0;  // turned clockwise since prepared, 0-3 (Turn in card_reader.cpp)
  float scale = 1.0F;
  float skew_degrees = 0.0F;
};

// kInvalidInput when the image has no contrast at all (a blank photo).
Result<PreparedImage> PrepareForOcr(Pix* photo);

// Straightens both images when the lines of `prepared.binary` run up to 12 degrees off the
// horizontal: found on all its marks, or, when that search is unsure, on
// the marks shaped like small print's letters alone. Call it once the card
// is upright (a card on its side has no horizontal lines to find).
void Deskew(PreparedImage& prepared);

// Whether the print on `binary` (PreparedImage::binary) may stand turned:
// its letters lean upside down, or more sideways than upright, by their
// ascenders and descenders. True also when that cannot be told; false for a
// page of upright Latin print.
bool MayStandTurned(Pix* binary);

// `prepared.unmasked` turned and straightened as `prepared.gray` has been
// since it was prepared, so that a line's box read on `gray` holds the same
// print on it; none when Leptonica cannot turn it.
PixPtr UnmaskedPage(const PreparedImage& prepared);

// 8 bpp grey of any Leptonica image.
PixPtr ToGray(Pix* photo);

}  // namespace kith::scan
