#include "scan/field_extraction.h"

#include <gtest/gtest.h>

namespace kith::scan {
namespace {

OcrLine Line(std::string text, int height, int top) {
  OcrLine line;
  line.text = std::move(text);
  line.height = height;
  line.top = top;
  line.left = 100;
  line.width = 600;
  line.confidence = 90;
  return line;
}

TEST(ExtractFields, SortsACardIntoFields) {
  const auto card =
      ExtractFields({Line("Kestrel Analytics Ltd", 40, 60), Line("José Álvarez-Núñez", 64, 140),
                     Line("Head of Marketing", 36, 220), Line("T: +44 7700 900123", 30, 500),
                     Line("E: jose@kestrel.co.uk", 30, 540), Line("W: www.kestrel.co.uk", 30, 580),
                     Line("linkedin.com/in/jose-alvarez", 30, 620), Line("Twitter: @josealv", 30, 660),
                     Line("221B Baker Street, London NW1 6XE", 30, 700)},
                    "US");
  EXPECT_EQ(card.name, "José Álvarez-Núñez");
  EXPECT_EQ(card.company, "Kestrel Analytics Ltd");
  EXPECT_EQ(card.title, "Head of Marketing");
  EXPECT_EQ(card.emails, std::vector<std::string>{"jose@kestrel.co.uk"});
  ASSERT_EQ(card.phones.size(), 1U);
  EXPECT_EQ(card.phones[0].e164, "+447700900123");
  EXPECT_EQ(card.website, "www.kestrel.co.uk");
  ASSERT_EQ(card.links.size(), 2U);
  EXPECT_EQ(card.links[0].kind, LinkKind::kLinkedIn);
  EXPECT_EQ(card.links[1].kind, LinkKind::kTwitter);
  EXPECT_EQ(card.address, "221B Baker Street, London NW1 6XE");
  EXPECT_EQ(card.source, ScanSource::kOcr);
  EXPECT_GT(card.confidence.at("name"), 0.5);
}

TEST(ExtractFields, MendsOCRSlipsInPhonesAndEmails) {
  const auto card = ExtractFields(
      {Line("Lucía Gómez", 60, 100), Line("Tel. +34 9l2 345 67O", 30, 400), Line("|ucia@andina.es", 30, 440)},
      "US");
  EXPECT_EQ(card.name, "Lucía Gómez");
  ASSERT_EQ(card.phones.size(), 1U);
  EXPECT_EQ(card.phones[0].e164, "+34912345670");
  EXPECT_EQ(card.emails, std::vector<std::string>{"lucia@andina.es"});
  EXPECT_LT(card.confidence.at("emails"), 0.9);  // a mended value is less certain
}

TEST(ExtractFields, MendsAnAtReadAsALetterWhenTheDomainIsOnTheCard) {
  const auto card = ExtractFields(
      {Line("Wei Zhang", 60, 100), Line("www.beacon.fr", 30, 400), Line("ezhangobeacon.fr", 30, 440)}, "US");
  EXPECT_EQ(card.emails, std::vector<std::string>{"ezhang@beacon.fr"});
  EXPECT_EQ(card.website, "www.beacon.fr");
}

TEST(ExtractFields, RestoresAccentsOfWellKnownFamilyNames) {
  const auto card = ExtractFields({Line("Jörg Garcia", 60, 100), Line("jorg@lumiere.fr", 30, 400)}, "US");
  EXPECT_EQ(card.name, "Jörg García");
}

TEST(ExtractFields, TakesTheLargestNameShapedLineAsTheName) {
  // The company has no suffix and is set smaller; the title has title words.
  const auto card =
      ExtractFields({Line("Northwind Robotics", 36, 60), Line("Chinedu Okafor", 62, 120),
                     Line("Senior Software Engineer", 34, 200), Line("chinedu@northwind.io", 28, 500)},
                    "US");
  EXPECT_EQ(card.name, "Chinedu Okafor");
  EXPECT_EQ(card.company, "Northwind Robotics");
  EXPECT_EQ(card.title, "Senior Software Engineer");
}

TEST(ExtractFields, LeavesFieldsEmptyWhenNothingFits) {
  const auto card = ExtractFields({Line("~~~", 20, 10)}, "US");
  EXPECT_TRUE(card.name.empty());
  EXPECT_TRUE(card.emails.empty());
  EXPECT_TRUE(card.phones.empty());
}

}  // namespace
}  // namespace kith::scan

namespace kith::scan {
namespace {

TEST(ExtractFields, MendsAnAtReadAsALetterBeforeTheWebsiteLine) {
  OcrLine email;
  email.text = "jbeckerG saffron.io";
  email.height = 30;
  email.confidence = 90;
  OcrLine web = email;
  web.text = "https: //www.saffron.io";
  const auto card = ExtractFields({email, web}, "US");
  EXPECT_EQ(card.emails, std::vector<std::string>{"jbecker@saffron.io"});
  EXPECT_EQ(card.website, "https://www.saffron.io");
}

}  // namespace
}  // namespace kith::scan
