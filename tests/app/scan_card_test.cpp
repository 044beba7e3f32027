#include <gtest/gtest.h>

#include "app/contacts.h"
#include "app/relationships.h"
#include "app/scan.h"
#include "scan/corpus.h"
#include "support/temp_database.h"

namespace kith {
namespace {

using testing::CorpusPath;
using testing::ReadBytes;

class ScanCardTest : public ::testing::TestWithParam<testing::StoreKind> {};
KITH_ON_BOTH_STORES(ScanCardTest);

TEST_P(ScanCardTest, ReadsAQrCardWithoutSavingAnything) {
  testing::TestWorld world{GetParam()};
  const auto bytes = ReadBytes(CorpusPath("qr_000.jpg"));
  auto card = ScanCard(world.context(), bytes);
  ASSERT_TRUE(card) << card.error().message;
  EXPECT_EQ(card->name, "Jürgen Müller");
  auto listed = ListContacts(world.context(), ListQuery{});
  ASSERT_TRUE(listed);
  EXPECT_TRUE(listed->empty());
}

class SaveScannedCardTest : public ::testing::TestWithParam<testing::StoreKind> {};
KITH_ON_BOTH_STORES(SaveScannedCardTest);

TEST_P(SaveScannedCardTest, AddsTheContactMetTodayAtTheEventWithTheImageKept) {
  testing::TestWorld world{GetParam()};
  const auto bytes = ReadBytes(CorpusPath("qr_000.jpg"));
  auto card = ScanCard(world.context(), bytes);
  ASSERT_TRUE(card) << card.error().message;
  auto contact = SaveScannedCard(world.context(), *card, bytes, "RustConf 2026");
  ASSERT_TRUE(contact) << contact.error().message;
  EXPECT_EQ(contact->display_name, "Jürgen Müller");
  EXPECT_EQ(contact->met_at, "RustConf 2026");
  ASSERT_TRUE(contact->met_on);
  EXPECT_EQ(contact->met_on->ToIso(), "2026-11-26");
  EXPECT_EQ(contact->emails, std::vector<std::string>{"juergen.mueller@nordlicht.de"});
  auto image = CardImageOf(world.context(), contact->id);
  ASSERT_TRUE(image) << image.error().message;
  EXPECT_EQ(image->mime, "image/jpeg");
  EXPECT_EQ(image->bytes, bytes);
  EXPECT_EQ(image->added_on, "2026-11-26");
}

TEST_P(SaveScannedCardTest, RejectsACardWithoutANameAndSavesNothing) {
  testing::TestWorld world{GetParam()};
  ScannedCard card;
  card.emails = {"someone@example.com"};
  const auto bytes = ReadBytes(CorpusPath("qr_000.jpg"));
  auto contact = SaveScannedCard(world.context(), card, bytes, "");
  ASSERT_FALSE(contact);
  EXPECT_EQ(contact.error().code, ErrorCode::kInvalidInput);
  auto listed = ListContacts(world.context(), ListQuery{});
  ASSERT_TRUE(listed);
  EXPECT_TRUE(listed->empty());
}

class AddScannedContactTest : public ::testing::TestWithParam<testing::StoreKind> {};
KITH_ON_BOTH_STORES(AddScannedContactTest);

TEST_P(AddScannedContactTest, KeepsWhatWasCheckedWithThePhotoAndFollowsUpTomorrow) {
  testing::TestWorld world{GetParam()};
  const auto bytes = ReadBytes(CorpusPath("card_000.jpg"));
  ContactFields checked;
  checked.display_name = "Ilse Marwick";
  checked.title = "Head of Kites";
  checked.met_at = "Harbour Fair";
  auto contact = AddScannedContact(world.context(), checked, bytes);
  ASSERT_TRUE(contact) << contact.error().message;
  EXPECT_EQ(contact->title, "Head of Kites");
  EXPECT_EQ(contact->how_met, "business card");
  ASSERT_TRUE(contact->met_on);
  EXPECT_EQ(contact->met_on->ToIso(), "2026-11-26");
  auto image = CardImageOf(world.context(), contact->id);
  ASSERT_TRUE(image) << image.error().message;
  EXPECT_EQ(image->bytes, bytes);
  auto follow_ups = ListFollowUps(world.context(), false);
  ASSERT_TRUE(follow_ups) << follow_ups.error().message;
  ASSERT_EQ(follow_ups->size(), 1U);
  EXPECT_EQ(follow_ups->front().contact.id, contact->id);
  EXPECT_EQ(follow_ups->front().reminder.due.ToIso(), "2026-11-27");
  EXPECT_EQ(follow_ups->front().event_name, "Harbour Fair");
}

TEST_P(AddScannedContactTest, RefusesAPhotoLargerThanKithKeepsAndWritesNothing) {
  testing::TestWorld world{GetParam()};
  // A JPEG's first bytes, then more than kith keeps.
  std::vector<std::byte> huge(kMaxCardImageBytes + 1, std::byte{0});
  huge[0] = std::byte{0xFF};
  huge[1] = std::byte{0xD8};
  huge[2] = std::byte{0xFF};
  ContactFields checked;
  checked.display_name = "Ilse Marwick";
  auto contact = AddScannedContact(world.context(), checked, huge);
  ASSERT_FALSE(contact);
  EXPECT_EQ(contact.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(contact.error().field, "image");
  auto listed = ListContacts(world.context(), ListQuery{});
  ASSERT_TRUE(listed);
  EXPECT_TRUE(listed->empty());
}

TEST_P(AddScannedContactTest, ABadValueWritesNeitherThePersonNorTheFollowUp) {
  testing::TestWorld world{GetParam()};
  ContactFields checked;
  checked.display_name = "Ilse Marwick";
  checked.emails = {"ilse@"};
  auto contact = AddScannedContact(world.context(), checked, ReadBytes(CorpusPath("card_000.jpg")));
  ASSERT_FALSE(contact);
  EXPECT_EQ(contact.error().code, ErrorCode::kInvalidInput);
  auto listed = ListContacts(world.context(), ListQuery{});
  ASSERT_TRUE(listed);
  EXPECT_TRUE(listed->empty());
  auto follow_ups = ListFollowUps(world.context(), false);
  ASSERT_TRUE(follow_ups);
  EXPECT_TRUE(follow_ups->empty());
}

TEST_P(SaveScannedCardTest, KeepsAnIphonesHeicAsSentAndShowsItAsJpeg) {
  testing::TestWorld world{GetParam()};
  const auto bytes = ReadBytes(CorpusPath("card_000.heic"));
  ContactFields checked;
  checked.display_name = "Ilse Marwick";
  auto contact = AddScannedContact(world.context(), checked, bytes);
  ASSERT_TRUE(contact) << contact.error().message;
  auto kept = CardImageOf(world.context(), contact->id);
  ASSERT_TRUE(kept) << kept.error().message;
  EXPECT_EQ(kept->mime, "image/heic");
  EXPECT_EQ(kept->bytes, bytes);
  auto shown = CardPhotoToShow(world.context(), contact->id);
  ASSERT_TRUE(shown) << shown.error().message;
  EXPECT_EQ(shown->image.mime, "image/jpeg");
  EXPECT_EQ(ImageMimeType(shown->image.bytes), "image/jpeg");
  // Asked again with the tag it gave, it is not decoded again.
  auto again = CardPhotoToShow(world.context(), contact->id, shown->tag);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_TRUE(again->unchanged);
  EXPECT_TRUE(again->image.bytes.empty());
}

TEST_P(SaveScannedCardTest, ShowsAJpegAsItWasKept) {
  testing::TestWorld world{GetParam()};
  const auto bytes = ReadBytes(CorpusPath("card_000.jpg"));
  ContactFields checked;
  checked.display_name = "Ilse Marwick";
  auto contact = AddScannedContact(world.context(), checked, bytes);
  ASSERT_TRUE(contact) << contact.error().message;
  auto shown = CardPhotoToShow(world.context(), contact->id);
  ASSERT_TRUE(shown) << shown.error().message;
  EXPECT_EQ(shown->image.mime, "image/jpeg");
  EXPECT_EQ(shown->image.bytes, bytes);
  EXPECT_FALSE(shown->unchanged);
  // Another tag (an older photo's) gets the photo whole.
  auto other = CardPhotoToShow(world.context(), contact->id, "0123456789abcdef0123456789abcdef");
  ASSERT_TRUE(other) << other.error().message;
  EXPECT_FALSE(other->unchanged);
  EXPECT_EQ(other->image.bytes, bytes);
}

class CardImageOfTest : public ::testing::TestWithParam<testing::StoreKind> {};
KITH_ON_BOTH_STORES(CardImageOfTest);

TEST_P(CardImageOfTest, IsNotFoundForAContactWithoutOne) {
  testing::TestWorld world{GetParam()};
  ContactFields fields;
  fields.display_name = "Ada Okafor";
  auto contact = AddContact(world.context(), fields);
  ASSERT_TRUE(contact);
  auto image = CardImageOf(world.context(), contact->id);
  ASSERT_FALSE(image);
  EXPECT_EQ(image.error().code, ErrorCode::kNotFound);
}

class ShowMyCardTest : public ::testing::TestWithParam<testing::StoreKind> {};
KITH_ON_BOTH_STORES(ShowMyCardTest);

TEST_P(ShowMyCardTest, MakesAQrCodeThatScansBackToTheSameCard) {
  testing::TestWorld world{GetParam()};
  MyCardDetails details;
  details.name = "Jürgen Müller";
  details.title = "Geschäftsführer";
  details.email = "jm@nordlicht.de";
  details.phone = "+49 30 901820";
  auto card = ShowMyCard(world.context(), details);
  ASSERT_TRUE(card) << card.error().message;
  EXPECT_NE(card->vcard.find("FN:Jürgen Müller"), std::string::npos) << card->vcard;
  auto png = QrCodePng(card->qr, 8);
  ASSERT_TRUE(png) << png.error().message;
  auto scanned = ScanCard(world.context(), *png);
  ASSERT_TRUE(scanned) << scanned.error().message;
  EXPECT_EQ(scanned->source, ScanSource::kQr);
  EXPECT_EQ(scanned->name, "Jürgen Müller");
  EXPECT_EQ(scanned->title, "Geschäftsführer");
  // The details are kept: the next call needs no flags.
  auto again = ShowMyCard(world.context(), MyCardDetails{});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->details.email, "jm@nordlicht.de");
}

TEST_P(ShowMyCardTest, AsksForANameFirst) {
  testing::TestWorld world{GetParam()};
  auto card = ShowMyCard(world.context(), MyCardDetails{});
  ASSERT_FALSE(card);
  EXPECT_EQ(card.error().code, ErrorCode::kInvalidInput);
}

}  // namespace
}  // namespace kith
