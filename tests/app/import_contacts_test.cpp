// Imports as a person uses them: whole files, matched with the list, and on
// any problem nothing written.
#include <gtest/gtest.h>

#include <fstream>

#include "app/contacts.h"
#include "app/transfer.h"
#include "support/temp_database.h"

namespace kith {
namespace {

const std::string kLinkedInSample = std::string(KITH_TEST_DATA) + "/samples/linkedin_connections.csv";

class ImportTest : public ::testing::TestWithParam<testing::StoreKind> {
 protected:
  std::string Write(const std::string& name, const std::string& content) {
    const std::string path = (files_.path() / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  Result<ImportSummary> Import(const std::string& path, ImportRequest request = {}) {
    request.path = path;
    return ImportContacts(world_.context(), request);
  }

  std::vector<Contact> Everyone() {
    ListQuery query;
    query.limit = 1000;
    auto contacts = ListContacts(world_.context(), query);
    EXPECT_TRUE(contacts);
    return contacts ? *contacts : std::vector<Contact>{};
  }

  Contact Only(std::string_view name) {
    auto contact = ResolveContact(world_.context(), name);
    EXPECT_TRUE(contact) << (contact ? "" : contact.error().message);
    return contact ? *contact : Contact{};
  }

  testing::TestWorld world_{GetParam()};
  testing::TempDirectory files_;
};

constexpr const char* kLinkedInHeader =
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";

KITH_ON_BOTH_STORES(ImportTest);

TEST_P(ImportTest, LinkedInConnectionsBecomeConnectedPeople) {
  auto summary = Import(kLinkedInSample);
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->format, "linkedin");
  EXPECT_EQ(summary->added, 2);
  EXPECT_EQ(summary->skipped, 1);
  ASSERT_EQ(summary->skipped_rows.size(), 1U);
  EXPECT_EQ(summary->skipped_rows[0],
            "line 7: no name, email or phone (https://www.linkedin.com/in/private-member)");
  const Contact ravi = Only("Ravi Menon");
  EXPECT_EQ(ravi.company, "Kite \"Labs\"");
  EXPECT_EQ(ravi.title, "Staff Engineer");
  EXPECT_EQ(ravi.met_on, (Date{2021, 7, 1}));
  ASSERT_EQ(ravi.links.size(), 1U);
  EXPECT_EQ(ravi.links[0].kind, LinkKind::kLinkedIn);
  EXPECT_TRUE(ravi.links[0].connected);
  EXPECT_EQ(ravi.links[0].connected_on, (Date{2021, 7, 1}));
}

TEST_P(ImportTest, TheSameFileTwiceAddsNothingTheSecondTime) {
  ASSERT_TRUE(Import(kLinkedInSample));
  const auto before = Everyone();
  auto again = Import(kLinkedInSample);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->added, 0);
  EXPECT_EQ(again->updated, 0);
  EXPECT_EQ(again->unchanged, 2);
  EXPECT_EQ(Everyone().size(), before.size());
}

TEST_P(ImportTest, ALaterExportShowsWhoChangedJobs) {
  ASSERT_TRUE(Import(kLinkedInSample));
  const std::string later =
      Write("later.csv", std::string(kLinkedInHeader) +
                             "Ravi,Menon,https://www.linkedin.com/in/ravimenon/,,Initech,CTO,"
                             "1-Jul-21\n");
  auto summary = Import(later);
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->added, 0);
  EXPECT_EQ(summary->updated, 1);
  ASSERT_EQ(summary->job_changes.size(), 1U);
  const JobChange& change = summary->job_changes[0].change;
  EXPECT_EQ(change.old_company, "Kite \"Labs\"");
  EXPECT_EQ(change.new_company, "Initech");
  EXPECT_EQ(change.new_title, "CTO");
  const Contact ravi = Only("Ravi Menon");
  EXPECT_EQ(ravi.company, "Initech");
  EXPECT_EQ(ravi.title, "CTO");
  auto history = JobChangesOf(world_.context(), ravi.id);
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 1U);
  EXPECT_EQ((*history)[0].source, "later.csv");
  EXPECT_EQ((*history)[0].noticed_on, (Date{2026, 11, 26}));
}

