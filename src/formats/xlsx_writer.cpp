#include "formats/xlsx_writer.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "domain/date.h"
#include "domain/utf8.h"
#include "formats/libxlsxwriter_library.h"
#include "formats/text_encoding.h"

namespace kith {
namespace {

// Excel's grid and cell limits.
constexpr std::size_t kMaxRows = LXW_ROW_MAX;  // 1,048,576, the header included
constexpr std::size_t kMaxColumns = LXW_COL_MAX;
constexpr std::size_t kMaxCellCharacters = 32767;  // UTF-16 code units, as Excel counts
// Column widths come from the header and this many rows: constant-memory
// mode writes rows as they come, and widths must be set before the first.
constexpr std::size_t kWidthSampleRows = 1000;
constexpr double kMinWidth = 8;
constexpr double kMaxWidth = 60;

struct WorkbookDeleter {
  void operator()(lxw_workbook* workbook) const { lxw_workbook_free(workbook); }
};
using WorkbookHandle = std::unique_ptr<lxw_workbook, WorkbookDeleter>;

std::string ColumnName(std::size_t column) {
  std::string name;
  ++column;
  while (column > 0) {
    name.insert(name.begin(), static_cast<char>('A' + (column - 1) % 26));
    column = (column - 1) / 26;
  }
  return name;
}

std::size_t Utf16Length(std::string_view text) {
  std::size_t units = 0;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte & 0xC0) != 0x80) ++units;  // a lead byte starts a character
    if ((byte & 0xF8) == 0xF0) ++units;  // four-byte characters are surrogate pairs
  }
  return units;
}

// The widest line of a cell, in characters.
std::size_t DisplayWidth(std::string_view text) {
  std::size_t widest = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    widest = std::max(widest, static_cast<std::size_t>(CharacterCount(text.substr(start, end - start))));
    start = end + 1;
  }
  return widest;
}

// OOXML reads "_xHHHH_" in a string as an escaped character; text that
// happens to hold one has its underscore escaped (_x005F_) so it reads back
// as written. libxlsxwriter escapes control characters itself.
std::string EscapeUnderscores(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool escape = text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_' &&
                        std::all_of(text.begin() + static_cast<std::ptrdiff_t>(i) + 2,
                                    text.begin() + static_cast<std::ptrdiff_t>(i) + 6,
                                    [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
    out += escape ? std::string_view("_x005F_") : text.substr(i, 1);
  }
  return out;
}

// A date Excel can show: YYYY-MM-DD from 1900 on (Excel has no earlier dates).
std::optional<Date> ExcelDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-') return std::nullopt;
  Result<Date> date = ParseIsoDate(text);
  if (!date || date->year < 1900) return std::nullopt;
  return *date;
}

Status CheckWritable(const std::string& path) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    return Fail(ErrorCode::kIo, "cannot write '" + path + "': it is a directory");
  }
  std::filesystem::path directory = std::filesystem::path(path).parent_path();
  if (directory.empty()) directory = ".";
  if (::access(directory.c_str(), W_OK) != 0) {
    return Fail(ErrorCode::kIo, "cannot write '" + path + "': " + std::strerror(errno));
  }
  return Ok();
}

class SheetWriter {
 public:
  SheetWriter(lxw_worksheet* worksheet, lxw_format* header_format, lxw_format* date_format,
              const std::vector<std::string>& header)
      : worksheet_(worksheet), header_format_(header_format), date_format_(date_format), header_(header) {}

  Status SetColumnWidths(const std::vector<std::vector<std::string>>& sample) {
    std::vector<std::size_t> widths(header_.size(), 0);
    // The header's filter button takes about two characters.
    for (std::size_t column = 0; column < header_.size(); ++column)
      widths[column] = DisplayWidth(header_[column]) + 2;
    for (const auto& row : sample) {
      if (row.size() > widths.size()) widths.resize(std::min(row.size(), kMaxColumns), 0);
      for (std::size_t column = 0; column < widths.size() && column < row.size(); ++column) {
        widths[column] = std::max(widths[column], DisplayWidth(row[column]));
      }
    }
    for (std::size_t column = 0; column < widths.size(); ++column) {
      const double width = std::clamp(static_cast<double>(widths[column]) + 1, kMinWidth, kMaxWidth);
      const auto index = static_cast<lxw_col_t>(column);
      KITH_RETURN_IF_ERROR(Check(worksheet_set_column(worksheet_, index, index, width, nullptr)));
    }
    return Ok();
  }

  Status WriteHeader() {
    if (header_.empty()) return Ok();
    worksheet_freeze_panes(worksheet_, 1, 0);
    return WriteRow(header_, header_format_);
  }

  Status WriteRow(const std::vector<std::string>& cells, lxw_format* format = nullptr) {
    if (next_row_ >= kMaxRows) {
      return Fail(
          ErrorCode::kInvalidInput,
          "Excel sheets hold at most 1,048,576 rows (the header and 1,048,575 more); this table has more — "
          "narrow it down or export CSV instead");
    }
    if (cells.size() > kMaxColumns) {
      return Fail(ErrorCode::kInvalidInput, "Excel sheets hold at most 16,384 columns; row " +
                                                std::to_string(next_row_ + 1) + " has " +
                                                std::to_string(cells.size()));
    }
    for (std::size_t column = 0; column < cells.size(); ++column) {
      KITH_RETURN_IF_ERROR(WriteCell(column, cells[column], format));
    }
    ++next_row_;
    return Ok();
  }

