#include "formats/vcard_writer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "formats/contact_json.h"
#include "formats/text_encoding.h"
#include "formats/vcard_reader.h"
#include "formats/vcard_versions.h"
#include "support/read_one_card.h"
#include "support/run_command.h"
#include "support/temp_database.h"

namespace kith {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::string_view kUuid = "4fbe8971-0bc3-424c-9c26-36c3e1eff6b1";

std::string Write(const Contact& contact, VCardVersion version) {
  std::ostringstream out;
  WriteVCard(contact, version, out);
  return out.str();
}

// The physical lines, each of which must end in CRLF.
std::vector<std::string> PhysicalLines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find("\r\n", start);
    if (end == std::string::npos) {
      ADD_FAILURE() << "text after the last CRLF: " << text.substr(start);
      break;
    }
    lines.push_back(text.substr(start, end - start));
    EXPECT_EQ(lines.back().find('\n'), std::string::npos) << "a bare LF in " << lines.back();
    start = end + 2;
  }
  return lines;
}

// The content lines: physical lines with their folds undone.
std::vector<std::string> ContentLines(const std::string& text) {
  std::vector<std::string> lines;
  for (std::string& line : PhysicalLines(text)) {
    if (!line.empty() && line.front() == ' ' && !lines.empty()) {
      lines.back() += line.substr(1);
    } else {
      lines.push_back(std::move(line));
    }
  }
  return lines;
}

Contact ReadBack(const std::string& text) { return testing::ReadOneCard(text); }

// What a contact should read back as: the reader leaves e164 to the
// importer, which derives it from the original number again.
Contact WithoutE164(Contact contact) {
  for (Phone& phone : contact.phones) phone.e164.clear();
  return contact;
}

Contact Minimal() {
  Contact contact;
  contact.uid = std::string(kUuid);
  contact.display_name = "Ada Okafor";
  contact.given_name = "Ada";
  contact.family_name = "Okafor";
  contact.emails = {"ada@acme.example"};
  contact.phones = {Phone{"+1 312 555 0134", "+13125550134"}};
  return contact;
}

// Everything kith has, with the characters vCard must escape.
Contact Rich() {
  Contact contact = Minimal();
  contact.display_name = "Dr. Ada Q. Okafor, PhD";
  contact.emails = {"ada@acme.example", "ada,okafor@home.example"};
  contact.phones = {Phone{"+1 (312) 555-0134 ext. 5", "+13125550134"}, Phone{"0171; 555\\01", ""}};
  contact.company = "Acme Widgets, Inc.; Holdings";
  contact.title = "Staff Engineer\\Architect";
  contact.website = "https://ada.example.com/a,b;c";
  contact.links = {
      Link{LinkKind::kLinkedIn, "https://www.linkedin.com/in/ada", true, false, Date{2024, 3, 12}},
      Link{LinkKind::kTwitter, "https://x.com/ada", false, true, std::nullopt},
      Link{LinkKind::kGitHub, "https://github.com/ada", false, false, std::nullopt},
      Link{LinkKind::kOther, "https://blog.example.com", false, false, std::nullopt},
      Link{LinkKind::kInstagram, "https://www.instagram.com/ada", false, true, std::nullopt},
      Link{LinkKind::kFacebook, "https://facebook.com/ada", true, false, std::nullopt}};
  contact.city = "Chicago";
  contact.neighborhood = "Pilsen";
  contact.hometown = "Lagos, Nigeria";
  contact.how_met = "Sat together at the keynote; talked about parsers";
  contact.met_at = "RustConf 2024";
  contact.met_on = Date{2024, 9, 10};
  contact.tags = {"mentor", "R&D, Berlin", "climbing"};
  contact.skills = {"distributed systems", "C++"};
  contact.interests = {"bouldering", "chess, blitz"};
  contact.open_to_opportunities = true;
  contact.looking_for = "Staff roles; remote";
  contact.open_since = Date{2025, 1, 15};
  contact.notes = "Line one, with a comma; and a semicolon.\nLine two: C:\\temp\\new\n\nAfter a blank line.";
  contact.custom = {CustomField{"Department", "Platform; Infra"}, CustomField{"Shoe size", "44"},
                    CustomField{"Desk: floor 3; \"north\" ^wing", "A, B"}, CustomField{"", "no label"}};
  contact.photo = "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDARGB0aHBwc==";
  contact.nickname = "Addie, Ads";
  contact.role = "Organizer; speaker";
  contact.departments = {"Platform", "Infra, Berlin"};
  contact.birthday = PartialDate{1985, 4, 12};
  contact.anniversary = PartialDate{std::nullopt, 6, 1};
  contact.addresses = {
      Address{{"work"}, 1, "", "PO 7", "Suite 3", "1 Main St", "Chicago", "IL", "60601", "USA", ""},
      Address{{}, 0, "Studio, north", "", "", "2 Side St", "Evanston", "", "", "", ""}};
  contact.value_types = {ValueType{"EMAIL", "ada@acme.example", {"work"}, 1, ""},
                         ValueType{"TEL", "0171; 555\\01", {"cell", "voice"}, 0, "Desk \"A\""},
                         ValueType{"URL", "https://blog.example.com", {"home"}, 1, "Blog"}};
  contact.vcard_properties = {"N:;;Q.;Dr.;PhD", "item1.X-ABDATE:2015-06-01",
                              "item1.X-ABLabel:_$!<Graduation>!$_",
                              "X-LONG;X-P=\"a:b\":" + std::string(200, 'x')};
  return contact;
}

