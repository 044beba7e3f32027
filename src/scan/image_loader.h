// Image bytes to a Leptonica image: JPEG, PNG, WebP, TIFF, GIF, BMP and PNM
// through Leptonica, HEIC/HEIF (iPhone photos) through libheif.
#pragma once

#include <cstddef>
#include <span>

#include "domain/result.h"
#include "scan/pix.h"

namespace kith::scan {

// kInvalidInput: the file is empty, is not an image of a known kind, cannot be
// decoded, or is smaller than a card could be read from (under 32 pixels a side).
Result<PixPtr> LoadImage(std::span<const std::byte> bytes);

// Whether the bytes start like an ISO base media file holding HEIF/HEIC.
bool LooksLikeHeif(std::span<const std::byte> bytes);

}  // namespace kith::scan
