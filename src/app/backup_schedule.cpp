#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>

#include "app/backup.h"
#include "domain/quiet_thread.h"

namespace kith {
namespace {

namespace fs = std::filesystem;

// "kith" for /home/ada/kith.db: backups are <stem>-YYYYMMDD-HHMMSS.db.
std::string StemOf(const std::string& database_path) { return fs::path(database_path).stem().string(); }

// Whether `name` is one of this database's timestamped backups, the only
// files the rotation ever deletes.
bool IsRotatedBackup(const std::string& name, const std::string& stem) {
  constexpr std::string_view kPattern = "-00000000-000000.db";
  if (name.size() != stem.size() + kPattern.size() || !name.starts_with(stem)) return false;
  for (std::size_t i = 0; i < kPattern.size(); ++i) {
    const char wanted = kPattern[i];
    const char found = name[stem.size() + i];
    const bool digit = std::isdigit(static_cast<unsigned char>(found)) != 0;
    if (wanted == '0' ? !digit : found != wanted) return false;
  }
  return true;
}

// This database's backups in `directory`, oldest first (the names sort by time).
std::vector<fs::path> RotatedBackups(const std::string& directory, const std::string& stem) {
  std::vector<fs::path> backups;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(directory, error)) {
    if (entry.is_regular_file(error) && IsRotatedBackup(entry.path().filename().string(), stem)) {
      backups.push_back(entry.path());
    }
  }
  std::sort(backups.begin(), backups.end());
  return backups;
}

// 2026-12-05T03:15:00Z -> 20261205-031500.
std::string FileTimestamp(const std::string& iso) {
  std::string digits;
  for (const char c : iso) {
    if (std::isdigit(static_cast<unsigned char>(c)) != 0) digits += c;
  }
  digits.resize(14, '0');
  return digits.substr(0, 8) + "-" + digits.substr(8, 6);
}

}  // namespace

std::optional<std::chrono::seconds> ParseBackupInterval(std::string_view text) {
  if (text.size() < 2) return std::nullopt;
  std::int64_t count = 0;
  const auto* end = text.data() + text.size() - 1;
  const auto [stop, error] = std::from_chars(text.data(), end, count);
  if (error != std::errc() || stop != end || count < 1) return std::nullopt;
  constexpr std::int64_t kMaxDays = 3660;  // ten years: beyond that a number is a typo
  std::int64_t unit = 0;
  switch (text.back()) {
    case 's':
      unit = 1;
      break;
    case 'm':
      unit = 60;
      break;
    case 'h':
      unit = 3600;
      break;
    case 'd':
      unit = 86400;
      break;
    default:
      return std::nullopt;
  }
  if (count > kMaxDays * 86400 / unit) return std::nullopt;
  return std::chrono::seconds(count * unit);
}

Result<std::unique_ptr<BackupSchedule>> BackupSchedule::Start(BackupScheduleOptions options,
                                                              const Clock& clock, BackupReport report) {
  if (IsPostgresLocation(options.database_path)) {
    return Fail(
        ErrorCode::kInvalidInput,
        "scheduled backups copy an SQLite file; back a PostgreSQL database up with pg_dump (docs/team.md)",
        "backup-every");
  }
  if (options.keep < 1) return Fail(ErrorCode::kInvalidInput, "keep at least 1 backup", "keep");
  if (options.every < std::chrono::seconds(1)) {
    return Fail(ErrorCode::kInvalidInput, "back up at most once a second", "backup-every");
  }
  if (options.directory.empty()) {
    const auto parent = fs::path(options.database_path).parent_path();
    options.directory = parent.empty() ? "." : parent.string();
  }
  std::error_code error;
  fs::create_directories(options.directory, error);
  if (error || !fs::is_directory(options.directory)) {
    return Fail(ErrorCode::kIo, "cannot use '" + options.directory + "' for backups: " + error.message(),
                "backup-dir");
  }
  // Restarting serve does not take a backup the rotation already has.
  std::chrono::seconds first_wait{0};
  const auto existing = RotatedBackups(options.directory, StemOf(options.database_path));
  if (!existing.empty()) {
    const auto written = fs::last_write_time(existing.back(), error);
    if (!error) {
      const auto age =
          std::chrono::duration_cast<std::chrono::seconds>(fs::file_time_type::clock::now() - written);
      if (age < options.every) first_wait = options.every - age;
    }
  }
  auto schedule =
      std::unique_ptr<BackupSchedule>(new BackupSchedule(std::move(options), clock, std::move(report)));
  schedule->thread_ = StartThreadWithoutSignals([raw = schedule.get(), first_wait] { raw->Run(first_wait); });
  return schedule;
}

BackupSchedule::~BackupSchedule() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void BackupSchedule::Run(std::chrono::seconds first_wait) {
  std::unique_lock lock(mutex_);
  auto wait = first_wait;
  while (!wake_.wait_for(lock, wait, [this] { return stopping_; })) {
    lock.unlock();
    BackUpOnce();
    lock.lock();
    wait = options_.every;
  }
}

void BackupSchedule::BackUpOnce() {
  const std::string stem = StemOf(options_.database_path);
  const std::string output =
      (fs::path(options_.directory) / (stem + "-" + FileTimestamp(clock_.NowTimestamp()) + ".db")).string();
  // Its own connection: the server's are busy serving, and SQLite's backup
  // reads a snapshot without holding their writes up.
  auto store = OpenSqliteStore(options_.database_path);
  Result<BackupDone> done = store ? BackupDatabase(**store, options_.database_path, output)
                                  : Result<BackupDone>(tl::unexpected(store.error()));
  if (done) {
    auto backups = RotatedBackups(options_.directory, stem);
    const auto keep = static_cast<std::size_t>(options_.keep);
    for (std::size_t i = 0; backups.size() > keep && i < backups.size() - keep; ++i) {
      std::error_code ignored;
      fs::remove(backups[i], ignored);
    }
  }
  report_(done);
}

}  // namespace kith
