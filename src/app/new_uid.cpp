#include <array>
#include <cstdint>

#include "app/contacts.h"

namespace kith {

UidGenerator::UidGenerator() {
  // Seed the whole engine state from the kernel, once: opening the random
  // device for every uid would dominate bulk imports.
  std::random_device device;
  std::array<std::uint32_t, 8> seed{};
  for (auto& word : seed) word = device();
  std::seed_seq sequence(seed.begin(), seed.end());
  engine_.seed(sequence);
}

std::string UidGenerator::Next() {
  std::array<std::uint8_t, 16> bytes{};
  const std::uint64_t high = engine_();
  const std::uint64_t low = engine_();
  for (std::size_t i = 0; i < 8; ++i) {
    bytes.at(i) = static_cast<std::uint8_t>(high >> (8 * i));
    bytes.at(i + 8) = static_cast<std::uint8_t>(low >> (8 * i));
  }
  bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0F) | 0x40);  // version 4
  bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3F) | 0x80);  // RFC 4122 variant
  static constexpr char kHex[] = "0123456789abcdef";
  std::string uid;
  uid.reserve(36);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) uid += '-';
    uid += kHex[bytes.at(i) >> 4];
    uid += kHex[bytes.at(i) & 0x0F];
  }
  return uid;
}

std::string NewUid() { return UidGenerator().Next(); }

}  // namespace kith