// Non-Latin scripts, and a long note whose folds fall inside characters.
Contact Multilingual() {
  Contact contact;
  contact.uid = "kith-7";  // not a UUID
  contact.display_name = "Ελένη Παπαδοπούλου";
  contact.given_name = "Ελένη";
  contact.family_name = "Παπαδοπούλου";
  contact.company = "中文公司有限公司";
  contact.title = "首席工程师 🚀";
  contact.website = "https://www.linkedin.com/in/eleni";  // a website on a social host
  contact.city = "Θεσσαλονίκη";
  contact.tags = {"φίλοι", "朋友", "🎉"};
  std::string notes;
  for (int i = 0; i < 12; ++i) notes += "Ελληνικά, 中文; emoji 👩‍💻🎉 — ";
  contact.notes = notes;
  contact.photo = "https://example.com/eleni.jpg";
  contact.addresses = {
      Address{{"work"}, 0, "", "", "", "Τσιμισκή 1", "Θεσσαλονίκη", "", "546 24", "Ελλάδα", ""},
      Address{{"home"}, 0, "", "", "", "", "Kalamaria", "", "", "", ""}};
  contact.vcard_properties = {"X-PHONETIC-FIRST-NAME:Eléni"};
  return contact;
}

Contact Sparse() {
  Contact contact;
  contact.uid = "urn-less id, with comma";
  contact.display_name = "Mo";
  contact.links = {Link{LinkKind::kOther, "https://mo.example.com", false, false, std::nullopt}};
  contact.custom = {CustomField{"Role", "Organizer"}};
  return contact;
}

// A card imported with a second-language ORG, TITLE and PHOTO, whose kith
// fields were then cleared.
Contact ClearedFieldsBesideKeptOnes() {
  Contact contact;
  contact.uid = std::string(kUuid);
  contact.display_name = "Acme";
  contact.kind = "org";
  contact.vcard_properties = {"FN;LANGUAGE=ja:アクメ", "ORG;LANGUAGE=ja:アクメ", "TITLE;LANGUAGE=ja:本社",
                              "PHOTO;MEDIATYPE=image/png:https://example.jp/logo.png"};
  contact.photo = "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=";
  return contact;
}

// --- Shape of the output ------------------------------------------------------

TEST(VCardWriter, WritesMinimalVersion40Card) {
  EXPECT_EQ(Write(Minimal(), VCardVersion::k40),
            "BEGIN:VCARD\r\n"
            "VERSION:4.0\r\n"
            "PRODID:-//kith//kith//EN\r\n"
            "UID:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1\r\n"
            "FN:Ada Okafor\r\n"
            "N:Okafor;Ada;;;\r\n"
            "EMAIL:ada@acme.example\r\n"
            "TEL:+1 312 555 0134\r\n"
            "END:VCARD\r\n");
}

