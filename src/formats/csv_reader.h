// RFC 4180 CSV, streamed: one record at a time, in constant memory.
#pragma once

#include <cstddef>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "domain/result.h"

namespace kith {

// The longest field and record the reader accepts. Real exports' longest
// fields are notes of a few kilobytes; anything near these is not a contacts
// table (or has a quote that never closes) and is refused before it fills memory.
inline constexpr std::size_t kMaxCsvFieldBytes = std::size_t{1} << 20;   // 1 MiB
inline constexpr std::size_t kMaxCsvRecordBytes = std::size_t{8} << 20;  // 8 MiB, separators included

class CsvReader {
 public:
  // Skips a UTF-8 byte order mark. Accepts CRLF, LF and lone CR endings.
  explicit CsvReader(std::istream& in);

  // Reads the next record into `fields` (quotes removed, "" unescaped,
  // line breaks inside quotes kept as "\n"). Returns false at the end.
  // kParseError "line 12: unterminated quote (the field opened on line 9
  // never closes)"; "line 4: text after a closing quote"; "line 7: field 3
  // is longer than 1 MiB …" and "line 7: the record is longer than 8 MiB …"
  // past kMaxCsvFieldBytes and kMaxCsvRecordBytes.
  Result<bool> Next(std::vector<std::string>& fields);

  // The 1-based line on which the record last returned by Next() started.
  std::size_t line() const { return record_line_; }

 private:
  enum class FieldEnd { kComma, kEndOfRecord };
  bool Fill();
  bool NextIs(char c);
  void SkipLineFeed();
  Result<FieldEnd> ReadField(std::string& field, std::size_t number);
  Result<FieldEnd> ReadQuotedField(std::string& field, std::size_t number);
  Result<FieldEnd> ReadUnquotedField(std::string& field, std::size_t number);
  [[nodiscard]] Status CheckFieldLength(const std::string& field, std::size_t number, bool quoted) const;

  std::istream& in_;
  std::vector<char> buffer_;
  std::size_t position_ = 0;
  std::size_t end_ = 0;
  bool started_ = false;
  std::size_t current_line_ = 1;
  std::size_t record_line_ = 0;
};

// Writes one record with CRLF, quoting fields that hold a comma, a quote, a
// line break or leading/trailing spaces.
void WriteCsvRecord(std::ostream& out, const std::vector<std::string>& fields);

}  // namespace kith
