// Cards as address books write them come in with every property kith
// models, and go out as they came: through vCard 3.0 and 4.0, kith's CSV
// table and its JSON, and into khard and Python's vobject. The samples are
// written here in the shapes iPhone, macOS, Android (DAVx5), Outlook and
// Google export.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "formats/contact_json.h"
#include "formats/contact_table.h"
#include "formats/kith_json.h"
#include "formats/vcard_reader.h"
#include "formats/vcard_versions.h"
#include "formats/vcard_writer.h"
#include "support/read_one_card.h"
#include "support/run_command.h"
#include "support/temp_database.h"

namespace kith {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

std::string Crlf(std::initializer_list<std::string_view> lines) {
  std::string text;
  for (std::string_view line : lines) text.append(line).append("\r\n");
  return text;
}

// iPhone (iOS 17), vCard 3.0: grouped values with X-ABLabel, type=pref, a
// birthday without its year (X-APPLE-OMIT-YEAR), the anniversary as a
// labelled X-ABDATE, a related name, inline photo.
const std::string kIphone = Crlf({
    "BEGIN:VCARD",
    "VERSION:3.0",
    "PRODID:-//Apple Inc.//iPhone OS 17.1//EN",
    "N:Okafor;Ada;Q.;;",
    "FN:Ada Okafor",
    "NICKNAME:Addie",
    "ORG:Acme Robotics;Platform;Infra",
    "TITLE:Staff Engineer",
    "item1.EMAIL;type=INTERNET;type=pref:ada@acme.example",
    "item1.X-ABLabel:_$!<Other>!$_",
    "EMAIL;type=INTERNET;type=HOME:ada@home.example",
    "TEL;type=CELL;type=VOICE;type=pref:+1 312 555 0134",
    "TEL;type=WORK;type=FAX:+1 312 555 0199",
    "item2.TEL:+1 312 555 0111",
    "item2.X-ABLabel:Assistant",
    "item3.ADR;type=WORK;type=pref:;;1 Main St;Chicago;IL;60601;United States",
    "item3.X-ABADR:us",
    "item4.URL;type=pref:https://ada.example.com",
    "item4.X-ABLabel:_$!<HomePage>!$_",
    "BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-12",
    "item5.X-ABDATE;type=pref:2015-06-01",
    "item5.X-ABLabel:_$!<Anniversary>!$_",
    "item6.X-ABRELATEDNAMES;type=pref:Ben Okafor",
    "item6.X-ABLabel:_$!<Spouse>!$_",
    "IMPP;X-SERVICE-TYPE=Skype;type=HOME;type=pref:skype:ada.okafor",
    "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRg==",
    "END:VCARD",
});

// macOS Contacts, vCard 3.0: a company's card (X-ABShowAs:COMPANY, empty N).
const std::string kMacCompany = Crlf({
    "BEGIN:VCARD",
    "VERSION:3.0",
    "PRODID:-//Apple Inc.//Mac OS X 10.15.7//EN",
    "N:;;;;",
    "FN:Acme Robotics",
    "ORG:Acme Robotics;",
    "X-ABShowAs:COMPANY",
    "item1.TEL;type=pref:+1 312 555 0100",
    "item1.X-ABLabel:_$!<Main>!$_",
    "item2.ADR;type=WORK;type=pref:;;1 Main St;Chicago;IL;60601;United States",
    "item2.X-ABADR:us",
    "END:VCARD",
});

// Android through DAVx5 (ez-vcard), vCard 4.0: PREF=, ROLE before ORG, a
// yearless birthday in basic form, ANNIVERSARY, RELATED, two NOTEs.
const std::string kDavx5 = Crlf({
    "BEGIN:VCARD",
    "VERSION:4.0",
    "PRODID:ez-vcard 0.11.3",
    "UID:2f0f1e2c-6b6e-4d2e-9a55-0c1f6c0f1a01",
    "FN:Bea Kovács",
    "N:Kovács;Bea;;;",
    "ROLE:Mentor",
    "ORG:Pixelház Kft.;Design",
    "TITLE:UX Lead",
    "TEL;TYPE=cell;PREF=1:+36 30 555 0101",
    "TEL;TYPE=work:+36 1 555 0102",
    "EMAIL;TYPE=home:bea@example.net",
    "ADR;TYPE=home:;;Fő utca 1;Budapest;;1011;Hungary",
    "BDAY:--0412",
    "ANNIVERSARY:20150601",
    "RELATED;TYPE=spouse;VALUE=text:Dani",
    "NOTE:first note",
    "NOTE:second note",
    "X-PHONETIC-FIRST-NAME:Bea",
    "END:VCARD",
});

// Outlook 2007, vCard 2.1: bare types, a quoted-printable LABEL.
const std::string kOutlook = Crlf({
    "BEGIN:VCARD",
    "VERSION:2.1",
    "N:Lee;Ann",
    "FN:Ann Lee",
    "ORG:Contoso;Sales",
    "TITLE:Account Manager",
    "TEL;WORK;VOICE:(425) 555-0110",
    "TEL;CELL;VOICE:(425) 555-0111",
    "TEL;WORK;FAX:(425) 555-0112",
    "ADR;WORK;PREF:;;One Microsoft Way;Redmond;WA;98052;United States of America",
    "LABEL;WORK;PREF;ENCODING=QUOTED-PRINTABLE:One Microsoft Way=0D=0ARedmond, WA 98052",
    "EMAIL;PREF;INTERNET:ann@contoso.example",
    "X-MS-OL-DEFAULT-POSTAL-ADDRESS:2",
    "BDAY:19800314",
    "REV:20240101T000000Z",
    "END:VCARD",
});

// Google Contacts' vCard export, 3.0: a custom phone label, PROFILE:VCard.
const std::string kGoogleVcf = Crlf({
    "BEGIN:VCARD",
    "VERSION:3.0",
    "PROFILE:VCard",
    "FN:Ravi Menon",
    "N:Menon;Ravi;;;",
    "EMAIL;TYPE=INTERNET;TYPE=WORK:ravi@kite.example",
    "TEL;TYPE=CELL:+91 98450 55501",
    "item1.TEL:+91 80 5555 0102",
    "item1.X-ABLabel:Studio",
    "ADR;TYPE=WORK:;;12 MG Road;Bengaluru;KA;560001;India",
    "ORG:Kite Labs",
    "TITLE:Staff Engineer",
    "BDAY:1990-07-21",
    "CATEGORIES:myContacts,Friends",
    "END:VCARD",
});

Contact ReadOne(const std::string& text) { return testing::ReadOneCard(text); }

std::string Write(const Contact& contact, VCardVersion version) {
  std::ostringstream out;
  WriteVCard(contact, version, out);
  return out.str();
}

// The content lines of a written card, folds undone.
std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line.front() == ' ' && !lines.empty()) {
      lines.back() += line.substr(1);
    } else {
      lines.push_back(line);
    }
  }
  return lines;
}

