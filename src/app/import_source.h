// Opening a file to import: what it is (from its bytes, not its name) and
// whether its text is UTF-8. Internal to app/.
#pragma once

#include <istream>
#include <memory>
#include <string>

#include "app/transfer.h"
#include "domain/result.h"

namespace kith {

struct ImportSource {
  ImportFormat format = ImportFormat::kAuto;  // never kAuto once opened
  std::unique_ptr<std::istream> text;         // null for xlsx (read by path)
};

// kIo when the file cannot be read; kParseError when it is empty, binary,
// not UTF-8 (naming the line and, when it decodes as Windows-1252, saying to
// run again with --encoding windows-1252), or not in a format kith reads.
Result<ImportSource> OpenImportSource(const ImportRequest& request);

}  // namespace kith
