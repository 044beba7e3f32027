// The widest tier's conditions, each as the card and the notes tables are
// asked it.
#include "store/sqlite/notes_tier.h"

#include <gtest/gtest.h>

namespace kith::sqlite {
namespace {

std::string Side(const std::optional<std::string>& side) { return side ? *side : "(none)"; }

TEST(NotesTierConditions, AWordIsAskedOfBothTables) {
  const auto conditions = SplitNotesTierConditions("\"coffee\"");
  ASSERT_EQ(conditions.size(), 1U);
  EXPECT_EQ(Side(conditions[0].cards), "\"coffee\"");
  EXPECT_EQ(Side(conditions[0].notes), "\"coffee\"");
}

TEST(NotesTierConditions, EachWordIsItsOwnCondition) {
  const auto conditions = SplitNotesTierConditions("\"acme\"* AND (\"coffee\" OR \"cofee\")");
  ASSERT_EQ(conditions.size(), 2U);
  EXPECT_EQ(Side(conditions[0].notes), "\"acme\"*");
  EXPECT_EQ(Side(conditions[1].cards), "(\"coffee\" OR \"cofee\")");
  EXPECT_EQ(Side(conditions[1].notes), "(\"coffee\" OR \"cofee\")");
}

TEST(NotesTierConditions, ANoteFilterIsAskedOfTheNotesAlone) {
  const auto conditions = SplitNotesTierConditions("{company} : \"acme\" AND {note} : \"coffee\"*");
  ASSERT_EQ(conditions.size(), 2U);
  EXPECT_EQ(Side(conditions[0].cards), "{company} : \"acme\"");
  EXPECT_EQ(Side(conditions[0].notes), "(none)");
  EXPECT_EQ(Side(conditions[1].cards), "(none)");
  EXPECT_EQ(Side(conditions[1].notes), "\"coffee\"*");
}

TEST(NotesTierConditions, AFilterOfCardColumnsAndNotesIsSplit) {
  const auto conditions = SplitNotesTierConditions("{name title note} : \"ada\"");
  ASSERT_EQ(conditions.size(), 1U);
  EXPECT_EQ(Side(conditions[0].cards), "{name title} : \"ada\"");
  EXPECT_EQ(Side(conditions[0].notes), "\"ada\"");
}

TEST(NotesTierConditions, AndInsideAStringOrGroupDoesNotSplit) {
  const auto conditions = SplitNotesTierConditions("\"salt AND pepper\" AND (\"a\" AND \"b\")");
  ASSERT_EQ(conditions.size(), 2U);
  EXPECT_EQ(Side(conditions[0].cards), "\"salt AND pepper\"");
  EXPECT_EQ(Side(conditions[1].cards), "(\"a\" AND \"b\")");
}

}  // namespace
}  // namespace kith::sqlite