const ValueType* TypeOf(const Contact& contact, std::string_view property, std::string_view value) {
  return FindValueType(contact.value_types, property, value);
}

std::vector<std::string> TypesOf(const Contact& contact, std::string_view property, std::string_view value) {
  const ValueType* type = TypeOf(contact, property, value);
  return type ? type->types : std::vector<std::string>{};
}

// --- Goldens: what each address book's card reads as ------------------------------------

TEST(CardFidelity, IphoneTypesLabelsAndDates) {
  const Contact ada = ReadOne(kIphone);
  EXPECT_EQ(ada.nickname, "Addie");
  EXPECT_EQ(ada.company, "Acme Robotics");
  EXPECT_THAT(ada.departments, ElementsAre("Platform", "Infra"));
  EXPECT_THAT(TypesOf(ada, "TEL", "+1 312 555 0134"), ElementsAre("cell", "voice"));
  EXPECT_EQ(TypeOf(ada, "TEL", "+1 312 555 0134")->pref, 1);
  EXPECT_THAT(TypesOf(ada, "TEL", "+1 312 555 0199"), ElementsAre("work", "fax"));
  EXPECT_EQ(TypeOf(ada, "TEL", "+1 312 555 0111")->label, "Assistant");
  EXPECT_EQ(TypeOf(ada, "EMAIL", "ada@acme.example")->pref, 1);
  EXPECT_EQ(TypeOf(ada, "EMAIL", "ada@acme.example")->label, "_$!<Other>!$_");
  EXPECT_THAT(TypesOf(ada, "EMAIL", "ada@home.example"), ElementsAre("home"));
  EXPECT_EQ(ada.website, "https://ada.example.com");
  EXPECT_EQ(TypeOf(ada, "URL", "https://ada.example.com")->pref, 1);
  ASSERT_EQ(ada.addresses.size(), 1U);
  EXPECT_EQ(ada.addresses[0],
            (Address{{"work"}, 1, "", "", "", "1 Main St", "Chicago", "IL", "60601", "United States", ""}));
  EXPECT_EQ(ada.city, "Chicago");
  EXPECT_EQ(ada.birthday, (PartialDate{std::nullopt, 4, 12}));
  EXPECT_EQ(ada.anniversary, (PartialDate{2015, 6, 1}));
  EXPECT_EQ(ada.photo, "data:image/jpeg;base64,/9j/4AAQSkZJRg==");
  // Kept as they came, each group's lines together.
  EXPECT_THAT(ada.vcard_properties, Contains("item3.X-ABADR:us"));
  EXPECT_THAT(ada.vcard_properties, Contains("item6.X-ABRELATEDNAMES;type=pref:Ben Okafor"));
  EXPECT_THAT(ada.vcard_properties, Contains("item6.X-ABLabel:_$!<Spouse>!$_"));
  EXPECT_THAT(ada.vcard_properties, Not(Contains("item5.X-ABLabel:_$!<Anniversary>!$_")));
  EXPECT_THAT(ada.vcard_properties, Not(Contains("item2.X-ABLabel:Assistant")));
}

