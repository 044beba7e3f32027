// Who may use the API: sessions (a cookie) with a CSRF token for writes, a
// bearer token, and the rule that only loopback may go without either.
#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include <httplib.h>

namespace kith::http {

inline constexpr std::string_view kSessionCookie = "kith_session";
inline constexpr std::string_view kCsrfHeader = "X-CSRF-Token";

// Whether `host` is an address literal of the loopback range: 127.0.0.0/8
// or ::1 (bracketed or not). Names are not addresses: "127.evil.example" is
// not one, whatever it resolves to.
bool IsLoopbackAddress(std::string_view host);

// Whether the server may bind `host` without a password: a loopback address,
// or a name that resolves (now) to loopback addresses only, as "localhost"
// does. A name that does not resolve, or resolves to anything else, is not.
bool BindsOnlyLoopback(const std::string& host);

// The DNS-rebinding guard. A page on evil.example whose name the attacker
// points at 127.0.0.1 reaches the server with "Host: evil.example": only the
// names the user typed to reach kith are accepted, exactly, with the served
// port (absent only when that port is 80). `configured` is the --host the
// server was bound to, also accepted.
bool IsExpectedHostHeader(std::string_view header, std::string_view configured, int port);

// Whether a write comes from the app's own pages (or from no browser at all):
// its Origin, when present, names the same host and port as its Host header;
// without an Origin, a browser's Sec-Fetch-Site must say "same-origin" or
// "none" (typed or bookmarked). Clients that send neither (curl, sync
// clients) are judged by their credentials alone.
bool IsSameOriginRequest(const httplib::Request& request);

// Whether a browser says the request comes from another site's page.
bool IsCrossSiteRequest(const httplib::Request& request);

// 32 random bytes as hex (libsodium), for session ids and CSRF tokens.
std::string RandomToken();

// Equal without leaking where they differ through timing.
bool SameSecret(std::string_view a, std::string_view b);

// The open sessions, in memory: a restart signs everyone out.
class Sessions {
 public:
  struct Session {
    std::string csrf_token;
    std::chrono::steady_clock::time_point expires;
  };
  // A new session; returns its id (the cookie's value).
  std::string Create();
  // The live session with this id, if any.
  std::optional<Session> Find(std::string_view id);
  void Remove(std::string_view id);

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, Session> sessions_;
};

// The session cookie's value in a request, or "".
std::string SessionIdOf(const httplib::Request& request);
// "kith_session=ID; HttpOnly; SameSite=Strict; Path=/" (Max-Age=0 to clear).
std::string SessionCookie(std::string_view id, bool clear = false);
// The bearer token of an Authorization header, or "".
std::string BearerTokenOf(const httplib::Request& request);

}  // namespace kith::http
