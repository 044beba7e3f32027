#include "formats/kith_json.h"

#include <gtest/gtest.h>

#include <sstream>

namespace kith {
namespace {

Contact RichContact() {
  Contact contact;
  contact.id = ContactId{7};
  contact.uid = "0b9f6a52-2c1e-4d0e-9d47-3f0c8a1b2c3d";
  contact.display_name = "Inés García-Núñez";
  contact.given_name = "Inés";
  contact.family_name = "García-Núñez";
  contact.company = "Fundación \"Luz\"";
  contact.title = "Program Officer, Grants";
  contact.emails = {"ines@example.org"};
  contact.phones = {Phone{"+34 600 555 010", "+34600555010"}};
  contact.website = "https://ines.example.org";
  contact.links = {
      Link{LinkKind::kLinkedIn, "https://www.linkedin.com/in/ines", true, false, Date{2025, 9, 2}}};
  contact.city = "Madrid";
  contact.met_at = "EuroPython";
  contact.met_on = Date{2025, 7, 14};
  contact.tags = {"grants"};
  contact.skills = {"fundraising"};
  contact.interests = {"flamenco"};
  contact.open_to_opportunities = true;
  contact.open_since = Date{2026, 1, 5};
  contact.notes = "Two lines\nof notes";
  contact.custom = {CustomField{"Birthday", "--04-12"}};
  contact.photo = "data:image/jpeg;base64,/9j/4AAQ";
  contact.vcard_properties = {"NICKNAME:Ine"};
  return contact;
}

TEST(KithJson, ExportThenReadGivesBackEveryField) {
  const Contact contact = RichContact();
  const std::vector<JobChange> changes = {JobChange{Date{2026, 3, 1}, "Connections.csv", "A", "B", "C", "D"}};
  std::stringstream stream;
  KithJsonWriter writer(stream, "2026-11-26T12:00:00Z");
  writer.Write(contact, changes);
  writer.Write(contact, {});
  writer.End({});
  std::vector<ImportRecord> records;
  auto read = ReadKithJson(stream, [&](ImportRecord&& record) {
    records.push_back(std::move(record));
    return Ok();
  });
  ASSERT_TRUE(read) << read.error().message;
  ASSERT_EQ(records.size(), 2U);
  ContactFields expected = contact;
  for (auto& phone : expected.phones) phone.e164.clear();  // recomputed on import
  EXPECT_EQ(records[0].fields, expected);
  EXPECT_EQ(records[0].uid, contact.uid);
  EXPECT_EQ(records[0].job_changes, changes);
  EXPECT_TRUE(records[1].job_changes.empty());
}

TEST(KithJson, ReadsABareListAsListJsonPrintsIt) {
  std::istringstream in(R"([{"name": "Ada Okafor", "emails": ["ada@acme.com"]}])");
  std::vector<ImportRecord> records;
  ASSERT_TRUE(ReadKithJson(in, [&](ImportRecord&& record) {
    records.push_back(std::move(record));
    return Ok();
  }));
  ASSERT_EQ(records.size(), 1U);
  EXPECT_EQ(records[0].fields.display_name, "Ada Okafor");
}

Error ReadError(const std::string& text) {
  std::istringstream in(text);
  auto read = ReadKithJson(in, [](ImportRecord&&) { return Ok(); });
  EXPECT_FALSE(read);
  return read ? Error{} : read.error();
}

TEST(KithJson, MalformedJsonNamesTheLine) {
  const Error error = ReadError("{\"contacts\": [\n{\"name\": \"Ada\",}\n]}");
  EXPECT_EQ(error.code, ErrorCode::kParseError);
  EXPECT_NE(error.message.find("line 2"), std::string::npos) << error.message;
}

TEST(KithJson, WrongTypesAndBadDatesNameTheContactAndKey) {
  EXPECT_EQ(ReadError(R"({"contacts": [{"name": "A"}, {"name": 42}]})").message,
            "contact 2: 'name' should be text");
  EXPECT_EQ(ReadError(R"([{"name": "A", "met_on": "2026-02-30"}])").message,
            "contact 1: 'met_on' 2026-02-30: February 2026 has 28 days");
  EXPECT_EQ(ReadError(R"({"people": []})").message, "not a kith export: no \"contacts\" list");
}

}  // namespace
}  // namespace kith
