// EditForPatch: the PATCH rule, each named field replaced as a whole.
#include "domain/contact_edit.h"

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
