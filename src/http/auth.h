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

// Whether `host` is a loopback address (127.0.0.0/8, ::1, localhost).
bool IsLoopbackHost(std::string_view host);

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
