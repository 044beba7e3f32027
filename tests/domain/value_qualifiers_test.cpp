#include "domain/value_qualifiers.h"

#include <gtest/gtest.h>

namespace kith {
namespace {

ContactFields Card() {
  ContactFields fields;
  fields.emails = {"Ada@Acme.example"};
  fields.phones = {Phone{"+1 (312) 555-0100", "+13125550100"}};
  fields.website = "https://acme.example";
  fields.links = {Link{LinkKind::kGitHub, "https://github.com/ada", false, false, std::nullopt}};
  return fields;
}

TEST(SetValueTypes, FindsEachValueAsAPersonTypesIt) {
  ContactFields fields = Card();
  ASSERT_TRUE(SetValueTypes(fields, {{"EMAIL", "ada@acme.example", {"work"}, 0, ""},
                                     {"TEL", "+1 312 555 0100", {"cell"}, 1, ""},
                                     {"URL", "acme.example", {"home"}, 0, ""},
                                     {"URL", "github.com/ada", {}, 0, "Code"}}));
  // Each type is kept under the card's own spelling of its value.
  ASSERT_NE(FindValueType(fields.value_types, "EMAIL", "Ada@Acme.example"), nullptr);
  EXPECT_EQ(FindValueType(fields.value_types, "TEL", "+1 (312) 555-0100")->pref, 1);
  EXPECT_EQ(FindValueType(fields.value_types, "URL", "https://acme.example")->types,
            std::vector<std::string>{"home"});
  EXPECT_EQ(FindValueType(fields.value_types, "URL", "https://github.com/ada")->label, "Code");
}

TEST(SetValueTypes, AnEmptyTypeClearsTheValuesTypeAndLeavesTheOthers) {
  ContactFields fields = Card();
  ASSERT_TRUE(SetValueTypes(
      fields, {{"EMAIL", "ada@acme.example", {"work"}, 0, ""}, {"TEL", "+13125550100", {"fax"}, 0, ""}}));
  ASSERT_TRUE(SetValueTypes(fields, {{"EMAIL", "ADA@ACME.EXAMPLE", {}, 0, ""}}));
  EXPECT_EQ(FindValueType(fields.value_types, "EMAIL", "Ada@Acme.example"), nullptr);
  EXPECT_NE(FindValueType(fields.value_types, "TEL", "+1 (312) 555-0100"), nullptr);
}

TEST(SetValueTypes, RefusesAValueTheCardDoesNotHave) {
  ContactFields fields = Card();
  const Status status = SetValueTypes(fields, {{"TEL", "+1 312 555 0199", {"cell"}, 0, ""}});
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(status.error().message, "phone type for '+1 312 555 0199': there is no such phone on this card");
  EXPECT_EQ(status.error().field, "phone_types");
}

TEST(IsTypeName, TakesWhatEveryVcardVersionCanCarry) {
  EXPECT_TRUE(IsTypeName("x-assistant"));
  EXPECT_FALSE(IsTypeName("cell phone"));
  EXPECT_FALSE(IsTypeName(""));
  EXPECT_FALSE(IsTypeName(std::string(65, 'a')));
}

}  // namespace
}  // namespace kith