TEST(CardFidelity, CompanyCardIsAnOrganisationWithoutAPersonsName) {
  const Contact acme = ReadOne(kMacCompany);
  EXPECT_EQ(acme.kind, "org");
  EXPECT_EQ(acme.display_name, "Acme Robotics");
  EXPECT_EQ(acme.given_name, "");
  EXPECT_EQ(acme.family_name, "");
  EXPECT_EQ(TypeOf(acme, "TEL", "+1 312 555 0100")->label, "_$!<Main>!$_");
  const std::vector<std::string> v4 = Lines(Write(acme, VCardVersion::k40));
  EXPECT_THAT(v4, Contains("KIND:org"));
  EXPECT_THAT(v4, Not(Contains(::testing::StartsWith("N:"))));
  const std::vector<std::string> v3 = Lines(Write(acme, VCardVersion::k30));
  EXPECT_THAT(v3, Contains("X-ABShowAs:COMPANY"));
  EXPECT_THAT(v3, Contains("N:;;;;"));
}

TEST(CardFidelity, Davx5RoleOrgDatesRelatedAndNotes) {
  const Contact bea = ReadOne(kDavx5);
  EXPECT_EQ(bea.uid, "2f0f1e2c-6b6e-4d2e-9a55-0c1f6c0f1a01");
  EXPECT_EQ(bea.role, "Mentor");
  EXPECT_EQ(bea.title, "UX Lead");
  EXPECT_EQ(bea.company, "Pixelház Kft.");
  EXPECT_THAT(bea.departments, ElementsAre("Design"));
  EXPECT_THAT(bea.custom, IsEmpty());
  EXPECT_THAT(TypesOf(bea, "TEL", "+36 30 555 0101"), ElementsAre("cell"));
  EXPECT_EQ(TypeOf(bea, "TEL", "+36 30 555 0101")->pref, 1);
  EXPECT_EQ(bea.birthday, (PartialDate{std::nullopt, 4, 12}));
  EXPECT_EQ(bea.anniversary, (PartialDate{2015, 6, 1}));
  EXPECT_EQ(bea.notes, "first note");
  EXPECT_THAT(bea.vcard_properties, Contains("NOTE:second note"));
  EXPECT_THAT(bea.vcard_properties, Contains("RELATED;TYPE=spouse;VALUE=text:Dani"));
  const std::vector<std::string> v4 = Lines(Write(bea, VCardVersion::k40));
  EXPECT_THAT(v4, Contains("ROLE:Mentor"));
  EXPECT_THAT(v4, Contains("ORG:Pixelház Kft.;Design"));
  EXPECT_THAT(v4, Contains("TEL;TYPE=cell;PREF=1:+36 30 555 0101"));
  EXPECT_THAT(v4, Contains("BDAY:--0412"));
  EXPECT_THAT(v4, Contains("ANNIVERSARY:20150601"));
  EXPECT_THAT(v4, Contains("NOTE:first note"));
  EXPECT_THAT(v4, Contains("NOTE:second note"));
  EXPECT_THAT(v4, Contains("RELATED;TYPE=spouse;VALUE=text:Dani"));
  EXPECT_THAT(v4, Not(Contains(HasSubstr("X-KITH-CUSTOM"))));
  const std::vector<std::string> v3 = Lines(Write(bea, VCardVersion::k30));
  EXPECT_THAT(v3, Contains("TEL;TYPE=cell,pref:+36 30 555 0101"));
  EXPECT_THAT(v3, Contains("BDAY:--04-12"));
  EXPECT_THAT(v3, Contains("X-ANNIVERSARY:2015-06-01"));
  EXPECT_THAT(v3, Contains("X-ABRELATEDNAMES;TYPE=spouse:Dani"));
}

