// Slowing down whoever guesses: failed sign-ins (a password, the token, a
// bearer token) are counted per client address, and after a few each next
// try must wait, longer each time. Kept in memory: a restart forgets, which
// costs a guesser nothing they could not get from waiting.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>

#include "domain/result.h"

namespace kith {

struct ThrottlePolicy {
  int free_failures = 5;                         // failures before any wait
  std::chrono::seconds first_delay{1};           // the wait after the last free failure
  std::chrono::seconds max_delay{300};           // the wait doubles up to this
  std::chrono::seconds forget_after{24 * 3600};  // an address quiet this long starts afresh
  std::size_t max_addresses = 10000;             // beyond it, the longest quiet address is forgotten
};

// The outcome of one try.
struct SignInAttempt {
  bool accepted = false;
  // Not zero: the try was not even checked; the client must wait this long.
  std::chrono::seconds retry_after{0};
};

class SignInThrottle {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;

  explicit SignInThrottle(ThrottlePolicy policy = {}) : policy_(policy) {}

  // Runs `check` (true: the credentials are right) for a client at
  // `address`, unless that address must still wait: then `check` is not run
  // (no password hash is computed for a guesser) and retry_after says how
  // long. A failed check counts against the address; a success clears it.
  // IPv6 addresses count per /64, the block one client usually holds.
  // Errors are those of `check`, which count as nothing.
  Result<SignInAttempt> Try(const std::string& address, TimePoint now,
                            const std::function<Result<bool>()>& check);

 private:
  struct Record {
    int failures = 0;
    TimePoint last_failure;
    TimePoint blocked_until;
    int in_flight = 0;  // tries being checked now
  };
  std::chrono::seconds DelayAfter(int failures) const;
  // The record of `key`, made (forgetting others to stay bounded) if new.
  Record& RecordOf(const std::string& key, TimePoint now);
  void Forget(TimePoint now);

  ThrottlePolicy policy_;
  std::mutex mutex_;
  std::unordered_map<std::string, Record> records_;
};

}  // namespace kith
