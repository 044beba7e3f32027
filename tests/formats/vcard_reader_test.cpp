#include "formats/vcard_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "formats/contact_json.h"
#include "support/temp_database.h"

namespace kith {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

// The lines of a file, joined with CRLF as vCard wants.
std::string Crlf(std::initializer_list<std::string_view> lines) {
  std::string text;
  for (std::string_view line : lines) {
    text += line;
    text += "\r\n";
  }
  return text;
}

Result<std::vector<ImportRecord>> ReadAll(const std::string& text) {
  std::istringstream in(text);
  std::vector<ImportRecord> records;
  KITH_RETURN_IF_ERROR(ReadVCards(in, [&](ImportRecord&& record) {
    records.push_back(std::move(record));
    return Ok();
  }));
  return records;
}

// The only card in `text`; fails the test when there is not exactly one.
ImportRecord ReadOne(const std::string& text) {
  auto records = ReadAll(text);
  if (!records) {
    ADD_FAILURE() << records.error().message;
    return {};
  }
  if (records->size() != 1) {
    ADD_FAILURE() << records->size() << " cards";
    return {};
  }
  return std::move(records->front());
}

ContactFields ReadFields(std::initializer_list<std::string_view> properties) {
  std::string text = "BEGIN:VCARD\r\nVERSION:3.0\r\n";
  for (std::string_view property : properties) {
    text += property;
    text += "\r\n";
  }
  text += "END:VCARD\r\n";
  return ReadOne(text).fields;
}

std::string ErrorOf(const std::string& text) {
  auto records = ReadAll(text);
  if (records) return "no error";
  EXPECT_EQ(records.error().code, ErrorCode::kParseError);
  return records.error().message;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// --- Real files -----------------------------------------------------------

TEST(VCardReader, ReadsAppleSample) {
  const ImportRecord record = ReadOne(ReadFile(std::string(KITH_TEST_DATA) + "/samples/apple_contact.vcf"));
  const ContactFields& fields = record.fields;
  EXPECT_EQ(record.line, 1U);
  EXPECT_EQ(fields.display_name, "Bea Kovács");
  EXPECT_EQ(fields.family_name, "Kovács");
  EXPECT_EQ(fields.given_name, "Bea");
  EXPECT_EQ(fields.company, "Pixelház Kft.");
  EXPECT_EQ(fields.title, "UX Lead");
  EXPECT_THAT(fields.emails, ElementsAre("bea@example.net"));
  EXPECT_THAT(fields.phones, ElementsAre(Phone{"+36 30 555 0101", ""}));
  // item1.URL with item1.X-ABLabel:LinkedIn: a LinkedIn link, the label used up.
  EXPECT_THAT(fields.links, ElementsAre(Link{LinkKind::kLinkedIn, "https://www.linkedin.com/in/beakovacs",
                                             false, false, std::nullopt}));
  EXPECT_TRUE(fields.website.empty());
  EXPECT_THAT(fields.tags, ElementsAre("design", "climbing"));
  // The fold removes the line break and exactly one space (RFC 6350 §3.2).
  EXPECT_EQ(fields.notes,
            "Met at the design meetup, wants an intro to a UX researcher.\nFollow upin spring.");
  EXPECT_TRUE(fields.vcard_properties.empty());
}

// --- vCard 2.1 --------------------------------------------------------------

TEST(VCardReader, DecodesQuotedPrintableUtf8AcrossSoftLineBreaks) {
  const ContactFields fields =
      ReadOne(Crlf({
                  "BEGIN:VCARD",
                  "VERSION:2.1",
                  "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=B6rg;Zo=C3=AB",
                  "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Zo=C3=AB J=C3=B6rg",
                  "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:First line=0D=0ASecond =",
                  "line, caf=C3=",
                  "=A9 =3D good",
                  "END:VCARD",
              }))
          .fields;
  EXPECT_EQ(fields.display_name, "Zoë Jörg");
  EXPECT_EQ(fields.family_name, "Jörg");
  EXPECT_EQ(fields.given_name, "Zoë");
  // The soft break may even fall inside a character's bytes.
  EXPECT_EQ(fields.notes, "First line\nSecond line, café = good");
}

TEST(VCardReader, DecodesLatin1Charset) {
  const ContactFields fields =
      ReadOne(Crlf({
                  "BEGIN:VCARD",
                  "VERSION:2.1",
                  "N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen",
                  "ORG;CHARSET=ISO-8859-1:Stra\xDF"
                  "enbau GmbH",
                  "TITLE;CHARSET=windows-1252;ENCODING=QUOTED-PRINTABLE:=80 Controller",
                  "END:VCARD",
              }))
          .fields;
  EXPECT_EQ(fields.family_name, "Müller");
  EXPECT_EQ(fields.given_name, "Jürgen");
  EXPECT_EQ(fields.display_name, "Jürgen Müller");  // no FN: made from N
  EXPECT_EQ(fields.company, "Straßenbau GmbH");
  EXPECT_EQ(fields.title, "€ Controller");
}

TEST(VCardReader, ReadsBareVCard21Parameters) {
  const ContactFields fields = ReadOne(Crlf({
                                           "BEGIN:VCARD",
                                           "VERSION:2.1",
                                           "N:Doe;John",
                                           "TEL;WORK;VOICE:+1 555 0100",
                                           "TEL;CELL:+1 555 0101",
                                           "EMAIL;INTERNET;PREF:john@example.com",
                                           "NOTE;QUOTED-PRINTABLE:1 + 1 =3D 2",
                                           "PHOTO;JPEG;BASE64:",
                                           "    /9j/4AAQSkZJRgABAQ",
                                           "    AAAQABAAD",
                                           "",
                                           "X-SOCIALPROFILE;TWITTER:https://twitter.com/johndoe",
                                           "END:VCARD",
                                       }))
                                   .fields;
  EXPECT_THAT(fields.phones, ElementsAre(Phone{"+1 555 0100", ""}, Phone{"+1 555 0101", ""}));
  EXPECT_THAT(fields.emails, ElementsAre("john@example.com"));
  EXPECT_EQ(fields.notes, "1 + 1 = 2");
  EXPECT_EQ(fields.photo, "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD");
  ASSERT_EQ(fields.links.size(), 1U);
  EXPECT_EQ(fields.links[0].kind, LinkKind::kTwitter);
}

TEST(VCardReader, KeepsUnindentedVCard21Base64Lines) {
  const ContactFields fields = ReadOne(Crlf({
                                           "BEGIN:VCARD",
                                           "VERSION:2.1",
                                           "FN:Pat",
                                           "PHOTO;ENCODING=BASE64;TYPE=PNG:iVBORw0KGgo",
                                           "AAAANSUhEUgAA",
                                           "",
                                           "END:VCARD",
                                       }))
                                   .fields;
  EXPECT_EQ(fields.photo, "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA");
}

TEST(VCardReader, TreatsNestedAgentCardAsUnknownProperty) {
  const ContactFields fields = ReadOne(Crlf({
                                           "BEGIN:VCARD",
                                           "VERSION:2.1",
                                           "FN:Boss",
                                           "AGENT:",
                                           "BEGIN:VCARD",
                                           "VERSION:2.1",
                                           "FN:Assistant",
                                           "TEL:+1 555 0199",
                                           "END:VCARD",
                                           "EMAIL:boss@example.com",
                                           "END:VCARD",
                                       }))
                                   .fields;
  EXPECT_EQ(fields.display_name, "Boss");
  EXPECT_THAT(fields.emails, ElementsAre("boss@example.com"));
  EXPECT_TRUE(fields.phones.empty());  // the assistant's number is not the boss's
  EXPECT_THAT(fields.vcard_properties,
              ElementsAre("AGENT:BEGIN:VCARD\\nVERSION:2.1\\nFN:Assistant\\nTEL:+1 555 0199\\nEND:VCARD"));
}

// --- Parameters -------------------------------------------------------------

TEST(VCardReader, ReadsEverySpellingOfType) {
  for (std::string_view line : {
           "X-SOCIALPROFILE;TYPE=work,twitter:https://example.com/a",
           "X-SOCIALPROFILE;TYPE=WORK;TYPE=TWITTER:https://example.com/a",
           "X-SOCIALPROFILE;TYPE=\"work,twitter\":https://example.com/a",
           "X-SOCIALPROFILE;WORK;TWITTER:https://example.com/a",
           "x-socialprofile;type=Twitter;pref=1:https://example.com/a",
       }) {
    const ContactFields fields = ReadFields({"FN:A", line});
    ASSERT_EQ(fields.links.size(), 1U) << line;
    EXPECT_EQ(fields.links[0].kind, LinkKind::kTwitter) << line;
    EXPECT_EQ(fields.links[0].url, "https://example.com/a") << line;
  }
}

TEST(VCardReader, ReadsTelephonesWithTypeLists) {
  const ContactFields fields = ReadFields({
      "FN:A",
      "TEL;TYPE=work,voice:+1 555 0100",
      "TEL;TYPE=WORK;TYPE=VOICE:+1 555 0101",
      "TEL;TYPE=\"work,cell\":+1 555 0102",
      "tel;pref=1:+1 555 0103",
  });
  EXPECT_THAT(fields.phones, ElementsAre(Phone{"+1 555 0100", ""}, Phone{"+1 555 0101", ""},
                                         Phone{"+1 555 0102", ""}, Phone{"+1 555 0103", ""}));
}

TEST(VCardReader, QuotedParameterValuesMayHoldColonsAndSemicolons) {
  const ContactFields fields = ReadFields({
      "FN:A",
      "X-KITH-CUSTOM;X-LABEL=\"Desk: floor 3; room 2, left\":Ask at reception",
      "X-THING;X-NOTE=\"a:b;c\":value:with:colons",
  });
  EXPECT_THAT(fields.custom, ElementsAre(CustomField{"Desk: floor 3; room 2, left", "Ask at reception"}));
  EXPECT_THAT(fields.vcard_properties, ElementsAre("X-THING;X-NOTE=\"a:b;c\":value:with:colons"));
}

TEST(VCardReader, TelUriLosesItsScheme) {
  const ContactFields fields = ReadFields({
      "FN:A",
      "TEL;VALUE=uri;TYPE=cell:tel:+1-555-0100",
      "TEL;VALUE=uri:tel:+1-555-0101;ext=42",
  });
  EXPECT_THAT(fields.phones, ElementsAre(Phone{"+1-555-0100", ""}, Phone{"+1-555-0101;ext=42", ""}));
}

// --- Values -------------------------------------------------------------------

TEST(VCardReader, UnescapesTextValues) {
  const ContactFields fields = ReadFields({
      "FN:Smith\\, Jr.",
      "NOTE:a\\\\b\\;c\\nd\\Ne",
      "TITLE:C:\\temp",
  });
  EXPECT_EQ(fields.display_name, "Smith, Jr.");
  EXPECT_EQ(fields.notes, "a\\b;c\nd\ne");
  EXPECT_EQ(fields.title, "C:\\temp");  // an unknown escape keeps its backslash
}

TEST(VCardReader, SplitsCategoriesOnUnescapedCommas) {
  const ContactFields fields =
      ReadFields({"FN:A", "CATEGORIES:friends,R&D\\, Berlin,climbing", "CATEGORIES:vip"});
  EXPECT_THAT(fields.tags, ElementsAre("friends", "R&D, Berlin", "climbing", "vip"));
}

TEST(VCardReader, SplitsStructuredValuesOnUnescapedSemicolons) {
  const ContactFields fields = ReadFields({
      "N:O\\;Brien;Ann;;;",
      "ORG:Acme\\; Sons;Research;Lab 2",
      "ROLE:Mentor",
  });
  EXPECT_EQ(fields.family_name, "O;Brien");
  EXPECT_EQ(fields.given_name, "Ann");
  EXPECT_EQ(fields.company, "Acme; Sons");
  EXPECT_EQ(fields.role, "Mentor");
  EXPECT_EQ(fields.title, "");
  EXPECT_THAT(fields.departments, ElementsAre("Research", "Lab 2"));
  EXPECT_THAT(fields.custom, ElementsAre());
}

TEST(VCardReader, RoleIsItsOwnFieldBesideTitleAndOrganization) {
  // ROLE first, then ORG with units: nothing is dropped or collapsed.
  const ContactFields fields = ReadFields({"FN:A", "ROLE:Mentor", "ORG:Acme;R&D;Lab 2", "TITLE:CTO"});
  EXPECT_EQ(fields.title, "CTO");
  EXPECT_EQ(fields.role, "Mentor");
  EXPECT_EQ(fields.company, "Acme");
  EXPECT_THAT(fields.departments, ElementsAre("R&D", "Lab 2"));
  EXPECT_THAT(fields.custom, ElementsAre());
}

TEST(VCardReader, BuildsDisplayNameFromNameWhenFnIsMissing) {
  EXPECT_EQ(ReadFields({"N:Public;Jane;Q.;Dr.;PhD"}).display_name, "Dr. Jane Q. Public PhD");
}

TEST(VCardReader, KeepsMiddleNamePrefixAndSuffix) {
  const ContactFields fields =
      ReadFields({"FN:Dr. Jane Q. Public", "BDAY:19850412", "N;LANGUAGE=en:Public;Jane;Q.;Dr.;PhD"});
  EXPECT_EQ(fields.family_name, "Public");
  EXPECT_EQ(fields.given_name, "Jane");
  // Without the names kith edits, and first, where the writer puts N back.
  EXPECT_THAT(fields.vcard_properties, ElementsAre("N;LANGUAGE=en:;;Q.;Dr.;PhD"));
  EXPECT_EQ(fields.birthday, (PartialDate{1985, 4, 12}));
}

TEST(VCardReader, DropsTheAddressKithMakesFromTheCity) {
  const ContactFields made = ReadFields({"FN:A", "ADR;TYPE=home:;;;St. Louis\\, MO;;;"});
  EXPECT_EQ(made.city, "St. Louis, MO");
  EXPECT_TRUE(made.vcard_properties.empty());
  EXPECT_TRUE(made.addresses.empty());
  // An address of the card's own is kept, and X-KITH-CITY says which city kith has.
  const ContactFields kept = ReadFields({"FN:A", "ADR;TYPE=home:;;;Clayton;;;", "X-KITH-CITY:St. Louis"});
  EXPECT_EQ(kept.city, "St. Louis");
  EXPECT_THAT(kept.addresses, ElementsAre(Address{{"home"}, 0, "", "", "", "", "Clayton", "", "", "", ""}));
}

TEST(VCardReader, ReadsRfc6715ExpertiseAndInterests) {
  const ContactFields fields = ReadFields({
      "FN:A",
      "EXPERTISE;LEVEL=expert:distributed systems",
      "X-EXPERTISE:C++",
      "INTEREST;LEVEL=high:climbing",
      "HOBBY;LEVEL=high:chess\\, blitz",
      "X-INTEREST:jazz",
  });
  EXPECT_THAT(fields.skills, ElementsAre("distributed systems", "C++"));
  EXPECT_THAT(fields.interests, ElementsAre("climbing", "chess, blitz", "jazz"));
}

// --- Links --------------------------------------------------------------------

TEST(VCardReader, SortsUrlsIntoWebsiteAndLinksByHost) {
  const ContactFields fields = ReadFields({
      "FN:A",
      "URL:https://ada.example.com",
      "URL:https://uk.linkedin.com/in/ada",
      "URL:https://x.com/ada",
      "URL:https://mobile.twitter.com/ada2",
      "URL:https://www.facebook.com/ada",
      "URL:https://instagram.com/ada",
      "URL:https://github.com/ada",
      "URL:https://blog.example.com",
      "URL:https://box.com/ada",
  });
  EXPECT_EQ(fields.website, "https://ada.example.com");
  std::vector<LinkKind> kinds;
  for (const Link& link : fields.links) kinds.push_back(link.kind);
  EXPECT_THAT(kinds,
              ElementsAre(LinkKind::kLinkedIn, LinkKind::kTwitter, LinkKind::kTwitter, LinkKind::kFacebook,
                          LinkKind::kInstagram, LinkKind::kGitHub, LinkKind::kOther, LinkKind::kOther));
  EXPECT_EQ(fields.links[6].url, "https://blog.example.com");
  EXPECT_EQ(fields.links[7].url, "https://box.com/ada");  // not x.com
}

TEST(VCardReader, AppleLabelsDecideWhatAGroupedUrlIs) {
  const ContactFields fields = ReadFields({
      "FN:A",
      "item1.URL:https://example.com/portfolio",
      "item1.X-ABLabel:Portfolio",
      "item2.URL;type=pref:https://www.linkedin.com/in/ada",
      "item2.X-ABLabel:_$!<HomePage>!$_",
      "ITEM3.URL:https://example.org/u/ada",
      "item3.X-ABLabel:GitHub",
      "item5.URL:https://example.net/other",
      "item5.X-ABLabel:_$!<Other>!$_",
      "item4.X-ABDATE:2015-06-01",
      "item4.X-ABLabel:_$!<Anniversary>!$_",
  });
  // The homepage label wins over the host; the first plain URL is the website.
  EXPECT_EQ(fields.website, "https://example.com/portfolio");
  ASSERT_EQ(fields.links.size(), 3U);
  EXPECT_EQ(fields.links[0],
            (Link{LinkKind::kOther, "https://www.linkedin.com/in/ada", false, false, std::nullopt}));
  EXPECT_EQ(fields.links[1].kind, LinkKind::kGitHub);
  EXPECT_EQ(fields.links[2],
            (Link{LinkKind::kOther, "https://example.net/other", false, false, std::nullopt}));
  // Labels of URLs are used up; Apple's anniversary is the anniversary.
  EXPECT_THAT(fields.vcard_properties, ElementsAre());
  EXPECT_EQ(fields.anniversary, (PartialDate{2015, 6, 1}));
  EXPECT_EQ(FindValueType(fields.value_types, "URL", "https://example.com/portfolio")->label, "Portfolio");
}

TEST(VCardReader, OtherLabelLeavesTheOnlyUrlAsWebsite) {
  const ContactFields fields =
      ReadFields({"FN:A", "item1.URL:https://ada.example.com", "item1.X-ABLabel:_$!<Other>!$_"});
  EXPECT_EQ(fields.website, "https://ada.example.com");
  EXPECT_TRUE(fields.links.empty());
  EXPECT_TRUE(fields.vcard_properties.empty());
}

TEST(VCardReader, ReadsSocialProfiles) {
  const ContactFields fields = ReadFields({
      "FN:A",
      "X-SOCIALPROFILE;type=twitter;x-user=ada:x-apple:ada",
      "X-SOCIALPROFILE;type=linkedin:http://www.linkedin.com/in/ada",
      "X-SOCIALPROFILE;TYPE=github:@ada",
      "X-SOCIALPROFILE:https://www.instagram.com/ada",
      "X-SOCIALPROFILE;type=flickr;x-user=ada:x-apple:ada",
  });
  ASSERT_EQ(fields.links.size(), 4U);
  EXPECT_EQ(fields.links[0], (Link{LinkKind::kTwitter, "https://x.com/ada", false, false, std::nullopt}));
  EXPECT_EQ(fields.links[1],
            (Link{LinkKind::kLinkedIn, "http://www.linkedin.com/in/ada", false, false, std::nullopt}));
  EXPECT_EQ(fields.links[2], (Link{LinkKind::kGitHub, "https://github.com/ada", false, false, std::nullopt}));
  EXPECT_EQ(fields.links[3].kind, LinkKind::kInstagram);
  // A handle on a service kith cannot make a URL for is kept, not guessed at.
  EXPECT_THAT(fields.vcard_properties, ElementsAre("X-SOCIALPROFILE;type=flickr;x-user=ada:x-apple:ada"));
}

TEST(VCardReader, InstantMessagingIsKeptVerbatimNotMadeAWebLink) {
  const ContactFields fields =
      ReadFields({"FN:A", "IMPP;X-SERVICE-TYPE=Skype;type=HOME:skype:ada.l",
                  "item1.IMPP:xmpp:ada@jabber.example.org", "item1.X-ABLabel:work chat"});
  EXPECT_TRUE(fields.links.empty());
  EXPECT_THAT(fields.vcard_properties,
              ElementsAre("IMPP;X-SERVICE-TYPE=Skype;type=HOME:skype:ada.l",
                          "item1.IMPP:xmpp:ada@jabber.example.org", "item1.X-ABLabel:work chat"));
}

TEST(VCardReader, ReadsLinkFlags) {
  const ContactFields fields = ReadFields({
      "FN:A",
      "URL;TYPE=linkedin;X-KITH-CONNECTED=true;X-KITH-CONNECTED-ON=2024-03-12:https://linkedin.com/in/a",
      "URL;TYPE=twitter;X-KITH-FOLLOWED=TRUE:https://x.com/a",
  });
  EXPECT_THAT(
      fields.links,
      ElementsAre(Link{LinkKind::kLinkedIn, "https://linkedin.com/in/a", true, false, Date{2024, 3, 12}},
                  Link{LinkKind::kTwitter, "https://x.com/a", false, true, std::nullopt}));
}

// --- Photo and UID --------------------------------------------------------------

TEST(VCardReader, TurnsInlinePhotoIntoDataUri) {
  EXPECT_EQ(ReadFields({"FN:A", "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ", " SkZJRg=="}).photo,
            "data:image/jpeg;base64,/9j/4AAQSkZJRg==");
  EXPECT_EQ(ReadFields({"FN:A", "PHOTO;TYPE=image/png;ENCODING=BASE64:iVBORw0KGgo="}).photo,
            "data:image/png;base64,iVBORw0KGgo=");
}

TEST(VCardReader, KeepsPhotoUris) {
  EXPECT_EQ(ReadFields({"FN:A", "PHOTO:data:image/jpeg;base64,/9j/4AAQ"}).photo,
            "data:image/jpeg;base64,/9j/4AAQ");
  EXPECT_EQ(ReadFields({"FN:A", "PHOTO;VALUE=uri:https://example.com/a.jpg"}).photo,
            "https://example.com/a.jpg");
}

TEST(VCardReader, KeepsUidsByteForByte) {
  EXPECT_EQ(
      ReadOne(Crlf({"BEGIN:VCARD", "UID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1", "END:VCARD"})).uid,
      "urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1");
  EXPECT_EQ(ReadOne(Crlf({"BEGIN:VCARD", "UID:4FBE8971-0BC3-424C-9C26-36C3E1EFF6B1", "END:VCARD"})).uid,
            "4FBE8971-0BC3-424C-9C26-36C3E1EFF6B1");
  EXPECT_EQ(ReadOne(Crlf({"BEGIN:VCARD", "UID:abc-123", "END:VCARD"})).uid, "abc-123");
}

// --- kith's own properties --------------------------------------------------------

TEST(VCardReader, ReadsKithProperties) {
  const ContactFields fields = ReadFields({
      "FN:A",
      "X-KITH-MET-AT:RustConf 2024",
      "X-KITH-MET-ON:2024-09-10",
      "X-KITH-HOW-MET:Sat next to each other\\, talked about parsers",
      "X-KITH-NEIGHBORHOOD:Pilsen",
      "X-KITH-HOMETOWN:Lagos",
      "X-KITH-OPEN-TO-OPPORTUNITIES:true",
      "X-KITH-LOOKING-FOR:Staff roles",
      "X-KITH-OPEN-SINCE:2025-01-15",
      "X-KITH-CUSTOM;X-LABEL=\"Shoe size\":44",
      "X-KITH-CITY:Chicago",
  });
  EXPECT_EQ(fields.met_at, "RustConf 2024");
  EXPECT_EQ(fields.met_on, (Date{2024, 9, 10}));
  EXPECT_EQ(fields.how_met, "Sat next to each other, talked about parsers");
  EXPECT_EQ(fields.neighborhood, "Pilsen");
  EXPECT_EQ(fields.hometown, "Lagos");
  EXPECT_TRUE(fields.open_to_opportunities);
  EXPECT_EQ(fields.looking_for, "Staff roles");
  EXPECT_EQ(fields.open_since, (Date{2025, 1, 15}));
  EXPECT_THAT(fields.custom, ElementsAre(CustomField{"Shoe size", "44"}));
  EXPECT_EQ(fields.city, "Chicago");
  EXPECT_TRUE(fields.vcard_properties.empty());
}

TEST(VCardReader, DecodesCaretEscapesInCustomLabels) {
  const ContactFields fields = ReadFields({"FN:A", "X-KITH-CUSTOM;X-LABEL=\"The ^'best^' ^^ line^none\":x"});
  EXPECT_THAT(fields.custom, ElementsAre(CustomField{"The \"best\" ^ line\none", "x"}));
}

// --- Preserving -----------------------------------------------------------------

TEST(VCardReader, PreservesUnknownPropertiesExactly) {
  const ContactFields fields =
      ReadOne(Crlf({
                  "BEGIN:VCARD",
                  "VERSION:4.0",
                  "PRODID:-//Apple Inc.//macOS 14.0//EN",
                  "REV:2024-01-01T00:00:00Z",
                  "KIND:individual",
                  "CLIENTPIDMAP:1;urn:uuid:3df403f4-5924-4bb7-b077-3c711d9eb34b",
                  "FN:Ada",
                  "BDAY:19850412",
                  "NICKNAME;LANGUAGE=en:Addie,Ads",
                  "ADR;TYPE=home:;;12 Main St;Chicago;IL;60601;USA",
                  "GEO:geo:41.88,-87.63",
                  "X-MS-OL-DESIGN;CHARSET=utf-8:<card xmlns=\"http://schemas\"/>",
                  "item2.X-ABRELATEDNAMES:Grace",
                  "item2.X-ABLabel:_$!<Friend>!$_",
                  "RELATED;TYPE=spouse:urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
                  "NOTE:folded",
                  "X-LONG:abc",
                  " def",
                  "END:VCARD",
              }))
          .fields;
  EXPECT_EQ(fields.city, "Chicago");
  EXPECT_EQ(fields.birthday, (PartialDate{1985, 4, 12}));
  EXPECT_EQ(fields.nickname, "Addie, Ads");
  EXPECT_THAT(
      fields.addresses,
      ElementsAre(Address{{"home"}, 0, "", "", "", "12 Main St", "Chicago", "IL", "60601", "USA", ""}));
  EXPECT_EQ(fields.notes, "folded");
  EXPECT_THAT(
      fields.vcard_properties,
      ElementsAre("GEO:geo:41.88,-87.63", "X-MS-OL-DESIGN;CHARSET=utf-8:<card xmlns=\"http://schemas\"/>",
                  "item2.X-ABRELATEDNAMES:Grace", "item2.X-ABLabel:_$!<Friend>!$_",
                  "RELATED;TYPE=spouse:urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6", "X-LONG:abcdef"));
}

TEST(VCardReader, KeepsOrganizationKindAndSecondLanguageNames) {
  const ContactFields fields =
      ReadFields({"KIND:org", "FN;LANGUAGE=en:Acme", "FN;LANGUAGE=ja:アクメ", "ORG:Acme", "ORG:Acme Japan"});
  EXPECT_EQ(fields.display_name, "Acme");
  EXPECT_EQ(fields.company, "Acme");
  EXPECT_EQ(fields.kind, "org");
  EXPECT_THAT(fields.vcard_properties, ElementsAre("FN;LANGUAGE=ja:アクメ", "ORG:Acme Japan"));
}

TEST(VCardReader, StoresQuotedPrintableUnknownPropertyDecoded) {
  const ContactFields fields =
      ReadOne(Crlf({
                  "BEGIN:VCARD",
                  "VERSION:2.1",
                  "FN:Max",
                  "ADR;HOME;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:;;M=C3=BCnchner Str. 1;M=",
                  "=C3=BCnchen;;80331;Deutschland",
                  "X-NOTE;ENCODING=QUOTED-PRINTABLE:two=0D=0Alines",
                  "END:VCARD",
              }))
          .fields;
  EXPECT_EQ(fields.city, "München");
  EXPECT_THAT(fields.addresses,
              ElementsAre(Address{
                  {"home"}, 0, "", "", "", "Münchner Str. 1", "München", "", "80331", "Deutschland", ""}));
  EXPECT_THAT(fields.vcard_properties, ElementsAre("X-NOTE:two\\nlines"));
}

// --- File shape -------------------------------------------------------------------

TEST(VCardReader, SkipsBomAndReadsCrlfAndLf) {
  const std::string text =
      "\xEF\xBB\xBF"
      "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nEND:VCARD\r\n"
      "BEGIN:VCARD\nVERSION:3.0\nFN:Bo\nNOTE:long\n\tnote\nEND:VCARD\n";
  auto records = ReadAll(text);
  ASSERT_TRUE(records) << records.error().message;
  ASSERT_EQ(records->size(), 2U);
  EXPECT_EQ((*records)[0].fields.display_name, "Ada");
  EXPECT_EQ((*records)[1].fields.display_name, "Bo");
  EXPECT_EQ((*records)[1].fields.notes, "longnote");
}

TEST(VCardReader, NumbersEachCardByThePhysicalLineOfItsBegin) {
  const std::string text = Crlf({
      "BEGIN:VCARD",  // 1
      "FN:One",
      "NOTE:folded",
      " over",
      " three lines",
      "END:VCARD",
      "",
      "begin:vcard",  // 8
      "fn:Two",
      "end:vcard",
      "BEGIN:VCARD",  // 11
      "FN:Three",
      "END:VCARD",
  });
  auto records = ReadAll(text);
  ASSERT_TRUE(records) << records.error().message;
  ASSERT_EQ(records->size(), 3U);
  EXPECT_EQ((*records)[0].line, 1U);
  EXPECT_EQ((*records)[1].line, 8U);
  EXPECT_EQ((*records)[1].fields.display_name, "Two");
  EXPECT_EQ((*records)[2].line, 11U);
}

TEST(VCardReader, StopsAtTheSinksError) {
  std::istringstream in(Crlf({"BEGIN:VCARD", "FN:A", "END:VCARD", "BEGIN:VCARD", "FN:B", "END:VCARD"}));
  int calls = 0;
  const Status status = ReadVCards(in, [&](ImportRecord&&) -> Status {
    ++calls;
    return Fail(ErrorCode::kConflict, "stop");
  });
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::kConflict);
  EXPECT_EQ(calls, 1);
}

// --- Errors -------------------------------------------------------------------------

TEST(VCardReader, MissingEndAtEndOfFile) {
  EXPECT_EQ(ErrorOf(Crlf({"BEGIN:VCARD", "FN:A", "END:VCARD", "BEGIN:VCARD", "FN:B", "NOTE:x", " y"})),
            "line 7: BEGIN:VCARD on line 4 has no END:VCARD");
}

TEST(VCardReader, MissingEndBeforeNextCard) {
  EXPECT_EQ(ErrorOf(Crlf({"BEGIN:VCARD", "FN:A", "BEGIN:VCARD", "FN:B", "END:VCARD"})),
            "line 3: BEGIN:VCARD on line 1 has no END:VCARD");
}

TEST(VCardReader, PropertyLineWithoutColonIsSetAsideWithItsOwnLine) {
  const ImportRecord record =
      ReadOne(Crlf({"BEGIN:VCARD", "FN:A", "NOTE:folded", " still the note", "FOO", "END:VCARD"}));
  EXPECT_EQ(record.fields.display_name, "A");
  EXPECT_EQ(record.fields.notes, "foldedstill the note");
  ASSERT_EQ(record.set_aside.size(), 1U);
  EXPECT_EQ(record.set_aside[0].line, 5U);
  EXPECT_EQ(record.set_aside[0].value, "FOO");
  EXPECT_EQ(record.set_aside[0].problem, "has no ':' (not a property line)");
}

TEST(VCardReader, EachValueRemembersItsPropertyAndOwnLine) {
  const ImportRecord record = ReadOne(Crlf({"BEGIN:VCARD", "VERSION:3.0", "FN:A", "EMAIL:a@x.org",
                                            "TEL:+1 555 0100", "URL:acme.example", "END:VCARD"}));
  ASSERT_EQ(record.origins.size(), 3U);
  EXPECT_EQ(record.origins[0].property, "EMAIL");
  EXPECT_EQ(record.origins[0].line, 4U);
  EXPECT_EQ(record.origins[1].property, "TEL");
  EXPECT_EQ(record.origins[1].line, 5U);
  EXPECT_EQ(record.origins[2].property, "URL");
  EXPECT_EQ(record.origins[2].value, "acme.example");
  EXPECT_EQ(record.origins[2].line, 6U);
}

TEST(VCardReader, TextOutsideCard) {
  EXPECT_EQ(ErrorOf(Crlf({"", "", "hello", "BEGIN:VCARD", "FN:A", "END:VCARD"})),
            "line 3: text outside a vCard: 'hello'");
  EXPECT_EQ(ErrorOf(Crlf({"BEGIN:VCARD", "FN:A", "END:VCARD", "FN:B"})),
            "line 4: text outside a vCard: 'FN:B'");
}

TEST(VCardReader, EndWithoutBegin) {
  EXPECT_EQ(ErrorOf(Crlf({"BEGIN:VCARD", "FN:A", "END:VCARD", "END:VCARD"})),
            "line 4: END:VCARD without BEGIN:VCARD");
}

TEST(VCardReader, Utf16File) {
  EXPECT_EQ(ErrorOf(std::string("\xFF\xFE"
                                "B\0E\0G\0",
                                8)),
            "line 1: the file is UTF-16; save it as UTF-8 (vCard 3.0 and 4.0 are UTF-8)");
}

TEST(VCardReader, FileWithoutCards) {
  EXPECT_EQ(ErrorOf(""), "no vCard found (expected BEGIN:VCARD)");
  EXPECT_EQ(ErrorOf("\r\n\r\n"), "no vCard found (expected BEGIN:VCARD)");
}

TEST(VCardReader, InvalidMetOnDateIsSetAside) {
  const ImportRecord met = ReadOne(Crlf({"BEGIN:VCARD", "FN:A", "X-KITH-MET-ON:2026-02-30", "END:VCARD"}));
  EXPECT_FALSE(met.fields.met_on.has_value());
  ASSERT_EQ(met.set_aside.size(), 1U);
  EXPECT_EQ(met.set_aside[0].property, "X-KITH-MET-ON");
  EXPECT_EQ(met.set_aside[0].line, 3U);
  const ImportRecord link =
      ReadOne(Crlf({"BEGIN:VCARD", "FN:A", "URL;X-KITH-CONNECTED-ON=soon:https://a.example", "END:VCARD"}));
  ASSERT_EQ(link.set_aside.size(), 1U);
  EXPECT_EQ(link.set_aside[0].property, "X-KITH-CONNECTED-ON");
  EXPECT_EQ(link.set_aside[0].value, "soon");
}

TEST(VCardReader, InvalidKithBooleanIsSetAside) {
  const ImportRecord record =
      ReadOne(Crlf({"BEGIN:VCARD", "FN:A", "X-KITH-OPEN-TO-OPPORTUNITIES:maybe", "END:VCARD"}));
  ASSERT_EQ(record.set_aside.size(), 1U);
  EXPECT_EQ(record.set_aside[0].problem, "is not true or false");
  EXPECT_EQ(record.set_aside[0].value, "maybe");
}

TEST(VCardReader, ErrorQuotesOnlyTheStartOfALongLine) {
  const std::string message =
      ErrorOf(Crlf({"BEGIN:VCARD", "FN:A", "END:VCARD", "X" + std::string(500, 'A')}));
  EXPECT_THAT(message, StartsWith("line 4: text outside a vCard: 'XAAA"));
  EXPECT_LT(message.size(), 120U);
}

// --- Golden files: tests/data/vcard/<name>.vcf read as <name>.json ---------------------

nlohmann::json RecordToJson(const ImportRecord& record) {
  Contact contact;
  static_cast<ContactFields&>(contact) = record.fields;
  contact.uid = record.uid;
  nlohmann::json json = ContactToJson(contact);
  // Set by the store, not by a file.
  for (const char* key : {"id", "created_at", "updated_at", "last_contact", "trashed"}) json.erase(key);
  json["line"] = record.line;
  return json;
}

TEST(VCardGolden, ReadsEveryGoldenFileAsExpected) {
  const std::filesystem::path folder = std::filesystem::path(KITH_TEST_DATA) / "vcard";
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() != ".vcf") continue;
    ++files;
    SCOPED_TRACE(entry.path().filename().string());
    std::ifstream in(entry.path(), std::ios::binary);
    nlohmann::json actual = nlohmann::json::array();
    const Status status = ReadVCards(in, [&](ImportRecord&& record) {
      actual.push_back(RecordToJson(record));
      return Ok();
    });
    ASSERT_TRUE(status) << status.error().message;
    std::filesystem::path expected_path = entry.path();
    expected_path.replace_extension(".json");
    const nlohmann::json expected = nlohmann::json::parse(ReadFile(expected_path));
    EXPECT_EQ(actual, expected) << "actual:\n" << actual.dump(2);
  }
  EXPECT_GE(files, 3);
}

