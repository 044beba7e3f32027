#include "formats/csv_reader.h"

#include <array>
#include <string>
#include <string_view>

namespace kith {
namespace {

// Large enough that a read call is rare, small enough to stay in cache.
constexpr std::size_t kBufferSize = std::size_t{64} * 1024;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// A table lookup per byte is the fastest portable scan: the reader spends
// most of its time in these two loops.
constexpr std::array<bool, 256> StopTable(char special) {
  std::array<bool, 256> table{};
  table[static_cast<unsigned char>(special)] = true;
  table['\n'] = true;
  table['\r'] = true;
  return table;
}

// The characters that end an unquoted field.
constexpr std::array<bool, 256> kEndsUnquoted = StopTable(',');
// The characters a quoted field must look at: its end and line breaks,
// which are counted and normalised.
constexpr std::array<bool, 256> kStopsQuoted = StopTable('"');

bool EndsUnquoted(char c) { return kEndsUnquoted[static_cast<unsigned char>(c)]; }
bool StopsQuoted(char c) { return kStopsQuoted[static_cast<unsigned char>(c)]; }

Error ParseError(std::size_t line, const std::string& message) {
  return Error{ErrorCode::kParseError, "line " + std::to_string(line) + ": " + message,
               "line " + std::to_string(line)};
}

std::string Mebibytes(std::size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

}  // namespace

CsvReader::CsvReader(std::istream& in) : in_(in), buffer_(kBufferSize) {}

// Refills the buffer once everything before position_ has been consumed.
// Returns false at the end of the input.
bool CsvReader::Fill() {
  while (position_ == end_) {
    if (!in_.good()) return false;
    in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    end_ = static_cast<std::size_t>(in_.gcount());
    position_ = 0;
    if (end_ == 0) return false;
    if (!started_) {
      started_ = true;
      if (std::string_view(buffer_.data(), end_).substr(0, kByteOrderMark.size()) == kByteOrderMark) {
        position_ = kByteOrderMark.size();
      }
    }
  }
  return true;
}

bool CsvReader::NextIs(char c) {
  if (position_ == end_ && !Fill()) return false;
  return buffer_[position_] == c;
}

// After a CR: a following LF belongs to the same line break.
void CsvReader::SkipLineFeed() {
  if (NextIs('\n')) ++position_;
}

Result<bool> CsvReader::Next(std::vector<std::string>& fields) {
  // Blank lines hold no record; they only move the line count on.
  for (;;) {
    if (position_ == end_ && !Fill()) {
      fields.clear();
      if (in_.bad()) return Fail(ErrorCode::kIo, "could not read the CSV text");
      return false;
    }
    const char c = buffer_[position_];
    if (c != '\n' && c != '\r') break;
    ++position_;
    ++current_line_;
    if (c == '\r') SkipLineFeed();
  }
  record_line_ = current_line_;
  // The strings already in `fields` are reused, so a steady stream of rows
  // allocates nothing once their capacity has grown.
  std::size_t count = 0;
  std::size_t record_bytes = 0;
  for (;;) {
    if (count == fields.size()) fields.emplace_back();
    std::string& field = fields[count];
    field.clear();
    ++count;
    KITH_ASSIGN_OR_RETURN(const FieldEnd end, ReadField(field, count));
    record_bytes += field.size() + 1;
    if (record_bytes > kMaxCsvRecordBytes) {
      return tl::unexpected(ParseError(record_line_, "the record is longer than " +
                                                         Mebibytes(kMaxCsvRecordBytes) +
                                                         "; a contacts table's rows are far shorter"));
    }
    if (end == FieldEnd::kEndOfRecord) break;
  }
  fields.resize(count);
  if (in_.bad()) return Fail(ErrorCode::kIo, "could not read the CSV text");
  return true;
}

Result<CsvReader::FieldEnd> CsvReader::ReadField(std::string& field, std::size_t number) {
  // Blanks before an opening quote are dropped (`a, "b, c"`, as some writers
  // put them); before anything else they are part of the value.
  while (position_ < end_ || Fill()) {
    const char c = buffer_[position_];
    if (c == '"') {
      field.clear();
      ++position_;
      return ReadQuotedField(field, number);
    }
    if (!IsBlank(c)) break;
    field.push_back(c);
    ++position_;
  }
  return ReadUnquotedField(field, number);
}

Status CsvReader::CheckFieldLength(const std::string& field, std::size_t number, bool quoted) const {
  if (field.size() <= kMaxCsvFieldBytes) return Ok();
  return tl::unexpected(ParseError(
      record_line_,
      "field " + std::to_string(number) + " is longer than " + Mebibytes(kMaxCsvFieldBytes) +
          (quoted ? " (a quote that never closes?)" : "; a contacts table's fields are far shorter")));
}

Result<CsvReader::FieldEnd> CsvReader::ReadUnquotedField(std::string& field, std::size_t number) {
  // A quote inside an unquoted field is kept as it is: real exports write
  // `5" screen` unescaped, and nothing is lost by reading it literally.
  for (;;) {
    if (position_ == end_ && !Fill()) return FieldEnd::kEndOfRecord;
    const char* data = buffer_.data();
    std::size_t stop = position_;
    while (stop < end_ && !EndsUnquoted(data[stop])) ++stop;
    field.append(data + position_, stop - position_);
    position_ = stop;
    KITH_RETURN_IF_ERROR(CheckFieldLength(field, number, false));
    if (stop == end_) continue;
    const char c = data[stop];
    ++position_;
    if (c == ',') return FieldEnd::kComma;
    ++current_line_;
    if (c == '\r') SkipLineFeed();
    return FieldEnd::kEndOfRecord;
  }
}

Result<CsvReader::FieldEnd> CsvReader::ReadQuotedField(std::string& field, std::size_t number) {
  const std::size_t opened_on = current_line_;
  for (;;) {
    if (position_ == end_ && !Fill()) {
      // A field that ends in a line break ends after the last line of text.
      const std::size_t last_line =
          !field.empty() && field.back() == '\n' ? current_line_ - 1 : current_line_;
      return tl::unexpected(ParseError(last_line, "unterminated quote (the field opened on line " +
                                                      std::to_string(opened_on) + " never closes)"));
    }
    const char* data = buffer_.data();
    std::size_t stop = position_;
    while (stop < end_ && !StopsQuoted(data[stop])) ++stop;
    field.append(data + position_, stop - position_);
    position_ = stop;
    KITH_RETURN_IF_ERROR(CheckFieldLength(field, number, true));
    if (stop == end_) continue;
    const char c = data[stop];
    ++position_;
    if (c == '"') {
      if (!NextIs('"')) break;
      field.push_back('"');
      ++position_;
      continue;
    }
    // CRLF, LF and a lone CR inside quotes all become "\n".
    field.push_back('\n');
    ++current_line_;
    if (c == '\r') SkipLineFeed();
  }
  // After the closing quote: blanks (`"abc" ,`) are forgiven; other text
  // would be silently merged or dropped, so it is an error.
  for (;;) {
    if (position_ == end_ && !Fill()) return FieldEnd::kEndOfRecord;
    const char c = buffer_[position_];
    if (IsBlank(c)) {
      ++position_;
      continue;
    }
    ++position_;
    if (c == ',') return FieldEnd::kComma;
    if (c == '\n' || c == '\r') {
      ++current_line_;
      if (c == '\r') SkipLineFeed();
      return FieldEnd::kEndOfRecord;
    }
    return tl::unexpected(ParseError(current_line_, "text after a closing quote in field " +
                                                        std::to_string(number) +
                                                        " (a quote inside a quoted field is written \"\")"));
  }
}

void WriteCsvRecord(std::ostream& out, const std::vector<std::string>& fields) {
  // A lone empty field is written "" so the line is not read as blank.
  if (fields.size() == 1 && fields.front().empty()) {
    out << "\"\"\r\n";
    return;
  }
  bool first = true;
  for (const std::string& field : fields) {
    if (!first) out << ',';
    first = false;
    const bool needs_quotes = field.find_first_of(",\"\r\n") != std::string::npos ||
                              (!field.empty() && (IsBlank(field.front()) || IsBlank(field.back())));
    if (!needs_quotes) {
      out << field;
      continue;
    }
    out << '"';
    std::size_t start = 0;
    for (std::size_t quote = field.find('"'); quote != std::string::npos; quote = field.find('"', start)) {
      out.write(field.data() + start, static_cast<std::streamsize>(quote - start + 1));
      out << '"';
      start = quote + 1;
    }
    out.write(field.data() + start, static_cast<std::streamsize>(field.size() - start));
    out << '"';
  }
  out << "\r\n";
}

}  // namespace kith
