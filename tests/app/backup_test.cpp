#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "app/backup.h"
#include "app/contacts.h"
#include "app/durable_file.h"
#include "support/temp_database.h"

namespace kith {
namespace {

using std::chrono::seconds;

void AddPerson(Context& context, const std::string& name) {
  ContactFields fields;
  fields.display_name = name;
  ASSERT_TRUE(AddContact(context, fields));
}

// A backup copies the SQLite file (and `kith serve --backup-every` copies
// it on a schedule): SQLite only. A PostgreSQL database is backed up with
// pg_dump, and a backup there says so.
TEST(BackupDatabase, CopyIsASoundDatabaseWithEveryone) {
  testing::TestWorld world;
  AddPerson(world.context(), "Ada Okafor");
  AddPerson(world.context(), "Bo Chen");
  testing::TempDirectory directory;
  const std::string output = (directory.path() / "copy.db").string();
  auto done = BackupDatabase(world.store(), world.database_path(), output);
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_EQ(done->path, output);
  EXPECT_GT(done->bytes, 0U);
  EXPECT_FALSE(std::filesystem::exists(output + ".partial"));
  auto copy = OpenSqliteStore(output);
  ASSERT_TRUE(copy) << copy.error().message;
  EXPECT_EQ((*copy)->CountContacts(ListQuery{}).value(), 2);
  EXPECT_TRUE(CheckDatabase(**copy)->empty());
}

TEST(BackupDatabase, RefusesToOverwriteTheDatabaseItself) {
  testing::TestWorld world;
  auto done = BackupDatabase(world.store(), world.database_path(), world.database_path());
  ASSERT_FALSE(done);
  EXPECT_EQ(done.error().code, ErrorCode::kInvalidInput);
}

TEST(BackupDatabase, AnUnwritablePlaceIsAnIoErrorNamingIt) {
  testing::TestWorld world;
  const std::string output = "/nonexistent-directory/copy.db";
  auto done = BackupDatabase(world.store(), world.database_path(), output);
  ASSERT_FALSE(done);
  EXPECT_EQ(done.error().code, ErrorCode::kIo);
  EXPECT_NE(done.error().message.find(output), std::string::npos) << done.error().message;
}

TEST(BackupDatabase, OfAPostgresDatabasePointsToPgDumpAndWritesNothing) {
  testing::TestWorld world(testing::StoreKind::kPostgres);
  testing::TempDirectory directory;
  const std::string output = (directory.path() / "copy.db").string();
  auto done = BackupDatabase(world.store(), "postgresql:///kith", output);
  ASSERT_FALSE(done);
  EXPECT_NE(done.error().message.find("pg_dump"), std::string::npos) << done.error().message;
  EXPECT_FALSE(std::filesystem::exists(output));
  EXPECT_FALSE(std::filesystem::exists(output + ".partial"));
}

class CheckDatabaseTest : public ::testing::TestWithParam<testing::StoreKind> {};
KITH_ON_BOTH_STORES(CheckDatabaseTest);

TEST_P(CheckDatabaseTest, ASoundDatabaseHasNoProblems) {
  testing::TestWorld world{GetParam()};
  AddPerson(world.context(), "Ada Okafor");
  auto problems = CheckDatabase(world.store());
  ASSERT_TRUE(problems);
  EXPECT_TRUE(problems->empty());
}

TEST(ParseBackupInterval, ReadsSecondsMinutesHoursDays) {
  EXPECT_EQ(ParseBackupInterval("90s"), seconds(90));
  EXPECT_EQ(ParseBackupInterval("30m"), seconds(1800));
  EXPECT_EQ(ParseBackupInterval("24h"), seconds(86400));
  EXPECT_EQ(ParseBackupInterval("7d"), seconds(7 * 86400));
}

TEST(ParseBackupInterval, RefusesWhatIsNotADuration) {
  for (const char* text : {"", "h", "24", "0h", "-1h", "1.5h", "24x", "1 h", "99999999d"}) {
    EXPECT_FALSE(ParseBackupInterval(text)) << text;
  }
}

TEST(WriteFileDurably, ReplacesTheFileWholeAndLeavesNoTemporary) {
  testing::TempDirectory directory;
  const std::string path = (directory.path() / "note.txt").string();
  std::ofstream(path) << "old";
  ASSERT_TRUE(WriteFileDurably(path, "file", std::string_view("new content")));
  std::ifstream in(path);
  const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(content, "new content");
  EXPECT_FALSE(std::filesystem::exists(path + ".partial"));
}

TEST(WriteFileDurably, AFailedFillKeepsTheOldFile) {
  testing::TempDirectory directory;
  const std::string path = (directory.path() / "note.txt").string();
  std::ofstream(path) << "old";
  auto written = WriteFileDurably(path, "file", [](const std::string& temporary) -> Status {
    std::ofstream(temporary) << "half of";
    return Fail(ErrorCode::kIo, "the disk is full", "file");
  });
  ASSERT_FALSE(written);
  EXPECT_EQ(written.error().message, "the disk is full");
  std::ifstream in(path);
  const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(content, "old");
  EXPECT_FALSE(std::filesystem::exists(path + ".partial"));
}

class BackupScheduleTest : public ::testing::Test {
 protected:
  // Waits (at most 20 s) until `count` backups were reported.
  bool WaitForReports(std::size_t count) {
    for (int i = 0; i < 200; ++i) {
      {
        const std::lock_guard lock(mutex_);
        if (reports_.size() >= count) return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
  }
  BackupReport Recorder() {
    return [this](const Result<BackupDone>& done) {
      const std::lock_guard lock(mutex_);
      reports_.push_back(done ? done->path : "error: " + done.error().message);
    };
  }

  testing::TestWorld world_;
  testing::TempDirectory backups_;
  SystemClock clock_;
  std::mutex mutex_;
  std::vector<std::string> reports_;
};

TEST_F(BackupScheduleTest, BacksUpAtOnceThenEveryIntervalKeepingTheNewest) {
  AddPerson(world_.context(), "Ada Okafor");
  {
    auto schedule = BackupSchedule::Start({world_.database_path(), backups_.path().string(), seconds(1), 2},
                                          clock_, Recorder());
    ASSERT_TRUE(schedule) << schedule.error().message;
    ASSERT_TRUE(WaitForReports(4));
  }
  for (const auto& report : reports_) EXPECT_EQ(report.rfind("error", 0), std::string::npos) << report;
  std::vector<std::string> kept;
  for (const auto& entry : std::filesystem::directory_iterator(backups_.path())) {
    kept.push_back(entry.path().filename().string());
  }
  ASSERT_EQ(kept.size(), 2U);
  for (const auto& name : kept) {
    EXPECT_TRUE(name.starts_with("kith-") && name.ends_with(".db")) << name;
    auto copy = OpenSqliteStore((backups_.path() / name).string());
    ASSERT_TRUE(copy);
    EXPECT_EQ((*copy)->CountContacts(ListQuery{}).value(), 1);
  }
}

TEST_F(BackupScheduleTest, LeavesOtherFilesInTheDirectoryAlone) {
  std::ofstream(backups_.path() / "kith-notes.db") << "mine";
  std::ofstream(backups_.path() / "kith-20200101-000000.db.txt") << "mine too";
  {
    auto schedule = BackupSchedule::Start({world_.database_path(), backups_.path().string(), seconds(1), 1},
                                          clock_, Recorder());
    ASSERT_TRUE(schedule);
    ASSERT_TRUE(WaitForReports(2));
  }
  EXPECT_TRUE(std::filesystem::exists(backups_.path() / "kith-notes.db"));
  EXPECT_TRUE(std::filesystem::exists(backups_.path() / "kith-20200101-000000.db.txt"));
}

TEST_F(BackupScheduleTest, RefusesKeepingNothing) {
  auto schedule = BackupSchedule::Start({world_.database_path(), backups_.path().string(), seconds(60), 0},
                                        clock_, Recorder());
  ASSERT_FALSE(schedule);
  EXPECT_EQ(schedule.error().code, ErrorCode::kInvalidInput);
}

}  // namespace
}  // namespace kith