TEST(VCardWriter, WritesVersion30WhereItDiffers) {
  Contact contact = Minimal();
  contact.skills = {"Go"};
  contact.interests = {"chess"};
  contact.photo = "data:image/jpeg;base64,/9j/4AAQ";
  const std::vector<std::string> v3 = ContentLines(Write(contact, VCardVersion::k30));
  const std::vector<std::string> v4 = ContentLines(Write(contact, VCardVersion::k40));
  EXPECT_THAT(v3, Contains("VERSION:3.0"));
  EXPECT_THAT(v3, Contains("UID:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1"));
  EXPECT_THAT(v3, Contains("EMAIL;TYPE=INTERNET:ada@acme.example"));
  EXPECT_THAT(v3, Contains("X-EXPERTISE:Go"));
  EXPECT_THAT(v3, Contains("X-INTEREST:chess"));
  EXPECT_THAT(v3, Contains("PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ"));
  EXPECT_THAT(v4, Contains("EXPERTISE:Go"));
  EXPECT_THAT(v4, Contains("INTEREST:chess"));
  EXPECT_THAT(v4, Contains("PHOTO:data:image/jpeg;base64,/9j/4AAQ"));
}

TEST(VCardWriter, WritesPhotoUrlAsUriInVersion30) {
  Contact contact = Minimal();
  contact.photo = "https://example.com/ada.jpg";
  EXPECT_THAT(ContentLines(Write(contact, VCardVersion::k30)),
              Contains("PHOTO;VALUE=uri:https://example.com/ada.jpg"));
}

TEST(VCardWriter, WritesUidWithoutUrnWhenItIsNoUuid) {
  Contact contact = Minimal();
  contact.uid = "kith-42";
  EXPECT_THAT(ContentLines(Write(contact, VCardVersion::k40)), Contains("UID:kith-42"));
  contact.uid.clear();
  EXPECT_THAT(Write(contact, VCardVersion::k40), Not(HasSubstr("UID")));
}

TEST(VCardWriter, EscapesTextButNotUris) {
  Contact contact = Minimal();
  contact.display_name = "Smith, Jr.; back\\slash\nnew line";
  contact.family_name = "O;Brien";
  contact.company = "Acme; Sons";
  contact.tags = {"R&D, Berlin", "vip"};
  contact.website = "https://example.com/a,b;c";
  const std::vector<std::string> lines = ContentLines(Write(contact, VCardVersion::k40));
  EXPECT_THAT(lines, Contains("FN:Smith\\, Jr.\\; back\\\\slash\\nnew line"));
  EXPECT_THAT(lines, Contains("N:O\\;Brien;Ada;;;"));
  EXPECT_THAT(lines, Contains("ORG:Acme\\; Sons"));
  EXPECT_THAT(lines, Contains("CATEGORIES:R&D\\, Berlin,vip"));
  EXPECT_THAT(lines, Contains("URL:https://example.com/a,b;c"));
}

TEST(VCardWriter, WritesLinksWithKindAndFlags) {
  Contact contact = Minimal();
  contact.website = "https://ada.example.com";
  contact.links = {
      Link{LinkKind::kLinkedIn, "https://www.linkedin.com/in/ada", true, false, Date{2024, 3, 12}},
      Link{LinkKind::kTwitter, "https://x.com/ada", false, true, std::nullopt},
      Link{LinkKind::kOther, "https://blog.example.com", false, false, std::nullopt}};
  const std::vector<std::string> lines = ContentLines(Write(contact, VCardVersion::k40));
  EXPECT_THAT(lines, Contains("URL:https://ada.example.com"));
  EXPECT_THAT(lines, Contains("URL;TYPE=linkedin;X-KITH-CONNECTED=true;X-KITH-CONNECTED-ON=2024-03-12:"
                              "https://www.linkedin.com/in/ada"));
  EXPECT_THAT(lines, Contains("URL;TYPE=twitter;X-KITH-FOLLOWED=true:https://x.com/ada"));
  EXPECT_THAT(lines, Contains("URL;TYPE=other:https://blog.example.com"));
}

TEST(VCardWriter, WritesKithFieldsAsExtensions) {
  Contact contact = Minimal();
  contact.met_at = "RustConf";
  contact.met_on = Date{2024, 9, 10};
  contact.open_to_opportunities = true;
  contact.custom = {CustomField{"Desk \"A\"", "3"}};
  const std::vector<std::string> lines = ContentLines(Write(contact, VCardVersion::k30));
  EXPECT_THAT(lines, Contains("X-KITH-MET-AT:RustConf"));
  EXPECT_THAT(lines, Contains("X-KITH-MET-ON:2024-09-10"));
  EXPECT_THAT(lines, Contains("X-KITH-OPEN-TO-OPPORTUNITIES:true"));
  EXPECT_THAT(lines, Contains("X-KITH-CUSTOM;X-LABEL=\"Desk ^'A^'\":3"));
}

