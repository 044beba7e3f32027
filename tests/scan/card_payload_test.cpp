#include <gtest/gtest.h>

#include "scan/scan.h"

namespace kith {
namespace {

TEST(CardFromQrPayload, ReadsAVCardWithUtf8Names) {
  const auto card = CardFromQrPayload(
      "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Müller;Jürgen;;;\r\nFN:Jürgen Müller\r\nORG:Nordlicht GmbH\r\n"
      "TITLE:Geschäftsführer\r\nTEL;TYPE=WORK:+49 30 901820\r\nEMAIL:jm@nordlicht.de\r\n"
      "URL:https://nordlicht.de\r\nEND:VCARD\r\n",
      "US");
  ASSERT_TRUE(card) << card.error().message;
  EXPECT_EQ(card->name, "Jürgen Müller");
  EXPECT_EQ(card->company, "Nordlicht GmbH");
  EXPECT_EQ(card->title, "Geschäftsführer");
  ASSERT_EQ(card->phones.size(), 1U);
  EXPECT_EQ(card->phones[0].e164, "+4930901820");
  EXPECT_EQ(card->emails, std::vector<std::string>{"jm@nordlicht.de"});
  EXPECT_EQ(card->website, "https://nordlicht.de");
  EXPECT_EQ(card->source, ScanSource::kQr);
  EXPECT_EQ(card->confidence.at("name"), 1.0);
}

TEST(CardFromQrPayload, ReadsAMecardWithEscapes) {
  const auto card = CardFromQrPayload(
      "MECARD:N:Núñez,Íñigo;TEL:+34612345678;EMAIL:inigo@solera.es;ORG:Solera\\; Hermanos S.L.;"
      "URL:https\\://solera.es;;",
      "US");
  ASSERT_TRUE(card) << card.error().message;
  EXPECT_EQ(card->name, "Íñigo Núñez");
  EXPECT_EQ(card->company, "Solera; Hermanos S.L.");
  EXPECT_EQ(card->website, "https://solera.es");
  ASSERT_EQ(card->phones.size(), 1U);
  EXPECT_EQ(card->phones[0].e164, "+34612345678");
}

TEST(CardFromQrPayload, RejectsAQrCodeThatIsNotAContact) {
  const auto card = CardFromQrPayload("https://example.com/menu", "US");
  ASSERT_FALSE(card);
  EXPECT_EQ(card.error().code, ErrorCode::kParseError);
}

}  // namespace
}  // namespace kith
