// Opening a file to import: what it is (from its bytes, not its name) and
// whether its text is UTF-8. Internal to app/.
#pragma once

#include <cstdint>
#include <istream>
#include <memory>
#include <string>

#include "app/transfer.h"
#include "domain/result.h"

namespace kith {

// The largest file kith imports: a million people's kith JSON backup is
// about 1 GB; a file far past that is a mistake (a disk image, a log), read
// for minutes before any error could say so.
inline constexpr std::uintmax_t kMaxImportBytes = std::uintmax_t{4} << 30;  // 4 GiB

struct ImportSource {
  ImportFormat format = ImportFormat::kAuto;  // never kAuto once opened
  std::unique_ptr<std::istream> text;         // null for xlsx (read by path)
};

// kIo when the file cannot be read; kInvalidInput when it is larger than
// kMaxImportBytes; kParseError when it is empty, binary,
// not UTF-8 (naming the line and, when it decodes as Windows-1252, saying to
// run again with --encoding windows-1252), or not in a format kith reads.
Result<ImportSource> OpenImportSource(const ImportRequest& request);

}  // namespace kith
