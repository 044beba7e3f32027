// kith-scan.so's two exported functions (card_reader.h), named after the
// interface digest (card_reader.h) by the asm label.
#include "scan/card_reader.h"

extern "C" __attribute__((visibility("default"))) void* CreateCardReaderEntry(
    const void* options, void* error) __asm__("kith_create_card_reader_" KITH_SCAN_INTERFACE);

void* CreateCardReaderEntry(const void* options, void* error) {
  auto created = kith::scan::CreateCardReader(*static_cast<const kith::ScanOptions*>(options));
  if (!created) {
    *static_cast<kith::Error*>(error) = created.error();
    return nullptr;
  }
  return created->release();
}

extern "C" __attribute__((visibility("default"))) bool PhotoAsJpegEntry(
    const void* image, std::size_t size, int quality, void* jpeg,
    void* error) __asm__("kith_photo_as_jpeg_" KITH_SCAN_INTERFACE);

bool PhotoAsJpegEntry(const void* image, std::size_t size, int quality, void* jpeg, void* error) {
  auto written = kith::scan::PhotoAsJpeg({static_cast<const std::byte*>(image), size}, quality);
  if (!written) {
    *static_cast<kith::Error*>(error) = written.error();
    return false;
  }
  *static_cast<std::vector<std::byte>*>(jpeg) = std::move(*written);
  return true;
}
