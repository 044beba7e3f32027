#include <gtest/gtest.h>

#include <set>

#include "app/contacts.h"
#include "support/temp_database.h"

namespace kith {
namespace {

ContactFields Named(std::string name) {
  ContactFields fields;
  fields.display_name = std::move(name);
  return fields;
}

class AddContactTest : public ::testing::TestWithParam<testing::StoreKind> {};
KITH_ON_BOTH_STORES(AddContactTest);

TEST_P(AddContactTest, StoresTheCardWithCompletedNamesAndUid) {
  testing::TestWorld world{GetParam()};
  auto contact = AddContact(world.context(), Named("  Ada Okafor "));
  ASSERT_TRUE(contact) << contact.error().message;
  EXPECT_EQ(contact->display_name, "Ada Okafor");
  EXPECT_EQ(contact->given_name, "Ada");
  EXPECT_EQ(contact->family_name, "Okafor");
  EXPECT_EQ(contact->uid.size(), 36U);
  EXPECT_EQ(contact->created_at, "2026-11-26T12:00:00Z");
  auto stored = world.store().GetContact(contact->id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->uid, contact->uid);
}

TEST_P(AddContactTest, NormalisesPhonesKeepingWhatWasTyped) {
  testing::TestWorld world{GetParam()};  // region US
  ContactFields fields = Named("Ada Okafor");
  fields.phones = {Phone{"(312) 555-0134", ""}, Phone{"+36 30 555 0101", ""}};
  auto contact = AddContact(world.context(), fields);
  ASSERT_TRUE(contact);
  EXPECT_EQ(contact->phones[0].original, "(312) 555-0134");
  EXPECT_EQ(contact->phones[0].e164, "+13125550134");
  EXPECT_EQ(contact->phones[1].e164, "+36305550101");
}

TEST_P(AddContactTest, DropsRepeatedTagsAndEmails) {
  testing::TestWorld world{GetParam()};
  ContactFields fields = Named("Ada Okafor");
  fields.tags = {"mentor", "Mentor ", "friend"};
  fields.emails = {"ada@acme.com", "ADA@acme.com"};
  auto contact = AddContact(world.context(), fields);
  ASSERT_TRUE(contact);
  EXPECT_EQ(contact->tags, (std::vector<std::string>{"mentor", "friend"}));
  EXPECT_EQ(contact->emails.size(), 1U);
}

TEST_P(AddContactTest, OpenToOpportunitiesStartsToday) {
  testing::TestWorld world{GetParam()};
  ContactFields fields = Named("Ada Okafor");
  fields.open_to_opportunities = true;
  auto contact = AddContact(world.context(), fields);
  ASSERT_TRUE(contact);
  EXPECT_EQ(contact->open_since, (Date{2026, 11, 26}));
}

TEST_P(AddContactTest, RejectsMissingNameAndWritesNothing) {
  testing::TestWorld world{GetParam()};
  ContactFields fields;
  fields.emails = {"ada@acme.com"};
  auto contact = AddContact(world.context(), fields);
  ASSERT_FALSE(contact);
  EXPECT_EQ(contact.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(contact.error().field, "name");
  EXPECT_EQ(*world.store().CountContacts(ListQuery{}), 0);
}

TEST_P(AddContactTest, RejectsEmailWithoutDomain) {
  testing::TestWorld world{GetParam()};
  ContactFields fields = Named("Bob");
  fields.emails = {"bob@"};
  auto contact = AddContact(world.context(), fields);
  ASSERT_FALSE(contact);
  EXPECT_EQ(contact.error().message, "email 'bob@' has no domain");
  EXPECT_EQ(*world.store().CountContacts(ListQuery{}), 0);
}

TEST_P(AddContactTest, RejectsMalformedWebsite) {
  testing::TestWorld world{GetParam()};
  ContactFields fields = Named("Bob");
  fields.website = "http:/x";
  auto contact = AddContact(world.context(), fields);
  ASSERT_FALSE(contact);
  EXPECT_EQ(contact.error().field, "website");
  EXPECT_EQ(*world.store().CountContacts(ListQuery{}), 0);
}

TEST_P(AddContactTest, IsSearchableImmediately) {
  testing::TestWorld world{GetParam()};
  auto contact = AddContact(world.context(), Named("José Núñez"));
  ASSERT_TRUE(contact);
  auto found = SearchContacts(world.context(), {"nunez", 5, 0});
  ASSERT_TRUE(found);
  ASSERT_EQ(found->size(), 1U);
  EXPECT_EQ(found->front().contact.id, contact->id);
}

}  // namespace
}  // namespace kith

namespace kith {
namespace {

TEST(UidGenerator, MakesDistinctVersionSevenUuidsThatAscend) {
  const FixedClock clock(Date{2026, 11, 26});
  UidGenerator generator(clock);
  std::set<std::string> seen;
  std::string previous;
  for (int i = 0; i < 10000; ++i) {
    const std::string uid = generator.Next();
    ASSERT_EQ(uid.size(), 36U);
    EXPECT_EQ(uid[14], '7');
    EXPECT_NE(std::string("89ab").find(uid[19]), std::string::npos);
    EXPECT_LT(previous, uid) << "a bulk import appends to the uid index only if its uids ascend";
    previous = uid;
    seen.insert(uid);
  }
  EXPECT_EQ(seen.size(), 10000U);
  EXPECT_NE(NewUid(clock), NewUid(clock));
}

TEST(UidGenerator, BeginsWithTheClocksTimeInUnixMilliseconds) {
  // 2026-11-26T12:00:00Z is 1,795,694,400,000 ms after the epoch: 0x01a217ba1200.
  const FixedClock clock(Date{2026, 11, 26});
  EXPECT_EQ(NewUid(clock).substr(0, 13), "01a217ba-1200");
}

}  // namespace
}  // namespace kith