  Status AddAutofilter() {
    if (header_.empty()) return Ok();
    return Check(worksheet_autofilter(worksheet_, 0, 0, static_cast<lxw_row_t>(next_row_ - 1),
                                      static_cast<lxw_col_t>(std::min(header_.size(), kMaxColumns) - 1)));
  }

 private:
  Status WriteCell(std::size_t column, const std::string& value, lxw_format* format) {
    if (value.empty()) return Ok();
    const auto row = static_cast<lxw_row_t>(next_row_);
    const auto col = static_cast<lxw_col_t>(column);
    if (format == nullptr) {
      if (const std::optional<Date> date = ExcelDate(value)) {
        lxw_datetime datetime{
            .year = date->year, .month = date->month, .day = date->day, .hour = 0, .min = 0, .sec = 0};
        return Check(worksheet_write_datetime(worksheet_, row, col, &datetime, date_format_));
      }
    }
    if (FindInvalidUtf8(value) || value.find('\0') != std::string::npos) {
      return Fail(ErrorCode::kInvalidInput, Where(column) + " is not valid UTF-8 text");
    }
    if (Utf16Length(value) > kMaxCellCharacters) {
      return Fail(ErrorCode::kInvalidInput, Where(column) + " holds " + std::to_string(Utf16Length(value)) +
                                                " characters; an Excel cell holds at most 32,767");
    }
    const std::string escaped = value.find("_x") == std::string::npos ? value : EscapeUnderscores(value);
    return Check(worksheet_write_string(worksheet_, row, col, escaped.c_str(), format));
  }

  [[nodiscard]] std::string Where(std::size_t column) const {
    std::string where = "row " + std::to_string(next_row_ + 1) + ", column " + ColumnName(column);
    if (column < header_.size() && next_row_ > 0) where += " (" + header_[column] + ")";
    return where;
  }

  static Status Check(lxw_error error) {
    if (error == LXW_NO_ERROR) return Ok();
    return Fail(ErrorCode::kIo, std::string("cannot write the workbook: ") + lxw_strerror(error));
  }

  lxw_worksheet* worksheet_;
  lxw_format* header_format_;
  lxw_format* date_format_;
  const std::vector<std::string>& header_;
  std::size_t next_row_ = 0;  // 0-based; the header is row 0
};

}  // namespace

Status WriteXlsx(const std::string& path, const std::string& sheet, const std::vector<std::string>& header,
                 const XlsxRowSource& next_row) {
  if (header.size() > kMaxColumns) {
    return Fail(ErrorCode::kInvalidInput,
                "Excel sheets hold at most 16,384 columns; this table has " + std::to_string(header.size()));
  }
  // Before any row is generated: libxlsxwriter only creates the file when
  // the workbook is closed.
  KITH_RETURN_IF_ERROR(CheckWritable(path));
  KITH_RETURN_IF_ERROR(LoadLibxlsxwriter());
  // The source runs once, so the rows that size the columns are kept and
  // written after them.
  std::vector<std::vector<std::string>> sample;
  std::vector<std::string> cells;
  bool more = true;
  while (sample.size() < kWidthSampleRows && (more = next_row(cells))) {
    sample.push_back(std::move(cells));
    cells.clear();
  }

  lxw_workbook_options options{.constant_memory = LXW_TRUE, .tmpdir = nullptr, .use_zip64 = LXW_FALSE};
  WorkbookHandle workbook(workbook_new_opt(path.c_str(), &options));
  if (!workbook)
    return Fail(ErrorCode::kIo, "cannot write '" + path + "': the workbook could not be created");
  const char* sheet_name = sheet.empty() ? nullptr : sheet.c_str();
  if (sheet_name != nullptr) {
    const lxw_error error = workbook_validate_sheet_name(workbook.get(), sheet_name);
    if (error != LXW_NO_ERROR) {
      return Fail(ErrorCode::kInvalidInput,
                  "'" + sheet + "' cannot name an Excel sheet: " + lxw_strerror(error));
    }
  }
  lxw_worksheet* worksheet = workbook_add_worksheet(workbook.get(), sheet_name);
  lxw_format* header_format = workbook_add_format(workbook.get());
  lxw_format* date_format = workbook_add_format(workbook.get());
  if (worksheet == nullptr || header_format == nullptr || date_format == nullptr) {
    // In constant-memory mode the sheet's rows go to a temporary file.
    return Fail(ErrorCode::kIo,
                "cannot write '" + path + "': no temporary file for the sheet (check TMPDIR)");
  }
  format_set_bold(header_format);
  format_set_num_format(date_format, "yyyy-mm-dd");

  SheetWriter writer(worksheet, header_format, date_format, header);
  KITH_RETURN_IF_ERROR(writer.SetColumnWidths(sample));
  KITH_RETURN_IF_ERROR(writer.WriteHeader());
  for (const auto& row : sample) KITH_RETURN_IF_ERROR(writer.WriteRow(row));
  sample.clear();
  sample.shrink_to_fit();
  while (more && next_row(cells)) {
    KITH_RETURN_IF_ERROR(writer.WriteRow(cells));
    cells.clear();
  }
  KITH_RETURN_IF_ERROR(writer.AddAutofilter());

  // workbook_close frees the workbook whether or not it succeeds.
  const lxw_error error = workbook_close(workbook.release());
  if (error != LXW_NO_ERROR)
    return Fail(ErrorCode::kIo, "cannot write '" + path + "': " + lxw_strerror(error));
  return Ok();
}

}  // namespace kith
