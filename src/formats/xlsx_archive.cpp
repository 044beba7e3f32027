#include "formats/xlsx_archive.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace kith::xlsx {
namespace {

// A part's first MiB may inflate at any ratio: small parts (a workbook.xml
// of a few hundred bytes) compress unevenly, and a MiB is harmless.
constexpr std::uint64_t kRatioGraceBytes = std::uint64_t{1} << 20;

// "4 GiB", "512 KiB", "900 bytes".
std::string SizeText(std::uint64_t bytes) {
  if (bytes >= (std::uint64_t{1} << 30) && bytes % (std::uint64_t{1} << 30) == 0)
    return std::to_string(bytes >> 30) + " GiB";
  if (bytes >= (std::uint64_t{1} << 20) && bytes % (std::uint64_t{1} << 20) == 0)
    return std::to_string(bytes >> 20) + " MiB";
  if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

bool LooksLikeOleCompoundFile(const std::string& path) {
  static constexpr std::array<unsigned char, 8> kMagic = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
  std::array<unsigned char, 8> head{};
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return false;
  const std::size_t read = std::fread(head.data(), 1, head.size(), file);
  std::fclose(file);
  return read == head.size() && head == kMagic;
}

}  // namespace

Result<std::string> Archive::ReadWhole(const std::string& part) const {
  std::string content;
  KITH_RETURN_IF_ERROR(Stream(part, [&](std::string_view bytes) -> Status {
    if (content.size() + bytes.size() > kMaxSmallPartBytes) {
      return Fail(ErrorCode::kParseError, Quoted() + ": " + part + " is implausibly large");
    }
    content.append(bytes);
    return Ok();
  }));
  return content;
}

// The zip bomb bounds, checked as the bytes come (the sizes a zip declares
// can lie).
Status Archive::CheckInflated(const std::string& part, std::uint64_t part_inflated,
                              std::uint64_t compressed) const {
  if (inflated_ > limits_.max_inflated_bytes) {
    return Fail(ErrorCode::kParseError, Quoted() + " inflates to more than " +
                                            SizeText(limits_.max_inflated_bytes) +
                                            ": too large for a workbook kith imports (a zip bomb?)");
  }
  if (part_inflated > kRatioGraceBytes &&
      part_inflated / std::max<std::uint64_t>(compressed, 1) > limits_.max_compression_ratio) {
    return Fail(ErrorCode::kParseError, Quoted() + ": " + part + " inflates more than " +
                                            std::to_string(limits_.max_compression_ratio) +
                                            " times its compressed size: a zip bomb, not a workbook");
  }
  return Ok();
}

tl::unexpected<Error> Archive::ReadError(const std::string& part, int code) const {
  if (code == UNZ_ERRNO) {
    return Fail(ErrorCode::kIo, "cannot read " + Quoted() + ": " + std::strerror(errno));
  }
  if (code == UNZ_CRCERROR) {
    return Fail(ErrorCode::kParseError, Quoted() + ": " + part + " is damaged (checksum mismatch)");
  }
  return Fail(ErrorCode::kParseError,
              Quoted() + ": " + part + " is damaged (zip error " + std::to_string(code) + ")");
}

Result<Archive> OpenArchive(const std::string& path, const XlsxLimits& limits) {
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (error) return Fail(ErrorCode::kIo, "cannot read '" + path + "': " + error.message());
  if (std::filesystem::is_directory(status)) {
    return Fail(ErrorCode::kIo, "cannot read '" + path + "': it is a directory");
  }
  std::FILE* probe = std::fopen(path.c_str(), "rb");
  if (probe == nullptr) {
    return Fail(ErrorCode::kIo, "cannot read '" + path + "': " + std::strerror(errno));
  }
  std::fclose(probe);
  UnzipHandle zip(unzOpen64(path.c_str()));
  if (!zip) {
    std::string message = "'" + path + "' is not an .xlsx file (not a zip archive)";
    if (LooksLikeOleCompoundFile(path)) {
      message +=
          "; it looks like an old .xls workbook or a password-protected one — save it in Excel "
          "as an .xlsx workbook without a password";
    }
    return Fail(ErrorCode::kParseError, std::move(message));
  }
  return Archive(path, std::move(zip), limits);
}

}  // namespace kith::xlsx
