#include <array>
#include <cstdint>
#include <random>

#include "app/contacts.h"

namespace kith {

std::string NewUid() {
  // random_device reads the kernel's generator; one instance per call keeps
  // this free of shared state.
  std::random_device device;
  std::array<std::uint8_t, 16> bytes{};
  for (std::size_t i = 0; i < bytes.size(); i += 4) {
    const std::uint32_t word = device();
    for (std::size_t j = 0; j < 4; ++j) bytes.at(i + j) = static_cast<std::uint8_t>(word >> (8 * j));
  }
  bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0F) | 0x40);  // version 4
  bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3F) | 0x80);  // RFC 4122 variant
  static constexpr char kHex[] = "0123456789abcdef";
  std::string uid;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) uid += '-';
    uid += kHex[bytes.at(i) >> 4];
    uid += kHex[bytes.at(i) & 0x0F];
  }
  return uid;
}

}  // namespace kith
