#include <gtest/gtest.h>

#include <algorithm>

#include "app/contacts.h"
#include "app/relationships.h"
#include "support/temp_database.h"

namespace kith {
namespace {

std::vector<std::string> Names(testing::TestWorld& world) {
  ListQuery query;
  query.limit = 1000;
  query.sort = ListSort::kCreated;
  std::vector<std::string> names;
  auto listed = ListContacts(world.context(), query);
  EXPECT_TRUE(listed);
  if (!listed) return names;
  for (const auto& contact : *listed) names.push_back(contact.display_name);
  return names;
}

class GenerateContactsTest : public ::testing::TestWithParam<testing::StoreKind> {};
KITH_ON_BOTH_STORES(GenerateContactsTest);

TEST_P(GenerateContactsTest, SameSeedSamePeople) {
  testing::TestWorld first{GetParam()};
  testing::TestWorld second{GetParam()};
  ASSERT_TRUE(GenerateContacts(first.context(), 300, 42));
  ASSERT_TRUE(GenerateContacts(second.context(), 300, 42));
  EXPECT_EQ(Names(first), Names(second));
  EXPECT_EQ(*first.store().CountContacts(ListQuery{}), 300);
}

TEST_P(GenerateContactsTest, GeneratedPeopleAreSearchable) {
  testing::TestWorld world{GetParam()};
  ASSERT_TRUE(GenerateContacts(world.context(), 500, 7));
  auto first = ListContacts(world.context(), ListQuery{});
  ASSERT_TRUE(first && !first->empty());
  const Contact& someone = first->front();
  auto found = SearchContacts(
      world.context(), {someone.family_name.empty() ? someone.display_name : someone.family_name, 500, 0});
  ASSERT_TRUE(found);
  EXPECT_TRUE(std::any_of(found->begin(), found->end(),
                          [&](const FoundContact& item) { return item.contact.id == someone.id; }));
}

int ItemsOfKind(const DayAgenda& agenda, AgendaItemKind kind) {
  return static_cast<int>(
      std::count_if(agenda.entries.begin(), agenda.entries.end(),
                    [&](const DayAgendaEntry& entry) { return entry.item.kind == kind; }));
}

TEST_P(GenerateContactsTest, ANewNetworkShowsTheLoopOnToday) {
  testing::TestWorld world{GetParam()};
  ASSERT_TRUE(GenerateContacts(world.context(), 500, 7));
  auto agenda = Today(world.context());
  ASSERT_TRUE(agenda) << agenda.error().message;
  EXPECT_EQ(ItemsOfKind(*agenda, AgendaItemKind::kFollowUp), 5) << "people met at a conference yesterday";
  EXPECT_GE(ItemsOfKind(*agenda, AgendaItemKind::kReconnect), 1) << "a monthly cadence months after a coffee";
  auto events = ListEvents(world.context(), 10);
  ASSERT_TRUE(events);
  ASSERT_EQ(events->size(), 1U);
  EXPECT_EQ(events->front().event.on, (Date{2026, 11, 25}));
  EXPECT_EQ(events->front().met, 5);
}

TEST_P(GenerateContactsTest, OnePersonStillGetsAFollowUp) {
  testing::TestWorld world{GetParam()};
  ASSERT_TRUE(GenerateContacts(world.context(), 1, 7));
  auto agenda = Today(world.context());
  ASSERT_TRUE(agenda);
  EXPECT_EQ(ItemsOfKind(*agenda, AgendaItemKind::kFollowUp), 1);
}

TEST_P(GenerateContactsTest, RejectsZero) {
  testing::TestWorld world{GetParam()};
  EXPECT_EQ(GenerateContacts(world.context(), 0, 1).error().code, ErrorCode::kInvalidInput);
}

}  // namespace
}  // namespace kith
