#include <gtest/gtest.h>

#include "store/store.h"
#include "support/temp_database.h"

namespace kith {
namespace {

ContactFields Card(std::string name) {
  ContactFields fields;
  fields.display_name = std::move(name);
  const auto space = fields.display_name.find(' ');
  fields.given_name = fields.display_name.substr(0, space);
  fields.family_name = space == std::string::npos ? "" : fields.display_name.substr(space + 1);
  return fields;
}

ContactFields FullCard() {
  ContactFields fields = Card("Ada Okafor");
  fields.emails = {"ada@acme.com", "ada@okafor.dev"};
  fields.phones = {Phone{"+1 312 555 0134", "+13125550134"}};
  fields.company = "Acme Robotics";
  fields.title = "Staff Engineer";
  fields.website = "https://okafor.dev";
  fields.links = {Link{LinkKind::kLinkedIn, "https://www.linkedin.com/in/ada", true, false, Date{2025, 1, 2}},
                  Link{LinkKind::kGitHub, "https://github.com/ada", false, true, std::nullopt}};
  fields.city = "Chicago";
  fields.neighborhood = "Pilsen";
  fields.hometown = "Lagos";
  fields.how_met = "intro from Sam";
  fields.met_at = "PyCon US 2026";
  fields.met_on = Date{2026, 5, 15};
  fields.tags = {"mentor", "friend"};
  fields.skills = {"C++", "SQLite"};
  fields.interests = {"climbing"};
  fields.open_to_opportunities = true;
  fields.looking_for = "staff roles";
  fields.open_since = Date{2026, 10, 1};
  fields.notes = "Loves sourdough.\nAsk about the move.";
  fields.custom = {CustomField{"Birthday", "1985-04-12"}, CustomField{"Assistant", "Sam"}};
  fields.photo = "data:image/png;base64,iVBORw0KGgo=";
  fields.vcard_properties = {"RELATED;TYPE=spouse;VALUE=text:Ben", "item2.X-ABLabel:Partner"};
  fields.kind = "org";
  fields.nickname = "Addie";
  fields.role = "Mentor";
  fields.departments = {"Platform", "Infra, Berlin"};
  fields.birthday = PartialDate{std::nullopt, 2, 29};
  fields.anniversary = PartialDate{2015, 6, 1};
  fields.addresses = {Address{{"work", "parcel"},
                              1,
                              "Studio",
                              "PO 7",
                              "Suite 3",
                              "1 Main St",
                              "Chicago",
                              "IL",
                              "60601",
                              "USA",
                              "Ada Okafor\nSuite 3, 1 Main St\nChicago, IL 60601"},
                      Address{}};
  fields.value_types = {ValueType{"EMAIL", "ada@acme.com", {"work"}, 1, ""},
                        ValueType{"TEL", "+1 312 555 0134", {"cell", "voice"}, 0, "Assistant"},
                        ValueType{"URL", "https://github.com/ada", {}, 2, "Code"}};
  return fields;
}

// Every test runs on both stores: a new SQLite file and a new PostgreSQL
// database in the test cluster.
class StoreContacts : public ::testing::TestWithParam<testing::StoreKind> {};

KITH_ON_BOTH_STORES(StoreContacts);

TEST_P(StoreContacts, RoundTripsEveryField) {
  testing::TestWorld world(GetParam());
  const ContactFields fields = FullCard();
  auto inserted = world.store().InsertContact(fields, "uid-1", "2026-11-26T12:00:00Z");
  ASSERT_TRUE(inserted) << inserted.error().message;
  auto loaded = world.store().GetContact(inserted->id);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(static_cast<const ContactFields&>(*loaded), fields);
  EXPECT_EQ(loaded->uid, "uid-1");
  EXPECT_EQ(loaded->created_at, "2026-11-26T12:00:00Z");
  EXPECT_FALSE(loaded->trashed_at);
}

TEST_P(StoreContacts, UnknownIdIsNotFound) {
  testing::TestWorld world(GetParam());
  auto loaded = world.store().GetContact(ContactId{404});
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(loaded.error().message, "no contact with id 404");
}

TEST_P(StoreContacts, DuplicateUidIsRefused) {
  testing::TestWorld world(GetParam());
  ASSERT_TRUE(world.store().InsertContact(Card("Ada Okafor"), "same", "t"));
  auto second = world.store().InsertContact(Card("Bea Kovács"), "same", "t");
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, ErrorCode::kAlreadyExists);
}

TEST_P(StoreContacts, UpdateReplacesListsAndKeepsIdentity) {
  testing::TestWorld world(GetParam());
  auto inserted = world.store().InsertContact(FullCard(), "uid-1", "2026-01-01T00:00:00Z");
  ASSERT_TRUE(inserted);
  ContactFields changed = FullCard();
  changed.emails = {"ada@kite.dev"};
  changed.tags = {"investor"};
  changed.links.clear();
  ASSERT_TRUE(world.store().UpdateContact(inserted->id, changed, "2026-02-01T00:00:00Z"));
  auto loaded = world.store().GetContact(inserted->id);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->emails, std::vector<std::string>{"ada@kite.dev"});
  EXPECT_EQ(loaded->tags, std::vector<std::string>{"investor"});
  EXPECT_TRUE(loaded->links.empty());
  EXPECT_EQ(loaded->uid, "uid-1");
  EXPECT_EQ(loaded->created_at, "2026-01-01T00:00:00Z");
  EXPECT_EQ(loaded->updated_at, "2026-02-01T00:00:00Z");
}

