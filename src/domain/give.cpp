#include "domain/give.h"

#include <cctype>

#include "domain/validation.h"

namespace kith {

std::string_view OpportunityKindName(OpportunityKind kind) {
  switch (kind) {
    case OpportunityKind::kJob:
      return "job";
    case OpportunityKind::kProject:
      return "project";
    case OpportunityKind::kTickets:
      return "tickets";
    case OpportunityKind::kIntro:
      return "intro";
    case OpportunityKind::kOther:
      return "other";
  }
  return "other";
}

std::optional<OpportunityKind> ParseOpportunityKind(std::string_view name) {
  const std::string folded = AsciiLower(Trim(name));
  for (const OpportunityKind kind :
       {OpportunityKind::kJob, OpportunityKind::kProject, OpportunityKind::kTickets, OpportunityKind::kIntro,
        OpportunityKind::kOther}) {
    if (folded == OpportunityKindName(kind)) return kind;
  }
  if (folded == "ticket") return OpportunityKind::kTickets;
  return std::nullopt;
}

namespace {

// Matching reads words of three or more letters or digits (shorter ones
// would match half the list); a text without one gives it nothing.
bool HasWordToMatch(std::string_view text) {
  constexpr int kShortestWord = 3;
  int run = 0;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool part_of_word = std::isalnum(byte) != 0 || byte >= 0x80;
    run = part_of_word ? run + 1 : 0;
    if (run >= kShortestWord) return true;
  }
  return false;
}

}  // namespace

Status ValidateOpportunity(const OpportunityFields& fields, Date today) {
  if (Trim(fields.title).empty()) {
    return Fail(ErrorCode::kInvalidInput, "an opportunity needs a title", "title");
  }
  bool has_skill = false;
  for (const auto& skill : fields.skills) has_skill = has_skill || !Trim(skill).empty();
  // The title's words are matched too, so a title that says what it is
  // ("Two tickets to the jazz night") is enough.
  if (!has_skill && !HasWordToMatch(fields.title) && !HasWordToMatch(fields.description)) {
    return Fail(ErrorCode::kInvalidInput,
                "nothing to match on: give a title with words in it, the skills wanted (--skill) or a "
                "description (--description)",
                "skills");
  }
  if (fields.deadline && *fields.deadline < today) {
    return Fail(
        ErrorCode::kInvalidInput,
        "the deadline " + fields.deadline->ToIso() + " has already passed (today is " + today.ToIso() + ")",
        "deadline");
  }
  return Ok();
}

bool IsOpenToOpportunities(const ContactFields& contact, Date today) {
  if (!contact.open_to_opportunities) return false;
  if (!contact.open_since) return true;
  return DaysBetween(*contact.open_since, today) <= kOpenToOpportunitiesDays;
}

std::string_view LedgerKindName(LedgerKind kind) {
  switch (kind) {
    case LedgerKind::kGive:
      return "give";
    case LedgerKind::kAsk:
      return "ask";
    case LedgerKind::kIntro:
      return "intro";
  }
  return "give";
}

std::string_view LedgerDirectionName(LedgerDirection direction) {
  switch (direction) {
    case LedgerDirection::kFromMe:
      return "from-me";
    case LedgerDirection::kToMe:
      return "to-me";
  }
  return "from-me";
}

std::string_view LedgerOutcomeName(LedgerOutcome outcome) {
  switch (outcome) {
    case LedgerOutcome::kOpen:
      return "open";
    case LedgerOutcome::kAccepted:
      return "accepted";
    case LedgerOutcome::kDeclined:
      return "declined";
    case LedgerOutcome::kHired:
      return "hired";
    case LedgerOutcome::kThanked:
      return "thanked";
  }
  return "open";
}

std::optional<LedgerKind> ParseLedgerKind(std::string_view name) {
  const std::string folded = AsciiLower(Trim(name));
  for (const LedgerKind kind : {LedgerKind::kGive, LedgerKind::kAsk, LedgerKind::kIntro}) {
    if (folded == LedgerKindName(kind)) return kind;
  }
  return std::nullopt;
}

std::optional<LedgerDirection> ParseLedgerDirection(std::string_view name) {
  const std::string folded = AsciiLower(Trim(name));
  for (const LedgerDirection direction : {LedgerDirection::kFromMe, LedgerDirection::kToMe}) {
    if (folded == LedgerDirectionName(direction)) return direction;
  }
  return std::nullopt;
}

std::optional<LedgerOutcome> ParseLedgerOutcome(std::string_view name) {
  const std::string folded = AsciiLower(Trim(name));
  for (const LedgerOutcome outcome :
       {LedgerOutcome::kOpen, LedgerOutcome::kAccepted, LedgerOutcome::kDeclined, LedgerOutcome::kHired,
        LedgerOutcome::kThanked}) {
    if (folded == LedgerOutcomeName(outcome)) return outcome;
  }
  return std::nullopt;
}

LedgerBalance BalanceOf(const std::vector<LedgerEntry>& entries) {
  LedgerBalance balance;
  for (const auto& entry : entries) {
    if (entry.kind == LedgerKind::kAsk) {
      if (entry.outcome == LedgerOutcome::kOpen) ++balance.open_asks;
      continue;
    }
    if (entry.direction == LedgerDirection::kFromMe) {
      ++balance.given;
    } else {
      ++balance.received;
    }
  }
  return balance;
}

}  // namespace kith
