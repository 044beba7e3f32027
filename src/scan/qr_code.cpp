#include "scan/qr_code.h"

#include <qrencode.h>

#include <cstdlib>
#include <cstring>
#include <memory>

#include "scan/image_loader.h"
#include "scan/pix.h"

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
  const int side = (code.size + 2 * kQuietZone) * module_pixels;
  scan::PixPtr pix(pixCreate(side, side, 1));
  if (!pix) return Fail(ErrorCode::kInternal, "out of memory for the QR image", "card");
  for (int y = 0; y < code.size; ++y) {
    for (int x = 0; x < code.size; ++x) {
      if (!code.At(x, y)) continue;
      pixRasterop(pix.get(), (x + kQuietZone) * module_pixels, (y + kQuietZone) * module_pixels,
                  module_pixels, module_pixels, PIX_SET, nullptr, 0, 0);
    }
  }
  l_uint8* data = nullptr;
  size_t size = 0;
  if (pixWriteMem(&data, &size, pix.get(), IFF_PNG) != 0 || data == nullptr) {
    return Fail(ErrorCode::kInternal, "the QR image could not be written as PNG", "card");
  }
  std::vector<std::byte> png(reinterpret_cast<const std::byte*>(data),
                             reinterpret_cast<const std::byte*>(data) + size);
  std::free(data);  // NOLINT(cppcoreguidelines-no-malloc): Leptonica allocates with malloc
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
