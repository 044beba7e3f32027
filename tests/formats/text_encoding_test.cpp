#include "formats/text_encoding.h"

#include <gtest/gtest.h>

#include <string>

namespace kith {
namespace {

using namespace std::string_literals;

TEST(FindInvalidUtf8, AcceptsAsciiAndWellFormedMultiByteText) {
  EXPECT_EQ(FindInvalidUtf8(""), std::nullopt);
  EXPECT_EQ(FindInvalidUtf8("First Name,Last Name\r\n"), std::nullopt);
  EXPECT_EQ(FindInvalidUtf8("Zoë Müller — 渡辺 😀"), std::nullopt);
  EXPECT_EQ(FindInvalidUtf8("\xF4\x8F\xBF\xBF"), std::nullopt);  // U+10FFFF, the last code point
  EXPECT_EQ(FindInvalidUtf8("\xEF\xBF\xBD"), std::nullopt);      // U+FFFD itself is fine
}

TEST(FindInvalidUtf8, RejectsOverlongForms) {
  EXPECT_EQ(FindInvalidUtf8("ab\xC0\xAF"), 2u);        // '/' in two bytes
  EXPECT_EQ(FindInvalidUtf8("\xC1\xBF"), 0u);          // U+007F in two bytes
  EXPECT_EQ(FindInvalidUtf8("x\xE0\x80\xAF"), 1u);     // '/' in three bytes
  EXPECT_EQ(FindInvalidUtf8("\xF0\x82\x82\xAC"), 0u);  // '€' in four bytes
}

TEST(FindInvalidUtf8, RejectsSurrogates) {
  EXPECT_EQ(FindInvalidUtf8("ok \xED\xA0\x80"), 3u);         // U+D800
  EXPECT_EQ(FindInvalidUtf8("\xED\xBF\xBF"), 0u);            // U+DFFF
  EXPECT_EQ(FindInvalidUtf8("\xED\x9F\xBF"), std::nullopt);  // U+D7FF, just below them
}

TEST(FindInvalidUtf8, RejectsTruncatedSequences) {
  EXPECT_EQ(FindInvalidUtf8("ab\xE2\x82"), 2u);  // '€' cut at the end
  EXPECT_EQ(FindInvalidUtf8("\xE2\x82z"), 0u);   // '€' cut by an ASCII byte
  EXPECT_EQ(FindInvalidUtf8("caf\xC3"), 3u);
  EXPECT_EQ(FindInvalidUtf8("\x80 stray"), 0u);  // a continuation byte with no lead
}

TEST(FindInvalidUtf8, RejectsCodePointsPastU10FFFF) {
  EXPECT_EQ(FindInvalidUtf8("a\xF4\x90\x80\x80"), 1u);  // U+110000
  EXPECT_EQ(FindInvalidUtf8("\xF5\x80\x80\x80"), 0u);
  EXPECT_EQ(FindInvalidUtf8("\xF8\x88\x80\x80\x80"), 0u);  // five-byte forms never were UTF-8
}

TEST(FindInvalidUtf8, FindsWindows1252Text) {
  EXPECT_EQ(FindInvalidUtf8("M\xFCller"), 1u);  // "Müller" as Outlook writes it
}

TEST(Windows1252ToUtf8, DecodesTheWindowsCharacters) {
  EXPECT_EQ(Windows1252ToUtf8("\x80"
                              "50k"),
            "€50k");
  EXPECT_EQ(Windows1252ToUtf8("\x93quoted\x94 and \x91single\x92"), "“quoted” and ‘single’");
  EXPECT_EQ(Windows1252ToUtf8("2019\x96"
                              "2024\x85"),
            "2019–2024…");
  EXPECT_EQ(Windows1252ToUtf8("\x8A\x9A\x8E\x9E\x9F"), "ŠšŽžŸ");
}

TEST(Windows1252ToUtf8, DecodesLatinLettersAndKeepsAscii) {
  EXPECT_EQ(Windows1252ToUtf8("M\xFCller, Caf\xE9, Stra\xDF"
                              "e"),
            "Müller, Café, Straße");
  EXPECT_EQ(Windows1252ToUtf8("plain,ascii\r\n"), "plain,ascii\r\n");
}

TEST(Windows1252ToUtf8, UndefinedBytesBecomeC1Controls) {
  EXPECT_EQ(Windows1252ToUtf8("\x81\x8D\x8F\x90\x9D"), "\u0081\u008D\u008F\u0090\u009D");
}

TEST(Latin1ToUtf8, MapsEachByteToTheSameCodePoint) {
  EXPECT_EQ(Latin1ToUtf8("caf\xE9 \xFF"), "café ÿ");
  EXPECT_EQ(Latin1ToUtf8("\x80"), "\u0080");  // not '€': that is Windows-1252
  EXPECT_EQ(Latin1ToUtf8("ascii"), "ascii");
}

TEST(Latin1ToUtf8, EveryByteDecodesToValidUtf8) {
  std::string all;
  for (int byte = 0; byte < 256; ++byte) all.push_back(static_cast<char>(byte));
  EXPECT_EQ(FindInvalidUtf8(Latin1ToUtf8(all)), std::nullopt);
  EXPECT_EQ(FindInvalidUtf8(Windows1252ToUtf8(all)), std::nullopt);
}

TEST(LooksBinary, TextExportsAreNotBinary) {
  EXPECT_FALSE(LooksBinary("Name,Email\r\nAda,\"a\tb\"\n\f"));
  EXPECT_FALSE(LooksBinary("Zoë,渡辺"));
  EXPECT_FALSE(LooksBinary(""));
}

TEST(LooksBinary, ControlBytesMeanBinary) {
  EXPECT_TRUE(LooksBinary("PK\x03\x04"));  // a zip file, e.g. an .xlsx
  EXPECT_TRUE(LooksBinary("a\0b"s));
  EXPECT_TRUE(LooksBinary("del\x7F"));
  EXPECT_TRUE(LooksBinary("\x1B[0m"));
}

TEST(RepairUtf8, KeepsValidTextAndReadsStrayBytesAsWindows1252) {
  EXPECT_EQ(RepairUtf8("Zoë Müller — 渡辺 😀"), "Zoë Müller — 渡辺 😀");
  EXPECT_EQ(RepairUtf8("Jos\xE9 P\xE9rez"), "José Pérez");
  EXPECT_EQ(RepairUtf8("\x93quoted\x94 \xC3\xA9"), "“quoted” é");
  EXPECT_EQ(RepairUtf8("cut \xE2\x82"), "cut â‚");
  EXPECT_EQ(FindInvalidUtf8(RepairUtf8("\xFF\xFE\xED\xA0\x80")), std::nullopt);
}

TEST(RepairUtf8, EveryTextOfACardComesOutValid) {
  ContactFields fields;
  fields.display_name = "Jos\xE9";
  fields.emails = {"a@b.org", "\xE9@b.org"};
  fields.phones = {
      Phone{"+1 555\xA0"
            "0100",
            ""}};
  fields.custom = {CustomField{"Caf\xE9", "cr\xE8me"}};
  fields.vcard_properties = {"NOTE:\xE9t\xE9"};
  RepairUtf8(fields);
  EXPECT_EQ(fields.display_name, "José");
  EXPECT_EQ(fields.emails[1], "é@b.org");
  EXPECT_EQ(fields.phones[0].original, "+1 555\u00A00100");
  EXPECT_EQ(fields.custom[0], (CustomField{"Café", "crème"}));
  EXPECT_EQ(fields.vcard_properties[0], "NOTE:été");
}

TEST(Utf16ToUtf8, DecodesBothByteOrdersAndSurrogatePairs) {
  EXPECT_EQ(Utf16ByteOrder("\xFF\xFE"
                           "A\0"s),
            false);
  EXPECT_EQ(Utf16ByteOrder("\xFE\xFF"
                           "\0A"s),
            true);
  EXPECT_EQ(Utf16ByteOrder("BEGIN"), std::nullopt);
  EXPECT_EQ(Utf16ToUtf8("\xFF\xFE"
                        "A\0\xE9\0"s,
                        false),
            "Aé");
  EXPECT_EQ(Utf16ToUtf8("\xFE\xFF"
                        "\0A\x6E\x21"s,
                        true),
            "A渡");
  EXPECT_EQ(Utf16ToUtf8("\xFF\xFE"
                        "\x3D\xD8\x00\xDE"s,
                        false),
            "😀");
  EXPECT_EQ(Utf16ToUtf8("\xFF\xFE"
                        "\x00\xD8"
                        "A\0"s,
                        false),
            "\uFFFDA");  // a lone surrogate
  EXPECT_EQ(Utf16ToUtf8("\xFF\xFE"
                        "A\0B"s,
                        false),
            "A\uFFFD");  // an odd last byte
}

}  // namespace
}  // namespace kith
