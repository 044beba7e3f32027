#include "search/query.h"

#include <gtest/gtest.h>

#include "support/temp_database.h"

namespace kith {
namespace {

TEST(ParseQuery, FoldsFreeWordsLikeTheIndex) {
  testing::TestWorld world;
  const ParsedQuery query = ParseQuery("  José NÚÑEZ ", world.store());
  EXPECT_EQ(query.terms, (std::vector<std::string>{"jose", "nunez"}));
  EXPECT_TRUE(query.filters.empty());
}

TEST(ParseQuery, KnownFieldsBecomeFilters) {
  testing::TestWorld world;
  const ParsedQuery query = ParseQuery("ada company:acme tag:Mentor city:chicago", world.store());
  EXPECT_EQ(query.terms, std::vector<std::string>{"ada"});
  ASSERT_EQ(query.filters.size(), 3U);
  EXPECT_EQ(query.filters[0].column, "company");
  EXPECT_EQ(query.filters[1].column, "tag");
  EXPECT_EQ(query.filters[1].terms, std::vector<std::string>{"mentor"});
  EXPECT_EQ(query.filters[2].column, "place");
}

TEST(ParseQuery, QuotesKeepSeveralWordsInOneFilter) {
  testing::TestWorld world;
  const ParsedQuery query = ParseQuery("company:\"Kite Labs\"", world.store());
  ASSERT_EQ(query.filters.size(), 1U);
  EXPECT_EQ(query.filters[0].terms, (std::vector<std::string>{"kite", "labs"}));
}

TEST(ParseQuery, UnknownFieldIsPlainText) {
  testing::TestWorld world;
  const ParsedQuery query = ParseQuery("https://x.com/ada", world.store());
  EXPECT_TRUE(query.filters.empty());
  EXPECT_EQ(query.terms, (std::vector<std::string>{"https", "x", "com", "ada"}));
}

TEST(FilterColumn, MapsSynonyms) {
  EXPECT_EQ(FilterColumn("org"), "company");
  EXPECT_EQ(FilterColumn("Neighbourhood"), "place");
  EXPECT_EQ(FilterColumn("event"), "met");
  EXPECT_EQ(FilterColumn("shoe-size"), "");
}

}  // namespace
}  // namespace kith
