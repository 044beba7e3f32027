// Signing in: a session cookie and the CSRF token writes must carry.
#include "app/browser_session.h"
#include "http/json_errors.h"
#include "http/routes/routes.h"

namespace kith::http {
namespace {

// "accounts": whether the server signs people in by account (the web
// app then asks for account, password and workspace); "account",
// "workspace", "role": who is signed in, null for the one person of a
// file or a database without accounts.
nlohmann::json SessionJson(bool authenticated, const std::string& csrf_token, bool auth_required,
                           bool accounts = false,
                           const std::optional<WorkspaceAccess>& member = std::nullopt) {
  nlohmann::json who = {{"account", nullptr}, {"workspace", nullptr}, {"role", nullptr}};
  if (member)
    who = {{"account", member->account},
           {"workspace", member->workspace},
           {"role", std::string(RoleName(member->role))}};
  nlohmann::json session = {
      {"authenticated", authenticated},
      {"csrf_token", csrf_token.empty() ? nlohmann::json(nullptr) : nlohmann::json(csrf_token)},
      {"auth_required", auth_required},
      {"accounts", accounts}};
  session.update(who);
  return session;
}

CookieTransport CookieTransportOf(const SessionState& state) {
  return state.tls ? CookieTransport::kTls : CookieTransport::kPlain;
}

ApiReply SessionReply(const WebSessionKeys& keys, const SessionState& state, int status,
                      const std::optional<WorkspaceAccess>& member = std::nullopt) {
  ApiReply reply =
      Json(SessionJson(true, keys.csrf_token, state.auth_required, member.has_value(), member), status);
  reply.headers.emplace_back("Set-Cookie",
                             SessionCookie(keys.id, state.limits.lifetime_seconds, CookieTransportOf(state)));
  return reply;
}

}  // namespace

void AddSessionRoutes(std::vector<Route>& routes, SessionState& state) {
  // Access::kWrite: answering may start a session, which is stored.
  routes.push_back({Method::kGet, "/session", Access::kWrite,
                    [&state](const httplib::Request& request, Context& context) -> Result<ApiReply> {
                      KITH_ASSIGN_OR_RETURN(
                          const BrowserSession session,
                          BrowserSessionOf(context, SessionIdOf(request), state.limits, state.auth_required));
                      if (session.started) return SessionReply(*session.started, state, 200);
                      return Json(SessionJson(session.authenticated, session.csrf_token, state.auth_required,
                                              session.accounts, session.member));
                    },
                    "Whether you are signed in, and the CSRF token for writes", "session", "", "Session"});
  routes.push_back({Method::kPost, "/session", Access::kWrite,
                    [&state](const httplib::Request& request, Context& context) -> Result<ApiReply> {
                      KITH_ASSIGN_OR_RETURN(const nlohmann::json body, JsonObjectBody(request));
                      BrowserSignIn sign_in;
                      sign_in.address = request.remote_addr;
                      sign_in.server_token = state.token;
                      KITH_ASSIGN_OR_RETURN(sign_in.account, TextMember(body, "account"));
                      KITH_ASSIGN_OR_RETURN(sign_in.password, TextMember(body, "password"));
                      KITH_ASSIGN_OR_RETURN(sign_in.token, TextMember(body, "token"));
                      KITH_ASSIGN_OR_RETURN(sign_in.workspace, TextMember(body, "workspace"));
                      KITH_ASSIGN_OR_RETURN(const SignInOutcome outcome,
                                            SignInBrowser(context, state.throttle, sign_in, state.limits,
                                                          std::chrono::steady_clock::now()));
                      if (!outcome.session) return TooManyAttempts(outcome.retry_after);
                      return SessionReply(*outcome.session, state, 201, outcome.member);
                    },
                    "Sign in: by account, password and workspace on a shared database with accounts; "
                    "else with the password (`kith passwd`) or the token",
                    "session", "Login", "Session"});
  routes.push_back(
      {Method::kDelete, "/session", Access::kWrite,
       [&state](const httplib::Request& request, Context& context) -> Result<ApiReply> {
         KITH_ASSIGN_OR_RETURN(const BrowserSession session, SignOutBrowser(context, SessionIdOf(request)));
         ApiReply reply = Json(SessionJson(false, "", state.auth_required, session.accounts));
         reply.headers.emplace_back("Set-Cookie", SessionCookie("", 0, CookieTransportOf(state)));
         return reply;
       },
       "Sign out", "session", "", "Session"});
}

}  // namespace kith::http
