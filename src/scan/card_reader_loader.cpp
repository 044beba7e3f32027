// LoadCardReader: kith-scan.so, loaded on the first scan (card_reader.h).
#include <string>
#include <vector>

#include "formats/kith_module.h"
#include "scan/card_reader.h"

namespace kith::scan {
namespace {

constexpr const char* kCreateReaderSymbol = "kith_create_card_reader_" KITH_SCAN_INTERFACE;
constexpr const char* kPhotoAsJpegSymbol = "kith_photo_as_jpeg_" KITH_SCAN_INTERFACE;

constexpr KithModule kScanModule{kReaderModuleFile, kReaderModuleVariable, "card scanning"};

// One of the module's entry points (kith_module.h finds and opens it).
template <typename Entry>
Result<Entry> ModuleEntry(const char* symbol_name) {
  KITH_ASSIGN_OR_RETURN(void* module, OpenKithModule(kScanModule));
  KITH_ASSIGN_OR_RETURN(void* symbol, KithModuleSymbol(module, kScanModule, symbol_name));
  // POSIX gives a function's address from dlsym as a data pointer.
  return reinterpret_cast<Entry>(symbol);  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
}

}  // namespace

Result<std::unique_ptr<CardReader>> LoadCardReader(const ScanOptions& options) {
  KITH_ASSIGN_OR_RETURN(const auto create, ModuleEntry<CreateReaderEntry>(kCreateReaderSymbol));
  Error error{ErrorCode::kInternal, "the scanning module made no reader", ""};
  void* reader = create(&options, &error);
  if (reader == nullptr) return tl::unexpected(std::move(error));
  return std::unique_ptr<CardReader>(static_cast<CardReader*>(reader));
}

Result<std::vector<std::byte>> LoadedPhotoAsJpeg(std::span<const std::byte> image, int quality) {
  KITH_ASSIGN_OR_RETURN(const auto write, ModuleEntry<PhotoAsJpegEntry>(kPhotoAsJpegSymbol));
  Error error{ErrorCode::kInternal, "the scanning module wrote no JPEG", ""};
  std::vector<std::byte> jpeg;
  if (!write(image.data(), image.size(), quality, &jpeg, &error)) return tl::unexpected(std::move(error));
  return jpeg;
}

}  // namespace kith::scan