TEST_P(ImportTest, DryRunCountsButWritesNothing) {
  ImportRequest request;
  request.dry_run = true;
  auto summary = Import(kLinkedInSample, request);
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_TRUE(summary->dry_run);
  EXPECT_EQ(summary->added, 2);
  EXPECT_TRUE(Everyone().empty());
}

TEST_P(ImportTest, ABadValueIsSetAsideAndItsRecordStillComesIn) {
  const std::string path = Write("bad.csv", "Name,Email\nAda Okafor,ada@acme.com\nBob Stone,bob@\n");
  auto summary = Import(path);
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->added, 2);
  EXPECT_EQ(summary->set_aside, 1);
  ASSERT_EQ(summary->problems.size(), 1U);
  EXPECT_EQ(summary->problems[0], "line 3: Email 'bob@' has no domain — kept in the card's raw fields");
  const Contact bob = Only("Bob Stone");
  EXPECT_TRUE(bob.emails.empty());
  EXPECT_EQ(bob.custom, (std::vector<CustomField>{{"raw Email", "bob@"}}));
}

TEST_P(ImportTest, StrictRefusesTheWholeFileOverOneBadValue) {
  const std::string path = Write("bad.csv", "Name,Email\nAda Okafor,ada@acme.com\nBob Stone,bob@\n");
  ImportRequest request;
  request.strict = true;
  auto summary = Import(path, request);
  ASSERT_FALSE(summary);
  EXPECT_EQ(summary.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(summary.error().message, "'" + path + "': line 3: Email 'bob@' has no domain");
  EXPECT_TRUE(Everyone().empty()) << "Ada from line 2 was not kept either";
}

// An import reads and checks its file on one thread while another matches
// and writes what was read before (import_contacts.cpp): these files are
// long enough to cross many of the reader's hand-overs and the writer's
// batches, so a record lost, repeated or taken out of its place fails them.
std::string NumberedRows(int from, int count) {
  std::string rows;
  for (int i = from; i < from + count; ++i) {
    rows += "Row Person" + std::to_string(i) + ",row" + std::to_string(i) + "@acme.com,,Acme\n";
  }
  return rows;
}

TEST_P(ImportTest, ALongFileComesInWholeInTheOrderOfItsLines) {
  constexpr int kRows = 5000;
  const std::string path =
      Write("long.csv", "Name,Email,Phone,Company\n" + NumberedRows(0, kRows) + "Ada Okafor,ada@,,Acme\n" +
                            NumberedRows(kRows, 10) + ",,,\n" + "Bo Chen,bo@,,Acme\n");
  auto summary = Import(path);
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->added, kRows + 10 + 2);
  EXPECT_EQ(summary->set_aside, 2);
  ASSERT_EQ(summary->problems.size(), 2U);
  EXPECT_EQ(summary->problems[0], "line 5002: Email 'ada@' has no domain — kept in the card's raw fields");
  EXPECT_EQ(summary->problems[1], "line 5014: Email 'bo@' has no domain — kept in the card's raw fields");
  ListQuery query;
  query.sort = ListSort::kCreated;  // newest first
  query.limit = kRows + 100;
  auto everyone = ListContacts(world_.context(), query);
  ASSERT_TRUE(everyone) << everyone.error().message;
  ASSERT_EQ(everyone->size(), static_cast<std::size_t>(kRows + 12));
  std::vector<std::string> in_file_order;
  for (auto contact = everyone->rbegin(); contact != everyone->rend(); ++contact) {
    in_file_order.push_back(contact->display_name);
  }
  for (int i = 0; i < kRows; ++i) {
    ASSERT_EQ(in_file_order[static_cast<std::size_t>(i)], "Row Person" + std::to_string(i));
  }
  EXPECT_EQ(in_file_order[kRows], "Ada Okafor");
  EXPECT_EQ(in_file_order[kRows + 1], "Row Person" + std::to_string(kRows));
  EXPECT_EQ(in_file_order.back(), "Bo Chen");
}

