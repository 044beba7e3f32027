// Realistic, varied people for demos, tests and benchmarks (`kith gen`).
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "domain/contact.h"
#include "domain/relationship.h"

namespace kith::demo {

// xoshiro256** seeded through splitmix64. The standard engines are portable but
// their distributions are not, and generated people must be the same on every
// standard library so that a seed names one population everywhere.
class Random {
 public:
  explicit Random(std::uint64_t seed) {
    for (auto& word : state_) {
      seed += 0x9e3779b97f4a7c15ULL;
      std::uint64_t mixed = seed;
      mixed = (mixed ^ (mixed >> 30)) * 0xbf58476d1ce4e5b9ULL;
      mixed = (mixed ^ (mixed >> 27)) * 0x94d049bb133111ebULL;
      word = mixed ^ (mixed >> 31);
    }
  }

  std::uint64_t Next() {
    const std::uint64_t result = RotateLeft(state_[1] * 5, 7) * 9;
    const std::uint64_t shifted = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= shifted;
    state_[3] = RotateLeft(state_[3], 45);
    return result;
  }

  // Uniform in [0, bound) for 0 < bound < 2^32. Multiply-shift rather than
  // modulo; its bias, at most bound / 2^32, is negligible at these bounds.
  std::uint32_t Below(std::size_t bound) {
    return static_cast<std::uint32_t>(((Next() >> 32) * bound) >> 32);
  }

  // Favours small values (density falling linearly to zero at `bound`), so
  // pools listed from common to rare come out with realistic frequencies.
  std::uint32_t Skewed(std::size_t bound) { return std::min(Below(bound), Below(bound)); }

  bool Percent(std::uint32_t percent) { return Below(100) < percent; }

 private:
  static std::uint64_t RotateLeft(std::uint64_t value, int bits) {
    return (value << bits) | (value >> (64 - bits));
  }

  std::array<std::uint64_t, 4> state_{};
};

// Makes realistic, varied people: names from many cultures and scripts, work,
// places, how you met, links, and notes a person would write. The same seed
// always gives the same people in the same order. Every person passes
// ValidateContactFields. Not thread-safe: use one generator per thread.
class NetworkGenerator {
 public:
  explicit NetworkGenerator(std::uint64_t seed);

  // The next person. `today` anchors dates: met_on falls within the ~6 years
  // before today (never after it), open_since within the year before it.
  ContactFields Next(const Date& today);
  // A conference dinner of this year, held yesterday: where the demo
  // network's newest people were met, so its follow-ups are due today.
  EventFields RecentEvent(const Date& today);

 private:
  Random random_;
  std::uint64_t serial_ = 0;  // people made so far; numbers addresses of non-Latin names
  // How often each address name has been given out, hashed into buckets, so
  // the second "Maria Garcia" becomes maria.garcia2@… and addresses stay
  // unique without keeping every address made.
  std::vector<std::uint32_t> email_counts_;
};

}  // namespace kith::demo
