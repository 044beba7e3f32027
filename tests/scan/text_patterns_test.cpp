#include "scan/text_patterns.h"

#include <gtest/gtest.h>

namespace kith::scan {
namespace {

TEST(FindEmails, ReadsAPlainAddressInLowerCase) {
  const auto emails = FindEmails("Jo.Doe@Example.io");
  ASSERT_EQ(emails.size(), 1U);
  EXPECT_EQ(emails[0].value, "jo.doe@example.io");
  EXPECT_FALSE(emails[0].repaired);
}

TEST(FindEmails, MendsAPipeReadForLAtTheStart) {
  const auto emails = FindEmails("|ena.doe@example.es");
  ASSERT_EQ(emails.size(), 1U);
  EXPECT_EQ(emails[0].value, "lena.doe@example.es");
  EXPECT_TRUE(emails[0].repaired);
}

TEST(FindEmails, JoinsSpacesOCRPutAroundTheAtAndTheDots) {
  ASSERT_EQ(FindEmails("jo @ acme . com").size(), 1U);
  EXPECT_EQ(FindEmails("jo @ acme . com")[0].value, "jo@acme.com");
  EXPECT_EQ(FindEmails("jo@example fr")[0].value, "jo@example.fr");
}

TEST(FindEmails, DropsAccentsOCRAddedToAnAddress) {
  EXPECT_EQ(FindEmails("jörn@example.de")[0].value, "jorn@example.de");
}

TEST(FindEmails, KeepsAnUnderscoreAndTheSpaceOCRSawBesideIt) {
  EXPECT_EQ(FindEmails("jo_doe@quorvane.io")[0].value, "jo_doe@quorvane.io");
  EXPECT_EQ(FindEmails("e: jo_ doe@quorvane.io")[0].value, "jo_doe@quorvane.io");
  EXPECT_EQ(FindEmails("jo _doe@quorvane.io")[0].value, "jo_doe@quorvane.io");
}

TEST(FindEmails, KeepsAHyphenAndDropsTheSpaceOCRSawAfterIt) {
  EXPECT_EQ(FindEmails("e: jo- doe@quorvane.io")[0].value, "jo-doe@quorvane.io");
  EXPECT_EQ(FindEmails("ysolde- v@quorvane. fi")[0].value, "ysolde-v@quorvane.fi");
  // Counter-examples: a label or a dash between two items stays apart.
  EXPECT_EQ(FindEmails("Mail- jo@quorvane.io")[0].value, "jo@quorvane.io");
  EXPECT_EQ(FindEmails("Sales - jo@quorvane.io")[0].value, "jo@quorvane.io");
}

TEST(FindEmails, LeavesAWordBeforeAnAddressApartEvenWithAnUnderscore) {
  // Counter-example: only a space beside an underscore goes.
  EXPECT_EQ(FindEmails("Email jo@quorvane.io")[0].value, "jo@quorvane.io");
  EXPECT_EQ(FindEmails("_ jo@quorvane.io")[0].value, "jo@quorvane.io");
}

// The one address FindUrls finds on `line`, or "".
std::string OnlyUrl(std::string_view line) {
  const auto urls = FindUrls(line);
  return urls.size() == 1 ? urls[0].value : std::string{};
}

TEST(FindUrls, MendsTheSlipsOCRMakesInAHost) {
  EXPECT_EQ(OnlyUrl("Web: quorvane.!t"), "quorvane.lt");  // '!' for 'l'
  EXPECT_EQ(OnlyUrl("https://www. quorvane. travel"), "https://www.quorvane.travel");
  EXPECT_EQ(OnlyUrl("https://www- quorvane.travel"), "https://www.quorvane.travel");
  // Counter-example: a stroke between two items is a separator, not a letter.
  EXPECT_EQ(OnlyUrl("www.quorvane.io | @ysoldev"), "www.quorvane.io");
}

TEST(FindSpacedHost, JoinsAWebLineWhoseDotsWereReadAsSpaces) {
  EXPECT_EQ(FindSpacedHost("Web quorvane com au"), "quorvane.com.au");
  EXPECT_EQ(FindSpacedHost("w: quorvane app"), "quorvane.app");
  EXPECT_EQ(FindSpacedHost("quorvane. fi"), "quorvane.fi");  // alone, in lower case, with its dot
  // Counter-examples: without a web label, words in capitals or without a
  // dot are a company ("Acme Co", "Inc. Ltd" end in public suffixes too).
  EXPECT_EQ(FindSpacedHost("Quorvane Co"), std::nullopt);
  EXPECT_EQ(FindSpacedHost("quorvane fi"), std::nullopt);
  EXPECT_EQ(FindSpacedHost("Quorvane Inc. Ltd"), std::nullopt);
  // Nor is it a host when the joined name has no public suffix, or is one.
  EXPECT_EQ(FindSpacedHost("Web: ysolde vantreight"), std::nullopt);
  EXPECT_EQ(FindSpacedHost("w: co uk"), std::nullopt);
  EXPECT_EQ(FindSpacedHost("Tel. +44 20 7946 0018"), std::nullopt);
}

TEST(ProfileKind, KnowsALinkedInProfileWhoseSuffixWasMisread) {
  EXPECT_EQ(ProfileKind("linkedin.cam/in/ysolde-v"), LinkKind::kLinkedIn);
  EXPECT_EQ(ProfileKind("www.linkedln.co/in/ysolde-v"), LinkKind::kLinkedIn);
  EXPECT_FALSE(ProfileKind("linkedin-quorvane.com/about"));
}

TEST(FindEmails, FindsNothingWithoutAnAt) { EXPECT_TRUE(FindEmails("www.acme.com").empty()); }

TEST(FindPhones, PlacesAnInternationalNumber) {
  const auto phones = FindPhones("+44 7911 123456", "US");
  ASSERT_EQ(phones.size(), 1U);
  EXPECT_EQ(phones[0].phone.e164, "+447911123456");
  EXPECT_FALSE(phones[0].repaired);
}

TEST(FindPhones, MendsOForZeroAndLForOne) {
  const auto phones = FindPhones("+49 3O 12345l78", "US");
  ASSERT_EQ(phones.size(), 1U);
  EXPECT_EQ(phones[0].phone.e164, "+493012345178");
  EXPECT_TRUE(phones[0].repaired);
}

// The one number FindPhones finds on `line`, or an empty Phone.
FoundPhone OnlyPhone(std::string_view line, std::string_view region) {
  const auto phones = FindPhones(line, region);
  return phones.size() == 1 ? phones[0] : FoundPhone{};
}

TEST(FindPhones, ReadsABlurredPlusReadAsAFourOnlyWhenThatMakesItValid) {
  const FoundPhone blurred = OnlyPhone("448 601 372 115", "US");
  EXPECT_EQ(blurred.phone.e164, "+48601372115");
  EXPECT_TRUE(blurred.repaired);
  // Counter-example: valid as printed, so the '4' is a digit.
  const FoundPhone national = OnlyPhone("720 334 9182", "US");
  EXPECT_EQ(national.phone.e164, "+17203349182");
  EXPECT_FALSE(national.repaired);
  // A speck before the '+': the number starts at the '+'.
  EXPECT_EQ(OnlyPhone("4 +1 720 334 9182", "DE").phone.e164, "+17203349182");
}

TEST(FindPhones, UsesTheRegionForANationalNumber) {
  const auto phones = FindPhones("(415) 555-0134", "US");
  ASSERT_EQ(phones.size(), 1U);
  EXPECT_EQ(phones[0].phone.e164, "+14155550134");
}

TEST(FindPhones, IgnoresPostcodesAndHouseNumbers) {
  EXPECT_TRUE(FindPhones("Hauptstraße 123, 10117 Berlin", "DE").empty());
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
  ASSERT_EQ(FindUrls("www.Example.io").size(), 1U);
  EXPECT_EQ(FindUrls("www.Example.io")[0].value, "www.example.io");
  EXPECT_TRUE(FindUrls("jo@example.io").empty() || FindUrls("jo@example.io")[0].value != "ana");
}

TEST(ProfileKind, TellsLinkedInAndTwitterFromAWebsite) {
  EXPECT_EQ(ProfileKind("linkedin.com/in/jo-doe"), LinkKind::kLinkedIn);
  EXPECT_EQ(ProfileKind("https://twitter.com/jo"), LinkKind::kTwitter);
  EXPECT_EQ(ProfileKind("x.com/jo"), LinkKind::kTwitter);
  EXPECT_FALSE(ProfileKind("www.acme.com"));
}

TEST(FindHandle, ReadsAHandleButNotAnEmail) {
  EXPECT_EQ(FindHandle("@jodoe"), "jodoe");
  EXPECT_FALSE(FindHandle("jo@doe.com"));
}

TEST(LooksLikeAddress, KnowsStreetsAndPostcodes) {
  EXPECT_TRUE(LooksLikeAddress("4 rue des Lilas, 75011 Paris"));
  EXPECT_TRUE(LooksLikeAddress("10 High Street, London SW1A 1AA"));
  EXPECT_TRUE(LooksLikeAddress("Hauptstraße 123, 10117 Berlin"));
  EXPECT_FALSE(LooksLikeAddress("Head of Marketing"));
  EXPECT_FALSE(LooksLikeAddress("Example Holdings Ltd"));
}

}  // namespace
}  // namespace kith::scan

