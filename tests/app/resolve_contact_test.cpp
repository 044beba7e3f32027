#include <gtest/gtest.h>

#include "app/contacts.h"
#include "support/temp_database.h"

namespace kith {
namespace {

ContactId Add(testing::TestWorld& world, const std::string& name, const std::string& company = "") {
  ContactFields fields;
  fields.display_name = name;
  fields.company = company;
  auto contact = AddContact(world.context(), fields);
  EXPECT_TRUE(contact);
  return contact->id;
}

class ResolveContactTest : public ::testing::TestWithParam<testing::StoreKind> {};
KITH_ON_BOTH_STORES(ResolveContactTest);

TEST_P(ResolveContactTest, ById) {
  testing::TestWorld world{GetParam()};
  const auto ada = Add(world, "Ada Okafor");
  EXPECT_EQ(ResolveContact(world.context(), std::to_string(ada.value))->id, ada);
}

TEST_P(ResolveContactTest, ByWholeNameIgnoringAccents) {
  testing::TestWorld world{GetParam()};
  const auto jose = Add(world, "José Núñez");
  Add(world, "José Núñez Jr");
  EXPECT_EQ(ResolveContact(world.context(), "jose nunez")->id, jose);
}

TEST_P(ResolveContactTest, ByPartOfAName) {
  testing::TestWorld world{GetParam()};
  const auto ada = Add(world, "Ada Okafor");
  Add(world, "Bea Kovács");
  EXPECT_EQ(ResolveContact(world.context(), "okaf")->id, ada);
}

TEST_P(ResolveContactTest, AmbiguousNameListsCandidates) {
  testing::TestWorld world{GetParam()};
  const auto first = Add(world, "Maria Garcia", "Acme");
  const auto second = Add(world, "Maria Lopez", "Kite");
  auto resolved = ResolveContact(world.context(), "maria");
  ASSERT_FALSE(resolved);
  EXPECT_EQ(resolved.error().code, ErrorCode::kConflict);
  const std::string& message = resolved.error().message;
  EXPECT_NE(message.find("matches 2 people"), std::string::npos) << message;
  EXPECT_NE(message.find(std::to_string(first.value) + "  Maria Garcia (Acme)"), std::string::npos);
  EXPECT_NE(message.find(std::to_string(second.value) + "  Maria Lopez (Kite)"), std::string::npos);
}

TEST_P(ResolveContactTest, UnknownNameAndIdAreNotFound) {
  testing::TestWorld world{GetParam()};
  Add(world, "Ada Okafor");
  EXPECT_EQ(ResolveContact(world.context(), "zebedee").error().code, ErrorCode::kNotFound);
  auto by_id = ResolveContact(world.context(), "999");
  ASSERT_FALSE(by_id);
  EXPECT_EQ(by_id.error().message, "no contact with id 999");
}

TEST_P(ResolveContactTest, NameSearchDoesNotMatchOtherFields) {
  testing::TestWorld world{GetParam()};
  Add(world, "Bea Kovács", "Okafor Holdings");
  EXPECT_EQ(ResolveContact(world.context(), "okafor").error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace kith
