// Blurred photos: how soft the print of a card is, measured from its own
// edges, and the blur undone before anything is thresholded. A phone held
// too close or moving leaves letters whose strokes run into each other;
// Tesseract's models (Debian ships only the fast ones) then read letters
// wrong or not at all.
#pragma once

#include "scan/pix.h"

namespace kith::scan {

// The standard deviation, in pixels, of the Gaussian blur that best explains
// the edges of an 8 bpp image: 0 for a sharp one, about 2 where small print
// is hard to read. Measured from how much the strongest edges weaken when the
// image is blurred further by two known amounts (a sharp edge weakens a lot,
// a soft one hardly), so noise and the print's contrast do not enter it.
// 0 when the image has too few edges to say.
float MeasureBlur(Pix* gray);

// The image with a Gaussian blur of `sigma` pixels undone by `iterations`
// steps of Richardson-Lucy deconvolution (each step sharpens more, and
// brings out more noise). Null when `gray` is not 8 bpp or Leptonica fails.
PixPtr Deblur(Pix* gray, float sigma, int iterations);

}  // namespace kith::scan
