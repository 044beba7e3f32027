#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <utility>

#include "scan/line_reading_test.h"
#include "scan/pix.h"
#include "scan/preprocess.h"

namespace kith::scan {
namespace {

constexpr float kRadiansPerDegree = 3.14159265F / 180.0F;

// A card's prepared images: lines of small print in Leptonica's bitmap font
// turned `degrees` (clockwise), and, with `blocks`, solid bars set straight
// about the page, as a card's edge, a band's corners or the polarity's
// tiles leave them where a dark card meets the table.
PreparedImage Card(float degrees, bool blocks) {
  PixPtr page(pixCreate(1600, 1000, 8));
  pixSetAll(page.get());
  L_BMF* font = bmfCreate(nullptr, 10);
  int baseline = 400;
  for (const char* text : {"Orla Menzies-Tarrant", "orla.menzies@quillbarrow.net", "+44 161 496 0757"}) {
    pixSetTextline(page.get(), font, text, 0, 560, baseline, nullptr, nullptr);
    baseline += 60;
  }
  bmfDestroy(&font);
  PixPtr turned(
      pixRotate(page.get(), kRadiansPerDegree * degrees, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
  PreparedImage prepared;
  prepared.binary.reset(pixConvertTo1(turned.get(), 128));
  if (blocks) {
    for (const auto& [left, top] : {std::pair{0, 66},
                                    {330, 0},
                                    {660, 66},
                                    {1188, 0},
                                    {1452, 198},
                                    {0, 462},
                                    {1452, 528},
                                    {66, 858},
                                    {528, 924},
                                    {924, 858},
                                    {1320, 924},
                                    {1188, 726}}) {
      pixRasterop(prepared.binary.get(), left, top, 132, 20, PIX_SET, nullptr, 0, 0);
    }
  }
  prepared.gray = std::move(turned);
  return prepared;
}

TEST(Deskew, StraightensAPageOfPrintTurnedAFewDegrees) {
  PreparedImage card = Card(-7.0F, false);
  Deskew(card);
  EXPECT_NEAR(card.skew_degrees, 7.0F, 0.5F);
}

// A card held crooked at an event: turned past twelve degrees, the most the
// search once looked for, Tesseract's line finder reads nothing at all.
TEST(Deskew, StraightensAPageOfPrintTurnedSixteenDegrees) {
  PreparedImage card = Card(-16.0F, false);
  Deskew(card);
  EXPECT_NEAR(card.skew_degrees, 16.0F, 0.5F);
}

// The solid marks outweigh the print in the search over all marks, which
// leaves the page as it is; the letters alone run along the lines.
TEST(Deskew, FindsTheLinesOfPrintAmongSolidBlocksSetStraight) {
  PreparedImage card = Card(-7.0F, true);
  Deskew(card);
  EXPECT_NEAR(card.skew_degrees, 7.0F, 0.5F);
  EXPECT_EQ(pixGetWidth(card.gray.get()), 1600);
}

// A name in large print alone has too few letters of small print's size:
// its skew is found on every mark.
TEST(Deskew, StraightensAPageOfLargePrintTurnedAFewDegrees) {
  PixPtr page(pixCreate(600, 400, 8));
  pixSetAll(page.get());
  L_BMF* font = bmfCreate(nullptr, 20);
  pixSetTextline(page.get(), font, "Orla Menzies", 0, 60, 150, nullptr, nullptr);
  pixSetTextline(page.get(), font, "Quillbarrow", 0, 60, 260, nullptr, nullptr);
  bmfDestroy(&font);
  PixPtr large(pixScale(page.get(), 2.7F, 2.7F));
  PreparedImage card;
  card.gray.reset(
      pixRotate(large.get(), kRadiansPerDegree * -6.0F, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
  card.binary.reset(pixConvertTo1(card.gray.get(), 128));
  Deskew(card);
  EXPECT_NEAR(card.skew_degrees, 6.0F, 0.5F);
}

TEST(Deskew, LeavesAStraightPageWithSolidBlocksStraight) {
  PreparedImage card = Card(0.0F, true);
  Deskew(card);
  EXPECT_EQ(card.skew_degrees, 0.0F);
}

// A card that may stand turned has the orientation model asked before it
// is read (card_reader.cpp); one that stands upright is read at once.
TEST(MayStandTurned, NotAPageOfPrintUpright) {
  PixPtr page = PrintedPage();
  EXPECT_FALSE(MayStandTurned(page.get()));
}

TEST(MayStandTurned, APageOfPrintUpsideDownOrAQuarterTurnedEitherWay) {
  PixPtr page = PrintedPage();
  for (const int quarter_turns : {1, 2, 3}) {
    PixPtr turned(pixRotateOrth(page.get(), quarter_turns));
    EXPECT_TRUE(MayStandTurned(turned.get())) << quarter_turns;
  }
}

TEST(MayStandTurned, ABlankPage) {
  PixPtr page(pixCreate(1600, 1000, 1));
  EXPECT_TRUE(MayStandTurned(page.get()));
}

// A dark card photographed in colour, its company's name printed in a
// dark red whose luminance is close to the card's navy, its person's name
// in white, both blurred a little as a phone's photo is.
PixPtr ColourCard(l_uint32 company_colour) {
  PixPtr card(pixCreate(1400, 800, 32));
  pixSetAllArbitrary(card.get(), 0x1e284600);  // navy: 30, 40, 70
  L_BMF* font = bmfCreate(nullptr, 20);
  pixSetTextline(card.get(), font, "Fernstile Lanterns", company_colour, 120, 300, nullptr, nullptr);
  pixSetTextline(card.get(), font, "Wenna Calloway", 0xffffff00, 120, 450, nullptr, nullptr);
  bmfDestroy(&font);
  return PixPtr(pixBlockconv(card.get(), 1, 1));
}

class ColourPrint : public LineReadingTest {
 protected:
  static std::string Read(Pix* photo) {
    auto prepared = PrepareForOcr(photo);
    EXPECT_TRUE(prepared) << prepared.error().message;
    if (!prepared) return {};
    auto lines = engine_->ReadLines(prepared->gray.get());
    EXPECT_TRUE(lines) << lines.error().message;
    std::string text;
    for (const auto& line : lines ? *lines : std::vector<OcrLine>{}) text += line.text + "\n";
    return text;
  }
};

TEST_F(ColourPrint, ReadsPrintInAColourAsDarkAsTheCard) {
  PixPtr card = ColourCard(0x96141e00);  // dark red: 150, 20, 30
  const std::string text = Read(card.get());
  EXPECT_NE(text.find("Fernstile Lanterns"), std::string::npos) << text;
  EXPECT_NE(text.find("Wenna Calloway"), std::string::npos) << text;
}

// A saturated card is bright in its own colour's channel: there the white
// print stands out no more than the card, and its luminance is kept.
TEST_F(ColourPrint, ReadsWhitePrintOnASaturatedDarkCard) {
  PixPtr card(pixCreate(1400, 800, 32));
  pixSetAllArbitrary(card.get(), 0x3c14c800);  // violet: 60, 20, 200
  L_BMF* font = bmfCreate(nullptr, 20);
  pixSetTextline(card.get(), font, "Fernstile Lanterns", 0xe6e6f000, 120, 300, nullptr, nullptr);
  pixSetTextline(card.get(), font, "Wenna Calloway", 0xffffff00, 120, 450, nullptr, nullptr);
  bmfDestroy(&font);
  PixPtr photo(pixBlockconv(card.get(), 1, 1));
  const std::string text = Read(photo.get());
  EXPECT_NE(text.find("Fernstile Lanterns"), std::string::npos) << text;
  EXPECT_NE(text.find("Wenna Calloway"), std::string::npos) << text;
}

TEST_F(ColourPrint, ReadsALightCardsColouredPrintAsBefore) {
  PixPtr card(pixCreate(1400, 800, 32));
  pixSetAllArbitrary(card.get(), 0xf5f0e600);  // cream
  L_BMF* font = bmfCreate(nullptr, 20);
  pixSetTextline(card.get(), font, "Fernstile Lanterns", 0xc8142800, 120, 300, nullptr, nullptr);
  pixSetTextline(card.get(), font, "Wenna Calloway", 0x1e1e1e00, 120, 450, nullptr, nullptr);
  bmfDestroy(&font);
  PixPtr photo(pixBlockconv(card.get(), 1, 1));
  const std::string text = Read(photo.get());
  EXPECT_NE(text.find("Fernstile Lanterns"), std::string::npos) << text;
  EXPECT_NE(text.find("Wenna Calloway"), std::string::npos) << text;
}

}  // namespace
}  // namespace kith::scan
