// A kept card photo as a browser can show it (qr_code.h): phones upload
// HEIC, and some scanners TIFF, which not every browser displays.
#include "scan/card_reader.h"
#include "scan/qr_code.h"

namespace kith {
namespace {

// Enough to read a card on a phone's screen, at a tenth of a photo's bytes.
constexpr int kScreenJpegQuality = 85;

bool BrowsersShow(std::string_view mime) {
  return mime == "image/jpeg" || mime == "image/png" || mime == "image/webp" || mime == "image/gif";
}

}  // namespace

Result<ScreenPhoto> PhotoForScreen(std::span<const std::byte> bytes) {
  const std::string_view mime = ImageMimeType(bytes);
  if (mime.empty())
    return Fail(ErrorCode::kInvalidInput, "the kept photo is not an image kith can read", "image");
  if (BrowsersShow(mime)) return ScreenPhoto{std::string(mime), {bytes.begin(), bytes.end()}};
  // Decoding HEIC or TIFF takes the scanning engine (card_reader.h).
  KITH_ASSIGN_OR_RETURN(std::vector<std::byte> jpeg, scan::LoadedPhotoAsJpeg(bytes, kScreenJpegQuality));
  return ScreenPhoto{"image/jpeg", std::move(jpeg)};
}

}  // namespace kith
