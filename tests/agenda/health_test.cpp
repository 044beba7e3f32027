// Relationship health: recency, frequency, reciprocity and depth, summed to
// 0–100 with a label and the reason it is not higher.
#include "agenda/health.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace kith {
namespace {

constexpr Date kToday{2026, 11, 26};

// Someone you know little about and rarely see: every part has room to grow.
HealthInput Acquaintance() {
  HealthInput input;
  input.added_on = Date{2025, 1, 1};
  input.cadence_days = 30;
  return input;
}

HealthPart Part(const Health& health, const std::string& name) {
  const auto part = std::find_if(health.parts.begin(), health.parts.end(),
                                 [&name](const HealthPart& candidate) { return candidate.name == name; });
  EXPECT_NE(part, health.parts.end()) << name;
  return part == health.parts.end() ? HealthPart{} : *part;
}

TEST(ComputeHealth, HasTheFourPartsWithTheirMaximums) {
  const Health health = ComputeHealth(Acquaintance(), kToday);
  ASSERT_EQ(health.parts.size(), 4U);
  EXPECT_EQ(Part(health, "recency").max_points, 40);
  EXPECT_EQ(Part(health, "frequency").max_points, 20);
  EXPECT_EQ(Part(health, "reciprocity").max_points, 20);
  EXPECT_EQ(Part(health, "depth").max_points, 20);
}

TEST(ComputeHealth, ContactWithinTheCadenceScoresFullRecency) {
  HealthInput input = Acquaintance();
  input.last_contact = kToday.AddDays(-12);
  const HealthPart recency = Part(ComputeHealth(input, kToday), "recency");
  EXPECT_EQ(recency.points, 40);
  EXPECT_EQ(recency.why, "last in touch 12 days ago, cadence 30 days");
}

TEST(ComputeHealth, RecencyFallsToHalfAtTwiceTheCadence) {
  HealthInput input = Acquaintance();
  input.last_contact = kToday.AddDays(-60);
  EXPECT_EQ(Part(ComputeHealth(input, kToday), "recency").points, 20);
}

TEST(ComputeHealth, ThreeTimesTheCadenceScoresNoRecency) {
  HealthInput input = Acquaintance();
  input.last_contact = kToday.AddDays(-90);
  EXPECT_EQ(Part(ComputeHealth(input, kToday), "recency").points, 0);
  input.last_contact = kToday.AddDays(-400);
  EXPECT_EQ(Part(ComputeHealth(input, kToday), "recency").points, 0);
}

TEST(ComputeHealth, RecencyCountsFromTheMeetingBeforeAnyContact) {
  HealthInput input = Acquaintance();
  input.met_on = kToday.AddDays(-1);
  const HealthPart recency = Part(ComputeHealth(input, kToday), "recency");
  EXPECT_EQ(recency.points, 40);
  EXPECT_EQ(recency.why, "met yesterday, not in touch since, cadence 30 days");
}

TEST(ComputeHealth, RecencyCountsFromTheCardWhenNeverMet) {
  const HealthPart recency = Part(ComputeHealth(Acquaintance(), kToday), "recency");
  EXPECT_EQ(recency.points, 0);
  EXPECT_EQ(recency.why, "added 23 months ago, never in touch, cadence 30 days");
}

TEST(ComputeHealth, FrequencyIsFullWhenTheCadenceIsKept) {
  HealthInput input = Acquaintance();
  input.contacts_last_year = 12;
  const HealthPart frequency = Part(ComputeHealth(input, kToday), "frequency");
  EXPECT_EQ(frequency.points, 20);
  EXPECT_EQ(frequency.why, "12 contacts in the last year, 12 expected");
}

TEST(ComputeHealth, FrequencyIsAShareOfTheContactsExpected) {
  HealthInput input = Acquaintance();
  input.cadence_days = 73;  // five a year
  input.contacts_last_year = 1;
  const HealthPart frequency = Part(ComputeHealth(input, kToday), "frequency");
  EXPECT_EQ(frequency.points, 4);
  EXPECT_EQ(frequency.why, "1 contact in the last year, 5 expected");
}

TEST(ComputeHealth, TwoWayGivesRaiseReciprocity) {
  HealthInput input = Acquaintance();
  input.last_contact = kToday.AddDays(-60);
  const int none = Part(ComputeHealth(input, kToday), "reciprocity").points;
  input.gives_from_me = 2;
  const int one_way = Part(ComputeHealth(input, kToday), "reciprocity").points;
  input.gives_to_me = 1;
  const HealthPart both_ways = Part(ComputeHealth(input, kToday), "reciprocity");
  EXPECT_LT(none, one_way);
  EXPECT_LT(one_way, both_ways.points);
  EXPECT_EQ(both_ways.why, "you gave 2, they gave 1, talking share not recorded");
}

TEST(ComputeHealth, LettingThemTalkHalfTheTimeRaisesReciprocity) {
  HealthInput input = Acquaintance();
  input.gives_from_me = 1;
  input.gives_to_me = 1;
  input.they_talked_average = 60;
  const HealthPart listened = Part(ComputeHealth(input, kToday), "reciprocity");
  EXPECT_EQ(listened.points, 20);
  EXPECT_EQ(listened.why, "you gave 1, they gave 1, they talked 60% on average");
  input.they_talked_average = 20;
  EXPECT_EQ(Part(ComputeHealth(input, kToday), "reciprocity").points, 14);
}

// Met yesterday, not a word since: the card of someone new.
HealthInput MetYesterday() {
  HealthInput input;
  input.met_on = kToday.AddDays(-1);
  input.added_on = kToday.AddDays(-1);
  input.cadence_days = 30;
  return input;
}

// The same person after a real coffee where you learned one thing.
HealthInput AfterACoffee(int they_talked) {
  HealthInput input = MetYesterday();
  input.last_contact = kToday;
  input.contacts_last_year = 1;
  input.they_talked_average = they_talked;
  input.facts_known = 1;
  return input;
}

TEST(ComputeHealth, SomeoneMetYesterdayAndNeverSpokenToReadsAsNewNotAsAHighScore) {
  const Health health = ComputeHealth(MetYesterday(), kToday);
  EXPECT_EQ(health.state, HealthState::kNew);
  EXPECT_EQ(health.label, "new");
  EXPECT_LE(health.score, kDriftingBelow);
  EXPECT_EQ(Part(health, "frequency").points, 0);
  EXPECT_EQ(Part(health, "frequency").why, "known for 1 day, no conversation yet");
  EXPECT_EQ(Part(health, "reciprocity").points, 0);
  EXPECT_EQ(health.explanation,
            "new: met yesterday, not in touch since, cadence 30 days; no conversation yet");
}

TEST(ComputeHealth, ANewAcquaintanceIsNeverListedAsDrifting) {
  HealthInput input = MetYesterday();
  input.cadence_days = 7;
  input.met_on = kToday.AddDays(-6);
  const Health health = ComputeHealth(input, kToday);
  EXPECT_EQ(health.state, HealthState::kNew);
  EXPECT_GE(health.score, kDriftingBelow);
}

TEST(ComputeHealth, TheFirstConversationRaisesTheScoreHoweverItWent) {
  const Health before = ComputeHealth(MetYesterday(), kToday);
  for (int they_talked = 0; they_talked <= 100; they_talked += 10) {
    const Health after = ComputeHealth(AfterACoffee(they_talked), kToday);
    EXPECT_GT(after.score, before.score) << "they talked " << they_talked << "%";
    EXPECT_NE(after.state, HealthState::kNew);
  }
  EXPECT_EQ(Part(ComputeHealth(AfterACoffee(60), kToday), "frequency").why,
            "known for 1 day, 1 contact so far");
}

TEST(ComputeHealth, NeverInTouchPastTheCadenceIsDriftingNotNew) {
  HealthInput input = MetYesterday();
  input.met_on = kToday.AddDays(-45);
  const Health health = ComputeHealth(input, kToday);
  EXPECT_EQ(health.state, HealthState::kDrifting);
  EXPECT_EQ(health.label, "drifting");
}

TEST(ComputeHealth, FactsRaiseDepthUpToSix) {
  HealthInput input = Acquaintance();
  EXPECT_EQ(Part(ComputeHealth(input, kToday), "depth").points, 0);
  input.facts_known = 3;
  const HealthPart some = Part(ComputeHealth(input, kToday), "depth");
  EXPECT_EQ(some.points, 10);
  EXPECT_EQ(some.why, "3 facts known");
  input.facts_known = 9;
  EXPECT_EQ(Part(ComputeHealth(input, kToday), "depth").points, 20);
}

TEST(ComputeHealth, TheScoreIsTheSumOfTheParts) {
  HealthInput input = Acquaintance();
  input.last_contact = kToday.AddDays(-60);
  input.contacts_last_year = 6;
  input.facts_known = 3;
  const Health health = ComputeHealth(input, kToday);
  EXPECT_EQ(health.score, 20 + 10 + 5 + 10);
}

TEST(ComputeHealth, AStrongRelationshipScoresAHundredAtMost) {
  HealthInput input = Acquaintance();
  input.last_contact = kToday;
  input.contacts_last_year = 50;
  input.gives_from_me = 4;
  input.gives_to_me = 4;
  input.they_talked_average = 100;
  input.facts_known = 30;
  const Health health = ComputeHealth(input, kToday);
  EXPECT_EQ(health.score, 100);
  EXPECT_EQ(health.label, "strong");
  EXPECT_EQ(health.explanation, "all good: in touch, often, both ways, and you know them well");
}

TEST(ComputeHealth, AForgottenCardScoresNoLessThanZero) {
  HealthInput input = Acquaintance();
  input.cadence_days = 0;
  input.contacts_last_year = -3;
  input.facts_known = -1;
  const Health health = ComputeHealth(input, kToday);
  EXPECT_GE(health.score, 0);
  EXPECT_LE(health.score, 100);
  EXPECT_EQ(health.label, "drifting");
}

TEST(ComputeHealth, LabelsFollowTheThresholds) {
  HealthInput input = Acquaintance();
  input.last_contact = kToday.AddDays(-69);  // 14 of 40 recency points
  input.facts_known = 6;                     // 20 depth; 5 for an unknown talking share: 39 in all
  Health health = ComputeHealth(input, kToday);
  ASSERT_EQ(health.score, 39);
  EXPECT_EQ(health.label, "drifting");

  input.last_contact = kToday.AddDays(-68);  // 15 recency points
  health = ComputeHealth(input, kToday);
  ASSERT_EQ(health.score, 40);
  EXPECT_EQ(health.label, "steady");

  input.last_contact = kToday;
  input.contacts_last_year = 3;  // 5 frequency points
  health = ComputeHealth(input, kToday);
  ASSERT_EQ(health.score, 70);
  EXPECT_EQ(health.label, "strong");

  input.facts_known = 5;  // 17 depth points
  health = ComputeHealth(input, kToday);
  ASSERT_EQ(health.score, 67);
  EXPECT_EQ(health.label, "steady");
}

TEST(ComputeHealth, TheExplanationLeadsWithTheWeakestPart) {
  HealthInput input = Acquaintance();
  input.last_contact = kToday.AddDays(-95);
  input.contacts_last_year = 12;
  input.gives_from_me = 1;
  input.gives_to_me = 1;
  input.they_talked_average = 55;
  input.facts_known = 3;
  const Health health = ComputeHealth(input, kToday);
  EXPECT_EQ(health.explanation, "last in touch 3 months ago, cadence 30 days; 3 facts known");
}

TEST(ComputeHealth, TheSameInputAndDayGiveTheSameScore) {
  HealthInput input = Acquaintance();
  input.last_contact = kToday.AddDays(-40);
  input.facts_known = 2;
  EXPECT_EQ(ComputeHealth(input, kToday).score, ComputeHealth(input, kToday).score);
  EXPECT_GT(ComputeHealth(input, kToday).score, ComputeHealth(input, kToday.AddDays(30)).score);
}

}  // namespace
}  // namespace kith