namespace kith::scan {
namespace {

TEST(FindEmails, MendsSpacesAndBracketsOCRPutInAnAddress) {
  EXPECT_EQ(FindEmails("jo. doe @example,co.uk")[0].value, "jo.doe@example.co.uk");
  EXPECT_EQ(FindEmails("jdoe(@example.es")[0].value, "jdoe@example.es");
  EXPECT_EQ(FindEmails("jo.doe@example, es")[0].value, "jo.doe@example.es");
}

// A word before an address is another word: "WORD jo@x.com" was once glued
// into "word.jo@x.com", a wrong address on every such card.
TEST(FindEmails, NeverGluesTheWordBeforeAnAddressOntoIt) {
  const auto emails = FindEmails("WORD jo@example.com");
  ASSERT_EQ(emails.size(), 1U);
  EXPECT_EQ(emails[0].value, "jo@example.com");
  EXPECT_EQ(FindEmails("Contact jo@example.com")[0].value, "jo@example.com");
}

TEST(FindEmails, ChecksTheDomainAgainstThePublicSuffixList) {
  EXPECT_TRUE(FindEmails("jo@example.com.au")[0].known_suffix);
  EXPECT_TRUE(FindEmails("jo@example.kiwi")[0].known_suffix);
  EXPECT_FALSE(FindEmails("jo@example.cqm")[0].known_suffix);
  // A lost dot is put back only before a real suffix.
  EXPECT_EQ(FindEmails("jo@example nl")[0].value, "jo@example.nl");
  EXPECT_EQ(FindEmails("jo@example.com today").size(), 1U);
  EXPECT_EQ(FindEmails("jo@example.com today")[0].value, "jo@example.com");
}

TEST(FindPhones, KeepsOnlyNumbersLibphonenumberFindsValid) {
  EXPECT_EQ(FindPhones("+61 412 345 678", "US").size(), 1U);
  EXPECT_TRUE(FindPhones("+99 123 456 7890", "US").empty());  // no such country code
  EXPECT_TRUE(FindPhones("Tokyo 163-1030", "US").empty());    // a postcode
}

TEST(FindUrls, MendsTheSchemeAndTheWww) {
  EXPECT_EQ(FindUrls("https: //www.example.io")[0].value, "https://www.example.io");
  EXPECT_EQ(FindUrls("wwww.example.io")[0].value, "www.example.io");
  EXPECT_EQ(FindUrls("www.example nl")[0].value, "www.example.nl");
  EXPECT_EQ(ProfileKind("jinkedin.com/in/jo"), LinkKind::kLinkedIn);
}

TEST(FindEmails, ReadsARoundLetterBetweenAWordAndADomainAsTheAt) {
  EXPECT_EQ(FindEmails("joðquorvane.io")[0].value, "jo@quorvane.io");
  EXPECT_EQ(FindEmails("Email: jo.doe«quorvane.io")[0].value, "jo.doe@quorvane.io");
  EXPECT_TRUE(FindEmails("joðquorvane.io")[0].repaired);
  // Counter-examples: a name with an eth is no address, nor is a line that
  // has its '@' already.
  EXPECT_TRUE(FindEmails("Sigvarðr Østby").empty());
  EXPECT_EQ(FindEmails("joð doe@quorvane.io")[0].value, "doe@quorvane.io");
}

TEST(FindEmails, MendsAStrokeAndAHyphenReadInTheDomain) {
  EXPECT_EQ(FindEmails("jo@quorvane.!t")[0].value, "jo@quorvane.lt");
  EXPECT_EQ(FindEmails("jo@quorvane-io")[0].value, "jo@quorvane.io");
  // Counter-example: a hyphen inside a domain that has its dot stays.
  EXPECT_EQ(FindEmails("jo@quor-vane.io")[0].value, "jo@quor-vane.io");
}

TEST(FindUrls, PutsBackALostWAndADotSpacedAfterAScheme) {
  EXPECT_EQ(FindUrls("https://ww.quorvane.io")[0].value, "https://www.quorvane.io");
  EXPECT_EQ(FindUrls("https://quorvane. io")[0].value, "https://quorvane.io");
  // Counter-examples: "ww." before a single label is a host of its own; a
  // word after a host with a suffix is another word.
  EXPECT_EQ(FindUrls("ww.io")[0].value, "ww.io");
  EXPECT_EQ(FindUrls("https://quorvane.io today")[0].value, "https://quorvane.io");
}

TEST(FindUrls, MendsTheSchemesColonAndASlashReadAsALetterBeforeTheWww) {
  EXPECT_EQ(OnlyUrl("https7//tarnwick.io"), "https://tarnwick.io");
  EXPECT_EQ(OnlyUrl("w: https;//tarnwick.io"), "https://tarnwick.io");
  EXPECT_EQ(OnlyUrl("https:/Awww.tarnwick.io"), "https://www.tarnwick.io");
  EXPECT_EQ(OnlyUrl("https:/Awww. tarnwick.co.nz"), "https://www.tarnwick.co.nz");
  // Counter-example: a host that starts "awww" without the dot is a host.
  EXPECT_EQ(OnlyUrl("https://awwwtarn.io"), "https://awwwtarn.io");
}

TEST(FindUrls, JoinsDotsSpacedOnEitherSideAndAfterALostW) {
  EXPECT_EQ(OnlyUrl("https://www. tarnwick . app"), "https://www.tarnwick.app");
  EXPECT_EQ(OnlyUrl("https://ww.tarnwick. kiwi"), "https://www.tarnwick.kiwi");
  EXPECT_EQ(OnlyUrl("\"ww. tarnwick-fen.io"), "www.tarnwick-fen.io");
  // Counter-example: a word after a host that has its suffix is another word.
  EXPECT_EQ(OnlyUrl("www.tarnwick.io . today"), "www.tarnwick.io");
}

TEST(FindUrls, ReadsADigitInThePublicSuffixAsTheLetterItLooksLike) {
  EXPECT_EQ(OnlyUrl("w: tarnwick.p1"), "tarnwick.pl");
  EXPECT_EQ(OnlyUrl("https://tarnwick . kiw1"), "https://tarnwick.kiwi");
  EXPECT_EQ(OnlyUrl("www.tarnwick.c0m"), "www.tarnwick.com");
  // Counter-example: "n1" is .nl or .ni; neither is guessed.
  EXPECT_NE(OnlyUrl("www.tarnwick.n1"), "www.tarnwick.nl");
  EXPECT_NE(OnlyUrl("www.tarnwick.n1"), "www.tarnwick.ni");
}

TEST(FindUrls, GluesAHostNameOCRSplitAtASpace) {
  EXPECT_EQ(OnlyUrl("https://tarn Wickfen.com.au"), "https://tarnwickfen.com.au");
  EXPECT_EQ(OnlyUrl("www.tarn wickfen.io"), "www.tarnwickfen.io");
  // Counter-example: before a bare public suffix the space is a lost dot.
  EXPECT_EQ(OnlyUrl("www.tarnwick co.uk"), "www.tarnwick.co.uk");
}

TEST(FindEmails, GluesADomainSplitAtASpaceAndMendsADigitInItsSuffix) {
  ASSERT_EQ(FindEmails("jo@tarn Wickfen.ie").size(), 1U);
  EXPECT_EQ(FindEmails("jo@tarn Wickfen.ie")[0].value, "jo@tarnwickfen.ie");
  EXPECT_EQ(FindEmails("jo@tarnwick.p1")[0].value, "jo@tarnwick.pl");
  // Counter-examples: a local part is never mended as a suffix, and a bare
  // suffix after the space keeps its dot.
  EXPECT_EQ(FindEmails("jo.l1@tarnwick.pl")[0].value, "jo.l1@tarnwick.pl");
  EXPECT_EQ(FindEmails("jo@tarnwick co.uk")[0].value, "jo@tarnwick.co.uk");
}

TEST(FindSpacedHost, JoinsAHostWithASpaceBeforeItsOnlyDot) {
  EXPECT_EQ(FindSpacedHost("tarnwick .ph"), "tarnwick.ph");
  // Counter-example: more gaps than that, unlabelled, is no host (an email
  // whose '@' was lost, read in pieces).
  EXPECT_EQ(FindSpacedHost("jo-mtarnwick fen .design"), std::nullopt);
}

TEST(StripLabel, LooksPastSpecksBeforeTheLabel) {
  EXPECT_EQ(StripLabel("©, e: jo@tarnwick.io"), "jo@tarnwick.io");
  EXPECT_EQ(StripLabel("& _ w:tarnwick.io"), "tarnwick.io");
  // Counter-examples: without a label after them the line stays whole.
  EXPECT_EQ(StripLabel("& Tarnwick Sons"), "& Tarnwick Sons");
  EXPECT_EQ(StripLabel("+1 415 555 0100"), "+1 415 555 0100");
}

TEST(FindPhones, ReadsAHashOrDashBeforeTheCountryCodeAsAPlus) {
  EXPECT_EQ(OnlyPhone("#44 20 7946 0018", "US").phone.e164, "+442079460018");
  EXPECT_EQ(OnlyPhone("Ph: -44 20 7946 0018", "US").phone.e164, "+442079460018");
  // Counter-example: valid as printed, so the dash is a dash.
  const FoundPhone national = OnlyPhone("-720 334 9182", "US");
  EXPECT_EQ(national.phone.e164, "+17203349182");
  EXPECT_FALSE(national.repaired);
}

TEST(FindPhones, KeepsANumberPrintedWithItsCountryCodeWhoseRangeIsNotListed) {
  // +1 555 is no area code libphonenumber lists, but the number is printed
  // with '+' and has the length of one.
  EXPECT_EQ(OnlyPhone("+1 555 234 5678", "DE").phone.e164, "+15552345678");
  // Counter-examples: without the '+' it is not taken, nor with a length no
  // number of the country has.
  EXPECT_TRUE(FindPhones("555 234 5678", "US").empty());
  EXPECT_TRUE(FindPhones("+1 555 234 567", "US").empty());
}

TEST(Letters, KnowCapitalsBeyondAscii) {
  EXPECT_TRUE(IsUpperLetter(U'Š'));
  EXPECT_FALSE(IsUpperLetter(U'š'));
  EXPECT_TRUE(IsUpperLetter(U'Ł'));
  EXPECT_FALSE(IsUpperLetter(U'ł'));
  EXPECT_TRUE(IsUpperLetter(U'Ω'));
  EXPECT_TRUE(IsUpperLetter(U'Ж'));
  EXPECT_TRUE(IsLetter(U'ạ'));
  EXPECT_FALSE(IsLetter(U'7'));
}

}  // namespace
}  // namespace kith::scan
