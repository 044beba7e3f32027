#include "scan/domain_agreement.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>

#include "scan/public_suffix.h"
#include "scan/text_patterns.h"

namespace kith::scan {
namespace {

// A host split where the registered name is: "mail." + "acme" + ".co.uk".
struct SplitHost {
  std::string before;  // subdomains with their dot, or empty
  std::string label;
  std::string suffix;  // with its leading dot
};

std::optional<SplitHost> Split(const std::string& host) {
  const auto suffix = PublicSuffixOf(host);
  const auto label = RegisteredLabel(host);
  if (!suffix || !label || host.size() < suffix->size() + label->size() + 1) return std::nullopt;
  const std::size_t label_start = host.size() - suffix->size() - 1 - label->size();
  return SplitHost{host.substr(0, label_start), *label, "." + *suffix};
}

// Whether two registered names are one name with a letter or two misread.
bool Near(const std::string& first, const std::string& second) {
  if (first == second) return false;
  const std::size_t shorter = std::min(first.size(), second.size());
  // Short names are too easily another name a letter away ("abc", "abd").
  constexpr std::size_t kShortest = 4;
  constexpr std::size_t kLongForTwo = 8;
  if (shorter < kShortest) return false;
  const int allowed = shorter >= kLongForTwo ? 2 : 1;
  return EditDistance(first, second) <= allowed;
}

// When one reading is surer than the other by less than this, neither is
// taken over the other.
constexpr double kClearlySurer = 0.02;

}  // namespace

void MendGluedWww(const std::vector<ReadValue>& emails, ReadValue& website) {
  const auto web = Split(HostOf(website.value));
  constexpr std::string_view kWww = "www";
  if (!web || !web->before.empty() || web->label.rfind(kWww, 0) != 0) return;
  for (const auto& email : emails) {
    const std::size_t at = email.value.rfind('@');
    if (at == std::string::npos) continue;
    const auto mail = Split(email.value.substr(at + 1));
    if (!mail || mail->suffix != web->suffix) continue;
    // The name straight after "www", or after one letter the dot was read as.
    const std::string after = web->label.substr(kWww.size());
    if (after != mail->label && (after.empty() || after.substr(1) != mail->label)) continue;
    const std::size_t label_at = website.value.find(web->label);
    if (label_at == std::string::npos) return;
    website.value.replace(label_at, web->label.size(), "www." + mail->label);
    return;
  }
}

int EditDistance(const std::string& from, const std::string& to) {
  std::vector<int> previous(to.size() + 1);
  std::iota(previous.begin(), previous.end(), 0);
  std::vector<int> current(to.size() + 1);
  for (std::size_t i = 1; i <= from.size(); ++i) {
    current[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= to.size(); ++j) {
      const int substitution = previous[j - 1] + (from[i - 1] == to[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[to.size()];
}

void ReconcileEmailAndWebsite(std::vector<ReadValue>& emails, ReadValue& website) {
  if (website.value.empty()) return;
  const std::string host = HostOf(website.value);
  const auto web = Split(host);
  if (!web) return;
  for (auto& email : emails) {
    const std::size_t at = email.value.rfind('@');
    if (at == std::string::npos) continue;
    const auto mail = Split(email.value.substr(at + 1));
    if (!mail || mail->suffix != web->suffix || !Near(mail->label, web->label)) continue;
    if (std::abs(email.confidence - website.confidence) < kClearlySurer) continue;
    if (email.confidence < website.confidence) {
      email.value = email.value.substr(0, at + 1) + mail->before + web->label + mail->suffix;
    } else {
      const std::size_t host_at = website.value.find(web->before + web->label);
      if (host_at == std::string::npos) continue;
      website.value.replace(host_at + web->before.size(), web->label.size(), mail->label);
      return;  // the website's name is the email's now
    }
  }
}

}  // namespace kith::scan
