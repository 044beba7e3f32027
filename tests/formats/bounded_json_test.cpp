#include "formats/bounded_json.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace kith {
namespace {

using ::testing::HasSubstr;

std::string Nested(int depth) {
  return std::string(static_cast<std::size_t>(depth), '[') +
         std::string(static_cast<std::size_t>(depth), ']');
}

TEST(BoundedJson, ReadsNestingUpToTheLimit) {
  const auto parsed = ParseBoundedJson(Nested(kMaxJsonDepth));
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_TRUE(parsed->is_array());
}

TEST(BoundedJson, RefusesNestingPastTheLimit) {
  const auto parsed = ParseBoundedJson(R"({"contacts": )" + Nested(kMaxJsonDepth) + "}");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().code, ErrorCode::kParseError);
  EXPECT_EQ(parsed.error().message, "the JSON nests deeper than 64 levels");
}

TEST(BoundedJson, RefusesAMillionOpeningBracketsWithoutExhaustingTheStack) {
  std::istringstream in(std::string(1'000'000, '['));
  const auto parsed = ParseBoundedJson(in);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().message, "the JSON nests deeper than 64 levels");
}

TEST(BoundedJson, SaysWhereMalformedJsonGoesWrong) {
  std::istringstream in("{\"name\": \"Ada\",\n \"emails\": [tru]}");
  const auto parsed = ParseBoundedJson(in);
  ASSERT_FALSE(parsed);
  EXPECT_THAT(parsed.error().message,
              HasSubstr("malformed JSON: parse error at line 2, column 16: syntax error"));
}

// Found by fuzz/kith_json_fuzzer (fuzz/corpus/kith_json/crash-number-overflow):
// nlohmann reports this as out_of_range, not as a parse error, and `kith
// import` of such a backup ended in std::terminate.
TEST(BoundedJson, RefusesANumberPastADoublesRange) {
  std::istringstream in(R"({"contacts": [{"name": 1e32026}]})");
  const auto parsed = ParseBoundedJson(in);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().code, ErrorCode::kParseError);
  EXPECT_EQ(parsed.error().message, "malformed JSON: number overflow parsing '1e32026'");
}

}  // namespace
}  // namespace kith