TEST_P(StoreContacts, TrashAndRestore) {
  testing::TestWorld world(GetParam());
  auto inserted = world.store().InsertContact(Card("Ada Okafor"), "u", "t0");
  ASSERT_TRUE(inserted);
  ASSERT_TRUE(world.store().TrashContact(inserted->id, "t1"));
  EXPECT_TRUE(world.store().GetContact(inserted->id)->trashed_at);
  EXPECT_TRUE(world.store().ListContacts(ListQuery{})->empty());
  ListQuery trash;
  trash.trashed = true;
  EXPECT_EQ(world.store().ListContacts(trash)->size(), 1U);
  EXPECT_EQ(world.store().TrashContact(inserted->id, "t2").error().code, ErrorCode::kConflict);
  ASSERT_TRUE(world.store().RestoreContact(inserted->id, "t3"));
  EXPECT_FALSE(world.store().GetContact(inserted->id)->trashed_at);
  EXPECT_EQ(world.store().RestoreContact(inserted->id, "t4").error().code, ErrorCode::kConflict);
}

TEST_P(StoreContacts, ListSortsByNameIgnoringAccentsAndCase) {
  testing::TestWorld world(GetParam());
  for (const char* name : {"zoë Adams", "Émile Zola", "ada Okafor", "Bea Kovács"}) {
    ASSERT_TRUE(world.store().InsertContact(Card(name), name, "t"));
  }
  auto listed = world.store().ListContacts(ListQuery{});
  ASSERT_TRUE(listed);
  std::vector<std::string> names;
  for (const auto& contact : *listed) names.push_back(contact.display_name);
  EXPECT_EQ(names, (std::vector<std::string>{"ada Okafor", "Bea Kovács", "Émile Zola", "zoë Adams"}));
}

TEST_P(StoreContacts, ListFiltersByTagAndEventAndPages) {
  testing::TestWorld world(GetParam());
  for (int i = 0; i < 7; ++i) {
    ContactFields fields = Card("Person " + std::to_string(i));
    if (i % 2 == 0) fields.tags = {"Mentor"};
    if (i < 3) fields.met_at = "PyCon";
    ASSERT_TRUE(world.store().InsertContact(fields, "u" + std::to_string(i), "t"));
  }
  ListQuery tagged;
  tagged.tag = "mentor";
  EXPECT_EQ(world.store().ListContacts(tagged)->size(), 4U);
  ListQuery met;
  met.event = "pycon";
  EXPECT_EQ(world.store().ListContacts(met)->size(), 3U);
  ListQuery page;
  page.limit = 3;
  page.offset = 6;
  EXPECT_EQ(world.store().ListContacts(page)->size(), 1U);
  EXPECT_EQ(*world.store().CountContacts(ListQuery{}), 7);
}

TEST_P(StoreContacts, ListSortsByMetOnNewestFirstWithUnknownLast) {
  testing::TestWorld world(GetParam());
  ContactFields early = Card("Early Bird");
  early.met_on = Date{2020, 1, 1};
  ContactFields late = Card("Late Comer");
  late.met_on = Date{2026, 1, 1};
  ASSERT_TRUE(world.store().InsertContact(Card("Never Met"), "a", "t"));
  ASSERT_TRUE(world.store().InsertContact(early, "b", "t"));
  ASSERT_TRUE(world.store().InsertContact(late, "c", "t"));
  ListQuery query;
  query.sort = ListSort::kMetOn;
  auto listed = world.store().ListContacts(query);
  ASSERT_EQ(listed->size(), 3U);
  EXPECT_EQ((*listed)[0].display_name, "Late Comer");
  EXPECT_EQ((*listed)[2].display_name, "Never Met");
}

