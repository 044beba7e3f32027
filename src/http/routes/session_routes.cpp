// Signing in: a session cookie and the CSRF token writes must carry.
#include "app/web_access.h"
#include "http/json_errors.h"
#include "http/routes/routes.h"

namespace kith::http {
namespace {

nlohmann::json SessionJson(bool authenticated, const std::string& csrf_token, bool auth_required) {
  return {{"authenticated", authenticated},
          {"csrf_token", csrf_token.empty() ? nlohmann::json(nullptr) : nlohmann::json(csrf_token)},
          {"auth_required", auth_required}};
}

CookieTransport CookieTransportOf(const SessionState& state) {
  return state.tls ? CookieTransport::kTls : CookieTransport::kPlain;
}

ApiReply SessionReply(const WebSessionKeys& keys, const SessionState& state, int status) {
  ApiReply reply = Json(SessionJson(true, keys.csrf_token, state.auth_required), status);
  reply.headers.emplace_back("Set-Cookie",
                             SessionCookie(keys.id, state.limits.lifetime_seconds, CookieTransportOf(state)));
  return reply;
}

}  // namespace

void AddSessionRoutes(std::vector<Route>& routes, SessionState& state) {
  // Access::kWrite: answering may start a session, which is stored.
  routes.push_back({Method::kGet, "/session", Access::kWrite,
                    [&state](const httplib::Request& request, Context& context) -> Result<ApiReply> {
                      KITH_ASSIGN_OR_RETURN(const auto live,
                                            FindLiveWebSession(context, SessionIdOf(request), state.limits));
                      if (live) return Json(SessionJson(true, live->csrf_token, state.auth_required));
                      // On loopback nobody needs to sign in: the session exists for
                      // its CSRF token, which another site's page cannot read.
                      if (state.auth_required) return Json(SessionJson(false, "", true));
                      KITH_ASSIGN_OR_RETURN(const WebSessionKeys keys,
                                            StartWebSession(context, state.limits));
                      return SessionReply(keys, state, 200);
                    },
                    "Whether you are signed in, and the CSRF token for writes", "session", "", "Session"});
  routes.push_back({Method::kPost, "/session", Access::kWrite,
                    [&state](const httplib::Request& request, Context& context) -> Result<ApiReply> {
                      KITH_ASSIGN_OR_RETURN(const nlohmann::json body, JsonObjectBody(request));
                      SignInRequest sign_in;
                      sign_in.address = request.remote_addr;
                      sign_in.server_token = state.token;
                      KITH_ASSIGN_OR_RETURN(sign_in.password, TextMember(body, "password"));
                      KITH_ASSIGN_OR_RETURN(sign_in.token, TextMember(body, "token"));
                      KITH_ASSIGN_OR_RETURN(const SignInOutcome outcome,
                                            SignIn(context, state.throttle, sign_in, state.limits,
                                                   std::chrono::steady_clock::now()));
                      if (!outcome.session) return TooManyAttempts(outcome.retry_after);
                      return SessionReply(*outcome.session, state, 201);
                    },
                    "Sign in with the password (`kith passwd`) or the token", "session", "Login", "Session"});
  routes.push_back({Method::kDelete, "/session", Access::kWrite,
                    [&state](const httplib::Request& request, Context& context) -> Result<ApiReply> {
                      KITH_RETURN_IF_ERROR(EndWebSession(context, SessionIdOf(request)));
                      ApiReply reply = Json(SessionJson(false, "", state.auth_required));
                      reply.headers.emplace_back("Set-Cookie",
                                                 SessionCookie("", 0, CookieTransportOf(state)));
                      return reply;
                    },
                    "Sign out", "session", "", "Session"});
}

}  // namespace kith::http
