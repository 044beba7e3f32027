// Signing in: a session cookie and the CSRF token writes must carry.
#include "app/account_sign_in.h"
#include "app/web_access.h"
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
  routes.push_back(
      {Method::kGet, "/session", Access::kWrite,
       [&state](const httplib::Request& request, Context& context) -> Result<ApiReply> {
         KITH_ASSIGN_OR_RETURN(const bool accounts, SignsInByAccount(context));
         KITH_ASSIGN_OR_RETURN(const auto live,
                               FindLiveWebSession(context, SessionIdOf(request), state.limits));
         // On a database with accounts only a member's session counts.
         if (live && accounts == live->member.has_value()) {
           return Json(SessionJson(true, live->csrf_token, state.auth_required, accounts, live->member));
         }
         // On loopback nobody needs to sign in: the session exists for
         // its CSRF token, which another site's page cannot read. With
         // accounts everyone signs in, on loopback too.
         if (state.auth_required || accounts) {
           return Json(SessionJson(false, "", state.auth_required, accounts));
         }
         KITH_ASSIGN_OR_RETURN(const WebSessionKeys keys, StartWebSession(context, state.limits));
         return SessionReply(keys, state, 200);
       },
       "Whether you are signed in, and the CSRF token for writes", "session", "", "Session"});
  routes.push_back(
      {Method::kPost, "/session", Access::kWrite,
       [&state](const httplib::Request& request, Context& context) -> Result<ApiReply> {
         KITH_ASSIGN_OR_RETURN(const nlohmann::json body, JsonObjectBody(request));
         KITH_ASSIGN_OR_RETURN(const bool accounts, SignsInByAccount(context));
         if (accounts || body.contains("account")) {
           AccountCredentials credentials;
           credentials.address = request.remote_addr;
           KITH_ASSIGN_OR_RETURN(const auto account, TextMember(body, "account"));
           KITH_ASSIGN_OR_RETURN(const auto password, TextMember(body, "password"));
           KITH_ASSIGN_OR_RETURN(const auto workspace, TextMember(body, "workspace"));
           credentials.account = account.value_or("");
           credentials.password = password.value_or("");
           credentials.workspace = workspace.value_or("");
           KITH_ASSIGN_OR_RETURN(const SignInOutcome outcome,
                                 SignInByAccount(context, state.throttle, credentials, state.limits,
                                                 std::chrono::steady_clock::now()));
           if (!outcome.session) return TooManyAttempts(outcome.retry_after);
           return SessionReply(*outcome.session, state, 201, outcome.member);
         }
         SignInRequest sign_in;
         sign_in.address = request.remote_addr;
         sign_in.server_token = state.token;
         KITH_ASSIGN_OR_RETURN(sign_in.password, TextMember(body, "password"));
         KITH_ASSIGN_OR_RETURN(sign_in.token, TextMember(body, "token"));
         KITH_ASSIGN_OR_RETURN(
             const SignInOutcome outcome,
             SignIn(context, state.throttle, sign_in, state.limits, std::chrono::steady_clock::now()));
         if (!outcome.session) return TooManyAttempts(outcome.retry_after);
         return SessionReply(*outcome.session, state, 201);
       },
       "Sign in: by account, password and workspace on a shared database with accounts; "
       "else with the password (`kith passwd`) or the token",
       "session", "Login", "Session"});
  routes.push_back({Method::kDelete, "/session", Access::kWrite,
                    [&state](const httplib::Request& request, Context& context) -> Result<ApiReply> {
                      KITH_RETURN_IF_ERROR(EndWebSession(context, SessionIdOf(request)));
                      KITH_ASSIGN_OR_RETURN(const bool accounts, SignsInByAccount(context));
                      ApiReply reply = Json(SessionJson(false, "", state.auth_required, accounts));
                      reply.headers.emplace_back("Set-Cookie",
                                                 SessionCookie("", 0, CookieTransportOf(state)));
                      return reply;
                    },
                    "Sign out", "session", "", "Session"});
}

}  // namespace kith::http
