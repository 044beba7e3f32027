#include "app/import_source.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <utility>

#include "domain/validation.h"
#include "formats/text_encoding.h"

namespace kith {
namespace {

constexpr std::size_t kHeadSize = std::size_t{64} * 1024;

Error FileError(const std::string& path, ErrorCode code, const std::string& message) {
  return Error{code, "'" + path + "': " + message, "file"};
}

std::string HexByte(unsigned char byte) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  return std::string("0x") + kDigits[byte >> 4] + kDigits[byte & 0xF];
}

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && AsciiLower(text.substr(0, prefix.size())) == prefix;
}

// The text after a BOM and leading blank space: what decides the format.
std::string_view Meaningful(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  while (!head.empty() &&
         (head.front() == ' ' || head.front() == '\t' || head.front() == '\r' || head.front() == '\n')) {
    head.remove_prefix(1);
  }
  return head;
}

ImportFormat DetectTextFormat(std::string_view head) {
  const std::string_view text = Meaningful(head);
  if (StartsWithNoCase(text, "begin:vcard")) return ImportFormat::kVCard;
  if (text.starts_with("{") || text.starts_with("[")) return ImportFormat::kJson;
  return ImportFormat::kCsv;
}

// Scans the whole file for bytes that are not UTF-8, a chunk at a time.
// Returns the offset of the first one.
Result<std::optional<std::size_t>> FirstInvalidUtf8(std::istream& in, const std::string& path) {
  std::string chunk;
  std::array<char, 1 << 16> buffer{};
  std::size_t consumed = 0;  // bytes before `chunk`
  while (true) {
    in.read(buffer.data(), buffer.size());
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0) break;
    chunk.append(buffer.data(), got);
    if (const auto bad = FindInvalidUtf8(chunk)) {
      // A character cut by the chunk's end is not an error yet.
      const bool maybe_cut = chunk.size() - *bad < 4 && !in.eof();
      if (!maybe_cut) return std::optional<std::size_t>(consumed + *bad);
      consumed += *bad;
      chunk.erase(0, *bad);
      continue;
    }
    consumed += chunk.size();
    chunk.clear();
  }
  if (in.bad()) return tl::unexpected(FileError(path, ErrorCode::kIo, "read failed"));
  if (!chunk.empty()) return std::optional<std::size_t>(consumed);
  return std::optional<std::size_t>();
}

