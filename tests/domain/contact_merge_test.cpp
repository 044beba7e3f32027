#include "domain/contact_merge.h"

#include <gtest/gtest.h>

namespace kith {
namespace {

ContactFields Named(std::string name) {
  ContactFields fields;
  fields.display_name = std::move(name);
  return fields;
}

TEST(MergeFields, EmptyFieldsTakeTheOtherValue) {
  ContactFields keep = Named("Ada Okafor");
  ContactFields other = Named("Ada Okafor");
  other.company = "Acme";
  other.city = "Chicago";
  const ContactFields merged = MergeFields(keep, other);
  EXPECT_EQ(merged.company, "Acme");
  EXPECT_EQ(merged.city, "Chicago");
  EXPECT_TRUE(merged.custom.empty());
}

TEST(MergeFields, ConflictingValuesAreKeptAsCustomFields) {
  ContactFields keep = Named("Ada Okafor");
  keep.company = "Acme";
  ContactFields other = Named("Ada O.");
  other.company = "Initech";
  const ContactFields merged = MergeFields(keep, other);
  EXPECT_EQ(merged.company, "Acme");
  EXPECT_EQ(merged.display_name, "Ada Okafor");
  EXPECT_EQ(merged.custom,
            (std::vector<CustomField>{{"Other name", "Ada O."}, {"Other company", "Initech"}}));
}

TEST(MergeFields, SameValueInAnotherCaseIsNoConflict) {
  ContactFields keep = Named("Ada Okafor");
  keep.company = "Acme";
  ContactFields other = Named("ada okafor");
  other.company = "ACME ";
  EXPECT_EQ(MergeFields(keep, other), keep);
}

TEST(MergeFields, ListsAreUnitedWithoutRepeats) {
  ContactFields keep = Named("Ada");
  keep.emails = {"ada@acme.com"};
  keep.phones = {Phone{"(312) 555-0134", "+13125550134"}};
  keep.tags = {"mentor"};
  keep.links = {Link{LinkKind::kLinkedIn, "https://www.linkedin.com/in/ada", false, false, std::nullopt}};
  ContactFields other = Named("Ada");
  other.emails = {"ADA@acme.com", "ada@home.org"};
  other.phones = {Phone{"+1 312 555 0134", "+13125550134"}, Phone{"+44 20 7946 0000", "+442079460000"}};
  other.tags = {"Mentor", "climber"};
  other.links = {Link{LinkKind::kLinkedIn, "http://linkedin.com/in/ada/", true, false, Date{2024, 3, 12}}};
  const ContactFields merged = MergeFields(keep, other);
  EXPECT_EQ(merged.emails, (std::vector<std::string>{"ada@acme.com", "ada@home.org"}));
  ASSERT_EQ(merged.phones.size(), 2U);
  EXPECT_EQ(merged.phones[1].e164, "+442079460000");
  EXPECT_EQ(merged.tags, (std::vector<std::string>{"mentor", "climber"}));
  ASSERT_EQ(merged.links.size(), 1U) << "the same profile written two ways";
  EXPECT_TRUE(merged.links[0].connected);
  EXPECT_EQ(merged.links[0].connected_on, (Date{2024, 3, 12}));
}

TEST(MergeFields, DatesTakeTheEarlierAndNotesAreJoinedOnce) {
  ContactFields keep = Named("Ada");
  keep.met_on = Date{2026, 5, 1};
  keep.notes = "Loves sourdough.";
  ContactFields other = Named("Ada");
  other.met_on = Date{2024, 1, 9};
  other.notes = "Moving to Pilsen.";
  ContactFields merged = MergeFields(keep, other);
  EXPECT_EQ(merged.met_on, (Date{2024, 1, 9}));
  EXPECT_EQ(merged.notes, "Loves sourdough.\n\nMoving to Pilsen.");
  EXPECT_EQ(MergeFields(merged, other).notes, merged.notes) << "merging again adds nothing";
}

TEST(ProfileKey, IgnoresSchemeHostCaseSlashAndQuery) {
  EXPECT_EQ(ProfileKey("https://www.linkedin.com/in/Ada-Okafor/?trk=x"), "linkedin.com/in/ada-okafor");
  EXPECT_EQ(ProfileKey("http://linkedin.com/in/ada-okafor"), "linkedin.com/in/ada-okafor");
}

TEST(NameFromEmail, MakesANameFromTheLocalPart) {
  EXPECT_EQ(NameFromEmail("ada.okafor@acme.com"), "Ada Okafor");
  EXPECT_EQ(NameFromEmail("bo_chen+kith@x.org"), "Bo Chen Kith");
  EXPECT_EQ(NameFromEmail("12345@x.org"), "");
  EXPECT_EQ(NameFromEmail("no-at-sign"), "");
}

}  // namespace
}  // namespace kith
