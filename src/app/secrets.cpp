#include "app/secrets.h"

#include <argon2.h>
#include <sodium.h>

#include <array>
#include <cstdint>

namespace kith {
namespace {

// OWASP's argon2id baseline: 19 MiB, 2 passes, one lane.
constexpr std::uint32_t kTimeCost = 2;
constexpr std::uint32_t kMemoryKib = 19 * 1024;
constexpr std::uint32_t kLanes = 1;
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

// sodium_init is idempotent and thread-safe; once per process is enough.
bool SodiumReady() {
  static const bool kReady = sodium_init() >= 0;
  return kReady;
}

std::string Hex(const unsigned char* bytes, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}

}  // namespace

Result<std::string> HashPassword(std::string_view password) {
  if (!SodiumReady()) return Fail(ErrorCode::kInternal, "libsodium could not start");
  std::array<unsigned char, kSaltBytes> salt{};
  randombytes_buf(salt.data(), salt.size());
  const std::size_t encoded_length =
      argon2_encodedlen(kTimeCost, kMemoryKib, kLanes, kSaltBytes, kHashBytes, Argon2_id);
  std::string encoded(encoded_length, '\0');
  const int status =
      argon2id_hash_encoded(kTimeCost, kMemoryKib, kLanes, password.data(), password.size(), salt.data(),
                            salt.size(), kHashBytes, encoded.data(), encoded.size());
  if (status != ARGON2_OK) {
    return Fail(ErrorCode::kInternal, std::string("argon2id failed: ") + argon2_error_message(status));
  }
  encoded.resize(encoded.find('\0'));
  return encoded;
}

Status ValidateNewPassword(std::string_view password) {
  constexpr std::size_t kMinimumLength = 8;
  if (password.size() < kMinimumLength) {
    return Fail(ErrorCode::kInvalidInput, "the password needs at least 8 characters", "password");
  }
  return Ok();
}

bool PasswordMatches(const std::string& encoded_hash, std::string_view password) {
  if (encoded_hash.empty()) return false;
  return argon2id_verify(encoded_hash.c_str(), password.data(), password.size()) == ARGON2_OK;
}

Result<std::string> RandomHex(std::size_t bytes) {
  if (!SodiumReady()) return Fail(ErrorCode::kInternal, "libsodium could not start");
  std::string buffer(bytes, '\0');
  randombytes_buf(buffer.data(), buffer.size());
  return Hex(reinterpret_cast<const unsigned char*>(buffer.data()), buffer.size());
}

Result<std::string> RandomText(std::size_t length, std::string_view alphabet) {
  if (!SodiumReady()) return Fail(ErrorCode::kInternal, "libsodium could not start");
  std::string text;
  text.reserve(length);
  for (std::size_t i = 0; i < length; ++i) {
    text += alphabet[randombytes_uniform(static_cast<std::uint32_t>(alphabet.size()))];
  }
  return text;
}

std::string Sha256Hex(std::string_view text) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(text.data()), text.size());
  return Hex(digest.data(), digest.size());
}

bool SameSecret(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.empty()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace kith