TEST(VCardWriter, WritesDepartmentsAsOrganizationUnits) {
  Contact contact = Minimal();
  contact.company = "Acme";
  contact.departments = {"R&D, Berlin", "Lab; 2"};
  const std::vector<std::string> lines = ContentLines(Write(contact, VCardVersion::k40));
  EXPECT_THAT(lines, Contains("ORG:Acme;R&D\\, Berlin;Lab\\; 2"));
}

TEST(VCardWriter, WritesCityAsAddressUnlessTheCardHasItsOwn) {
  Contact contact = Minimal();
  contact.city = "St. Louis, MO";
  EXPECT_THAT(ContentLines(Write(contact, VCardVersion::k40)),
              Contains("ADR;TYPE=home:;;;St. Louis\\, MO;;;"));
  contact.addresses = {Address{{"work"}, 0, "", "", "", "1 Main St", "Clayton", "MO", "", "", ""}};
  const std::vector<std::string> lines = ContentLines(Write(contact, VCardVersion::k40));
  EXPECT_THAT(lines, Contains("X-KITH-CITY:St. Louis\\, MO"));
  EXPECT_THAT(lines, Contains("ADR;TYPE=work:;;1 Main St;Clayton;MO;;"));
  EXPECT_THAT(lines, Not(Contains("ADR;TYPE=home:;;;St. Louis\\, MO;;;")));
}

TEST(VCardWriter, WritesKeptPropertiesBackAndMergesNameParts) {
  Contact contact = Minimal();
  contact.vcard_properties = {"N;LANGUAGE=en:;;Q.;Dr.;PhD", "BDAY:19850412", "item1.X-ABLabel:Friend"};
  const std::vector<std::string> lines = ContentLines(Write(contact, VCardVersion::k40));
  EXPECT_THAT(lines, Contains("N;LANGUAGE=en:Okafor;Ada;Q.;Dr.;PhD"));
  EXPECT_THAT(lines, Not(Contains("N:Okafor;Ada;;;")));
  EXPECT_THAT(lines, Not(Contains("N;LANGUAGE=en:;;Q.;Dr.;PhD")));
  EXPECT_THAT(lines, Contains("BDAY:19850412"));
  EXPECT_THAT(lines, Contains("item1.X-ABLabel:Friend"));
  EXPECT_EQ(lines.back(), "END:VCARD");
}

TEST(VCardWriter, WritesRevisionFromUpdatedAt) {
  Contact contact = Minimal();
  contact.updated_at = "2026-11-26T13:35:00Z";
  EXPECT_THAT(ContentLines(Write(contact, VCardVersion::k40)), Contains("REV:20261126T133500Z"));
}

TEST(VCardWriter, FoldsAt75OctetsWithoutSplittingCharacters) {
  // Each prefix shifts where the folds fall against 2-, 3- and 4-byte characters.
  for (const std::string prefix : {"", "a", "ab", "abc"}) {
    Contact contact = Minimal();
    contact.notes = prefix;
    for (int i = 0; i < 20; ++i) contact.notes += "é中🎉Ωx";
    const std::string text = Write(contact, VCardVersion::k40);
    const std::vector<std::string> physical = PhysicalLines(text);
    int continuations = 0;
    for (const std::string& line : physical) {
      EXPECT_LE(line.size(), 75U) << line;
      EXPECT_EQ(FindInvalidUtf8(line), std::nullopt) << "a character split at a fold: " << line;
      if (!line.empty() && line.front() == ' ') ++continuations;
    }
    EXPECT_GE(continuations, 3);
    EXPECT_THAT(ContentLines(text), Contains("NOTE:" + contact.notes));
    EXPECT_EQ(ReadBack(text).notes, contact.notes);
  }
}

TEST(VCardWriter, FoldsKeptPropertiesToo) {
  Contact contact = Minimal();
  contact.vcard_properties = {"X-LONG:" + std::string(300, 'y')};
  const std::string text = Write(contact, VCardVersion::k30);
  for (const std::string& line : PhysicalLines(text)) EXPECT_LE(line.size(), 75U);
  EXPECT_THAT(ContentLines(text), Contains("X-LONG:" + std::string(300, 'y')));
}