TEST(CardFidelity, OutlookBareTypesBecomeTypes) {
  const Contact ann = ReadOne(kOutlook);
  EXPECT_THAT(TypesOf(ann, "TEL", "(425) 555-0110"), ElementsAre("work", "voice"));
  EXPECT_THAT(TypesOf(ann, "TEL", "(425) 555-0111"), ElementsAre("cell", "voice"));
  EXPECT_THAT(TypesOf(ann, "TEL", "(425) 555-0112"), ElementsAre("work", "fax"));
  EXPECT_EQ(TypeOf(ann, "EMAIL", "ann@contoso.example")->pref, 1);
  ASSERT_EQ(ann.addresses.size(), 1U);
  EXPECT_THAT(ann.addresses[0].types, ElementsAre("work"));
  EXPECT_EQ(ann.addresses[0].pref, 1);
  EXPECT_EQ(ann.birthday, (PartialDate{1980, 3, 14}));
  EXPECT_THAT(ann.departments, ElementsAre("Sales"));
  // 2.1's LABEL is the address's delivery label, its CRLF one line break.
  EXPECT_EQ(ann.addresses[0].delivery_label, "One Microsoft Way\nRedmond, WA 98052");
  EXPECT_THAT(ann.vcard_properties, Not(Contains(HasSubstr("LABEL"))));
  // 2.1's LABEL and bare types are never copied raw into a 3.0 or 4.0 card.
  const std::vector<std::string> v4 = Lines(Write(ann, VCardVersion::k40));
  EXPECT_THAT(v4,
              Contains("ADR;TYPE=work;PREF=1;LABEL=\"One Microsoft Way^nRedmond, WA 98052\":;;One Microsoft "
                       "Way;Redmond;WA;98052;United States of America"));
  EXPECT_THAT(v4, Not(Contains(HasSubstr("X-LABEL"))));
  EXPECT_THAT(v4, Contains("TEL;TYPE=work,voice:(425) 555-0110"));
  EXPECT_THAT(v4, Contains("BDAY:19800314"));
  const std::vector<std::string> v3 = Lines(Write(ann, VCardVersion::k30));
  EXPECT_THAT(v3, Contains("LABEL;TYPE=work,pref:One Microsoft Way\\nRedmond\\, WA 98052"));
  EXPECT_THAT(v3, Contains("EMAIL;TYPE=INTERNET,pref:ann@contoso.example"));
  EXPECT_THAT(v3, Contains("BDAY:1980-03-14"));
}

TEST(CardFidelity, GoogleVcardLabelAndProfile) {
  const Contact ravi = ReadOne(kGoogleVcf);
  EXPECT_EQ(TypeOf(ravi, "TEL", "+91 80 5555 0102")->label, "Studio");
  EXPECT_THAT(TypesOf(ravi, "EMAIL", "ravi@kite.example"), ElementsAre("work"));
  EXPECT_EQ(ravi.birthday, (PartialDate{1990, 7, 21}));
  // PROFILE:VCard says nothing about Ravi, and vobject (so khard) refuses
  // a card that has it: it is written in neither version.
  EXPECT_THAT(Lines(Write(ravi, VCardVersion::k30)), Not(Contains(HasSubstr("PROFILE"))));
  EXPECT_THAT(Lines(Write(ravi, VCardVersion::k40)), Not(Contains(HasSubstr("PROFILE"))));
  const std::vector<std::string> v4 = Lines(Write(ravi, VCardVersion::k40));
  EXPECT_THAT(v4, Contains("item1.TEL:+91 80 5555 0102"));
  EXPECT_THAT(v4, Contains("item1.X-ABLabel:Studio"));
}

