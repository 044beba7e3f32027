// Conversation starters: what you know about someone, turned into things to
// ask them next time.
#include "agenda/starters.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kith {
namespace {

using ::testing::ElementsAre;

constexpr Date kToday{2026, 11, 26};

Fact Learned(std::int64_t id, std::string key, std::string value, Date learned_on = kToday.AddDays(-10)) {
  Fact fact;
  fact.id = FactId{id};
  fact.key = std::move(key);
  fact.value = std::move(value);
  fact.learned_on = learned_on;
  return fact;
}

std::string OnlyStarter(const Fact& fact) {
  const auto starters = ConversationStarters({fact}, kToday);
  EXPECT_EQ(starters.size(), 1U);
  return starters.empty() ? "" : starters.front();
}

TEST(ConversationStarters, AsksAboutTheHometown) {
  EXPECT_EQ(OnlyStarter(Learned(1, "hometown", "Pilsen")), "Ask about Pilsen — where they grew up");
}

TEST(ConversationStarters, AsksHowTheMoveWent) {
  EXPECT_EQ(OnlyStarter(Learned(1, "moved", "Pilsen")), "Ask how the move to Pilsen went");
  EXPECT_EQ(OnlyStarter(Learned(1, "move", "Lisbon")), "Ask how the move to Lisbon went");
}

TEST(ConversationStarters, KnownKeysHaveTheirOwnWording) {
  EXPECT_EQ(OnlyStarter(Learned(1, "neighborhood", "Karlín")), "Ask what they like about living in Karlín");
  EXPECT_EQ(OnlyStarter(Learned(1, "hobby", "bouldering")), "Ask about bouldering — what got them into it?");
  EXPECT_EQ(OnlyStarter(Learned(1, "kids", "two daughters")), "Ask how the kids are: two daughters");
  EXPECT_EQ(OnlyStarter(Learned(1, "goal", "open a pottery studio")),
            "Ask how their goal is going: open a pottery studio");
  EXPECT_EQ(OnlyStarter(Learned(1, "current_work", "a Rust compiler")),
            "Ask how work is going: a Rust compiler");
  EXPECT_EQ(OnlyStarter(Learned(1, "how_started", "sound engineer at a radio station")),
            "Ask how they got into their work: sound engineer at a radio station");
  EXPECT_EQ(OnlyStarter(Learned(1, "learning", "Japanese")), "Ask how learning Japanese is going");
}

TEST(ConversationStarters, AnUnknownKeyIsAskedAboutPlainly) {
  EXPECT_EQ(OnlyStarter(Learned(1, "favourite_book", "Dune")), "Ask about their favourite book: Dune");
}

TEST(ConversationStarters, StaleCurrentWorkIsAskedAsStill) {
  EXPECT_EQ(OnlyStarter(Learned(1, "current_work", "building a Rust compiler", Date{2025, 6, 1})),
            "Still building a Rust compiler? Ask what they are working on now");
}

TEST(ConversationStarters, AnOldMoveIsAskedAsStill) {
  EXPECT_EQ(OnlyStarter(Learned(1, "moved", "Pilsen", Date{2025, 1, 10})),
            "Still in Pilsen? Ask how life has been since the move");
}

TEST(ConversationStarters, AYearOldFactIsNotYetStale) {
  EXPECT_EQ(OnlyStarter(Learned(1, "project", "a board game", kToday.AddDays(-365))),
            "Ask how the project is going: a board game");
  EXPECT_EQ(OnlyStarter(Learned(1, "project", "a board game", kToday.AddDays(-366))),
            "Still working on a board game? Ask where it led");
}

TEST(ConversationStarters, AHometownNeverGoesStale) {
  EXPECT_EQ(OnlyStarter(Learned(1, "hometown", "Pilsen", Date{2019, 3, 3})),
            "Ask about Pilsen — where they grew up");
}

TEST(ConversationStarters, GoalsAndCurrentWorkComeFirstThenTheNewest) {
  const auto starters = ConversationStarters(
      {Learned(1, "hometown", "Pilsen", kToday.AddDays(-1)), Learned(2, "hobby", "chess", kToday.AddDays(-5)),
       Learned(3, "goal", "run a marathon", kToday.AddDays(-90)),
       Learned(4, "current_work", "a Rust compiler", kToday.AddDays(-30))},
      kToday);
  EXPECT_THAT(
      starters,
      ElementsAre("Ask how work is going: a Rust compiler", "Ask how their goal is going: run a marathon",
                  "Ask about Pilsen — where they grew up", "Ask about chess — what got them into it?"));
}

TEST(ConversationStarters, RespectsTheLimit) {
  const std::vector<Fact> facts = {Learned(1, "hometown", "Pilsen", kToday.AddDays(-1)),
                                   Learned(2, "hobby", "chess", kToday.AddDays(-2)),
                                   Learned(3, "pet", "a greyhound", kToday.AddDays(-3))};
  EXPECT_THAT(
      ConversationStarters(facts, kToday, 2),
      ElementsAre("Ask about Pilsen — where they grew up", "Ask about chess — what got them into it?"));
  EXPECT_TRUE(ConversationStarters(facts, kToday, 0).empty());
}

TEST(ConversationStarters, FiveByDefault) {
  const std::vector<Fact> facts = {Learned(1, "hobby", "chess", kToday.AddDays(-1)),
                                   Learned(2, "hobby", "bouldering", kToday.AddDays(-2)),
                                   Learned(3, "hobby", "sourdough", kToday.AddDays(-3)),
                                   Learned(4, "hobby", "cycling", kToday.AddDays(-4)),
                                   Learned(5, "hobby", "jazz", kToday.AddDays(-5)),
                                   Learned(6, "hobby", "origami", kToday.AddDays(-6))};
  EXPECT_EQ(ConversationStarters(facts, kToday).size(), 5U);
}

TEST(ConversationStarters, SkipsEmptyValuesAndRepeats) {
  const auto starters = ConversationStarters(
      {Learned(1, "hometown", "Pilsen"), Learned(2, "hometown", "Pilsen"), Learned(3, "hobby", "")}, kToday);
  EXPECT_THAT(starters, ElementsAre("Ask about Pilsen — where they grew up"));
}

TEST(ConversationStarters, NothingKnownGivesNothing) {
  EXPECT_TRUE(ConversationStarters({}, kToday).empty());
}

}  // namespace
}  // namespace kith