// --- Round trips ------------------------------------------------------------------

// Kept lines read back as KeptLineFor writes them in `version`: as they
// came when valid there, else translated.
void ExpectRoundTrip(const Contact& contact, VCardVersion version) {
  const std::string text = Write(contact, version);
  Contact expected = WithoutE164(contact);
  expected.vcard_properties.clear();
  for (const std::string& line : contact.vcard_properties) {
    if (auto kept = KeptLineFor(line, version)) expected.vcard_properties.push_back(*kept);
  }
  const Contact actual = ReadBack(text);
  EXPECT_EQ(ContactToJson(actual).dump(2), ContactToJson(expected).dump(2)) << text;
  EXPECT_TRUE(static_cast<const ContactFields&>(actual) == static_cast<const ContactFields&>(expected));
  EXPECT_EQ(actual.uid, expected.uid);
}

TEST(VCardRoundTrip, RichContact) {
  ExpectRoundTrip(Rich(), VCardVersion::k40);
  ExpectRoundTrip(Rich(), VCardVersion::k30);
}

TEST(VCardRoundTrip, NonLatinScriptsAndLongFoldedNotes) {
  ExpectRoundTrip(Multilingual(), VCardVersion::k40);
  ExpectRoundTrip(Multilingual(), VCardVersion::k30);
}

TEST(VCardRoundTrip, SparseContact) {
  ExpectRoundTrip(Sparse(), VCardVersion::k40);
  ExpectRoundTrip(Sparse(), VCardVersion::k30);
}

TEST(VCardRoundTrip, ClearedFieldsDoNotTakeKeptValues) {
  ExpectRoundTrip(ClearedFieldsBesideKeptOnes(), VCardVersion::k40);
  ExpectRoundTrip(ClearedFieldsBesideKeptOnes(), VCardVersion::k30);
}

TEST(VCardRoundTrip, ImportedFilesSurviveExportAndImport) {
  const std::filesystem::path data(KITH_TEST_DATA);
  std::vector<std::filesystem::path> files = {data / "samples" / "apple_contact.vcf"};
  for (const auto& entry : std::filesystem::directory_iterator(data / "vcard")) {
    if (entry.path().extension() == ".vcf") files.push_back(entry.path());
  }
  for (const std::filesystem::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::vector<Contact> imported;
    const Status status = ReadVCards(in, [&](ImportRecord&& record) {
      Contact contact;
      static_cast<ContactFields&>(contact) = std::move(record.fields);
      contact.uid = std::move(record.uid);
      imported.push_back(std::move(contact));
      return Ok();
    });
    ASSERT_TRUE(status) << file << ": " << status.error().message;
    for (const Contact& contact : imported) {
      SCOPED_TRACE(file.filename().string() + " " + contact.display_name);
      ExpectRoundTrip(contact, VCardVersion::k40);
      ExpectRoundTrip(contact, VCardVersion::k30);
    }
  }
}

// Oddities found by feeding mutated files through import → export → import.
TEST(VCardRoundTrip, OddLinesFromOtherExporters) {
  const std::string text =
      "BEGIN:VCARD\r\nVERSION:2.1\r\n"
      "N:García;Tomás;;\\\r\n"                           // a lone backslash ends the prefix
      "item2.ADR ;type=HOME:;;1 Main St;Chicago;;;\r\n"  // a space after the name
      "LABEL;HOME;ENCODING=QUOTED-PRINTABLE;CHARSET=KOI8-R:=F0=D2=C9=D7=C5=D4 =CD=C9=D2 =F0=D2=C9=D7=C5=D4 "
      "=\r\n"
      "=CD=C9=D2 =F0=D2=C9=D7=C5=D4 =CD=C9=D2\r\n"  // kept encoded: kith cannot decode KOI8-R
      "END:VCARD\r\n";
  const Contact imported = ReadBack(text);
  EXPECT_EQ(imported.city, "Chicago");
  ASSERT_EQ(imported.vcard_properties.size(), 2U);
  EXPECT_EQ(imported.vcard_properties[0], "N:;;;\\\\;");
  EXPECT_EQ(imported.addresses.size(), 1U);
  ExpectRoundTrip(imported, VCardVersion::k40);
  ExpectRoundTrip(imported, VCardVersion::k30);
  Contact moved = imported;
  moved.city = "Evanston";
  ExpectRoundTrip(moved, VCardVersion::k40);
}

