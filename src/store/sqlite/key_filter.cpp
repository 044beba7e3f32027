#include "store/sqlite/key_filter.h"

#include <functional>
#include <string>

#include "domain/validation.h"

namespace kith::sqlite {
namespace {

// 2^27 bits (16 MiB): two bits a key keep false answers near 0.3 % at the
// four million keys of a million LinkedIn rows. A false answer costs only
// the query the filter would have saved.
constexpr std::size_t kWords = std::size_t{1} << 21;
constexpr std::uint64_t kBitMask = (std::uint64_t{1} << 27) - 1;
// An odd constant (the golden ratio's) that spreads the second bit's hash.
constexpr std::uint64_t kMixer = 0x9e3779b97f4a7c15ULL;

}  // namespace

KeyFilter::KeyFilter() : words_(kWords, 0) {}

std::pair<std::uint64_t, std::uint64_t> KeyFilter::BitsOf(FilteredKey kind, std::string_view value) const {
  std::string key(1, static_cast<char>(kind));
  key.append(value);
  const std::uint64_t hash = std::hash<std::string>{}(key);
  const std::uint64_t second = ((hash >> 32) | (hash << 32)) * kMixer;
  return {hash & kBitMask, (second >> 37) & kBitMask};
}

void KeyFilter::Add(FilteredKey kind, std::string_view value) {
  const auto [first, second] = BitsOf(kind, value);
  words_[first / 64] |= std::uint64_t{1} << (first % 64);
  words_[second / 64] |= std::uint64_t{1} << (second % 64);
}

bool KeyFilter::MayHold(FilteredKey kind, std::string_view value) const {
  const auto [first, second] = BitsOf(kind, value);
  return (words_[first / 64] & (std::uint64_t{1} << (first % 64))) != 0 &&
         (words_[second / 64] & (std::uint64_t{1} << (second % 64))) != 0;
}

std::string NamesakeKey(std::string_view sort_name, std::string_view company) {
  std::string key(sort_name);
  key += '\0';
  key += AsciiLower(company);
  return key;
}

}  // namespace kith::sqlite
