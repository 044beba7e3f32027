// Habit 4, give: opportunities that come your way, and the ledger of what
// you and the people you know have done for each other.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/contact.h"
#include "domain/date.h"

namespace kith {

enum class OpportunityKind { kJob, kProject, kTickets, kIntro, kOther };
// "job", "project", "tickets", "intro", "other".
std::string_view OpportunityKindName(OpportunityKind kind);
std::optional<OpportunityKind> ParseOpportunityKind(std::string_view name);

struct OpportunityId {
  std::int64_t value = 0;
  auto operator<=>(const OpportunityId&) const = default;  // NOLINT(modernize-use-nullptr)
};

// What a person can say about an opportunity.
struct OpportunityFields {
  OpportunityKind kind = OpportunityKind::kOther;
  std::string title;
  std::string description;
  std::vector<std::string> skills;  // wanted
  std::string place;
  std::optional<Date> deadline;
  std::string source;  // who or where it came from
  bool operator==(const OpportunityFields&) const = default;
};

struct Opportunity : OpportunityFields {
  OpportunityId id;
  Date created_on;
  std::optional<Date> closed_on;
};

// kInvalidInput naming the field: a missing title; nothing to match on (no
// skills, and no word of three letters or more in the title or the
// description); a deadline before `today`.
Status ValidateOpportunity(const OpportunityFields& fields, Date today);

// "Open to opportunities" lapses six months after it was last confirmed
// (`open_since`): an old "looking" is worse than none.
inline constexpr int kOpenToOpportunitiesDays = 182;
bool IsOpenToOpportunities(const ContactFields& contact, Date today);

// The ledger: a give (you offered or did something), an ask (a request,
// either way) or an introduction (a give to both people).
enum class LedgerKind { kGive, kAsk, kIntro };
enum class LedgerDirection { kFromMe, kToMe };  // a give from you to them, or from them to you
enum class LedgerOutcome { kOpen, kAccepted, kDeclined, kHired, kThanked };
std::string_view LedgerKindName(LedgerKind kind);
std::string_view LedgerDirectionName(LedgerDirection direction);  // "from-me", "to-me"
// The kind or direction a name stands for (case and spaces ignored), or
// nullopt for a name that is none of them.
std::optional<LedgerKind> ParseLedgerKind(std::string_view name);
std::optional<LedgerDirection> ParseLedgerDirection(std::string_view name);
std::string_view LedgerOutcomeName(LedgerOutcome outcome);
std::optional<LedgerOutcome> ParseLedgerOutcome(std::string_view name);

struct LedgerEntryId {
  std::int64_t value = 0;
  auto operator<=>(const LedgerEntryId&) const = default;  // NOLINT(modernize-use-nullptr)
};

struct LedgerEntry {
  LedgerEntryId id;
  ContactId contact;
  LedgerKind kind = LedgerKind::kGive;
  LedgerDirection direction = LedgerDirection::kFromMe;
  std::string what;
  Date on;
  LedgerOutcome outcome = LedgerOutcome::kOpen;
  std::optional<OpportunityId> opportunity;
  std::optional<ContactId> introduced_to;  // the other person of an introduction
  std::string why;                         // why two people should meet
};

// Gives each way with one person, and what stands open.
struct LedgerBalance {
  int given = 0;      // gives and introductions from you
  int received = 0;   // gives from them
  int open_asks = 0;  // asks either way still open
  int balance() const { return given - received; }
};
LedgerBalance BalanceOf(const std::vector<LedgerEntry>& entries);

}  // namespace kith
