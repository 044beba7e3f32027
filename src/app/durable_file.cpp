#include "app/durable_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace kith {
namespace {

Error CannotWrite(const std::string& path, std::string_view field, int error_number) {
  return Error{ErrorCode::kIo, "cannot write '" + path + "': " + std::strerror(error_number),
               std::string(field)};
}

// The directory a file lives in, "." for a bare name.
std::string DirectoryOf(const std::string& path) {
  const auto parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? std::string(".") : parent.string();
}

// fsync of the file or directory at `path`; on failure the errno.
int SyncPath(const std::string& path, int flags) {
  const int descriptor = open(path.c_str(), flags | O_CLOEXEC);  // NOLINT(cppcoreguidelines-pro-type-vararg)
  if (descriptor < 0) return errno;
  const int synced = fsync(descriptor);
  const int sync_error = errno;
  close(descriptor);
  return synced == 0 ? 0 : sync_error;
}

}  // namespace

Status WriteFileDurably(const std::string& path, std::string_view field,
                        const std::function<Status(const std::string& temporary)>& fill) {
  const std::string temporary = path + ".partial";
  const auto discard = [&temporary] {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
  };
  if (auto filled = fill(temporary); !filled) {
    discard();
    return filled;
  }
  // Written is not yet on the disk: without the fsync a power cut after the
  // rename could leave an empty file under the old name.
  if (const int error_number = SyncPath(temporary, O_RDONLY); error_number != 0) {
    discard();
    return tl::unexpected(CannotWrite(path, field, error_number));
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    const int error_number = errno;
    discard();
    return tl::unexpected(CannotWrite(path, field, error_number));
  }
  // The rename itself lives in the directory, which needs its own flush.
  if (const int error_number = SyncPath(DirectoryOf(path), O_RDONLY | O_DIRECTORY); error_number != 0) {
    return tl::unexpected(CannotWrite(path, field, error_number));
  }
  return Ok();
}

Status WriteFileDurably(const std::string& path, std::string_view field, std::string_view content) {
  return WriteFileDurably(path, field, [&](const std::string& temporary) -> Status {
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    if (!file) return tl::unexpected(CannotWrite(path, field, errno));
    file.write(content.data(), static_cast<std::streamsize>(content.size()));
    file.close();
    if (!file) return tl::unexpected(CannotWrite(path, field, errno));
    return Ok();
  });
}

Status SyncDirectoryTree(const std::string& directory, std::string_view field) {
  const int descriptor = open(
      directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);  // NOLINT(cppcoreguidelines-pro-type-vararg)
  if (descriptor < 0) return tl::unexpected(CannotWrite(directory, field, errno));
  // syncfs flushes the whole file system the directory is on: one call for
  // thousands of files, where an fsync each would take minutes.
  const bool synced = syncfs(descriptor) == 0 && fsync(descriptor) == 0;
  const int error_number = errno;
  close(descriptor);
  if (!synced) return tl::unexpected(CannotWrite(directory, field, error_number));
  return Ok();
}

}  // namespace kith
