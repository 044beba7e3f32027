// The connection's statement cache: a statement in use is never handed to a
// second user, and a statement handed back starts clean.
#include <gtest/gtest.h>

#include <vector>

#include "store/sqlite/database.h"
#include "support/temp_database.h"

namespace kith::sqlite {
namespace {

constexpr const char* kNumbers = "SELECT n FROM numbers ORDER BY n";

class StatementCache : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Database::Open((directory_.path() / "cache.db").string(), OpenMode::kReadWrite);
    ASSERT_TRUE(opened) << opened.error().message;
    database_ = std::move(*opened);
    ASSERT_TRUE(
        database_->Execute("CREATE TABLE numbers(n INTEGER); INSERT INTO numbers VALUES (1), (2), (3);"));
  }

  // Every row of kNumbers, read through its own statement.
  std::vector<std::int64_t> AllNumbers() {
    std::vector<std::int64_t> numbers;
    auto select = database_->Prepare(kNumbers);
    EXPECT_TRUE(select) << select.error().message;
    if (!select) return numbers;
    // Bounded, so a statement reset under the loop fails the test instead of hanging it.
    for (int guard = 0; guard < 10; ++guard) {
      auto row = select->Step();
      EXPECT_TRUE(row) << row.error().message;
      if (!row || !*row) break;
      numbers.push_back(select->Int(0));
    }
    return numbers;
  }

  testing::TempDirectory directory_;
  std::unique_ptr<Database> database_;
};

TEST_F(StatementCache, TwoNestedUsesOfTheSameSqlBothIterateCorrectly) {
  auto outer = database_->Prepare(kNumbers);
  ASSERT_TRUE(outer) << outer.error().message;
  std::vector<std::int64_t> seen;
  for (int guard = 0; guard < 10; ++guard) {
    auto row = outer->Step();
    ASSERT_TRUE(row) << row.error().message;
    if (!*row) break;
    seen.push_back(outer->Int(0));
    // The inner query runs the same SQL to its end while the outer is mid-way.
    EXPECT_EQ(AllNumbers(), (std::vector<std::int64_t>{1, 2, 3}));
  }
  EXPECT_EQ(seen, (std::vector<std::int64_t>{1, 2, 3}));
}

TEST_F(StatementCache, AStatementHandedBackStartsWithoutTheOldBindings) {
  {
    auto select = database_->Prepare("SELECT ?1");
    ASSERT_TRUE(select);
    select->Bind(1, 42);
    auto row = select->Step();
    ASSERT_TRUE(row && *row);
    EXPECT_EQ(select->Int(0), 42);
    // Left mid-query: the next user must not see this run or its binding.
  }
  auto again = database_->Prepare("SELECT ?1");
  ASSERT_TRUE(again);
  auto row = again->Step();
  ASSERT_TRUE(row && *row);
  EXPECT_TRUE(again->IsNull(0));
}

TEST_F(StatementCache, AStatementOutlivingAnotherOfTheSameSqlLeavesTheCacheUsable) {
  {
    auto first = database_->Prepare(kNumbers);
    ASSERT_TRUE(first);
    auto second = database_->Prepare(kNumbers);
    ASSERT_TRUE(second);
    ASSERT_TRUE(first->Step());
    // The first ends while the second is still held, then the second ends.
  }
  EXPECT_EQ(AllNumbers(), (std::vector<std::int64_t>{1, 2, 3}));
  EXPECT_EQ(AllNumbers(), (std::vector<std::int64_t>{1, 2, 3}));
}

}  // namespace
}  // namespace kith::sqlite
