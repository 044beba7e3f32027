#include "scan/text_patterns.h"

#include <gtest/gtest.h>

namespace kith::scan {
namespace {

TEST(FindEmails, ReadsAPlainAddressInLowerCase) {
  const auto emails = FindEmails("Ana.Pena@Kestrel.io");
  ASSERT_EQ(emails.size(), 1U);
  EXPECT_EQ(emails[0].value, "ana.pena@kestrel.io");
  EXPECT_FALSE(emails[0].repaired);
}

TEST(FindEmails, MendsAPipeReadForLAtTheStart) {
  const auto emails = FindEmails("|ucia.gomez@andina.es");
  ASSERT_EQ(emails.size(), 1U);
  EXPECT_EQ(emails[0].value, "lucia.gomez@andina.es");
  EXPECT_TRUE(emails[0].repaired);
}

TEST(FindEmails, JoinsSpacesOCRPutAroundTheAtAndTheDots) {
  ASSERT_EQ(FindEmails("jo @ acme . com").size(), 1U);
  EXPECT_EQ(FindEmails("jo @ acme . com")[0].value, "jo@acme.com");
  EXPECT_EQ(FindEmails("jorg@lumiere fr")[0].value, "jorg@lumiere.fr");
}

TEST(FindEmails, DropsAccentsOCRAddedToAnAddress) {
  EXPECT_EQ(FindEmails("jürgen@nordlicht.de")[0].value, "jurgen@nordlicht.de");
}

TEST(FindEmails, FindsNothingWithoutAnAt) { EXPECT_TRUE(FindEmails("www.acme.com").empty()); }

TEST(FindPhones, PlacesAnInternationalNumber) {
  const auto phones = FindPhones("+44 7700 900123", "US");
  ASSERT_EQ(phones.size(), 1U);
  EXPECT_EQ(phones[0].phone.e164, "+447700900123");
  EXPECT_FALSE(phones[0].repaired);
}

TEST(FindPhones, MendsOForZeroAndLForOne) {
  const auto phones = FindPhones("+49 3O 12345l78", "US");
  ASSERT_EQ(phones.size(), 1U);
  EXPECT_EQ(phones[0].phone.e164, "+493012345178");
  EXPECT_TRUE(phones[0].repaired);
}

TEST(FindPhones, UsesTheRegionForANationalNumber) {
  const auto phones = FindPhones("(415) 555-0134", "US");
  ASSERT_EQ(phones.size(), 1U);
  EXPECT_EQ(phones[0].phone.e164, "+14155550134");
}

TEST(FindPhones, IgnoresPostcodesAndHouseNumbers) {
  EXPECT_TRUE(FindPhones("Friedrichstraße 123, 10117 Berlin", "DE").empty());
}

TEST(StripLabel, RemovesTheUsualLabels) {
  EXPECT_EQ(StripLabel("T: +1 415 555 0134"), "+1 415 555 0134");
  EXPECT_EQ(StripLabel("Tel. +1 415 555 0134"), "+1 415 555 0134");
  EXPECT_EQ(StripLabel("Email: jo@acme.com"), "jo@acme.com");
  EXPECT_EQ(StripLabel("Mobile 617-825-2760"), "617-825-2760");
  EXPECT_EQ(StripLabel("linkedin.com/in/jo"), "linkedin.com/in/jo");
  EXPECT_EQ(StripLabel("www.acme.com"), "www.acme.com");
}

TEST(FindUrls, FindsWebsitesButNotEmailDomains) {
  ASSERT_EQ(FindUrls("www.Kestrel.io").size(), 1U);
  EXPECT_EQ(FindUrls("www.Kestrel.io")[0].value, "www.kestrel.io");
  EXPECT_TRUE(FindUrls("ana@kestrel.io").empty() || FindUrls("ana@kestrel.io")[0].value != "ana");
}

TEST(ProfileKind, TellsLinkedInAndTwitterFromAWebsite) {
  EXPECT_EQ(ProfileKind("linkedin.com/in/ana-pena"), LinkKind::kLinkedIn);
  EXPECT_EQ(ProfileKind("https://twitter.com/ana"), LinkKind::kTwitter);
  EXPECT_EQ(ProfileKind("x.com/ana"), LinkKind::kTwitter);
  EXPECT_FALSE(ProfileKind("www.acme.com"));
}

TEST(FindHandle, ReadsAHandleButNotAnEmail) {
  EXPECT_EQ(FindHandle("@anapena"), "anapena");
  EXPECT_FALSE(FindHandle("ana@pena.com"));
}

TEST(LooksLikeAddress, KnowsStreetsAndPostcodes) {
  EXPECT_TRUE(LooksLikeAddress("12 rue de Rivoli, 75001 Paris"));
  EXPECT_TRUE(LooksLikeAddress("221B Baker Street, London NW1 6XE"));
  EXPECT_TRUE(LooksLikeAddress("Friedrichstraße 123, 10117 Berlin"));
  EXPECT_FALSE(LooksLikeAddress("Head of Marketing"));
  EXPECT_FALSE(LooksLikeAddress("Kestrel Analytics Ltd"));
}

}  // namespace
}  // namespace kith::scan

namespace kith::scan {
namespace {

TEST(FindEmails, MendsSpacesAndBracketsOCRPutInAnAddress) {
  EXPECT_EQ(FindEmails("arjun. fernandez @juniperconsulting,co.uk")[0].value,
            "arjun.fernandez@juniperconsulting.co.uk");
  EXPECT_EQ(FindEmails("bokonkwo(@beacon.es")[0].value, "bokonkwo@beacon.es");
  EXPECT_EQ(FindEmails("dorte bello@redwood.de")[0].value, "dorte.bello@redwood.de");
  EXPECT_EQ(FindEmails("ada.martin@redwoodhealth, es")[0].value, "ada.martin@redwoodhealth.es");
}

TEST(FindUrls, MendsTheSchemeAndTheWww) {
  EXPECT_EQ(FindUrls("https: //www.saffron.io")[0].value, "https://www.saffron.io");
  EXPECT_EQ(FindUrls("wwww.northwind.io")[0].value, "www.northwind.io");
  EXPECT_EQ(ProfileKind("jinkedin.com/in/chloe"), LinkKind::kLinkedIn);
}

}  // namespace
}  // namespace kith::scan
