#include "agenda/cadence.h"

namespace kith {
namespace {

constexpr std::string_view kCoffeeNote = "meet for coffee?";
constexpr std::string_view kCatchUpNote = "time to catch up";

// A cadence of zero days would make someone due every day forever: it can
// only be a mistake in the data, so it counts as no cadence at all.
std::optional<int> Positive(std::optional<int> days) {
  if (days && *days > 0) return days;
  return std::nullopt;
}

// The person's own cadence first, then the one their tags give.
std::optional<int> ChosenCadence(const CadenceInput& input) {
  if (auto own = Positive(input.cadence_days)) return own;
  return Positive(input.tag_cadence_days);
}

// The day of the latest interaction that passes `counts`.
template <typename Predicate>
std::optional<Date> LatestWhere(const CadenceInput& input, Predicate counts) {
  std::optional<Date> latest;
  for (const auto& interaction : input.interactions) {
    if (counts(interaction) && (!latest || *latest < interaction.on)) latest = interaction.on;
  }
  return latest;
}

std::optional<Date> LastContact(const CadenceInput& input) {
  return LatestWhere(input,
                     [](const InteractionFields& interaction) { return IsContactMade(interaction.kind); });
}

// Where a new acquaintance stands in the staged cadence, with the day the
// current stage started counting from (empty while the follow-up is open).
struct StagePosition {
  CadenceStage stage = CadenceStage::kFollowUp;
  std::optional<Date> since;
};

StagePosition StagedPosition(const CadenceInput& input, Date met_on) {
  // The meeting itself may be logged on the day you met; only a later
  // conversation is "meeting again".
  const auto last_conversation = LatestWhere(input, [met_on](const InteractionFields& interaction) {
    return interaction.on > met_on && IsConversation(interaction.kind);
  });
  if (last_conversation) return {CadenceStage::kQuarterly, last_conversation};
  // A note to yourself is not a follow-up; writing to them the same day is.
  const auto last_written = LatestWhere(input, [met_on](const InteractionFields& interaction) {
    return interaction.on >= met_on && IsContactMade(interaction.kind) && !IsConversation(interaction.kind);
  });
  if (last_written) return {CadenceStage::kCoffee, last_written};
  return {CadenceStage::kFollowUp, std::nullopt};
}

int StageInterval(CadenceStage stage) {
  switch (stage) {
    case CadenceStage::kFollowUp:
    case CadenceStage::kCoffee:
      return kCoffeeAfterFollowUpDays;
    case CadenceStage::kQuarterly:
      return kQuarterlyDays;
    case CadenceStage::kCustom:
      break;  // a chosen cadence is never a stage of the staged one
  }
  return kQuarterlyDays * 2;
}

std::optional<NextReconnect> ChosenReconnect(const CadenceInput& input, int every_days) {
  std::optional<Date> anchor = LastContact(input);
  if (!anchor) anchor = input.met_on;
  if (!anchor) anchor = input.added_on;
  if (!anchor) return std::nullopt;
  return NextReconnect{CadenceStage::kCustom, anchor->AddDays(every_days), every_days,
                       std::string(kCatchUpNote)};
}

std::optional<NextReconnect> StagedReconnect(const CadenceInput& input, Date met_on) {
  const StagePosition position = StagedPosition(input, met_on);
  if (!position.since) return std::nullopt;
  const int every_days = StageInterval(position.stage);
  const std::string_view note = position.stage == CadenceStage::kCoffee ? kCoffeeNote : kCatchUpNote;
  return NextReconnect{position.stage, position.since->AddDays(every_days), every_days, std::string(note)};
}

}  // namespace

std::string_view CadenceStageName(CadenceStage stage) {
  switch (stage) {
    case CadenceStage::kFollowUp:
      return "follow-up";
    case CadenceStage::kCoffee:
      return "coffee";
    case CadenceStage::kQuarterly:
      return "quarterly";
    case CadenceStage::kCustom:
      return "custom";
  }
  return "custom";
}

std::optional<NextReconnect> ComputeNextReconnect(const CadenceInput& input) {
  if (const auto every_days = ChosenCadence(input)) return ChosenReconnect(input, *every_days);
  if (input.met_on) return StagedReconnect(input, *input.met_on);
  return std::nullopt;
}

int EffectiveCadenceDays(const CadenceInput& input) {
  if (const auto every_days = ChosenCadence(input)) return *every_days;
  if (input.met_on) return StageInterval(StagedPosition(input, *input.met_on).stage);
  return kQuarterlyDays * 2;
}

}  // namespace kith
