#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unzip.h>
#include <zip.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "formats/xlsx_reader.h"
#include "formats/xlsx_writer.h"

namespace kith {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using Rows = std::vector<std::pair<std::size_t, std::vector<std::string>>>;

std::string Fixture(const std::string& name) { return std::string(KITH_TEST_DATA) + "/xlsx/" + name; }

// A file in a fresh directory that is removed with the test.
class TempFile {
 public:
  explicit TempFile(const std::string& name) {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    directory_ = std::filesystem::temp_directory_path() /
                 ("kith_xlsx_" + std::string(test->test_suite_name()) + "_" + test->name());
    std::filesystem::remove_all(directory_);
    std::filesystem::create_directories(directory_);
    path_ = (directory_ / name).string();
  }
  ~TempFile() {
    std::error_code ignored;
    std::filesystem::remove_all(directory_, ignored);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] std::string directory() const { return directory_.string(); }

 private:
  std::filesystem::path directory_;
  std::string path_;
};

Result<Rows> ReadAll(const std::string& path) {
  Rows rows;
  Status status = ReadXlsxRows(path, [&](std::size_t row, std::vector<std::string>&& cells) -> Status {
    rows.emplace_back(row, std::move(cells));
    return Ok();
  });
  if (!status) return tl::unexpected(status.error());
  return rows;
}

// Serves `rows` one by one, as the exporters' generators do.
XlsxRowSource FromRows(const std::vector<std::vector<std::string>>& rows) {
  return [&rows, next = std::size_t{0}](std::vector<std::string>& cells) mutable {
    if (next == rows.size()) return false;
    cells = rows[next++];
    return true;
  };
}

// One part of a zip archive, as text.
std::string ReadPart(const std::string& path, const std::string& part) {
  unzFile zip = unzOpen64(path.c_str());
  if (zip == nullptr) return "<not a zip>";
  std::string content;
  if (unzLocateFile(zip, part.c_str(), 1) == UNZ_OK && unzOpenCurrentFile(zip) == UNZ_OK) {
    char buffer[4096];
    int read = 0;
    while ((read = unzReadCurrentFile(zip, buffer, sizeof buffer)) > 0) {
      content.append(buffer, static_cast<std::size_t>(read));
    }
    unzCloseCurrentFile(zip);
  }
  unzClose(zip);
  return content;
}

// Copies the zip at `source` to `target` with `part` replaced by `content`
// (deflated at the best ratio, as a zip bomb would be).
void ReplacePart(const std::string& source, const std::string& target, const std::string& part,
                 const std::string& content) {
  unzFile in = unzOpen64(source.c_str());
  zipFile out = zipOpen64(target.c_str(), APPEND_STATUS_CREATE);
  ASSERT_NE(in, nullptr);
  ASSERT_NE(out, nullptr);
  for (int more = unzGoToFirstFile(in); more == UNZ_OK; more = unzGoToNextFile(in)) {
    char name[512];
    unzGetCurrentFileInfo64(in, nullptr, name, sizeof name, nullptr, 0, nullptr, 0);
    std::string bytes = content;
    if (part != name) bytes = ReadPart(source, name);
    zipOpenNewFileInZip64(out, name, nullptr, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, Z_BEST_COMPRESSION,
                          1);
    zipWriteInFileInZip(out, bytes.data(), static_cast<unsigned>(bytes.size()));
    zipCloseFileInZip(out);
  }
  zipClose(out, nullptr);
  unzClose(in);
}

std::vector<std::string> PadTo(std::vector<std::string> cells, std::size_t width) {
  if (cells.size() < width) cells.resize(width);
  return cells;
}

// --- Writer, then reader ---------------------------------------------------

TEST(XlsxRoundTrip, KeepsTextDatesAndEmptyCells) {
  TempFile file("contacts.xlsx");
  const std::vector<std::string> header = {"Name", "Phone", "Met on", "Notes", "City"};
  const std::vector<std::vector<std::string>> rows = {
      {"Okafor, Ada", "155512345678901", "2024-02-29", "said \"hi\",\nthen left", "Lagos"},
      {"Zoë Ñúñez", "+44 20 7946 0958", "", "", "Zürich"},
      {"李小龍 🐉", "", "1900-01-01", "emoji 👩‍💻 and tab\there", ""},
      {"", "", "", "only notes", ""},
      {"Trailing", "0012", "1999-12-31"},
      {"  spaced  ", "=1+1", "2024-13-01", "_x000D_ stays literal", "\r\nCRLF"},
  };
  ASSERT_TRUE(WriteXlsx(file.path(), "Contacts", header, FromRows(rows)));

  const Result<Rows> read = ReadAll(file.path());
  ASSERT_TRUE(read) << read.error().message;
  ASSERT_EQ(read->size(), rows.size() + 1);
  EXPECT_EQ((*read)[0].first, 1U);
  EXPECT_EQ((*read)[0].second, header);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ((*read)[i + 1].first, i + 2);
    // Trailing empty cells are not stored, so the reader's rows may be shorter.
    EXPECT_EQ(PadTo((*read)[i + 1].second, header.size()), PadTo(rows[i], header.size())) << "row " << i + 2;
  }
}

