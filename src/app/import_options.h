// An import as the faces take it: the text typed in flags (`kith import`)
// or sent in a form (POST /import), turned into one ImportRequest by one
// set of rules, so both faces accept and refuse the same things.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "app/transfer.h"
#include "domain/result.h"

namespace kith {

struct ImportOptions {
  std::string path;
  std::string format;             // "" or "auto": read from the content
  std::string event;              // everyone in the file was met there
  std::string encoding;           // "": UTF-8, with advice if not
  std::vector<std::string> maps;  // "Column Name=field" (empty lines are skipped)
  bool dry_run = false;
  bool strict = false;  // one bad value refuses the whole file
};

// kInvalidInput naming "format", "encoding" or "map" for a value that is
// none of those ImportRequest knows.
Result<ImportRequest> ImportRequestFrom(const ImportOptions& options);

// "Column Name=field" overrides: kInvalidInput naming "map" for a line
// without a column before its '='.
Result<std::vector<std::pair<std::string, std::string>>> ParseColumnMaps(
    const std::vector<std::string>& lines);

}  // namespace kith
