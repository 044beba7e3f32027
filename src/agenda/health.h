// Relationship health: one number, 0–100, and the reasons behind it, so
// "who is drifting" is a sort order and a sentence, not a feeling.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"

namespace kith {

struct HealthInput {
  std::optional<Date> last_contact;  // the latest interaction that made contact
  std::optional<Date> met_on;
  Date added_on;                           // when the card was created: the fallback for recency
  int cadence_days = 180;                  // EffectiveCadenceDays
  int contacts_last_year = 0;              // interactions that made contact in the last 365 days
  int gives_from_me = 0;                   // ledger entries you gave/introduced
  int gives_to_me = 0;                     // ledger entries they gave you
  std::optional<int> they_talked_average;  // mean share over conversations, 0–100
  int facts_known = 0;
};

struct HealthPart {
  std::string name;  // "recency", "frequency", "reciprocity", "depth"
  int points = 0;
  int max_points = 0;
  std::string why;  // "last talked 12 days ago, cadence 30 days"
};

// Where a relationship stands. kNew until the first conversation, for as
// long as the cadence: a card from yesterday is neither strong nor drifting,
// it is a follow-up to make. Past the cadence with no word exchanged, the
// score speaks (and it says drifting).
enum class HealthState { kNew, kDrifting, kSteady, kStrong };
std::string_view HealthStateName(HealthState state);  // "new", "drifting", "steady", "strong"

struct Health {
  int score = 0;  // 0–100, the sum of the parts
  std::vector<HealthPart> parts;
  HealthState state = HealthState::kDrifting;
  // The state's name: "new"; else "drifting" below 40, "steady" 40–69,
  // "strong" 70 and above.
  std::string label;
  std::string explanation;  // one line joining the weakest parts' reasons
};

// Recency 40 points (full within the cadence, falling to 0 at three times
// it), frequency 20 (contacts in the last year against 365 / cadence; within
// the first cadence, one contact), reciprocity 20 (gives both ways; a
// balanced share of the talking, nothing before the first conversation),
// depth 20 (facts known, full at 6). Only real contact adds points: a first
// conversation always raises the score. Pure: the same input and day give
// the same score.
Health ComputeHealth(const HealthInput& input, Date today);

// The score alone, equal to ComputeHealth(input, today).score, without the
// words: cheap enough to score a million people.
int HealthScore(const HealthInput& input, Date today);

// The first day after `today` on which the score may differ from today's
// with nothing written in between, so a stored score stays valid until then:
// recency and frequency only fall as days pass (found by bisection), and the
// oldest contact counted in the last year (`oldest_counted_contact`, an
// interaction's date) stops counting on its own day. nullopt when the score
// stays as it is until something is written.
std::optional<Date> HealthChangesOn(const HealthInput& input, Date today,
                                    std::optional<Date> oldest_counted_contact);

inline constexpr int kDriftingBelow = 40;

}  // namespace kith
