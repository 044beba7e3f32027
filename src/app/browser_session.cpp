#include "app/browser_session.h"

#include <utility>

namespace kith {

Result<BrowserSession> BrowserSessionOf(Context& context, std::string_view session_id,
                                        const SessionLimits& limits, bool sign_in_required) {
  BrowserSession session;
  KITH_ASSIGN_OR_RETURN(session.accounts, SignsInByAccount(context));
  KITH_ASSIGN_OR_RETURN(const auto live, FindLiveWebSession(context, session_id, limits));
  if (live && session.accounts == live->member.has_value()) {
    session.authenticated = true;
    session.csrf_token = live->csrf_token;
    session.member = live->member;
    return session;
  }
  if (sign_in_required || session.accounts) return session;
  KITH_ASSIGN_OR_RETURN(WebSessionKeys keys, StartWebSession(context, limits));
  session.authenticated = true;
  session.csrf_token = keys.csrf_token;
  session.started = std::move(keys);
  return session;
}

Result<SignInOutcome> SignInBrowser(Context& context, SignInThrottle& throttle, const BrowserSignIn& sign_in,
                                    const SessionLimits& limits, SignInThrottle::TimePoint now) {
  KITH_ASSIGN_OR_RETURN(const bool accounts, SignsInByAccount(context));
  if (accounts || sign_in.account) {
    AccountCredentials credentials;
    credentials.address = sign_in.address;
    credentials.account = sign_in.account.value_or("");
    credentials.password = sign_in.password.value_or("");
    credentials.workspace = sign_in.workspace.value_or("");
    return SignInByAccount(context, throttle, credentials, limits, now);
  }
  SignInRequest request;
  request.address = sign_in.address;
  request.server_token = sign_in.server_token;
  request.password = sign_in.password;
  request.token = sign_in.token;
  return SignIn(context, throttle, request, limits, now);
}

Result<BrowserSession> SignOutBrowser(Context& context, std::string_view session_id) {
  KITH_RETURN_IF_ERROR(EndWebSession(context, session_id));
  BrowserSession session;
  KITH_ASSIGN_OR_RETURN(session.accounts, SignsInByAccount(context));
  return session;
}

}  // namespace kith
