// Image bytes to a Leptonica image: JPEG, PNG, WebP, TIFF, GIF, BMP and PNM
// through Leptonica, HEIC/HEIF (iPhone photos) through libheif.
#pragma once

#include <cstddef>
#include <span>

#include "domain/result.h"
#include "scan/image_signature.h"
#include "scan/pix.h"
#include "scan/scan.h"

namespace kith::scan {

// A file past this is refused before any decoding.
inline constexpr std::size_t kMaxImageBytes = kMaxCardImageBytes;
// Phones shoot 12-48 megapixels. The size an image declares in its header is
// checked before it is decoded, so a small file that claims to be huge (a
// "decompression bomb") is refused at once instead of filling memory.
inline constexpr long long kMaxImagePixels = 50'000'000;
// JPEGs with more pixels than this are decoded at half (or a quarter…) size,
// which libjpeg does cheaply: OCR scales every card to 1600 pixels anyway.
inline constexpr long long kFullSizeJpegPixels = 16'000'000;

// kInvalidInput: the file is empty, larger than kMaxImageBytes, is not an
// image of a known kind, declares more than kMaxImagePixels, cannot be decoded
// (cut short or damaged), or is smaller than a card could be read from (under
// 32 pixels a side).
Result<PixPtr> LoadImage(std::span<const std::byte> bytes);

}  // namespace kith::scan
