// A kept card photo as a browser can show it (qr_code.h): phones upload
// HEIC, and some scanners TIFF, which not every browser displays.
#include <cstdlib>

#include "scan/image_loader.h"
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
  KITH_ASSIGN_OR_RETURN(const scan::PixPtr pix, scan::LoadImage(bytes));
  l_uint8* data = nullptr;
  size_t size = 0;
  if (pixWriteMemJpeg(&data, &size, pix.get(), kScreenJpegQuality, 0) != 0 || data == nullptr) {
    return Fail(ErrorCode::kInternal, "the kept photo could not be written as JPEG", "image");
  }
  ScreenPhoto photo{
      "image/jpeg",
      {reinterpret_cast<const std::byte*>(data), reinterpret_cast<const std::byte*>(data) + size}};
  std::free(data);  // NOLINT(cppcoreguidelines-no-malloc): Leptonica allocates with malloc
  return photo;
}

}  // namespace kith
