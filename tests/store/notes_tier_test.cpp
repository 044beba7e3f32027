// The widest tier asks search_cards for each word in the fields or in the
// marked notes.
#include "store/sqlite/notes_tier.h"

#include <gtest/gtest.h>

namespace kith::sqlite {
namespace {

const std::string kMark(kNoteMark);

// A vocabulary that completes nothing, so prefixes stay as they are.
Result<std::vector<std::string>> NoCompletions(std::string_view /*prefix*/, int /*limit*/) {
  return std::vector<std::string>{};
}

// No text is a term as the index keeps it, so nothing is asked as a term
// instead of a prefix either.
bool NoIndexTerms(std::string_view /*text*/) { return false; }

std::string Question(std::string_view expression, PrefixLengths indexed = PrefixLengthsUpTo(4),
                     const CompletionLookup& completions = NoCompletions,
                     const IndexTermCheck& is_index_term = NoIndexTerms) {
  auto question = NotesTierExpression(expression, indexed, completions, is_index_term);
  EXPECT_TRUE(question) << question.error().message;
  return question ? *question : "";
}

TEST(NotesTier, NotesAreStoredAsMarkedTerms) {
  EXPECT_EQ(MarkedNoteTerms({"met", "over", "coffee"}), kMark + "met " + kMark + "over " + kMark + "coffee");
  EXPECT_EQ(MarkedNoteTerms({}), "");
}

TEST(NotesTier, NoFieldHoldsTheMarkOfItsOwn) {
  EXPECT_EQ(WithoutNoteMark("ab" + kMark + "cd " + kMark), "ab cd  ");
  EXPECT_EQ(WithoutNoteMark("plain"), "plain");
}

TEST(NotesTier, AWordMatchesTheFieldsOrTheNotes) {
  EXPECT_EQ(Question("\"coffee\""), "(\"coffee\" OR \"" + kMark + "coffee\")");
  EXPECT_EQ(Question("\"acme\" AND \"coffee\"*"),
            "(\"acme\" OR \"" + kMark + "acme\") AND (\"coffee\"* OR \"" + kMark + "coffee\"*)");
}

TEST(NotesTier, FiltersAskTheirColumnsOnly) {
  EXPECT_EQ(Question("{company} : \"acme\" AND {note} : \"coffee\""),
            "{company} : \"acme\" AND \"" + kMark + "coffee\"");
  EXPECT_EQ(Question("{name title note} : \"ada\""), "({name title} : \"ada\" OR \"" + kMark + "ada\")");
}

TEST(NotesTier, AMarkedPrefixIsOneCharacterLonger) {
  // With prefix indexes up to four characters a note prefix of three letters
  // is indexed, one of four is asked as its completions.
  const CompletionLookup coffee = [](std::string_view prefix, int) -> Result<std::vector<std::string>> {
    if (std::string_view("coffee").starts_with(prefix)) return std::vector<std::string>{"coffee"};
    return std::vector<std::string>{};
  };
  EXPECT_EQ(Question("\"cof\"*", PrefixLengthsUpTo(4), coffee), "(\"cof\"* OR \"" + kMark + "cof\"*)");
  EXPECT_EQ(Question("\"coff\"*", PrefixLengthsUpTo(4), coffee), "(\"coff\"* OR (\"" + kMark + "coffee\"))");
  EXPECT_EQ(Question("\"coffe\"*", PrefixLengthsUpTo(4), coffee),
            "((\"coffee\") OR (\"" + kMark + "coffee\"))");
}

TEST(NotesTier, AnIndexTermNothingCompletesIsAskedAsItselfOnBothSides) {
  // The fields and the notes both ask the term, the notes' marked.
  const auto every_text_is_a_term = [](std::string_view) { return true; };
  EXPECT_EQ(Question("\"coffx\"*", PrefixLengthsUpTo(4), NoCompletions, every_text_is_a_term),
            "(\"coffx\" OR \"" + kMark + "coffx\")");
  EXPECT_EQ(Question("\"cof\"*", PrefixLengthsUpTo(4), NoCompletions, every_text_is_a_term),
            "(\"cof\"* OR \"" + kMark + "cof\"*)")
      << "an indexed prefix length is asked of its prefix index";
}

TEST(NotesTier, QuotesAndAndInsideStringsSurvive) {
  EXPECT_EQ(Question("\"o\"\"neil\" AND (\"a\" OR \"b\")"), "(\"o\"\"neil\" OR \"" + kMark +
                                                                "o\"\"neil\") AND ((\"a\" OR \"b\") OR (\"" +
                                                                kMark + "a\" OR \"" + kMark + "b\"))");
  EXPECT_EQ(Question("\"salt AND pepper\""), "(\"salt AND pepper\" OR \"" + kMark + "salt AND pepper\")");
}

}  // namespace
}  // namespace kith::sqlite
