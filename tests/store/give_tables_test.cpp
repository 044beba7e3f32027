// Opportunities, the ledger and settings as the stores keep them: every
// test on both stores.
#include <gtest/gtest.h>

#include "domain/contact_merge.h"
#include "store/store.h"
#include "support/temp_database.h"

namespace kith {
namespace {

constexpr const char* kNow = "2026-11-26T12:00:00Z";
constexpr Date kToday{2026, 11, 26};

class GiveTables : public ::testing::TestWithParam<testing::StoreKind> {
 protected:
  Store& store() { return world_.store(); }

  ContactId AddPerson(const std::string& name) {
    ContactFields fields;
    fields.display_name = name;
    auto contact = store().InsertContact(fields, "uid-" + name, kNow);
    EXPECT_TRUE(contact) << contact.error().message;
    return contact ? contact->id : ContactId{};
  }

  OpportunityId AddOpportunity(const std::string& title, Date created_on = kToday) {
    OpportunityFields fields;
    fields.title = title;
    fields.skills = {"C++"};
    auto opportunity = store().InsertOpportunity(fields, created_on);
    EXPECT_TRUE(opportunity) << opportunity.error().message;
    return opportunity ? opportunity->id : OpportunityId{};
  }

  LedgerEntryId Record(ContactId contact, LedgerKind kind, LedgerDirection direction, Date on,
                       std::optional<OpportunityId> opportunity = std::nullopt) {
    LedgerEntry entry;
    entry.contact = contact;
    entry.kind = kind;
    entry.direction = direction;
    entry.what = std::string(LedgerKindName(kind)) + " on " + on.ToIso();
    entry.on = on;
    entry.opportunity = opportunity;
    auto stored = store().InsertLedgerEntry(entry);
    EXPECT_TRUE(stored) << stored.error().message;
    return stored ? stored->id : LedgerEntryId{};
  }

  std::vector<OpportunityId> Listed(bool include_closed) {
    auto listed = store().ListOpportunities(include_closed);
    EXPECT_TRUE(listed) << listed.error().message;
    std::vector<OpportunityId> ids;
    if (listed) {
      for (const auto& opportunity : *listed) ids.push_back(opportunity.id);
    }
    return ids;
  }

  std::vector<std::string> WhatOf(ContactId contact) {
    auto entries = store().LedgerOf(contact);
    EXPECT_TRUE(entries) << entries.error().message;
    std::vector<std::string> what;
    if (entries) {
      for (const auto& entry : *entries) what.push_back(entry.what);
    }
    return what;
  }

