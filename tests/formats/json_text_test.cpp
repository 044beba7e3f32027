#include "formats/json_text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace kith {
namespace {

// What the API wrote for a string before it was written as text: every
// route that switches to AppendJsonString must keep these bytes.
std::string DumpedByNlohmann(const std::string& text) {
  return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string Appended(const std::string& text) {
  std::string out;
  AppendJsonString(out, text);
  return out;
}

TEST(JsonTextTest, WritesTheSameBytesAsNlohmannsDump) {
  const std::vector<std::string> texts = {
      "",
      "Ada Lovelace",
      "Núñez & Søn — 北京 🚀",
      "quote \" backslash \\ slash /",
      "tab\tnew\nline\rfeed\fback\b",
      std::string("nul \0 and \x01\x1f\x7f", 13),
      "bad \xff byte",
      "cut \xe2\x82 short",
      "overlong \xc0\xaf slash",
      "surrogate \xed\xa0\x80 half",
      "past U+10FFFF \xf4\x90\x80\x80",
      "lone continuation \x80 in the middle",
      "ends on a lead byte \xc3",
  };
  for (const auto& text : texts) EXPECT_EQ(Appended(text), DumpedByNlohmann(text)) << text;
}

TEST(JsonTextTest, AppendsToWhatIsAlreadyWritten) {
  std::string out = "[";
  AppendJsonString(out, "a");
  out += ',';
  AppendJsonString(out, "b\"");
  out += ']';
  EXPECT_EQ(out, R"(["a","b\""])");
  EXPECT_EQ(nlohmann::json::parse(out), nlohmann::json::array({"a", "b\""}));
}

TEST(JsonTextTest, BadUtf8AfterEscapesIsWrittenAsTheDumpWritesIt) {
  // The fall-back for bad UTF-8 starts the string again: nothing written
  // before the bad byte may stay behind it.
  std::string out = "[";
  AppendJsonString(out, "tab\t \"quoted\" \xc3\xa9 then \xff");
  out += ']';
  EXPECT_EQ(out, "[" + DumpedByNlohmann("tab\t \"quoted\" \xc3\xa9 then \xff") + "]");
}

TEST(JsonTextTest, EveryTwoByteSequenceMatches) {
  for (int first = 0; first < 256; ++first) {
    for (int second = 0; second < 256; ++second) {
      const std::string text = {static_cast<char>(first), static_cast<char>(second)};
      ASSERT_EQ(Appended(text), DumpedByNlohmann(text)) << first << " " << second;
    }
  }
}

TEST(JsonTextTest, EveryLeadOfALongerSequenceMatchesWithEachSecondByte) {
  // The second byte's allowed range depends on the lead (E0, ED, F0, F4);
  // the bytes after it are continuations, then a byte that is not one.
  for (int lead = 0xC0; lead < 256; ++lead) {
    for (int second = 0x70; second < 0xD0; ++second) {
      for (const std::string& rest : {std::string("\x80"), std::string("\xbf\x80"), std::string("\x80\x41"),
                                      std::string("\x80\x80\x80")}) {
        const std::string text = std::string{static_cast<char>(lead), static_cast<char>(second)} + rest + "a";
        ASSERT_EQ(Appended(text), DumpedByNlohmann(text)) << lead << " " << second << " " << rest.size();
      }
    }
  }
}

TEST(JsonTextTest, EveryByteValueMatchesAlone) {
  for (int c = 0; c < 256; ++c) {
    const std::string text(1, static_cast<char>(c));
    EXPECT_EQ(Appended(text), DumpedByNlohmann(text)) << c;
  }
}

}  // namespace
}  // namespace kith
