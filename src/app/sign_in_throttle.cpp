#include "app/sign_in_throttle.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>

namespace kith {
namespace {

// The key an address counts under: IPv6 by its /64 prefix (one client is
// handed a whole /64 and can pick any address in it), anything else as is.
std::string KeyOf(const std::string& address) {
  std::array<unsigned char, 16> bytes{};
  if (inet_pton(AF_INET6, address.c_str(), bytes.data()) != 1) return address;
  constexpr std::size_t kPrefixBytes = 8;
  return "v6:" + std::string(reinterpret_cast<const char*>(bytes.data()), kPrefixBytes);
}

}  // namespace

std::chrono::seconds SignInThrottle::DelayAfter(int failures) const {
  if (failures < policy_.free_failures) return std::chrono::seconds(0);
  std::chrono::seconds delay = policy_.first_delay;
  for (int extra = policy_.free_failures; extra < failures && delay < policy_.max_delay; ++extra) delay *= 2;
  return std::min(delay, policy_.max_delay);
}

// Drops addresses quiet for long, and at the cap the quietest: memory stays
// bounded whatever number of addresses try.
void SignInThrottle::Forget(TimePoint now) {
  std::erase_if(records_, [&](const auto& entry) {
    return entry.second.in_flight == 0 && now - entry.second.last_failure > policy_.forget_after;
  });
  while (records_.size() >= policy_.max_addresses && !records_.empty()) {
    const auto quietest = std::min_element(
        records_.begin(), records_.end(),
        [](const auto& a, const auto& b) { return a.second.last_failure < b.second.last_failure; });
    records_.erase(quietest);
  }
}

SignInThrottle::Record& SignInThrottle::RecordOf(const std::string& key, TimePoint now) {
  auto found = records_.find(key);
  if (found != records_.end()) return found->second;
  Forget(now);
  return records_.emplace(key, Record{0, now, now, 0}).first->second;
}

Result<SignInAttempt> SignInThrottle::Try(const std::string& address, TimePoint now,
                                          const std::function<Result<bool>()>& check) {
  const std::string key = KeyOf(address);
  {
    const std::lock_guard lock(mutex_);
    Record& record = RecordOf(key, now);
    if (now < record.blocked_until) {
      const auto wait = std::chrono::ceil<std::chrono::seconds>(record.blocked_until - now);
      return SignInAttempt{false, std::max(wait, std::chrono::seconds(1))};
    }
    // Tries sent side by side would each pass before the first failure is
    // counted: once the free ones are spent, one at a time.
    if (record.in_flight > 0 && record.failures + record.in_flight >= policy_.free_failures) {
      return SignInAttempt{false, std::max(DelayAfter(record.failures + 1), std::chrono::seconds(1))};
    }
    ++record.in_flight;
  }
  // The check (argon2id, tens of milliseconds) runs outside the lock.
  const Result<bool> accepted = check();
  const std::lock_guard lock(mutex_);
  Record& record = RecordOf(key, now);
  record.in_flight = std::max(record.in_flight - 1, 0);
  if (!accepted) return tl::unexpected(accepted.error());
  if (*accepted) {
    if (record.in_flight == 0) records_.erase(key);  // nothing to hold against this address
    return SignInAttempt{true, std::chrono::seconds(0)};
  }
  ++record.failures;
  record.last_failure = now;
  record.blocked_until = now + DelayAfter(record.failures);
  return SignInAttempt{false, std::chrono::seconds(0)};
}

}  // namespace kith