TEST(XlsxRoundTrip, StreamsManyRowsAcrossFragments) {
  TempFile file("many.xlsx");
  constexpr std::size_t kRows = 30000;  // several MiB of sheet XML
  std::size_t produced = 0;
  const XlsxRowSource source = [&](std::vector<std::string>& cells) {
    if (produced == kRows) return false;
    ++produced;
    cells = {"Person " + std::to_string(produced), "1555" + std::to_string(1000000 + produced),
             "2020-01-" + std::string(produced % 28 < 9 ? "0" : "") + std::to_string(produced % 28 + 1),
             std::string(produced % 7, 'x')};
    return true;
  };
  ASSERT_TRUE(WriteXlsx(file.path(), "People", {"Name", "Phone", "Since", "Pad"}, source));

  std::size_t count = 0;
  std::size_t last_row = 0;
  const Status status = ReadXlsxRows(file.path(), [&](std::size_t row, std::vector<std::string>&& cells) {
    ++count;
    EXPECT_EQ(row, last_row + 1);
    last_row = row;
    if (row == 12346) {
      EXPECT_THAT(cells, ElementsAre("Person 12345", "15551012345", "2020-01-26", "xxxx"));
    }
    return Ok();
  });
  ASSERT_TRUE(status) << status.error().message;
  EXPECT_EQ(count, kRows + 1);
}

// --- Writer ----------------------------------------------------------------

TEST(XlsxWriter, WritesPhonesAsTextAndDatesAsDates) {
  TempFile file("typed.xlsx");
  const std::vector<std::vector<std::string>> rows = {{"15551234567", "2024-05-01", "2024-02-30"}};
  ASSERT_TRUE(WriteXlsx(file.path(), "Contacts", {"Phone", "Met on", "Not a date"}, FromRows(rows)));
  const std::string sheet = ReadPart(file.path(), "xl/worksheets/sheet1.xml");
  // The phone is a string, the date a number (45413) with a date style.
  EXPECT_THAT(sheet, HasSubstr(R"(<c r="A2" t="inlineStr"><is><t>15551234567</t></is></c>)"));
  EXPECT_THAT(sheet, HasSubstr(R"(<c r="B2" s="2"><v>45413</v></c>)"));
  EXPECT_THAT(sheet, HasSubstr(R"(<c r="C2" t="inlineStr"><is><t>2024-02-30</t></is></c>)"));
  EXPECT_THAT(ReadPart(file.path(), "xl/styles.xml"), HasSubstr(R"(formatCode="yyyy-mm-dd")"));
}

TEST(XlsxWriter, FreezesAndFiltersABoldHeader) {
  TempFile file("header.xlsx");
  const std::vector<std::vector<std::string>> rows = {{"Ada", "ada@example.com"},
                                                      {"Grace", "grace@example.com"}};
  ASSERT_TRUE(WriteXlsx(file.path(), "People", {"Name", "Email"}, FromRows(rows)));
  const std::string sheet = ReadPart(file.path(), "xl/worksheets/sheet1.xml");
  EXPECT_THAT(sheet,
              HasSubstr(R"(<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>)"));
  EXPECT_THAT(sheet, HasSubstr(R"(<autoFilter ref="A1:B3"/>)"));
  EXPECT_THAT(sheet, HasSubstr(R"(<c r="A1" s="1" t="inlineStr"><is><t>Name</t></is></c>)"));
  EXPECT_THAT(ReadPart(file.path(), "xl/styles.xml"), HasSubstr("<b/>"));
  EXPECT_THAT(ReadPart(file.path(), "xl/workbook.xml"), HasSubstr(R"(<sheet name="People")"));
}

