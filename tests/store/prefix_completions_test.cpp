// A prefix the table has no prefix index for is asked as its completions.
#include "store/sqlite/prefix_completions.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

namespace kith::sqlite {
namespace {

constexpr PrefixLengths kUpToThree = PrefixLengthsUpTo(3);

// A vocabulary of `terms`, answering as SqliteStore::VocabularyWithPrefix
// does, and counting the questions it was asked.
class Vocabulary {
 public:
  explicit Vocabulary(std::vector<std::string> terms) : terms_(std::move(terms)) {}

  CompletionLookup Lookup() {
    return [this](std::string_view prefix, int limit) -> Result<std::vector<std::string>> {
      ++asked_;
      std::vector<std::string> found;
      for (const auto& term : terms_) {
        if (term.starts_with(prefix) && static_cast<int>(found.size()) < limit) found.push_back(term);
      }
      return found;
    };
  }
  [[nodiscard]] int asked() const { return asked_; }

 private:
  std::vector<std::string> terms_;
  int asked_ = 0;
};

// A term as the index keeps it, for these tests: lowercase ASCII letters
// and digits only (the tokenizer folds case and splits on the rest).
bool IsFoldedWord(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  });
}

std::string Expanded(std::string_view expression, Vocabulary& vocabulary,
                     PrefixLengths indexed = kUpToThree) {
  auto expanded = ExpandUnindexedPrefixes(expression, indexed, vocabulary.Lookup(), IsFoldedWord);
  EXPECT_TRUE(expanded) << expanded.error().message;
  return expanded ? *expanded : "";
}

TEST(PrefixCompletions, AnIndexedLengthStaysAPrefix) {
  Vocabulary vocabulary({"okafor", "okapi"});
  EXPECT_EQ(Expanded("\"oka\"*", vocabulary), "\"oka\"*");
  EXPECT_EQ(vocabulary.asked(), 0);
}

TEST(PrefixCompletions, ALongerPrefixBecomesItsCompletions) {
  Vocabulary vocabulary({"okafor", "okaforada77", "okapi"});
  EXPECT_EQ(Expanded("\"okaf\"*", vocabulary), "(\"okafor\" OR \"okaforada77\")");
  EXPECT_EQ(Expanded("\"okafor\"*", vocabulary, PrefixLengthsUpTo(6)), "\"okafor\"*");
}

TEST(PrefixCompletions, OnlyPrefixesChangeAndTheirPlaceIsKept) {
  Vocabulary vocabulary({"acme", "acmecorp", "chicago"});
  EXPECT_EQ(Expanded("{company} : \"acme\"* AND \"chic\"* AND \"ada\"", vocabulary),
            "{company} : (\"acme\" OR \"acmecorp\") AND (\"chicago\") AND \"ada\"");
  EXPECT_EQ(Expanded("(\"acme\"* OR \"acm\"* OR \"zed\")", vocabulary),
            "((\"acme\" OR \"acmecorp\") OR \"acm\"* OR \"zed\")");
}

TEST(PrefixCompletions, TooManyCompletionsLeaveThePrefixToFts5) {
  std::vector<std::string> terms;
  for (int i = 0; i <= kMostPrefixCompletions; ++i) terms.push_back("user" + std::to_string(i));
  Vocabulary vocabulary(terms);
  EXPECT_EQ(Expanded("\"user\"*", vocabulary), "\"user\"*");
  terms.pop_back();
  Vocabulary just_enough(terms);
  EXPECT_NE(Expanded("\"user\"*", just_enough).find(" OR \"user63\")"), std::string::npos);
}

TEST(PrefixCompletions, WhatTheVocabularyCannotCompleteStaysAPrefix) {
  Vocabulary vocabulary({"15551234", "okafor"});
  // Numbers are not in the vocabulary, nor terms under three characters.
  EXPECT_EQ(Expanded("\"1555\"*", vocabulary), "\"1555\"*");
  EXPECT_EQ(Expanded("\"ok\"*", vocabulary, PrefixLengths{0}), "\"ok\"*");
  // Nor text the tokenizer would fold or split first: FTS5 folds it and may
  // find what the vocabulary, asked for the text as it is, did not.
  EXPECT_EQ(Expanded("\"OKAF\"*", vocabulary), "\"OKAF\"*");
  EXPECT_EQ(Expanded("\"o kaf\"*", vocabulary), "\"o kaf\"*");
}

TEST(PrefixCompletions, AnIndexTermNothingCompletesIsAskedAsItself) {
  Vocabulary vocabulary({"okafor", "zzzz"});
  // No term of the index starts with it, so it finds nobody either way;
  // as a term FTS5 finds that out with one seek a segment.
  EXPECT_EQ(Expanded("\"okafz\"*", vocabulary), "\"okafz\"");
  EXPECT_EQ(Expanded("(\"okafz\"* OR \"okafor\")", vocabulary), "(\"okafz\" OR \"okafor\")");
  EXPECT_EQ(Expanded("\"zzzz\"*", vocabulary), "(\"zzzz\")") << "a term completes to itself";
}

TEST(PrefixCompletions, LengthIsCountedInCharacters) {
  Vocabulary vocabulary({"núñez", "núñezz"});
  // Three characters, five bytes: the index of length three has it.
  EXPECT_EQ(Expanded("\"núñ\"*", vocabulary), "\"núñ\"*");
  EXPECT_EQ(Expanded("\"núñe\"*", vocabulary), "(\"núñez\" OR \"núñezz\")");
}

TEST(PrefixCompletions, QuotesInsideTermsSurvive) {
  Vocabulary vocabulary({"o\"neil", "o\"neill"});
  EXPECT_EQ(Expanded("\"o\"\"nei\"*", vocabulary), "(\"o\"\"neil\" OR \"o\"\"neill\")");
  EXPECT_EQ(Expanded("\"say \"\"hi\"\"\"", vocabulary), "\"say \"\"hi\"\"\"");
}

TEST(PrefixCompletions, AnUnterminatedStringIsLeftForFts5) {
  Vocabulary vocabulary({"okafor"});
  EXPECT_EQ(Expanded("\"okaf", vocabulary), "\"okaf");
}

}  // namespace
}  // namespace kith::sqlite