// --- Other programs read what kith writes ----------------------------------------------

using testing::CommandOutput;
using testing::RunCommand;

std::vector<Contact> InteropContacts() {
  Contact sparse = Sparse();
  sparse.emails = {"mo@example.org"};
  return {Rich(), Multilingual(), sparse, Minimal()};
}

// One file per card and version, as a CardDAV folder holds them.
void WriteFolder(const std::filesystem::path& folder) {
  std::filesystem::create_directories(folder);
  int index = 0;
  for (const Contact& contact : InteropContacts()) {
    for (const VCardVersion version : {VCardVersion::k30, VCardVersion::k40}) {
      Contact copy = contact;
      copy.uid = std::string(contact.uid) + (version == VCardVersion::k30 ? "-3" : "-4");
      std::ofstream out(folder / ("card-" + std::to_string(index++) + ".vcf"), std::ios::binary);
      WriteVCard(copy, version, out);
    }
  }
}

TEST(VCardInterop, PythonVobjectReadsEveryExportedCard) {
  if (!std::filesystem::exists("/usr/bin/python3") ||
      RunCommand("/usr/bin/python3 -c 'import vobject' 2>&1").status != 0) {
    FAIL() << "python3-vobject is not installed (scripts/install-deps.sh installs it)";
  }
  testing::TempDirectory directory;
  WriteFolder(directory.path() / "cards");
  const std::filesystem::path script = directory.path() / "read.py";
  std::ofstream(script) << "import glob, sys, vobject\n"
                           "for path in sorted(glob.glob(sys.argv[1] + '/*.vcf')):\n"
                           "    with open(path, encoding='utf-8', newline='') as f:\n"
                           "        card = vobject.readOne(f.read())\n"
                           "    emails = ','.join(e.value for e in card.contents.get('email', []))\n"
                           "    print(card.version.value + '|' + card.fn.value + '|' + emails)\n";
  const CommandOutput output = RunCommand("/usr/bin/python3 " + script.string() + " " +
                                          (directory.path() / "cards").string() + " 2>&1");
  ASSERT_EQ(output.status, 0) << output.text;
  std::vector<std::string> expected;
  for (const Contact& contact : InteropContacts()) {
    std::string emails;
    for (const std::string& email : contact.emails) emails += (emails.empty() ? "" : ",") + email;
    for (const char* version : {"3.0", "4.0"}) {
      expected.push_back(std::string(version) + "|" + contact.display_name + "|" + emails);
    }
  }
  std::vector<std::string> actual;
  std::istringstream lines(output.text);
  for (std::string line; std::getline(lines, line);) actual.push_back(line);
  EXPECT_THAT(actual, ::testing::UnorderedElementsAreArray(expected)) << output.text;
}

TEST(VCardInterop, KhardListsEveryExportedContact) {
  if (!std::filesystem::exists("/usr/bin/khard")) {
    FAIL() << "khard is not installed (scripts/install-deps.sh installs it)";
  }
  testing::TempDirectory directory;
  const std::filesystem::path cards = directory.path() / "cards";
  WriteFolder(cards);
  const std::filesystem::path config = directory.path() / "khard.conf";
  std::ofstream(config) << "[addressbooks]\n[[kith]]\npath = " << cards.string()
                        << "\n[general]\ndebug = no\ndefault_action = list\neditor = /bin/true\n"
                           "merge_editor = /bin/true\n[contact table]\ndisplay = formatted_name\n"
                           "show_uids = no\n[vcard]\n";
  const std::string environment =
      "env HOME=" + directory.path().string() + " XDG_CONFIG_HOME=" + directory.path().string() + " ";
  const CommandOutput output =
      RunCommand(environment + "/usr/bin/khard -c " + config.string() + " list 2>&1");
  ASSERT_EQ(output.status, 0) << output.text;
  for (const Contact& contact : InteropContacts()) {
    const std::string& name = contact.display_name;
    const std::size_t first = output.text.find(name);
    ASSERT_NE(first, std::string::npos) << name << " missing from:\n" << output.text;
    EXPECT_NE(output.text.find(name, first + name.size()), std::string::npos)
        << name << " listed once, not for both versions:\n"
        << output.text;
  }
}

}  // namespace
}  // namespace kith
