#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <fstream>

#include "store/store.h"
#include "support/temp_database.h"

namespace kith {
namespace {

TEST(OpenSqliteStore, CreatesANewDatabaseAtTheCurrentVersion) {
  testing::TempDirectory directory;
  const std::string path = (directory.path() / "new.db").string();
  auto store = OpenSqliteStore(path);
  ASSERT_TRUE(store) << store.error().message;
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &handle), SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(handle, "PRAGMA user_version", -1, &statement, nullptr);
  ASSERT_EQ(sqlite3_step(statement), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(statement, 0), CurrentSchemaVersion());
  sqlite3_finalize(statement);
  sqlite3_prepare_v2(handle, "PRAGMA journal_mode", -1, &statement, nullptr);
  ASSERT_EQ(sqlite3_step(statement), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)), "wal");
  sqlite3_finalize(statement);
  sqlite3_close(handle);
}

TEST(OpenSqliteStore, RefusesADirectory) {
  testing::TempDirectory directory;
  auto store = OpenSqliteStore(directory.path().string());
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::kIo);
  EXPECT_NE(store.error().message.find("is a directory"), std::string::npos);
}

TEST(OpenSqliteStore, RefusesAFileThatIsNotADatabase) {
  testing::TempDirectory directory;
  const auto path = directory.path() / "notes.txt";
  std::ofstream(path) << "this is not a database, just some text that is long enough\n";
  auto store = OpenSqliteStore(path.string());
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::kIo);
}

TEST(OpenSqliteStore, RefusesAnSqliteFileThatIsNotKith) {
  testing::TempDirectory directory;
  const std::string path = (directory.path() / "other.db").string();
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &handle), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(handle, "CREATE TABLE songs(title)", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(handle);
  auto store = OpenSqliteStore(path);
  ASSERT_FALSE(store);
  EXPECT_NE(store.error().message.find("not a kith database"), std::string::npos);
}

TEST(OpenSqliteStore, RefusesADatabaseFromANewerKith) {
  testing::TempDirectory directory;
  const std::string path = (directory.path() / "future.db").string();
  ASSERT_TRUE(OpenSqliteStore(path));
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &handle), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(handle, "PRAGMA user_version = 99", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(handle);
  auto store = OpenSqliteStore(path);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::kConflict);
  EXPECT_NE(store.error().message.find("newer kith (schema version 99"), std::string::npos);
}

TEST(OpenSqliteStore, ReadOnlyIntentOnMissingFileIsNotFound) {
  testing::TempDirectory directory;
  auto store = OpenSqliteStore((directory.path() / "missing.db").string(), OpenIntent::kReadOnly);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::kNotFound);
}

TEST(OpenSqliteStore, ReadOnlyStoreReadsButRefusesWrites) {
  testing::TempDirectory directory;
  const std::string path = (directory.path() / "kith.db").string();
  {
    auto store = OpenSqliteStore(path);
    ASSERT_TRUE(store);
    ContactFields fields;
    fields.display_name = "Ada Okafor";
    ASSERT_TRUE((*store)->InsertContact(fields, "u", "t"));
  }
  auto store = OpenSqliteStore(path, OpenIntent::kReadOnly);
  ASSERT_TRUE(store) << store.error().message;
  EXPECT_EQ((*store)->ListContacts(ListQuery{})->size(), 1U);
  auto transaction = (*store)->Begin();
  ASSERT_FALSE(transaction);
  EXPECT_NE(transaction.error().message.find("read-only"), std::string::npos);
}

}  // namespace
}  // namespace kith
