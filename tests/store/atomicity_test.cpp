#include <gtest/gtest.h>

#include "search/search.h"
#include "store/store.h"
#include "support/temp_database.h"

namespace kith {
namespace {

ContactFields Card(std::string name) {
  ContactFields fields;
  fields.display_name = std::move(name);
  return fields;
}

TEST(Atomicity, UncommittedTransactionLeavesNothingBehind) {
  testing::TestWorld world;
  {
    auto transaction = world.store().Begin();
    ASSERT_TRUE(transaction);
    ASSERT_TRUE(world.store().InsertContact(Card("Ada Okafor"), "u1", "t"));
    // Destroyed without Commit(): an error path returning early.
  }
  EXPECT_EQ(*world.store().CountContacts(ListQuery{}), 0);
  EXPECT_TRUE(Search(world.store(), {"okafor", 10, 0})->empty());
}

TEST(Atomicity, FailureHalfwayThroughABulkInsertWritesNothing) {
  testing::TestWorld world;
  ASSERT_TRUE(world.store().InsertContact(Card("Existing Person"), "taken", "t"));
  std::vector<ContactFields> cards = {Card("Ada Okafor"), Card("Bea Kovács"), Card("Cy Young")};
  {
    auto transaction = world.store().Begin();
    ASSERT_TRUE(transaction);
    // The third uid collides, after two rows and their index entries were written.
    auto ids = world.store().InsertContacts(cards, {"a", "b", "taken"}, "t");
    ASSERT_FALSE(ids);
  }
  EXPECT_EQ(*world.store().CountContacts(ListQuery{}), 1);
  EXPECT_TRUE(Search(world.store(), {"okafor", 10, 0})->empty());
  EXPECT_TRUE(Search(world.store(), {"kovacs", 10, 0})->empty());
  EXPECT_EQ(Search(world.store(), {"existing", 10, 0})->size(), 1U);
}

TEST(Atomicity, FailedWriteWithoutTransactionRollsBackItsOwnSteps) {
  testing::TestWorld world;
  auto first = world.store().InsertContact(Card("Ada Okafor"), "u1", "t");
  ASSERT_TRUE(first);
  // An update to an id that does not exist changes nothing and says so.
  auto status = world.store().UpdateContact(ContactId{first->id.value + 100}, Card("Ghost"), "t");
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(Search(world.store(), {"ghost", 10, 0})->empty());
}

TEST(Atomicity, CommittedTransactionIsVisibleAfterReopening) {
  testing::TempDirectory directory;
  const std::string path = (directory.path() / "kith.db").string();
  {
    auto store = OpenSqliteStore(path);
    ASSERT_TRUE(store);
    auto transaction = (*store)->Begin();
    ASSERT_TRUE(transaction);
    ASSERT_TRUE((*store)->InsertContact(Card("Ada Okafor"), "u1", "t"));
    ASSERT_TRUE(transaction->Commit());
  }
  auto reopened = OpenSqliteStore(path);
  ASSERT_TRUE(reopened);
  EXPECT_EQ(*(*reopened)->CountContacts(ListQuery{}), 1);
  EXPECT_EQ(Search(**reopened, {"ada", 10, 0})->size(), 1U);
}

}  // namespace
}  // namespace kith