TEST_P(ImportTest, ALateRowMatchesTheEarlierRowsOfItsOwnFile) {
  // Ada's first row is written thousands of rows before her second comes
  // (the writer's batches are 2,000 cards); Wei's second row follows his
  // first closely. Both are found, by a phone placed on the reading thread.
  const std::string path =
      Write("late.csv",
            "Name,Email,Phone,Company\n"
            "Ada Okafor,ada@acme.com,+1 312 555 0134,Acme\n" +
                NumberedRows(0, 4500) + "Wei Zhang,wei@kite.com,+44 20 7946 0958,Kite\n" +
                "Wei Zhang,,+44 20 7946 0958,Kite\n" + NumberedRows(4500, 10) +
                "Ada Okafor,,+1 (312) 555-0134,Acme\n" + "Ada Okafor,ada.okafor@home.net,,Acme\n");
  auto summary = Import(path);
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->added, 4510 + 2);
  EXPECT_EQ(summary->merged + summary->updated + summary->unchanged, 3);
  const Contact ada = Only("Ada Okafor");
  ASSERT_EQ(ada.phones.size(), 1U);
  EXPECT_EQ(ada.phones[0].e164, "+13125550134");
  EXPECT_EQ(ada.emails, (std::vector<std::string>{"ada@acme.com", "ada.okafor@home.net"}));
  EXPECT_EQ(Only("Wei Zhang").phones.size(), 1U);
  auto found = SearchContacts(world_.context(), {"okafor", 5, 0});
  ASSERT_TRUE(found) << found.error().message;
  EXPECT_EQ(found->size(), 1U) << "the card rewritten in the bulk is indexed once";
  auto by_new_email = SearchContacts(world_.context(), {"home.net", 5, 0});
  ASSERT_TRUE(by_new_email) << by_new_email.error().message;
  EXPECT_EQ(by_new_email->size(), 1U) << "and under what its last row gave it";
}

TEST_P(ImportTest, StrictRefusesTheWholeFileOverABadValueInALateBatch) {
  const std::string path = Write("late_bad.csv", "Name,Email,Phone,Company\n" + NumberedRows(0, 4500) +
                                                     "Bob Stone,bob@,,Acme\n" + NumberedRows(4500, 600));
  ImportRequest request;
  request.strict = true;
  auto summary = Import(path, request);
  ASSERT_FALSE(summary);
  EXPECT_EQ(summary.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(summary.error().message, "'" + path + "': line 4502: Email 'bob@' has no domain");
  EXPECT_TRUE(Everyone().empty()) << "the 4,500 rows before it, two batches written, were not kept";
  auto again = Import(path);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->added, 5101) << "without --strict the same file comes in whole";
}

TEST_P(ImportTest, VCardProblemsNameThePropertyAndItsOwnLine) {
  const std::string path =
      Write("cards.vcf",
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nEMAIL:\xC3\x91\xC3\x91\xC3\x91\r\n"
            "TEL;TYPE=WORK:BusinessPhone\r\nURL:skype:ann.lee\r\n"
            "X-KITH-MET-ON:someday\r\nEMAIL:ann@example.org\r\nEND:VCARD\r\n");
  auto summary = Import(path);
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->added, 1);
  EXPECT_EQ(summary->set_aside, 4);
  EXPECT_EQ(
      summary->problems,
      (std::vector<std::string>{
          "line 4: EMAIL '\xC3\x91\xC3\x91\xC3\x91' has no '@' — kept in the card's raw fields",
          "line 5: TEL 'BusinessPhone' has no digits — kept in the card's raw fields",
          "line 6: URL 'skype:ann.lee' is not a web address (expected https://host/…) — kept in the card's "
          "raw "
          "fields",
          "line 7: X-KITH-MET-ON 'someday' is not a date (expected YYYY-MM-DD) — kept in the card's raw "
          "fields"}));
  const Contact ann = Only("Ann Lee");
  EXPECT_EQ(ann.emails, (std::vector<std::string>{"ann@example.org"}));
  EXPECT_TRUE(ann.phones.empty());
  EXPECT_EQ(ann.custom, (std::vector<CustomField>{{"raw EMAIL", "\xC3\x91\xC3\x91\xC3\x91"},
                                                  {"raw TEL", "BusinessPhone"},
                                                  {"raw URL", "skype:ann.lee"},
                                                  {"raw X-KITH-MET-ON", "someday"}}));
}

TEST_P(ImportTest, ARecordWithNothingUsableIsSkippedAndListedWithItsProblems) {
  const std::string path = Write("cards.vcf",
                                 "BEGIN:VCARD\r\nVERSION:3.0\r\nEMAIL:nobody\r\nEND:VCARD\r\n"
                                 "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nEND:VCARD\r\n");
  auto summary = Import(path);
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->added, 1);
  EXPECT_EQ(summary->skipped, 1);
  ASSERT_EQ(summary->skipped_rows.size(), 1U);
  EXPECT_EQ(summary->skipped_rows[0], "line 1: no name, email or phone; line 3: EMAIL 'nobody' has no '@'");
}