// "line 2: the text is not UTF-8 (byte 0xE9)", and the line it is on.
std::pair<std::string, std::string> WhereNotUtf8(const std::string& bytes, std::size_t offset) {
  std::size_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (bytes[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  std::size_t line_end = bytes.find('\n', offset);
  if (line_end == std::string::npos) line_end = bytes.size();
  std::string excerpt = bytes.substr(line_start, std::min<std::size_t>(line_end - line_start, 80));
  while (!excerpt.empty() && excerpt.back() == '\r') excerpt.pop_back();
  return {"line " + std::to_string(line) + ": the text is not UTF-8 (byte " +
              HexByte(static_cast<unsigned char>(bytes[offset])) + ")",
          excerpt};
}

// Windows-1252 leaves five bytes undefined; a file without them reads
// cleanly, which is what every other single-byte guess would also claim,
// so the encoding old Windows exports actually use is the one to pick.
bool ReadsAsWindows1252(const std::string& bytes) {
  return bytes.find_first_of(std::string("\x81\x8D\x8F\x90\x9D", 5)) == std::string::npos;
}

Error NotUtf8(const std::string& path, const std::string& bytes, std::size_t offset) {
  auto [message, excerpt] = WhereNotUtf8(bytes, offset);
  if (ReadsAsWindows1252(bytes)) {
    message += "; it reads cleanly as Windows-1252 (\"" + Windows1252ToUtf8(excerpt) +
               "\"): run again with --encoding windows-1252";
  } else {
    message += "; run again with --encoding latin-1 if the file is ISO-8859-1";
  }
  return FileError(path, ErrorCode::kParseError, message);
}

// A legacy single-byte file read as the encoding it most likely is, and
// said so: the person can check the names and run again with --encoding.
ImportSource DecodedLegacyText(const std::string& bytes, std::size_t offset, ImportFormat format) {
  auto [message, excerpt] = WhereNotUtf8(bytes, offset);
  ImportSource source;
  source.format = format;
  if (ReadsAsWindows1252(bytes)) {
    source.text = std::make_unique<std::istringstream>(Windows1252ToUtf8(bytes));
    source.notice = message + ": read as Windows-1252 (\"" + Windows1252ToUtf8(excerpt) +
                    "\"); run again with --encoding latin-1 if that is wrong";
  } else {
    source.text = std::make_unique<std::istringstream>(Latin1ToUtf8(bytes));
    source.notice = message + ": read as Latin-1 (\"" + Latin1ToUtf8(excerpt) +
                    "\"); run again with --encoding windows-1252 if that is wrong";
  }
  return source;
}

std::string ReadAll(std::istream& in) {
  in.clear();
  in.seekg(0);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// UTF-16 (Outlook and Windows' own contact exports write it) decoded as a
// whole: it is Unicode, so nothing needs saying.
Result<ImportSource> DecodedUtf16(const ImportRequest& request, std::istream& file, bool big_endian) {
  const std::string& path = request.path;
  std::string text = Utf16ToUtf8(ReadAll(file), big_endian);
  if (Meaningful(text).empty()) {
    return tl::unexpected(
        FileError(path, ErrorCode::kParseError, "the file is empty: no contacts to import"));
  }
  if (request.format == ImportFormat::kXlsx) {
    return tl::unexpected(
        FileError(path, ErrorCode::kParseError, "is not an .xlsx file (not a zip archive)"));
  }
  if (LooksBinary(std::string_view(text).substr(0, kHeadSize))) {
    return tl::unexpected(
        FileError(path, ErrorCode::kParseError,
                  "is binary data, not a contacts file (kith reads CSV, vCard, .xlsx and JSON)"));
  }
  ImportSource source;
  source.format = request.format == ImportFormat::kAuto ? DetectTextFormat(text) : request.format;
  source.text = std::make_unique<std::istringstream>(std::move(text));
  return source;
}

}  // namespace

Result<ImportSource> OpenImportSource(const ImportRequest& request) {
  const std::string& path = request.path;
  auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*file) return tl::unexpected(FileError(path, ErrorCode::kIo, std::strerror(errno)));
  std::error_code size_error;
  const std::uintmax_t size = std::filesystem::file_size(path, size_error);
  if (!size_error && size > kMaxImportBytes) {
    return tl::unexpected(FileError(path, ErrorCode::kInvalidInput,
                                    "the file is " + std::to_string(size >> 20) + " MiB, over the " +
                                        std::to_string(kMaxImportBytes >> 30) +
                                        " GiB kith imports; split it, or check it is the export you meant"));
  }
  std::string head(kHeadSize, '\0');
  file->read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(file->gcount()));
  if (file->bad()) return tl::unexpected(FileError(path, ErrorCode::kIo, "read failed"));
  if (file->fail() && !file->eof()) {
    return tl::unexpected(FileError(path, ErrorCode::kIo, "cannot be read (is it a directory?)"));
  }
  if (const auto big_endian = Utf16ByteOrder(head)) return DecodedUtf16(request, *file, *big_endian);
  if (Meaningful(head).empty()) {
    return tl::unexpected(
        FileError(path, ErrorCode::kParseError, "the file is empty: no contacts to import"));
  }

  ImportSource source;
  const bool zip = head.starts_with(std::string("PK\x03\x04", 4));
  if (request.format == ImportFormat::kXlsx || (request.format == ImportFormat::kAuto && zip)) {
    if (!zip) {
      return tl::unexpected(
          FileError(path, ErrorCode::kParseError, "is not an .xlsx file (not a zip archive)"));
    }
    source.format = ImportFormat::kXlsx;
    return source;
  }
  if (zip) {
    return tl::unexpected(
        FileError(path, ErrorCode::kParseError,
                  "is a zip archive, not text: import it as --format xlsx if it is a workbook"));
  }
  if (LooksBinary(head)) {
    return tl::unexpected(
        FileError(path, ErrorCode::kParseError,
                  "is binary data, not a contacts file (kith reads CSV, vCard, .xlsx and JSON)"));
  }
  source.format = request.format == ImportFormat::kAuto ? DetectTextFormat(head) : request.format;

  file->clear();
  file->seekg(0);
  const TextEncoding encoding = request.encoding.value_or(TextEncoding::kUtf8);
  if (encoding != TextEncoding::kUtf8) {
    const std::string bytes((std::istreambuf_iterator<char>(*file)), std::istreambuf_iterator<char>());
    source.text = std::make_unique<std::istringstream>(
        encoding == TextEncoding::kWindows1252 ? Windows1252ToUtf8(bytes) : Latin1ToUtf8(bytes));
    return source;
  }
  KITH_ASSIGN_OR_RETURN(const auto invalid, FirstInvalidUtf8(*file, path));
  if (invalid) {
    const std::string bytes = ReadAll(*file);
    if (request.strict) return tl::unexpected(NotUtf8(path, bytes, *invalid));
    return DecodedLegacyText(bytes, *invalid, source.format);
  }
  file->clear();
  file->seekg(0);
  source.text = std::move(file);
  return source;
}

}  // namespace kith
