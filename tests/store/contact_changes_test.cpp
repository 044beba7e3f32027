// The changes journal behind CardDAV sync tokens: written by the store in the
// same transaction as every contact write, one entry per contact.
#include <gtest/gtest.h>

#include "store/store.h"
#include "support/temp_database.h"

namespace kith {
namespace {

constexpr const char* kNow = "2026-11-26T12:00:00Z";

ContactFields Card(std::string name, std::vector<std::string> tags = {}) {
  ContactFields fields;
  fields.display_name = std::move(name);
  fields.tags = std::move(tags);
  return fields;
}

std::vector<std::int64_t> ContactsIn(const std::vector<ContactChange>& changes) {
  std::vector<std::int64_t> ids;
  ids.reserve(changes.size());
  for (const ContactChange& change : changes) ids.push_back(change.contact.value);
  return ids;
}

// Every test runs on both stores (the journal is kept by triggers on each).
class ContactChanges : public ::testing::TestWithParam<testing::StoreKind> {};
class ReadSnapshot : public ::testing::TestWithParam<testing::StoreKind> {};
class StoredVCards : public ::testing::TestWithParam<testing::StoreKind> {};
class AddressBooks : public ::testing::TestWithParam<testing::StoreKind> {};
KITH_ON_BOTH_STORES(ContactChanges);
KITH_ON_BOTH_STORES(ReadSnapshot);
KITH_ON_BOTH_STORES(StoredVCards);
KITH_ON_BOTH_STORES(AddressBooks);

TEST_P(ContactChanges, EveryWriteRenumbersTheContactsOneEntry) {
  testing::TestWorld world{GetParam()};
  Store& store = world.store();
  const Contact ada = *store.InsertContact(Card("Ada Okafor"), "ada", kNow);
  const Contact linus = *store.InsertContact(Card("Linus Lee"), "linus", kNow);
  const std::int64_t before = *store.LatestChange();
  ASSERT_TRUE(store.UpdateContact(ada.id, Card("Ada O."), kNow));
  const auto changes = *store.ChangesAfter(before, "", 10);
  EXPECT_EQ(ContactsIn(changes), std::vector<std::int64_t>{ada.id.value});
  EXPECT_GT(changes[0].sequence, before);
  EXPECT_EQ(changes[0].uid, "ada");
  EXPECT_EQ(ContactsIn(*store.ChangesAfter(0, "", 10)),
            (std::vector<std::int64_t>{linus.id.value, ada.id.value}))
      << "one entry per contact, in the order of their last change";
}

TEST_P(ContactChanges, TrashedContactsStayInTheJournalAsNoLongerMembers) {
  testing::TestWorld world{GetParam()};
  Store& store = world.store();
  const Contact ada = *store.InsertContact(Card("Ada Okafor"), "ada", kNow);
  const std::int64_t before = *store.LatestChange();
  ASSERT_TRUE(store.TrashContact(ada.id, kNow));
  const auto changes = *store.ChangesAfter(before, "", 10);
  ASSERT_EQ(changes.size(), 1U);
  EXPECT_FALSE(changes[0].member);
}

TEST_P(ContactChanges, MembershipFollowsTheTag) {
  testing::TestWorld world{GetParam()};
  Store& store = world.store();
  const Contact ada = *store.InsertContact(Card("Ada Okafor", {"Mentor"}), "ada", kNow);
  const Contact linus = *store.InsertContact(Card("Linus Lee"), "linus", kNow);
  const auto changes = *store.ChangesOf({ada.id, linus.id}, store.FoldLabel("mentor"));
  ASSERT_EQ(changes.size(), 2U);
  EXPECT_TRUE(changes[0].member);
  EXPECT_FALSE(changes[1].member);
  EXPECT_EQ(*store.ContactsTagged(store.FoldLabel("MENTOR")), std::vector<ContactId>{ada.id});
}

TEST_P(ContactChanges, CardsDeletedForGoodStayInTheJournalAsNoLongerMembers) {
  testing::TestWorld world{GetParam()};
  Store& store = world.store();
  const Contact ada = *store.InsertContact(Card("Ada Okafor"), "ada", kNow);
  const Contact linus = *store.InsertContact(Card("Linus Lee"), "linus", kNow);
  ASSERT_TRUE(store.TrashContact(linus.id, kNow));
  ASSERT_TRUE(store.TrashContact(ada.id, kNow));
  const std::int64_t before = *store.LatestChange();
  ASSERT_EQ(*store.DeleteTrashedContacts(), 2);
  const auto changes = *store.ChangesAfter(before, "", 10);
  EXPECT_EQ(ContactsIn(changes), (std::vector<std::int64_t>{ada.id.value, linus.id.value}))
      << "one entry each, in id order";
  for (const ContactChange& change : changes) EXPECT_FALSE(change.member);
}

// The calendar feed's revision moves with every write to a reminder and
// to a card, and stays put otherwise.
TEST_P(ContactChanges, TheCalendarRevisionMovesWithRemindersAndCards) {
  testing::TestWorld world{GetParam()};
  Store& store = world.store();
  const Contact ada = *store.InsertContact(Card("Ada Okafor"), "ada", kNow);
  const auto start = *store.CalendarRevision();
  ASSERT_TRUE(start.has_value());
  EXPECT_EQ(*store.CalendarRevision(), start) << "a read moves nothing";
  Reminder reminder;
  reminder.contact = ada.id;
  reminder.due = Date{2026, 12, 1};
  reminder.note = "coffee?";
  reminder.created_on = Date{2026, 11, 26};
  auto inserted = store.InsertReminder(reminder);
  ASSERT_TRUE(inserted) << inserted.error().message;
  const auto with_reminder = *store.CalendarRevision();
  EXPECT_GT(*with_reminder, *start);
  inserted->snoozed_until = Date{2026, 12, 5};
  ASSERT_TRUE(store.UpdateReminder(*inserted));
  const auto snoozed = *store.CalendarRevision();
  EXPECT_GT(*snoozed, *with_reminder);
  ASSERT_TRUE(store.UpdateContact(ada.id, Card("Ada O."), kNow));
  EXPECT_GT(**store.CalendarRevision(), *snoozed);
}

TEST_P(ContactChanges, ABatchComesBackInTheOrderAsked) {
  testing::TestWorld world{GetParam()};
  Store& store = world.store();
  const Contact ada = *store.InsertContact(Card("Ada Okafor"), "ada", kNow);
  const Contact linus = *store.InsertContact(Card("Linus Lee"), "linus", kNow);
  const auto changes = *store.ChangesOf({linus.id, ContactId{404}, ada.id}, "");
  ASSERT_EQ(changes.size(), 2U);
  EXPECT_EQ(changes[0].uid, "linus");
  EXPECT_EQ(changes[1].uid, "ada");
}

// An import's batch of new cards (on PostgreSQL one COPY and one INSERT,
// journaled once for the statement) lands in the journal as cards added one
// by one would: each once, in id order, after the cards before it and
// before the cards after, with the uid it was given.
TEST_P(ContactChanges, ABulkBatchIsJournaledInIdOrderBetweenTheCardsAroundIt) {
  testing::TestWorld world{GetParam()};
  Store& store = world.store();
  const Contact first = *store.InsertContact(Card("Ada Okafor"), "ada", kNow);
  std::vector<ContactFields> batch;
  std::vector<std::string> uids;
  batch.reserve(40);
  uids.reserve(40);
  for (int i = 0; i < 40; ++i) {
    batch.push_back(Card("Person" + std::to_string(i) + " Okafor"));
    uids.push_back("bulk-" + std::to_string(i));
  }
  std::vector<ContactId> added;
  {
    auto transaction = store.BeginBulk();
    ASSERT_TRUE(transaction);
    auto ids = store.InsertContacts(batch, uids, kNow);
    ASSERT_TRUE(ids) << ids.error().message;
    added = *ids;
    ASSERT_TRUE(transaction->Commit());
  }
  const Contact last = *store.InsertContact(Card("Linus Lee"), "linus", kNow);
  std::vector<std::int64_t> expected{first.id.value};
  for (const ContactId id : added) expected.push_back(id.value);
  expected.push_back(last.id.value);
  const auto changes = *store.ChangesAfter(0, "", 100);
  EXPECT_EQ(ContactsIn(changes), expected);
  ASSERT_EQ(changes.size(), 42U);
  EXPECT_EQ(changes[1].uid, "bulk-0");
  EXPECT_EQ(changes[40].uid, "bulk-39");
  for (std::size_t i = 1; i < changes.size(); ++i) {
    EXPECT_EQ(changes[i].sequence, changes[i - 1].sequence + 1) << "no number skipped or repeated";
  }
}

TEST_P(ReadSnapshot, RefusesAWriteTransactionWhileHeldAndLetsOneBeginAfter) {
  testing::TestWorld world{GetParam()};
  Store& store = world.store();
  (void)*store.InsertContact(Card("Ada Okafor"), "ada", kNow);
  const std::int64_t before = *store.LatestChange();
  {
    auto snapshot = store.ReadSnapshot();
    ASSERT_TRUE(snapshot);
    EXPECT_EQ(*store.LatestChange(), before);
    EXPECT_EQ(store.Begin().error().code, ErrorCode::kInternal);
    ASSERT_TRUE(snapshot->Commit());
  }
  auto transaction = store.Begin();
  ASSERT_TRUE(transaction);
  (void)*store.InsertContact(Card("Linus Lee"), "linus", kNow);
  ASSERT_TRUE(transaction->Commit());
  EXPECT_GT(*store.LatestChange(), before);
}

TEST_P(ContactChanges, AFailedWriteLeavesTheJournalAsItWas) {
  testing::TestWorld world{GetParam()};
  Store& store = world.store();
  (void)*store.InsertContact(Card("Ada Okafor"), "ada", kNow);
  const std::int64_t before = *store.LatestChange();
  {
    auto transaction = store.Begin();
    ASSERT_TRUE(transaction);
    (void)*store.InsertContact(Card("Linus Lee"), "linus", kNow);
  }  // rolled back
  EXPECT_EQ(*store.LatestChange(), before);
}

TEST_P(StoredVCards, KeepTheBytesAsSent) {
  testing::TestWorld world{GetParam()};
  Store& store = world.store();
  const Contact ada = *store.InsertContact(Card("Ada Okafor"), "ada", kNow);
  const Contact linus = *store.InsertContact(Card("Linus Lee"), "linus", kNow);
  EXPECT_TRUE(store.StoredVCardsOf({ada.id})->empty());
  const StoredVCard card{"BEGIN:VCARD\r\nX-ODD;a=b:c\r\nEND:VCARD\r\n", "kith"};
  ASSERT_TRUE(store.SaveStoredVCard(ada.id, card));
  // One read for a batch: only the cards a client sent come back.
  const auto stored = *store.StoredVCardsOf({linus.id, ada.id});
  ASSERT_EQ(stored.size(), 1U);
  EXPECT_EQ(stored.at(ada.id.value).vcard, card.vcard);
  // A card in Windows-1252 (a client that is not UTF-8) and one with a NUL
  // byte come back byte for byte too.
  const StoredVCard latin{std::string("BEGIN:VCARD\r\nFN:Jos\xe9\r\nNOTE:a\0b\r\nEND:VCARD\r\n", 43), "kith"};
  ASSERT_TRUE(store.SaveStoredVCard(linus.id, latin));
  EXPECT_EQ(store.StoredVCardsOf({linus.id})->at(linus.id.value).vcard, latin.vcard);
  EXPECT_EQ(store.SaveStoredVCard(ContactId{404}, card).error().code, ErrorCode::kNotFound);
}

TEST_P(AddressBooks, AreMadeRenamedAndRemoved) {
  testing::TestWorld world{GetParam()};
  Store& store = world.store();
  ASSERT_TRUE(store.InsertAddressBook(AddressBookEntry{"friends", "Friends"}));
  EXPECT_EQ(store.InsertAddressBook(AddressBookEntry{"friends", "Other"}).error().code,
            ErrorCode::kAlreadyExists);
  ASSERT_TRUE(store.RenameAddressBook("friends", "Close friends"));
  EXPECT_EQ(store.AddressBooks()->at(0).tag, "Close friends");
  ASSERT_TRUE(store.RemoveAddressBook("friends"));
  EXPECT_EQ(store.RemoveAddressBook("friends").error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace kith