TEST(CardFidelity, PhotoAndLogoAsDataOrUriNeverDoubled) {
  const Contact inline_photo = ReadOne(
      Crlf({"BEGIN:VCARD", "VERSION:3.0", "FN:A",
            "PHOTO;ENCODING=b;TYPE=PNG:iVBORw0KGgo=", "LOGO;ENCODING=b;TYPE=PNG:iVBORw0KGgo=", "END:VCARD"}));
  EXPECT_EQ(inline_photo.photo, "data:image/png;base64,iVBORw0KGgo=");
  const std::vector<std::string> v4 = Lines(Write(inline_photo, VCardVersion::k40));
  EXPECT_THAT(v4, Contains("PHOTO:data:image/png;base64,iVBORw0KGgo="));
  EXPECT_THAT(v4, Contains("LOGO:data:image/png;base64,iVBORw0KGgo="));
  EXPECT_THAT(v4, Not(Contains(HasSubstr("data:data:"))));
  const Contact back = ReadOne(Write(inline_photo, VCardVersion::k40));
  EXPECT_EQ(back.photo, inline_photo.photo);
  const std::vector<std::string> v3 = Lines(Write(back, VCardVersion::k30));
  EXPECT_THAT(v3, Contains("PHOTO;ENCODING=b;TYPE=PNG:iVBORw0KGgo="));
  EXPECT_THAT(v3, Contains("LOGO;ENCODING=b;TYPE=PNG:iVBORw0KGgo="));
  const Contact uri = ReadOne(Crlf({"BEGIN:VCARD", "VERSION:4.0", "FN:A", "PHOTO:https://example.com/a.jpg",
                                    "LOGO:https://example.com/logo.png", "END:VCARD"}));
  EXPECT_EQ(uri.photo, "https://example.com/a.jpg");
  EXPECT_THAT(Lines(Write(uri, VCardVersion::k30)), Contains("LOGO:https://example.com/logo.png"));
}

TEST(CardFidelity, KeptLinesTranslateOnlyWhenTheyMust) {
  EXPECT_EQ(KeptLineFor("X-PHONETIC-FIRST-NAME:Bea", VCardVersion::k40), "X-PHONETIC-FIRST-NAME:Bea");
  EXPECT_EQ(KeptLineFor("IMPP;X-SERVICE-TYPE=Skype;type=HOME:skype:a", VCardVersion::k30),
            "IMPP;X-SERVICE-TYPE=Skype;type=HOME:skype:a");
  EXPECT_EQ(KeptLineFor("PROFILE:VCard", VCardVersion::k40), std::nullopt);
  EXPECT_EQ(KeptLineFor("PROFILE:VCard", VCardVersion::k30), std::nullopt);
  EXPECT_EQ(KeptLineFor("MAILER:Outlook", VCardVersion::k30), "MAILER:Outlook");
  EXPECT_EQ(KeptLineFor("GENDER:F", VCardVersion::k30), "X-GENDER:F");
  EXPECT_EQ(KeptLineFor("X-GENDER:F", VCardVersion::k40), "GENDER:F");
  EXPECT_EQ(KeptLineFor("KEY;ENCODING=BASE64;PGP:AAAA", VCardVersion::k30), "KEY;ENCODING=b;TYPE=pgp:AAAA");
  EXPECT_EQ(KeptLineFor("IMPP;PREF=2:xmpp:a@b", VCardVersion::k30), "IMPP;TYPE=pref:xmpp:a@b");
  EXPECT_EQ(KeptLineFor("IMPP;TYPE=home,pref:xmpp:a@b", VCardVersion::k40), "IMPP;TYPE=home;PREF=1:xmpp:a@b");
  EXPECT_EQ(KeptLineFor("GEO;ALTID=1:geo:1,2", VCardVersion::k30), "GEO:geo:1,2");
}

// --- Round trips: every property and parameter survives ---------------------------------

// What a card reads back as after kith wrote it in `version`: its fields as
// before, its kept lines as KeptLineFor translates them.
Contact Expected(const Contact& contact, VCardVersion version) {
  Contact expected = contact;
  expected.vcard_properties.clear();
  for (const std::string& line : contact.vcard_properties) {
    if (auto kept = KeptLineFor(line, version)) expected.vcard_properties.push_back(*kept);
  }
  return expected;
}

void ExpectSame(const Contact& actual, const Contact& expected, const std::string& text) {
  EXPECT_EQ(ContactToJson(actual).dump(2), ContactToJson(expected).dump(2)) << text;
  EXPECT_TRUE(static_cast<const ContactFields&>(actual) == static_cast<const ContactFields&>(expected))
      << text;
}

const std::array<const std::string*, 5> kSamples = {&kIphone, &kMacCompany, &kDavx5, &kOutlook, &kGoogleVcf};