TEST_P(ImportTest, ADryRunReportsEveryProblemNotTheFirst) {
  std::string csv = "Name,Email,Met On\n";
  for (int i = 0; i < 30; ++i) csv += "Person " + std::to_string(i) + ",p" + std::to_string(i) + "@,soon\n";
  ImportRequest request;
  request.dry_run = true;
  auto summary = Import(Write("many.csv", csv), request);
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->added, 30);
  EXPECT_EQ(summary->set_aside, 60);
  EXPECT_EQ(summary->problems.size(), 60U);
  EXPECT_EQ(summary->problems.back(), "line 31: Email 'p29@' has no domain — kept in the card's raw fields");
  EXPECT_TRUE(Everyone().empty());
}

TEST_P(ImportTest, TextThatIsNotUtf8IsReadAsWindows1252AndSaidSo) {
  const std::string path = Write("outlook.csv", "Name,Email\nJos\xE9 P\xE9rez,jose@example.com\n");
  auto summary = Import(path);
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->added, 1);
  ASSERT_EQ(summary->problems.size(), 1U);
  EXPECT_EQ(
      summary->problems[0],
      "line 2: the text is not UTF-8 (byte 0xE9): read as Windows-1252 (\"José Pérez,jose@example.com\"); "
      "run again with --encoding latin-1 if that is wrong");
  EXPECT_EQ(Only("José Pérez").emails, std::vector<std::string>{"jose@example.com"});
}

TEST_P(ImportTest, StrictRefusesTextThatIsNotUtf8WithAdvice) {
  const std::string path = Write("outlook.csv", "Name,Email\nJos\xE9 P\xE9rez,jose@example.com\n");
  ImportRequest strict;
  strict.strict = true;
  auto summary = Import(path, strict);
  ASSERT_FALSE(summary);
  EXPECT_EQ(summary.error().message,
            "'" + path +
                "': line 2: the text is not UTF-8 (byte 0xE9); it reads cleanly as Windows-1252 (\"José "
                "Pérez,jose@example.com\"): run again with --encoding windows-1252");
  ImportRequest request;
  request.encoding = TextEncoding::kWindows1252;
  auto decoded = Import(path, request);
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_TRUE(decoded->problems.empty());
  EXPECT_EQ(Only("José Pérez").emails, std::vector<std::string>{"jose@example.com"});
}

// What Windows writes for "Unicode" text: UTF-16 little-endian with a BOM.
std::string Utf16Le(std::string_view ascii_or_latin1) {
  std::string out("\xFF\xFE", 2);
  for (const char c : ascii_or_latin1) {
    out.push_back(c);
    out.push_back('\0');
  }
  return out;
}

TEST_P(ImportTest, Utf16FilesWithAByteOrderMarkAreRead) {
  auto vcard =
      Import(Write("outlook.vcf", Utf16Le("BEGIN:VCARD\r\nVERSION:2.1\r\nN:Lee;Ann\r\n"
                                          "FN:Ann Lee\r\nEMAIL;INTERNET:ann@example.org\r\nEND:VCARD\r\n")));
  ASSERT_TRUE(vcard) << vcard.error().message;
  EXPECT_EQ(vcard->format, "vcard");
  EXPECT_EQ(vcard->added, 1);
  auto csv = Import(Write("people.csv", Utf16Le("Name,Email\r\nJos\xE9 Ruiz,jose@example.com\r\n")));
  ASSERT_TRUE(csv) << csv.error().message;
  EXPECT_EQ(Only("José Ruiz").emails, std::vector<std::string>{"jose@example.com"});
}

