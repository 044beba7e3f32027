// The reconnect cadence: follow-up, then coffee, then quarterly — unless the
// person or their tags say otherwise.
#include "agenda/cadence.h"

#include <gtest/gtest.h>

namespace kith {
namespace {

constexpr Date kMetOn{2026, 11, 10};

InteractionFields Logged(InteractionKind kind, Date on) {
  InteractionFields interaction;
  interaction.kind = kind;
  interaction.on = on;
  return interaction;
}

CadenceInput MetOn(Date met_on) {
  CadenceInput input;
  input.met_on = met_on;
  return input;
}

TEST(CadenceStageName, NamesEveryStage) {
  EXPECT_EQ(CadenceStageName(CadenceStage::kFollowUp), "follow-up");
  EXPECT_EQ(CadenceStageName(CadenceStage::kCoffee), "coffee");
  EXPECT_EQ(CadenceStageName(CadenceStage::kQuarterly), "quarterly");
  EXPECT_EQ(CadenceStageName(CadenceStage::kCustom), "custom");
}

TEST(ComputeNextReconnect, NothingWhileTheFollowUpIsStillOpen) {
  EXPECT_FALSE(ComputeNextReconnect(MetOn(kMetOn)));
}

TEST(ComputeNextReconnect, ANoteToYourselfIsNotAFollowUp) {
  CadenceInput input = MetOn(kMetOn);
  input.interactions = {Logged(InteractionKind::kNote, Date{2026, 11, 11})};
  EXPECT_FALSE(ComputeNextReconnect(input));
}

TEST(ComputeNextReconnect, CoffeeIsDueTwoWeeksAfterTheFollowUpEmail) {
  CadenceInput input = MetOn(kMetOn);
  input.interactions = {Logged(InteractionKind::kEmail, Date{2026, 11, 11})};
  const auto next = ComputeNextReconnect(input);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->stage, CadenceStage::kCoffee);
  EXPECT_EQ(next->due, (Date{2026, 11, 25}));
  EXPECT_EQ(next->every_days, kCoffeeAfterFollowUpDays);
  EXPECT_EQ(next->note, "meet for coffee?");
}

TEST(ComputeNextReconnect, CoffeeCountsFromTheLatestMessage) {
  CadenceInput input = MetOn(kMetOn);
  input.interactions = {Logged(InteractionKind::kMessage, Date{2026, 11, 20}),
                        Logged(InteractionKind::kEmail, Date{2026, 11, 11})};
  const auto next = ComputeNextReconnect(input);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->stage, CadenceStage::kCoffee);
  EXPECT_EQ(next->due, (Date{2026, 12, 4}));
}

TEST(ComputeNextReconnect, AnEmailTheDayYouMetIsTheFollowUp) {
  CadenceInput input = MetOn(kMetOn);
  input.interactions = {Logged(InteractionKind::kEmail, kMetOn)};
  const auto next = ComputeNextReconnect(input);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->stage, CadenceStage::kCoffee);
  EXPECT_EQ(next->due, (Date{2026, 11, 24}));
}

TEST(ComputeNextReconnect, QuarterlyFromTheCoffee) {
  CadenceInput input = MetOn(kMetOn);
  input.interactions = {Logged(InteractionKind::kEmail, Date{2026, 11, 11}),
                        Logged(InteractionKind::kCoffee, Date{2026, 11, 26})};
  const auto next = ComputeNextReconnect(input);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->stage, CadenceStage::kQuarterly);
  EXPECT_EQ(next->due, (Date{2027, 2, 24}));
  EXPECT_EQ(next->every_days, kQuarterlyDays);
  EXPECT_EQ(next->note, "time to catch up");
}

TEST(ComputeNextReconnect, QuarterlyCountsFromTheLastConversationNotALaterEmail) {
  CadenceInput input = MetOn(kMetOn);
  input.interactions = {Logged(InteractionKind::kCall, Date{2026, 12, 1}),
                        Logged(InteractionKind::kEmail, Date{2026, 12, 20})};
  const auto next = ComputeNextReconnect(input);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->stage, CadenceStage::kQuarterly);
  EXPECT_EQ(next->due, (Date{2027, 3, 1}));
}

TEST(ComputeNextReconnect, TheMeetingOnTheDayYouMetIsNotMeetingAgain) {
  CadenceInput input = MetOn(kMetOn);
  input.interactions = {Logged(InteractionKind::kEvent, kMetOn)};
  EXPECT_FALSE(ComputeNextReconnect(input));
}

