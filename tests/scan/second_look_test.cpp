#include "scan/second_look.h"

#include <gtest/gtest.h>

#include "scan/line_reading_test.h"

namespace kith::scan {
namespace {

class SecondLook : public LineReadingTest {
 protected:
  // The page of Page() under light falling off from left to right, as a
  // lamp beside the card leaves it: the print and the paper darkened
  // together, from 100% of their grey at the left edge to `darkest` at the
  // right, so that the paper on the right is darker than the print on the
  // left and no single threshold separates all the print from all the paper.
  static PixPtr InFallingLight(const std::string& text, OcrLine& line, float darkest) {
    PixPtr page = Page(text, line);
    const int width = pixGetWidth(page.get());
    const int height = pixGetHeight(page.get());
    for (int y = 0; y < height; ++y) {
      for (int x = 0; x < width; ++x) {
        l_uint32 grey = 0;
        pixGetPixel(page.get(), x, y, &grey);
        if (grey < 128) grey = 110;  // grey print, as a light weight or a blurred photo leaves it
        const float light = 1.0F - (1.0F - darkest) * static_cast<float>(x) / static_cast<float>(width);
        pixSetPixel(page.get(), x, y, static_cast<l_uint32>(static_cast<float>(grey) * light));
      }
    }
    return page;
  }

  static OcrLine Read(std::string text, float confidence) {
    OcrLine line;
    line.text = std::move(text);
    line.confidence = confidence;
    return line;
  }
};

TEST_F(SecondLook, ReplacesALineReadUnsurelyWithTheSurerReadingOfItAlone) {
  std::vector<OcrLine> lines{Read("Hxrbovr Mastcr", 40)};
  PixPtr page = Page("Harbour Master", lines[0]);
  ASSERT_TRUE(ReadUnsureLinesAgain(*engine_, page.get(), lines));
  EXPECT_EQ(lines[0].text, "Harbour Master");
  EXPECT_GT(lines[0].confidence, 40);
}

TEST_F(SecondLook, LeavesALineReadSurelyAsItWasRead) {
  std::vector<OcrLine> lines{Read("Harbour Mister", 97)};
  PixPtr page = Page("Harbour Master", lines[0]);
  ASSERT_TRUE(ReadUnsureLinesAgain(*engine_, page.get(), lines));
  EXPECT_EQ(lines[0].text, "Harbour Mister");
}

TEST_F(SecondLook, LeavesAnEmailAsThePageReadIt) {
  // Read alone, an email's underscore and first letters are lost more often
  // than mended: emails, addresses and numbers keep the page's reading.
  std::vector<OcrLine> lines{Read("jo@harbcur.com", 40)};
  PixPtr page = Page("jo@harbour.com", lines[0]);
  ASSERT_TRUE(ReadUnsureLinesAgain(*engine_, page.get(), lines));
  EXPECT_EQ(lines[0].text, "jo@harbcur.com");
}

TEST_F(SecondLook, KeepsTheFirstReadingWhenTheSecondFindsNothing) {
  std::vector<OcrLine> lines{Read("Quiet Harbour", 40)};
  PixPtr page = Page("", lines[0]);
  ASSERT_TRUE(ReadUnsureLinesAgain(*engine_, page.get(), lines));
  EXPECT_EQ(lines[0].text, "Quiet Harbour");
  EXPECT_EQ(lines[0].confidence, 40);
}

TEST_F(SecondLook, ReadsALineUnderFallingLightFromItsLettersLocalContrast) {
  std::vector<OcrLine> lines{Read("Harbour Mas", 40)};
  PixPtr page = InFallingLight("Harbour Master Quay", lines[0], 0.3F);
  ASSERT_TRUE(ReadUnsureLinesAgain(*engine_, page.get(), lines));
  EXPECT_EQ(lines[0].text, "Harbour Master Quay");
}

TEST_F(SecondLook, LeavesAnEmailUnderFallingLightAsThePageReadIt) {
  // The binarised reading is for the same lines as the grey one: contact
  // lines keep the page's reading however the light falls.
  std::vector<OcrLine> lines{Read("jo@harbcur.com", 40)};
  PixPtr page = InFallingLight("jo@harbour.com", lines[0], 0.3F);
  ASSERT_TRUE(ReadUnsureLinesAgain(*engine_, page.get(), lines));
  EXPECT_EQ(lines[0].text, "jo@harbcur.com");
}

}  // namespace
}  // namespace kith::scan