TEST_P(ImportTest, EveryLineEndingAddressBooksWriteIsRead) {
  for (const std::string ending : {"\n", "\r\n", "\r", "\r\r\n"}) {
    testing::TestWorld world{GetParam()};
    const std::string text = "BEGIN:VCARD" + ending + "VERSION:3.0" + ending + "FN:Ann Lee" + ending +
                             "NOTE:one" + ending + " two" + ending + "EMAIL:ann@example.org" + ending +
                             "END:VCARD" + ending + "BEGIN:VCARD" + ending + "FN:Bo" + ending + "END:VCARD" +
                             ending;
    ImportRequest request;
    request.path = Write("endings.vcf", text);
    request.strict = true;
    auto summary = ImportContacts(world.context(), request);
    ASSERT_TRUE(summary) << summary.error().message;
    EXPECT_EQ(summary->added, 2);
    auto ann = ResolveContact(world.context(), "Ann Lee");
    ASSERT_TRUE(ann);
    EXPECT_EQ(ann->notes, "onetwo");
    EXPECT_EQ(ann->emails, std::vector<std::string>{"ann@example.org"});
  }
}

TEST_P(ImportTest, QuotedPrintableThatIsNotUtf8IsRepairedAndReported) {
  // Android 2.x wrote Latin-1 bytes under CHARSET=UTF-8.
  const std::string path =
      Write("android.vcf",
            "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:"
            "P=E9rez;Jos=E9\r\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Jos=E9 P=E9rez\r\n"
            "END:VCARD\r\n");
  auto summary = Import(path);
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->set_aside, 0);
  ASSERT_EQ(summary->problems.size(), 2U);
  EXPECT_EQ(
      summary->problems[1],
      "line 4: FN 'José Pérez' was not UTF-8 after quoted-printable decoding: its stray bytes were read "
      "as Windows-1252");
  const Contact jose = Only("José Pérez");
  EXPECT_EQ(jose.given_name, "José");
  EXPECT_EQ(jose.family_name, "Pérez");
}

TEST_P(ImportTest, EmptyBinaryAndFakeFilesAreRefused) {
  const auto message = [&](const std::string& path, ImportRequest request = {}) {
    auto summary = Import(path, request);
    EXPECT_FALSE(summary);
    return summary ? std::string() : summary.error().message;
  };
  const std::string empty = Write("empty.csv", "\xEF\xBB\xBF\r\n");
  EXPECT_EQ(message(empty), "'" + empty + "': the file is empty: no contacts to import");
  const std::string binary = Write("photo.csv", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  EXPECT_EQ(message(binary),
            "'" + binary + "': is binary data, not a contacts file (kith reads CSV, vCard, .xlsx and JSON)");
  const std::string fake = Write("fake.xlsx", "Name,Email\nAda,ada@acme.com\n");
  ImportRequest as_xlsx;
  as_xlsx.format = ImportFormat::kXlsx;
  EXPECT_EQ(message(fake, as_xlsx), "'" + fake + "': is not an .xlsx file (not a zip archive)");
  EXPECT_NE(message((files_.path() / "missing.csv").string()).find("No such file"), std::string::npos);
  EXPECT_TRUE(Everyone().empty());
}

TEST_P(ImportTest, EventMarksEveryoneAsMetThereToday) {
  ImportRequest request;
  request.event = "RustConf 2026";
  ASSERT_TRUE(Import(Write("people.csv", "Name,Email\nAda Okafor,ada@acme.com\n"), request));
  const Contact ada = Only("Ada Okafor");
  EXPECT_EQ(ada.met_at, "RustConf 2026");
  EXPECT_EQ(ada.met_on, (Date{2026, 11, 26}));
}

TEST_P(ImportTest, AMatchByEmailIsMergedNotAdded) {
  ContactFields ada;
  ada.display_name = "Ada Okafor";
  ada.emails = {"ada@acme.com"};
  ada.company = "Acme";
  ASSERT_TRUE(AddContact(world_.context(), ada));
  const std::string path =
      Write("google.csv", "Name,E-mail,Phone,Company\nAda O.,ADA@acme.com,+1 312 555 0134,Initech\n");
  auto summary = Import(path);
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->added, 0);
  EXPECT_EQ(summary->updated, 1);
  const Contact merged = Only("Ada Okafor");
  ASSERT_EQ(merged.phones.size(), 1U);
  EXPECT_EQ(merged.phones[0].e164, "+13125550134");
  EXPECT_EQ(merged.company, "Acme") << "the card's own value stays";
  EXPECT_EQ(merged.custom,
            (std::vector<CustomField>{{"Other name", "Ada O."}, {"Other company", "Initech"}}));
}

