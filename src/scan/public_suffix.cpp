#include "scan/public_suffix.h"

#include <fstream>
#include <mutex>
#include <unordered_set>

namespace kith::scan {
namespace {

struct SuffixRules {
  std::unordered_set<std::string> rules;       // "com", "co.uk"
  std::unordered_set<std::string> wildcards;   // "ck" for "*.ck"
  std::unordered_set<std::string> exceptions;  // "www.ck" for "!www.ck"
  Status status = Ok();
};

SuffixRules Load() {
  SuffixRules loaded;
  std::ifstream in(kPublicSuffixFile);
  if (!in) {
    loaded.status = Fail(ErrorCode::kIo,
                         std::string("the public suffix list cannot be read from ") + kPublicSuffixFile +
                             " (install the Debian package publicsuffix)",
                         "publicsuffix");
    return loaded;
  }
  // Only the ICANN section: the private one lists hosting platforms
  // ("github.io"), whose users' names a card would not show as a company.
  bool icann = false;
  std::string line;
  while (std::getline(in, line)) {
    if (line.find("===BEGIN ICANN DOMAINS===") != std::string::npos) icann = true;
    if (line.find("===END ICANN DOMAINS===") != std::string::npos) break;
    if (!icann || line.empty() || line.rfind("//", 0) == 0) continue;
    line = line.substr(0, line.find_first_of(" \t\r"));
    if (line.rfind("*.", 0) == 0) {
      loaded.wildcards.insert(line.substr(2));
    } else if (line.front() == '!') {
      loaded.exceptions.insert(line.substr(1));
    } else {
      loaded.rules.insert(line);
    }
  }
  if (loaded.rules.empty()) {
    loaded.status =
        Fail(ErrorCode::kIo, std::string("the public suffix list ") + kPublicSuffixFile + " is empty",
             "publicsuffix");
  }
  return loaded;
}

const SuffixRules& Rules() {
  static const SuffixRules rules = Load();
  return rules;
}

}  // namespace

Status LoadPublicSuffixes() { return Rules().status; }

std::optional<std::string> PublicSuffixOf(std::string_view host) {
  const SuffixRules& rules = Rules();
  if (host.empty() || host.front() == '.' || host.back() == '.') return std::nullopt;
  // Each tail of the host, longest first: the first rule that matches is the
  // longest one.
  std::size_t start = 0;
  while (true) {
    const std::string tail(host.substr(start));
    if (rules.exceptions.contains(tail)) {
      // "!www.ck": www.ck is registrable, its suffix is what follows.
      const auto dot = tail.find('.');
      return dot == std::string::npos ? std::nullopt : std::optional<std::string>(tail.substr(dot + 1));
    }
    if (rules.rules.contains(tail)) return tail;
    const auto dot = tail.find('.');
    if (dot != std::string::npos && rules.wildcards.contains(tail.substr(dot + 1))) return tail;
    if (dot == std::string::npos) return std::nullopt;
    start += dot + 1;
  }
}

std::optional<std::string> RegisteredLabel(std::string_view host) {
  const auto suffix = PublicSuffixOf(host);
  if (!suffix || suffix->size() + 1 >= host.size()) return std::nullopt;
  const std::string_view rest = host.substr(0, host.size() - suffix->size() - 1);
  if (rest.empty() || rest.back() == '.') return std::nullopt;
  const auto dot = rest.rfind('.');
  return std::string(dot == std::string_view::npos ? rest : rest.substr(dot + 1));
}

bool HasPublicSuffix(std::string_view host) { return RegisteredLabel(host).has_value(); }

}  // namespace kith::scan
