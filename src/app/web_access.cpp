#include "app/web_access.h"

#include <argon2.h>
#include <sodium.h>

#include <array>
#include <fstream>

namespace kith {
namespace {

constexpr const char* kPasswordKey = "web.password_hash";
// OWASP's argon2id baseline: 19 MiB, 2 passes, one lane.
constexpr std::uint32_t kTimeCost = 2;
constexpr std::uint32_t kMemoryKib = 19 * 1024;
constexpr std::uint32_t kLanes = 1;
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

Result<std::array<unsigned char, kSaltBytes>> RandomSalt() {
  std::array<unsigned char, kSaltBytes> salt{};
  std::ifstream random("/dev/urandom", std::ios::binary);
  if (!random.read(reinterpret_cast<char*>(salt.data()), salt.size())) {
    return Fail(ErrorCode::kIo, "cannot read /dev/urandom for a password salt");
  }
  return salt;
}

}  // namespace

Status SetWebPassword(Context& context, const std::string& password) {
  constexpr std::size_t kMinimumLength = 8;
  if (password.size() < kMinimumLength) {
    return Fail(ErrorCode::kInvalidInput, "the password needs at least 8 characters", "password");
  }
  KITH_ASSIGN_OR_RETURN(const auto salt, RandomSalt());
  const std::size_t encoded_length =
      argon2_encodedlen(kTimeCost, kMemoryKib, kLanes, kSaltBytes, kHashBytes, Argon2_id);
  std::string encoded(encoded_length, '\0');
  const int status =
      argon2id_hash_encoded(kTimeCost, kMemoryKib, kLanes, password.data(), password.size(), salt.data(),
                            salt.size(), kHashBytes, encoded.data(), encoded.size());
  if (status != ARGON2_OK) {
    return Fail(ErrorCode::kInternal, std::string("argon2id failed: ") + argon2_error_message(status));
  }
  encoded.resize(encoded.find('\0'));
  KITH_ASSIGN_OR_RETURN(auto transaction, context.store.Begin());
  KITH_RETURN_IF_ERROR(context.store.SetSetting(kPasswordKey, encoded));
  return transaction.Commit();
}

Result<bool> HasWebPassword(Context& context) {
  KITH_ASSIGN_OR_RETURN(const auto stored, context.store.GetSetting(kPasswordKey));
  return stored.has_value() && !stored->empty();
}

Result<bool> CheckWebPassword(Context& context, const std::string& password) {
  KITH_ASSIGN_OR_RETURN(const auto stored, context.store.GetSetting(kPasswordKey));
  if (!stored || stored->empty()) return false;
  return argon2id_verify(stored->c_str(), password.data(), password.size()) == ARGON2_OK;
}

bool SameSecret(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.empty()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

Result<SignInOutcome> SignIn(Context& context, SignInThrottle& throttle, const SignInRequest& request,
                             const SessionLimits& limits, SignInThrottle::TimePoint now) {
  KITH_ASSIGN_OR_RETURN(const SignInAttempt attempt,
                        throttle.Try(request.address, now, [&]() -> Result<bool> {
                          if (request.token && SameSecret(*request.token, request.server_token)) return true;
                          if (!request.password) return false;
                          return CheckWebPassword(context, *request.password);
                        }));
  if (attempt.retry_after.count() > 0) return SignInOutcome{std::nullopt, attempt.retry_after};
  if (!attempt.accepted) return Fail(ErrorCode::kInvalidInput, "wrong password or token", "password");
  KITH_ASSIGN_OR_RETURN(WebSessionKeys session, StartWebSession(context, limits));
  return SignInOutcome{std::move(session), std::chrono::seconds(0)};
}

SignInAttempt CheckBearerToken(SignInThrottle& throttle, const std::string& address, std::string_view given,
                               std::string_view server_token, SignInThrottle::TimePoint now) {
  const auto attempt =
      throttle.Try(address, now, [&]() -> Result<bool> { return SameSecret(given, server_token); });
  // The check cannot fail; an error would mean refused.
  return attempt ? *attempt : SignInAttempt{};
}

}  // namespace kith
