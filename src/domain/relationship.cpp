#include "domain/relationship.h"

#include <array>
#include <utility>

#include "domain/validation.h"

namespace kith {
namespace {

// One table per enum: the name is the only spelling, parsing is its inverse.
template <typename Enum, std::size_t N>
std::optional<Enum> ParseByName(const std::array<std::pair<Enum, std::string_view>, N>& names,
                                std::string_view text) {
  const std::string folded = AsciiLower(Trim(text));
  for (const auto& [value, name] : names) {
    if (folded == name) return value;
  }
  return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string_view NameOf(const std::array<std::pair<Enum, std::string_view>, N>& names, Enum value) {
  for (const auto& [candidate, name] : names) {
    if (candidate == value) return name;
  }
  return names.front().second;
}

constexpr std::array<std::pair<InteractionKind, std::string_view>, 7> kInteractionKinds = {{
    {InteractionKind::kCoffee, "coffee"},
    {InteractionKind::kMeeting, "meeting"},
    {InteractionKind::kCall, "call"},
    {InteractionKind::kEmail, "email"},
    {InteractionKind::kMessage, "message"},
    {InteractionKind::kEvent, "event"},
    {InteractionKind::kNote, "note"},
}};

constexpr std::array<std::pair<FactKind, std::string_view>, 2> kFactKinds = {{
    {FactKind::kPersonal, "personal"},
    {FactKind::kProfessional, "professional"},
}};

constexpr std::array<std::pair<ReminderKind, std::string_view>, 3> kReminderKinds = {{
    {ReminderKind::kFollowUp, "follow-up"},
    {ReminderKind::kReconnect, "reconnect"},
    {ReminderKind::kCustom, "custom"},
}};

constexpr std::array<std::pair<ReminderState, std::string_view>, 3> kReminderStates = {{
    {ReminderState::kOpen, "open"},
    {ReminderState::kDone, "done"},
    {ReminderState::kDismissed, "dismissed"},
}};

}  // namespace

std::string_view InteractionKindName(InteractionKind kind) { return NameOf(kInteractionKinds, kind); }
std::optional<InteractionKind> ParseInteractionKind(std::string_view name) {
  return ParseByName(kInteractionKinds, name);
}

bool IsConversation(InteractionKind kind) {
  return kind == InteractionKind::kCoffee || kind == InteractionKind::kMeeting ||
         kind == InteractionKind::kCall || kind == InteractionKind::kEvent;
}

bool IsContactMade(InteractionKind kind) { return kind != InteractionKind::kNote; }

std::string_view FactKindName(FactKind kind) { return NameOf(kFactKinds, kind); }
std::optional<FactKind> ParseFactKind(std::string_view name) { return ParseByName(kFactKinds, name); }

std::string_view ReminderKindName(ReminderKind kind) { return NameOf(kReminderKinds, kind); }
std::optional<ReminderKind> ParseReminderKind(std::string_view name) {
  if (AsciiLower(Trim(name)) == "followup") return ReminderKind::kFollowUp;
  return ParseByName(kReminderKinds, name);
}

std::string_view ReminderStateName(ReminderState state) { return NameOf(kReminderStates, state); }
std::optional<ReminderState> ParseReminderState(std::string_view name) {
  return ParseByName(kReminderStates, name);
}

Result<std::string> NormalizeFactKey(std::string_view key) {
  std::string normalized;
  for (const char c : Trim(key)) {
    if (c == ' ' || c == '-' || c == '_') {
      if (!normalized.empty() && normalized.back() != '_') normalized += '_';
    } else if (c >= 'A' && c <= 'Z') {
      normalized += static_cast<char>(c - 'A' + 'a');
    } else {
      normalized += c;
    }
  }
  while (!normalized.empty() && normalized.back() == '_') normalized.pop_back();
  if (normalized.empty()) return Fail(ErrorCode::kInvalidInput, "a fact needs a key, e.g. hometown", "fact");
  return normalized;
}

Result<Fact> ParseFactSpec(std::string_view spec) {
  const auto colon = spec.find(':');
  const auto equals = spec.find('=');
  if (colon == std::string_view::npos || equals == std::string_view::npos || equals < colon) {
    return Fail(
        ErrorCode::kInvalidInput,
        "fact '" + std::string(spec) + "' is not in the form personal:KEY=VALUE or professional:KEY=VALUE",
        "fact");
  }
  const auto kind = ParseFactKind(spec.substr(0, colon));
  if (!kind) {
    return Fail(ErrorCode::kInvalidInput,
                "fact '" + std::string(spec) + "': '" + std::string(spec.substr(0, colon)) +
                    "' is neither personal nor professional",
                "fact");
  }
  Fact fact;
  fact.kind = *kind;
  KITH_ASSIGN_OR_RETURN(fact.key, NormalizeFactKey(spec.substr(colon + 1, equals - colon - 1)));
  fact.value = Trim(spec.substr(equals + 1));
  if (fact.value.size() >= 2 && fact.value.front() == '"' && fact.value.back() == '"') {
    fact.value = fact.value.substr(1, fact.value.size() - 2);
  }
  if (fact.value.empty()) {
    return Fail(ErrorCode::kInvalidInput, "fact '" + std::string(spec) + "' has no value", "fact");
  }
  return fact;
}

Status ValidateTalkShare(int percent) {
  if (percent < 0 || percent > 100) {
    return Fail(ErrorCode::kInvalidInput,
                "--they-talked " + std::to_string(percent) + " is not a share between 0 and 100",
                "they_talked");
  }
  return Ok();
}

std::int64_t Reminder::DaysOverdue(Date today) const {
  const std::int64_t days = DaysBetween(due, today);
  return days > 0 ? days : 0;
}

}  // namespace kith
