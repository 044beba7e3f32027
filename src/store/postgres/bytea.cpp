#include "store/postgres/bytea.h"

namespace kith::postgres {
namespace {

unsigned DigitValue(char digit) {
  if (digit >= '0' && digit <= '9') return static_cast<unsigned>(digit - '0');
  return static_cast<unsigned>(digit - 'a') + 10U;
}

}  // namespace

std::string ByteaHex(std::span<const std::byte> bytes) {
  constexpr std::string_view kDigits = "0123456789abcdef";
  std::string hex = "\\x";
  hex.reserve(2 + bytes.size() * 2);
  for (const std::byte byte : bytes) {
    const auto value = std::to_integer<unsigned>(byte);
    hex += kDigits[value >> 4U];
    hex += kDigits[value & 0xFU];
  }
  return hex;
}

Result<std::vector<std::byte>> ByteaBytes(std::string_view hex, std::string_view what) {
  if (!hex.starts_with("\\x") || hex.size() % 2 != 0) {
    return Fail(ErrorCode::kInternal, "PostgreSQL sent " + std::string(what) + " not in bytea's hex form",
                "db");
  }
  std::vector<std::byte> bytes;
  bytes.reserve((hex.size() - 2) / 2);
  for (std::size_t i = 2; i + 1 < hex.size(); i += 2) {
    bytes.push_back(static_cast<std::byte>((DigitValue(hex[i]) << 4U) | DigitValue(hex[i + 1])));
  }
  return bytes;
}

Result<std::string> ByteaString(std::string_view hex, std::string_view what) {
  KITH_ASSIGN_OR_RETURN(const std::vector<std::byte> bytes, ByteaBytes(hex, what));
  std::string text(bytes.size(), '\0');
  for (std::size_t i = 0; i < bytes.size(); ++i) text[i] = static_cast<char>(bytes[i]);
  return text;
}

}  // namespace kith::postgres
