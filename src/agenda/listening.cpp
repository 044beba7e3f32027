#include "agenda/listening.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <numeric>

namespace kith {
namespace {

constexpr std::size_t kTrendWindow = 3;
constexpr int kTrendChangePoints = 5;

bool NewerFirst(const Interaction& left, const Interaction& right) {
  if (left.on != right.on) return left.on > right.on;
  return left.id > right.id;
}

int SumTalked(std::vector<Interaction>::const_iterator first, std::vector<Interaction>::const_iterator last) {
  return std::accumulate(
      first, last, 0, [](int sum, const Interaction& interaction) { return sum + *interaction.they_talked; });
}

// Compares sums rather than means: over equal windows, a change of 5 points
// in the mean is a change of 15 in the sum, with no rounding in the way.
ListeningTrend TrendOf(const std::vector<Interaction>& newest_first) {
  if (newest_first.size() < 2 * kTrendWindow) return ListeningTrend::kUnknown;
  const auto window = static_cast<std::ptrdiff_t>(kTrendWindow);
  const auto begin = newest_first.begin();
  const int change = SumTalked(begin, begin + window) - SumTalked(begin + window, begin + 2 * window);
  const int threshold = kTrendChangePoints * static_cast<int>(kTrendWindow);
  if (change >= threshold) return ListeningTrend::kImproving;
  if (change <= -threshold) return ListeningTrend::kSlipping;
  return ListeningTrend::kSteady;
}

}  // namespace

std::string_view ListeningTrendName(ListeningTrend trend) {
  switch (trend) {
    case ListeningTrend::kUnknown:
      return "unknown";
    case ListeningTrend::kImproving:
      return "improving";
    case ListeningTrend::kSteady:
      return "steady";
    case ListeningTrend::kSlipping:
      return "slipping";
  }
  return "unknown";
}

ListeningStats ComputeListening(const std::vector<Interaction>& interactions) {
  std::vector<Interaction> recorded;
  std::copy_if(interactions.begin(), interactions.end(), std::back_inserter(recorded),
               [](const Interaction& interaction) { return interaction.they_talked.has_value(); });
  std::sort(recorded.begin(), recorded.end(), NewerFirst);

  ListeningStats stats;
  stats.conversations = static_cast<int>(recorded.size());
  if (recorded.empty()) return stats;
  const double mean = static_cast<double>(SumTalked(recorded.begin(), recorded.end())) / stats.conversations;
  stats.average_they_talked = static_cast<int>(std::lround(mean));
  stats.trend = TrendOf(recorded);
  std::copy_if(
      recorded.begin(), recorded.end(), std::back_inserter(stats.talked_more),
      [](const Interaction& interaction) { return *interaction.they_talked < kListeningGoalPercent; });
  return stats;
}

}  // namespace kith
