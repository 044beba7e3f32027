// Backups of the database itself: a copy taken while `kith serve` writes,
// the rotation serve keeps, and the check that tells a sound file from a
// damaged one.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "domain/clock.h"
#include "domain/result.h"
#include "store/store.h"

namespace kith {

struct BackupDone {
  std::string path;          // where the copy is
  std::uintmax_t bytes = 0;  // its size
};

// Copies the database behind `store` (which lives at `database_path`) to
// `output` as it stands at one moment, while other connections go on writing;
// the copy is a kith database of its own (`kith --db OUTPUT list`). It goes
// to a temporary file, flushed to the disk, then renamed over `output`, so a
// crash or a full disk never leaves half a backup. Errors: kInvalidInput when
// `output` is the database itself; kIo naming `output` and the reason when it
// cannot be written (nothing is left behind, the database is untouched).
[[nodiscard]] Result<BackupDone> BackupDatabase(Store& store, const std::string& database_path,
                                                const std::string& output);

// What is wrong with the database, each a sentence (integrity, foreign keys,
// search index); empty when it is sound. kIo when it cannot be checked.
[[nodiscard]] Result<std::vector<std::string>> CheckDatabase(Store& store);

// "90s", "30m", "24h", "7d": a whole number of seconds, minutes, hours or
// days, at least one second. nullopt for anything else.
[[nodiscard]] std::optional<std::chrono::seconds> ParseBackupInterval(std::string_view text);

struct BackupScheduleOptions {
  std::string database_path;
  std::string directory;  // empty: beside the database
  std::chrono::seconds every{std::chrono::hours(24)};
  int keep = 7;  // how many of the newest backups to keep
};

// Called from the schedule's thread after each backup, with where it went or
// why it failed.
using BackupReport = std::function<void(const Result<BackupDone>&)>;

// Backs the database up every `every`, into files named by the time they
// were taken (kith-20261205-031500.db for kith.db), keeping the newest
// `keep` and deleting older ones of that name. The first backup is taken at
// once unless the newest one is younger than `every`. Runs on its own thread
// with its own connection until destroyed (which waits for a backup in
// progress to finish).
class BackupSchedule {
 public:
  // kInvalidInput when `keep` < 1 or `every` < 1 s; kIo when the directory
  // cannot be created.
  [[nodiscard]] static Result<std::unique_ptr<BackupSchedule>> Start(BackupScheduleOptions options,
                                                                     const Clock& clock, BackupReport report);
  BackupSchedule(const BackupSchedule&) = delete;
  BackupSchedule& operator=(const BackupSchedule&) = delete;
  BackupSchedule(BackupSchedule&&) = delete;
  BackupSchedule& operator=(BackupSchedule&&) = delete;
  ~BackupSchedule();

 private:
  BackupSchedule(BackupScheduleOptions options, const Clock& clock, BackupReport report)
      : options_(std::move(options)), clock_(clock), report_(std::move(report)) {}
  void Run(std::chrono::seconds first_wait);
  void BackUpOnce();

  BackupScheduleOptions options_;
  const Clock& clock_;
  BackupReport report_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace kith
