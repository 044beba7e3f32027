// The card routes over a socket: POST /api/v1/scan (the photo in the
// multipart field "image", the fields back in the shape of `kith scan
// --json`, nothing saved), POST /contacts/scanned (the person as checked,
// with the photo kept and the next-day follow-up), the photo back, and your
// own card as a QR code that scans.
#include <fstream>
#include <map>
#include <sstream>

#include "http/server_fixture.h"

namespace kith::testing {
namespace {

class ScanRoutes : public ServerTestOnBothStores {};
KITH_ON_BOTH_STORES(ScanRoutes);

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

httplib::MultipartFormDataItems Photo(const std::string& content) {
  return {{"image", content, "card.jpg", "image/jpeg"}};
}

TEST_P(ScanRoutes, ReadsAnUploadedCardIntoTheFieldsOfKithScanJson) {
  OpenSession();
  // The test corpus's first QR card is always Jürgen Müller (make_cards.py).
  const auto photo = ReadFile(std::string(KITH_SCAN_CORPUS) + "/qr_000.jpg");
  ASSERT_FALSE(photo.empty());
  const json card = Expect(client_->Post("/api/v1/scan", Headers(), Photo(photo)), 200);
  EXPECT_EQ(card["name"], "Jürgen Müller");
  EXPECT_EQ(card["source"], "qr");
  EXPECT_EQ(card["emails"], json::array({"juergen.mueller@nordlicht.de"}));
  EXPECT_TRUE(card["phones"].is_array());
  EXPECT_TRUE(card["links"].is_array());
  EXPECT_EQ(card["confidence"]["name"], 1.0);
  EXPECT_EQ(Expect(Send("GET", "/api/v1/contacts"), 200).size(), 0U) << "a scan saves nothing";
}

TEST_P(ScanRoutes, RefusesAnUploadThatIsNotAnImage) {
  OpenSession();
  const json error =
      Expect(client_->Post("/api/v1/scan", Headers(), Photo("BEGIN:VCARD\r\nEND:VCARD\r\n")), 400);
  EXPECT_NE(error.dump().find("not an image"), std::string::npos) << error.dump();
}

TEST_P(ScanRoutes, AsksForTheImageField) {
  OpenSession();
  const json error =
      Expect(client_->Post("/api/v1/scan", Headers(),
                           httplib::MultipartFormDataItems{{"file", "x", "card.jpg", "image/jpeg"}}),
             400);
  EXPECT_NE(error.dump().find("'image'"), std::string::npos) << error.dump();
}

// A card photo of the test corpus (rendered at build time by make_cards.py).
std::string CorpusPhoto() { return ReadFile(std::string(KITH_SCAN_CORPUS) + "/card_000.jpg"); }

httplib::MultipartFormDataItems ScannedPerson(const std::string& photo, const json& contact) {
  return {{"image", photo, "card.jpg", "image/jpeg"}, {"contact", contact.dump(), "", "application/json"}};
}

TEST_P(ScanRoutes, AddsTheCheckedPersonWithThePhotoKeptAndTheFollowUpTomorrow) {
  OpenSession();
  const auto photo = CorpusPhoto();
  ASSERT_FALSE(photo.empty());
  const json person = {{"name", "Ilse Marwick"},
                       {"title", "Head of Kites"},
                       {"emails", {"ilse@marwick.example"}},
                       {"met_at", "Harbour Fair"}};
  const json added =
      Expect(client_->Post("/api/v1/contacts/scanned", Headers(), ScannedPerson(photo, person)), 201);
  EXPECT_EQ(added["name"], "Ilse Marwick");
  EXPECT_EQ(added["title"], "Head of Kites") << "what was typed on the review screen is kept";
  EXPECT_EQ(added["met_on"], "2026-11-26");
  EXPECT_EQ(added["met_at"], "Harbour Fair");
  EXPECT_EQ(added["how_met"], "business card");
  const std::string id = std::to_string(added["id"].get<int>());

  const auto image = client_->Get("/api/v1/contacts/" + id + "/card-image", Headers());
  ASSERT_TRUE(image);
  EXPECT_EQ(image->status, 200);
  EXPECT_EQ(image->get_header_value("Content-Type"), "image/jpeg");
  EXPECT_TRUE(image->body == photo) << "the photo comes back byte for byte";

  const json follow_ups = Expect(Send("GET", "/api/v1/followups"), 200);
  ASSERT_EQ(follow_ups.size(), 1U);
  EXPECT_EQ(follow_ups[0]["name"], "Ilse Marwick");
  EXPECT_EQ(follow_ups[0]["due"], "2026-11-27");
  EXPECT_EQ(follow_ups[0]["event"], "Harbour Fair");
}

TEST_P(ScanRoutes, RefusesAScannedPersonWithoutANameAndWritesNothing) {
  OpenSession();
  const json error = Expect(client_->Post("/api/v1/contacts/scanned", Headers(),
                                          ScannedPerson(CorpusPhoto(), {{"title", "Engineer"}})),
                            400);
  EXPECT_EQ(error["error"]["field"], "name") << error.dump();
  EXPECT_EQ(Expect(Send("GET", "/api/v1/contacts"), 200).size(), 0U);
}

TEST_P(ScanRoutes, RefusesAScannedPersonWhosePhotoIsNotAnImageAndWritesNothing) {
  OpenSession();
  const json error = Expect(client_->Post("/api/v1/contacts/scanned", Headers(),
                                          ScannedPerson("%PDF-1.4 not a photo", {{"name", "Ilse Marwick"}})),
                            400);
  EXPECT_EQ(error["error"]["field"], "image") << error.dump();
  EXPECT_EQ(Expect(Send("GET", "/api/v1/contacts"), 200).size(), 0U);
}

TEST_P(ScanRoutes, RefusesAScannedPersonThatIsNotJsonNamingTheField) {
  OpenSession();
  httplib::MultipartFormDataItems items = {{"image", CorpusPhoto(), "card.jpg", "image/jpeg"},
                                           {"contact", "{\"name\": ", "", "application/json"}};
  const json error = Expect(client_->Post("/api/v1/contacts/scanned", Headers(), items), 400);
  EXPECT_EQ(error["error"]["field"], "contact") << error.dump();
  items.pop_back();
  const json missing = Expect(client_->Post("/api/v1/contacts/scanned", Headers(), items), 400);
  EXPECT_EQ(missing["error"]["field"], "contact") << missing.dump();
  items.push_back({"contact", json{{"name", std::string(70000, 'a')}}.dump(), "", "application/json"});
  const json large = Expect(client_->Post("/api/v1/contacts/scanned", Headers(), items), 400);
  EXPECT_NE(large.dump().find("over 65536 bytes"), std::string::npos) << large.dump();
  EXPECT_EQ(Expect(Send("GET", "/api/v1/contacts"), 200).size(), 0U);
}

TEST_P(ScanRoutes, AnIphonesHeicPhotoIsKeptAsSentAndShownAsJpeg) {
  OpenSession();
  // The corpus's HEIC copy of a card, as an iPhone sends it.
  const auto heic = ReadFile(std::string(KITH_SCAN_CORPUS) + "/card_000.heic");
  ASSERT_FALSE(heic.empty());
  const json added =
      Expect(client_->Post("/api/v1/contacts/scanned", Headers(),
                           httplib::MultipartFormDataItems{
                               {"image", heic, "IMG_0412.HEIC", "image/heic"},
                               {"contact", json{{"name", "Ilse Marwick"}}.dump(), "", "application/json"}}),
             201);
  const auto shown =
      client_->Get("/api/v1/contacts/" + std::to_string(added["id"].get<int>()) + "/card-image", Headers());
  ASSERT_TRUE(shown);
  EXPECT_EQ(shown->status, 200);
  EXPECT_EQ(shown->get_header_value("Content-Type"), "image/jpeg");
  ASSERT_GT(shown->body.size(), 2U);
  EXPECT_EQ(static_cast<unsigned char>(shown->body[0]), 0xFF);
  EXPECT_EQ(static_cast<unsigned char>(shown->body[1]), 0xD8);
  // Shown again, the browser's copy is still good: 304, nothing decoded or sent.
  const std::string etag = shown->get_header_value("ETag");
  ASSERT_FALSE(etag.empty());
  httplib::Headers revalidate = Headers();
  revalidate.emplace("If-None-Match", etag);
  const auto again =
      client_->Get("/api/v1/contacts/" + std::to_string(added["id"].get<int>()) + "/card-image", revalidate);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  // Still the card: kith reads the JPEG it shows.
  const json read =
      Expect(client_->Post("/api/v1/scan", Headers(),
                           httplib::MultipartFormDataItems{{"image", shown->body, "card.jpg", "image/jpeg"}}),
             200);
  EXPECT_FALSE(read["phones"].empty()) << read.dump();
}

TEST_P(ScanRoutes, AContactAddedWithoutACardHasNoCardImage) {
  const json added = AddPerson({{"name", "Ada Okafor"}});
  Expect(Send("GET", "/api/v1/contacts/" + std::to_string(added["id"].get<int>()) + "/card-image"), 404);
}

// The contact's JSON says whether a card photo is kept, so the web app
// shows one without guessing from how they met: true for the scanned
// person, false for one typed in as met by "business card", on every face
// that answers with contacts (show, the list in each order, search, edit).
TEST_P(ScanRoutes, EveryContactSaysWhetherACardPhotoIsKept) {
  OpenSession();
  const json scanned = Expect(client_->Post("/api/v1/contacts/scanned", Headers(),
                                            ScannedPerson(CorpusPhoto(), {{"name", "Ilse Marwick"}})),
                              201);
  EXPECT_EQ(scanned["has_card_image"], true);
  const json typed = AddPerson({{"name", "Ilse Typed"}, {"how_met", "business card"}});
  EXPECT_EQ(typed["has_card_image"], false);
  const std::string scanned_id = std::to_string(scanned["id"].get<int>());
  const std::string typed_id = std::to_string(typed["id"].get<int>());
  EXPECT_EQ(Expect(Send("GET", "/api/v1/contacts/" + scanned_id), 200)["has_card_image"], true);
  EXPECT_EQ(Expect(Send("GET", "/api/v1/contacts/" + typed_id), 200)["has_card_image"], false);
  const auto flags = [](const json& people) {
    std::map<std::string, bool> by_name;
    for (const auto& person : people) by_name[person["name"]] = person["has_card_image"].get<bool>();
    return by_name;
  };
  const std::map<std::string, bool> expected = {{"Ilse Marwick", true}, {"Ilse Typed", false}};
  for (const char* path : {"/api/v1/contacts", "/api/v1/contacts?sort=health", "/api/v1/contacts?health=true",
                           "/api/v1/search?q=ilse"}) {
    EXPECT_EQ(flags(Expect(Send("GET", path), 200)), expected) << path;
  }
  const json edited =
      Expect(Send("PATCH", "/api/v1/contacts/" + scanned_id, R"({"title": "Kite Lead"})"), 200);
  EXPECT_EQ(edited["has_card_image"], true) << "an edit's answer keeps the photo on screen";
}

TEST_P(ScanRoutes, YourCardIsAQrCodeThatScansBackToIt) {
  OpenSession();
  const json saved = Expect(
      Send("PUT", "/api/v1/me/card", json{{"name", "Sam Rivera"}, {"email", "sam@rivera.example"}}.dump()),
      200);
  EXPECT_EQ(saved["name"], "Sam Rivera");
  EXPECT_NE(saved["vcard"].get<std::string>().find("sam@rivera.example"), std::string::npos);
  const auto qr = client_->Get("/api/v1/me/card/qr", Headers());
  ASSERT_TRUE(qr);
  ASSERT_EQ(qr->status, 200);
  EXPECT_EQ(qr->get_header_value("Content-Type"), "image/png");
  // kith's own QR reader (zbar) gets the card back from the picture.
  const json read =
      Expect(client_->Post("/api/v1/scan", Headers(),
                           httplib::MultipartFormDataItems{{"image", qr->body, "qr.png", "image/png"}}),
             200);
  EXPECT_EQ(read["source"], "qr");
  EXPECT_EQ(read["name"], "Sam Rivera");
  EXPECT_EQ(read["emails"], json::array({"sam@rivera.example"}));
}

TEST_P(ScanRoutes, YourCardsQrCodeIsNotSentAgainUntilTheCardChanges) {
  OpenSession();
  Expect(Send("PUT", "/api/v1/me/card", json{{"name", "Sam Rivera"}}.dump()), 200);
  const auto first = client_->Get("/api/v1/me/card/qr", Headers());
  ASSERT_TRUE(first);
  const std::string etag = first->get_header_value("ETag");
  ASSERT_FALSE(etag.empty());
  httplib::Headers again = Headers();
  again.emplace("If-None-Match", etag);
  const auto unchanged = client_->Get("/api/v1/me/card/qr", again);
  ASSERT_TRUE(unchanged);
  EXPECT_EQ(unchanged->status, 304);
  EXPECT_TRUE(unchanged->body.empty());
  Expect(Send("PUT", "/api/v1/me/card", json{{"title", "Engineer"}}.dump()), 200);
  const auto changed = client_->Get("/api/v1/me/card/qr", again);
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->status, 200);
  EXPECT_NE(changed->get_header_value("ETag"), etag);
}

TEST_P(ScanRoutes, AsksForANameBeforeShowingYourCard) {
  const json error = Expect(Send("GET", "/api/v1/me/card"), 400);
  EXPECT_EQ(error["error"]["field"], "name") << error.dump();
}

TEST_P(ScanRoutes, IsInTheOpenApiDocument) {
  const json document = Expect(client_->Get("/api/v1/openapi.json"), 200);
  ASSERT_TRUE(document["paths"].contains("/scan"));
  EXPECT_TRUE(document["paths"]["/scan"]["post"]["requestBody"]["content"].contains("multipart/form-data"));
  EXPECT_TRUE(document["components"]["schemas"].contains("ScannedCard"));
  EXPECT_TRUE(document["paths"]["/contacts/scanned"]["post"]["requestBody"]["content"].contains(
      "multipart/form-data"));
  EXPECT_TRUE(document["paths"]["/me/card/qr"]["get"]["responses"]["200"]["content"].contains("image/*"));
}

}  // namespace
}  // namespace kith::testing
