// Opportunities, "open to opportunities" and the ledger as plain values.
#include "domain/give.h"

#include <gtest/gtest.h>

namespace kith {
namespace {

constexpr Date kToday{2026, 11, 26};

OpportunityFields Job() {
  OpportunityFields fields;
  fields.kind = OpportunityKind::kJob;
  fields.title = "Staff C++ engineer";
  fields.skills = {"C++", "SQLite"};
  return fields;
}

ContactFields OpenSince(std::optional<Date> since) {
  ContactFields contact;
  contact.display_name = "Ada Okafor";
  contact.open_to_opportunities = true;
  contact.open_since = since;
  return contact;
}

LedgerEntry Entry(LedgerKind kind, LedgerDirection direction, LedgerOutcome outcome = LedgerOutcome::kOpen) {
  LedgerEntry entry;
  entry.kind = kind;
  entry.direction = direction;
  entry.outcome = outcome;
  entry.what = "something";
  entry.on = kToday;
  return entry;
}

// ValidateOpportunity

TEST(ValidateOpportunity, AcceptsATitleWithSkills) { EXPECT_TRUE(ValidateOpportunity(Job(), kToday)); }

TEST(ValidateOpportunity, AcceptsADescriptionInsteadOfSkills) {
  OpportunityFields fields = Job();
  fields.skills.clear();
  fields.description = "Someone who knows embedded databases";
  EXPECT_TRUE(ValidateOpportunity(fields, kToday));
}

TEST(ValidateOpportunity, RejectsAMissingTitle) {
  OpportunityFields fields = Job();
  fields.title = "   ";
  const Status status = ValidateOpportunity(fields, kToday);
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(status.error().field, "title");
}

TEST(ValidateOpportunity, RejectsNothingToMatchOnWithTheMessageSayingWhatToGive) {
  OpportunityFields fields = Job();
  fields.title = "X 2";
  fields.skills = {"", "  "};
  fields.description = " ";
  const Status status = ValidateOpportunity(fields, kToday);
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(status.error().field, "skills");
  EXPECT_EQ(status.error().message,
            "nothing to match on: give a title with words in it, the skills wanted (--skill) or a "
            "description (--description)");
}

TEST(ValidateOpportunity, RejectsADeadlineThatHasPassed) {
  OpportunityFields fields = Job();
  fields.deadline = Date{2026, 11, 25};
  const Status status = ValidateOpportunity(fields, kToday);
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(status.error().field, "deadline");
  EXPECT_NE(status.error().message.find("2026-11-25"), std::string::npos) << status.error().message;
}

TEST(ValidateOpportunity, AcceptsADeadlineOfToday) {
  OpportunityFields fields = Job();
  fields.deadline = kToday;
  EXPECT_TRUE(ValidateOpportunity(fields, kToday));
}

// IsOpenToOpportunities

TEST(IsOpenToOpportunities, OpenSinceAHundredDaysIsOpen) {
  EXPECT_TRUE(IsOpenToOpportunities(OpenSince(kToday.AddDays(-100)), kToday));
}

TEST(IsOpenToOpportunities, OpenSinceExactlySixMonthsIsStillOpen) {
  EXPECT_TRUE(IsOpenToOpportunities(OpenSince(kToday.AddDays(-kOpenToOpportunitiesDays)), kToday));
}

TEST(IsOpenToOpportunities, LapsesAfterSixMonths) {
  EXPECT_FALSE(IsOpenToOpportunities(OpenSince(kToday.AddDays(-183)), kToday));
  EXPECT_FALSE(IsOpenToOpportunities(OpenSince(kToday.AddDays(-400)), kToday));
}

TEST(IsOpenToOpportunities, OpenWithoutADateIsOpen) {
  EXPECT_TRUE(IsOpenToOpportunities(OpenSince(std::nullopt), kToday));
}

TEST(IsOpenToOpportunities, NotOpenIsNotOpenWhateverTheDate) {
  ContactFields contact = OpenSince(kToday.AddDays(-3));
  contact.open_to_opportunities = false;
  EXPECT_FALSE(IsOpenToOpportunities(contact, kToday));
}

// BalanceOf

TEST(BalanceOf, CountsGivesFromMeAsGiven) {
  const LedgerBalance balance = BalanceOf({Entry(LedgerKind::kGive, LedgerDirection::kFromMe),
                                           Entry(LedgerKind::kGive, LedgerDirection::kFromMe)});
  EXPECT_EQ(balance.given, 2);
  EXPECT_EQ(balance.received, 0);
  EXPECT_EQ(balance.balance(), 2);
}

TEST(BalanceOf, CountsGivesToMeAsReceived) {
  const LedgerBalance balance = BalanceOf(
      {Entry(LedgerKind::kGive, LedgerDirection::kToMe), Entry(LedgerKind::kGive, LedgerDirection::kFromMe)});
  EXPECT_EQ(balance.given, 1);
  EXPECT_EQ(balance.received, 1);
  EXPECT_EQ(balance.balance(), 0);
}

TEST(BalanceOf, CountsAnIntroductionAsGiven) {
  const LedgerBalance balance = BalanceOf({Entry(LedgerKind::kIntro, LedgerDirection::kFromMe)});
  EXPECT_EQ(balance.given, 1);
  EXPECT_EQ(balance.received, 0);
}

TEST(BalanceOf, CountsOpenAsksEitherWayButNotAsGives) {
  const LedgerBalance balance = BalanceOf(
      {Entry(LedgerKind::kAsk, LedgerDirection::kToMe), Entry(LedgerKind::kAsk, LedgerDirection::kFromMe),
       Entry(LedgerKind::kAsk, LedgerDirection::kToMe, LedgerOutcome::kAccepted)});
  EXPECT_EQ(balance.open_asks, 2);
  EXPECT_EQ(balance.given, 0);
  EXPECT_EQ(balance.received, 0);
}

TEST(BalanceOf, IsZeroForNoEntries) {
  const LedgerBalance balance = BalanceOf({});
  EXPECT_EQ(balance.given, 0);
  EXPECT_EQ(balance.received, 0);
  EXPECT_EQ(balance.open_asks, 0);
}

// Names and parsing

TEST(OpportunityKindName, RoundTripsThroughParse) {
  for (const OpportunityKind kind :
       {OpportunityKind::kJob, OpportunityKind::kProject, OpportunityKind::kTickets, OpportunityKind::kIntro,
        OpportunityKind::kOther}) {
    EXPECT_EQ(ParseOpportunityKind(OpportunityKindName(kind)), kind) << OpportunityKindName(kind);
  }
}

TEST(ParseOpportunityKind, IgnoresCaseAndSpaceAndTakesTheSingular) {
  EXPECT_EQ(ParseOpportunityKind(" JOB "), OpportunityKind::kJob);
  EXPECT_EQ(ParseOpportunityKind("Ticket"), OpportunityKind::kTickets);
}

TEST(ParseOpportunityKind, RejectsAnUnknownKind) {
  EXPECT_EQ(ParseOpportunityKind("spaceship"), std::nullopt);
}

TEST(LedgerOutcomeName, RoundTripsThroughParse) {
  for (const LedgerOutcome outcome :
       {LedgerOutcome::kOpen, LedgerOutcome::kAccepted, LedgerOutcome::kDeclined, LedgerOutcome::kHired,
        LedgerOutcome::kThanked}) {
    EXPECT_EQ(ParseLedgerOutcome(LedgerOutcomeName(outcome)), outcome) << LedgerOutcomeName(outcome);
  }
}

TEST(ParseLedgerOutcome, IgnoresCaseAndRejectsUnknown) {
  EXPECT_EQ(ParseLedgerOutcome("Hired"), LedgerOutcome::kHired);
  EXPECT_EQ(ParseLedgerOutcome("promoted"), std::nullopt);
}

TEST(LedgerNames, AreTheWordsUsedInJsonAndTheDatabase) {
  EXPECT_EQ(LedgerKindName(LedgerKind::kGive), "give");
  EXPECT_EQ(LedgerKindName(LedgerKind::kAsk), "ask");
  EXPECT_EQ(LedgerKindName(LedgerKind::kIntro), "intro");
  EXPECT_EQ(LedgerDirectionName(LedgerDirection::kFromMe), "from-me");
  EXPECT_EQ(LedgerDirectionName(LedgerDirection::kToMe), "to-me");
}

TEST(ValidateOpportunity, AcceptsATitleAloneSinceItsWordsAreMatched) {
  OpportunityFields fields = Job();
  fields.title = "Two tickets to the jazz night";
  fields.skills.clear();
  fields.description.clear();
  EXPECT_TRUE(ValidateOpportunity(fields, kToday));
}

}  // namespace
}  // namespace kith
