#include <gtest/gtest.h>

#include <string>

#include "scan/line_reading_test.h"

namespace kith::scan {
namespace {

// The orientation model's answer and whether it is sure of it: a card it is
// sure stands upright is not read upside down too (card_reader.cpp).
class Orientation : public LineReadingTest {};

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

// Sure or not, the way the model leans is what a card read sideways is
// turned first (card_reader.cpp).
TEST_F(Orientation, LeansTowardsTurningAPageOnItsSideBack) {
  PixPtr page = PrintedPage();
  for (const int quarter_turns : {1, 3}) {
    PixPtr turned(pixRotateOrth(page.get(), quarter_turns));
    const OcrEngine::Orientation found = engine_->QuarterTurnsToUpright(turned.get());
    EXPECT_EQ(found.likely, 4 - quarter_turns) << quarter_turns;
  }
}

TEST_F(Orientation, IsNotSureOfAPageWithoutPrint) {
  PixPtr page(pixCreate(1400, 700, 1));
  const OcrEngine::Orientation found = engine_->QuarterTurnsToUpright(page.get());
  EXPECT_FALSE(found.sure);
  EXPECT_EQ(found.quarter_turns, 0);
  EXPECT_EQ(found.likely, 0);
}

}  // namespace
}  // namespace kith::scan
