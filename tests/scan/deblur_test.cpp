#include "scan/deblur.h"

#include <gtest/gtest.h>

#include <cmath>

namespace kith::scan {
namespace {

void Stroke(Pix* page, int x, int y, int width, int height) {
  BOX* box = boxCreate(x, y, width, height);
  pixSetInRectArbitrary(page, box, 30);
  boxDestroy(&box);
}

// Dark strokes of a few widths on light paper, as print is: bars down and
// across, so that edges run both ways.
PixPtr Print() {
  PixPtr page(pixCreate(400, 300, 8));
  pixSetAllArbitrary(page.get(), 235);
  int x = 20;
  int y = 160;
  for (int stroke = 3; stroke <= 9; stroke += 2) {
    for (int bar = 0; bar < 3; ++bar) {
      Stroke(page.get(), x, 20, stroke, 110);
      Stroke(page.get(), 20, y, 360, stroke);
      x += 2 * stroke + 4;
      y += stroke + 4;
    }
  }
  return page;
}

// Leptonica's own Gaussian, not the one Deblur uses: the blur a lens makes.
PixPtr Blurred(Pix* sharp, float sigma) {
  L_KERNEL* across = nullptr;
  L_KERNEL* down = nullptr;
  const int half = static_cast<int>(3 * sigma) + 1;
  makeGaussianKernelSep(half, half, sigma, 1.0F, &across, &down);
  PixPtr blurred(pixConvolveSep(sharp, across, down, 8, 1));
  kernelDestroy(&across);
  kernelDestroy(&down);
  return blurred;
}

// Sum of absolute differences between two images of one size.
double Distance(Pix* a, Pix* b) {
  double sum = 0;
  for (int y = 0; y < pixGetHeight(a); ++y) {
    for (int x = 0; x < pixGetWidth(a); ++x) {
      l_uint32 first = 0;
      l_uint32 second = 0;
      pixGetPixel(a, x, y, &first);
      pixGetPixel(b, x, y, &second);
      sum += std::abs(static_cast<double>(first) - static_cast<double>(second));
    }
  }
  return sum;
}

TEST(MeasureBlur, FindsSharpPrintSharp) {
  const PixPtr sharp = Print();
  // Below 0.8 px the scanner leaves a card as it is (preprocess.cpp).
  EXPECT_LT(MeasureBlur(sharp.get()), 0.8F);
}

TEST(MeasureBlur, GrowsWithTheBlurOfThePrint) {
  const PixPtr sharp = Print();
  const PixPtr soft = Blurred(sharp.get(), 1.0F);
  const PixPtr softer = Blurred(sharp.get(), 2.0F);
  const float measured_soft = MeasureBlur(soft.get());
  const float measured_softer = MeasureBlur(softer.get());
  EXPECT_GT(measured_soft, 0.5F);
  EXPECT_GT(measured_softer, measured_soft + 0.5F);
  // Thin strokes read a little sharper than their edges are: never more
  // blurred than the truth, so the deconvolution never overshoots.
  EXPECT_LT(measured_softer, 2.2F);
  EXPECT_GT(measured_softer, 1.2F);
}

TEST(MeasureBlur, DoesNotTakeTheContrastOfThePrintForSharpness) {
  // Counter-example: the same blur in grey ink on grey paper measures the same.
  const PixPtr sharp = Print();
  PixPtr faint(pixCopy(nullptr, sharp.get()));
  pixMultConstantGray(faint.get(), 0.4F);
  pixAddConstantGray(faint.get(), 120);
  const PixPtr soft = Blurred(sharp.get(), 2.0F);
  const PixPtr faint_soft = Blurred(faint.get(), 2.0F);
  EXPECT_NEAR(MeasureBlur(faint_soft.get()), MeasureBlur(soft.get()), 0.2F);
}

TEST(MeasureBlur, SaysNothingOfABlankPage) {
  PixPtr blank(pixCreate(200, 100, 8));
  pixSetAllArbitrary(blank.get(), 200);
  EXPECT_EQ(MeasureBlur(blank.get()), 0.0F);
  EXPECT_EQ(MeasureBlur(nullptr), 0.0F);
}

TEST(Deblur, BringsBlurredPrintCloserToTheSharp) {
  const PixPtr sharp = Print();
  const PixPtr soft = Blurred(sharp.get(), 2.0F);
  const PixPtr restored = Deblur(soft.get(), 1.6F, 8);
  ASSERT_TRUE(restored);
  EXPECT_EQ(pixGetWidth(restored.get()), pixGetWidth(sharp.get()));
  EXPECT_EQ(pixGetDepth(restored.get()), 8);
  EXPECT_LT(Distance(restored.get(), sharp.get()), 0.8 * Distance(soft.get(), sharp.get()));
}

TEST(Deblur, LeavesAnEvenPageEven) {
  // Counter-example: no edges, nothing to sharpen, no ringing made up.
  PixPtr even(pixCreate(120, 80, 8));
  pixSetAllArbitrary(even.get(), 180);
  const PixPtr restored = Deblur(even.get(), 1.5F, 8);
  ASSERT_TRUE(restored);
  EXPECT_LT(Distance(restored.get(), even.get()), 120.0 * 80.0);
}

TEST(Deblur, RefusesWhatItCannotDeblur) {
  PixPtr binary(pixCreate(40, 40, 1));
  PixPtr gray(pixCreate(40, 40, 8));
  EXPECT_FALSE(Deblur(binary.get(), 1.5F, 4));
  EXPECT_FALSE(Deblur(gray.get(), 0.0F, 4));
}

}  // namespace
}  // namespace kith::scan
