// Signing in: a session cookie and the CSRF token writes must carry.
#include "app/web_access.h"
#include "http/routes/routes.h"

namespace kith::http {
namespace {

nlohmann::json SessionJson(bool authenticated, const std::string& csrf_token, bool auth_required) {
  return {{"authenticated", authenticated},
          {"csrf_token", csrf_token.empty() ? nlohmann::json(nullptr) : nlohmann::json(csrf_token)},
          {"auth_required", auth_required}};
}

ApiReply StartSession(SessionState& state, int status) {
  const std::string id = state.sessions.Create();
  const auto session = state.sessions.Find(id);
  ApiReply reply = Json(SessionJson(true, session ? session->csrf_token : "", state.auth_required), status);
  reply.headers.emplace_back("Set-Cookie", SessionCookie(id));
  return reply;
}

}  // namespace

void AddSessionRoutes(std::vector<Route>& routes, SessionState& state) {
  routes.push_back({Method::kGet, "/session", Access::kRead,
                    [&state](const httplib::Request& request, Context& /*context*/) -> Result<ApiReply> {
                      if (const auto session = state.sessions.Find(SessionIdOf(request))) {
                        return Json(SessionJson(true, session->csrf_token, state.auth_required));
                      }
                      // On loopback nobody needs to sign in: the session exists for
                      // its CSRF token, which another site's page cannot read.
                      if (!state.auth_required) return StartSession(state, 200);
                      return Json(SessionJson(false, "", true));
                    },
                    "Whether you are signed in, and the CSRF token for writes", "session", "", "Session"});
  routes.push_back({Method::kPost, "/session", Access::kRead,
                    [&state](const httplib::Request& request, Context& context) -> Result<ApiReply> {
                      KITH_ASSIGN_OR_RETURN(const nlohmann::json body, JsonObjectBody(request));
                      KITH_ASSIGN_OR_RETURN(const auto password, TextMember(body, "password"));
                      KITH_ASSIGN_OR_RETURN(const auto token, TextMember(body, "token"));
                      bool accepted = token && SameSecret(*token, state.token);
                      if (!accepted && password) {
                        KITH_ASSIGN_OR_RETURN(accepted, CheckWebPassword(context, *password));
                      }
                      if (!accepted) {
                        return Fail(ErrorCode::kInvalidInput, "wrong password or token", "password");
                      }
                      return StartSession(state, 201);
                    },
                    "Sign in with the password (`kith passwd`) or the token", "session", "Login", "Session"});
  routes.push_back({Method::kDelete, "/session", Access::kRead,
                    [&state](const httplib::Request& request, Context& /*context*/) -> Result<ApiReply> {
                      state.sessions.Remove(SessionIdOf(request));
                      ApiReply reply = Json(SessionJson(false, "", state.auth_required));
                      reply.headers.emplace_back("Set-Cookie", SessionCookie("", true));
                      return reply;
                    },
                    "Sign out", "session", "", "Session"});
}

}  // namespace kith::http