// --- Speed ----------------------------------------------------------------------------

// Run by hand: --gtest_also_run_disabled_tests --gtest_filter='*Throughput*'
TEST(VCardReader, DISABLED_Throughput) {
  testing::TempDirectory directory;
  const std::filesystem::path path = directory.path() / "big.vcf";
  {
    std::ofstream out(path, std::ios::binary);
    for (int i = 0; i < 100000; ++i) {
      const std::string n = std::to_string(i);
      out << "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//iPhone OS 17.0//EN\r\n"
          << "N:Okafor" << n << ";Ada;;;\r\nFN:Ada Okafor" << n
          << "\r\nORG:Acme Widgets\\, Inc.;Research;\r\n"
          << "TITLE:Staff Engineer\r\nEMAIL;type=INTERNET;type=WORK;type=pref:ada" << n << "@acme.example\r\n"
          << "EMAIL;type=INTERNET;type=HOME:ada.okafor" << n << "@mail.example\r\n"
          << "TEL;type=CELL;type=VOICE;type=pref:+1 (312) 555-" << n << "\r\n"
          << "item1.ADR;type=HOME;type=pref:;;12 Main St;Chicago;IL;60601;United States\r\n"
          << "item1.X-ABADR:us\r\nitem2.URL;type=pref:https://www.linkedin.com/in/ada" << n << "\r\n"
          << "item2.X-ABLabel:_$!<HomePage>!$_\r\nURL:https://github.com/ada" << n << "\r\n"
          << "CATEGORIES:mentor,climbing,rust\r\nBDAY:1985-04-12\r\n"
          << "NOTE:Met at the design meetup\\, wants an intro to a UX researcher.\\nFollow up in spring \r\n"
          << " and ask about the conference talk she is preparing on streaming parsers.\r\n"
          << "UID:4fbe8971-0bc3-424c-9c26-" << n << "\r\nEND:VCARD\r\n";
    }
  }
  const auto bytes = std::filesystem::file_size(path);
  std::ifstream in(path, std::ios::binary);
  std::size_t cards = 0;
  const auto start = std::chrono::steady_clock::now();
  const Status status = ReadVCards(in, [&](ImportRecord&& record) {
    if (!record.fields.emails.empty()) ++cards;
    return Ok();
  });
  const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(status) << status.error().message;
  EXPECT_EQ(cards, 100000U);
  const double megabytes = static_cast<double>(bytes) / 1e6;
  std::printf("%.1f MB, %zu cards in %.3f s: %.1f MB/s\n", megabytes, cards, seconds.count(),
              megabytes / seconds.count());
}

