// QR codes made, for showing your own card on a phone (`kith card`); what
// kind of image some bytes are, and a kept photo as a browser can show it.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"

namespace kith {

struct QrCode {
  int size = 0;            // modules per side, without the quiet zone
  std::vector<bool> dark;  // size * size, row by row
  bool At(int x, int y) const {
    return x >= 0 && y >= 0 && x < size && y < size &&
           dark[static_cast<std::size_t>(y) * static_cast<std::size_t>(size) + static_cast<std::size_t>(x)];
  }
};

// Encodes `text` as bytes (8-bit mode, so UTF-8 names survive) with medium
// error correction. kInvalidInput when it is too long for a QR code.
Result<QrCode> EncodeQrCode(std::string_view text);

// The code as a PNG, `module_pixels` per module, with the four-module quiet
// zone scanners need.
Result<std::vector<std::byte>> QrCodePng(const QrCode& code, int module_pixels);

// "image/jpeg", "image/png", "image/webp", "image/tiff", "image/heic", …
// from the first bytes; empty when they are not an image kith can read.
std::string_view ImageMimeType(std::span<const std::byte> bytes);

// A photo as a browser can show it: JPEG, PNG, WebP and GIF as they are;
// HEIC, TIFF and BMP, which not every browser shows, decoded (turned as the
// file says) and written as JPEG. kInvalidInput when the bytes are not an
// image kith can decode (LoadImage's sentences); kInternal when the JPEG
// cannot be written.
struct ScreenPhoto {
  std::string mime;
  std::vector<std::byte> bytes;
};
Result<ScreenPhoto> PhotoForScreen(std::span<const std::byte> bytes);

}  // namespace kith
