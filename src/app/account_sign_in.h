// Signing a member of a shared PostgreSQL database in to `kith serve`: an
// account, its password and a workspace it belongs to (docs/team.md). A
// personal file, or a database without accounts, keeps the one password
// of `kith passwd` (web_access.h).
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "app/context.h"
#include "app/sign_in_throttle.h"
#include "app/web_access.h"
#include "app/web_sessions.h"
#include "domain/result.h"

namespace kith {

// Whether `kith serve` signs people in by account: the store is a shared
// database that has accounts. Once it does, every request acts as the
// member its session (or its CardDAV credentials) signed in.
Result<bool> SignsInByAccount(Context& context);

struct AccountCredentials {
  std::string address;  // the client's address: failures count against it
  std::string account;
  std::string password;
  std::string workspace;  // by name
};

// The member `credentials` name, checked at most as often as `throttle`
// lets the address try: nullopt (with retry_after zero) for a wrong
// account, password or workspace or a non-member alike — the same answer,
// after the same argon2id work, so a guesser learns nothing of which part
// was wrong. Errors are the store's.
struct MemberCheck {
  std::optional<WorkspaceAccess> member;
  std::chrono::seconds retry_after{0};
};
Result<MemberCheck> CheckMember(Context& context, SignInThrottle& throttle,
                                const AccountCredentials& credentials, SignInThrottle::TimePoint now);

// Signs a member in: a session that remembers the account in its
// workspace (web_sessions.h), or how long the address must wait.
// kUnauthorized ("wrong account, password or workspace") for whatever
// CheckMember refuses; kInvalidInput when the store has no accounts (the
// password of `kith passwd` signs in there) or a field is missing.
Result<SignInOutcome> SignInByAccount(Context& context, SignInThrottle& throttle,
                                      const AccountCredentials& credentials, const SessionLimits& limits,
                                      SignInThrottle::TimePoint now);

}  // namespace kith
