#include "app/web_access.h"

#include "app/access.h"

#include "app/secrets.h"

namespace kith {
namespace {

constexpr const char* kPasswordKey = "web.password_hash";

}  // namespace

Status SetWebPassword(Context& context, const std::string& password) {
  KITH_RETURN_IF_ERROR(ValidateNewPassword(password));
  KITH_ASSIGN_OR_RETURN(const std::string encoded, HashPassword(password));
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "set the server password"));
  KITH_RETURN_IF_ERROR(context.store.SetSetting(kPasswordKey, encoded));
  return transaction.Commit();
}

Result<bool> HasWebPassword(Context& context) {
  KITH_ASSIGN_OR_RETURN(const auto stored, context.store.GetSetting(kPasswordKey));
  return stored.has_value() && !stored->empty();
}

Result<std::string> WebPasswordHash(Context& context) {
  KITH_ASSIGN_OR_RETURN(const auto stored, context.store.GetSetting(kPasswordKey));
  return stored.value_or("");
}

Result<bool> CheckWebPassword(Context& context, const std::string& password) {
  KITH_ASSIGN_OR_RETURN(const std::string stored, WebPasswordHash(context));
  return PasswordMatches(stored, password);
}

Result<SignInOutcome> SignIn(Context& context, SignInThrottle& throttle, const SignInRequest& request,
                             const SessionLimits& limits, SignInThrottle::TimePoint now) {
  KITH_ASSIGN_OR_RETURN(const SignInAttempt attempt,
                        throttle.Try(request.address, now, [&]() -> Result<bool> {
                          if (request.token && SameSecret(*request.token, request.server_token)) return true;
                          if (!request.password) return false;
                          return CheckWebPassword(context, *request.password);
                        }));
  if (attempt.retry_after.count() > 0) return SignInOutcome{std::nullopt, attempt.retry_after, std::nullopt};
  if (!attempt.accepted) return Fail(ErrorCode::kInvalidInput, "wrong password or token", "password");
  KITH_ASSIGN_OR_RETURN(WebSessionKeys session, StartWebSession(context, limits));
  return SignInOutcome{std::move(session), std::chrono::seconds(0), std::nullopt};
}

SignInAttempt CheckBearerToken(SignInThrottle& throttle, const std::string& address, std::string_view given,
                               std::string_view server_token, SignInThrottle::TimePoint now) {
  const auto attempt =
      throttle.Try(address, now, [&]() -> Result<bool> { return SameSecret(given, server_token); });
  // The check cannot fail; an error would mean refused.
  return attempt ? *attempt : SignInAttempt{};
}

}  // namespace kith
