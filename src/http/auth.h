// Who may use the API: sessions (a cookie) with a CSRF token for writes, a
// bearer token, and the rule that only loopback may go without either.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <httplib.h>

#include "store/account_directory.h"

namespace kith::http {

struct SessionState;
class StorePool;

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

// Host names compared as DNS does: case ignored.
bool SameHostName(std::string_view a, std::string_view b);

// The authority ("kith.example.net", "kith.local:8443") of an http(s) URL,
// as a browser puts it in Host: the default port of its scheme left out.
// "" for anything else.
std::string HostOfUrl(std::string_view url);

// Whether a write comes from the app's own pages (or from no browser at all):
// its Origin, when present, names the same host and port as its Host header;
// without an Origin, a browser's Sec-Fetch-Site must say "same-origin" or
// "none" (typed or bookmarked). Clients that send neither (curl, sync
// clients) are judged by their credentials alone.
bool IsSameOriginRequest(const httplib::Request& request);

// Whether a browser says the request comes from another site's page.
bool IsCrossSiteRequest(const httplib::Request& request);

// The session cookie's value in a request, or "".
std::string SessionIdOf(const httplib::Request& request);
// "kith_session=ID; HttpOnly; SameSite=Strict; Path=/; Max-Age=N": kept by
// the browser for `max_age_seconds` (0 clears it). Under TLS it is also
// `Secure`, so the browser never sends it over plain HTTP.
enum class CookieTransport { kPlain, kTls };
std::string SessionCookie(std::string_view id, std::int64_t max_age_seconds,
                          CookieTransport transport = CookieTransport::kPlain);
// The bearer token of an Authorization header, or "".
std::string BearerTokenOf(const httplib::Request& request);

// The user name and password of "Authorization: Basic …" (RFC 7617: the
// user name ends at the first ':'); none when the header is absent, not
// Basic, not base64 or has no ':'.
struct BasicCredentials {
  std::string user;
  std::string password;
};
std::optional<BasicCredentials> BasicCredentialsOf(const httplib::Request& request);

// The gate of every face a sync client uses (CardDAV under /dav/): HTTP
// Basic with a device's name and app password, or any user name with the
// web password (`kith passwd`) or the server's token. Call it first in a
// handler; true means go on. False means `response` is already answered:
// 401 with `WWW-Authenticate: Basic realm="kith"` when credentials are
// missing or wrong, 429 with Retry-After when the client's address guessed
// wrong too often (the SignInThrottle the web sign-in uses), 500 when the
// store fails. On loopback with no credential set up at all (no password,
// token or device) sync clients need none, as the web app needs none
// there. Nothing of the header is ever logged.
bool AdmitSyncClient(const httplib::Request& request, httplib::Response& response, SessionState& state,
                     StorePool& pool);

// The same gate on a database with accounts: HTTP Basic with
// ACCOUNT@WORKSPACE and the account's password or one of its devices' app
// passwords (CheckSyncMember), on loopback too. True: `member` is who the
// request acts as. False: answered as AdmitSyncClient answers.
bool AdmitSyncMember(const httplib::Request& request, httplib::Response& response, SessionState& state,
                     StorePool& pool, std::optional<WorkspaceAccess>& member);

}  // namespace kith::http
