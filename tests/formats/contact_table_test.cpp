#include "formats/contact_table.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "formats/contact_json.h"
#include "formats/csv_reader.h"

namespace kith {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const std::string kData = KITH_TEST_DATA;

// A record as the golden files hold it: the contact JSON the CLI prints,
// plus the line the record started on.
nlohmann::json RecordJson(const ImportRecord& record) {
  Contact contact;
  static_cast<ContactFields&>(contact) = record.fields;
  contact.uid = record.uid;
  nlohmann::json json = ContactToJson(contact);
  json["line"] = record.line;
  return json;
}

struct ReadOutcome {
  TableDialect dialect = TableDialect::kGeneric;
  std::vector<ImportRecord> records;
};

Result<ReadOutcome> ReadCsv(const std::string& text, const TableOptions& options = {}) {
  std::istringstream in(text);
  ReadOutcome outcome;
  KITH_ASSIGN_OR_RETURN(outcome.dialect, ReadContactsCsv(in, options, [&outcome](ImportRecord&& record) {
                          outcome.records.push_back(std::move(record));
                          return Ok();
                        }));
  return outcome;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << path;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Reads `input` (relative to tests/data) and compares every record with
// the JSON array in `expected`. KITH_UPDATE_GOLDEN=1 rewrites the expected
// file instead; its values must then be checked by hand before committing.
void ExpectGolden(const std::string& input, const std::string& expected, TableDialect dialect,
                  const TableOptions& options = {}) {
  const auto outcome = ReadCsv(ReadFile(kData + "/" + input), options);
  ASSERT_TRUE(outcome.has_value()) << outcome.error().message;
  EXPECT_EQ(TableDialectName(outcome->dialect), TableDialectName(dialect));
  nlohmann::json actual = nlohmann::json::array();
  for (const auto& record : outcome->records) actual.push_back(RecordJson(record));
  const std::string expected_path = kData + "/" + expected;
  if (std::getenv("KITH_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(expected_path, std::ios::binary) << actual.dump(2) << "\n";
    return;
  }
  const nlohmann::json golden = nlohmann::json::parse(ReadFile(expected_path));
  ASSERT_EQ(actual.size(), golden.size());
  for (std::size_t i = 0; i < actual.size(); ++i) {
    EXPECT_EQ(actual[i], golden[i]) << "record " << i << "\nactual:   " << actual[i].dump()
                                    << "\nexpected: " << golden[i].dump();
  }
}

// ------------------------------------------------------------ golden files

TEST(ReadContactsCsv, LinkedInSampleWithQuotedPreamble) {
  ExpectGolden("samples/linkedin_connections.csv", "csv/linkedin_connections.expected.json",
               TableDialect::kLinkedIn);
}

TEST(ReadContactsCsv, LinkedInWithBomCrlfAndUnquotedPreamble) {
  ExpectGolden("csv/linkedin_unquoted_preamble.csv", "csv/linkedin_unquoted_preamble.expected.json",
               TableDialect::kLinkedIn);
}

TEST(ReadContactsCsv, GoogleCurrentExport) {
  ExpectGolden("csv/google_current.csv", "csv/google_current.expected.json", TableDialect::kGoogle);
}

TEST(ReadContactsCsv, GoogleLegacySample) {
  ExpectGolden("samples/google_legacy.csv", "csv/google_legacy.expected.json", TableDialect::kGoogleLegacy);
}

TEST(ReadContactsCsv, OutlookDesktopInWindows1252) {
  ExpectGolden("csv/outlook_desktop.csv", "csv/outlook_desktop.expected.json", TableDialect::kOutlook);
}

TEST(ReadContactsCsv, OutlookWeb) {
  ExpectGolden("csv/outlook_web.csv", "csv/outlook_web.expected.json", TableDialect::kOutlookWeb);
}

TEST(ReadContactsCsv, GenericHeaderBySynonyms) {
  ExpectGolden("csv/generic_synonyms.csv", "csv/generic_synonyms.expected.json", TableDialect::kGeneric);
}

TEST(ReadContactsCsv, GenericHeaderWithMapOverrides) {
  TableOptions options;
  options.map = {{"Who", "name"}, {"contact", "email"}, {" Where ", "met_at"}, {"SKIP ME", "ignore"}};
  ExpectGolden("csv/generic_map.csv", "csv/generic_map.expected.json", TableDialect::kGeneric, options);
}

// ------------------------------------------------------------ failures

TEST(ReadContactsCsv, UnterminatedQuoteNamesTheLineItOpenedOn) {
  const auto outcome = ReadCsv("Name,Email,Notes\nAda,ada@x.org,fine\nBea,bea@x.org,\"never\ncloses\n");
  ASSERT_FALSE(outcome.has_value());
  EXPECT_EQ(outcome.error().code, ErrorCode::kParseError);
  EXPECT_EQ(outcome.error().message, "line 4: unterminated quote (the field opened on line 3 never closes)");
}

// A cell that cannot be read leaves its row in: the value is set aside with
// its line, column and problem, for the importer to report and keep.
TEST(ReadContactsCsv, UnreadableDateIsSetAsideNamingLineColumnAndValue) {
  const auto outcome = ReadCsv(ReadFile(kData + "/csv/bad_date.csv"));
  ASSERT_TRUE(outcome.has_value()) << outcome.error().message;
  const auto bad = std::find_if(outcome->records.begin(), outcome->records.end(),
                                [](const ImportRecord& record) { return !record.set_aside.empty(); });
  ASSERT_NE(bad, outcome->records.end());
  EXPECT_EQ(bad->line, 7U);
  ASSERT_EQ(bad->set_aside.size(), 1U);
  EXPECT_EQ(bad->set_aside[0].line, 7U);
  EXPECT_EQ(bad->set_aside[0].property, "Connected On");
  EXPECT_EQ(bad->set_aside[0].value, "31 Foo 2024");
  EXPECT_EQ(bad->set_aside[0].problem, "is not a date");
  EXPECT_FALSE(bad->fields.met_on.has_value());
  EXPECT_FALSE(bad->fields.display_name.empty() && bad->fields.given_name.empty());
}

TEST(ReadContactsCsv, ImpossibleDayIsNotADate) {
  const auto outcome = ReadCsv("Name,Met On\nAda,30 Feb 2024\n");
  ASSERT_TRUE(outcome.has_value()) << outcome.error().message;
  ASSERT_EQ(outcome->records.size(), 1U);
  ASSERT_EQ(outcome->records[0].set_aside.size(), 1U);
  EXPECT_EQ(outcome->records[0].set_aside[0].property, "Met On");
  EXPECT_EQ(outcome->records[0].set_aside[0].value, "30 Feb 2024");
}

TEST(ReadContactsCsv, EachValueRemembersItsColumnAndLine) {
  const auto outcome = ReadCsv("Name,E-mail 1,Mobile\nAda,not-an-email,BusinessPhone\n");
  ASSERT_TRUE(outcome.has_value()) << outcome.error().message;
  const auto& origins = outcome->records.at(0).origins;
  ASSERT_EQ(origins.size(), 2U);
  EXPECT_EQ(origins[0].property, "E-mail 1");
  EXPECT_EQ(origins[0].value, "not-an-email");
  EXPECT_EQ(origins[0].line, 2U);
  EXPECT_EQ(origins[1].value, "BusinessPhone");
}

TEST(ReadContactsCsv, HeaderWithNothingForANameEmailOrPhoneIsRejected) {
  const auto outcome = ReadCsv("Colour,Size,Weight\nred,L,3\n");
  ASSERT_FALSE(outcome.has_value());
  EXPECT_EQ(outcome.error().code, ErrorCode::kInvalidInput);
  EXPECT_THAT(outcome.error().message,
              HasSubstr("no column holds a name, email or phone; header: Colour, Size, Weight"));
}

TEST(ReadContactsCsv, UnknownMapFieldListsTheValidOnes) {
  TableOptions options;
  options.map = {{"Name", "shoe_size"}};
  const auto outcome = ReadCsv("Name,Email\nAda,ada@x.org\n", options);
  ASSERT_FALSE(outcome.has_value());
  EXPECT_EQ(outcome.error().code, ErrorCode::kInvalidInput);
  EXPECT_THAT(outcome.error().message, HasSubstr("unknown field 'shoe_size'"));
  EXPECT_THAT(outcome.error().message, HasSubstr("given_name, middle_name, family_name, email, phone"));
  EXPECT_THAT(outcome.error().message, HasSubstr("ignore"));
}

TEST(ReadContactsCsv, MapColumnMissingFromTheHeaderIsNamed) {
  TableOptions options;
  options.map = {{"Mobile", "phone"}};
  const auto outcome = ReadCsv("Name,Email\nAda,ada@x.org\n", options);
  ASSERT_FALSE(outcome.has_value());
  EXPECT_EQ(outcome.error().code, ErrorCode::kInvalidInput);
  EXPECT_THAT(outcome.error().message, HasSubstr("the header has no column 'Mobile'; columns: Name, Email"));
}

TEST(ReadContactsCsv, FileWithoutHeaderIsAParseError) {
  for (const std::string text : {"", "\n\n", "Notes:\n\"Only the preamble, nothing else\"\n"}) {
    const auto outcome = ReadCsv(text);
    ASSERT_FALSE(outcome.has_value()) << text;
    EXPECT_EQ(outcome.error().code, ErrorCode::kParseError);
    EXPECT_THAT(outcome.error().message, HasSubstr("no header row"));
  }
}

TEST(ReadContactsCsv, TextAfterClosingQuoteIsAnErrorWithItsLine) {
  const auto outcome = ReadCsv("Name,Company\nAda,\"Acme\" Inc\n");
  ASSERT_FALSE(outcome.has_value());
  EXPECT_THAT(outcome.error().message, HasSubstr("line 2: text after a closing quote in field 2"));
}

TEST(ReadContactsCsv, SinkErrorStopsReadingAndIsReturned) {
  std::istringstream in("Name\nAda\nBea\nCy\n");
  int seen = 0;
  const auto result = ReadContactsCsv(in, {}, [&seen](ImportRecord&&) -> Status {
    if (++seen == 2) return Fail(ErrorCode::kConflict, "stop here");
    return Ok();
  });
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().message, "stop here");
  EXPECT_EQ(seen, 2);
}

// ------------------------------------------------------------ behaviour

TEST(ReadContactsCsv, OneColumnListOfEmailsIsRead) {
  const auto outcome = ReadCsv("Email\nada@x.org\nbea@y.org\n");
  ASSERT_TRUE(outcome.has_value()) << outcome.error().message;
  ASSERT_EQ(outcome->records.size(), 2u);
  EXPECT_THAT(outcome->records[1].fields.emails, ElementsAre("bea@y.org"));
  EXPECT_EQ(outcome->records[1].line, 3u);
}

TEST(ReadContactsCsv, SkipsTitleLinesBeforeTheHeader) {
  const auto outcome = ReadCsv("My contacts\n\nName,Email\nAda,ada@x.org\n");
  ASSERT_TRUE(outcome.has_value()) << outcome.error().message;
  ASSERT_EQ(outcome->records.size(), 1u);
  EXPECT_EQ(outcome->records[0].fields.display_name, "Ada");
  EXPECT_EQ(outcome->records[0].line, 4u);
}

TEST(ReadContactsCsv, ForcedDialectOverridesDetection) {
  TableOptions options;
  options.dialect = TableDialect::kLinkedIn;
  const auto outcome =
      ReadCsv("First Name,Last Name,URL\nAda,Okafor,https://www.linkedin.com/in/ada\n", options);
  ASSERT_TRUE(outcome.has_value()) << outcome.error().message;
  EXPECT_EQ(outcome->dialect, TableDialect::kLinkedIn);
  ASSERT_EQ(outcome->records[0].fields.links.size(), 1u);
  EXPECT_TRUE(outcome->records[0].fields.links[0].connected);
}

TEST(ReadContactsCsv, CellsPastTheHeaderAreKeptByPosition) {
  const auto outcome = ReadCsv("Name,Email\nAda,ada@x.org,extra,,more\n");
  ASSERT_TRUE(outcome.has_value()) << outcome.error().message;
  EXPECT_THAT(outcome->records[0].fields.custom,
              ElementsAre(CustomField{"Column 3", "extra"}, CustomField{"Column 5", "more"}));
}

TEST(ReadContactsCsv, ShortRowsReadMissingCellsAsEmpty) {
  const auto outcome = ReadCsv("Name,Email,City\nAda\n");
  ASSERT_TRUE(outcome.has_value()) << outcome.error().message;
  EXPECT_EQ(outcome->records[0].fields.display_name, "Ada");
  EXPECT_TRUE(outcome->records[0].fields.emails.empty());
}

TEST(ReadContactsCsv, SecondValueForAOneValueFieldBecomesACustomField) {
  const auto outcome = ReadCsv("Name,Company,Employer\nAda,Acme,Initech\n");
  ASSERT_TRUE(outcome.has_value()) << outcome.error().message;
  EXPECT_EQ(outcome->records[0].fields.company, "Acme");
  EXPECT_THAT(outcome->records[0].fields.custom, ElementsAre(CustomField{"Employer", "Initech"}));
}

struct DateCase {
  std::string cell;
  Date expected;
};

TEST(ReadContactsCsv, ReadsTheDateFormsExportsWrite) {
  const std::vector<DateCase> cases = {
      {"2024-03-12", {2024, 3, 12}},
      {"2024-03-12 00:00:00", {2024, 3, 12}},
      {"2024-03-12T09:30:00Z", {2024, 3, 12}},
      {"12 Mar 2024", {2024, 3, 12}},
      {"07 Mar 2024", {2024, 3, 7}},
      {"7-Feb-22", {2022, 2, 7}},
      {"1-Jul-21", {2021, 7, 1}},
      {"12 March 2024", {2024, 3, 12}},
      {"Mar 12, 2024", {2024, 3, 12}},
      {"3/14/2024", {2024, 3, 14}},
      {"3/4/2024", {2024, 3, 4}},
      {"14/3/2024", {2024, 3, 14}},
      {"14.03.2024", {2024, 3, 14}},
      {"2024/3/5", {2024, 3, 5}},
  };
  for (const auto& [cell, expected] : cases) {
    const auto outcome = ReadCsv("Name,Met On\nAda,\"" + cell + "\"\n");
    ASSERT_TRUE(outcome.has_value()) << cell << ": " << outcome.error().message;
    EXPECT_EQ(outcome->records[0].fields.met_on, std::optional<Date>(expected)) << cell;
  }
}

TEST(ReadContactsCsv, ZeroDateMeansNoDate) {
  const auto outcome = ReadCsv("Name,Met On\nAda,0/0/00\n");
  ASSERT_TRUE(outcome.has_value()) << outcome.error().message;
  EXPECT_EQ(outcome->records[0].fields.met_on, std::nullopt);
}

TEST(ReadContactsCsv, OpenToOpportunitiesReadsYesAndNo) {
  const auto outcome = ReadCsv("Name,Open to work\nAda,Yes\nBea,no\nCy,\n");
  ASSERT_TRUE(outcome.has_value()) << outcome.error().message;
  EXPECT_TRUE(outcome->records[0].fields.open_to_opportunities);
  EXPECT_FALSE(outcome->records[1].fields.open_to_opportunities);
  const auto bad = ReadCsv("Name,Open to work\nAda,maybe\n");
  ASSERT_TRUE(bad.has_value()) << bad.error().message;
  ASSERT_EQ(bad->records.at(0).set_aside.size(), 1U);
  EXPECT_EQ(bad->records[0].set_aside[0].problem, "is not yes or no");
  EXPECT_EQ(bad->records[0].set_aside[0].value, "maybe");
}

// ------------------------------------------------------------ the mapper

TEST(ContactTableMapper, DetectsEachDialectFromItsHeader) {
  const std::vector<std::pair<std::vector<std::string>, TableDialect>> cases = {
      {{"First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"},
       TableDialect::kLinkedIn},
      {{"First Name", "Middle Name", "Last Name", "Phonetic First Name", "File As", "Labels",
        "E-mail 1 - Label", "E-mail 1 - Value"},
       TableDialect::kGoogle},
      {{"Name", "Given Name", "Additional Name", "Family Name", "Group Membership", "E-mail 1 - Type",
        "E-mail 1 - Value"},
       TableDialect::kGoogleLegacy},
      {{"Title", "First Name", "Middle Name", "Last Name", "Suffix", "Company", "Department", "Job Title",
        "Business City", "Home City", "Mobile Phone", "E-mail Address"},
       TableDialect::kOutlook},
      {{"First Name", "Middle Name", "Last Name", "Title", "Suffix", "Nickname", "Given Yomi", "Surname Yomi",
        "E-mail Address", "Mobile Phone", "Job Title", "Business City"},
       TableDialect::kOutlookWeb},
      {ContactTableHeader(), TableDialect::kKith},
      {{"name", "EMAIL"}, TableDialect::kGeneric},
  };
  for (const auto& [header, dialect] : cases) {
    const auto mapper = ContactTableMapper::FromHeader(header, {});
    ASSERT_TRUE(mapper.has_value()) << mapper.error().message;
    EXPECT_EQ(TableDialectName(mapper->dialect()), TableDialectName(dialect)) << header.front();
  }
}

TEST(ContactTableMapper, ReportsWhereEachColumnGoes) {
  TableOptions options;
  options.map = {{"Ref", "ignore"}};
  const auto mapper =
      ContactTableMapper::FromHeader({"Display Name", "E-Mail Address", "Cell", "Ref", "Shoe Size"}, options);
  ASSERT_TRUE(mapper.has_value()) << mapper.error().message;
  using Pair = std::pair<std::string, std::string>;
  EXPECT_THAT(mapper->mapping(),
              ElementsAre(Pair{"Display Name", "name"}, Pair{"E-Mail Address", "email"},
                          Pair{"Cell", "phone"}, Pair{"Ref", "ignore"}, Pair{"Shoe Size", "custom"}));
}

TEST(ContactTableMapper, RowOfEmptyCellsGivesAnEmptyRecord) {
  const auto mapper = ContactTableMapper::FromHeader({"Name", "Email", "Notes"}, {});
  ASSERT_TRUE(mapper.has_value());
  const auto record = mapper->Map({" ", "", "  "}, 9);
  ASSERT_TRUE(record.has_value());
  EXPECT_EQ(record->line, 9u);
  EXPECT_EQ(record->fields, ContactFields{});
  EXPECT_EQ(record->uid, "");
}

TEST(ContactTableMapper, MiddleNameJoinsTheDisplayNameWhenThereIsNoFullName) {
  const auto mapper = ContactTableMapper::FromHeader({"First Name", "Middle Name", "Last Name"}, {});
  ASSERT_TRUE(mapper.has_value());
  const auto record = mapper->Map({"Liam", "James", "Brown"}, 2);
  ASSERT_TRUE(record.has_value());
  EXPECT_EQ(record->fields.display_name, "Liam James Brown");
  EXPECT_EQ(record->fields.given_name, "Liam");
  EXPECT_EQ(record->fields.family_name, "Brown");
}

TEST(ContactTableMapper, LeavesDisplayNameEmptyWithoutANameColumn) {
  const auto mapper = ContactTableMapper::FromHeader({"First Name", "Last Name"}, {});
  ASSERT_TRUE(mapper.has_value());
  const auto record = mapper->Map({"Ada", "Okafor"}, 2);
  ASSERT_TRUE(record.has_value());
  EXPECT_EQ(record->fields.display_name, "");
}

// ------------------------------------------------------------ kith's own table

TEST(ContactTableHeader, IsStable) {
  EXPECT_THAT(
      ContactTableHeader(),
      ElementsAre("Name", "Given Name", "Family Name", "Emails", "Phones", "Phones (E.164)", "Company",
                  "Title", "Website", "LinkedIn", "Twitter", "Facebook", "Instagram", "GitHub", "Other Links",
                  "City", "Neighborhood", "Hometown", "How Met", "Met At", "Met On", "Tags", "Skills",
                  "Interests", "Open To Opportunities", "Looking For", "Open Since", "Notes", "Custom Fields",
                  "Photo", "vCard Properties", "UID", "Kind", "Nickname", "Role", "Departments", "Birthday",
                  "Anniversary", "Addresses", "Value Types"));
}

Contact RichContact() {
  Contact contact;
  contact.uid = "urn:uuid:5f0c8a6e-2b9d-4c1a-9a57-0e6f3c2d1b4a";
  contact.display_name = "Ada Okafor, PhD";
  contact.given_name = "Ada";
  contact.family_name = "Okafor";
  contact.emails = {"ada@acme.com", "ada.okafor@gmail.com"};
  contact.phones = {Phone{"+1 312 555 0134", "+13125550134"}, Phone{"ext. 42", ""},
                    Phone{"020 7946 0958", "+442079460958"}};
  contact.company = "Acme \"Rockets\", Inc.";
  contact.title = "CTO";
  contact.website = "https://ada.dev";
  contact.links = {
      Link{LinkKind::kLinkedIn, "https://www.linkedin.com/in/adaokafor", true, false, Date{2024, 3, 12}},
      Link{LinkKind::kLinkedIn, "https://www.linkedin.com/in/ada-old", true, false, std::nullopt},
      Link{LinkKind::kTwitter, "https://x.com/ada", false, true, std::nullopt},
      Link{LinkKind::kFacebook, "https://facebook.com/ada.okafor", true, true, Date{2019, 1, 2}},
      Link{LinkKind::kInstagram, "https://instagram.com/ada", false, false, std::nullopt},
      Link{LinkKind::kGitHub, "https://github.com/ada", false, true, std::nullopt},
      Link{LinkKind::kOther, "https://mastodon.social/@ada", false, false, Date{2023, 5, 6}},
      Link{LinkKind::kOther, "https://example.com/odd [not flags]", false, false, std::nullopt},
  };
  contact.city = "São Paulo";
  contact.neighborhood = "Vila Madalena";
  contact.hometown = "Lagos";
  contact.how_met = "Intro by Bea,\nat the \"Rust\" meetup";
  contact.met_at = "RustConf 2024";
  contact.met_on = Date{2024, 9, 10};
  contact.tags = {"mentor", "a ::: b", "ends with :::", "back\\slash \\::: tricky"};
  contact.skills = {"C++", "Rust, mostly"};
  contact.interests = {"chess"};
  contact.open_to_opportunities = true;
  contact.looking_for = "Staff roles; remote";
  contact.open_since = Date{2025, 1, 15};
  contact.notes = "Line 1\nLine \"2\", with a comma\n\n  indented line 4  ";
  contact.custom = {CustomField{"Birthday", "1985-04-12"},
                    CustomField{"Label: with colon", "value ::: with separator"},
                    CustomField{"C:\\path", "C:\\Users\\ada"}, CustomField{"", "no label"}};
  contact.photo = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk";
  contact.vcard_properties = {"BDAY:19850412", "X-FOO;TYPE=a:b\\,c\\nd"};
  return contact;
}

Contact NonLatinContact() {
  Contact contact;
  contact.uid = "u-2";
  contact.display_name = "王小明";
  contact.given_name = "小明";
  contact.family_name = "王";
  contact.emails = {"xiaoming@example.cn"};
  contact.city = "北京";
  contact.tags = {"朋友", "ليلى"};
  contact.notes = "你好，世界\r\nΓειά σου";  // the CRLF comes back as "\n", see below
  return contact;
}

Contact MinimalContact() {
  Contact contact;
  contact.display_name = "Cy";
  return contact;
}

Result<std::vector<ImportRecord>> RoundTrip(const std::vector<Contact>& contacts) {
  std::ostringstream out;
  WriteCsvRecord(out, ContactTableHeader());
  for (const auto& contact : contacts) WriteCsvRecord(out, ContactTableRow(contact));
  KITH_ASSIGN_OR_RETURN(ReadOutcome outcome, ReadCsv(out.str()));
  EXPECT_EQ(outcome.dialect, TableDialect::kKith);
  return outcome.records;
}

TEST(ContactTableRow, RoundTripsEveryFieldAndTheUid) {
  Contact non_latin = NonLatinContact();
  const std::vector<Contact> contacts = {RichContact(), non_latin, MinimalContact()};
  const auto records = RoundTrip(contacts);
  ASSERT_TRUE(records.has_value()) << records.error().message;
  ASSERT_EQ(records->size(), contacts.size());
  // CSV keeps line breaks, not their kind: CRLF inside a value comes back as LF.
  non_latin.notes = "你好，世界\nΓειά σου";
  const std::vector<Contact> expected = {RichContact(), non_latin, MinimalContact()};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ((*records)[i].fields, static_cast<const ContactFields&>(expected[i]))
        << "contact " << i << "\nactual:   " << RecordJson((*records)[i]).dump()
        << "\nexpected: " << ContactToJson(expected[i]).dump();
    EXPECT_EQ((*records)[i].uid, expected[i].uid);
  }
}

TEST(ContactTableRow, WritesLinksWithTheirFlags) {
  const std::vector<std::string> row = ContactTableRow(RichContact());
  const auto column = [&row](std::string_view name) {
    const auto& header = ContactTableHeader();
    return row[static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin())];
  };
  EXPECT_EQ(
      column("LinkedIn"),
      "https://www.linkedin.com/in/adaokafor [connected 2024-03-12] ::: https://www.linkedin.com/in/ada-old "
      "[connected]");
  EXPECT_EQ(column("Twitter"), "https://x.com/ada [followed]");
  EXPECT_EQ(column("Instagram"), "https://instagram.com/ada");
  EXPECT_EQ(column("Tags"), "mentor ::: a \\::: b ::: ends with \\::: ::: back\\slash \\\\\\::: tricky");
  EXPECT_EQ(column("Custom Fields"),
            "Birthday: 1985-04-12 ::: Label\\: with colon: value \\::: with separator ::: C\\:\\\\path: "
            "C:\\Users\\ada ::: : no label");
  EXPECT_EQ(column("Phones (E.164)"), "+13125550134 :::  ::: +442079460958");
  EXPECT_EQ(column("Open To Opportunities"), "yes");
}

