// Files kith writes for people to keep (exports, backups, drafts, images):
// written whole or not at all, and on the disk before kith says they are.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace kith {

// Fills a temporary file beside `path` through `fill` (which writes to the
// path it is given), flushes it to the disk (fsync), renames it over `path`
// and flushes the directory. A crash, a full disk or an I/O error therefore
// leaves either the file that was there before or the whole new one, never a
// part. `fill`'s own error is returned as it is; a failure to write, flush or
// rename is kIo naming `path` and the reason ("No space left on device"),
// with `field` as the error's field. The temporary file never outlives a
// failure.
[[nodiscard]] Status WriteFileDurably(const std::string& path, std::string_view field,
                                      const std::function<Status(const std::string& temporary)>& fill);

// The same for bytes already in memory.
[[nodiscard]] Status WriteFileDurably(const std::string& path, std::string_view field,
                                      std::string_view content);

// Flushes everything written under `directory` to the disk, then the directory
// itself: one call after writing many files, cheaper than one fsync each.
// kIo naming the directory when the disk refuses.
[[nodiscard]] Status SyncDirectoryTree(const std::string& directory, std::string_view field);

}  // namespace kith
