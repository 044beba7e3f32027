// What the web app's `/session` answers: whether this browser is signed
// in, the CSRF token its writes carry, and whom it acts as. The route only
// translates; the decisions (who must sign in, when a session starts by
// itself, which way a sign-in goes) are made here.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "app/account_sign_in.h"
#include "app/context.h"
#include "app/sign_in_throttle.h"
#include "app/web_access.h"
#include "app/web_sessions.h"
#include "domain/result.h"

namespace kith {

struct BrowserSession {
  bool authenticated = false;
  std::string csrf_token;  // empty when not signed in
  // Whether the server signs people in by account (a shared database
  // with accounts): the web app then asks for account, password and
  // workspace.
  bool accounts = false;
  // Who is signed in, by account; nullopt for the one person of a file or
  // a database without accounts.
  std::optional<WorkspaceAccess> member;
  // Set when answering started a session: its cookie is to be handed out.
  std::optional<WebSessionKeys> started;
};

// The browser's session. A live one is answered as it is (on a database
// with accounts only a member's counts). On loopback with no sign-in
// required a session starts by itself, for its CSRF token, which another
// site's page cannot read; with accounts everyone signs in, on loopback
// too. Writes when it starts a session.
Result<BrowserSession> BrowserSessionOf(Context& context, std::string_view session_id,
                                        const SessionLimits& limits, bool sign_in_required);

// A sign-in as the web app sends it: by account, password and workspace
// on a database with accounts (or whenever an account is named, so that
// a personal file says it has none), else with the password of
// `kith passwd` or the server's token.
struct BrowserSignIn {
  std::string address;       // the client's address: failures count against it
  std::string server_token;  // the token `kith serve` accepts; "" for none
  std::optional<std::string> account;
  std::optional<std::string> password;
  std::optional<std::string> token;
  std::optional<std::string> workspace;
};
Result<SignInOutcome> SignInBrowser(Context& context, SignInThrottle& throttle, const BrowserSignIn& sign_in,
                                    const SessionLimits& limits, SignInThrottle::TimePoint now);

// Signs the browser out (an unknown id is not an error) and says what a
// signed-out browser sees.
Result<BrowserSession> SignOutBrowser(Context& context, std::string_view session_id);

}  // namespace kith