  testing::TestWorld world_{GetParam()};
};

KITH_ON_BOTH_STORES(GiveTables);

// Opportunities

TEST_P(GiveTables, AnOpportunityComesBackAsStoredWithItsSkillsInOrder) {
  OpportunityFields fields;
  fields.kind = OpportunityKind::kProject;
  fields.title = "Port the storage engine";
  fields.description = "Three months, remote friendly";
  fields.skills = {"SQLite", "C++", "Rust"};
  fields.place = "Chicago";
  fields.deadline = Date{2026, 12, 31};
  fields.source = "Ada at the meetup";
  auto inserted = store().InsertOpportunity(fields, kToday);
  ASSERT_TRUE(inserted) << inserted.error().message;

  auto stored = store().GetOpportunity(inserted->id);
  ASSERT_TRUE(stored) << stored.error().message;
  EXPECT_EQ(static_cast<const OpportunityFields&>(*stored), fields);
  EXPECT_EQ(stored->created_on, kToday);
  EXPECT_EQ(stored->closed_on, std::nullopt);
}

TEST_P(GiveTables, AnOpportunityWithoutADeadlineHasNone) {
  auto stored = store().GetOpportunity(AddOpportunity("Anything"));
  ASSERT_TRUE(stored) << stored.error().message;
  EXPECT_EQ(stored->deadline, std::nullopt);
}

TEST_P(GiveTables, AnUnknownOpportunityIsNotFound) {
  auto stored = store().GetOpportunity(OpportunityId{99});
  ASSERT_FALSE(stored);
  EXPECT_EQ(stored.error().code, ErrorCode::kNotFound);
}

TEST_P(GiveTables, ListsOpenOpportunitiesNewestFirst) {
  const OpportunityId first = AddOpportunity("First");
  const OpportunityId second = AddOpportunity("Second");
  const OpportunityId third = AddOpportunity("Third");
  ASSERT_TRUE(store().CloseOpportunity(second, kToday));
  EXPECT_EQ(Listed(false), (std::vector<OpportunityId>{third, first}));
}

TEST_P(GiveTables, ListsClosedOpportunitiesTooWhenAsked) {
  const OpportunityId first = AddOpportunity("First");
  const OpportunityId second = AddOpportunity("Second");
  const OpportunityId third = AddOpportunity("Third");
  ASSERT_TRUE(store().CloseOpportunity(second, kToday));
  EXPECT_EQ(Listed(true), (std::vector<OpportunityId>{third, second, first}));
}

TEST_P(GiveTables, ClosingRecordsTheDay) {
  const OpportunityId id = AddOpportunity("Tickets");
  ASSERT_TRUE(store().CloseOpportunity(id, Date{2026, 11, 20}));
  auto stored = store().GetOpportunity(id);
  ASSERT_TRUE(stored) << stored.error().message;
  EXPECT_EQ(stored->closed_on, (Date{2026, 11, 20}));
}

TEST_P(GiveTables, ClosingTwiceIsAConflict) {
  const OpportunityId id = AddOpportunity("Tickets");
  ASSERT_TRUE(store().CloseOpportunity(id, kToday));
  const Status again = store().CloseOpportunity(id, kToday);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

TEST_P(GiveTables, ClosingAnUnknownOpportunityIsNotFound) {
  const Status closed = store().CloseOpportunity(OpportunityId{99}, kToday);
  ASSERT_FALSE(closed);
  EXPECT_EQ(closed.error().code, ErrorCode::kNotFound);
}

// The ledger

TEST_P(GiveTables, ALedgerEntryComesBackAsStored) {
  const ContactId ada = AddPerson("Ada");
  const ContactId bo = AddPerson("Bo");
  const OpportunityId opportunity = AddOpportunity("Staff engineer");
  LedgerEntry entry;
  entry.contact = ada;
  entry.kind = LedgerKind::kIntro;
  entry.direction = LedgerDirection::kFromMe;
  entry.what = "introduced to Bo";
  entry.on = Date{2026, 11, 3};
  entry.outcome = LedgerOutcome::kThanked;
  entry.opportunity = opportunity;
  entry.introduced_to = bo;
  entry.why = "both build databases";
  auto inserted = store().InsertLedgerEntry(entry);
  ASSERT_TRUE(inserted) << inserted.error().message;

  auto stored = store().GetLedgerEntry(inserted->id);
  ASSERT_TRUE(stored) << stored.error().message;
  EXPECT_EQ(stored->contact, ada);
  EXPECT_EQ(stored->kind, LedgerKind::kIntro);
  EXPECT_EQ(stored->direction, LedgerDirection::kFromMe);
  EXPECT_EQ(stored->what, "introduced to Bo");
  EXPECT_EQ(stored->on, (Date{2026, 11, 3}));
  EXPECT_EQ(stored->outcome, LedgerOutcome::kThanked);
  EXPECT_EQ(stored->opportunity, opportunity);
  EXPECT_EQ(stored->introduced_to, bo);
  EXPECT_EQ(stored->why, "both build databases");
}

TEST_P(GiveTables, AnEntryWithoutOpportunityOrIntroductionHasNeither) {
  const LedgerEntryId id = Record(AddPerson("Ada"), LedgerKind::kAsk, LedgerDirection::kToMe, kToday);
  auto stored = store().GetLedgerEntry(id);
  ASSERT_TRUE(stored) << stored.error().message;
  EXPECT_EQ(stored->kind, LedgerKind::kAsk);
  EXPECT_EQ(stored->direction, LedgerDirection::kToMe);
  EXPECT_EQ(stored->opportunity, std::nullopt);
  EXPECT_EQ(stored->introduced_to, std::nullopt);
}

TEST_P(GiveTables, AnUnknownLedgerEntryIsNotFound) {
  auto stored = store().GetLedgerEntry(LedgerEntryId{99});
  ASSERT_FALSE(stored);
  EXPECT_EQ(stored.error().code, ErrorCode::kNotFound);
}

TEST_P(GiveTables, SettingAnOutcomeIsStored) {
  const LedgerEntryId id = Record(AddPerson("Ada"), LedgerKind::kGive, LedgerDirection::kFromMe, kToday);
  ASSERT_TRUE(store().SetLedgerOutcome(id, LedgerOutcome::kHired));
  auto stored = store().GetLedgerEntry(id);
  ASSERT_TRUE(stored) << stored.error().message;
  EXPECT_EQ(stored->outcome, LedgerOutcome::kHired);
}

TEST_P(GiveTables, SettingTheOutcomeOfAnUnknownEntryIsNotFound) {
  const Status set = store().SetLedgerOutcome(LedgerEntryId{99}, LedgerOutcome::kHired);
  ASSERT_FALSE(set);
  EXPECT_EQ(set.error().code, ErrorCode::kNotFound);
}

TEST_P(GiveTables, LedgerOfListsOnePersonsEntriesOldestFirst) {
  const ContactId ada = AddPerson("Ada");
  const ContactId bo = AddPerson("Bo");
  Record(ada, LedgerKind::kGive, LedgerDirection::kFromMe, Date{2026, 10, 1});
  Record(bo, LedgerKind::kGive, LedgerDirection::kFromMe, Date{2026, 9, 1});
  Record(ada, LedgerKind::kAsk, LedgerDirection::kToMe, Date{2026, 3, 1});
  Record(ada, LedgerKind::kGive, LedgerDirection::kToMe, Date{2026, 10, 1});
  EXPECT_EQ(WhatOf(ada),
            (std::vector<std::string>{"ask on 2026-03-01", "give on 2026-10-01", "give on 2026-10-01"}));
}

TEST_P(GiveTables, EntriesOnTheSameDayKeepTheOrderRecorded) {
  const ContactId ada = AddPerson("Ada");
  const LedgerEntryId first = Record(ada, LedgerKind::kGive, LedgerDirection::kToMe, kToday);
  const LedgerEntryId second = Record(ada, LedgerKind::kAsk, LedgerDirection::kToMe, kToday);
  auto entries = store().LedgerOf(ada);
  ASSERT_TRUE(entries) << entries.error().message;
  ASSERT_EQ(entries->size(), 2U);
  EXPECT_EQ((*entries)[0].id, first);
  EXPECT_EQ((*entries)[1].id, second);
}

TEST_P(GiveTables, OfferedOpportunityListsEveryoneOfferedItOnce) {
  const ContactId ada = AddPerson("Ada");
  const ContactId bo = AddPerson("Bo");
  const ContactId cy = AddPerson("Cy");
  const OpportunityId job = AddOpportunity("Job");
  const OpportunityId other = AddOpportunity("Other");
  Record(bo, LedgerKind::kGive, LedgerDirection::kFromMe, kToday, job);
  Record(ada, LedgerKind::kGive, LedgerDirection::kFromMe, kToday, job);
  Record(ada, LedgerKind::kGive, LedgerDirection::kFromMe, kToday, job);
  Record(cy, LedgerKind::kGive, LedgerDirection::kFromMe, kToday, other);
  auto offered = store().OfferedOpportunity(job);
  ASSERT_TRUE(offered) << offered.error().message;
  EXPECT_EQ(*offered, (std::vector<ContactId>{ada, bo}));
}

TEST_P(GiveTables, LastGivenIsTheLatestGiveOrIntroductionFromMe) {
  const ContactId ada = AddPerson("Ada");
  Record(ada, LedgerKind::kGive, LedgerDirection::kFromMe, Date{2026, 3, 1});
  Record(ada, LedgerKind::kIntro, LedgerDirection::kFromMe, Date{2026, 5, 1});
  Record(ada, LedgerKind::kGive, LedgerDirection::kToMe, Date{2026, 9, 1});
  Record(ada, LedgerKind::kAsk, LedgerDirection::kFromMe, Date{2026, 10, 1});
  Record(ada, LedgerKind::kAsk, LedgerDirection::kToMe, Date{2026, 11, 1});
  auto last = store().LastGiven({ada});
  ASSERT_TRUE(last) << last.error().message;
  EXPECT_EQ(*last, (std::vector<std::pair<ContactId, Date>>{{ada, Date{2026, 5, 1}}}));
}

TEST_P(GiveTables, LastGivenLeavesOutPeopleNeverGivenAnything) {
  const ContactId ada = AddPerson("Ada");
  const ContactId bo = AddPerson("Bo");
  const ContactId cy = AddPerson("Cy");
  Record(ada, LedgerKind::kGive, LedgerDirection::kFromMe, Date{2026, 4, 1});
  Record(bo, LedgerKind::kGive, LedgerDirection::kToMe, Date{2026, 6, 1});
  Record(cy, LedgerKind::kGive, LedgerDirection::kFromMe, Date{2026, 8, 1});
  auto last = store().LastGiven({ada, bo, cy});
  ASSERT_TRUE(last) << last.error().message;
  EXPECT_EQ(*last,
            (std::vector<std::pair<ContactId, Date>>{{ada, Date{2026, 4, 1}}, {cy, Date{2026, 8, 1}}}));
}

// Settings

TEST_P(GiveTables, AMissingSettingIsEmpty) {
  auto value = store().GetSetting("me");
  ASSERT_TRUE(value) << value.error().message;
  EXPECT_EQ(*value, std::nullopt);
}

TEST_P(GiveTables, ASettingIsReplacedWhenSetAgain) {
  ASSERT_TRUE(store().SetSetting("me", "first"));
  ASSERT_TRUE(store().SetSetting("me", "second"));
  ASSERT_TRUE(store().SetSetting("other", "untouched"));
  auto value = store().GetSetting("me");
  ASSERT_TRUE(value) << value.error().message;
  EXPECT_EQ(*value, "second");
}

// Merging

// Moves `from`'s records to `to` under a merge journal entry, as a merge does.
void MoveRecordsAsAMergeWould(Store& store, ContactId from, ContactId to) {
  const auto journal =
      store.InsertMerge(Merge{MergeId{}, to, from, "2026-11-26T00:00:00Z", std::nullopt}, "{}");
  ASSERT_TRUE(journal) << journal.error().message;
  ASSERT_TRUE(store.MoveContactRecords(from, to, *journal));
}

TEST_P(GiveTables, MovingContactRecordsMovesTheirLedger) {
  const ContactId from = AddPerson("Ada");
  const ContactId to = AddPerson("Ada Okafor");
  Record(from, LedgerKind::kGive, LedgerDirection::kFromMe, Date{2026, 4, 1});
  Record(to, LedgerKind::kAsk, LedgerDirection::kToMe, Date{2026, 5, 1});
  MoveRecordsAsAMergeWould(store(), from, to);
  EXPECT_TRUE(WhatOf(from).empty());
  EXPECT_EQ(WhatOf(to), (std::vector<std::string>{"give on 2026-04-01", "ask on 2026-05-01"}));
}

TEST_P(GiveTables, MovingContactRecordsRepointsIntroductionsToThem) {
  const ContactId from = AddPerson("Ada");
  const ContactId to = AddPerson("Ada Okafor");
  const ContactId bo = AddPerson("Bo");
  LedgerEntry entry;
  entry.contact = bo;
  entry.kind = LedgerKind::kIntro;
  entry.what = "introduced to Ada";
  entry.on = kToday;
  entry.introduced_to = from;
  auto inserted = store().InsertLedgerEntry(entry);
  ASSERT_TRUE(inserted) << inserted.error().message;
  MoveRecordsAsAMergeWould(store(), from, to);
  auto stored = store().GetLedgerEntry(inserted->id);
  ASSERT_TRUE(stored) << stored.error().message;
  EXPECT_EQ(stored->introduced_to, to);
}

}  // namespace
}  // namespace kith
