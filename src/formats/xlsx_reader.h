// The first worksheet of an Excel .xlsx workbook, as rows of text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "domain/result.h"

namespace kith {

// Receives each non-empty row (1-based row number, cells in column order
// with gaps filled by empty strings); an error stops the reader.
using XlsxRowSink = std::function<Status(std::size_t row, std::vector<std::string>&& cells)>;

// The zip bomb bounds (docs/reliability.md, "Limits"). The defaults hold
// any real workbook: a million-row export inflates to about 2 GB, and
// Excel's XML compresses about 10:1 and repetitive cells about 300:1, while
// a bomb nears deflate's 1000:1.
struct XlsxLimits {
  std::uint64_t max_inflated_bytes = std::uint64_t{4} << 30;  // every part read, together
  std::uint64_t max_compression_ratio = 500;                  // of one part, once past its first MiB
};

// Shared and inline strings, numbers as written (no "1.0E+3" surprises:
// integers print without a decimal point), booleans as TRUE/FALSE, and cells
// whose number format is a date as ISO dates (YYYY-MM-DD). kParseError when
// `path` is not a zip ("… is not an .xlsx file (not a zip archive)"), has no
// worksheet, or its XML is malformed, and when it passes `limits` ("… inflates
// to more than 4 GiB …", "… xl/worksheets/sheet1.xml inflates more than 500
// times its compressed size: a zip bomb …"); kIo when it cannot be read.
Status ReadXlsxRows(const std::string& path, const XlsxRowSink& sink, const XlsxLimits& limits = {});

}  // namespace kith
