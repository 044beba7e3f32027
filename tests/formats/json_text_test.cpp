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

TEST(JsonTextTest, EveryByteValueMatchesAlone) {
  for (int c = 0; c < 256; ++c) {
    const std::string text(1, static_cast<char>(c));
    EXPECT_EQ(Appended(text), DumpedByNlohmann(text)) << c;
  }
}

}  // namespace
}  // namespace kith
