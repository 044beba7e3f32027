#include <gtest/gtest.h>

#include "app/contacts.h"
#include "support/temp_database.h"

namespace kith {
namespace {

class ListContactsTest : public ::testing::TestWithParam<testing::StoreKind> {};
KITH_ON_BOTH_STORES(ListContactsTest);

TEST_P(ListContactsTest, RejectsNonPositiveLimit) {
  testing::TestWorld world{GetParam()};
  ListQuery query;
  query.limit = 0;
  auto listed = ListContacts(world.context(), query);
  ASSERT_FALSE(listed);
  EXPECT_EQ(listed.error().field, "limit");
}

TEST_P(ListContactsTest, RejectsNegativeOffset) {
  testing::TestWorld world{GetParam()};
  ListQuery query;
  query.offset = -1;
  EXPECT_EQ(ListContacts(world.context(), query).error().field, "offset");
}

TEST_P(ListContactsTest, PagesCoverEveryoneOnce) {
  testing::TestWorld world{GetParam()};
  ASSERT_TRUE(GenerateContacts(world.context(), 45, 9));
  std::vector<std::int64_t> seen;
  ListQuery query;
  query.limit = 10;
  for (query.offset = 0; query.offset < 60; query.offset += 10) {
    auto page = ListContacts(world.context(), query);
    ASSERT_TRUE(page);
    for (const auto& contact : *page) seen.push_back(contact.id.value);
  }
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(seen.size(), 45U);
  EXPECT_EQ(std::unique(seen.begin(), seen.end()), seen.end());
}

}  // namespace
}  // namespace kith