TEST(XlsxWriter, FitsColumnWidthsToTheContent) {
  TempFile file("widths.xlsx");
  const std::vector<std::vector<std::string>> rows = {
      {"Ada", std::string(25, 'e'), std::string(200, 'n')},
      {"Al", "ü" + std::string(29, 'e'), "short"},  // 30 characters, 31 bytes
  };
  ASSERT_TRUE(WriteXlsx(file.path(), "People", {"ID", "Email", "Notes"}, FromRows(rows)));
  const std::string sheet = ReadPart(file.path(), "xl/worksheets/sheet1.xml");
  // Narrow columns get the minimum, wide ones their longest cell plus one
  // (Excel stores widths with its padding added), very wide ones the maximum.
  EXPECT_THAT(sheet, HasSubstr(R"(<col min="1" max="1" width="8.7109375" customWidth="1"/>)"));
  EXPECT_THAT(sheet, HasSubstr(R"(<col min="2" max="2" width="31.7109375" customWidth="1"/>)"));
  EXPECT_THAT(sheet, HasSubstr(R"(<col min="3" max="3" width="60.7109375" customWidth="1"/>)"));
}

TEST(XlsxWriter, RejectsACellLongerThanExcelAllows) {
  TempFile file("long.xlsx");
  const std::vector<std::vector<std::string>> rows = {{"Ada", std::string(32768, 'n')}};
  const Status status = WriteXlsx(file.path(), "People", {"Name", "Notes"}, FromRows(rows));
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::kInvalidInput);
  EXPECT_THAT(status.error().message, HasSubstr("row 2, column B (Notes) holds 32768 characters"));
  EXPECT_THAT(status.error().message, HasSubstr("32,767"));
}

TEST(XlsxWriter, AcceptsACellOfExactlyTheLimit) {
  TempFile file("limit.xlsx");
  const std::vector<std::vector<std::string>> rows = {{std::string(32767, 'n')}};
  ASSERT_TRUE(WriteXlsx(file.path(), "People", {"Notes"}, FromRows(rows)));
}

TEST(XlsxWriter, RejectsMoreRowsThanASheetHolds) {
  TempFile file("rows.xlsx");
  std::size_t produced = 0;
  const XlsxRowSource source = [&](std::vector<std::string>& cells) {
    if (produced == 1048576) return false;  // one more than fits below the header
    ++produced;
    cells = {"x"};
    return true;
  };
  const Status status = WriteXlsx(file.path(), "Rows", {"Value"}, source);
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::kInvalidInput);
  EXPECT_THAT(status.error().message, HasSubstr("1,048,576 rows"));
  EXPECT_FALSE(std::filesystem::exists(file.path()));
}

TEST(XlsxWriter, RejectsAnInvalidSheetName) {
  TempFile file("name.xlsx");
  const Status status = WriteXlsx(file.path(), "Q1/Q2", {"Name"}, FromRows({}));
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::kInvalidInput);
  EXPECT_THAT(status.error().message, HasSubstr("'Q1/Q2' cannot name an Excel sheet"));
}

TEST(XlsxWriter, RejectsInvalidUtf8) {
  TempFile file("bytes.xlsx");
  const std::vector<std::vector<std::string>> rows = {{"caf\xE9"}};
  const Status status = WriteXlsx(file.path(), "People", {"Name"}, FromRows(rows));
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::kInvalidInput);
  EXPECT_THAT(status.error().message, HasSubstr("row 2, column A (Name) is not valid UTF-8"));
}

TEST(XlsxWriter, ReportsAnUnwritablePathAsIo) {
  TempFile file("unused.xlsx");
  const std::string path = file.directory() + "/missing/dir/out.xlsx";
  const Status status = WriteXlsx(path, "People", {"Name"}, FromRows({}));
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::kIo);
  EXPECT_EQ(status.error().message, "cannot write '" + path + "': No such file or directory");
}

// --- Reader, on workbooks laid out as Excel writes them ----------------------

TEST(XlsxReader, ReadsStringsNumbersBooleansAndDatesAsExcelWritesThem) {
  const Result<Rows> read = ReadAll(Fixture("excel_features.xlsx"));
  ASSERT_TRUE(read) << read.error().message;
  ASSERT_EQ(read->size(), 5U);
  EXPECT_EQ((*read)[0].first, 1U);
  EXPECT_THAT((*read)[0].second, ElementsAre("Name", "Phone", "Met on", "Score", "Active", "Notes"));
  // Rich text runs, a phone stored as a number, a d-mmm-yy date, TRUE, _x000D_.
  EXPECT_EQ((*read)[1].first, 2U);
  EXPECT_THAT((*read)[1].second,
              ElementsAre("Ada Lovelace", "15551234567", "2023-03-15", "42", "TRUE", "line one\r\nline two"));
  // Row 3 is absent; row 4 skips column B, has a built-in date, 3.5E-3, FALSE.
  EXPECT_EQ((*read)[2].first, 4U);
  EXPECT_THAT((*read)[2].second,
              ElementsAre("Grace Hopper", "", "1900-03-01", "0.0035", "FALSE", "  padded  "));
  // Row 5 holds only blanks; row 7 reaches column AA.
  EXPECT_EQ((*read)[3].first, 7U);
  std::vector<std::string> row7(27);
  row7[0] = "_x000D_ is literal";
  row7[1] = "#N/A";
  row7[2] = "X";
  row7[3] = "1000";
  row7[26] = "far column";
  EXPECT_EQ((*read)[3].second, row7);
  // A time of day is dropped from a date; serial 60 is Excel's 29 February
  // 1900; a time alone is a time; a quoted "d" in a format is just text.
  EXPECT_EQ((*read)[4].first, 8U);
  EXPECT_THAT((*read)[4].second, ElementsAre("東京", "2023-03-15", "1900-02-29", "0.1", "12:00:00", "12.5"));
}

