#include "scan/sideways.h"

#include <gtest/gtest.h>

namespace kith::scan {
namespace {

OcrLine Box(std::string text, int width, int height) {
  OcrLine line;
  line.text = std::move(text);
  line.width = width;
  line.height = height;
  line.confidence = 60;
  return line;
}

TEST(ReadSideways, FindsAPageWhoseLinesWereReadDownwards) {
  EXPECT_TRUE(ReadSideways({Box("Ottoline Brask", 70, 600), Box("Wrangler of Kites", 34, 400),
                            Box("ottoline@skyhookquarterly.com", 28, 500), Box("|", 30, 20)}));
}

TEST(ReadSideways, TakesAnUprightPageWithTallMarksForUpright) {
  // A vertical rule read as bars, a logo's letters stacked: tall, but short.
  EXPECT_FALSE(ReadSideways({Box("Ottoline Brask", 600, 70), Box("Wrangler of Kites", 400, 34),
                             Box("ottoline@skyhookquarterly.com", 500, 28), Box("|", 6, 300),
                             Box("A", 30, 200), Box("BOX", 40, 300)}));
}

TEST(ReadSideways, TakesAPageWithOneLineSetDownItsEdgeForUpright) {
  // Most of the text across, one line (a slogan) along the card's edge.
  EXPECT_FALSE(
      ReadSideways({Box("Ottoline Brask", 600, 70), Box("Wrangler of Kites", 400, 34),
                    Box("ottoline@skyhookquarterly.com", 500, 28), Box("Kites since 1890", 30, 400)}));
}

TEST(ReadSideways, SaysNothingReadIsNotSideways) { EXPECT_FALSE(ReadSideways({})); }

}  // namespace
}  // namespace kith::scan