TEST(CardRoundTrip, ThroughVcard30And40) {
  for (const std::string* sample : kSamples) {
    const Contact imported = ReadOne(*sample);
    SCOPED_TRACE(imported.display_name);
    for (const VCardVersion version : {VCardVersion::k30, VCardVersion::k40}) {
      const std::string text = Write(imported, version);
      ExpectSame(ReadOne(text), Expected(imported, version), text);
      // And once more: a card kith wrote comes back exactly.
      const Contact again = ReadOne(text);
      ExpectSame(ReadOne(Write(again, version)), again, text);
    }
    // 3.0 to 4.0 and back to 3.0: what 4.0 translated reads back as the same in 3.0.
    const Contact via4 = ReadOne(Write(imported, VCardVersion::k40));
    const Contact back3 = ReadOne(Write(via4, VCardVersion::k30));
    EXPECT_EQ(back3.value_types, imported.value_types);
    EXPECT_EQ(back3.addresses, imported.addresses);
    EXPECT_EQ(back3.birthday, imported.birthday);
    EXPECT_EQ(back3.anniversary, imported.anniversary);
  }
}

TEST(CardRoundTrip, ThroughKithJson) {
  for (const std::string* sample : kSamples) {
    Contact imported = ReadOne(*sample);
    SCOPED_TRACE(imported.display_name);
    const auto record = ContactRecordFromJson(ContactToJson(imported), 1);
    ASSERT_TRUE(record.has_value()) << record.error().message;
    Contact back;
    static_cast<ContactFields&>(back) = record->fields;
    back.uid = record->uid;
    ExpectSame(back, imported, ContactToJson(imported).dump(2));
  }
}

TEST(CardRoundTrip, ThroughKithCsvTable) {
  for (const std::string* sample : kSamples) {
    Contact imported = ReadOne(*sample);
    SCOPED_TRACE(imported.display_name);
    std::ostringstream csv;
    const auto quote = [](const std::string& cell) {
      std::string quoted = "\"";
      for (char c : cell) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
      return quoted + "\"";
    };
    const auto write_row = [&](const std::vector<std::string>& cells) {
      for (std::size_t i = 0; i < cells.size(); ++i) csv << (i ? "," : "") << quote(cells[i]);
      csv << "\r\n";
    };
    write_row(ContactTableHeader());
    write_row(ContactTableRow(imported));
    std::istringstream in(csv.str());
    std::vector<ImportRecord> records;
    const auto dialect = ReadContactsCsv(in, {}, [&](ImportRecord&& record) {
      records.push_back(std::move(record));
      return Ok();
    });
    ASSERT_TRUE(dialect.has_value()) << dialect.error().message;
    EXPECT_EQ(*dialect, TableDialect::kKith);
    ASSERT_EQ(records.size(), 1U);
    Contact back;
    static_cast<ContactFields&>(back) = records[0].fields;
    back.uid = records[0].uid;
    ExpectSame(back, imported, csv.str());
  }
}

// --- Google Contacts CSV (2024) ---------------------------------------------------------

const std::string kGoogleCsvHeader =
    "First Name,Middle Name,Last Name,Nickname,Organization Name,Organization Title,Organization Department,"
    "Birthday,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,"
    "Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value,Address 1 - Label,Address 1 - Formatted,"
    "Address 1 - Street,Address 1 - City,Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,"
    "Address 1 - Country,Address 1 - Extended Address,Relation 1 - Label,Relation 1 - Value,"
    "Event 1 - Label,Event 1 - Value,Website 1 - Label,Website 1 - Value\r\n";

std::vector<ImportRecord> ReadGoogle(const std::string& rows) {
  std::istringstream in(kGoogleCsvHeader + rows);
  std::vector<ImportRecord> records;
  const auto dialect = ReadContactsCsv(in, {}, [&](ImportRecord&& record) {
    records.push_back(std::move(record));
    return Ok();
  });
  EXPECT_TRUE(dialect.has_value()) << dialect.error().message;
  if (dialect) {
    EXPECT_EQ(*dialect, TableDialect::kGoogle);
  }
  return records;
}