TEST(ComputeNextReconnect, AnOwnCadenceCountsFromTheLastContact) {
  CadenceInput input = MetOn(kMetOn);
  input.cadence_days = 30;
  input.interactions = {Logged(InteractionKind::kCoffee, Date{2026, 11, 20}),
                        Logged(InteractionKind::kNote, Date{2026, 11, 25})};
  const auto next = ComputeNextReconnect(input);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->stage, CadenceStage::kCustom);
  EXPECT_EQ(next->due, (Date{2026, 12, 20}));
  EXPECT_EQ(next->every_days, 30);
}

TEST(ComputeNextReconnect, AnOwnCadenceAppliesEvenDuringTheFollowUp) {
  CadenceInput input = MetOn(kMetOn);
  input.cadence_days = 7;
  const auto next = ComputeNextReconnect(input);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->stage, CadenceStage::kCustom);
  EXPECT_EQ(next->due, (Date{2026, 11, 17}));
}

TEST(ComputeNextReconnect, AnOwnCadenceBeatsATagCadence) {
  CadenceInput input = MetOn(kMetOn);
  input.cadence_days = 60;
  input.tag_cadence_days = 14;
  const auto next = ComputeNextReconnect(input);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->every_days, 60);
}

TEST(ComputeNextReconnect, ATagCadenceBeatsTheStagedOne) {
  CadenceInput input = MetOn(kMetOn);
  input.tag_cadence_days = 30;
  input.interactions = {Logged(InteractionKind::kEmail, Date{2026, 11, 11})};
  const auto next = ComputeNextReconnect(input);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->stage, CadenceStage::kCustom);
  EXPECT_EQ(next->due, (Date{2026, 12, 11}));
}

TEST(ComputeNextReconnect, ATagCadenceForSomeoneNeverMetCountsFromTheDayTheCardWasAdded) {
  CadenceInput input;
  input.added_on = Date{2026, 10, 1};
  input.tag_cadence_days = 60;
  const auto next = ComputeNextReconnect(input);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->due, (Date{2026, 11, 30}));
}

TEST(ComputeNextReconnect, ACadenceWithNothingToCountFromGivesNothing) {
  CadenceInput input;
  input.cadence_days = 30;
  EXPECT_FALSE(ComputeNextReconnect(input));
}

TEST(ComputeNextReconnect, NoCadenceAndNotMetGivesNothing) {
  CadenceInput input;
  input.added_on = Date{2026, 1, 5};
  input.interactions = {Logged(InteractionKind::kCoffee, Date{2026, 3, 1})};
  EXPECT_FALSE(ComputeNextReconnect(input));
}

TEST(ComputeNextReconnect, AZeroDayCadenceCountsAsUnset) {
  CadenceInput input = MetOn(kMetOn);
  input.cadence_days = 0;
  input.interactions = {Logged(InteractionKind::kEmail, Date{2026, 11, 11})};
  const auto next = ComputeNextReconnect(input);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->stage, CadenceStage::kCoffee);
}

TEST(EffectiveCadenceDays, OwnThenTags) {
  CadenceInput input = MetOn(kMetOn);
  input.tag_cadence_days = 21;
  EXPECT_EQ(EffectiveCadenceDays(input), 21);
  input.cadence_days = 45;
  EXPECT_EQ(EffectiveCadenceDays(input), 45);
}

TEST(EffectiveCadenceDays, FollowsTheStagedInterval) {
  CadenceInput input = MetOn(kMetOn);
  EXPECT_EQ(EffectiveCadenceDays(input), kCoffeeAfterFollowUpDays);
  input.interactions = {Logged(InteractionKind::kEmail, Date{2026, 11, 11})};
  EXPECT_EQ(EffectiveCadenceDays(input), kCoffeeAfterFollowUpDays);
  input.interactions.push_back(Logged(InteractionKind::kCoffee, Date{2026, 11, 26}));
  EXPECT_EQ(EffectiveCadenceDays(input), kQuarterlyDays);
}

TEST(EffectiveCadenceDays, LooseDefaultForSomeoneNeverMet) {
  EXPECT_EQ(EffectiveCadenceDays(CadenceInput{}), kQuarterlyDays * 2);
}

}  // namespace
}  // namespace kith
