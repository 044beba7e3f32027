#include "domain/validation.h"

#include <gtest/gtest.h>

namespace kith {
namespace {

ContactFields Named(std::string name) {
  ContactFields fields;
  fields.display_name = std::move(name);
  return fields;
}

TEST(ValidateEmail, AcceptsOrdinaryAddresses) {
  EXPECT_TRUE(ValidateEmail("ada@acme.com"));
  EXPECT_TRUE(ValidateEmail("ada.okafor+kith@mail.example.co.uk"));
}

TEST(ValidateEmail, RejectsAddressWithoutDomain) {
  auto status = ValidateEmail("bob@");
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().message, "email 'bob@' has no domain");
  EXPECT_EQ(status.error().field, "email");
}

TEST(ValidateEmail, RejectsAddressWithoutAt) {
  EXPECT_NE(ValidateEmail("bob.example.com").error().message.find("no '@'"), std::string::npos);
}

TEST(ValidateEmail, RejectsIncompleteDomainAndSpaces) {
  EXPECT_FALSE(ValidateEmail("bob@localhost"));
  EXPECT_FALSE(ValidateEmail("bob@example."));
  EXPECT_FALSE(ValidateEmail("bob smith@example.com"));
  EXPECT_FALSE(ValidateEmail("@example.com"));
}

TEST(ValidateUrl, AcceptsHttpAndHttps) {
  EXPECT_TRUE(ValidateUrl("https://www.linkedin.com/in/ada", "linkedin"));
  EXPECT_TRUE(ValidateUrl("http://acme.example/team?x=1", "website"));
}

TEST(ValidateUrl, RejectsMalformedUrlNamingTheField) {
  auto status = ValidateUrl("http:/x", "website");
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().field, "website");
  EXPECT_EQ(status.error().message, "website 'http:/x' is not a web address (expected https://host/…)");
}

TEST(ValidateUrl, RejectsMissingSchemeAndHost) {
  EXPECT_FALSE(ValidateUrl("www.acme.com", "website"));
  EXPECT_FALSE(ValidateUrl("https://", "website"));
  EXPECT_FALSE(ValidateUrl("ftp://acme.com", "website"));
}

TEST(ValidateContactFields, RequiresAName) {
  auto status = ValidateContactFields(Named("   "));
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().field, "name");
}

TEST(ValidateContactFields, ChecksEveryEmailAndLink) {
  ContactFields fields = Named("Ada Okafor");
  fields.emails = {"ada@acme.com", "bob@"};
  EXPECT_EQ(ValidateContactFields(fields).error().message, "email 'bob@' has no domain");
  fields.emails = {"ada@acme.com"};
  fields.links = {Link{LinkKind::kTwitter, "x.com/ada", false, false, std::nullopt}};
  EXPECT_EQ(ValidateContactFields(fields).error().field, "twitter");
}

TEST(ValidateContactFields, RejectsPhoneWithoutDigits) {
  ContactFields fields = Named("Ada Okafor");
  fields.phones = {Phone{"call me", ""}};
  EXPECT_EQ(ValidateContactFields(fields).error().field, "phone");
}

TEST(CompleteNames, SplitsDisplayNameIntoGivenAndFamily) {
  ContactFields fields = Named("  Ada Lovelace Okafor ");
  CompleteNames(fields);
  EXPECT_EQ(fields.display_name, "Ada Lovelace Okafor");
  EXPECT_EQ(fields.given_name, "Ada");
  EXPECT_EQ(fields.family_name, "Okafor");
}

TEST(CompleteNames, BuildsDisplayNameFromParts) {
  ContactFields fields;
  fields.given_name = "Bea";
  fields.family_name = "Kovács";
  CompleteNames(fields);
  EXPECT_EQ(fields.display_name, "Bea Kovács");
}

TEST(CompleteNames, KeepsGivenPartsUntouched) {
  ContactFields fields = Named("Nguyễn Thị Lan");
  fields.given_name = "Lan";
  fields.family_name = "Nguyễn";
  CompleteNames(fields);
  EXPECT_EQ(fields.given_name, "Lan");
  EXPECT_EQ(fields.family_name, "Nguyễn");
}

TEST(HasNonWebScheme, TellsInstantMessagingAddressesFromHosts) {
  EXPECT_TRUE(HasNonWebScheme("skype:ann.lee"));
  EXPECT_TRUE(HasNonWebScheme("xmpp:ann@jabber.example.org"));
  EXPECT_TRUE(HasNonWebScheme("x-apple:ann"));
  EXPECT_FALSE(HasNonWebScheme("https://acme.example"));
  EXPECT_FALSE(HasNonWebScheme("acme.example:8080/x"));
  EXPECT_FALSE(HasNonWebScheme("www.acme.example"));
}

}  // namespace
}  // namespace kith
