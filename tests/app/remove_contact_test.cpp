#include <gtest/gtest.h>

#include "app/contacts.h"
#include "support/temp_database.h"

namespace kith {
namespace {

TEST(RemoveContact, MovesToTrashAndRestoreBringsBack) {
  testing::TestWorld world;
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

TEST(RemoveContact, UnknownIdIsNotFound) {
  testing::TestWorld world;
  auto removed = RemoveContact(world.context(), ContactId{5});
  ASSERT_FALSE(removed);
  EXPECT_EQ(removed.error().code, ErrorCode::kNotFound);
}

TEST(RestoreContact, ContactNotInTrashIsAConflict) {
  testing::TestWorld world;
  ContactFields fields;
  fields.display_name = "Ada Okafor";
  auto ada = AddContact(world.context(), fields);
  ASSERT_TRUE(ada);
  auto restored = RestoreContact(world.context(), ada->id);
  ASSERT_FALSE(restored);
  EXPECT_EQ(restored.error().code, ErrorCode::kConflict);
}

}  // namespace
}  // namespace kith