TEST_P(StoreContacts, FindByNameIgnoresAccentsAndCase) {
  testing::TestWorld world(GetParam());
  ASSERT_TRUE(world.store().InsertContact(Card("José Núñez"), "u", "t"));
  auto found = world.store().FindContactsByName("jose nunez");
  ASSERT_TRUE(found);
  ASSERT_EQ(found->size(), 1U);
  EXPECT_EQ(found->front().display_name, "José Núñez");
}

TEST_P(StoreContacts, LongPrefixesFindWhatTheyBeginHoweverTypedAndNothingElse) {
  // Past the prefix lengths a table indexes, a prefix is asked through the
  // vocabulary, which holds terms folded: a prefix typed otherwise must still
  // find the card, and one that begins no term must find nobody.
  testing::TestWorld world(GetParam());
  ContactFields fields = Card("Ada Okaforowa");
  fields.notes = "Bakes sourdough bread.";
  auto ada = world.store().InsertContact(fields, "a", "t");
  ASSERT_TRUE(ada) << ada.error().message;
  ASSERT_TRUE(world.store().InsertContact(Card("Bea Okafor"), "b", "t"));
  const auto found = [&world](SearchTable table, const std::string& expression) {
    auto ids = world.store().MatchSearchIndex(table, expression, 10);
    EXPECT_TRUE(ids) << expression << ": " << ids.error().message;
    return ids ? *ids : std::vector<ContactId>{};
  };
  const std::vector<ContactId> just_ada = {ada->id};
  EXPECT_EQ(found(SearchTable::kNames, "\"okaforo\"*"), just_ada);
  EXPECT_EQ(found(SearchTable::kNames, "\"OKAFORO\"*"), just_ada);
  EXPECT_EQ(found(SearchTable::kNames, "\"ókaforo\"*"), just_ada);
  EXPECT_EQ(found(SearchTable::kNames, "\"okaforz\"*"), std::vector<ContactId>{});
  EXPECT_EQ(found(SearchTable::kNames, "(\"okaforz\"* OR \"ada\")"), just_ada);
  EXPECT_EQ(found(SearchTable::kCards, "\"Okaforo\"*"), just_ada);
  EXPECT_EQ(found(SearchTable::kEverything, "\"sourdo\"*"), just_ada);
  EXPECT_EQ(found(SearchTable::kEverything, "\"SOURDO\"*"), just_ada);
  EXPECT_EQ(found(SearchTable::kEverything, "\"sourdz\"*"), std::vector<ContactId>{});
}

TEST_P(StoreContacts, BulkInsertAssignsIdsInOrder) {
  testing::TestWorld world(GetParam());
  std::vector<ContactFields> cards = {Card("One A"), Card("Two B"), Card("Three C")};
  auto ids = world.store().InsertContacts(cards, {"1", "2", "3"}, "t");
  ASSERT_TRUE(ids);
  ASSERT_EQ(ids->size(), 3U);
  EXPECT_EQ(world.store().GetContact((*ids)[1])->display_name, "Two B");
}

}  // namespace
}  // namespace kith

namespace kith {
namespace {

// Past a few thousand members a tag filter walks the name index instead of
// sorting the members; both ways must give the same page.
TEST_P(StoreContacts, ListOfACommonTagIsSortedAndFiltered) {
  testing::TestWorld world(GetParam());
  std::vector<ContactFields> cards;
  std::vector<std::string> uids;
  for (int i = 0; i < 5400; ++i) {
    ContactFields fields;
    fields.display_name = "Person " + std::to_string(100000 + (i * 7919) % 5400);
    if (i % 26 != 0) fields.tags = {"Mentor"};
    cards.push_back(std::move(fields));
    uids.push_back("u" + std::to_string(i));
  }
  ASSERT_TRUE(world.store().InsertContacts(cards, uids, "t"));
  ListQuery query;
  query.tag = "mentor";
  query.limit = 100;
  auto listed = world.store().ListContacts(query);
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 100U);
  for (std::size_t i = 0; i < listed->size(); ++i) {
    EXPECT_EQ((*listed)[i].tags, std::vector<std::string>{"Mentor"});
    if (i > 0) {
      EXPECT_LT((*listed)[i - 1].display_name, (*listed)[i].display_name);
    }
  }
  EXPECT_EQ((*listed)[0].display_name, "Person 100001");
}

}  // namespace
}  // namespace kith
