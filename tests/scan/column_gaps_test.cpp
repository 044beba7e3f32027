#include "scan/column_gaps.h"

#include <gtest/gtest.h>

namespace kith::scan {
namespace {

OcrWord Word(std::string text, int left, int right) { return {std::move(text), left, 100, right, 130}; }

TEST(SplitAtColumnGaps, SplitsALineThatRunsAcrossTwoColumns) {
  // A name on the left and a phone number on the right at the same height.
  const auto lines =
      SplitAtColumnGaps({Word("Ysolde", 40, 160), Word("Vantreight", 175, 360), Word("+44", 700, 760),
                         Word("7911", 772, 850), Word("123456", 862, 990)},
                        90);
  ASSERT_EQ(lines.size(), 2U);
  EXPECT_EQ(lines[0].text, "Ysolde Vantreight");
  EXPECT_EQ(lines[0].left, 40);
  EXPECT_EQ(lines[0].width, 320);
  EXPECT_EQ(lines[1].text, "+44 7911 123456");
  EXPECT_EQ(lines[1].left, 700);
  EXPECT_EQ(lines[1].height, 30);
}

TEST(SplitAtColumnGaps, KeepsWordsSetWithOrdinarySpacesTogether) {
  // Counter-example: a wide space after a label is still one line.
  const auto lines =
      SplitAtColumnGaps({Word("Tel:", 40, 100), Word("+44", 130, 190), Word("7911", 202, 280)}, 90);
  ASSERT_EQ(lines.size(), 1U);
  EXPECT_EQ(lines[0].text, "Tel: +44 7911");
}

TEST(SplitAtColumnGaps, GivesEveryPartTheLinesConfidence) {
  const auto lines =
      SplitAtColumnGaps({Word("Jo", 0, 20), Word("Quenby", 30, 90), Word("Ltd", 400, 440)}, 71);
  ASSERT_EQ(lines.size(), 2U);
  EXPECT_FLOAT_EQ(lines[0].confidence, 71.0F);
  EXPECT_FLOAT_EQ(lines[1].confidence, 71.0F);
}

TEST(SplitAtColumnGaps, MakesNoLineOfNoWords) { EXPECT_TRUE(SplitAtColumnGaps({}, 90).empty()); }

}  // namespace
}  // namespace kith::scan
