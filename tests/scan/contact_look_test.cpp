#include "scan/contact_look.h"

#include <gtest/gtest.h>

#include "scan/line_reading_test.h"

namespace kith::scan {
namespace {

class ContactLook : public LineReadingTest {
 protected:
  // LineReadingTest::Page, with the line as a page reading read it.
  static PixPtr Page(const std::string& text, OcrLine& line, std::string read, float confidence) {
    PixPtr page = LineReadingTest::Page(text, line);
    line.text = std::move(read);
    line.confidence = confidence;
    return page;
  }

  // Page() printed in grey on grey paper, as an unmasked page holds a card
  // in soft light: the paper at 200, the print at 100.
  static PixPtr OnGreyPaper(const std::string& text, OcrLine& line, std::string read, float confidence) {
    PixPtr page = Page(text, line, std::move(read), confidence);
    for (int y = 0; y < static_cast<int>(pixGetHeight(page.get())); ++y) {
      for (int x = 0; x < static_cast<int>(pixGetWidth(page.get())); ++x) {
        l_uint32 grey = 0;
        pixGetPixel(page.get(), x, y, &grey);
        pixSetPixel(page.get(), x, y, grey < 128 ? 100 : 200);
      }
    }
    return page;
  }

  // The prepared card whose unmasked page is `page`, not turned or straightened.
  static PreparedImage Prepared(PixPtr page) {
    PreparedImage prepared;
    prepared.unmasked = std::move(page);
    return prepared;
  }
};

TEST_F(ContactLook, ReadsAnUnsureEmailLineAgainAsAContactLine) {
  std::vector<OcrLine> lines(1);
  const PreparedImage prepared = Prepared(Page("jo@harbour.com", lines[0], "jo< harbcur.com", 40));
  ASSERT_TRUE(ReadContactLinesAgain(*engine_, prepared, lines));
  EXPECT_EQ(lines[0].contact_reading, "jo@harbour.com");
  EXPECT_EQ(lines[0].text, "jo< harbcur.com");  // the page's reading stays beside it
}

TEST_F(ContactLook, ReadsAnUnsureLineOfNoiseAgain) {
  // The contact block read as noise: nothing in the page's reading says
  // what the line holds.
  std::vector<OcrLine> lines(1);
  const PreparedImage prepared = Prepared(Page("jo@harbour.com", lines[0], "a L IEA", 20));
  ASSERT_TRUE(ReadContactLinesAgain(*engine_, prepared, lines));
  EXPECT_EQ(lines[0].contact_reading, "jo@harbour.com");
}

TEST_F(ContactLook, ReadsALineOnGreyPaperAgain) {
  // Cut out with a white border round grey paper, the paper is the darker
  // side of Tesseract's one threshold and the line reads as nothing.
  std::vector<OcrLine> lines(1);
  const PreparedImage prepared = Prepared(OnGreyPaper("jo@harbour.com", lines[0], "jo< harbcur.com", 40));
  ASSERT_TRUE(ReadContactLinesAgain(*engine_, prepared, lines));
  EXPECT_EQ(lines[0].contact_reading, "jo@harbour.com");
}

TEST_F(ContactLook, LeavesALineReadSurelyUnreadAgain) {
  std::vector<OcrLine> lines(1);
  const PreparedImage prepared = Prepared(Page("jo@harbour.com", lines[0], "jo@harbour.com", 96));
  ASSERT_TRUE(ReadContactLinesAgain(*engine_, prepared, lines));
  EXPECT_TRUE(lines[0].contact_reading.empty());
}

TEST_F(ContactLook, LeavesALineStandingOnItsEndUnreadAgain) {
  // Print read across a line set on its end is noise, and its cut is large.
  std::vector<OcrLine> lines(1);
  const PreparedImage prepared = Prepared(Page("jo@harbour.com", lines[0], "j", 20));
  lines[0].width = lines[0].height - 1;
  ASSERT_TRUE(ReadContactLinesAgain(*engine_, prepared, lines));
  EXPECT_TRUE(lines[0].contact_reading.empty());
}

}  // namespace
}  // namespace kith::scan
