#include <gtest/gtest.h>

#include <string>

#include "scan/line_reading_test.h"

namespace kith::scan {
namespace {

// The orientation model's answer and whether it is sure of it: a card it is
// sure stands upright is not read upside down too (card_reader.cpp).
class Orientation : public LineReadingTest {
 protected:
  // A page of a few lines of print, as a card's binarised letters are.
  static PixPtr PrintedPage() {
    PixPtr page(pixCreate(1400, 700, 8));
    pixSetAll(page.get());
    L_BMF* font = bmfCreate(nullptr, 20);
    int baseline = 100;
    for (const char* text : {"Wenna Calloway", "Lantern Keeper at Fernstile", "wenna@fernstile.org",
                             "+44 20 7946 0991", "12 Quayside Row, Penmarrow"}) {
      pixSetTextline(page.get(), font, text, 0, 60, baseline, nullptr, nullptr);
      baseline += 110;
    }
    bmfDestroy(&font);
    return PixPtr(pixConvertTo1(page.get(), 128));
  }
};

TEST_F(Orientation, IsSureOfAPageOfPrintStandingUpright) {
  PixPtr page = PrintedPage();
  const OcrEngine::Orientation found = engine_->QuarterTurnsToUpright(page.get());
  EXPECT_TRUE(found.sure);
  EXPECT_EQ(found.quarter_turns, 0);
}

TEST_F(Orientation, TurnsAPageUpsideDownBackSurely) {
  PixPtr page = PrintedPage();
  PixPtr turned(pixRotateOrth(page.get(), 2));
  const OcrEngine::Orientation found = engine_->QuarterTurnsToUpright(turned.get());
  EXPECT_TRUE(found.sure);
  EXPECT_EQ(found.quarter_turns, 2);
}

TEST_F(Orientation, IsNotSureOfAPageWithoutPrint) {
  PixPtr page(pixCreate(1400, 700, 1));
  const OcrEngine::Orientation found = engine_->QuarterTurnsToUpright(page.get());
  EXPECT_FALSE(found.sure);
  EXPECT_EQ(found.quarter_turns, 0);
}

}  // namespace
}  // namespace kith::scan
