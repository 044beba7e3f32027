// Slowing down whoever guesses: failed sign-ins (a password, the token, a
// bearer token) are counted per client address, and after a few each next
// try must wait, longer each time. Kept in memory, where a restart forgets
// (which costs a guesser nothing they could not get from waiting) — or, for
// the servers of one PostgreSQL database, in the database
// (store/sign_in_failures.h), so servers behind one load balancer count a
// guesser's tries together.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "domain/result.h"
#include "store/sign_in_failures.h"
#include "store/store.h"

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

  // From now on failures are counted in `store`'s book (a connection of its
  // own, used by nobody else), which every server of the database shares;
  // its clock decides the waits. A store without a book (an SQLite file)
  // changes nothing: one server serves a file, and its memory is the count.
  void CountIn(std::unique_ptr<Store> store);

  // Runs `check` (true: the credentials are right) for a client at
  // `address`, unless that address must still wait: then `check` is not run
  // (no password hash is computed for a guesser) and retry_after says how
  // long. A failed check counts against the address; a success clears it.
  // IPv6 addresses count per /64, the block one client usually holds.
  // Errors are those of `check`, which count as nothing, and of the shared
  // book (a lost database), which let no try through. `now` times the
  // memory's waits; a shared book times them by the database's clock.
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
  Result<SignInAttempt> TryShared(const std::string& key, TimePoint now,
                                  const std::function<Result<bool>()>& check);
  SignInFailureMemory Memory() const { return {policy_.forget_after, policy_.max_addresses}; }

  ThrottlePolicy policy_;
  std::mutex mutex_;
  std::unordered_map<std::string, Record> records_;
  // The database's book when one is shared; its connection is used under
  // mutex_ (one statement at a time, a few per failed sign-in).
  std::unique_ptr<Store> shared_store_;
  SignInFailureBook* shared_ = nullptr;
};

}  // namespace kith
