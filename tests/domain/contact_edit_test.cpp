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
  ada.addresses = {
      Address{{"work"}, 0, "", "", "", "1 Main St", "Chicago", "", "", "", "1 Main St\nChicago"}};
  ada.value_types = {ValueType{"EMAIL", "ada@acme.com", {"work"}, 0, ""}};
  ContactPatch same;
  same.fields = ada;
  same.present = {"email_types", "emails", "addresses", "website_type", "links"};
  ContactFields fields = ada;
  EXPECT_FALSE(ApplyCardFieldsPatch(same, fields));
  EXPECT_EQ(fields, static_cast<const ContactFields&>(ada));

  ContactPatch patch;
  patch.fields = ada;
  patch.fields.addresses.clear();
  patch.fields.role = "Mentor";  // not a card field of this patch: left alone
  patch.fields.value_types = {ValueType{"EMAIL", "ada@home.org", {}, 1, "Lab"}};
  patch.present = {"addresses", "email_types"};
  EXPECT_TRUE(ApplyCardFieldsPatch(patch, fields));
  EXPECT_TRUE(fields.addresses.empty());
  EXPECT_EQ(fields.value_types, patch.fields.value_types);
  EXPECT_EQ(fields.role, "");
}

TEST(ApplyCardFieldsPatch, LinksCarryTheirTypesAndAnUntypedOneKeepsItsOwn) {
  Contact ada = Ada();
  ada.website = "https://ada.example";
  ada.links.push_back(Link{LinkKind::kGitHub, "https://github.com/ada", false, false, std::nullopt});
  ada.value_types = {ValueType{"URL", "https://ada.example", {"home"}, 0, ""},
                     ValueType{"URL", "https://github.com/ada", {}, 0, "Code"}};
  ContactPatch patch;
  patch.fields.links = ada.links;
  patch.fields.value_types = {ValueType{"URL", ada.links.front().url, {"work"}, 0, ""}};
  patch.links_without_types = {"https://github.com/ada"};
  patch.present = {"links"};
  ContactFields fields = ada;
  EXPECT_TRUE(ApplyCardFieldsPatch(patch, fields));
  EXPECT_EQ(FindValueType(fields.value_types, "URL", ada.links.front().url)->types,
            std::vector<std::string>{"work"});
  EXPECT_EQ(FindValueType(fields.value_types, "URL", "https://github.com/ada")->label, "Code");
  EXPECT_EQ(FindValueType(fields.value_types, "URL", "https://ada.example")->types,
            std::vector<std::string>{"home"})
      << "the website's type stays when website_type is not sent";

  ContactPatch website;
  website.fields.value_types = {ValueType{"URL", "", {}, 1, "Studio"}};  // no "website": the card's
  website.present = {"website_type"};
  EXPECT_TRUE(ApplyCardFieldsPatch(website, fields));
  const ValueType* type = FindValueType(fields.value_types, "URL", "https://ada.example");
  ASSERT_NE(type, nullptr);
  EXPECT_EQ(type->label, "Studio");
  EXPECT_EQ(type->pref, 1);
}

TEST(EditForPatch, CardScalarsAreEditsWhenTheyDiffer) {
  Contact ada = Ada();
  ada.nickname = "Ace";
  ada.birthday = PartialDate{std::nullopt, 4, 12};
  ContactPatch patch;
  patch.fields = ada;
  patch.present = {"nickname", "birthday", "departments", "anniversary", "role"};
  EXPECT_TRUE(EditForPatch(patch, ada).Empty()) << "the same values change nothing";
  patch.fields.nickname = "Ada";
  patch.fields.birthday.reset();
  patch.fields.departments = {"Platform", "Compilers"};
  const ContactEdit edit = EditForPatch(patch, ada);
  EXPECT_EQ(edit.nickname, "Ada");
  ASSERT_TRUE(edit.birthday.has_value());
  EXPECT_FALSE(edit.birthday->has_value()) << "null clears the birthday";
  EXPECT_EQ(edit.departments, (std::vector<std::string>{"Platform", "Compilers"}));
  EXPECT_FALSE(edit.role.has_value());
  EXPECT_FALSE(edit.anniversary.has_value());
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
