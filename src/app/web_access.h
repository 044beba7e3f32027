// Who may use `kith serve` from another machine: a password, kept only as
// an argon2id hash in the settings.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "app/context.h"
#include "app/secrets.h"
#include "app/sign_in_throttle.h"
#include "app/web_sessions.h"
#include "domain/result.h"
#include "store/account_directory.h"

namespace kith {

// Hashes `password` with argon2id (a fresh random salt) and stores the hash.
// kInvalidInput when it is shorter than 8 characters.
Status SetWebPassword(Context& context, const std::string& password);

// Whether a password is set (`kith passwd`).
Result<bool> HasWebPassword(Context& context);

// The stored argon2id hash of the password, "" when none is set: for checks
// that remember a match (CheckSyncCredentials) instead of hashing again.
Result<std::string> WebPasswordHash(Context& context);

// Whether `password` matches the stored hash; false when none is set.
Result<bool> CheckWebPassword(Context& context, const std::string& password);

struct SignInRequest {
  std::string address;  // the client's address: failures count against it
  std::optional<std::string> password;
  std::optional<std::string> token;
  std::string server_token;  // the token `kith serve` accepts; "" for none
};

// A session, or how long the client must wait before it may try again.
struct SignInOutcome {
  std::optional<WebSessionKeys> session;
  std::chrono::seconds retry_after{0};
  // Who signed in, when by account (account_sign_in.h); nullopt for the
  // password of `kith passwd` or the server's token.
  std::optional<WorkspaceAccess> member;
};

// Signs in with the password (`kith passwd`) or the server's token, at most
// as often as `throttle` lets the address try (then nothing is checked and
// retry_after says how long to wait). kInvalidInput when both are wrong or
// absent; errors of StartWebSession.
Result<SignInOutcome> SignIn(Context& context, SignInThrottle& throttle, const SignInRequest& request,
                             const SessionLimits& limits, SignInThrottle::TimePoint now);

// A bearer token from `address`, throttled as a sign-in is: accepted, or
// not, or not checked for retry_after.
SignInAttempt CheckBearerToken(SignInThrottle& throttle, const std::string& address, std::string_view given,
                               std::string_view server_token, SignInThrottle::TimePoint now);

}  // namespace kith
