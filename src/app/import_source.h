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
  std::unique_ptr<std::istream> text;         // null for xlsx (read by path), always UTF-8
  // Set when the file was not UTF-8 and kith chose its encoding: where the
  // first such byte is, and what it was read as.
  std::string notice;
};

// UTF-16 with a byte order mark is decoded. A file that is not UTF-8 and
// has no --encoding is read as Windows-1252 (or Latin-1 when it has bytes
// Windows-1252 leaves undefined), with a notice. kIo when the file cannot be
// read; kInvalidInput when it is larger than kMaxImportBytes; kParseError when it is empty, binary, not UTF-8
// in a strict import (naming the line and the encoding to run again with), or not in a format kith reads.
Result<ImportSource> OpenImportSource(const ImportRequest& request);

}  // namespace kith
