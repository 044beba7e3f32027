// The zip container of an .xlsx workbook, read part by part with the zip
// bomb bounds checked as the bytes come. Internal to formats/ (xlsx_reader).
#pragma once

#include <unzip.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "domain/result.h"
#include "formats/xlsx_reader.h"

namespace kith::xlsx {

inline constexpr std::size_t kReadBlockBytes = std::size_t{256} << 10;
// The parts read whole (workbook, relationships, styles) are small; anything
// bigger is not a real workbook part.
inline constexpr std::size_t kMaxSmallPartBytes = std::size_t{256} << 20;

struct UnzipCloser {
  void operator()(void* zip) const { unzClose(zip); }
};
using UnzipHandle = std::unique_ptr<void, UnzipCloser>;

class Archive {
 public:
  Archive(std::string path, UnzipHandle zip, const XlsxLimits& limits)
      : path_(std::move(path)), zip_(std::move(zip)), limits_(limits) {}

  [[nodiscard]] bool Has(const std::string& part) const {
    // 2: case-insensitive, as Excel itself treats part names.
    return unzLocateFile(zip_.get(), part.c_str(), 2) == UNZ_OK;
  }

  // Calls `consume` with the part's bytes, block by block.
  template <typename Consumer>
  Status Stream(const std::string& part, Consumer&& consume) const {
    if (!Has(part)) return Fail(ErrorCode::kParseError, Quoted() + " has no part " + part);
    unz_file_info64 info{};
    if (unzGetCurrentFileInfo64(zip_.get(), &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK ||
        unzOpenCurrentFile(zip_.get()) != UNZ_OK) {
      return Fail(ErrorCode::kParseError, Quoted() + ": cannot open " + part + " (encrypted or damaged)");
    }
    std::string block(kReadBlockBytes, '\0');
    std::uint64_t part_inflated = 0;
    Status status = Ok();
    while (status) {
      const int read = unzReadCurrentFile(zip_.get(), block.data(), static_cast<unsigned>(block.size()));
      if (read < 0) {
        status = ReadError(part, read);
        break;
      }
      if (read == 0) break;
      part_inflated += static_cast<std::uint64_t>(read);
      inflated_ += static_cast<std::uint64_t>(read);
      status = CheckInflated(part, part_inflated, info.compressed_size);
      if (status) status = consume(std::string_view(block.data(), static_cast<std::size_t>(read)));
    }
    const int closed = unzCloseCurrentFile(zip_.get());
    if (status && closed != UNZ_OK) status = ReadError(part, closed);
    return status;
  }

  [[nodiscard]] Result<std::string> ReadWhole(const std::string& part) const;

  [[nodiscard]] std::string Quoted() const { return "'" + path_ + "'"; }

 private:
  // The zip bomb bounds, checked as the bytes come (the sizes a zip declares
  // can lie).
  [[nodiscard]] Status CheckInflated(const std::string& part, std::uint64_t part_inflated,
                                     std::uint64_t compressed) const;
  [[nodiscard]] tl::unexpected<Error> ReadError(const std::string& part, int code) const;

  std::string path_;
  UnzipHandle zip_;
  XlsxLimits limits_;
  mutable std::uint64_t inflated_ = 0;  // bytes inflated from every part so far
};

// kIo when `path` cannot be read; kParseError when it is not a zip (saying
// so, and what to do when it looks like an old .xls or an encrypted file).
Result<Archive> OpenArchive(const std::string& path, const XlsxLimits& limits);

}  // namespace kith::xlsx
