#include <fstream>
#include <sstream>

#include "http/server_fixture.h"

namespace kith::testing {
namespace {

class TransferRoutes : public ServerTestOnBothStores {};
KITH_ON_BOTH_STORES(TransferRoutes);

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

httplib::MultipartFormDataItems Upload(const std::string& content, const std::string& filename) {
  return {{"file", content, filename, "text/csv"}};
}

TEST_P(TransferRoutes, PreviewsALinkedInExportWithItsMappingAndCounts) {
  OpenSession();
  const auto items =
      Upload(ReadFile(std::string(KITH_TEST_DATA) + "/samples/linkedin_connections.csv"), "Connections.csv");
  const json preview = Expect(client_->Post("/api/v1/import/preview", Headers(), items), 200);
  EXPECT_EQ(preview["format"], "linkedin");
  EXPECT_EQ(preview["filename"], "Connections.csv");
  ASSERT_FALSE(preview["mapping"].empty());
  EXPECT_FALSE(preview["sample"].empty());
  EXPECT_GT(preview["summary"]["added"].get<int>(), 0);
  EXPECT_EQ(Expect(Send("GET", "/api/v1/contacts"), 200).size(), 0U) << "a preview writes nothing";
  const json summary = Expect(client_->Post("/api/v1/import", Headers(), items), 201);
  EXPECT_EQ(summary["added"], preview["summary"]["added"]);
  EXPECT_EQ(Expect(Send("GET", "/api/v1/contacts?limit=1000"), 200).size(),
            summary["added"].get<std::size_t>());
}

TEST_P(TransferRoutes, ImportsVCardsAndDryRunsWriteNothing) {
  OpenSession();
  const auto items = Upload(ReadFile(std::string(KITH_TEST_DATA) + "/samples/apple_contact.vcf"), "a.vcf");
  const json dry = Expect(client_->Post("/api/v1/import?dry_run=true", Headers(), items), 200);
  EXPECT_EQ(dry["format"], "vcard");
  EXPECT_EQ(dry["dry_run"], true);
  EXPECT_EQ(Expect(Send("GET", "/api/v1/contacts"), 200).size(), 0U);
}

TEST_P(TransferRoutes, RejectsUploadsThatAreNotContacts) {
  OpenSession();
  const json unreadable =
      Expect(client_->Post("/api/v1/import", Headers(), Upload("\x01\x02\x03 binary", "x.bin")), 400);
  EXPECT_EQ(ErrorCodeOf(unreadable), "parse_error");
  EXPECT_NE(unreadable["error"]["message"].get<std::string>().find("x.bin"), std::string::npos)
      << "errors name the uploaded file, not the temporary one";
  EXPECT_EQ(ErrorCodeOf(Expect(Send("POST", "/api/v1/import", R"({"file": "x"})"), 400)), "invalid_input");
  httplib::MultipartFormDataItems bad_format = Upload("name\nAda\n", "a.csv");
  bad_format.push_back({"format", "pdf", "", ""});
  EXPECT_EQ(ErrorCodeOf(Expect(client_->Post("/api/v1/import", Headers(), bad_format), 400)),
            "invalid_input");
  EXPECT_EQ(Expect(Send("GET", "/api/v1/contacts"), 200).size(), 0U);
}

TEST_P(TransferRoutes, ImportsWhatItCanAndReportsWhatItSetAside) {
  OpenSession();
  const auto items = Upload("Name,Email\nAda Okafor,ada@acme.com\nBob Stone,bob@\n", "people.csv");
  const json dry = Expect(client_->Post("/api/v1/import?dry_run=true", Headers(), items), 200);
  EXPECT_EQ(dry["problems"][0], "line 3: Email 'bob@' has no domain — kept in the card's raw fields");
  const json summary = Expect(client_->Post("/api/v1/import", Headers(), items), 201);
  EXPECT_EQ(summary["added"], 2);
  EXPECT_EQ(summary["set_aside"], 1);
  EXPECT_EQ(Expect(Send("GET", "/api/v1/contacts?limit=10"), 200).size(), 2U);
}

TEST_P(TransferRoutes, StrictImportRefusesTheFileOverOneBadValue) {
  OpenSession();
  auto items = Upload("Name,Email\nAda Okafor,ada@acme.com\nBob Stone,bob@\n", "people.csv");
  items.push_back({"strict", "true", "", ""});
  const json refused = Expect(client_->Post("/api/v1/import", Headers(), items), 400);
  EXPECT_EQ(refused["error"]["message"], "'people.csv': line 3: Email 'bob@' has no domain");
  EXPECT_EQ(Expect(Send("GET", "/api/v1/contacts"), 200).size(), 0U);
}

TEST_P(TransferRoutes, RejectsOversizedUploads) {
  OpenSession();
  const json body = Expect(
      client_->Post("/api/v1/import", Headers(), Upload(std::string(2 * 1024 * 1024, 'a'), "big.csv")), 413);
  EXPECT_EQ(ErrorCodeOf(body), "payload_too_large");
}

TEST_P(TransferRoutes, ExportsEachFormatAsADownload) {
  AddPerson({{"name", "Ada Okafor"}, {"emails", {"ada@acme.com"}}});
  auto vcard = Send("GET", "/api/v1/export?format=vcard");
  ASSERT_TRUE(vcard);
  EXPECT_EQ(vcard->status, 200);
  EXPECT_NE(vcard->body.find("BEGIN:VCARD"), std::string::npos);
  EXPECT_NE(vcard->get_header_value("Content-Disposition").find("attachment"), std::string::npos);
  auto csv = Send("GET", "/api/v1/export?format=csv");
  EXPECT_NE(csv->body.find("Ada Okafor"), std::string::npos);
  auto xlsx = Send("GET", "/api/v1/export?format=xlsx");
  EXPECT_EQ(xlsx->body.substr(0, 2), "PK");
  const json backup = json::parse(Send("GET", "/api/v1/export?format=json")->body);
  EXPECT_EQ(backup["format"], "kith");
  EXPECT_EQ(ErrorCodeOf(Expect(Send("GET", "/api/v1/export?format=pdf"), 400)), "invalid_input");
}

TEST_P(TransferRoutes, AnExportOfEveryoneIsSentAsItIsReadAndArrivesWhole) {
  OpenSession();
  constexpr int kPeople = 2500;  // more than two of the export's pages
  ASSERT_EQ(Expect(Send("POST", "/api/v1/demo", R"({"count": 2500})"), 201)["added"], kPeople);
  for (const char* format : {"vcard", "csv", "json"}) {
    auto download = Send("GET", std::string("/api/v1/export?format=") + format);
    ASSERT_TRUE(download);
    EXPECT_EQ(download->status, 200) << format;
    EXPECT_EQ(download->get_header_value("Transfer-Encoding"), "chunked")
        << format << ": written as read, never held whole";
    EXPECT_FALSE(download->has_header("Content-Length")) << format;
    EXPECT_NE(download->get_header_value("Content-Disposition").find("attachment"), std::string::npos);
    std::size_t people = 0;
    if (std::string(format) == "vcard") {
      for (std::size_t at = download->body.find("BEGIN:VCARD"); at != std::string::npos;
           at = download->body.find("BEGIN:VCARD", at + 1)) {
        ++people;
      }
    } else if (std::string(format) == "csv") {
      std::istringstream lines(download->body);
      std::string line;
      while (std::getline(lines, line)) people += line.empty() ? 0U : 1U;
      --people;  // the header line
    } else {
      people = json::parse(download->body)["contacts"].size();
    }
    EXPECT_EQ(people, static_cast<std::size_t>(kPeople)) << format;
  }
}

}  // namespace
}  // namespace kith::testing
