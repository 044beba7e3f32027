#include <array>
#include <cstdint>
#include <string_view>

#include "app/contacts.h"
#include "domain/date.h"

namespace kith {
namespace {

constexpr std::uint64_t kTimestampMask = (std::uint64_t{1} << 48) - 1;
constexpr std::uint64_t kHighMask = (std::uint64_t{1} << 12) - 1;
constexpr std::uint64_t kLowMask = (std::uint64_t{1} << 62) - 1;

// The value of the two digits at `at`, or -1 when they are not digits.
int TwoDigits(std::string_view text, std::size_t at) {
  if (at + 2 > text.size()) return -1;
  const char tens = text[at];
  const char ones = text[at + 1];
  if (tens < '0' || tens > '9' || ones < '0' || ones > '9') return -1;
  return (tens - '0') * 10 + (ones - '0');
}

// Unix milliseconds of a timestamp as Clock::NowTimestamp gives it
// (2026-11-26T13:35:00Z). 0 when it cannot be read: the uids stay unique
// and ascending within their generator either way.
std::uint64_t UnixMillisecondsOf(std::string_view timestamp) {
  const auto date = ParseIsoDate(timestamp.substr(0, 10));
  const int hours = TwoDigits(timestamp, 11);
  const int minutes = TwoDigits(timestamp, 14);
  const int seconds = TwoDigits(timestamp, 17);
  if (!date || hours < 0 || minutes < 0 || seconds < 0 || date->DaysSinceEpoch() < 0) return 0;
  const auto since_epoch =
      static_cast<std::uint64_t>(((date->DaysSinceEpoch() * 24 + hours) * 60 + minutes) * 60 + seconds);
  return (since_epoch * 1000) & kTimestampMask;
}

}  // namespace

UidGenerator::UidGenerator(const Clock& clock) : milliseconds_(UnixMillisecondsOf(clock.NowTimestamp())) {
  // Seed the whole engine state from the kernel, once: opening the random
  // device for every uid would dominate bulk imports.
  std::random_device device;
  std::array<std::uint32_t, 8> seed{};
  for (auto& word : seed) word = device();
  std::seed_seq sequence(seed.begin(), seed.end());
  engine_.seed(sequence);
  // The counter starts random with its top bit clear (RFC 9562, 6.2), so it
  // has room for 2^41 steps before it would carry into the timestamp.
  counter_high_ = engine_() & (kHighMask >> 1);
  counter_low_ = engine_() & kLowMask;
}

std::string UidGenerator::Next() {
  counter_low_ += 1 + (engine_() & 0xFFFFFFFF);
  if (counter_low_ > kLowMask) {
    counter_low_ &= kLowMask;
    if (++counter_high_ > kHighMask) {
      counter_high_ = 0;
      milliseconds_ = (milliseconds_ + 1) & kTimestampMask;
    }
  }
  std::array<std::uint8_t, 16> bytes{};
  for (std::size_t i = 0; i < 6; ++i) bytes.at(i) = static_cast<std::uint8_t>(milliseconds_ >> (8 * (5 - i)));
  bytes[6] = static_cast<std::uint8_t>(0x70 | (counter_high_ >> 8));  // version 7
  bytes[7] = static_cast<std::uint8_t>(counter_high_);
  bytes[8] = static_cast<std::uint8_t>(0x80 | (counter_low_ >> 56));  // RFC 9562 variant
  for (std::size_t i = 9; i < 16; ++i)
    bytes.at(i) = static_cast<std::uint8_t>(counter_low_ >> (8 * (15 - i)));
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

std::string NewUid(const Clock& clock) { return UidGenerator(clock).Next(); }

}  // namespace kith
