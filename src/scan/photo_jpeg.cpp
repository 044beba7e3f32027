// PhotoAsJpeg (card_reader.h): Leptonica decodes, as for a scan, and writes
// the JPEG. Built into kith-scan.so with the rest of the engine.
#include <cstdlib>

#include "scan/card_reader.h"
#include "scan/image_loader.h"

namespace kith::scan {

Result<std::vector<std::byte>> PhotoAsJpeg(std::span<const std::byte> image, int quality) {
  KITH_ASSIGN_OR_RETURN(const PixPtr pix, LoadImage(image));
  l_uint8* data = nullptr;
  size_t size = 0;
  if (pixWriteMemJpeg(&data, &size, pix.get(), quality, 0) != 0 || data == nullptr) {
    return Fail(ErrorCode::kInternal, "the kept photo could not be written as JPEG", "image");
  }
  std::vector<std::byte> jpeg(reinterpret_cast<const std::byte*>(data),
                              reinterpret_cast<const std::byte*>(data) + size);
  std::free(data);  // NOLINT(cppcoreguidelines-no-malloc): Leptonica allocates with malloc
  return jpeg;
}

}  // namespace kith::scan