TEST(ContactTableRow, LinksComeBackGroupedByKind) {
  Contact contact = MinimalContact();
  contact.links = {Link{LinkKind::kGitHub, "https://github.com/cy", false, false, std::nullopt},
                   Link{LinkKind::kLinkedIn, "https://www.linkedin.com/in/cy", false, false, std::nullopt}};
  const auto records = RoundTrip({contact});
  ASSERT_TRUE(records.has_value()) << records.error().message;
  ASSERT_EQ((*records)[0].fields.links.size(), 2u);
  EXPECT_EQ((*records)[0].fields.links[0].kind, LinkKind::kLinkedIn);
  EXPECT_EQ((*records)[0].fields.links[1].kind, LinkKind::kGitHub);
}

// LinkedIn's Connections.csv as it was downloaded in 2018: no URL column,
// a time after the date, and a member id where the email was hidden.
TEST(ReadContactsCsv, LinkedIn2018ExportIsRecognised) {
  const auto outcome = ReadCsv(
      "First Name,Last Name,Email Address,Company,Position,Connected On,Tags\n"
      "Ann,Lee,ann@example.org,Acme,Engineer,\"1/8/18, 6:14 PM\",\n"
      "Bo,Kim,urn:li:member:123456,Initech,CTO,\"12/20/17, 9:02 AM\",\n");
  ASSERT_TRUE(outcome.has_value()) << outcome.error().message;
  EXPECT_EQ(outcome->dialect, TableDialect::kLinkedIn);
  ASSERT_EQ(outcome->records.size(), 2U);
  EXPECT_EQ(outcome->records[0].fields.met_on, (Date{2018, 1, 8}));
  EXPECT_TRUE(outcome->records[0].set_aside.empty());
  EXPECT_EQ(outcome->records[1].fields.met_on, (Date{2017, 12, 20}));
  EXPECT_TRUE(outcome->records[1].fields.emails.empty());
  EXPECT_EQ(outcome->records[1].fields.custom,
            (std::vector<CustomField>{{"LinkedIn member", "urn:li:member:123456"}}));
}

}  // namespace
}  // namespace kith