TEST_P(ImportTest, RepeatedRowsInOneFileBecomeOnePerson) {
  const std::string path = Write("repeat.csv",
                                 "Name,Email,Phone,Company\n"
                                 "Ada Okafor,ada@acme.com,,Acme\n"
                                 "Ada Okafor,,+1 312 555 0134,Acme\n"
                                 "A. Okafor,ada@acme.com,,\n");
  auto summary = Import(path);
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->added, 1);
  EXPECT_EQ(summary->merged, 2);
  const Contact ada = Only("Ada Okafor");
  EXPECT_EQ(ada.phones.size(), 1U);
}

TEST_P(ImportTest, ARowWithOnlyAnEmailGetsANameFromIt) {
  auto summary = Import(Write("emails.csv", "Email,Company\nada.okafor@acme.com,Acme\n"));
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->added, 1);
  EXPECT_EQ(Only("Ada Okafor").emails, std::vector<std::string>{"ada.okafor@acme.com"});
}

TEST_P(ImportTest, ACompanysOwnRowIsAnOrganisationNamedAfterIt) {
  auto summary =
      Import(Write("shops.csv",
                   "Email,Phone,Company\ninfo@harbour-clinic.example,+1 312 555 0100,Harbour Clinic\n"
                   ",+1 312 555 0101,Tide Bakery\n"));
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->added, 2);
  EXPECT_EQ(Only("Harbour Clinic").kind, "org");
  EXPECT_EQ(Only("Tide Bakery").kind, "org") << "never named after its phone number";
}

TEST_P(ImportTest, UnmappedColumnsAreKeptAsCustomFields) {
  ASSERT_TRUE(Import(Write("extra.csv", "Name,Shoe Size,Favourite Tea\nAda Okafor,38,Rooibos\n")));
  EXPECT_EQ(Only("Ada Okafor").custom,
            (std::vector<CustomField>{{"Shoe Size", "38"}, {"Favourite Tea", "Rooibos"}}));
}

TEST_P(ImportTest, AVCardWithoutEndLosesNothingAndSaysWhere) {
  const std::string path = Write("cut.vcf",
                                 "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Okafor\r\nEND:VCARD\r\n"
                                 "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bob Stone\r\n");
  auto summary = Import(path);
  ASSERT_FALSE(summary);
  EXPECT_EQ(summary.error().code, ErrorCode::kParseError);
  EXPECT_NE(summary.error().message.find("line 5"), std::string::npos) << summary.error().message;
  EXPECT_TRUE(Everyone().empty());
}

TEST_P(ImportTest, ASharedLineDoesNotMakeTwoPeopleOne) {
  ContactFields emily;
  emily.display_name = "Emily Taylor";
  emily.phones = {Phone{"+1 312 555 0166", ""}};
  emily.emails = {"office@taylor.example"};
  ASSERT_TRUE(AddContact(world_.context(), emily));
  auto summary = Import(Write("household.csv",
                              "Name,Phone,Email\n"
                              "Sarah Taylor,+1 312 555 0166,office@taylor.example\n"
                              "E. Taylor,+1 312 555 0166,\n"));
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->added, 1) << "Sarah is someone else on the same line";
  EXPECT_EQ(summary->updated + summary->unchanged, 1) << "E. Taylor can be Emily";
  EXPECT_EQ(Everyone().size(), 2U);
}

TEST_P(ImportTest, CardsWithTheirOwnUidsStayApartFromNamesakes) {
  const std::string card =
      "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:{uid}\r\nFN:Michael Moore\r\n"
      "ORG:Tinker Street\r\nEND:VCARD\r\n";
  std::string both;
  for (const char* uid : {"5f0c3a1e-0000-4000-8000-000000000001", "5f0c3a1e-0000-4000-8000-000000000002"}) {
    std::string one = card;
    one.replace(one.find("{uid}"), 5, uid);
    both += one;
  }
  auto summary = Import(Write("namesakes.vcf", both));
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->added, 2);
  auto rows = Import(Write("rows.csv", "Name,Company\nMichael Moore,Tinker Street\n"));
  ASSERT_TRUE(rows) << rows.error().message;
  EXPECT_EQ(rows->added, 0) << "a row without a uid is the same name at the same company";
}