TEST(XlsxReader, ReadsThe1904DateSystemAndPrefixedElements) {
  const Result<Rows> read = ReadAll(Fixture("date1904_prefixed.xlsx"));
  ASSERT_TRUE(read) << read.error().message;
  ASSERT_EQ(read->size(), 3U);
  EXPECT_THAT((*read)[0].second, ElementsAre("Born"));
  EXPECT_THAT((*read)[1].second, ElementsAre("1904-01-01"));
  EXPECT_THAT((*read)[2].second, ElementsAre("2023-03-16"));
}

TEST(XlsxReader, ReadsASharedStringTableLargerThanOneFragment) {
  const Result<Rows> read = ReadAll(Fixture("long_shared_strings.xlsx"));
  ASSERT_TRUE(read) << read.error().message;
  ASSERT_EQ(read->size(), 400U);
  std::string expected = "0321 ";
  for (int i = 0; i < 400; ++i) expected += "abcdefghij";
  EXPECT_THAT((*read)[321].second, ElementsAre(expected, "321"));
}

TEST(XlsxReader, GivesNoRowsForAnEmptySheet) {
  const Result<Rows> read = ReadAll(Fixture("empty_sheet.xlsx"));
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_TRUE(read->empty());
}

// Found by fuzzing: a part that is one long run of name characters, full of
// the container's name but never its start tag, was walked back over once
// per occurrence — minutes for a megabyte. Now it reads in linear time; a
// 4 MiB run is read (no <sheetData>, so no rows) well within the test's time.
TEST(XlsxReader, ReadsALongRunOfTheContainersNameInLinearTime) {
  TempFile workbook("book.xlsx");
  const std::vector<std::vector<std::string>> rows = {{"Ada"}};
  ASSERT_TRUE(WriteXlsx(workbook.path(), "Contacts", {"Name"}, FromRows(rows)));
  // Random letters between the occurrences keep the deflate ratio far under
  // the zip-bomb limit.
  std::string sheet = R"(<?xml version="1.0"?><worksheet>)";
  std::uint32_t state = 12345;
  while (sheet.size() < (std::size_t{4} << 20)) {
    sheet += "sheetData";
    for (int i = 0; i < 4; ++i) {
      state = state * 1103515245U + 12345U;
      sheet += static_cast<char>('a' + (state >> 16) % 26);
    }
  }
  sheet += "</worksheet>";
  const std::string run = workbook.directory() + "/run.xlsx";
  ReplacePart(workbook.path(), run, "xl/worksheets/sheet1.xml", sheet);

  const auto started = std::chrono::steady_clock::now();
  const Result<Rows> read = ReadAll(run);
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_TRUE(read->empty());
  // Quadratic, this took hours; a generous bound for a loaded machine.
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(60));
}

TEST(XlsxReader, StopsAtTheSinksError) {
  std::size_t calls = 0;
  const Status status = ReadXlsxRows(Fixture("excel_features.xlsx"), [&](std::size_t row, auto&&) -> Status {
    ++calls;
    if (row == 2) return Fail(ErrorCode::kInvalidInput, "row 2: no name");
    return Ok();
  });
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().message, "row 2: no name");
  EXPECT_EQ(calls, 2U);
}

// --- Reader failures ---------------------------------------------------------

TEST(XlsxReader, RejectsATextFileNamedXlsx) {
  const std::string path = Fixture("not_a_zip.xlsx");
  const Status status = ReadXlsxRows(path, [](std::size_t, auto&&) { return Ok(); });
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::kParseError);
  EXPECT_EQ(status.error().message, "'" + path + "' is not an .xlsx file (not a zip archive)");
}

