// kith-scan.so's one exported function (card_reader.h).
#include "scan/card_reader.h"

extern "C" __attribute__((visibility("default"))) void* kith_create_card_reader(const void* options,
                                                                                void* error) {
  auto created = kith::scan::CreateCardReader(*static_cast<const kith::ScanOptions*>(options));
  if (!created) {
    *static_cast<kith::Error*>(error) = created.error();
    return nullptr;
  }
  return created->release();
}
