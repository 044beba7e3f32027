#include <fstream>
#include <sstream>

#include "http/server_fixture.h"

namespace kith::testing {
namespace {

using TransferRoutes = ServerTest;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

httplib::MultipartFormDataItems Upload(const std::string& content, const std::string& filename) {
  return {{"file", content, filename, "text/csv"}};
}

TEST_F(TransferRoutes, PreviewsALinkedInExportWithItsMappingAndCounts) {
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

TEST_F(TransferRoutes, ImportsVCardsAndDryRunsWriteNothing) {
  OpenSession();
  const auto items = Upload(ReadFile(std::string(KITH_TEST_DATA) + "/samples/apple_contact.vcf"), "a.vcf");
  const json dry = Expect(client_->Post("/api/v1/import?dry_run=true", Headers(), items), 200);
  EXPECT_EQ(dry["format"], "vcard");
  EXPECT_EQ(dry["dry_run"], true);
  EXPECT_EQ(Expect(Send("GET", "/api/v1/contacts"), 200).size(), 0U);
}

TEST_F(TransferRoutes, ImportsTheGoodRowsWhenAskedAndListsTheBadOnesByLine) {
  OpenSession();
  const std::string csv =
      "Name,Email\nAda Okafor,ada@example.com\nBo Lind,not an email\nCy Park,cy@example.com\n";
  const json refused = Expect(client_->Post("/api/v1/import", Headers(), Upload(csv, "people.csv")), 400);
  EXPECT_NE(refused["error"]["message"].get<std::string>().find("line 3"), std::string::npos);
  EXPECT_EQ(Expect(Send("GET", "/api/v1/contacts"), 200).size(), 0U) << "one bad row stops it all by default";

  httplib::MultipartFormDataItems skipping = Upload(csv, "people.csv");
  skipping.push_back({"skip_invalid", "true", "", ""});
  const json preview = Expect(client_->Post("/api/v1/import/preview", Headers(), skipping), 200);
  EXPECT_EQ(preview["summary"]["added"], 2);
  ASSERT_EQ(preview["summary"]["errors"].size(), 1U);
  EXPECT_TRUE(preview["summary"]["errors"][0].get<std::string>().starts_with("line 3: "));
  const json summary = Expect(client_->Post("/api/v1/import", Headers(), skipping), 201);
  EXPECT_EQ(summary["added"], 2);
  EXPECT_EQ(summary["skipped"], 1);
  EXPECT_EQ(Expect(Send("GET", "/api/v1/contacts"), 200).size(), 2U);

  httplib::MultipartFormDataItems wrong = Upload(csv, "people.csv");
  wrong.push_back({"skip_invalid", "yes", "", ""});
  EXPECT_EQ(Expect(client_->Post("/api/v1/import", Headers(), wrong), 400)["error"]["field"], "skip_invalid");
}

TEST_F(TransferRoutes, RejectsUploadsThatAreNotContacts) {
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

TEST_F(TransferRoutes, RejectsOversizedUploads) {
  OpenSession();
  const json body = Expect(
      client_->Post("/api/v1/import", Headers(), Upload(std::string(2 * 1024 * 1024, 'a'), "big.csv")), 413);
  EXPECT_EQ(ErrorCodeOf(body), "payload_too_large");
}

TEST_F(TransferRoutes, ExportsEachFormatAsADownload) {
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

}  // namespace
}  // namespace kith::testing
