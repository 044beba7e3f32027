// The first worksheet of an Excel .xlsx workbook, as rows of text.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "domain/result.h"

namespace kith {

// Receives each non-empty row (1-based row number, cells in column order
// with gaps filled by empty strings); an error stops the reader.
using XlsxRowSink = std::function<Status(std::size_t row, std::vector<std::string>&& cells)>;

// Shared and inline strings, numbers as written (no "1.0E+3" surprises:
// integers print without a decimal point), booleans as TRUE/FALSE, and cells
// whose number format is a date as ISO dates (YYYY-MM-DD). kParseError when
// `path` is not a zip ("… is not an .xlsx file (not a zip archive)"), has no
// worksheet, or its XML is malformed; kIo when it cannot be read.
Status ReadXlsxRows(const std::string& path, const XlsxRowSink& sink);

}  // namespace kith
