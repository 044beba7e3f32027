// Listening: how much of the talking the other person had. The habit is at
// least half the time theirs; meetings where you talked more are flagged.
#pragma once

#include <optional>
#include <vector>

#include "domain/relationship.h"

namespace kith {

inline constexpr int kListeningGoalPercent = 50;

enum class ListeningTrend { kUnknown, kImproving, kSteady, kSlipping };
std::string_view ListeningTrendName(ListeningTrend trend);  // "unknown", "improving", "steady", "slipping"

struct ListeningStats {
  int conversations = 0;                   // interactions with a recorded share
  std::optional<int> average_they_talked;  // mean, rounded; empty with none recorded
  ListeningTrend trend = ListeningTrend::kUnknown;
  // Conversations where they talked less than half the time, newest first.
  std::vector<Interaction> talked_more;
};

// Over the interactions given (one person's, or everyone's), any order; only
// those with `they_talked` count. The trend compares the mean of the newest
// three with the three before them (needs six): a change of 5 points or more
// is improving/slipping.
ListeningStats ComputeListening(const std::vector<Interaction>& interactions);

}  // namespace kith
