// The lookups imports and `kith dupes` rely on to recognise a person again.
#include <gtest/gtest.h>

#include "domain/contact_merge.h"
#include "store/store.h"
#include "support/temp_database.h"

namespace kith {
namespace {

constexpr const char* kNow = "2026-11-26T12:00:00Z";

ContactFields Person(std::string name, std::string company = "") {
  ContactFields fields;
  fields.display_name = std::move(name);
  const auto space = fields.display_name.find(' ');
  fields.given_name = fields.display_name.substr(0, space);
  fields.family_name = space == std::string::npos ? "" : fields.display_name.substr(space + 1);
  fields.company = std::move(company);
  return fields;
}

ContactId Insert(testing::TestWorld& world, const ContactFields& fields, const std::string& uid) {
  auto contact = world.store().InsertContact(fields, uid, kNow);
  EXPECT_TRUE(contact) << contact.error().message;
  return contact ? contact->id : ContactId{};
}

std::vector<ContactId> Find(testing::TestWorld& world, ContactKey key, std::string_view value) {
  auto ids = world.store().FindContactIds(key, value);
  EXPECT_TRUE(ids) << ids.error().message;
  return ids ? *ids : std::vector<ContactId>{};
}

// Every test but the last runs on both stores.
class ContactKeys : public ::testing::TestWithParam<testing::StoreKind> {};

KITH_ON_BOTH_STORES(ContactKeys);

TEST_P(ContactKeys, FindsByEachKey) {
  testing::TestWorld world(GetParam());
  ContactFields ada = Person("Ada Okafor", "Acme");
  ada.emails = {"Ada@Acme.com"};
  ada.phones = {Phone{"(312) 555-0134", "+13125550134"}};
  ada.links = {Link{LinkKind::kLinkedIn, "https://www.linkedin.com/in/ada", true, false, std::nullopt}};
  const ContactId id = Insert(world, ada, "uid-ada");
  Insert(world, Person("Bo Chen"), "uid-bo");

  const std::vector<ContactId> expected = {id};
  EXPECT_EQ(Find(world, ContactKey::kUid, "uid-ada"), expected);
  EXPECT_EQ(Find(world, ContactKey::kEmail, "ada@acme.com"), expected) << "case is ignored";
  EXPECT_EQ(Find(world, ContactKey::kPhone, "+13125550134"), expected);
  EXPECT_EQ(Find(world, ContactKey::kLinkUrl, "https://www.linkedin.com/in/ADA"), expected);
  EXPECT_EQ(Find(world, ContactKey::kName, "ada okáfor"), expected) << "accents and case are ignored";
  EXPECT_TRUE(Find(world, ContactKey::kEmail, "nobody@acme.com").empty());
  EXPECT_TRUE(Find(world, ContactKey::kEmail, "").empty());
}

TEST_P(ContactKeys, NamesakesAreFoundOnlyAtTheSameCompany) {
  testing::TestWorld world(GetParam());
  const ContactId acme = Insert(world, Person("Wei Zhang", "Acme"), "a");
  Insert(world, Person("Wei Zhang", "Initech"), "b");
  const ContactId freelance = Insert(world, Person("Wei Zhang"), "c");
  auto found = world.store().FindNamesakes("wei zhang", "ACME");
  ASSERT_TRUE(found) << found.error().message;
  EXPECT_EQ(*found, std::vector<ContactId>{acme});
  EXPECT_EQ(*world.store().FindNamesakes("Wei Zhang", ""), std::vector<ContactId>{freelance});
  EXPECT_TRUE(world.store().FindNamesakes("Wei Zhang", "Globex")->empty());
}

TEST_P(ContactKeys, TrashedPeopleAreNotMatchedButKeepTheirUid) {
  testing::TestWorld world(GetParam());
  ContactFields ada = Person("Ada Okafor");
  ada.emails = {"ada@acme.com"};
  const ContactId id = Insert(world, ada, "uid-ada");
  ASSERT_TRUE(world.store().TrashContact(id, kNow));
  EXPECT_TRUE(Find(world, ContactKey::kEmail, "ada@acme.com").empty());
  EXPECT_TRUE(Find(world, ContactKey::kName, "Ada Okafor").empty());
  EXPECT_EQ(Find(world, ContactKey::kUid, "uid-ada"), std::vector<ContactId>{id});
}

TEST_P(ContactKeys, DuplicatePairsNameTheSharedValue) {
  testing::TestWorld world(GetParam());
  ContactFields first = Person("Ada Okafor", "Acme");
  first.emails = {"ada@acme.com"};
  ContactFields second = Person("A. Okafor", "ACME");
  second.emails = {"ADA@acme.com"};
  second.phones = {Phone{"312 555 0134", "+13125550134"}};
  ContactFields third = Person("Ada O.", "Other");
  third.phones = {Phone{"+1 312 555 0134", "+13125550134"}};
  const ContactId a = Insert(world, first, "a");
  const ContactId b = Insert(world, second, "b");
  const ContactId c = Insert(world, third, "c");
  Insert(world, Person("Bo Chen", "Acme"), "d");

  auto pairs = world.store().FindDuplicatePairs();
  ASSERT_TRUE(pairs) << pairs.error().message;
  const auto has = [&](ContactId x, ContactId y, ContactKey key) {
    return std::any_of(pairs->begin(), pairs->end(), [&](const DuplicatePair& pair) {
      return pair.first == x && pair.second == y && pair.key == key;
    });
  };
  EXPECT_TRUE(has(a, b, ContactKey::kEmail));
  EXPECT_TRUE(has(a, b, ContactKey::kName)) << "same family name at the same company, case ignored";
  EXPECT_TRUE(has(b, c, ContactKey::kPhone));
  EXPECT_FALSE(has(a, c, ContactKey::kName));
  EXPECT_EQ(pairs->size(), 3U);
}

TEST_P(ContactKeys, JobChangesAreKeptInOrderAndMoveWithAMerge) {
  testing::TestWorld world(GetParam());
  const ContactId a = Insert(world, Person("Ada Okafor"), "a");
  const ContactId b = Insert(world, Person("Ada Okafor"), "b");
  const JobChange later{Date{2026, 11, 1}, "Connections.csv", "Acme", "Engineer", "Initech", "CTO"};
  const JobChange earlier{Date{2025, 1, 1}, "old.csv", "Globex", "Intern", "Acme", "Engineer"};
  ASSERT_TRUE(world.store().AddJobChange(b, later));
  ASSERT_TRUE(world.store().AddJobChange(a, earlier));
  const auto journal =
      world.store().InsertMerge(Merge{MergeId{}, a, b, "2026-11-26T00:00:00Z", std::nullopt}, "{}");
  ASSERT_TRUE(journal) << journal.error().message;
  ASSERT_TRUE(world.store().MoveContactRecords(b, a, *journal));
  auto changes = world.store().JobChanges(a);
  ASSERT_TRUE(changes);
  EXPECT_EQ(*changes, (std::vector<JobChange>{earlier, later}));
  EXPECT_TRUE(world.store().JobChanges(b)->empty());
}

// A merge moves the other card's image to the kept card beside its own
// (the newer shows), and undoing it puts each image back on its card.
TEST_P(ContactKeys, CardImagesMoveWithAMergeAndComeBackOnUndo) {
  testing::TestWorld world(GetParam());
  Store& store = world.store();
  const ContactId kept = Insert(world, Person("Ada Okafor"), "a");
  const ContactId other = Insert(world, Person("Ada O."), "b");
  const ContactId alone = Insert(world, Person("Linus Lee"), "c");
  ASSERT_TRUE(store.SaveCardImage(kept, CardImageData{"image/png", {std::byte{1}}, "2026-11-01"}));
  ASSERT_TRUE(store.SaveCardImage(other, CardImageData{"image/jpeg", {std::byte{2}}, "2026-11-02"}));
  ASSERT_TRUE(store.SaveCardImage(alone, CardImageData{"image/png", {std::byte{3}}, "2026-11-03"}));
  const auto journal = store.InsertMerge(Merge{MergeId{}, kept, other, kNow, std::nullopt}, "{}");
  ASSERT_TRUE(journal) << journal.error().message;
  ASSERT_TRUE(store.MoveContactRecords(other, kept, *journal));
  EXPECT_EQ(store.CardImage(kept)->mime, "image/jpeg") << "the newer image shows";
  EXPECT_EQ(store.CardImage(other).error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(store.UndoMergeMoves(*journal, kNow));
  EXPECT_EQ(store.CardImage(kept)->mime, "image/png");
  EXPECT_EQ(store.CardImage(other)->mime, "image/jpeg");
  EXPECT_EQ(store.CardImage(alone)->bytes, std::vector<std::byte>{std::byte{3}});
  EXPECT_TRUE(store.GetMerge(*journal)->first.undone_at.has_value());
}

TEST_P(ContactKeys, IdsAfterPageThroughEveryone) {
  testing::TestWorld world(GetParam());
  std::vector<ContactId> inserted;
  for (int i = 0; i < 7; ++i)
    inserted.push_back(Insert(world, Person("Person " + std::to_string(i)), std::to_string(i)));
  ASSERT_TRUE(world.store().TrashContact(inserted[3], kNow));
  std::vector<ContactId> seen;
  ContactId after{0};
  while (true) {
    auto page = world.store().ContactIdsAfter(after, 2, false);
    ASSERT_TRUE(page);
    if (page->empty()) break;
    seen.insert(seen.end(), page->begin(), page->end());
    after = page->back();
  }
  std::vector<ContactId> live = inserted;
  live.erase(live.begin() + 3);
  EXPECT_EQ(seen, live);
  EXPECT_EQ(world.store().ContactIdsAfter(ContactId{0}, 100, true)->size(), 7U);
}

TEST_P(ContactKeys, CustomFieldsAreSearchable) {
  testing::TestWorld world(GetParam());
  ContactFields ada = Person("Ada Okafor");
  ada.custom = {CustomField{"Assistant", "Thaddeus"}};
  const ContactId id = Insert(world, ada, "a");
  auto found = world.store().MatchSearchIndex(SearchTable::kCards, "thaddeus", 10);
  ASSERT_TRUE(found);
  EXPECT_EQ(*found, std::vector<ContactId>{id});
}

}  // namespace
}  // namespace kith
