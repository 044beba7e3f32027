// A bulk write (an import, a generated network) indexes its new cards only
// at the commit: what search finds afterwards must be exactly what indexing
// each write as it came would have given, whatever happened to the new cards
// in between, and a bulk that does not commit leaves nothing.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>

#include "search/search.h"
#include "store/store.h"
#include "support/temp_database.h"

namespace kith {
namespace {

ContactFields Card(std::string name, std::string company = "", std::optional<Date> met_on = std::nullopt) {
  ContactFields fields;
  fields.display_name = std::move(name);
  fields.company = std::move(company);
  fields.met_on = met_on;
  return fields;
}

std::size_t Hits(Store& store, std::string query) {
  auto found = Search(store, {std::move(query), 50, 0});
  EXPECT_TRUE(found);
  return found ? found->size() : 0;
}

// The indexes and triggers of the file, as its schema lists them: a bulk
// that builds some of them at its end must leave them exactly as they were.
std::vector<std::string> Schema(const std::string& path) {
  sqlite3* handle = nullptr;
  std::vector<std::string> rows;
  if (sqlite3_open_v2(path.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* select = nullptr;
    sqlite3_prepare_v2(handle,
                       "SELECT type || ' ' || name || ': ' || sql FROM sqlite_master "
                       "WHERE type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY name",
                       -1, &select, nullptr);
    while (sqlite3_step(select) == SQLITE_ROW) {
      rows.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(select, 0)));
    }
    sqlite3_finalize(select);
  }
  sqlite3_close(handle);
  return rows;
}

std::vector<ContactId> Synced(Store& store) {
  std::vector<ContactId> ids;
  auto changes = store.ChangesAfter(0, "", 100000);
  EXPECT_TRUE(changes);
  if (changes) {
    for (const auto& change : *changes) ids.push_back(change.contact);
  }
  return ids;
}

// `count` cards named Person<n> Okafor, one bulk.
std::vector<ContactId> InsertInBulk(Store& store, int count, const std::string& prefix) {
  std::vector<ContactFields> cards;
  std::vector<std::string> uids;
  for (int n = 0; n < count; ++n) {
    cards.push_back(Card(prefix + std::to_string(n) + " Okafor", "Acme", Date{2020, 1 + n % 12, 1 + n % 28}));
    uids.push_back(prefix + std::to_string(n));
  }
  auto transaction = store.BeginBulk();
  EXPECT_TRUE(transaction);
  auto ids = store.InsertContacts(cards, uids, "t");
  EXPECT_TRUE(ids);
  EXPECT_TRUE(transaction && transaction->Commit());
  return ids ? *ids : std::vector<ContactId>{};
}

void ExpectSoundIndex(Store& store) {
  auto problems = store.CheckIntegrity();
  ASSERT_TRUE(problems);
  EXPECT_TRUE(problems->empty()) << problems->front();
}

TEST(BulkWrite, CardsInsertedInBatchesAreFoundAfterTheCommit) {
  testing::TestWorld world;
  ASSERT_TRUE(world.store().InsertContact(Card("Ada Okafor", "Acme"), "before", "t"));
  {
    auto transaction = world.store().BeginBulk();
    ASSERT_TRUE(transaction);
    // Met on days that jump back and forth, as the rows of a file do: the
    // index keys of the batches interleave.
    for (int batch = 0; batch < 3; ++batch) {
      std::vector<ContactFields> cards;
      std::vector<std::string> uids;
      for (int i = 0; i < 40; ++i) {
        const int n = batch * 40 + i;
        cards.push_back(Card("Person" + std::to_string(n) + " Okafor", n % 2 == 0 ? "Acme" : "Globex",
                             Date{2010 + (n * 7) % 15, 1 + n % 12, 1 + n % 28}));
        uids.push_back("u" + std::to_string(n));
      }
      ASSERT_TRUE(world.store().InsertContacts(cards, uids, "t"));
    }
    ASSERT_TRUE(transaction->Commit());
  }
  EXPECT_EQ(Hits(world.store(), "okafor"), 50U);  // the limit: 121 match
  EXPECT_EQ(*world.store().CountSearchIndex(SearchTable::kNames, "okafor*"), 121);
  EXPECT_EQ(*world.store().CountSearchIndex(SearchTable::kCards, "{company} : globex*"), 60);
  EXPECT_EQ(Hits(world.store(), "person117"), 1U);
  ExpectSoundIndex(world.store());
}

TEST(BulkWrite, ChangesToNewCardsBeforeTheCommitAreWhatIsIndexed) {
  testing::TestWorld world;
  auto transaction = world.store().BeginBulk();
  ASSERT_TRUE(transaction);
  auto ids = world.store().InsertContacts({Card("Ada Okafor"), Card("Bea Kovacs"), Card("Cy Young")},
                                          {"a", "b", "c"}, "t");
  ASSERT_TRUE(ids);
  // An import merging a later row into an earlier card, the demo history
  // touching a card, a card trashed: all before the index sees any of them.
  ASSERT_TRUE(world.store().UpdateContact((*ids)[0], Card("Ada Okafor-Lindqvist", "Initech"), "t"));
  ASSERT_TRUE(world.store().SetLastContact((*ids)[1], Date{2026, 11, 1}));
  ASSERT_TRUE(world.store().TrashContact((*ids)[2], "t"));
  ASSERT_TRUE(transaction->Commit());

  EXPECT_EQ(Hits(world.store(), "lindqvist"), 1U);
  EXPECT_EQ(Hits(world.store(), "initech"), 1U);
  EXPECT_EQ(Hits(world.store(), "kovacs"), 1U);
  EXPECT_EQ(Hits(world.store(), "young"), 0U);
  // The trashed card comes back into search like any other.
  ASSERT_TRUE(world.store().RestoreContact((*ids)[2], "t"));
  EXPECT_EQ(Hits(world.store(), "young"), 1U);
  // Typo correction knows the words of the cards written in bulk.
  EXPECT_EQ(Hits(world.store(), "kovacz"), 1U);
  ExpectSoundIndex(world.store());
}

TEST(BulkWrite, CardsFromBeforeTheBulkAreReindexedAtOnce) {
  testing::TestWorld world;
  auto old = world.store().InsertContact(Card("Ada Okafor"), "old", "t");
  ASSERT_TRUE(old);
  auto transaction = world.store().BeginBulk();
  ASSERT_TRUE(transaction);
  ASSERT_TRUE(world.store().InsertContacts({Card("Bea Kovacs")}, {"new"}, "t"));
  ASSERT_TRUE(world.store().UpdateContact(old->id, Card("Ada Lindqvist"), "t"));
  ASSERT_TRUE(transaction->Commit());
  EXPECT_EQ(Hits(world.store(), "okafor"), 0U);
  EXPECT_EQ(Hits(world.store(), "lindqvist"), 1U);
  EXPECT_EQ(Hits(world.store(), "kovacs"), 1U);
  ExpectSoundIndex(world.store());
}

// A card with each key an import recognises someone by.
ContactFields Keyed(std::string name, std::string company, std::string email, std::string e164,
                    std::string url) {
  ContactFields fields = Card(std::move(name), std::move(company));
  fields.emails = {std::move(email)};
  fields.phones = {Phone{e164, e164}};
  Link link;
  link.kind = LinkKind::kLinkedIn;
  link.url = std::move(url);
  fields.links = {std::move(link)};
  return fields;
}

std::vector<ContactId> Found(Result<std::vector<ContactId>> ids) {
  EXPECT_TRUE(ids);
  return ids ? *ids : std::vector<ContactId>{};
}

// A bulk into a small list answers most lookups from memory (KeyFilter):
// whoever the list holds, from before the bulk or written in it, changed or
// taken out of the trash in it, must still be found by every key, in any
// ASCII case where the lookup ignores case.
TEST(BulkWrite, LookupsInABulkFindTheCardsFromBeforeItAndItsOwn) {
  testing::TestWorld world;
  Store& store = world.store();
  auto old = store.InsertContact(Keyed("Ada Okafor", "Acme", "Ada@Example.com", "+15551230001",
                                       "https://www.linkedin.com/in/ada-okafor"),
                                 "old", "t");
  ASSERT_TRUE(old);
  auto transaction = store.BeginBulk();
  ASSERT_TRUE(transaction);
  const std::vector<ContactId> before = {old->id};
  EXPECT_EQ(Found(store.FindContactIds(ContactKey::kUid, "old")), before);
  EXPECT_EQ(Found(store.FindContactIds(ContactKey::kEmail, "ada@EXAMPLE.com")), before);
  EXPECT_EQ(Found(store.FindContactIds(ContactKey::kPhone, "+15551230001")), before);
  EXPECT_EQ(Found(store.FindContactIds(ContactKey::kLinkUrl, "https://www.LinkedIn.com/in/ada-okafor")),
            before);
  EXPECT_EQ(Found(store.FindNamesakes("Ada Okafor", "ACME")), before);

  auto ids = store.InsertContacts(
      {Keyed("Bea Kovacs", "Globex", "bea@globex.example", "+15551230002", "https://www.linkedin.com/in/bea"),
       Keyed("Cy Young", "Initech", "cy@initech.example", "+15551230003", "https://www.linkedin.com/in/cy")},
      {"bea", "cy"}, "t");
  ASSERT_TRUE(ids);
  const std::vector<ContactId> bea = {(*ids)[0]};
  const std::vector<ContactId> cy = {(*ids)[1]};
  EXPECT_EQ(Found(store.FindContactIds(ContactKey::kUid, "bea")), bea);
  EXPECT_EQ(Found(store.FindContactIds(ContactKey::kEmail, "BEA@globex.example")), bea);
  EXPECT_EQ(Found(store.FindContactIds(ContactKey::kPhone, "+15551230002")), bea);
  EXPECT_EQ(Found(store.FindContactIds(ContactKey::kLinkUrl, "https://www.linkedin.com/in/BEA")), bea);
  EXPECT_EQ(Found(store.FindNamesakes("bea  KOVACS", "globex")), bea);

  // A later row merged into a card gives it new keys; a trashed card is
  // found again once it is back.
  ASSERT_TRUE(store.UpdateContact(
      bea.front(),
      Keyed("Bea Lindqvist", "Umbrella", "bea@umbrella.example", "+15551230004", "https://x.example/bea"),
      "t"));
  EXPECT_EQ(Found(store.FindContactIds(ContactKey::kEmail, "bea@umbrella.example")), bea);
  EXPECT_EQ(Found(store.FindContactIds(ContactKey::kPhone, "+15551230004")), bea);
  EXPECT_EQ(Found(store.FindContactIds(ContactKey::kLinkUrl, "https://x.example/bea")), bea);
  EXPECT_EQ(Found(store.FindNamesakes("Bea Lindqvist", "Umbrella")), bea);
  EXPECT_TRUE(Found(store.FindContactIds(ContactKey::kEmail, "bea@globex.example")).empty());
  ASSERT_TRUE(store.TrashContact(cy.front(), "t"));
  EXPECT_TRUE(Found(store.FindNamesakes("Cy Young", "Initech")).empty());
  ASSERT_TRUE(store.RestoreContact(cy.front(), "t"));
  EXPECT_EQ(Found(store.FindNamesakes("Cy Young", "Initech")), cy);
  EXPECT_EQ(Found(store.FindContactIds(ContactKey::kEmail, "cy@initech.example")), cy);

  EXPECT_TRUE(Found(store.FindContactIds(ContactKey::kEmail, "nobody@example.com")).empty());
  EXPECT_TRUE(Found(store.FindNamesakes("Ada Okafor", "Globex")).empty());
  ASSERT_TRUE(transaction->Commit());
}

// A bulk sums the vocabulary's counts over all its batches and writes them
// at its COMMIT: a word that comes and goes within the bulk, across
// batches and on a card from before it, must be counted as writing card by
// card counts it, and one no live card holds any more must be gone.
TEST(BulkWrite, TheVocabularyAfterABulkCountsWhatCardByCardWritesCount) {
  testing::TestWorld bulk;
  testing::TestWorld single;
  for (testing::TestWorld* world : {&bulk, &single}) {
    ASSERT_TRUE(world->store().InsertContact(Card("Ada Okafor", "Acme"), "old", "t"));
  }
  const auto writes = [](Store& store, ContactId old) -> Status {
    KITH_ASSIGN_OR_RETURN(const auto first, store.InsertContacts({Card("Bea Kovacs", "Acme")}, {"b"}, "t"));
    KITH_RETURN_IF_ERROR(store.InsertContacts({Card("Cy Kovacs", "Initech")}, {"c"}, "t"));
    KITH_RETURN_IF_ERROR(store.UpdateContact(old, Card("Ada Lindqvist", "Initech"), "t"));
    return store.TrashContact(first.at(0), "t");
  };
  auto transaction = bulk.store().BeginBulk();
  ASSERT_TRUE(transaction);
  ASSERT_TRUE(writes(bulk.store(), ContactId{1}));
  ASSERT_TRUE(transaction->Commit());
  ASSERT_TRUE(writes(single.store(), ContactId{1}));

  for (const std::string_view head : {"a", "b", "c", "i", "k", "l", "o"}) {
    auto in_bulk = bulk.store().VocabularyNear(head, 1, 40);
    auto one_by_one = single.store().VocabularyNear(head, 1, 40);
    ASSERT_TRUE(in_bulk && one_by_one);
    ASSERT_EQ(in_bulk->size(), one_by_one->size()) << head;
    for (std::size_t i = 0; i < in_bulk->size(); ++i) {
      EXPECT_EQ((*in_bulk)[i].term, (*one_by_one)[i].term) << head;
      EXPECT_EQ((*in_bulk)[i].documents, (*one_by_one)[i].documents) << (*in_bulk)[i].term;
    }
  }
  auto kovacs = bulk.store().VocabularyNear("k", 6, 6);
  ASSERT_TRUE(kovacs);
  ASSERT_EQ(kovacs->size(), 1U);
  EXPECT_EQ(kovacs->front().documents, 1);  // Bea's card is in the trash
  auto okafor = bulk.store().VocabularyNear("o", 6, 6);
  ASSERT_TRUE(okafor);
  EXPECT_TRUE(okafor->empty());                   // no live card says Okafor any more
  EXPECT_EQ(Hits(bulk.store(), "lindqvst"), 1U);  // a typo corrected from the counts
  ExpectSoundIndex(bulk.store());
}

// A bulk into a small list builds the labels' index and does the tag
// trigger's work at its end; a card of before the bulk given a tag in it
// must still have its health scored again (a tag's cadence changes its
// score) and be listed under the tag.
TEST(BulkWrite, ATagGivenToAnEarlierCardInABulkMarksItsHealthStale) {
  testing::TestWorld world;
  const Date today{2026, 11, 26};
  auto old = world.store().InsertContact(Card("Ada Okafor"), "old", "t");
  ASSERT_TRUE(old);
  ASSERT_TRUE(world.store().SaveHealth({StoredHealth{old->id, 50, std::nullopt}}, today));
  auto scored = world.store().StaleHealth(ListQuery{}, today, 10);
  ASSERT_TRUE(scored);
  ASSERT_TRUE(scored->empty());
  auto transaction = world.store().BeginBulk();
  ASSERT_TRUE(transaction);
  auto added = world.store().InsertContacts({Card("Bea Kovacs")}, {"new"}, "t");
  ASSERT_TRUE(added);
  ContactFields tagged = Card("Ada Okafor");
  tagged.tags = {"Mentor"};
  ASSERT_TRUE(world.store().UpdateContact(old->id, tagged, "t"));
  ASSERT_TRUE(transaction->Commit());
  auto stale = world.store().StaleHealth(ListQuery{}, today, 10);
  ASSERT_TRUE(stale);
  EXPECT_EQ(*stale, (std::vector<ContactId>{old->id, added->front()}));
  ListQuery mentors;
  mentors.tag = "mentor";
  auto listed = world.store().ListContacts(mentors);
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 1U);
  EXPECT_EQ(listed->front().id, old->id);
  ExpectSoundIndex(world.store());
}