TEST_P(ImportTest, NewCardsGetTimeOrderedUidsInTheOrderOfTheFileAndCardsKeepTheirOwn) {
  const std::string card =
      "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:5f0c3a1e-0000-4000-8000-000000000001\r\n"
      "FN:Zoe Quist\r\nEND:VCARD\r\n";
  ASSERT_TRUE(Import(Write("own.vcf", card)));
  EXPECT_EQ(Only("Zoe Quist").uid, "urn:uuid:5f0c3a1e-0000-4000-8000-000000000001")
      << "kept as the card gave it";
  auto summary = Import(Write("rows.csv", std::string(kLinkedInHeader) +
                                              "Yara,Oduya,https://www.linkedin.com/in/yara-oduya,,Acme,CTO,"
                                              "12 Mar 2024\n"
                                              "Ben,Achterberg,https://www.linkedin.com/in/ben-a,,Kite,CFO,"
                                              "12 Mar 2024\n"
                                              "Amir,Zand,https://www.linkedin.com/in/amir-zand,,Orbit,Chef,"
                                              "12 Mar 2024\n"));
  ASSERT_TRUE(summary) << summary.error().message;
  ASSERT_EQ(summary->added, 3);
  std::string previous;
  for (const char* name : {"Yara Oduya", "Ben Achterberg", "Amir Zand"}) {
    const std::string uid = Only(name).uid;
    ASSERT_EQ(uid.size(), 36U);
    EXPECT_EQ(uid[14], '7') << name << ": " << uid;
    EXPECT_LT(previous, uid) << name << " comes after the row before it";
    previous = uid;
  }
}

TEST_P(ImportTest, NamesakesWithTwoLinkedInProfilesAreTwoPeople) {
  auto summary =
      Import(Write("namesakes.csv", std::string(kLinkedInHeader) +
                                        "Wei,Zhang,https://www.linkedin.com/in/wei-zhang-1,,Acme,Engineer,"
                                        "12 Mar 2024\n"
                                        "Wei,Zhang,https://www.linkedin.com/in/wei-zhang-2,,Acme,Designer,"
                                        "7-Feb-22\n"));
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->added, 2);
  auto again =
      Import(Write("again.csv", std::string(kLinkedInHeader) +
                                    "Wei,Zhang,https://www.linkedin.com/in/wei-zhang-2,,Acme,Designer,"
                                    "7-Feb-22\n"));
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->unchanged, 1);
  EXPECT_EQ(Everyone().size(), 2U);
}

// Far apart in one file, so the first Wei Zhang is written (the import
// writes every 2,000 new people) before the others are matched: each is
// then told apart from the written card by its profile, or found in it.
TEST_P(ImportTest, NamesakesWrittenEarlierInTheSameImportAreToldApartByProfile) {
  const auto filler = [](int from) {
    std::string rows;
    for (int i = from; i < from + 2100; ++i) {
      rows += "Filler,Person" + std::to_string(i) + ",https://www.linkedin.com/in/filler-" +
              std::to_string(i) + ",,Acme,Engineer,12 Mar 2024\n";
    }
    return rows;
  };
  auto summary = Import(Write(
      "far_apart.csv", std::string(kLinkedInHeader) +
                           "Wei,Zhang,https://www.linkedin.com/in/wei-zhang-1,,Acme,Engineer,12 Mar 2024\n" +
                           filler(0) +
                           "Wei,Zhang,https://www.linkedin.com/in/wei-zhang-2,,Acme,Designer,7-Feb-22\n" +
                           "Wei,Zhang,HTTP://LinkedIn.com/in/Wei-Zhang-1/,,Acme,Engineer,12 Mar 2024\n" +
                           filler(5000) + "Wei,Zhang,,wei.zhang@example.com,Acme,Engineer,12 Mar 2024\n"));
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->added, 2 + 2 * 2100) << "the second profile is a second Wei Zhang";
  EXPECT_EQ(summary->added + summary->updated + summary->unchanged + summary->merged, 4 + 2 * 2100)
      << "the first profile written another way, and the row without a profile, are the first Wei Zhang";
  auto found = world_.context().store.FindContactsByName("Wei Zhang");
  ASSERT_TRUE(found) << found.error().message;
  const std::vector<Contact>& weis = *found;  // in the order written
  ASSERT_EQ(weis.size(), 2U);
  EXPECT_EQ(weis[0].emails, std::vector<std::string>{"wei.zhang@example.com"})
      << "the row without a profile joins the first of the namesakes it may be";
  EXPECT_TRUE(weis[1].emails.empty());
}

}  // namespace
}  // namespace kith
