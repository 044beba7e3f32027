#include "scan/image_signature.h"

#include <array>
#include <string_view>

namespace kith::scan {

bool LooksLikeHeif(std::span<const std::byte> bytes) {
  if (bytes.size() < 12) return false;
  const std::string_view box(reinterpret_cast<const char*>(bytes.data()) + 4, 8);
  if (box.substr(0, 4) != "ftyp") return false;
  const std::string_view brand = box.substr(4);
  static constexpr std::array<std::string_view, 8> kBrands = {"heic", "heix", "heim", "heis",
                                                              "hevc", "hevx", "mif1", "msf1"};
  for (const auto known : kBrands) {
    if (brand == known) return true;
  }
  return false;
}

}  // namespace kith::scan
