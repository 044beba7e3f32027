// LoadLibxlsxwriter and the libxlsxwriter functions xlsx_writer.cpp calls,
// forwarded to the library opened on first use (libxlsxwriter_library.h).
// A function the writer starts to call must be added here too: the link
// fails until it is.
#include "formats/libxlsxwriter_library.h"

#include <xlsxwriter.h>

#include <string>

#include "domain/shared_library.h"

namespace kith {
namespace {

const SharedLibrary& Libxlsxwriter() {
  static const SharedLibrary library = OpenSharedLibrary(KITH_LIBXLSXWRITER_SONAME);
  return library;
}

// The library's function of `Function`'s type (kith's own definition below,
// which only lends its type), looked up once.
template <auto Function>
auto Real(const char* name) {
  // POSIX gives a function's address from dlsym as a data pointer.
  static const auto real =
      reinterpret_cast<decltype(Function)>(  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
          RequiredFunction(Libxlsxwriter(), name));
  return real;
}

}  // namespace

Status LoadLibxlsxwriter() {
  if (Libxlsxwriter().handle != nullptr) return Ok();
  return Fail(ErrorCode::kIo,
              "an Excel workbook cannot be written: " KITH_LIBXLSXWRITER_SONAME " could not be loaded (" +
                  Libxlsxwriter().why +
                  "); install libxlsxwriter (the libxlsxwriter4 package on Debian and Ubuntu)");
}

}  // namespace kith

using kith::Real;

extern "C" lxw_workbook* workbook_new_opt(const char* filename, lxw_workbook_options* options) {
  return Real<&workbook_new_opt>("workbook_new_opt")(filename, options);
}
extern "C" lxw_error workbook_close(lxw_workbook* workbook) {
  return Real<&workbook_close>("workbook_close")(workbook);
}
extern "C" void lxw_workbook_free(lxw_workbook* workbook) {
  Real<&lxw_workbook_free>("lxw_workbook_free")(workbook);
}
extern "C" lxw_worksheet* workbook_add_worksheet(lxw_workbook* workbook, const char* sheetname) {
  return Real<&workbook_add_worksheet>("workbook_add_worksheet")(workbook, sheetname);
}
extern "C" lxw_error workbook_validate_sheet_name(lxw_workbook* workbook, const char* sheetname) {
  return Real<&workbook_validate_sheet_name>("workbook_validate_sheet_name")(workbook, sheetname);
}
extern "C" lxw_format* workbook_add_format(lxw_workbook* workbook) {
  return Real<&workbook_add_format>("workbook_add_format")(workbook);
}
extern "C" void format_set_bold(lxw_format* format) { Real<&format_set_bold>("format_set_bold")(format); }
extern "C" void format_set_num_format(lxw_format* format, const char* num_format) {
  Real<&format_set_num_format>("format_set_num_format")(format, num_format);
}
extern "C" lxw_error worksheet_set_column(lxw_worksheet* worksheet, lxw_col_t first_col, lxw_col_t last_col,
                                          double width, lxw_format* format) {
  return Real<&worksheet_set_column>("worksheet_set_column")(worksheet, first_col, last_col, width, format);
}
extern "C" void worksheet_freeze_panes(lxw_worksheet* worksheet, lxw_row_t row, lxw_col_t col) {
  Real<&worksheet_freeze_panes>("worksheet_freeze_panes")(worksheet, row, col);
}
extern "C" lxw_error worksheet_autofilter(lxw_worksheet* worksheet, lxw_row_t first_row, lxw_col_t first_col,
                                          lxw_row_t last_row, lxw_col_t last_col) {
  return Real<&worksheet_autofilter>("worksheet_autofilter")(worksheet, first_row, first_col, last_row,
                                                             last_col);
}
extern "C" lxw_error worksheet_write_string(lxw_worksheet* worksheet, lxw_row_t row, lxw_col_t col,
                                            const char* string, lxw_format* format) {
  return Real<&worksheet_write_string>("worksheet_write_string")(worksheet, row, col, string, format);
}
extern "C" lxw_error worksheet_write_datetime(lxw_worksheet* worksheet, lxw_row_t row, lxw_col_t col,
                                              lxw_datetime* datetime, lxw_format* format) {
  return Real<&worksheet_write_datetime>("worksheet_write_datetime")(worksheet, row, col, datetime, format);
}
extern "C" char* lxw_strerror(lxw_error error_num) { return Real<&lxw_strerror>("lxw_strerror")(error_num); }
