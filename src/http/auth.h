// Who may use the API: sessions (a cookie) with a CSRF token for writes, a
// bearer token, and the rule that only loopback may go without either.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

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

// The session cookie's value in a request, or "".
std::string SessionIdOf(const httplib::Request& request);
// "kith_session=ID; HttpOnly; SameSite=Strict; Path=/; Max-Age=N": kept by
// the browser for `max_age_seconds` (0 clears it).
std::string SessionCookie(std::string_view id, std::int64_t max_age_seconds);
// The bearer token of an Authorization header, or "".
std::string BearerTokenOf(const httplib::Request& request);

}  // namespace kith::http
