#include "domain/date.h"

#include <gtest/gtest.h>

namespace kith {
namespace {

TEST(ParseIsoDate, AcceptsValidDates) {
  auto date = ParseIsoDate("2024-02-29");
  ASSERT_TRUE(date);
  EXPECT_EQ(*date, (Date{2024, 2, 29}));
}

TEST(ParseIsoDate, RejectsDayPastEndOfMonthNamingTheMonth) {
  auto date = ParseIsoDate("2026-02-30");
  ASSERT_FALSE(date);
  EXPECT_EQ(date.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(date.error().message, "2026-02-30: February 2026 has 28 days");
}

TEST(ParseIsoDate, RejectsMonthThirteen) {
  auto date = ParseIsoDate("2026-13-01");
  ASSERT_FALSE(date);
  EXPECT_NE(date.error().message.find("no month 13"), std::string::npos);
}

TEST(ParseIsoDate, RejectsOtherShapes) {
  for (const char* text : {"26/2/1", "2026-2-1", "", "2026-02-01T10:00", "abcd-ef-gh", "2026-0a-01"}) {
    EXPECT_FALSE(ParseIsoDate(text)) << text;
  }
}

TEST(Date, DaysSinceEpochRoundTrips) {
  for (std::int64_t day = -800000; day < 800000; day += 997) {
    EXPECT_EQ(Date::FromDaysSinceEpoch(day).DaysSinceEpoch(), day);
  }
  EXPECT_EQ((Date{1970, 1, 1}).DaysSinceEpoch(), 0);
  EXPECT_EQ((Date{2000, 3, 1}).DaysSinceEpoch(), 11017);
}

TEST(Date, AddDaysCrossesMonthsAndLeapDays) {
  EXPECT_EQ((Date{2024, 2, 28}).AddDays(1), (Date{2024, 2, 29}));
  EXPECT_EQ((Date{2026, 12, 31}).AddDays(1), (Date{2027, 1, 1}));
  EXPECT_EQ(DaysBetween(Date{2026, 11, 26}, Date{2026, 12, 26}), 30);
}

TEST(Date, FormatsAsIso) { EXPECT_EQ((Date{987, 3, 4}).ToIso(), "0987-03-04"); }

// The one "how long ago" of every screen: the agenda, health, the brief and
// the reasons of a match all say it the same way.
TEST(DaysAgo, SaysItTheWayAPersonWould) {
  EXPECT_EQ(DaysAgo(0), "today");
  EXPECT_EQ(DaysAgo(1), "yesterday");
  EXPECT_EQ(DaysAgo(9), "9 days ago");
  EXPECT_EQ(DaysAgo(13), "13 days ago");
  EXPECT_EQ(DaysAgo(14), "2 weeks ago");
  EXPECT_EQ(DaysAgo(59), "8 weeks ago");
  EXPECT_EQ(DaysAgo(60), "2 months ago");
  EXPECT_EQ(DaysAgo(729), "24 months ago");
  EXPECT_EQ(DaysAgo(730), "2 years ago");
}

TEST(DaysAgo, ADayAheadIsSaidAsAhead) {
  EXPECT_EQ(DaysAgo(-1), "tomorrow");
  EXPECT_EQ(DaysAgo(-3), "in 3 days");
  EXPECT_EQ(DaysAgo(-21), "in 3 weeks");
}

}  // namespace
}  // namespace kith
