// When to be in touch again: the reconnect cadence as a pure function of a
// person's history and today's settings, so it can be tested with any date.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/relationship.h"

namespace kith {

// The staged cadence of a new acquaintance: the follow-up the day after you
// met, about two weeks later "meet for coffee?", then every quarter.
inline constexpr int kFollowUpDelayDays = 1;
inline constexpr int kCoffeeAfterFollowUpDays = 14;
inline constexpr int kQuarterlyDays = 90;

enum class CadenceStage {
  kFollowUp,   // met, not yet written to: the follow-up reminder covers it
  kCoffee,     // followed up (an email or message) but not yet met again
  kQuarterly,  // met again: every quarter from the last conversation
  kCustom,     // the person's own cadence, or one of their tags'
};
std::string_view CadenceStageName(CadenceStage stage);  // "follow-up", "coffee", "quarterly", "custom"

struct CadenceInput {
  std::optional<Date> met_on;
  // When the card was created: what an own or tag cadence counts from for
  // someone you have neither met nor been in touch with (an import).
  std::optional<Date> added_on;
  std::optional<int> cadence_days;      // set on the person (`kith cadence ID DAYS`)
  std::optional<int> tag_cadence_days;  // the shortest default among their tags
  // Interactions that made contact (IsContactMade), any order.
  std::vector<InteractionFields> interactions;
};

struct NextReconnect {
  CadenceStage stage = CadenceStage::kCustom;
  Date due;
  int every_days = 0;  // the interval that set `due`
  std::string note;    // what to do: "meet for coffee?", "time to catch up"
};

// The next reconnect for a person, or nothing when no cadence applies (no
// cadence of their own, none from their tags, and not a new acquaintance) or
// while the follow-up stage is still open (its own reminder covers it).
// Rules, in order: an own cadence wins, then the tags' default: due = last
// contact (else met_on, else added_on; nothing without any) + days.
// Otherwise, for someone you met: after an email/message but no conversation
// since met_on -> coffee, due 14 days after that last contact; after a
// conversation later than met_on -> quarterly from the last one. A
// conversation on met_on itself is the meeting, not a meeting again.
// Cadences of zero or fewer days count as unset.
std::optional<NextReconnect> ComputeNextReconnect(const CadenceInput& input);

// The cadence that applies for health and drifting: own, tags', a staged
// one's current interval (14 days while following up or waiting for the
// coffee, 90 once met again), else `kQuarterlyDays * 2` as a loose default.
int EffectiveCadenceDays(const CadenceInput& input);

}  // namespace kith
