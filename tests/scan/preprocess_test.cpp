#include "scan/preprocess.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace kith::scan {
namespace {

// A card photo drawn in memory: `background` grey with Gaussian noise of
// `noise` grey levels, and "letters" (short strokes in `ink`) only in the
// left third. The rest of the card is blank.
PixPtr NoisyCard(int background, int ink, double noise) {
  constexpr int kWidth = 1600;
  constexpr int kHeight = 920;
  PixPtr card(pixCreate(kWidth, kHeight, 8));
  std::mt19937 random(7);
  std::normal_distribution<double> grain(0.0, noise);
  for (int y = 0; y < kHeight; ++y) {
    for (int x = 0; x < kWidth; ++x) {
      const double value = background + grain(random);
      pixSetPixel(card.get(), x, y, static_cast<l_uint32>(std::clamp(value, 0.0, 255.0)));
    }
  }
  // Three lines of letter-sized strokes, 6 px wide and 30 px tall.
  for (int line = 0; line < 3; ++line) {
    for (int x = 80; x < 480; x += 18) {
      BOX* stroke = boxCreate(x, 120 + line * 70, 6, 30);
      pixSetInRectArbitrary(card.get(), stroke, static_cast<l_uint32>(ink));
      boxDestroy(&stroke);
    }
  }
  return card;
}

// The black pixels of the prepared binary image right of x = 700, where the
// card is blank.
l_int32 MarksOnTheBlankSide(const PreparedImage& prepared) {
  const int width = pixGetWidth(prepared.binary.get());
  const int height = pixGetHeight(prepared.binary.get());
  BOX* blank = boxCreate(width * 7 / 16, 0, width - width * 7 / 16, height);
  PixPtr side(pixClipRectangle(prepared.binary.get(), blank, nullptr));
  boxDestroy(&blank);
  l_int32 count = 0;
  pixCountPixels(side.get(), &count, nullptr);
  return count;
}

l_int32 MarksOfTheLetters(const PreparedImage& prepared) {
  BOX* letters = boxCreate(60, 100, 440, 240);
  PixPtr part(pixClipRectangle(prepared.binary.get(), letters, nullptr));
  boxDestroy(&letters);
  l_int32 count = 0;
  pixCountPixels(part.get(), &count, nullptr);
  return count;
}

TEST(PrepareForOcr, LeavesABlankStretchOfANoisyCardBlank) {
  // A phone's noise on a light card: tiles of blank card are neither dark
  // nor light ink, and once were inverted at random into dark squares that
  // Tesseract took for pictures.
  PixPtr photo = NoisyCard(205, 40, 14.0);
  auto prepared = PrepareForOcr(photo.get());
  ASSERT_TRUE(prepared.has_value()) << prepared.error().message;
  EXPECT_LT(MarksOnTheBlankSide(*prepared), 200);
  EXPECT_GT(MarksOfTheLetters(*prepared), 5000);  // the letters stay, dark
}

TEST(PrepareForOcr, TurnsADarkCardsLettersDarkAndLeavesItsBlankStretchBlank) {
  // Counter-example: light letters on a dark card are inverted, and so is
  // the blank rest of the card, which follows its letters.
  PixPtr photo = NoisyCard(50, 225, 14.0);
  auto prepared = PrepareForOcr(photo.get());
  ASSERT_TRUE(prepared.has_value()) << prepared.error().message;
  EXPECT_LT(MarksOnTheBlankSide(*prepared), 200);
  EXPECT_GT(MarksOfTheLetters(*prepared), 5000);
  // The grey image OCR reads has dark letters on white.
  l_uint32 at_letter = 0;
  l_uint32 beside = 0;
  pixGetPixel(prepared->gray.get(), 83, 135, &at_letter);
  pixGetPixel(prepared->gray.get(), 90, 135, &beside);
  EXPECT_LT(at_letter, 120U);
  EXPECT_GT(beside, 150U);
}

}  // namespace
}  // namespace kith::scan
