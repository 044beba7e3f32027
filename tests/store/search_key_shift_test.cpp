// The SQLite store's search rowids hold the id in the narrowest of a few
// widths that holds the highest id (search_layout; store/search_document.h).
// A write whose ids outgrow them must lay the whole index out again in its
// own transaction, card by card or in bulk: afterwards every card is found,
// most recent first, exactly as if the keys had been wide all along.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "store/search_document.h"
#include "store/store.h"
#include "support/temp_database.h"

namespace kith {
namespace {

int StoredShift(const std::string& path) {
  sqlite3* handle = nullptr;
  int shift = -1;
  if (sqlite3_open_v2(path.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* select = nullptr;
    sqlite3_prepare_v2(handle, "SELECT key_shift FROM search_layout", -1, &select, nullptr);
    if (sqlite3_step(select) == SQLITE_ROW) shift = sqlite3_column_int(select, 0);
    sqlite3_finalize(select);
  }
  sqlite3_close(handle);
  return shift;
}

// Met on days that jump back and forth, so a new card lands between old ones.
ContactFields Card(int n) {
  ContactFields fields;
  fields.display_name = "Person" + std::to_string(n) + " Okafor";
  fields.met_on = Date{2010, 1, 1}.AddDays((n * 37) % 400);
  return fields;
}

class Written {
 public:
  explicit Written(Store& store) : store_(store) {}

  void OneByOne(int from, int to) {
    for (int n = from; n < to; ++n) {
      auto contact = store_.InsertContact(Card(n), "u" + std::to_string(n), "t");
      ASSERT_TRUE(contact) << contact.error().message;
      Remember(n, contact->id);
    }
  }

  void InOneWrite(int from, int to, bool bulk) {
    std::vector<ContactFields> cards;
    std::vector<std::string> uids;
    for (int n = from; n < to; ++n) {
      cards.push_back(Card(n));
      uids.push_back("u" + std::to_string(n));
    }
    auto transaction = bulk ? store_.BeginBulk() : store_.Begin();
    ASSERT_TRUE(transaction);
    auto ids = store_.InsertContacts(cards, uids, "t");
    ASSERT_TRUE(ids) << ids.error().message;
    ASSERT_TRUE(transaction->Commit());
    for (int n = from; n < to; ++n) Remember(n, (*ids)[static_cast<std::size_t>(n - from)]);
  }

  // Every card found by its own name, and all of them by the name they
  // share, most recently met first (ties: the higher id first).
  void ExpectEveryCardFoundInOrder() {
    for (const auto& [day, id, n] : cards_) {
      auto found = store_.MatchSearchIndex(SearchTable::kNames, "\"person" + std::to_string(n) + "\"", 5);
      ASSERT_TRUE(found) << found.error().message;
      EXPECT_EQ(*found, std::vector<ContactId>{ContactId{id}}) << "person" << n;
    }
    auto sorted = cards_;
    std::sort(sorted.rbegin(), sorted.rend());
    std::vector<ContactId> newest_first;
    newest_first.reserve(sorted.size());
    for (const auto& card : sorted) newest_first.push_back(ContactId{std::get<1>(card)});
    auto all = store_.MatchSearchIndex(SearchTable::kCards, "\"okafor\"", 10000);
    ASSERT_TRUE(all) << all.error().message;
    EXPECT_EQ(*all, newest_first);
    auto problems = store_.CheckIntegrity();
    ASSERT_TRUE(problems);
    EXPECT_TRUE(problems->empty()) << problems->front();
  }

 private:
  void Remember(int n, ContactId id) { cards_.emplace_back(Card(n).met_on->DaysSinceEpoch(), id.value, n); }

  Store& store_;
  std::vector<std::tuple<std::int64_t, std::int64_t, int>> cards_;  // day, id, n
};

TEST(SearchKeyShift, AnEmptyListTakesTheNarrowestKeys) {
  testing::TestWorld world;
  EXPECT_EQ(StoredShift(world.database_path()), kNarrowestKeyShift);
}

TEST(SearchKeyShift, KeysWidenWhenAnIdOutgrowsThemCardByCardAndInOneWrite) {
  testing::TestWorld world;
  Written written(world.store());
  written.InOneWrite(0, 50, false);
  EXPECT_EQ(StoredShift(world.database_path()), 6);
  // Ids 51–100: id 64 needs seven bits, in the middle of one write.
  written.InOneWrite(50, 100, false);
  EXPECT_EQ(StoredShift(world.database_path()), 13);
  written.ExpectEveryCardFoundInOrder();
  written.InOneWrite(100, 8190, false);
  EXPECT_EQ(StoredShift(world.database_path()), 13);
  // Ids 8,191–8,194 one at a time: 8,192 needs fourteen bits.
  written.OneByOne(8190, 8194);
  EXPECT_EQ(StoredShift(world.database_path()), 20);
  written.ExpectEveryCardFoundInOrder();
}

TEST(SearchKeyShift, ABulkPastTheKeysLaysOutTheCardsFromBeforeItAgain) {
  testing::TestWorld world;
  Written written(world.store());
  written.InOneWrite(0, 50, false);
  ASSERT_EQ(StoredShift(world.database_path()), 6);
  auto old = world.store().FindContactIds(ContactKey::kUid, "u7");
  ASSERT_TRUE(old && old->size() == 1);
  auto trashed = world.store().FindContactIds(ContactKey::kUid, "u8");
  ASSERT_TRUE(trashed && trashed->size() == 1);
  ASSERT_TRUE(world.store().TrashContact(trashed->front(), "t"));
  {
    auto transaction = world.store().BeginBulk();
    ASSERT_TRUE(transaction);
    std::vector<ContactFields> cards;
    std::vector<std::string> uids;
    for (int n = 50; n < 400; ++n) {
      cards.push_back(Card(n));
      uids.push_back("u" + std::to_string(n));
    }
    auto ids = world.store().InsertContacts(cards, uids, "t");
    ASSERT_TRUE(ids) << ids.error().message;
    // A card from before the bulk changed in it: its entry is the new one.
    ContactFields renamed = Card(7);
    renamed.display_name = "Person7 Lindqvist";
    ASSERT_TRUE(world.store().UpdateContact(old->front(), renamed, "t"));
    ASSERT_TRUE(transaction->Commit());
  }
  EXPECT_EQ(StoredShift(world.database_path()), 13);
  auto lindqvist = world.store().MatchSearchIndex(SearchTable::kNames, "\"lindqvist\"", 5);
  ASSERT_TRUE(lindqvist);
  EXPECT_EQ(*lindqvist, *old);
  auto okafor7 = world.store().MatchSearchIndex(SearchTable::kCards, "\"person7\" \"okafor\"", 5);
  ASSERT_TRUE(okafor7);
  EXPECT_TRUE(okafor7->empty());
  // The card trashed before the widening comes back under the new keys.
  ASSERT_TRUE(world.store().RestoreContact(trashed->front(), "t"));
  auto person8 = world.store().MatchSearchIndex(SearchTable::kNames, "\"person8\"", 5);
  ASSERT_TRUE(person8);
  EXPECT_EQ(*person8, *trashed);
  auto problems = world.store().CheckIntegrity();
  ASSERT_TRUE(problems);
  EXPECT_TRUE(problems->empty()) << problems->front();
}

TEST(SearchKeyShift, TheKeysHoldTheHighestIdAndKeepRecencyOrder) {
  EXPECT_EQ(KeyShiftFor(0), kNarrowestKeyShift);
  EXPECT_EQ(KeyShiftFor(63), 6);
  EXPECT_EQ(KeyShiftFor(64), 13);
  EXPECT_EQ(KeyShiftFor(8191), 13);
  EXPECT_EQ(KeyShiftFor(8192), 20);
  EXPECT_EQ(KeyShiftFor(1'000'000), 20);
  EXPECT_EQ(KeyShiftFor(1 << 20), 27);
  EXPECT_EQ(KeyShiftFor(std::int64_t{1} << 27), kWidestKeyShift);
  EXPECT_EQ(KeyShiftFor(std::int64_t{1} << 40), kWidestKeyShift);
  Contact older;
  older.id = ContactId{1000};
  older.met_on = Date{2020, 5, 1};
  Contact newer;
  newer.id = ContactId{3};
  newer.met_on = Date{2020, 5, 2};
  for (const int shift : {10, 20, kWidestKeyShift}) {
    EXPECT_LT(SearchKey(older, shift), SearchKey(newer, shift)) << shift;
    EXPECT_EQ(ContactIdFromSearchKey(SearchKey(older, shift), shift), older.id) << shift;
  }
}

}  // namespace
}  // namespace kith
