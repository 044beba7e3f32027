#include "scan/word_lists.h"

#include <gtest/gtest.h>

namespace kith::scan {
namespace {

// The lists are binary-searched: a word out of order would silently vanish.
TEST(WordLists, FindWordsFromEveryPartOfEachList) {
  EXPECT_TRUE(IsCompanySuffix("ab"));
  EXPECT_TRUE(IsCompanySuffix("gmbh"));
  EXPECT_TRUE(IsCompanySuffix("ug"));
  EXPECT_TRUE(IsCompanyWord("agency"));
  EXPECT_TRUE(IsCompanyWord("works"));
  EXPECT_TRUE(IsTitleWord("accountant"));
  EXPECT_TRUE(IsTitleWord("geschaftsfuhrer"));
  EXPECT_TRUE(IsTitleWord("writer"));
  EXPECT_TRUE(IsGivenName("aaliyah"));
  EXPECT_TRUE(IsGivenName("zoe"));
  EXPECT_EQ(AccentedFamilyName("alvarez"), "Álvarez");
  EXPECT_EQ(AccentedFamilyName("weiss"), "Weiß");
  EXPECT_EQ(AccentedFamilyName("smith"), "");
}

}  // namespace
}  // namespace kith::scan
