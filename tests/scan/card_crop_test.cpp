#include "scan/card_crop.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace kith::scan {
namespace {

// A photo of `width` x `height` of a table of grey `table` with a grain of
// +-`grain`, and on it a card of grey `paper`, turned `degrees`, with lines
// of print of grey `ink` (a name and a few contact lines).
PixPtr Photo(int width, int height, int table, int grain, BOX card, double degrees, int paper, int ink) {
  PixPtr photo(pixCreate(width, height, 8));
  const double turn = degrees * 3.14159265358979 / 180.0;
  const double centre_x = card.x + card.w / 2.0;
  const double centre_y = card.y + card.h / 2.0;
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      // Where the pixel falls on the card, measured from its top left corner.
      const double across = std::cos(turn) * (x - centre_x) + std::sin(turn) * (y - centre_y) + card.w / 2.0;
      const double down = -std::sin(turn) * (x - centre_x) + std::cos(turn) * (y - centre_y) + card.h / 2.0;
      // A fixed pseudo-random grain: the same photo every run.
      const int speck = static_cast<int>(static_cast<unsigned>(x * 7919 + y * 104729) % 17U) - 8;
      int grey = table + speck * grain / 8;
      if (across >= 0 && across < card.w && down >= 0 && down < card.h) {
        grey = paper;
        const int line_height = card.h / 6;
        const bool in_print = across > card.w / 10.0 && across < card.w * 0.6 && down > card.h / 8.0 &&
                              static_cast<int>(down - card.h / 8.0) % line_height < card.h / 20;
        if (in_print) grey = ink;
      }
      pixSetPixel(photo.get(), x, y, static_cast<l_uint32>(grey));
    }
  }
  return photo;
}

int GreyAt(Pix* pix, int x, int y) {
  l_uint32 value = 0;
  pixGetPixel(pix, x, y, &value);
  return static_cast<int>(value);
}

TEST(CropToCard, CutsALightCardOutOfADarkTable) {
  const BOX card{250, 250, 700, 400, 0};
  PixPtr photo = Photo(1200, 900, 90, 30, card, 6.0, 235, 30);
  PixPtr cut = CropToCard(photo.get());
  ASSERT_TRUE(cut);
  // The turned card's box and a thin edge round it; none of the table's width.
  EXPECT_GE(pixGetWidth(cut.get()), 700);
  EXPECT_LE(pixGetWidth(cut.get()), 800);
  EXPECT_GE(pixGetHeight(cut.get()), 440);
  EXPECT_LE(pixGetHeight(cut.get()), 540);
  // The table left in the box's corners beside the turned card is the
  // card's paper now.
  EXPECT_NEAR(GreyAt(cut.get(), 0, 0), 235, 3);
  EXPECT_NEAR(GreyAt(cut.get(), pixGetWidth(cut.get()) - 1, pixGetHeight(cut.get()) - 1), 235, 3);
}

TEST(CropToCard, CutsADarkCardOutOfALightTable) {
  const BOX card{100, 300, 600, 350, 0};
  PixPtr photo = Photo(1100, 800, 215, 20, card, -7.0, 40, 220);
  PixPtr cut = CropToCard(photo.get());
  ASSERT_TRUE(cut);
  EXPECT_LE(pixGetWidth(cut.get()), 720);
  EXPECT_LE(pixGetHeight(cut.get()), 520);
  EXPECT_NEAR(GreyAt(cut.get(), 0, 0), 40, 3);
}

TEST(CropToCard, LeavesACardFillingThePhotoWhole) {
  // Photographed close: the card is nearly all the frame, nothing to cut.
  const BOX card{10, 10, 1180, 780, 0};
  PixPtr photo = Photo(1200, 800, 90, 30, card, 0.0, 235, 30);
  EXPECT_FALSE(CropToCard(photo.get()));
}

TEST(CropToCard, DoesNotTakeALogoForTheCard) {
  // A dark square on a white page is a logo or a photo on it, not a card.
  PixPtr photo(pixCreate(1000, 700, 8));
  pixSetAllArbitrary(photo.get(), 240);
  BOX logo{100, 100, 200, 200, 0};
  pixSetInRectArbitrary(photo.get(), &logo, 30);
  EXPECT_FALSE(CropToCard(photo.get()));
}

TEST(CropToCard, DoesNotTakeARaggedShadowForTheCard) {
  // A large dark patch that fills little of its box (a diagonal shadow band
  // across a page) is not a card either.
  PixPtr photo(pixCreate(1000, 800, 8));
  pixSetAllArbitrary(photo.get(), 235);
  for (int y = 100; y < 700; ++y) {
    const int middle = 100 + (y - 100) * 700 / 600;
    for (int x = middle - 50; x < middle + 50; ++x) pixSetPixel(photo.get(), x, y, 40);
  }
  EXPECT_FALSE(CropToCard(photo.get()));
}

}  // namespace
}  // namespace kith::scan
