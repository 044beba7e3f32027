// Failed sign-ins counted where every server of a database sees them
// (docs/team.md, "Two servers on one database"). Only the PostgreSQL store
// keeps them (SignInFailuresOf gives nullptr for an SQLite file, which one
// `kith serve` serves: its throttle counts in memory).
//
// The book holds counts, not the policy: app/sign_in_throttle.h decides
// how long a count makes an address wait. Times are the database's clock,
// the one clock every server shares.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>

#include "domain/result.h"
#include "store/store.h"

namespace kith {

// What the book holds against one address (its key: IPv6 by /64).
struct SignInFailureCount {
  int failures = 0;                   // since it was last cleared or forgotten
  std::chrono::seconds wait_left{0};  // not zero: tries are refused this much longer
};

// How long the book remembers and how much: an address quiet for
// `forget_after` counts afresh, and beyond `max_addresses` the quietest go.
struct SignInFailureMemory {
  std::chrono::seconds forget_after{24 * 3600};
  std::size_t max_addresses = 10000;
};

class SignInFailureBook {
 public:
  virtual ~SignInFailureBook() = default;

  // The count held against `key`: zero failures for an address the book
  // does not hold or has forgotten.
  [[nodiscard]] virtual Result<SignInFailureCount> SignInFailuresOf(const std::string& key,
                                                                    const SignInFailureMemory& memory) = 0;
  // Counts one more failure against `key` (one transaction: two servers
  // counting at once both count) and makes the address wait
  // `delay_after(failures)` from now, never shortening a wait it already
  // has. Returns the new count.
  [[nodiscard]] virtual Result<int> AddSignInFailure(
      const std::string& key, const SignInFailureMemory& memory,
      const std::function<std::chrono::seconds(int failures)>& delay_after) = 0;
  // Forgets `key`: its credentials were right.
  [[nodiscard]] virtual Status ClearSignInFailures(const std::string& key) = 0;
};

inline SignInFailureBook* SignInFailuresOf(Store& store) { return dynamic_cast<SignInFailureBook*>(&store); }

}  // namespace kith
