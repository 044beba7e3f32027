#include <gtest/gtest.h>

#include "app/contacts.h"
#include "app/relationships.h"
#include "support/temp_database.h"

namespace kith {
namespace {

class RemoveContactTest : public ::testing::TestWithParam<testing::StoreKind> {};
KITH_ON_BOTH_STORES(RemoveContactTest);

TEST_P(RemoveContactTest, MovesToTrashAndRestoreBringsBack) {
  testing::TestWorld world{GetParam()};
  ContactFields fields;
  fields.display_name = "Ada Okafor";
  auto ada = AddContact(world.context(), fields);
  ASSERT_TRUE(ada);
  auto removed = RemoveContact(world.context(), ada->id);
  ASSERT_TRUE(removed);
  EXPECT_TRUE(removed->trashed_at);
  EXPECT_TRUE(ListContacts(world.context(), ListQuery{})->empty());
  EXPECT_TRUE(SearchContacts(world.context(), {"ada", 5, 0})->empty());
  auto restored = RestoreContact(world.context(), ada->id);
  ASSERT_TRUE(restored);
  EXPECT_FALSE(restored->trashed_at);
  EXPECT_EQ(SearchContacts(world.context(), {"ada", 5, 0})->size(), 1U);
}

TEST_P(RemoveContactTest, UnknownIdIsNotFound) {
  testing::TestWorld world{GetParam()};
  auto removed = RemoveContact(world.context(), ContactId{5});
  ASSERT_FALSE(removed);
  EXPECT_EQ(removed.error().code, ErrorCode::kNotFound);
}

class RestoreContactTest : public ::testing::TestWithParam<testing::StoreKind> {};
KITH_ON_BOTH_STORES(RestoreContactTest);

TEST_P(RestoreContactTest, ContactNotInTrashIsAConflict) {
  testing::TestWorld world{GetParam()};
  ContactFields fields;
  fields.display_name = "Ada Okafor";
  auto ada = AddContact(world.context(), fields);
  ASSERT_TRUE(ada);
  auto restored = RestoreContact(world.context(), ada->id);
  ASSERT_FALSE(restored);
  EXPECT_EQ(restored.error().code, ErrorCode::kConflict);
}

Contact Added(testing::TestWorld& world, const std::string& name) {
  ContactFields fields;
  fields.display_name = name;
  auto added = AddContact(world.context(), fields);
  EXPECT_TRUE(added) << (added ? "" : added.error().message);
  return added ? *added : Contact{};
}

class EmptyTrashTest : public ::testing::TestWithParam<testing::StoreKind> {};
KITH_ON_BOTH_STORES(EmptyTrashTest);

TEST_P(EmptyTrashTest, DeletesOnlyTheTrashedForGoodWithWhatHangsOffThem) {
  testing::TestWorld world{GetParam()};
  const Contact ada = Added(world, "Ada Okafor");
  const Contact bea = Added(world, "Bea Lindqvist");
  const Contact cem = Added(world, "Cem Aksoy");
  ASSERT_TRUE(SetFact(world.context(), bea.id, FactKind::kPersonal, "hometown", "Malmö"));
  ASSERT_TRUE(SetFact(world.context(), ada.id, FactKind::kPersonal, "hometown", "Lagos"));
  ASSERT_TRUE(RemoveContact(world.context(), bea.id));
  ASSERT_TRUE(RemoveContact(world.context(), cem.id));

  auto deleted = EmptyTrash(world.context());
  ASSERT_TRUE(deleted) << deleted.error().message;
  EXPECT_EQ(*deleted, 2);
  EXPECT_EQ(world.store().GetContact(bea.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(world.store().GetContact(cem.id).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(world.store().FactsOf(bea.id)->empty()) << "a deleted card's facts go with it";
  ASSERT_TRUE(world.store().GetContact(ada.id));
  EXPECT_EQ(world.store().FactsOf(ada.id)->size(), 1U);
  EXPECT_EQ(SearchContacts(world.context(), {"ada", 5, 0})->size(), 1U);
  EXPECT_TRUE(world.store().CheckIntegrity()->empty());
}

TEST_P(EmptyTrashTest, AnEmptyTrashDeletesNobody) {
  testing::TestWorld world{GetParam()};
  const Contact ada = Added(world, "Ada Okafor");
  auto deleted = EmptyTrash(world.context());
  ASSERT_TRUE(deleted);
  EXPECT_EQ(*deleted, 0);
  EXPECT_TRUE(world.store().GetContact(ada.id));
}

}  // namespace
}  // namespace kith