TEST(GoogleCsv, LabelsAndFieldsBecomeVcardProperties) {
  const auto records = ReadGoogle(
      "Ines,,García,Nes,Fundación Luz,Program Officer,Grants,--04-12,,* myContacts,* Work,ines@luz.example,"
      "Home,ines@home.example,Mobile,+34 600 555 010,Work Fax,+34 91 555 0102,Work,\"Calle Mayor 1\n28013 "
      "Madrid\nSpain\",Calle Mayor 1,Madrid,,,28013,Spain,,Spouse,Luis,Anniversary,2015-06-01,Blog,"
      "ines.example.org\r\n");
  ASSERT_EQ(records.size(), 1U);
  Contact ines;
  static_cast<ContactFields&>(ines) = records[0].fields;
  EXPECT_EQ(ines.nickname, "Nes");
  EXPECT_THAT(ines.departments, ElementsAre("Grants"));
  EXPECT_EQ(ines.birthday, (PartialDate{std::nullopt, 4, 12}));
  EXPECT_EQ(ines.anniversary, (PartialDate{2015, 6, 1}));
  EXPECT_THAT(TypesOf(ines, "EMAIL", "ines@luz.example"), ElementsAre("work"));
  EXPECT_EQ(TypeOf(ines, "EMAIL", "ines@luz.example")->pref, 1);
  EXPECT_THAT(TypesOf(ines, "EMAIL", "ines@home.example"), ElementsAre("home"));
  EXPECT_THAT(TypesOf(ines, "TEL", "+34 600 555 010"), ElementsAre("cell"));
  EXPECT_THAT(TypesOf(ines, "TEL", "+34 91 555 0102"), ElementsAre("work", "fax"));
  ASSERT_EQ(ines.addresses.size(), 1U);
  Address expected{{"work"}, 0, "", "", "", "Calle Mayor 1", "Madrid", "", "28013", "Spain", ""};
  expected.delivery_label = "Calle Mayor 1\n28013 Madrid\nSpain";  // Google's "Formatted"
  EXPECT_EQ(ines.addresses[0], expected);
  EXPECT_EQ(ines.city, "Madrid");
  EXPECT_THAT(ines.vcard_properties, Contains("RELATED;TYPE=spouse;VALUE=text:Luis"));
  EXPECT_EQ(TypeOf(ines, "URL", "https://ines.example.org")->label, "Blog");
  EXPECT_THAT(ines.custom, IsEmpty());
  // …and out as vCard: a work address stays work, labels stay.
  const std::vector<std::string> v4 = Lines(Write(ines, VCardVersion::k40));
  EXPECT_THAT(
      v4, Contains("ADR;TYPE=work;LABEL=\"Calle Mayor 1^n28013 Madrid^nSpain\":;;Calle Mayor 1;Madrid;;28013;"
                   "Spain"));
  EXPECT_THAT(v4, Contains("EMAIL;TYPE=work;PREF=1:ines@luz.example"));
  EXPECT_THAT(v4, Contains("TEL;TYPE=cell:+34 600 555 010"));
  EXPECT_THAT(v4, Contains("NICKNAME:Nes"));
  EXPECT_THAT(v4, Contains("ORG:Fundación Luz;Grants"));
  EXPECT_THAT(v4, Contains("BDAY:--0412"));
  EXPECT_THAT(v4, Contains("ANNIVERSARY:20150601"));
  EXPECT_THAT(v4, Not(Contains(HasSubstr("X-KITH-CUSTOM"))));
}

TEST(GoogleCsv, CustomLabelsAndRelationsKeepTheirWords) {
  const auto records = ReadGoogle(
      "Ravi,,Menon,,,,,,,,Assistant,desk@kite.example,,,Google Voice,+1 650 555 0100,,,,,,,,,,,,Mother,Asha,"
      "Graduation,2012-05-30,,\r\n");
  ASSERT_EQ(records.size(), 1U);
  Contact ravi;
  static_cast<ContactFields&>(ravi) = records[0].fields;
  EXPECT_EQ(TypeOf(ravi, "EMAIL", "desk@kite.example")->label, "Assistant");
  EXPECT_EQ(TypeOf(ravi, "TEL", "+1 650 555 0100")->label, "Google Voice");
  EXPECT_THAT(ravi.vcard_properties,
              ElementsAre("relation1.RELATED;TYPE=parent;VALUE=text:Asha", "relation1.X-ABLabel:Mother"));
  EXPECT_THAT(ravi.custom, ElementsAre(CustomField{"Event (Graduation)", "2012-05-30"}));
  const std::vector<std::string> v3 = Lines(Write(ravi, VCardVersion::k30));
  EXPECT_THAT(v3, Contains("relation1.X-ABRELATEDNAMES;TYPE=parent:Asha"));
  EXPECT_THAT(v3, Contains("relation1.X-ABLabel:Mother"));
}

// --- Other programs read every export ---------------------------------------------------

using testing::CommandOutput;
using testing::RunCommand;

