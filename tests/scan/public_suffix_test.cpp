#include "scan/public_suffix.h"

#include <gtest/gtest.h>

namespace kith::scan {
namespace {

// The list comes from Debian's publicsuffix package; without it the scanner
// cannot tell a domain from a misread, so this fails rather than skips.
TEST(PublicSuffix, LoadsDebiansList) {
  ASSERT_TRUE(LoadPublicSuffixes()) << LoadPublicSuffixes().error().message;
}

TEST(PublicSuffix, FindsTheLongestRule) {
  EXPECT_EQ(PublicSuffixOf("mail.example.co.uk"), "co.uk");
  EXPECT_EQ(PublicSuffixOf("example.com"), "com");
  EXPECT_EQ(PublicSuffixOf("example.com.au"), "com.au");
  EXPECT_FALSE(PublicSuffixOf("example.cqm"));
}

TEST(PublicSuffix, AppliesWildcardsAndExceptions) {
  // "*.ck" makes every second-level name under ck a suffix; "!www.ck" is the exception.
  EXPECT_EQ(PublicSuffixOf("shop.example.ck"), "example.ck");
  EXPECT_EQ(PublicSuffixOf("www.ck"), "ck");
}

TEST(PublicSuffix, GivesTheRegisteredLabel) {
  EXPECT_EQ(RegisteredLabel("www.example.co.uk"), "example");
  EXPECT_EQ(RegisteredLabel("example.io"), "example");
  EXPECT_FALSE(RegisteredLabel("co.uk"));
  EXPECT_FALSE(RegisteredLabel("example.cqm"));
  EXPECT_TRUE(HasPublicSuffix("example.fi"));
  EXPECT_FALSE(HasPublicSuffix("fi"));
}

}  // namespace
}  // namespace kith::scan
