// What kind of image bytes hold, from their first bytes alone: no decoder
// is loaded to ask it.
#pragma once

#include <cstddef>
#include <span>

namespace kith::scan {

// Whether the bytes start like an ISO base media file holding HEIF/HEIC.
bool LooksLikeHeif(std::span<const std::byte> bytes);

}  // namespace kith::scan
