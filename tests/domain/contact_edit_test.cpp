// EditForPatch: the PATCH rule, each named field replaced as a whole.
#include "domain/contact_edit.h"

#include "domain/card_patch.h"

#include <gtest/gtest.h>

namespace kith {
namespace {

Contact Ada() {
  Contact ada;
  ada.id = ContactId{1};
  ada.display_name = "Ada Okafor";
  ada.company = "Acme";
  ada.emails = {"ada@acme.com", "ada@home.org"};
  ada.tags = {"mentor"};
  ada.links = {Link{LinkKind::kLinkedIn, "https://www.linkedin.com/in/ada", true, false, std::nullopt}};
  return ada;
}

TEST(EditForPatch, FieldsNotNamedAreLeftAlone) {
  ContactPatch patch;  // every field empty, none named
  EXPECT_TRUE(EditForPatch(patch, Ada()).Empty());
}

TEST(EditForPatch, ANamedTextFieldIsReplacedOnlyWhenItDiffers) {
  ContactPatch patch;
  patch.fields = Ada();
  patch.fields.company = "Ferrous";
  patch.present = {"name", "company"};
  const ContactEdit edit = EditForPatch(patch, Ada());
  EXPECT_FALSE(edit.display_name.has_value());
  EXPECT_EQ(edit.company, "Ferrous");
}

TEST(ApplyCardFieldsPatch, NamedCardFieldsAreReplacedOnlyWhenTheyDiffer) {
  Contact ada = Ada();
  ada.nickname = "Ace";
  ada.birthday = PartialDate{std::nullopt, 4, 12};
  ada.value_types = {ValueType{"EMAIL", "ada@acme.com", {"work"}, 0, ""}};
  ContactPatch same;
  same.fields = ada;
  same.present = {"nickname", "birthday", "email_types", "emails", "addresses", "departments"};
  ContactFields fields = ada;
  EXPECT_FALSE(ApplyCardFieldsPatch(same, fields));
  EXPECT_EQ(fields, static_cast<const ContactFields&>(ada));

  ContactPatch patch;
  patch.fields = ada;
  patch.fields.nickname = "Ada";
  patch.fields.role = "Mentor";  // not named: left alone
  patch.fields.birthday.reset();
  patch.fields.value_types = {ValueType{"EMAIL", "ada@home.org", {}, 1, "Lab"}};
  patch.present = {"nickname", "birthday", "email_types"};
  EXPECT_TRUE(ApplyCardFieldsPatch(patch, fields));
  EXPECT_EQ(fields.nickname, "Ada");
  EXPECT_FALSE(fields.birthday.has_value()) << "null clears the birthday";
  EXPECT_EQ(fields.value_types, patch.fields.value_types);
  EXPECT_EQ(fields.role, "");
}

TEST(EditForPatch, ANamedListIsReplacedAsAWhole) {
  ContactPatch patch;
  patch.fields.emails = {"ada@home.org", "ada@ferrous.dev"};
  patch.present = {"emails", "tags"};
  const ContactEdit edit = EditForPatch(patch, Ada());
  EXPECT_EQ(edit.add_emails, std::vector<std::string>{"ada@ferrous.dev"});
  EXPECT_EQ(edit.remove_emails, std::vector<std::string>{"ada@acme.com"});
  EXPECT_EQ(edit.remove_tags, std::vector<std::string>{"mentor"});
}

TEST(EditForPatch, ALinkOfTheSameKindReplacesTheOldOne) {
  ContactPatch patch;
  patch.fields.links = {
      Link{LinkKind::kLinkedIn, "https://www.linkedin.com/in/ada-okafor", true, false, std::nullopt}};
  patch.present = {"links"};
  const ContactEdit edit = EditForPatch(patch, Ada());
  EXPECT_TRUE(edit.remove_links.empty());
  ASSERT_EQ(edit.add_links.size(), 1U);
  EXPECT_EQ(edit.add_links[0].url, "https://www.linkedin.com/in/ada-okafor");
  patch.fields.links.clear();
  EXPECT_EQ(EditForPatch(patch, Ada()).remove_links, std::vector<LinkKind>{LinkKind::kLinkedIn});
}

}  // namespace
}  // namespace kith
