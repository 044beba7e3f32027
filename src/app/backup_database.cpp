#include <filesystem>

#include "app/backup.h"
#include "app/durable_file.h"

namespace kith {

Result<BackupDone> BackupDatabase(Store& store, const std::string& database_path, const std::string& output) {
  if (output.empty()) return Fail(ErrorCode::kInvalidInput, "give the file to back up to", "output");
  std::error_code error;
  if (std::filesystem::equivalent(output, database_path, error)) {
    return Fail(ErrorCode::kInvalidInput, "'" + output + "' is the database itself: back up to another file",
                "output");
  }
  if (std::filesystem::is_directory(output, error)) {
    return Fail(ErrorCode::kInvalidInput, "'" + output + "' is a directory: give the path of a file",
                "output");
  }
  KITH_RETURN_IF_ERROR(WriteFileDurably(output, "output", [&](const std::string& temporary) -> Status {
    auto copied = store.CopyTo(temporary);
    if (!copied) {
      return Fail(ErrorCode::kIo, "cannot write the backup '" + output + "': " + copied.error().message,
                  "output");
    }
    return Ok();
  }));
  BackupDone done{output, std::filesystem::file_size(output, error)};
  return done;
}

Result<std::vector<std::string>> CheckDatabase(Store& store) { return store.CheckIntegrity(); }

}  // namespace kith
