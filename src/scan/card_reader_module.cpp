// kith-scan.so's one exported function (card_reader.h), named after the
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
