#include "scan/unmasked_look.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "scan/line_reading_test.h"

namespace kith::scan {
namespace {

class UnmaskedLook : public LineReadingTest {
 protected:
  // A card's page before its mask: each text printed on a line of its own
  // in Leptonica's bitmap font, with the boxes of the lines as a page
  // reading that read them all would give them.
  static PixPtr Card(const std::vector<std::string>& texts, std::vector<OcrLine>& read) {
    constexpr int kLineStep = 90;
    PixPtr page(pixCreate(1000, 120 + kLineStep * static_cast<int>(texts.size()), 8));
    pixSetAll(page.get());
    L_BMF* font = bmfCreate(nullptr, 20);
    for (std::size_t i = 0; i < texts.size(); ++i) {
      const int baseline = 100 + kLineStep * static_cast<int>(i);
      pixSetTextline(page.get(), font, texts[i].c_str(), 0, 60, baseline, nullptr, nullptr);
      OcrLine line;
      line.text = texts[i];
      line.confidence = 95;
      line.left = 60;
      line.top = baseline - 50;
      line.width = 40 * static_cast<int>(texts[i].size());
      line.height = 60;
      read.push_back(std::move(line));
    }
    bmfDestroy(&font);
    return page;
  }

  static PreparedImage Prepared(PixPtr page) {
    PreparedImage prepared;
    prepared.unmasked = std::move(page);
    return prepared;
  }

  // Whether a line's text or contact reading holds `text`.
  static bool Holds(const std::vector<OcrLine>& lines, const std::string& text) {
    return std::any_of(lines.begin(), lines.end(), [&text](const OcrLine& line) {
      return line.text.find(text) != std::string::npos ||
             line.contact_reading.find(text) != std::string::npos;
    });
  }
};

TEST_F(UnmaskedLook, ReadsTheContactLinesTheMaskedPageLost) {
  // The masked page read the name; its contact block, whitened with the
  // paper, was read as nothing.
  std::vector<OcrLine> all;
  const PreparedImage prepared =
      Prepared(Card({"Wenna Calloway", "wenna@fernstile.org", "+44 20 7946 0991"}, all));
  std::vector<OcrLine> lines = {all[0]};
  ASSERT_TRUE(ReadContactsTheMaskLost(*engine_, prepared, lines));
  EXPECT_TRUE(Holds(lines, "wenna@fernstile.org"));
  EXPECT_TRUE(Holds(lines, "7946 0991"));
  EXPECT_EQ(
      std::count_if(lines.begin(), lines.end(),
                    [](const OcrLine& line) { return line.text.find("Calloway") != std::string::npos; }),
      1);  // the name, read already, is not added again
}

TEST_F(UnmaskedLook, ReadsAContactLineWhereThePageSawAPicture) {
  // Tesseract's layout gives a block it took for a picture as a line of
  // spaces: it read nothing there, and what is under it is not read yet.
  std::vector<OcrLine> all;
  const PreparedImage prepared = Prepared(Card({"Wenna Calloway", "wenna@fernstile.org"}, all));
  OcrLine picture = all[1];
  picture.text = "  ";
  picture.left = 0;
  picture.width = 1000;
  std::vector<OcrLine> lines = {all[0], picture};
  ASSERT_TRUE(ReadContactsTheMaskLost(*engine_, prepared, lines));
  EXPECT_TRUE(Holds(lines, "wenna@fernstile.org"));
}

TEST_F(UnmaskedLook, AddsNoLineThatHoldsNoSignOfAContact) {
  // A word the mask left out of a band's edge or a shadow: read again from
  // the unmasked page it would be taken for a name or a company.
  std::vector<OcrLine> all;
  const PreparedImage prepared = Prepared(Card({"Wenna Calloway", "Lantern Keeper"}, all));
  std::vector<OcrLine> lines = {all[0]};
  ASSERT_TRUE(ReadContactsTheMaskLost(*engine_, prepared, lines));
  EXPECT_EQ(lines.size(), 1U);
}

TEST_F(UnmaskedLook, LeavesACardWhoseEmailAndPhoneWereReadAsItIs) {
  // The unmasked page is read only for a missing contact: here it holds a
  // second email the page's reading lacks, and it is not read.
  std::vector<OcrLine> all;
  const PreparedImage prepared =
      Prepared(Card({"wenna@fernstile.org", "+44 20 7946 0991", "office@fernstile.org"}, all));
  std::vector<OcrLine> lines = {all[0], all[1]};
  ASSERT_TRUE(ReadContactsTheMaskLost(*engine_, prepared, lines));
  EXPECT_EQ(lines.size(), 2U);
}

TEST_F(UnmaskedLook, ReadsAFairlySureLineAgainWhenItMayBeTheLostEmail) {
  // Read at 85 with its @ and dot lost to spaces: no email on the card.
  std::vector<OcrLine> lines;
  const PreparedImage prepared = Prepared(Card({"+44 20 7946 0991", "wenna@fernstile.org"}, lines));
  lines[1].text = "wenna fernstile org";
  lines[1].confidence = 85;
  ASSERT_TRUE(ReadContactsTheMaskLost(*engine_, prepared, lines));
  EXPECT_EQ(lines[1].contact_reading, "wenna@fernstile.org");
  EXPECT_EQ(lines.size(), 2U);
}

TEST_F(UnmaskedLook, LeavesAFairlySureLineInCapitalsAsItIs) {
  // A title read at 85 on a card that lacks an email: words in capitals
  // are no lost email.
  std::vector<OcrLine> lines;
  const PreparedImage prepared = Prepared(Card({"+44 20 7946 0991", "Lantern Keeper"}, lines));
  lines[1].confidence = 85;
  ASSERT_TRUE(ReadContactsTheMaskLost(*engine_, prepared, lines));
  EXPECT_TRUE(lines[1].contact_reading.empty());
}

TEST(HoldsEmailAndPhone, FindsBothByTheirShapeInTheTextOrTheContactReading) {
  OcrLine email;
  email.text = "wenna< fernstile.org";
  email.contact_reading = "wenna@fernstile.org";
  OcrLine phone;
  phone.text = "+44 20 7946 0991";
  EXPECT_TRUE(HoldsEmailAndPhone({email, phone}));
  EXPECT_FALSE(HoldsEmailAndPhone({email}));
  EXPECT_FALSE(HoldsEmailAndPhone({phone}));
  OcrLine short_number;
  short_number.text = "Room 12-04";  // six digits: no phone
  EXPECT_FALSE(HoldsEmailAndPhone({email, short_number}));
  OcrLine no_domain;
  no_domain.text = "@wenna_c";  // a handle, no dot after the @: no email
  EXPECT_FALSE(HoldsEmailAndPhone({no_domain, phone}));
}

TEST(MayHoldAContact, SeesTheSignsOfAContactReadPoorly) {
  EXPECT_TRUE(MayHoldAContact("wenna fernstile.org"));  // a dot between letters
  EXPECT_TRUE(MayHoldAContact("Tel 7946 0"));           // five digits
  EXPECT_TRUE(MayHoldAContact("wenna@fern"));
  EXPECT_TRUE(MayHoldAContact("www fernstile"));
  EXPECT_TRUE(MayHoldAContact("https fernstile"));
  EXPECT_FALSE(MayHoldAContact("Lantern Keeper"));
  EXPECT_FALSE(MayHoldAContact("Fernstile Ltd."));  // a dot after the words
  EXPECT_FALSE(MayHoldAContact("Suite 1204"));      // four digits
}

}  // namespace
}  // namespace kith::scan
