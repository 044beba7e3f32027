#include "http/auth.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <sodium.h>
#include <sys/socket.h>

#include <array>
#include <cctype>
#include <charconv>
#include <memory>
#include <utility>

namespace kith::http {
namespace {

constexpr auto kSessionLifetime = std::chrono::hours(24 * 7);

}  // namespace

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

std::string RandomToken() {
  static const bool initialised = sodium_init() >= 0;
  (void)initialised;
  constexpr std::size_t kBytes = 32;
  std::array<unsigned char, kBytes> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::array<char, kBytes * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
  return {hex.data(), kBytes * 2};
}

bool SameSecret(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.empty()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string Sessions::Create() {
  std::string id = RandomToken();
  const std::lock_guard lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  std::erase_if(sessions_, [now](const auto& entry) { return entry.second.expires < now; });
  sessions_[id] = Session{RandomToken(), now + kSessionLifetime};
  return id;
}

std::optional<Sessions::Session> Sessions::Find(std::string_view id) {
  if (id.empty()) return std::nullopt;
  const std::lock_guard lock(mutex_);
  const auto found = sessions_.find(std::string(id));
  if (found == sessions_.end() || found->second.expires < std::chrono::steady_clock::now())
    return std::nullopt;
  return found->second;
}

void Sessions::Remove(std::string_view id) {
  const std::lock_guard lock(mutex_);
  sessions_.erase(std::string(id));
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

std::string SessionCookie(std::string_view id, bool clear) {
  std::string cookie =
      std::string(kSessionCookie) + "=" + std::string(id) + "; HttpOnly; SameSite=Strict; Path=/";
  if (clear) cookie += "; Max-Age=0";
  return cookie;
}

std::string BearerTokenOf(const httplib::Request& request) {
  const std::string header = request.get_header_value("Authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (!header.starts_with(kBearer)) return {};
  return header.substr(kBearer.size());
}

}  // namespace kith::http
