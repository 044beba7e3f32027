#include "app/sign_in_throttle.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>

namespace kith {
namespace {

// The key an address counts under: IPv6 by its /64 prefix (one client is
// handed a whole /64 and can pick any address in it), anything else as is.
// Text (hex), so the database can keep it.
std::string KeyOf(const std::string& address) {
  std::array<unsigned char, 16> bytes{};
  if (inet_pton(AF_INET6, address.c_str(), bytes.data()) != 1) return address;
  constexpr std::size_t kPrefixBytes = 8;
  constexpr std::string_view kHex = "0123456789abcdef";
  std::string key = "v6:";
  for (std::size_t i = 0; i < kPrefixBytes; ++i) {
    key += kHex[bytes[i] >> 4U];
    key += kHex[bytes[i] & 0xFU];
  }
  return key;
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

void SignInThrottle::CountIn(std::unique_ptr<Store> store) {
  const std::lock_guard lock(mutex_);
  shared_ = store ? SignInFailuresOf(*store) : nullptr;
  shared_store_ = shared_ ? std::move(store) : nullptr;
}

// The same policy over the database's counts. The memory keeps only the
// tries this server is checking now (in_flight), for the rule that once
// the free tries are spent they go one at a time; the counts and waits are
// the database's, so a failure on any server counts on every other. A try
// is read before its check (one primary-key read) and written only when it
// fails, or when it succeeds against a count (to clear it).
Result<SignInAttempt> SignInThrottle::TryShared(const std::string& key, TimePoint now,
                                                const std::function<Result<bool>()>& check) {
  int failures = 0;
  {
    const std::lock_guard lock(mutex_);
    KITH_ASSIGN_OR_RETURN(const SignInFailureCount held, shared_->SignInFailuresOf(key, Memory()));
    if (held.wait_left.count() > 0) return SignInAttempt{false, held.wait_left};
    Record& record = RecordOf(key, now);
    if (record.in_flight > 0 && held.failures + record.in_flight >= policy_.free_failures) {
      return SignInAttempt{false, std::max(DelayAfter(held.failures + 1), std::chrono::seconds(1))};
    }
    ++record.in_flight;
    failures = held.failures;
  }
  const Result<bool> accepted = check();
  const std::lock_guard lock(mutex_);
  Record& record = RecordOf(key, now);
  record.in_flight = std::max(record.in_flight - 1, 0);
  if (record.in_flight == 0) records_.erase(key);
  if (!accepted) return tl::unexpected(accepted.error());
  if (*accepted) {
    if (failures > 0) KITH_RETURN_IF_ERROR(shared_->ClearSignInFailures(key));
    return SignInAttempt{true, std::chrono::seconds(0)};
  }
  KITH_RETURN_IF_ERROR(
      shared_->AddSignInFailure(key, Memory(), [this](int count) { return DelayAfter(count); }));
  return SignInAttempt{false, std::chrono::seconds(0)};
}

Result<SignInAttempt> SignInThrottle::Try(const std::string& address, TimePoint now,
                                          const std::function<Result<bool>()>& check) {
  const std::string key = KeyOf(address);
  bool shared = false;
  {
    const std::lock_guard lock(mutex_);
    shared = shared_ != nullptr;
  }
  if (shared) return TryShared(key, now, check);
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
