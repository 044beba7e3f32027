#include "scan/qr_code.h"

#include <qrencode.h>
#include <zlib.h>

#include <array>
#include <memory>
#include <string_view>

#include "scan/image_signature.h"

namespace kith {
namespace {

constexpr int kQuietZone = 4;

struct QrDeleter {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

Result<QrCode> EncodeQrCode(std::string_view text) {
  std::unique_ptr<QRcode, QrDeleter> encoded(QRcode_encodeData(
      static_cast<int>(text.size()), reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M));
  if (!encoded) {
    return Fail(ErrorCode::kInvalidInput, "the card is too long for a QR code: leave some fields out",
                "card");
  }
  QrCode code;
  code.size = encoded->width;
  const auto cells = static_cast<std::size_t>(code.size) * static_cast<std::size_t>(code.size);
  code.dark.resize(cells);
  for (std::size_t i = 0; i < cells; ++i) code.dark[i] = (encoded->data[i] & 1U) != 0;
  return code;
}

Result<std::vector<std::byte>> QrCodePng(const QrCode& code, int module_pixels) {
  if (module_pixels < 1) return Fail(ErrorCode::kInvalidInput, "a QR module needs a pixel at least", "card");
  const auto side =
      static_cast<std::size_t>(code.size + 2 * kQuietZone) * static_cast<std::size_t>(module_pixels);
  // One bit a pixel, white 1 and black 0, each row after its filter byte 0.
  const std::size_t row_bytes = 1 + (side + 7) / 8;
  std::vector<unsigned char> rows(row_bytes * side, 0xFF);
  for (std::size_t y = 0; y < side; ++y) {
    rows[y * row_bytes] = 0;
    for (std::size_t x = 0; x < side; ++x) {
      const int module_x = static_cast<int>(x) / module_pixels - kQuietZone;
      const int module_y = static_cast<int>(y) / module_pixels - kQuietZone;
      if (!code.At(module_x, module_y)) continue;
      rows[y * row_bytes + 1 + x / 8] &= static_cast<unsigned char>(~(0x80U >> (x % 8)));
    }
  }
  uLongf packed_size = compressBound(static_cast<uLong>(rows.size()));
  std::vector<unsigned char> packed(packed_size);
  if (compress2(packed.data(), &packed_size, rows.data(), static_cast<uLong>(rows.size()),
                Z_BEST_COMPRESSION) != Z_OK) {
    return Fail(ErrorCode::kInternal, "the QR image could not be written as PNG", "card");
  }
  packed.resize(packed_size);

  std::vector<std::byte> png;
  const auto put = [&png](std::span<const unsigned char> bytes) {
    for (const unsigned char byte : bytes) png.push_back(static_cast<std::byte>(byte));
  };
  const auto big_endian = [](std::size_t value) {
    return std::array<unsigned char, 4>{
        static_cast<unsigned char>(value >> 24U), static_cast<unsigned char>(value >> 16U),
        static_cast<unsigned char>(value >> 8U), static_cast<unsigned char>(value)};
  };
  // A chunk: its length, its type and data, and the CRC of those two.
  const auto chunk = [&](std::string_view type, std::span<const unsigned char> data) {
    put(big_endian(data.size()));
    std::vector<unsigned char> body(type.begin(), type.end());
    body.insert(body.end(), data.begin(), data.end());
    put(body);
    put(big_endian(crc32(0, body.data(), static_cast<uInt>(body.size()))));
  };
  constexpr std::array<unsigned char, 8> kSignature = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  put(kSignature);
  std::vector<unsigned char> header;
  for (const unsigned char byte : big_endian(side)) header.push_back(byte);
  for (const unsigned char byte : big_endian(side)) header.push_back(byte);
  // Bit depth 1, colour type 0 (grey), deflate, filters per row, no interlace.
  constexpr std::array<unsigned char, 5> kGreyOneBit = {1, 0, 0, 0, 0};
  header.insert(header.end(), kGreyOneBit.begin(), kGreyOneBit.end());
  chunk("IHDR", header);
  chunk("IDAT", packed);
  chunk("IEND", {});
  return png;
}

std::string_view ImageMimeType(std::span<const std::byte> bytes) {
  const auto at = [&](std::size_t i) { return i < bytes.size() ? static_cast<unsigned char>(bytes[i]) : 0U; };
  if (scan::LooksLikeHeif(bytes)) return "image/heic";
  if (at(0) == 0xFF && at(1) == 0xD8) return "image/jpeg";
  if (at(0) == 0x89 && at(1) == 'P' && at(2) == 'N' && at(3) == 'G') return "image/png";
  if (at(0) == 'R' && at(1) == 'I' && at(2) == 'F' && at(3) == 'F' && at(8) == 'W' && at(9) == 'E') {
    return "image/webp";
  }
  if ((at(0) == 'I' && at(1) == 'I' && at(2) == 42) || (at(0) == 'M' && at(1) == 'M' && at(3) == 42)) {
    return "image/tiff";
  }
  if (at(0) == 'G' && at(1) == 'I' && at(2) == 'F') return "image/gif";
  if (at(0) == 'B' && at(1) == 'M') return "image/bmp";
  return {};
}

}  // namespace kith
