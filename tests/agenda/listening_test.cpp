// Listening: the share of the talking the other person had, the meetings
// where you talked more, and whether the habit is getting better.
#include "agenda/listening.h"

#include <gtest/gtest.h>

namespace kith {
namespace {

constexpr Date kToday{2026, 11, 26};

// A conversation `days_ago` before today where they talked `they_talked`%.
Interaction Talk(std::int64_t id, int days_ago, std::optional<int> they_talked) {
  Interaction interaction;
  interaction.id = InteractionId{id};
  interaction.kind = InteractionKind::kCoffee;
  interaction.on = kToday.AddDays(-days_ago);
  interaction.they_talked = they_talked;
  return interaction;
}

std::vector<std::int64_t> Ids(const std::vector<Interaction>& interactions) {
  std::vector<std::int64_t> ids;
  ids.reserve(interactions.size());
  for (const auto& interaction : interactions) ids.push_back(interaction.id.value);
  return ids;
}

TEST(ListeningTrendName, NamesEveryTrend) {
  EXPECT_EQ(ListeningTrendName(ListeningTrend::kUnknown), "unknown");
  EXPECT_EQ(ListeningTrendName(ListeningTrend::kImproving), "improving");
  EXPECT_EQ(ListeningTrendName(ListeningTrend::kSteady), "steady");
  EXPECT_EQ(ListeningTrendName(ListeningTrend::kSlipping), "slipping");
}

TEST(ComputeListening, NothingRecordedGivesNoAverage) {
  const ListeningStats stats = ComputeListening({Talk(1, 3, std::nullopt)});
  EXPECT_EQ(stats.conversations, 0);
  EXPECT_FALSE(stats.average_they_talked);
  EXPECT_EQ(stats.trend, ListeningTrend::kUnknown);
  EXPECT_TRUE(stats.talked_more.empty());
}

TEST(ComputeListening, AveragesOnlyTheRecordedShares) {
  const ListeningStats stats = ComputeListening({Talk(1, 10, 40), Talk(2, 5, std::nullopt), Talk(3, 1, 70)});
  EXPECT_EQ(stats.conversations, 2);
  EXPECT_EQ(stats.average_they_talked, 55);
}

TEST(ComputeListening, RoundsTheAverage) {
  EXPECT_EQ(ComputeListening({Talk(1, 3, 50), Talk(2, 2, 50), Talk(3, 1, 51)}).average_they_talked, 50);
  EXPECT_EQ(ComputeListening({Talk(1, 2, 50), Talk(2, 1, 51)}).average_they_talked, 51);
}

TEST(ComputeListening, FlagsMeetingsWhereYouTalkedMoreNewestFirst) {
  const ListeningStats stats =
      ComputeListening({Talk(1, 30, 30), Talk(2, 2, 45), Talk(3, 10, 50), Talk(4, 20, 49), Talk(5, 1, 80)});
  EXPECT_EQ(Ids(stats.talked_more), (std::vector<std::int64_t>{2, 4, 1}));
}

TEST(ComputeListening, HalfTheTimeMeetsTheGoal) {
  EXPECT_TRUE(ComputeListening({Talk(1, 1, kListeningGoalPercent)}).talked_more.empty());
}

TEST(ComputeListening, TheTrendNeedsSixConversations) {
  const ListeningStats stats =
      ComputeListening({Talk(1, 5, 20), Talk(2, 4, 20), Talk(3, 3, 20), Talk(4, 2, 80), Talk(5, 1, 80)});
  EXPECT_EQ(stats.trend, ListeningTrend::kUnknown);
}

TEST(ComputeListening, ImprovingWhenTheNewestThreeAreFivePointsBetter) {
  const ListeningStats stats = ComputeListening(
      {Talk(6, 1, 55), Talk(1, 6, 40), Talk(5, 2, 45), Talk(2, 5, 40), Talk(4, 3, 55), Talk(3, 4, 55)});
  // Newest three 55, 45, 55 (mean 51.7) against 55, 40, 40 (mean 45).
  EXPECT_EQ(stats.trend, ListeningTrend::kImproving);
}

TEST(ComputeListening, SlippingWhenTheNewestThreeAreFivePointsWorse) {
  const ListeningStats stats = ComputeListening(
      {Talk(1, 6, 60), Talk(2, 5, 60), Talk(3, 4, 60), Talk(4, 3, 55), Talk(5, 2, 55), Talk(6, 1, 55)});
  EXPECT_EQ(stats.trend, ListeningTrend::kSlipping);
}

TEST(ComputeListening, SteadyWithinFivePoints) {
  const ListeningStats stats = ComputeListening(
      {Talk(1, 6, 60), Talk(2, 5, 60), Talk(3, 4, 60), Talk(4, 3, 56), Talk(5, 2, 56), Talk(6, 1, 55)});
  EXPECT_EQ(stats.trend, ListeningTrend::kSteady);
}

TEST(ComputeListening, TheTrendIgnoresOlderConversationsAndUnrecordedOnes) {
  // The oldest two would drag the earlier window down; only the latest six count.
  const ListeningStats stats =
      ComputeListening({Talk(1, 9, 0), Talk(2, 8, 0), Talk(3, 7, 50), Talk(4, 6, 50), Talk(5, 5, 50),
                        Talk(6, 4, std::nullopt), Talk(7, 3, 50), Talk(8, 2, 50), Talk(9, 1, 50)});
  EXPECT_EQ(stats.trend, ListeningTrend::kSteady);
}

}  // namespace
}  // namespace kith
