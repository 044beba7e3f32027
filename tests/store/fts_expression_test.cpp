// The FTS5 expressions search/ builds, as PostgreSQL tsqueries over the
// "column:term" lexemes of the PostgreSQL search index.
#include "store/postgres/fts_expression.h"

#include <gtest/gtest.h>

namespace kith::postgres {
namespace {

// Each quoted phrase is one term, as search/ quotes single terms.
std::vector<std::string> OneTerm(std::string_view text) {
  if (text.empty()) return {};
  return {std::string(text)};
}

std::string Translated(std::string_view expression, SearchTable table = SearchTable::kNames) {
  auto query = ToTsQuery(expression, table, OneTerm);
  EXPECT_TRUE(query) << query.error().message;
  return query ? *query : "";
}

TEST(FtsExpression, ATermAndAPrefixInTheNames) {
  EXPECT_EQ(Translated("\"ada\""), "'name:ada'");
  EXPECT_EQ(Translated("\"oka\"*"), "'name:oka':*");
}

TEST(FtsExpression, AndOrAndGroups) {
  EXPECT_EQ(Translated("\"ada\" AND (\"oka\"* OR \"okafor\")"),
            "('name:ada' & ('name:oka':* | 'name:okafor'))");
  EXPECT_EQ(Translated("(\"ada\"* \"lovelace\"*)"), "('name:ada':* & 'name:lovelace':*)")
      << "words side by side must all match";
}

TEST(FtsExpression, AWordInATableIsInAnyOfItsColumns) {
  const std::string cards = Translated("\"acme\"", SearchTable::kCards);
  EXPECT_EQ(cards.front(), '(');
  EXPECT_NE(cards.find("'company:acme'"), std::string::npos);
  EXPECT_NE(cards.find("'other:acme'"), std::string::npos);
  EXPECT_EQ(cards.find("'note:acme'"), std::string::npos) << "notes are only in the widest table";
  EXPECT_NE(Translated("\"acme\"", SearchTable::kEverything).find("'note:acme'"), std::string::npos);
}

TEST(FtsExpression, ColumnFiltersNarrowWhatFollows) {
  EXPECT_EQ(Translated("{company} : \"acme\"*", SearchTable::kCards), "'company:acme':*");
  EXPECT_EQ(Translated("{name title} : (\"ada\" OR \"cto\")", SearchTable::kCards),
            "(('name:ada' | 'title:ada') | ('name:cto' | 'title:cto'))");
  EXPECT_EQ(Translated("{note} : \"sourdough\"", SearchTable::kCards), "'-'")
      << "a column the table does not hold matches nothing";
}

TEST(FtsExpression, QuotesInTermsAreEscaped) {
  EXPECT_EQ(Translated("\"o'neil\""), "'name:o''neil'");
  EXPECT_EQ(Translated("\"say \"\"hi\"\"\""), "'name:say \"hi\"'");
  EXPECT_EQ(Translated("\"back\\slash\""), "'name:back\\\\slash'");
}

TEST(FtsExpression, WhatSearchNeverBuildsIsRefused) {
  for (const std::string_view bad :
       {"\"ada", "(\"ada\"", "{company \"acme\"", "{salary} : \"1\"", "\"ada\" )"}) {
    const auto query = ToTsQuery(bad, SearchTable::kCards, OneTerm);
    ASSERT_FALSE(query) << bad;
    EXPECT_EQ(query.error().code, ErrorCode::kInternal);
  }
}

// What search/ asks the names for one word: as typed, as a prefix, with
// its corrections or its completions. Each form is one of the word's rows
// in name_terms (search_index.cpp).
std::vector<std::string> Described(std::string_view expression) {
  const auto forms = OneWordForms(expression, OneTerm);
  if (!forms) return {"not one word"};
  std::vector<std::string> described;
  for (const NameKey& form : *forms) described.push_back(form.term + (form.whole ? "" : "*"));
  return described;
}

TEST(OneWordForms, AWordAsTypedAsAPrefixAndWithItsCorrections) {
  EXPECT_EQ(Described("\"john\""), std::vector<std::string>{"john"});
  EXPECT_EQ(Described("\"jo\"*"), std::vector<std::string>{"jo*"});
  EXPECT_EQ(Described("(\"jonh\"* OR \"john\" OR \"jon\")"),
            (std::vector<std::string>{"jonh*", "john", "jon"}));
  EXPECT_EQ(Described("(\"bartholomew\" OR \"bartholomeus\")"),
            (std::vector<std::string>{"bartholomew", "bartholomeus"}));
  EXPECT_EQ(Described("\"say \"\"hi\"\"\""), std::vector<std::string>{"say \"hi\""}) << "quotes doubled";
}

TEST(OneWordForms, TheTermsAreFoldedAsTheIndexFoldsThem) {
  const auto forms =
      OneWordForms("\"Núñez\"*", [](std::string_view) { return std::vector<std::string>{"nunez"}; });
  ASSERT_TRUE(forms);
  ASSERT_EQ(forms->size(), 1U);
  EXPECT_EQ(forms->front().term, "nunez");
  EXPECT_FALSE(forms->front().whole);
}

TEST(OneWordForms, AnythingElseIsLeftToTheTsquery) {
  for (const std::string_view other :
       {"\"ada\" AND \"oka\"*", "\"ada\" \"lovelace\"", "(\"ada\"* \"lovelace\"*)", "{name} : \"ada\"",
        "(\"ada\" OR \"oka\") \"x\"", "ada", "\"ada", "(\"ada\" OR \"oka\"", "", "\"\""}) {
    EXPECT_EQ(Described(other), std::vector<std::string>{"not one word"}) << other;
  }
  const auto phrase = OneWordForms("\"o'brien\"", [](std::string_view) {
    return std::vector<std::string>{"o", "brien"};
  });
  EXPECT_FALSE(phrase) << "a quoted phrase of two terms is two words";
}

}  // namespace
}  // namespace kith::postgres
