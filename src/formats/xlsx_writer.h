// A table to an Excel .xlsx workbook (libxlsxwriter).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "domain/result.h"

namespace kith {

// Fills `cells` with the next row and returns true, or returns false at the end.
using XlsxRowSource = std::function<bool(std::vector<std::string>& cells)>;

// One sheet named `sheet`: a bold header row, frozen; an autofilter over the
// columns; column widths fitted to the content (within sensible bounds).
// Cells that hold an ISO date (YYYY-MM-DD) are written as Excel dates.
// kIo when the file cannot be written.
Status WriteXlsx(const std::string& path, const std::string& sheet, const std::vector<std::string>& header,
                 const XlsxRowSource& next_row);

}  // namespace kith