// Every sample, as kith exports it in both versions, one file each.
std::filesystem::path WriteSampleExports(const std::filesystem::path& folder) {
  std::filesystem::create_directories(folder);
  int index = 0;
  for (const std::string* sample : kSamples) {
    Contact contact = ReadOne(*sample);
    for (const VCardVersion version : {VCardVersion::k30, VCardVersion::k40}) {
      contact.uid = "sample-" + std::to_string(index);
      std::ofstream out(folder / ("card-" + std::to_string(index++) + ".vcf"), std::ios::binary);
      WriteVCard(contact, version, out);
    }
  }
  return folder;
}

TEST(CardInterop, KhardShowsPhoneTypesNotVoice) {
  if (!std::filesystem::exists("/usr/bin/khard"))
    FAIL() << "khard is not installed (scripts/install-deps.sh installs it)";
  testing::TempDirectory directory;
  const std::filesystem::path cards = WriteSampleExports(directory.path() / "cards");
  const std::filesystem::path config = directory.path() / "khard.conf";
  std::ofstream(config) << "[addressbooks]\n[[kith]]\npath = " << cards.string()
                        << "\n[general]\ndebug = no\ndefault_action = list\neditor = /bin/true\n"
                           "merge_editor = /bin/true\n[contact table]\ndisplay = formatted_name\n"
                           "show_uids = no\n[vcard]\n";
  const std::string khard = "env HOME=" + directory.path().string() +
                            " XDG_CONFIG_HOME=" + directory.path().string() + " /usr/bin/khard -c " +
                            config.string();
  const CommandOutput list = RunCommand(khard + " list </dev/null 2>&1");
  ASSERT_EQ(list.status, 0) << list.text;
  for (const char* name : {"Ada Okafor", "Acme Robotics", "Bea Kovács", "Ann Lee", "Ravi Menon"}) {
    EXPECT_THAT(list.text, HasSubstr(name));
  }
  const CommandOutput phones = RunCommand(khard + " phone </dev/null 2>&1");
  ASSERT_EQ(phones.status, 0) << phones.text;
  EXPECT_THAT(phones.text, HasSubstr("work, fax"));
  EXPECT_THAT(phones.text, HasSubstr("Assistant"));
  EXPECT_THAT(phones.text, HasSubstr("Studio"));
  EXPECT_THAT(phones.text, ::testing::ContainsRegex("cell, pref=1 +\\+36 30 555 0101"));
  const CommandOutput emails = RunCommand(khard + " email </dev/null 2>&1");
  ASSERT_EQ(emails.status, 0) << emails.text;
  EXPECT_THAT(emails.text, HasSubstr("bea@example.net"));
}

TEST(CardInterop, PythonVobjectReadsEveryExportWithItsParameters) {
  if (RunCommand("/usr/bin/python3 -c 'import vobject' 2>&1").status != 0) {
    FAIL() << "python3-vobject is not installed (scripts/install-deps.sh installs it)";
  }
  testing::TempDirectory directory;
  const std::filesystem::path cards = WriteSampleExports(directory.path() / "cards");
  const std::filesystem::path script = directory.path() / "read.py";
  std::ofstream(script) << "import glob, sys, vobject\n"
                           "for path in sorted(glob.glob(sys.argv[1] + '/*.vcf')):\n"
                           "    with open(path, encoding='utf-8', newline='') as f:\n"
                           "        card = vobject.readOne(f.read())\n"
                           "    for tel in card.contents.get('tel', []):\n"
                           "        types = ','.join(t.lower() for t in tel.params.get('TYPE', []))\n"
                           "        print(card.version.value, card.fn.value, tel.value, types)\n"
                           "    for adr in card.contents.get('adr', []):\n"
                           "        print(card.version.value, card.fn.value, adr.value.city,\n"
                           "              ','.join(t.lower() for t in adr.params.get('TYPE', [])))\n";
  const CommandOutput output =
      RunCommand("/usr/bin/python3 " + script.string() + " " + cards.string() + " 2>&1");
  ASSERT_EQ(output.status, 0) << output.text;
  EXPECT_THAT(output.text, HasSubstr("4.0 Ann Lee (425) 555-0112 work,fax"));
  EXPECT_THAT(output.text, HasSubstr("3.0 Ann Lee (425) 555-0112 work,fax"));
  EXPECT_THAT(output.text, HasSubstr("3.0 Bea Kovács +36 30 555 0101 cell,pref"));
  EXPECT_THAT(output.text, HasSubstr("4.0 Bea Kovács +36 30 555 0101 cell"));
  EXPECT_THAT(output.text, HasSubstr("4.0 Acme Robotics Chicago work"));
  EXPECT_THAT(output.text, HasSubstr("3.0 Ravi Menon Bengaluru work"));
}

}  // namespace
}  // namespace kith