TEST(VCardReader, KeepsAPhotoOfAFewMegabytes) {
  const std::string photo(3 << 20, 'A');
  const ImportRecord record = ReadOne(
      "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada\r\nPHOTO:data:image/jpeg;base64," + photo + "\r\nEND:VCARD\r\n");
  EXPECT_EQ(record.fields.photo, "data:image/jpeg;base64," + photo);
}

TEST(VCardReader, RefusesAPropertyLongerThanTheLimitEvenWhenFolded) {
  // Folded into lines of 75 octets, as writers do: the bound is on the property, not the line.
  std::string text = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada\r\nNOTE:";
  const std::string fold = " " + std::string(74, 'x') + "\r\n";
  text += "start\r\n";
  while (text.size() < (std::size_t{9} << 20)) text += fold;
  text += "END:VCARD\r\n";
  const auto read = ReadAll(text);
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().code, ErrorCode::kParseError);
  EXPECT_EQ(read.error().message, "line 4: a property longer than 8 MiB; a contact's lines are far shorter");
}

TEST(VCardReader, ReadsAFoldedLineWithNothingToContinueAsTheLineItSpells) {
  // Found by fuzzing: kept with its leading blank, it was written back as a
  // fold of the line before it, and the card changed on every round trip.
  const ImportRecord record =
      ReadOne("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nORG:Acme\r\n\r\n TITLE:Engineer\r\nEND:VCARD\r\n");
  EXPECT_EQ(record.fields.title, "Engineer");
  EXPECT_EQ(record.fields.company, "Acme");
  EXPECT_TRUE(record.fields.vcard_properties.empty());
}

