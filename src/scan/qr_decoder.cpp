#include "scan/qr_decoder.h"

#include <zbar.h>

#include <cstring>
#include <memory>

namespace kith::scan {
namespace {

// zbar.h puts its C API in namespace zbar when compiled as C++.
using zbar::zbar_image_create;
using zbar::zbar_image_destroy;
using zbar::zbar_image_first_symbol;
using zbar::zbar_image_scanner_create;
using zbar::zbar_image_scanner_destroy;
using zbar::zbar_image_scanner_set_config;
using zbar::zbar_image_scanner_t;
using zbar::zbar_image_set_data;
using zbar::zbar_image_set_format;
using zbar::zbar_image_set_size;
using zbar::zbar_image_t;
using zbar::zbar_scan_image;
using zbar::zbar_symbol_get_data;
using zbar::zbar_symbol_get_data_length;
using zbar::zbar_symbol_get_type;
using zbar::zbar_symbol_next;
using zbar::zbar_symbol_t;

struct ScannerDeleter {
  void operator()(zbar_image_scanner_t* scanner) const { zbar_image_scanner_destroy(scanner); }
};
struct ImageDeleter {
  void operator()(zbar_image_t* image) const { zbar_image_destroy(image); }
};

std::vector<std::string> Decode(Pix* gray) {
  const int width = pixGetWidth(gray);
  const int height = pixGetHeight(gray);
  std::vector<unsigned char> luminance(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
  const l_uint32* data = pixGetData(gray);
  const int words_per_line = pixGetWpl(gray);
  for (int y = 0; y < height; ++y) {
    const l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * words_per_line;
    for (int x = 0; x < width; ++x) {
      luminance[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)] =
          static_cast<unsigned char>(GET_DATA_BYTE(line, x));
    }
  }
  std::unique_ptr<zbar_image_scanner_t, ScannerDeleter> scanner(zbar_image_scanner_create());
  zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
  zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
  zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_BINARY, 1);
  std::unique_ptr<zbar_image_t, ImageDeleter> image(zbar_image_create());
  zbar_image_set_format(image.get(), zbar_fourcc('Y', '8', '0', '0'));
  zbar_image_set_size(image.get(), static_cast<unsigned>(width), static_cast<unsigned>(height));
  // zbar only borrows the pixels: `luminance` outlives the scan.
  zbar_image_set_data(image.get(), luminance.data(), luminance.size(), nullptr);
  std::vector<std::string> payloads;
  if (zbar_scan_image(scanner.get(), image.get()) <= 0) return payloads;
  for (const zbar_symbol_t* symbol = zbar_image_first_symbol(image.get()); symbol != nullptr;
       symbol = zbar_symbol_next(symbol)) {
    if (zbar_symbol_get_type(symbol) != zbar::ZBAR_QRCODE) continue;
    payloads.emplace_back(zbar_symbol_get_data(symbol), zbar_symbol_get_data_length(symbol));
  }
  return payloads;
}

}  // namespace

std::vector<std::string> DecodeQrCodes(Pix* gray) {
  if (gray == nullptr || pixGetDepth(gray) != 8) return {};
  auto payloads = Decode(gray);
  if (!payloads.empty()) return payloads;
  // A large photo of a small code: zbar finds it more often at half size.
  constexpr int kLargeSide = 2400;
  if (pixGetWidth(gray) > kLargeSide || pixGetHeight(gray) > kLargeSide) {
    PixPtr half(pixScaleAreaMap2(gray));
    if (half) payloads = Decode(half.get());
  }
  return payloads;
}

}  // namespace kith::scan
