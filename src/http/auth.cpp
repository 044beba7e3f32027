#include "http/auth.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>

#include <sodium.h>

#include <cctype>
#include <charconv>
#include <memory>
#include <utility>

#include "app/devices.h"
#include "http/json_errors.h"
#include "http/routes/routes.h"
#include "http/store_pool.h"

namespace kith::http {
namespace {

bool IsLoopbackIpv4(const in_addr& address) { return (ntohl(address.s_addr) >> 24U) == 127U; }

bool IsLoopbackIpv6(const in6_addr& address) {
  if (IN6_IS_ADDR_LOOPBACK(&address)) return true;
  // ::ffff:127.x.y.z is the IPv4 loopback seen through an IPv6 socket.
  if (!IN6_IS_ADDR_V4MAPPED(&address)) return false;
  constexpr std::size_t kV4Offset = 12;
  return address.s6_addr[kV4Offset] == 127U;
}

std::string_view Unbracketed(std::string_view host) {
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') return host.substr(1, host.size() - 2);
  return host;
}

// "name:port", "[v6]:port", "name" -> the host part and the port (-1: none,
// 0: not a number).
std::pair<std::string_view, int> SplitHostPort(std::string_view authority) {
  std::size_t colon = std::string_view::npos;
  if (authority.starts_with('[')) {
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos) return {authority, 0};
    if (close + 1 < authority.size()) {
      if (authority[close + 1] != ':') return {authority, 0};
      colon = close + 1;
    }
  } else {
    colon = authority.find(':');
    if (colon != std::string_view::npos && authority.find(':', colon + 1) != std::string_view::npos)
      return {authority, 0};  // an unbracketed IPv6 literal is not a Host
  }
  if (colon == std::string_view::npos) return {authority, -1};
  const std::string_view digits = authority.substr(colon + 1);
  int port = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
  if (error != std::errc() || end != digits.data() + digits.size() || digits.empty()) port = 0;
  return {authority.substr(0, colon), port};
}

bool SameName(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

// A check that failed, or a client that must still wait: answered here
// (the error, or 429 with Retry-After) before the credentials count.
template <typename Check>
bool AnsweredBeforeCredentials(const Result<Check>& check, httplib::Response& response) {
  if (!check) {
    SendError(response, check.error());
    return true;
  }
  if (check->retry_after.count() > 0) {
    SendTooManyAttempts(response, check->retry_after);
    return true;
  }
  return false;
}

}  // namespace

bool IsLoopbackAddress(std::string_view host) {
  const std::string literal(Unbracketed(host));
  in_addr v4{};
  if (inet_pton(AF_INET, literal.c_str(), &v4) == 1) return IsLoopbackIpv4(v4);
  in6_addr v6{};
  if (inet_pton(AF_INET6, literal.c_str(), &v6) == 1) return IsLoopbackIpv6(v6);
  return false;
}

bool BindsOnlyLoopback(const std::string& host) {
  if (host.empty()) return false;
  if (IsLoopbackAddress(host)) return true;
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (getaddrinfo(std::string(Unbracketed(host)).c_str(), nullptr, &hints, &found) != 0) return false;
  const std::unique_ptr<addrinfo, decltype(&freeaddrinfo)> addresses(found, &freeaddrinfo);
  bool any = false;
  for (const addrinfo* address = found; address != nullptr; address = address->ai_next) {
    any = true;
    if (address->ai_family == AF_INET) {
      // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the sockaddr API
      if (!IsLoopbackIpv4(reinterpret_cast<const sockaddr_in*>(address->ai_addr)->sin_addr)) return false;
    } else if (address->ai_family == AF_INET6) {
      // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the sockaddr API
      if (!IsLoopbackIpv6(reinterpret_cast<const sockaddr_in6*>(address->ai_addr)->sin6_addr)) return false;
    } else {
      return false;
    }
  }
  return any;
}

bool IsExpectedHostHeader(std::string_view header, std::string_view configured, int port) {
  const auto [name, given_port] = SplitHostPort(header);
  if (given_port == 0) return false;
  constexpr int kHttpPort = 80;
  if (given_port == -1 ? port != kHttpPort : given_port != port) return false;
  if (SameName(name, "localhost") || name == "127.0.0.1" || name == "[::1]") return true;
  if (configured.empty()) return false;
  // The configured address in the form a browser puts in Host: IPv6 bracketed.
  const bool configured_v6 = Unbracketed(configured).find(':') != std::string_view::npos;
  if (configured_v6) return name.starts_with('[') && SameName(Unbracketed(name), Unbracketed(configured));
  return SameName(name, configured);
}

bool SameHostName(std::string_view a, std::string_view b) { return SameName(a, b); }

std::string HostOfUrl(std::string_view url) {
  std::string_view default_port;
  if (url.starts_with("https://")) {
    url.remove_prefix(std::string_view("https://").size());
    default_port = ":443";
  } else if (url.starts_with("http://")) {
    url.remove_prefix(std::string_view("http://").size());
    default_port = ":80";
  } else {
    return {};
  }
  std::string_view authority = url.substr(0, url.find('/'));
  if (authority.ends_with(default_port)) authority.remove_suffix(default_port.size());
  return std::string(authority);
}

bool IsSameOriginRequest(const httplib::Request& request) {
  const std::string origin = request.get_header_value("Origin");
  if (!origin.empty()) {
    std::string_view authority = origin;
    if (authority.starts_with("http://")) {
      authority.remove_prefix(std::string_view("http://").size());
    } else if (authority.starts_with("https://")) {
      authority.remove_prefix(std::string_view("https://").size());
    } else {
      return false;  // "null" (a sandboxed frame, a file: page) and other schemes
    }
    return SameName(authority, request.get_header_value("Host"));
  }
  const std::string site = request.get_header_value("Sec-Fetch-Site");
  return site.empty() || site == "same-origin" || site == "none";
}

bool IsCrossSiteRequest(const httplib::Request& request) {
  const std::string site = request.get_header_value("Sec-Fetch-Site");
  return site == "cross-site" || site == "same-site";
}

std::string SessionIdOf(const httplib::Request& request) {
  const std::string cookies = request.get_header_value("Cookie");
  const std::string wanted = std::string(kSessionCookie) + "=";
  std::size_t at = 0;
  while (at < cookies.size()) {
    while (at < cookies.size() && (cookies[at] == ' ' || cookies[at] == ';')) ++at;
    const std::size_t end = cookies.find(';', at);
    const std::string_view cookie =
        std::string_view(cookies).substr(at, end == std::string::npos ? std::string::npos : end - at);
    if (cookie.starts_with(wanted)) return std::string(cookie.substr(wanted.size()));
    if (end == std::string::npos) break;
    at = end + 1;
  }
  return {};
}

std::string SessionCookie(std::string_view id, std::int64_t max_age_seconds, CookieTransport transport) {
  return std::string(kSessionCookie) + "=" + std::string(id) +
         "; HttpOnly; SameSite=Strict; Path=/; Max-Age=" + std::to_string(max_age_seconds) +
         (transport == CookieTransport::kTls ? "; Secure" : "");
}

std::string BearerTokenOf(const httplib::Request& request) {
  const std::string header = request.get_header_value("Authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (!header.starts_with(kBearer)) return {};
  return header.substr(kBearer.size());
}

std::optional<BasicCredentials> BasicCredentialsOf(const httplib::Request& request) {
  const std::string header = request.get_header_value("Authorization");
  constexpr std::string_view kBasic = "Basic ";
  if (header.size() <= kBasic.size() ||
      !SameName(std::string_view(header).substr(0, kBasic.size()), kBasic)) {
    return std::nullopt;
  }
  std::string_view encoded = std::string_view(header).substr(kBasic.size());
  while (!encoded.empty() && encoded.front() == ' ') encoded.remove_prefix(1);
  std::string decoded(encoded.size(), '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(decoded.data()), decoded.size(), encoded.data(),
                        encoded.size(), nullptr, &length, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
    return std::nullopt;
  }
  decoded.resize(length);
  const std::size_t colon = decoded.find(':');
  if (colon == std::string::npos) return std::nullopt;
  return BasicCredentials{decoded.substr(0, colon), decoded.substr(colon + 1)};
}

bool AdmitSyncClient(const httplib::Request& request, httplib::Response& response, SessionState& state,
                     StorePool& pool) {
  const auto credentials = BasicCredentialsOf(request);
  const auto refuse = [&response](std::string_view message) {
    SendHttpError(response, 401, "unauthorized", message);
    response.set_header("WWW-Authenticate", R"(Basic realm="kith", charset="UTF-8")");
    return false;
  };
  Result<SyncCheck> check = SyncCheck{};
  {
    StorePool::Lease lease = pool.Borrow(Access::kRead);
    if (!lease.acting()) {
      SendError(response, lease.acting().error());
      return false;
    }
    const auto needed = SyncNeedsCredentials(lease.context(), state.auth_required, state.token);
    if (!needed) {
      SendError(response, needed.error());
      return false;
    }
    if (!*needed && !credentials) return true;
    if (!credentials) {
      return refuse("sign in with a device's name and app password (kith device add NAME)");
    }
    check = CheckSyncCredentials(
        lease.context(), state.throttle, state.sync_passwords,
        SyncCredentials{request.remote_addr, credentials->user, credentials->password, state.token},
        std::chrono::steady_clock::now());
  }
  if (AnsweredBeforeCredentials(check, response)) return false;
  if (!check->accepted) return refuse("wrong user name or password");
  if (check->device_to_touch) {
    StorePool::Lease lease = pool.Borrow(Access::kWrite);
    if (!lease.acting()) return true;
    // A failed note of the last sync time costs the user nothing but that
    // note; the request itself is good.
    (void)RecordDeviceUse(lease.context(), *check->device_to_touch);
  }
  return true;
}

bool AdmitSyncMember(const httplib::Request& request, httplib::Response& response, SessionState& state,
                     StorePool& pool, std::optional<WorkspaceAccess>& member) {
  const auto refuse = [&response](std::string_view message) {
    SendHttpError(response, 401, "unauthorized", message);
    response.set_header("WWW-Authenticate", R"(Basic realm="kith", charset="UTF-8")");
    return false;
  };
  const auto credentials = BasicCredentialsOf(request);
  if (!credentials) {
    return refuse("sign in as ACCOUNT@WORKSPACE with your password or a device's app password");
  }
  Result<SyncMemberCheck> check = SyncMemberCheck{};
  {
    StorePool::Lease lease = pool.Borrow(Access::kRead);
    if (!lease.acting()) {
      SendError(response, lease.acting().error());
      return false;
    }
    check =
        CheckSyncMember(lease.context(), state.throttle, state.sync_passwords,
                        SyncCredentials{request.remote_addr, credentials->user, credentials->password, ""},
                        std::chrono::steady_clock::now());
  }
  if (AnsweredBeforeCredentials(check, response)) return false;
  if (!check->member) return refuse("wrong user name or password");
  if (check->device_to_touch) {
    StorePool::Lease lease = pool.Borrow(Access::kWrite, check->member);
    // As in AdmitSyncClient: a failed note costs only the note. (A
    // viewer's device is not noted: the policies let only writers change
    // devices.)
    if (lease.acting()) (void)RecordDeviceUse(lease.context(), *check->device_to_touch);
  }
  member = check->member;
  return true;
}

}  // namespace kith::http
