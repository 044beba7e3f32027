#include "agenda/health.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace kith {
namespace {

constexpr int kRecencyPoints = 40;
constexpr int kFrequencyPoints = 20;
constexpr int kReciprocityPoints = 20;
constexpr int kDepthPoints = 20;
// Reciprocity is half what you do for each other, half how much you listen.
constexpr int kGivePointsEachWay = kReciprocityPoints / 4;
constexpr int kListeningPoints = kReciprocityPoints / 2;
constexpr int kFactsForFullDepth = 6;
constexpr int kDaysPerYear = 365;
constexpr int kStrongFrom = 70;
constexpr int kWeakestPartsExplained = 2;

int RoundedShare(int max_points, double fraction) {
  return static_cast<int>(std::lround(max_points * std::clamp(fraction, 0.0, 1.0)));
}

std::string Counted(std::int64_t count, std::string_view noun) {
  std::string text = std::to_string(count) + " " + std::string(noun);
  if (count != 1) text += "s";
  return text;
}

// What recency counts from, and how to say it: contact beats meeting beats
// the day the card was added, since each says less about the relationship.
std::string RecencyWhy(const HealthInput& input, int cadence_days, std::int64_t days) {
  const std::string cadence = ", cadence " + Counted(cadence_days, "day");
  if (input.last_contact) return "last in touch " + DaysAgo(days) + cadence;
  if (input.met_on) return "met " + DaysAgo(days) + ", not in touch since" + cadence;
  return "added " + DaysAgo(days) + ", never in touch" + cadence;
}

// Full within the cadence, then falling in a straight line to nothing at
// three times it: a little late is fine, long silence is not.
Date RecencySince(const HealthInput& input) {
  return input.last_contact.value_or(input.met_on.value_or(input.added_on));
}

std::int64_t DaysSince(Date since, Date today) {
  return std::max<std::int64_t>(0, DaysBetween(since, today));
}

int RecencyPoints(const HealthInput& input, int cadence_days, Date today) {
  const double late_days = static_cast<double>(DaysSince(RecencySince(input), today) - cadence_days);
  return RoundedShare(kRecencyPoints, 1.0 - late_days / (2.0 * cadence_days));
}

HealthPart Recency(const HealthInput& input, int cadence_days, Date today) {
  return {"recency", RecencyPoints(input, cadence_days, today), kRecencyPoints,
          RecencyWhy(input, cadence_days, DaysSince(RecencySince(input), today))};
}

// Contacts in the last year against what the cadence asks for in the time
// you have known them: someone met last week is not a year behind.
std::int64_t KnownDays(const HealthInput& input, Date today) {
  Date known_since = input.met_on.value_or(input.added_on);
  // A card added today for someone you talked to last year: known since then.
  if (input.last_contact && *input.last_contact < known_since) known_since = *input.last_contact;
  return std::clamp<std::int64_t>(DaysBetween(known_since, today), 0, kDaysPerYear);
}

// Within the first cadence one contact is what the habit asks for (the
// next-day follow-up); none earns nothing, since nothing happened yet.
int FrequencyPoints(const HealthInput& input, int cadence_days, Date today) {
  const std::int64_t known_days = KnownDays(input, today);
  if (known_days < cadence_days) return input.contacts_last_year > 0 ? kFrequencyPoints : 0;
  const double expected = static_cast<double>(known_days) / cadence_days;
  return RoundedShare(kFrequencyPoints, input.contacts_last_year / expected);
}

HealthPart Frequency(const HealthInput& input, int cadence_days, Date today) {
  const int points = FrequencyPoints(input, cadence_days, today);
  const std::int64_t known_days = KnownDays(input, today);
  if (known_days < cadence_days) {
    const bool in_touch = input.contacts_last_year > 0;
    return {
        "frequency", points, kFrequencyPoints,
        "known for " + Counted(known_days, "day") + ", " +
            (in_touch ? Counted(input.contacts_last_year, "contact") + " so far" : "no conversation yet")};
  }
  const double expected = static_cast<double>(known_days) / cadence_days;
  const auto expected_shown = std::max<std::int64_t>(1, std::lround(expected));
  std::string why = Counted(input.contacts_last_year, "contact") + " in the last year, " +
                    std::to_string(expected_shown) + " expected";
  return {"frequency", points, kFrequencyPoints, std::move(why)};
}

std::string GivesWhy(const HealthInput& input) {
  if (input.gives_from_me == 0 && input.gives_to_me == 0) return "nothing given either way yet";
  return "you gave " + std::to_string(input.gives_from_me) + ", they gave " +
         std::to_string(input.gives_to_me);
}

bool EverInTouch(const HealthInput& input) {
  return input.last_contact.has_value() || input.contacts_last_year > 0 ||
         input.they_talked_average.has_value();
}

// The habit is to let them talk at least half the time; an unknown share
// scores half, neither rewarded nor held against them. Before any
// conversation there has been no listening to score.
int ListeningPoints(const HealthInput& input) {
  if (!EverInTouch(input)) return 0;
  if (!input.they_talked_average) return kListeningPoints / 2;
  return RoundedShare(kListeningPoints, *input.they_talked_average / 50.0);
}

std::string ListeningWhy(const HealthInput& input) {
  if (!EverInTouch(input)) return "no conversation yet";
  if (!input.they_talked_average) return "talking share not recorded";
  return "they talked " + std::to_string(*input.they_talked_average) + "% on average";
}

int ReciprocityPoints(const HealthInput& input) {
  const int give_points =
      (input.gives_from_me > 0 ? kGivePointsEachWay : 0) + (input.gives_to_me > 0 ? kGivePointsEachWay : 0);
  return give_points + ListeningPoints(input);
}

HealthPart Reciprocity(const HealthInput& input) {
  return {"reciprocity", ReciprocityPoints(input), kReciprocityPoints,
          GivesWhy(input) + ", " + ListeningWhy(input)};
}

int DepthPoints(const HealthInput& input) {
  return RoundedShare(kDepthPoints, static_cast<double>(input.facts_known) / kFactsForFullDepth);
}

HealthPart Depth(const HealthInput& input) {
  std::string why =
      input.facts_known <= 0 ? "no facts known yet" : Counted(input.facts_known, "fact") + " known";
  return {"depth", DepthPoints(input), kDepthPoints, std::move(why)};
}

// New: never in touch, and known for less than one cadence.
bool IsNew(const HealthInput& input, int cadence_days, Date today) {
  if (EverInTouch(input)) return false;
  const Date known_since = input.met_on.value_or(input.added_on);
  return DaysBetween(known_since, today) < cadence_days;
}

HealthState StateFor(const HealthInput& input, int cadence_days, int score, Date today) {
  if (IsNew(input, cadence_days, today)) return HealthState::kNew;
  if (score < kDriftingBelow) return HealthState::kDrifting;
  if (score < kStrongFrom) return HealthState::kSteady;
  return HealthState::kStrong;
}

// The parts that lost the largest share of their points, worst first, so the
// sentence points at what to do next.
std::string Explain(const std::vector<HealthPart>& parts) {
  std::vector<const HealthPart*> lacking;
  for (const auto& part : parts) {
    if (part.points < part.max_points) lacking.push_back(&part);
  }
  if (lacking.empty()) return "all good: in touch, often, both ways, and you know them well";
  std::stable_sort(lacking.begin(), lacking.end(), [](const HealthPart* left, const HealthPart* right) {
    return left->points * right->max_points < right->points * left->max_points;
  });
  std::string explanation;
  const auto shown = std::min<std::size_t>(lacking.size(), kWeakestPartsExplained);
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) explanation += "; ";
    explanation += lacking[i]->why;
  }
  return explanation;
}

