// A person is found by name — as typed, as a prefix, with a typo — after
// every write that changes who is in the index or in which order: an
// edit, the trash and back, emptying the trash, a merge and its undo. On
// PostgreSQL the names tier reads name_terms, which triggers keep beside
// the search entries (migration 12); `kith check` compares the two.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "app/contacts.h"
#include "app/transfer.h"
#include "support/temp_database.h"

namespace kith {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class NameSearch : public ::testing::TestWithParam<testing::StoreKind> {
 protected:
  ContactId Add(const std::string& name, Date met_on) {
    ContactFields fields;
    fields.display_name = name;
    fields.met_on = met_on;
    auto contact = AddContact(world_.context(), fields);
    EXPECT_TRUE(contact) << contact.error().message;
    return contact ? contact->id : ContactId{};
  }

  std::vector<std::int64_t> Found(const std::string& query) {
    auto found = SearchContacts(world_.context(), {query, 20, 0});
    EXPECT_TRUE(found) << found.error().message;
    std::vector<std::int64_t> ids;
    if (found) {
      for (const auto& hit : *found) ids.push_back(hit.contact.id.value);
    }
    return ids;
  }

  void ExpectSoundIndex() {
    auto problems = world_.store().CheckIntegrity();
    ASSERT_TRUE(problems) << problems.error().message;
    EXPECT_THAT(*problems, IsEmpty());
  }

  testing::TestWorld world_{GetParam()};
};

KITH_ON_BOTH_STORES(NameSearch);

TEST_P(NameSearch, ARenamedCardIsFoundByItsNewNameOnly) {
  const ContactId ada = Add("Ada Okafor", Date{2025, 1, 1});
  ContactEdit edit;
  edit.display_name = "Ada Lovelace";
  ASSERT_TRUE(EditContact(world_.context(), ada, edit));
  EXPECT_THAT(Found("lovel"), ElementsAre(ada.value));
  EXPECT_THAT(Found("lovelace"), ElementsAre(ada.value));
  EXPECT_THAT(Found("lovelcae"), ElementsAre(ada.value)) << "a typo of the new name";
  EXPECT_THAT(Found("okaf"), IsEmpty());
  EXPECT_THAT(Found("okafor"), IsEmpty());
  ExpectSoundIndex();
}

TEST_P(NameSearch, ANewerRelationshipMovesACardUpItsName) {
  const ContactId older = Add("Ada Okafor", Date{2020, 1, 1});
  const ContactId newer = Add("Chidi Okafor", Date{2024, 1, 1});
  EXPECT_THAT(Found("okaf"), ElementsAre(newer.value, older.value));
  ContactEdit edit;
  edit.met_on = Date{2026, 6, 1};
  ASSERT_TRUE(EditContact(world_.context(), older, edit));
  EXPECT_THAT(Found("okaf"), ElementsAre(older.value, newer.value));
  EXPECT_THAT(Found("okafor"), ElementsAre(older.value, newer.value));
  ExpectSoundIndex();
}

TEST_P(NameSearch, TheTrashHidesANameAndARestoreBringsItBack) {
  const ContactId ada = Add("Ada Okafor", Date{2025, 1, 1});
  const ContactId chidi = Add("Chidi Okafor", Date{2024, 1, 1});
  ASSERT_TRUE(RemoveContact(world_.context(), ada));
  EXPECT_THAT(Found("okaf"), ElementsAre(chidi.value));
  EXPECT_THAT(Found("ada"), IsEmpty());
  ExpectSoundIndex();
  ASSERT_TRUE(RestoreContact(world_.context(), ada));
  EXPECT_THAT(Found("okaf"), ElementsAre(ada.value, chidi.value));
  EXPECT_THAT(Found("ada"), ElementsAre(ada.value));
  ExpectSoundIndex();
  ASSERT_TRUE(RemoveContact(world_.context(), ada));
  ASSERT_TRUE(EmptyTrash(world_.context()));
  EXPECT_THAT(Found("okafor"), ElementsAre(chidi.value));
  EXPECT_THAT(Found("ad"), IsEmpty());
  ExpectSoundIndex();
}

TEST_P(NameSearch, AMergeAndItsUndoMoveTheNamesWithTheCards) {
  const ContactId kept = Add("Ada Okafor", Date{2020, 1, 1});
  const ContactId other = Add("Adaeze Okafor", Date{2024, 1, 1});
  const ContactId between = Add("Chidi Okafor", Date{2022, 1, 1});
  ASSERT_TRUE(world_.store().SetLastContact(other, Date{2026, 11, 2}));
  EXPECT_THAT(Found("okafor"), ElementsAre(other.value, between.value, kept.value));
  auto merged = MergeContacts(world_.context(), kept, other);
  ASSERT_TRUE(merged) << merged.error().message;
  EXPECT_THAT(Found("okafor"), ElementsAre(kept.value, between.value))
      << "the kept card took the later last contact; the other is in the trash";
  EXPECT_THAT(Found("adaeze"), ::testing::Not(::testing::Contains(other.value)));
  ExpectSoundIndex();
  ASSERT_TRUE(UndoMerge(world_.context(), merged->merge.id));
  EXPECT_THAT(Found("okafor"), ElementsAre(other.value, between.value, kept.value));
  EXPECT_THAT(Found("adaeze"), ElementsAre(other.value));
  ExpectSoundIndex();
}

}  // namespace
}  // namespace kith
