// Give: opportunities to pass on, whom to offer them to, and the ledger of
// what you and the people you know did for each other. One action per file.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/context.h"
#include "domain/give.h"
#include "domain/result.h"
#include "search/opportunity_ranking.h"

namespace kith {

// Validates (ValidateOpportunity) and stores a new opportunity, created today.
Result<Opportunity> AddOpportunity(Context& context, OpportunityFields fields);
// kNotFound for an unknown id.
Result<Opportunity> ShowOpportunity(Context& context, OpportunityId id);
// Open ones, newest first (closed ones too when `include_closed`).
Result<std::vector<Opportunity>> ListOpportunities(Context& context, bool include_closed);
// kConflict when it is already closed.
Result<Opportunity> CloseOpportunity(Context& context, OpportunityId id);

// The people to offer an opportunity to, best first, each with its reasons;
// people already offered it are left out. kNotFound for an unknown id,
// kConflict for a closed opportunity.
Result<std::vector<RankedMatch>> MatchOpportunity(Context& context, OpportunityId id, int limit);

struct GiveRequest {
  ContactId contact;
  std::string what;  // may be empty when `opportunity` says it
  std::optional<OpportunityId> opportunity;
  LedgerDirection direction = LedgerDirection::kFromMe;
  std::optional<Date> on;  // default today
};
// Records a give. kInvalidInput when there is nothing to say what was given;
// kNotFound for an unknown contact or opportunity.
Result<LedgerEntry> RecordGive(Context& context, GiveRequest request);

struct AskRequest {
  ContactId contact;
  std::string what;
  LedgerDirection direction = LedgerDirection::kToMe;  // kToMe: they asked you
  std::optional<Date> on;
};
Result<LedgerEntry> RecordAsk(Context& context, AskRequest request);

// A double opt-in introduction of two people: a give to each of them.
// kInvalidInput when both are the same person or `why` is empty.
Result<std::pair<LedgerEntry, LedgerEntry>> RecordIntroduction(Context& context, ContactId first,
                                                               ContactId second, std::string why,
                                                               std::optional<Date> on);

// Accepted, declined, hired, thanked. kNotFound for an unknown entry.
Result<LedgerEntry> SetLedgerOutcome(Context& context, LedgerEntryId id, LedgerOutcome outcome);

struct Ledger {
  Contact contact;                   // whose ledger it is
  std::vector<LedgerEntry> entries;  // oldest first
  LedgerBalance balance;
};
Result<Ledger> LedgerFor(Context& context, ContactId id);

// Your own profile: what kith suggests you share, and with whom.
struct MyProfile {
  std::string name;
  std::vector<std::string> skills;
  std::string known_for;  // what you want to be known for
};
Result<MyProfile> ShowMyProfile(Context& context);
// A change of your profile: each field given replaces that one (skills as a
// whole list), the others stay. Read and written in one transaction, so two
// changes at once each keep what the other set. Text is trimmed, empty
// skills dropped. Returns the profile as saved.
struct ProfileChange {
  std::optional<std::string> name;
  std::optional<std::vector<std::string>> skills;
  std::optional<std::string> known_for;
};
Result<MyProfile> ChangeMyProfile(Context& context, const ProfileChange& change);
// The people to tell about something you made or wrote (a post, a project):
// ranked as for an opportunity on `topic` and your skills.
Result<std::vector<RankedMatch>> WhomToTell(Context& context, const std::string& topic, int limit);

// For the day's agenda: each open opportunity with the first `per_opportunity`
// people to offer it to.
struct OpportunityToOffer {
  Opportunity opportunity;
  std::vector<RankedMatch> people;
};
Result<std::vector<OpportunityToOffer>> OpportunitiesToOffer(Context& context, int per_opportunity);

}  // namespace kith