// A cadence below a day cannot be kept; treat it as daily rather than divide by it.
int KeptCadence(const HealthInput& input) { return std::max(1, input.cadence_days); }

}  // namespace

std::string_view HealthStateName(HealthState state) {
  switch (state) {
    case HealthState::kNew:
      return "new";
    case HealthState::kDrifting:
      return "drifting";
    case HealthState::kSteady:
      return "steady";
    case HealthState::kStrong:
      return "strong";
  }
  return "drifting";
}

int HealthScore(const HealthInput& input, Date today) {
  const int cadence_days = KeptCadence(input);
  const int score = RecencyPoints(input, cadence_days, today) + FrequencyPoints(input, cadence_days, today) +
                    ReciprocityPoints(input) + DepthPoints(input);
  return std::clamp(score, 0, 100);
}

std::optional<Date> HealthChangesOn(const HealthInput& input, Date today,
                                    std::optional<Date> oldest_counted_contact) {
  // The day the oldest contact counted in the last year stops counting.
  std::optional<Date> leaves_year;
  if (oldest_counted_contact)
    leaves_year = std::max(today.AddDays(1), oldest_counted_contact->AddDays(kDaysPerYear + 1));
  // Past three cadences recency is spent, and past a year of knowing them
  // frequency expects no more: nothing moves after both, or before today.
  const int cadence_days = KeptCadence(input);
  const Date known_since = input.met_on.value_or(input.added_on);
  const std::int64_t ahead = std::max<std::int64_t>(0, DaysBetween(today, RecencySince(input))) +
                             std::max<std::int64_t>(0, DaysBetween(today, known_since));
  const std::int64_t horizon = ahead + 3LL * cadence_days + kDaysPerYear + 2;
  const int score = HealthScore(input, today);
  if (HealthScore(input, today.AddDays(horizon)) == score) return leaves_year;
  // The score only falls as days pass (recency and frequency are
  // non-increasing in the day), so the first day it differs is bisected.
  std::int64_t same = 0;
  std::int64_t differs = horizon;
  while (differs - same > 1) {
    const std::int64_t middle = same + (differs - same) / 2;
    (HealthScore(input, today.AddDays(middle)) == score ? same : differs) = middle;
  }
  const Date changes = today.AddDays(differs);
  return leaves_year && *leaves_year < changes ? *leaves_year : changes;
}

Health ComputeHealth(const HealthInput& input, Date today) {
  const int cadence_days = KeptCadence(input);
  Health health;
  health.parts = {Recency(input, cadence_days, today), Frequency(input, cadence_days, today),
                  Reciprocity(input), Depth(input)};
  for (const auto& part : health.parts) health.score += part.points;
  health.score = std::clamp(health.score, 0, 100);
  health.state = StateFor(input, cadence_days, health.score, today);
  health.label = std::string(HealthStateName(health.state));
  // What a new acquaintance needs is the first conversation, not a list of
  // parts that cannot have points yet.
  health.explanation = health.state == HealthState::kNew
                           ? "new: " + health.parts.front().why + "; no conversation yet"
                           : Explain(health.parts);
  return health;
}

}  // namespace kith
