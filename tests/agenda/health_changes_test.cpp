// The stored health score: the score alone equals ComputeHealth's, and the
// day it may change is exactly the first day it does (nothing written in
// between), so a score stored today sorts the list correctly until then.
#include <gtest/gtest.h>

#include <vector>

#include "agenda/health.h"

namespace kith {
namespace {

constexpr Date kToday{2026, 11, 26};

// People in every stage: new, in touch, drifting, long gone; short and long
// cadences; met in the future (a card typed ahead), talked to last year.
std::vector<HealthInput> People() {
  std::vector<HealthInput> people;
  for (const int cadence : {1, 14, 30, 90, 180, 400}) {
    for (const int added_ago : {0, 10, 100, 500}) {
      for (const int contact_ago : {-1, 0, 20, 200, 380}) {
        HealthInput input;
        input.added_on = kToday.AddDays(-added_ago);
        input.cadence_days = cadence;
        if (contact_ago >= 0) {
          input.last_contact = kToday.AddDays(-contact_ago);
          input.contacts_last_year = contact_ago <= 365 ? 3 : 0;
          input.they_talked_average = 55;
        }
        if (added_ago == 100) input.met_on = kToday.AddDays(7);
        input.facts_known = added_ago % 7;
        input.gives_from_me = cadence == 30 ? 1 : 0;
        people.push_back(input);
      }
    }
  }
  return people;
}

TEST(HealthScore, EqualsTheScoreOfTheWholeHealth) {
  for (const HealthInput& person : People()) {
    for (const int later : {0, 1, 45, 200, 800}) {
      const Date day = kToday.AddDays(later);
      EXPECT_EQ(HealthScore(person, day), ComputeHealth(person, day).score) << later;
    }
  }
}

TEST(HealthChangesOn, IsTheFirstDayTheScoreDiffers) {
  for (const HealthInput& person : People()) {
    const int today_score = HealthScore(person, kToday);
    const auto changes = HealthChangesOn(person, kToday, std::nullopt);
    const Date last_checked = changes ? *changes : kToday.AddDays(3 * 400 + 400);
    for (Date day = kToday.AddDays(1); day < last_checked; day = day.AddDays(1)) {
      ASSERT_EQ(HealthScore(person, day), today_score) << "unchanged until " << last_checked.ToIso();
    }
    if (changes) {
      EXPECT_NE(HealthScore(person, *changes), today_score) << changes->ToIso();
    }
  }
}

TEST(HealthChangesOn, ComesNoLaterThanTheDayTheOldestContactLeavesTheYear) {
  HealthInput steady;
  steady.added_on = Date{2020, 1, 1};
  steady.cadence_days = 400;  // recency holds for over a year
  steady.last_contact = kToday.AddDays(-10);
  steady.contacts_last_year = 2;
  const Date oldest{2026, 3, 1};
  const auto changes = HealthChangesOn(steady, kToday, oldest);
  ASSERT_TRUE(changes);
  EXPECT_EQ(changes->ToIso(), "2027-03-02") << "counted through 2027-03-01, a year after it happened";
}

TEST(HealthChangesOn, IsNeverForAScoreOnlyAWriteCanChange) {
  HealthInput gone;
  gone.added_on = Date{2019, 1, 1};
  gone.cadence_days = 30;
  EXPECT_EQ(HealthScore(gone, kToday), 0);
  EXPECT_FALSE(HealthChangesOn(gone, kToday, std::nullopt));
}

}  // namespace
}  // namespace kith
