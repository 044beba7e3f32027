// POST /api/v1/scan over a socket: the photo in the multipart field "image",
// the fields back in the shape of `kith scan --json`, nothing saved.
#include <fstream>
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

TEST_P(ScanRoutes, IsInTheOpenApiDocument) {
  const json document = Expect(client_->Get("/api/v1/openapi.json"), 200);
  ASSERT_TRUE(document["paths"].contains("/scan"));
  EXPECT_TRUE(document["paths"]["/scan"]["post"]["requestBody"]["content"].contains("multipart/form-data"));
  EXPECT_TRUE(document["components"]["schemas"].contains("ScannedCard"));
}

}  // namespace
}  // namespace kith::testing