TEST(XlsxReader, SuggestsSavingAnOldXlsWorkbookAsXlsx) {
  const std::string path = Fixture("legacy.xlsx");
  const Status status = ReadXlsxRows(path, [](std::size_t, auto&&) { return Ok(); });
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::kParseError);
  EXPECT_THAT(status.error().message, HasSubstr("'" + path + "' is not an .xlsx file (not a zip archive)"));
  EXPECT_THAT(status.error().message, HasSubstr("old .xls workbook or a password-protected one"));
}

TEST(XlsxReader, RejectsAZipWithoutAWorkbook) {
  const std::string path = Fixture("no_workbook.xlsx");
  const Status status = ReadXlsxRows(path, [](std::size_t, auto&&) { return Ok(); });
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::kParseError);
  EXPECT_EQ(status.error().message, "'" + path + "' has no worksheet");
}

TEST(XlsxReader, RejectsMalformedSheetXml) {
  std::size_t calls = 0;
  const Status status = ReadXlsxRows(Fixture("malformed_sheet.xlsx"), [&](std::size_t, auto&&) {
    ++calls;
    return Ok();
  });
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::kParseError);
  EXPECT_THAT(status.error().message, HasSubstr("xl/worksheets/sheet1.xml is not well-formed XML"));
  EXPECT_THAT(status.error().message, HasSubstr("Start-end tags mismatch at byte"));
}

TEST(XlsxReader, RejectsASharedStringIndexPastTheTable) {
  const Status status =
      ReadXlsxRows(Fixture("bad_shared_string.xlsx"), [](std::size_t, auto&&) { return Ok(); });
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::kParseError);
  EXPECT_THAT(status.error().message, HasSubstr("cell B1 refers to shared string 3, but there are 1"));
}

TEST(XlsxReader, ReportsAMissingFileAsIo) {
  const std::string path = Fixture("no_such_file.xlsx");
  const Status status = ReadXlsxRows(path, [](std::size_t, auto&&) { return Ok(); });
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::kIo);
  EXPECT_THAT(status.error().message, HasSubstr("cannot read '" + path + "'"));
}

TEST(XlsxReader, ReportsADirectoryAsIo) {
  const Status status =
      ReadXlsxRows(std::string(KITH_TEST_DATA) + "/xlsx", [](std::size_t, auto&&) { return Ok(); });
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::kIo);
}

// --- Zip bombs ---------------------------------------------------------------

TEST(XlsxReader, RefusesAPartThatInflatesLikeAZipBomb) {
  TempFile workbook("book.xlsx");
  const std::vector<std::vector<std::string>> rows = {{"Ada"}};
  ASSERT_TRUE(WriteXlsx(workbook.path(), "Contacts", {"Name"}, FromRows(rows)));
  // 16 MiB of empty rows deflate to about 16 KiB: a ratio near 1000:1.
  std::string sheet = R"(<?xml version="1.0"?><worksheet><sheetData>)";
  while (sheet.size() < (std::size_t{16} << 20)) sheet += "<row></row>";
  sheet += "</sheetData></worksheet>";
  const std::string bomb = workbook.directory() + "/bomb.xlsx";
  ReplacePart(workbook.path(), bomb, "xl/worksheets/sheet1.xml", sheet);
  ASSERT_LT(std::filesystem::file_size(bomb), std::uintmax_t{1} << 20);

  const auto read = ReadAll(bomb);
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().code, ErrorCode::kParseError);
  EXPECT_THAT(
      read.error().message,
      HasSubstr("xl/worksheets/sheet1.xml inflates more than 500 times its compressed size: a zip bomb"));
}

TEST(XlsxReader, RefusesAWorkbookThatInflatesPastTheTotalLimit) {
  TempFile workbook("book.xlsx");
  std::vector<std::vector<std::string>> rows;
  for (int i = 0; i < 200; ++i)
    rows.push_back({"Person " + std::to_string(i), "p" + std::to_string(i) + "@example.org"});
  ASSERT_TRUE(WriteXlsx(workbook.path(), "Contacts", {"Name", "Email"}, FromRows(rows)));
  ASSERT_TRUE(ReadAll(workbook.path()));  // the default limits hold a real workbook

  const Status read = ReadXlsxRows(
      workbook.path(), [](std::size_t, std::vector<std::string>&&) { return Ok(); },
      XlsxLimits{.max_inflated_bytes = 4096, .max_compression_ratio = 500});
  ASSERT_FALSE(read);
  EXPECT_THAT(read.error().message,
              HasSubstr("book.xlsx' inflates to more than 4 KiB: too large for a workbook"));
}

}  // namespace
}  // namespace kith
