// A bulk write leaves one segment of its search index per flush of FTS5's
// buffer, and a search reads a term from every segment: the segments are
// counted from FTS5's own record, and those written since a point are
// merged into one without changing what a search finds.
#include "store/sqlite/fts5_segments.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/temp_database.h"

namespace kith::sqlite {
namespace {

class Fts5SegmentsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Database::Open((directory_.path() / "segments.db").string(), OpenMode::kReadWrite);
    ASSERT_TRUE(opened) << opened.error().message;
    database_ = std::move(*opened);
    // Shaped as search_cards is; merging off, as during a bulk.
    ASSERT_TRUE(database_->Execute(
        "CREATE VIRTUAL TABLE words USING fts5(name, company, content='', columnsize=0, detail=column, "
        "prefix='1 2 3 4', tokenize='unicode61 remove_diacritics 2');"
        "INSERT INTO words(words, rank) VALUES('automerge', 0);"));
  }

  // `count` rows from `first` on, in one transaction: one segment.
  void WriteSegment(int first, int count) {
    std::string sql = "BEGIN;";
    for (int row = first; row < first + count; ++row) {
      const std::string n = std::to_string(row);
      sql += "INSERT INTO words(rowid, name, company) VALUES(" + n + ", 'ada" + n + " okafor', 'acme " +
             (row % 3 == 0 ? "chicago" : "berlin") + "');";
    }
    ASSERT_TRUE(database_->Execute(sql + "COMMIT;"));
  }

  std::vector<std::int64_t> Found(const std::string& query) {
    std::vector<std::int64_t> rowids;
    auto select = database_->Prepare("SELECT rowid FROM words WHERE words MATCH ?1 ORDER BY rowid");
    EXPECT_TRUE(select);
    if (!select) return rowids;
    select->Bind(1, query);
    while (true) {
      auto row = select->Step();
      EXPECT_TRUE(row);
      if (!row || !*row) break;
      rowids.push_back(select->Int(0));
    }
    return rowids;
  }

  Fts5Segments Segments() {
    auto segments = ReadFts5Segments(*database_, "words");
    EXPECT_TRUE(segments) << segments.error().message;
    return segments ? *segments : Fts5Segments{};
  }

  testing::TempDirectory directory_;
  std::unique_ptr<Database> database_;
};

TEST_F(Fts5SegmentsTest, AnEmptyIndexHasNoSegments) {
  const Fts5Segments segments = Segments();
  EXPECT_EQ(segments.count, 0);
  EXPECT_EQ(segments.pages, 0);
}

TEST_F(Fts5SegmentsTest, EachCommittedWriteAddsASegmentWithItsPages) {
  WriteSegment(1, 400);
  const Fts5Segments one = Segments();
  EXPECT_EQ(one.count, 1);
  EXPECT_GE(one.pages, 1);
  WriteSegment(401, 400);
  WriteSegment(801, 400);
  const Fts5Segments three = Segments();
  EXPECT_EQ(three.count, 3);
  EXPECT_GT(three.pages, one.pages);
}

TEST_F(Fts5SegmentsTest, TheSegmentsWrittenSinceAreMergedIntoOneFindingTheSame) {
  const Fts5Segments before = Segments();
  for (int segment = 0; segment < 6; ++segment) WriteSegment(1 + segment * 500, 500);
  ASSERT_EQ(Segments().count, 6);
  const auto chicago = Found("chicago");
  const auto prefix = Found("ada1*");
  const auto both = Found("okafor AND company:berlin");
  ASSERT_TRUE(MergeSegmentsWrittenSince(*database_, "words", before));
  EXPECT_EQ(Segments().count, 1);
  EXPECT_EQ(Found("chicago"), chicago);
  EXPECT_EQ(chicago.size(), 1000U);
  EXPECT_EQ(Found("ada1*"), prefix);
  EXPECT_EQ(Found("okafor AND company:berlin"), both);
  // The merge lent no option to the writes after it.
  auto usermerge = database_->Prepare("SELECT v FROM words_config WHERE k = 'usermerge'");
  ASSERT_TRUE(usermerge);
  auto row = usermerge->Step();
  ASSERT_TRUE(row && *row);
  EXPECT_EQ(usermerge->Int(0), 4);
}

TEST_F(Fts5SegmentsTest, ASingleNewSegmentIsLeftAsWritten) {
  WriteSegment(1, 500);
  const Fts5Segments before = Segments();
  WriteSegment(501, 500);
  const Fts5Segments written = Segments();
  ASSERT_TRUE(MergeSegmentsWrittenSince(*database_, "words", before));
  const Fts5Segments after = Segments();
  EXPECT_EQ(after.count, 2);
  EXPECT_EQ(after.pages, written.pages);
}

// A structure record in a form kith does not know (a later SQLite's): the
// reader says so, and the merge, an optimisation, does nothing rather than
// fail the write. A plain table stands in for the FTS5 table whose %_data
// holds it: a merge command run against it would fail.
TEST_F(Fts5SegmentsTest, ARecordKithCannotReadIsReportedAndNothingIsMerged) {
  ASSERT_TRUE(
      database_->Execute("CREATE TABLE later(x); CREATE TABLE later_data(id INTEGER PRIMARY KEY, block BLOB);"
                         "INSERT INTO later_data VALUES(10, x'0000000102ff');"));
  const auto read = ReadFts5Segments(*database_, "later");
  ASSERT_FALSE(read);
  EXPECT_NE(read.error().message.find("later"), std::string::npos) << read.error().message;
  EXPECT_TRUE(MergeSegmentsWrittenSince(*database_, "later", Fts5Segments{}));
}

}  // namespace
}  // namespace kith::sqlite
