#include "http/auth.h"

#include <sodium.h>

#include <array>

namespace kith::http {
namespace {

constexpr auto kSessionLifetime = std::chrono::hours(24 * 7);

}  // namespace

bool IsLoopbackHost(std::string_view host) {
  return host == "localhost" || host == "::1" || host == "[::1]" || host.starts_with("127.");
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

std::string SessionCookie(std::string_view id, std::int64_t max_age_seconds) {
  return std::string(kSessionCookie) + "=" + std::string(id) +
         "; HttpOnly; SameSite=Strict; Path=/; Max-Age=" + std::to_string(max_age_seconds);
}

std::string BearerTokenOf(const httplib::Request& request) {
  const std::string header = request.get_header_value("Authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (!header.starts_with(kBearer)) return {};
  return header.substr(kBearer.size());
}

}  // namespace kith::http