TEST(VCardReader, RefusesOneEndlessLineWithoutHoldingItAll) {
  // 24 MiB with no line end at all: refused with the line it starts on.
  const std::string text =
      "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada\r\nNOTE:" + std::string(std::size_t{24} << 20, 'x');
  const auto read = ReadAll(text);
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().message, "line 4: a property longer than 8 MiB; a contact's lines are far shorter");
}

// --- Differential: kith and Python's vobject read the same messy cards -----------------

// Cards shaped like what address books write, with the mess they add:
// LF or CRLF, lines folded anywhere, lower-case names, groups with
// labels, TYPE in every spelling, 2.1 quoted-printable, blank lines
// between cards, several or no emails and phones, UIDs in several forms
// or none.
std::string MessyCards(int count) {
  std::mt19937 random(20261205);
  const auto pick = [&random](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  std::string text;
  for (int i = 0; i < count; ++i) {
    const std::string end = pick(2) == 0 ? "\r\n" : "\n";
    const bool v21 = pick(4) == 0;
    std::vector<std::string> lines = {"BEGIN:VCARD", v21            ? "VERSION:2.1"
                                                     : pick(2) == 0 ? "VERSION:3.0"
                                                                    : "VERSION:4.0"};
    const std::string name = "Person" + std::to_string(i) + " Example";
    lines.push_back(pick(3) == 0 ? "fn:" + name : "FN:" + name);
    lines.push_back("N:Example;Person" + std::to_string(i) + ";;;");
    for (int e = pick(4); e > 0; --e) {
      const std::string address = "p" + std::to_string(i) + "." + std::to_string(e) + "@example.org";
      switch (pick(4)) {
        case 0:
          lines.push_back("EMAIL;TYPE=INTERNET,HOME:" + address);
          break;
        case 1:
          lines.push_back("item" + std::to_string(e) + ".EMAIL;type=INTERNET;type=pref:" + address);
          lines.push_back("item" + std::to_string(e) + ".X-ABLabel:_$!<Other>!$_");
          break;
        case 2:
          lines.push_back(v21 ? "EMAIL;INTERNET;ENCODING=QUOTED-PRINTABLE:p" + std::to_string(i) + "=2E" +
                                    std::to_string(e) + "=40example.org"
                              : "email:" + address);
          break;
        default:
          lines.push_back("EMAIL:" + address);
      }
    }
    for (int t = pick(3); t > 0; --t) {
      lines.push_back((pick(2) == 0 ? "TEL;TYPE=CELL:+1 312 555 0" : "TEL;type=WORK;type=VOICE:(312) 555-0") +
                      std::to_string(100 + i % 800 + t));
    }
    switch (pick(4)) {
      case 0:
        lines.push_back("UID:urn:uuid:00000000-0000-4000-8000-" + std::to_string(100000000000 + i));
        break;
      case 1:
        lines.push_back("UID:card-" + std::to_string(i) + "@example.org");
        break;
      case 2:
        lines.push_back("UID:" + std::to_string(i) + "-ABCDEF");
        break;
      default:
        break;
    }
    lines.push_back("NOTE:A note long enough to be folded somewhere in the middle of it\\, card " +
                    std::to_string(i));
    lines.push_back("END:VCARD");
    for (const std::string& line : lines) {
      // Fold some long lines at a random place, never inside a QP escape.
      if (line.size() > 40 && line.find("QUOTED") == std::string::npos && pick(2) == 0) {
        const std::size_t cut = 20 + static_cast<std::size_t>(pick(15));
        text += line.substr(0, cut) + end + " " + line.substr(cut) + end;
      } else {
        text += line + end;
      }
    }
    if (pick(5) == 0) text += end;
  }
  return text;
}

TEST(VCardDifferential, CountsAndUidsMatchPythonVobject) {
  testing::TempDirectory directory;
  const std::string path = (directory.path() / "messy.vcf").string();
  const std::string cards = MessyCards(300);
  std::ofstream(path, std::ios::binary) << cards;

  std::istringstream in(cards);
  std::size_t count = 0;
  std::size_t emails = 0;
  std::size_t phones = 0;
  std::vector<std::string> uids;
  ASSERT_TRUE(ReadVCards(in, [&](ImportRecord&& record) {
    ++count;
    emails += record.fields.emails.size();
    phones += record.fields.phones.size();
    if (!record.uid.empty()) uids.push_back(record.uid);
    return Ok();
  }));
  std::string kith =
      std::to_string(count) + " " + std::to_string(emails) + " " + std::to_string(phones) + "\n";
  std::sort(uids.begin(), uids.end());
  for (const std::string& uid : uids) kith += uid + "\n";

  ASSERT_TRUE(std::filesystem::exists("/usr/bin/python3"))
      << "python3-vobject is installed by scripts/install-deps.sh";
  const std::string script =
      "import sys, vobject\n"
      "cards = list(vobject.readComponents(open(sys.argv[1], encoding='utf-8', newline='').read()))\n"
      "emails = sum(len(c.contents.get('email', [])) for c in cards)\n"
      "phones = sum(len(c.contents.get('tel', [])) for c in cards)\n"
      "print(len(cards), emails, phones)\n"
      "for uid in sorted(c.uid.value for c in cards if 'uid' in c.contents): print(uid)\n";
  const std::string script_path = (directory.path() / "count.py").string();
  std::ofstream(script_path) << script;
  FILE* pipe = popen(("/usr/bin/python3 " + script_path + " " + path + " 2>&1").c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string vobject;
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) vobject += buffer.data();
  ASSERT_EQ(pclose(pipe), 0) << vobject;
  EXPECT_GT(emails, 200U);
  EXPECT_EQ(kith, vobject);
}

}  // namespace
}  // namespace kith