// A bulk keeps the id of each label text it writes (a few hundred texts
// carry millions of labels): a text known before the bulk is the same text,
// one spelled differently stays as typed, and what a bulk that rolled back
// added is forgotten with it, so the next bulk's labels are not lost.
TEST(BulkWrite, LabelTextsAreSharedWithCardsBeforeTheBulkAndForgottenWithOneRolledBack) {
  testing::TestWorld world;
  ContactFields ada = Card("Ada Okafor");
  ada.tags = {"Mentor"};
  auto before = world.store().InsertContact(ada, "ada", "t");
  ASSERT_TRUE(before);
  {
    auto rolled_back = world.store().BeginBulk();
    ASSERT_TRUE(rolled_back);
    ContactFields bea = Card("Bea Kovacs");
    bea.tags = {"Founder"};
    ASSERT_TRUE(world.store().InsertContacts({bea}, {"bea"}, "t"));
  }
  ContactFields cy = Card("Cy Young");
  cy.tags = {"Mentor", "Founder"};
  ContactFields di = Card("Di Lee");
  di.tags = {"mentor"};
  di.skills = {"Founder"};
  auto transaction = world.store().BeginBulk();
  ASSERT_TRUE(transaction);
  auto added = world.store().InsertContacts({cy, di}, {"cy", "di"}, "t");
  ASSERT_TRUE(added);
  ASSERT_TRUE(transaction->Commit());
  auto cards = world.store().GetContacts({before->id, added->at(0), added->at(1)});
  ASSERT_TRUE(cards);
  ASSERT_EQ(cards->size(), 3U);
  EXPECT_EQ((*cards)[0].tags, ada.tags);
  EXPECT_EQ((*cards)[1].tags, cy.tags);
  EXPECT_EQ((*cards)[2].tags, di.tags);
  EXPECT_EQ((*cards)[2].skills, di.skills);
  const auto tagged = [&](const std::string& tag) {
    ListQuery query;
    query.tag = tag;
    std::vector<ContactId> ids;
    auto listed = world.store().ListContacts(query);
    EXPECT_TRUE(listed);
    if (listed) {
      for (const Contact& contact : *listed) ids.push_back(contact.id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  EXPECT_EQ(tagged("mentor"), (std::vector<ContactId>{before->id, added->at(0), added->at(1)}));
  EXPECT_EQ(tagged("founder"), (std::vector<ContactId>{added->at(0)}));
  ExpectSoundIndex(world.store());
}

TEST(BulkWrite, ABulkThatDoesNotCommitLeavesNothingAndTheNextWriteIndexesAsUsual) {
  testing::TestWorld world;
  {
    auto transaction = world.store().BeginBulk();
    ASSERT_TRUE(transaction);
    ASSERT_TRUE(world.store().InsertContacts({Card("Ada Okafor"), Card("Bea Kovacs")}, {"a", "b"}, "t"));
    // Destroyed without Commit(): a failed import, or a dry run.
  }
  EXPECT_EQ(*world.store().CountContacts(ListQuery{}), 0);
  EXPECT_EQ(Hits(world.store(), "okafor"), 0U);
  // The next card is indexed at once, as outside any bulk.
  auto transaction = world.store().Begin();
  ASSERT_TRUE(transaction);
  ASSERT_TRUE(world.store().InsertContact(Card("Cy Young"), "c", "t"));
  EXPECT_EQ(Hits(world.store(), "young"), 1U);
  ASSERT_TRUE(transaction->Commit());
  auto again = world.store().BeginBulk();
  ASSERT_TRUE(again);
  ASSERT_TRUE(world.store().InsertContacts({Card("Bea Kovacs")}, {"b"}, "t"));
  ASSERT_TRUE(again->Commit());
  EXPECT_EQ(Hits(world.store(), "kovacs"), 1U);
  ExpectSoundIndex(world.store());
}

TEST(BulkWrite, AFailedWriteInsideTheBulkMakesItsCommitRefuse) {
  testing::TestWorld world;
  ASSERT_TRUE(world.store().InsertContact(Card("Existing Person"), "taken", "t"));
  {
    auto transaction = world.store().BeginBulk();
    ASSERT_TRUE(transaction);
    ASSERT_TRUE(world.store().InsertContacts({Card("Ada Okafor")}, {"a"}, "t"));
    // The second uid collides after the first card of the batch was written.
    ASSERT_FALSE(world.store().InsertContacts({Card("Bea Kovacs"), Card("Cy Young")}, {"b", "taken"}, "t"));
    EXPECT_FALSE(transaction->Commit());
  }
  EXPECT_EQ(*world.store().CountContacts(ListQuery{}), 1);
  EXPECT_EQ(Hits(world.store(), "okafor"), 0U);
  EXPECT_EQ(Hits(world.store(), "kovacs"), 0U);
  ExpectSoundIndex(world.store());
}

// Into a small list the bulk builds the list's sort indexes and the rows of
// its insert triggers (the sync journal, the health marks) after its cards;
// into a large one it writes them row by row. Either way the schema is as
// before, and every new card is in the journal CardDAV clients sync from
// and sorted by name where the list shows it.
TEST(BulkWrite, NewCardsAreJournaledAndSortedWhateverTheSizeOfTheList) {
  testing::TestWorld world;
  const std::vector<std::string> schema = Schema(world.database_path());
  ASSERT_FALSE(schema.empty());
  const std::vector<ContactId> small = InsertInBulk(world.store(), 3, "Small");
  EXPECT_EQ(Schema(world.database_path()), schema);
  EXPECT_EQ(Synced(world.store()), small);
  auto stale = world.store().StaleHealth(ListQuery{}, Date{2026, 11, 26}, 10);
  ASSERT_TRUE(stale);
  EXPECT_EQ(*stale, small);  // health marks them to be scored

  // Past the size where rebuilding the indexes would cost more than it saves.
  const std::vector<ContactId> large = InsertInBulk(world.store(), 20000, "Large");
  const std::vector<ContactId> after = InsertInBulk(world.store(), 2, "After");
  EXPECT_EQ(Schema(world.database_path()), schema);
  const std::vector<ContactId> synced = Synced(world.store());
  ASSERT_EQ(synced.size(), 20005U);
  EXPECT_EQ(synced.back(), after.back());
  EXPECT_EQ(Hits(world.store(), "after1"), 1U);
  ListQuery by_name;
  by_name.limit = 2;
  auto first = world.store().ListContacts(by_name);
  ASSERT_TRUE(first);
  ASSERT_EQ(first->size(), 2U);
  EXPECT_EQ((*first)[0].display_name, "After0 Okafor");
  ExpectSoundIndex(world.store());
}

TEST(BulkWrite, ARolledBackBulkIntoAnEmptyListLeavesTheSchemaAsItWas) {
  testing::TestWorld world;
  const std::vector<std::string> schema = Schema(world.database_path());
  {
    auto transaction = world.store().BeginBulk();
    ASSERT_TRUE(transaction);
    ASSERT_TRUE(world.store().InsertContacts({Card("Ada Okafor")}, {"a"}, "t"));
  }
  EXPECT_EQ(Schema(world.database_path()), schema);
  ASSERT_TRUE(world.store().InsertContact(Card("Bea Kovacs"), "b", "t"));
  EXPECT_EQ(Synced(world.store()).size(), 1U);
}

// FTS5's merging of the index's segments, as each search table's %_config
// holds it ("" when the table keeps its default of 4).
std::string Automerge(const std::string& path, const std::string& table) {
  sqlite3* handle = nullptr;
  std::string value;
  if (sqlite3_open_v2(path.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* select = nullptr;
    const std::string sql = "SELECT v FROM " + table + "_config WHERE k = 'automerge'";
    sqlite3_prepare_v2(handle, sql.c_str(), -1, &select, nullptr);
    if (sqlite3_step(select) == SQLITE_ROW)
      value = reinterpret_cast<const char*>(sqlite3_column_text(select, 0));
    sqlite3_finalize(select);
  }
  sqlite3_close(handle);
  return value;
}

// A bulk turns the merging of segments off while it writes its entries: the
// writes after it must merge again, or segments would pile up and every
// search would read each of them.
TEST(BulkWrite, TheIndexMergesItsSegmentsAgainAfterABulk) {
  testing::TestWorld world;
  InsertInBulk(world.store(), 30, "p");
  for (const std::string table : {"search_names", "search_cards"}) {
    const std::string automerge = Automerge(world.database_path(), table);
    EXPECT_TRUE(automerge.empty() || automerge == "4") << table << " automerge " << automerge;
  }
  ASSERT_TRUE(world.store().InsertContact(Card("Bea Kovacs"), "b", "t"));
  EXPECT_EQ(Hits(world.store(), "okafor"), 30U);
  EXPECT_EQ(Hits(world.store(), "kovacs"), 1U);
  ExpectSoundIndex(world.store());
}

// PRAGMA `name` of the file at `path`, as a number (-1 when it cannot be read).
std::int64_t PragmaOf(const std::string& path, const std::string& name) {
  sqlite3* handle = nullptr;
  std::int64_t value = -1;
  if (sqlite3_open_v2(path.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* select = nullptr;
    const std::string sql = "PRAGMA " + name;
    sqlite3_prepare_v2(handle, sql.c_str(), -1, &select, nullptr);
    if (sqlite3_step(select) == SQLITE_ROW) value = sqlite3_column_int64(select, 0);
    sqlite3_finalize(select);
  }
  sqlite3_close(handle);
  return value;
}

// A bulk drops and rebuilds the indexes it defers and merges the index
// segments it wrote: pages the file no longer uses. A file kith made gives
// them back at the bulk's end, so a million imported people take the room
// their cards need, not that plus a copy of the search index.
// (A merge frees pages only once FTS5 has flushed its buffer more than once,
// past a hundred thousand cards; here a dropped table leaves the free pages.)
TEST(BulkWrite, ABulkGivesThePagesItFreedBackToTheFileSystem) {
  testing::TestWorld world;
  ASSERT_TRUE(world.store().InsertContact(Card("Early Okafor", "Acme"), "e", "t"));
  {
    sqlite3* handle = nullptr;
    ASSERT_EQ(sqlite3_open(world.database_path().c_str(), &handle), SQLITE_OK);
    const int made = sqlite3_exec(handle,
                                  "CREATE TABLE scratch(b); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL "
                                  "SELECT i + 1 FROM n WHERE i < 500) INSERT INTO scratch SELECT "
                                  "randomblob(4000) FROM n; DROP TABLE scratch;",
                                  nullptr, nullptr, nullptr);
    sqlite3_close(handle);
    ASSERT_EQ(made, SQLITE_OK);
  }
  ASSERT_GT(PragmaOf(world.database_path(), "freelist_count"), 400);
  InsertInBulk(world.store(), 30, "p");
  EXPECT_EQ(PragmaOf(world.database_path(), "auto_vacuum"), 2) << "incremental";
  EXPECT_EQ(PragmaOf(world.database_path(), "freelist_count"), 0);
  EXPECT_EQ(Hits(world.store(), "okafor"), 31U);
  ExpectSoundIndex(world.store());
}

// A file made before kith chose incremental mode cannot change it without
// rewriting the whole file: its bulk lands as before and the free pages
// stay for its next writes.
TEST(BulkWrite, AFileInAnotherVacuumModeTakesABulkAsBefore) {
  testing::TempDirectory directory;
  const std::string path = (directory.path() / "older.db").string();
  {
    sqlite3* handle = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &handle), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(handle, "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(handle);
  }
  auto store = OpenStore(path);
  ASSERT_TRUE(store) << store.error().message;
  ASSERT_TRUE((*store)->InsertContact(Card("Early Okafor", "Acme"), "e", "t"));
  InsertInBulk(**store, 300, "p");
  EXPECT_EQ(PragmaOf(path, "auto_vacuum"), 0) << "none";
  auto found = (*store)->CountContacts({});
  ASSERT_TRUE(found);
  EXPECT_EQ(*found, 301);
  ExpectSoundIndex(**store);
}

// A bulk write of many cards on either store (on PostgreSQL, COPY: every
// table of a card in one batch each) gives back exactly the cards one
// write at a time gives, every value included, however awkward its text.
class BulkCards : public ::testing::TestWithParam<testing::StoreKind> {};
KITH_ON_BOTH_STORES(BulkCards);

ContactFields EveryValue(int n) {
  const std::string at = std::to_string(n);
  ContactFields card;
  card.display_name = "Zoë O'Brien-Back\\slash " + at;
  card.given_name = "Zoë";
  card.family_name = "O'Brien";
  card.emails = {"zoe" + at + "@acme.example", "Zoe.Private" + at + "@Mail.example"};
  card.phones = {
      Phone{"+1 312 555 01" + std::to_string(10 + n % 80), "+131255501" + std::to_string(10 + n % 80)}};
  card.company = "Acme\tTabs & \"Quotes\"";
  card.title = "Head of\nLines";
  card.website = "https://acme.example/" + at;
  card.links = {
      Link{LinkKind::kLinkedIn, "https://www.linkedin.com/in/zoe-" + at, true, false, Date{2024, 3, 5}},
      Link{LinkKind::kGitHub, "https://github.com/zoe" + at, false, true, std::nullopt}};
  card.city = "Zürich";
  card.neighborhood = "Kreis 4";
  card.hometown = "Łódź";
  card.how_met = "a {brace} and a \\N that is no NULL";
  card.met_at = "RustConf 2026";
  card.met_on = Date{2026, 11, 1 + n % 20};
  card.tags = {"mentor", "tag " + at};
  card.skills = {"SQLite", "C++"};
  card.interests = {"climbing"};
  card.open_to_opportunities = n % 2 == 0;
  card.looking_for = n % 2 == 0 ? "a studio" : "";
  card.open_since = n % 2 == 0 ? std::optional<Date>(Date{2026, 10, 1}) : std::nullopt;
  card.notes = "line one\r\nline two\ttabbed\\back";
  card.custom = {CustomField{"Shoe size", "44"}, CustomField{"", "unlabelled"}};
  card.nickname = "Z";
  card.role = "Organiser";
  card.departments = {"Research", "Databases"};
  card.birthday = PartialDate{std::nullopt, 4, 2};
  card.anniversary = PartialDate{2015, 6, 20};
  Address address;
  address.types = {"work"};
  address.pref = 1;
  address.label = "Office";
  address.street = "1 Main St\nFloor 2";
  address.locality = "Chicago";
  address.region = "IL";
  address.postal_code = "60601";
  address.country = "USA";
  address.delivery_label = "1 Main St\nChicago";
  card.addresses = {address};
  card.value_types = {ValueType{"EMAIL", card.emails[0], {"work", "internet"}, 1, "Work"}};
  card.photo = "https://acme.example/zoe.jpg";
  card.vcard_properties = {"X-SOCIALPROFILE;TYPE=mastodon:https://mastodon.social/@zoe" + at};
  return card;
}

TEST_P(BulkCards, ManyCardsWrittenInBulkReadBackAsOneAtATime) {
  testing::TestWorld bulk{GetParam()};
  testing::TestWorld single{GetParam()};
  std::vector<ContactFields> cards;
  std::vector<std::string> uids;
  for (int n = 0; n < 40; ++n) {
    cards.push_back(EveryValue(n));
    uids.push_back("uid-" + std::to_string(n));
  }
  auto transaction = bulk.store().BeginBulk();
  ASSERT_TRUE(transaction);
  auto ids = bulk.store().InsertContacts(cards, uids, "2026-11-26T12:00:00Z");
  ASSERT_TRUE(ids) << ids.error().message;
  ASSERT_TRUE(transaction->Commit());
  for (std::size_t n = 0; n < cards.size(); ++n) {
    ASSERT_TRUE(single.store().InsertContact(cards[n], uids[n], "2026-11-26T12:00:00Z"));
  }
  auto written = bulk.store().GetContacts(*ids);
  auto one_by_one = single.store().GetContacts(*ids);
  ASSERT_TRUE(written && one_by_one);
  ASSERT_EQ(written->size(), cards.size());
  for (std::size_t n = 0; n < cards.size(); ++n) {
    EXPECT_EQ(static_cast<const ContactFields&>((*written)[n]), cards[n]) << "card " << n;
    EXPECT_EQ((*written)[n].uid, uids[n]);
    EXPECT_EQ((*written)[n], (*one_by_one)[n]) << "card " << n;
  }
  // Found by what was written, through the same index and vocabulary.
  for (const std::string query :
       {"zoë", "o'brien", "zurich", "lodz", "email:zoe7@acme.example", "tag:mentor", "studio", "backslash"}) {
    EXPECT_EQ(Hits(bulk.store(), query), Hits(single.store(), query)) << query;
  }
  EXPECT_EQ(Hits(bulk.store(), "obrien"), Hits(single.store(), "obrien"));
  EXPECT_GT(Hits(bulk.store(), "zoe"), 0U);
  ExpectSoundIndex(bulk.store());
  // The emails and profile URLs an import recognises people by.
  auto by_email = bulk.store().FindContactIds(ContactKey::kEmail, "ZOE.PRIVATE3@mail.example");
  ASSERT_TRUE(by_email);
  EXPECT_EQ(*by_email, std::vector<ContactId>{(*ids)[3]});
  auto by_link = bulk.store().FindContactIds(ContactKey::kLinkUrl, "https://www.linkedin.com/in/zoe-5");
  ASSERT_TRUE(by_link);
  EXPECT_EQ(*by_link, std::vector<ContactId>{(*ids)[5]});
}

// A name a thousand cards share, asked of the names as typed and as a
// prefix of one, two and three letters, comes newest first whichever way
// the store answers it: here 1,100 "Zed"s, more than PostgreSQL reads from
// name_terms before it tries the newest cards, all older than the newest
// 4,200 cards, which have other names.
TEST_P(BulkCards, ANameAThousandShareComesNewestFirst) {
  testing::TestWorld world{GetParam()};
  constexpr int kZeds = 1100;
  std::vector<ContactFields> cards;
  std::vector<std::string> uids;
  for (int n = 0; n < kZeds; ++n) {
    cards.push_back(Card("Zed Number" + std::to_string(n), "", Date{2000, 1, 1}.AddDays(n)));
    uids.push_back("zed-" + std::to_string(n));
  }
  for (int n = 0; n < 4200; ++n) {
    cards.push_back(Card("Other Person" + std::to_string(n), "", Date{2026, 1, 1}.AddDays(n)));
    uids.push_back("other-" + std::to_string(n));
  }
  auto transaction = world.store().BeginBulk();
  ASSERT_TRUE(transaction);
  auto ids = world.store().InsertContacts(cards, uids, "t");
  ASSERT_TRUE(ids) << ids.error().message;
  ASSERT_TRUE(transaction->Commit());
  std::vector<ContactId> newest_zeds;
  for (int n = kZeds - 1; n >= kZeds - 8; --n) newest_zeds.push_back((*ids)[static_cast<std::size_t>(n)]);
  for (const std::string expression : {"\"zed\"", "\"z\"*", "\"ze\"*", "\"zed\"*", "(\"zde\"* OR \"zed\")"}) {
    auto found = world.store().MatchSearchIndex(SearchTable::kNames, expression, 8);
    ASSERT_TRUE(found) << found.error().message;
    EXPECT_EQ(*found, newest_zeds) << expression;
  }
  ExpectSoundIndex(world.store());
}

}  // namespace
}  // namespace kith
