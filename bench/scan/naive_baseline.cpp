#include "bench/scan/naive_baseline.h"

#include <regex>
#include <sstream>

#include "formats/phone_number.h"
#include "scan/text_patterns.h"

namespace kith::bench {

ScannedCard NaiveFields(const std::string& plain_text, const std::string& phone_region) {
  ScannedCard card;
  static const std::regex kEmail(R"([A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,})");
  static const std::regex kPhone(R"(\+?[0-9][0-9 ().\-]{6,}[0-9])");
  static const std::regex kUrl(R"((?:https?://)?(?:www\.)[A-Za-z0-9.\-]+\.[A-Za-z]{2,}(?:/\S*)?)");
  static const std::regex kLinkedIn(R"(linkedin\.com/in/[A-Za-z0-9\-_]+)");
  static const std::regex kHandle(R"((^|\s)@([A-Za-z0-9_]+))");
  static const std::regex kName(R"(^[A-Z][^\s\d@]+( [A-Z][^\s\d@]+){1,2}$)");
  static const std::regex kCompany(R"(\b(Inc\.?|LLC|GmbH|Ltd\.?|S\.A\.|SARL|AG|Corp\.?|S\.L\.)$)");
  std::istringstream in(plain_text);
  std::string line;
  std::vector<std::string> lines;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") != std::string::npos) lines.push_back(line);
  }
  std::optional<std::size_t> name_line;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& text = lines[i];
    std::smatch match;
    bool pattern = false;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), kEmail); it != std::sregex_iterator();
         ++it) {
      card.emails.push_back(it->str());
      pattern = true;
    }
    if (std::regex_search(text, match, kLinkedIn)) {
      card.links.push_back(scan::MakeLink(LinkKind::kLinkedIn, "https://" + match.str()));
      pattern = true;
    } else if (!pattern && std::regex_search(text, match, kUrl)) {
      card.website = match.str();
      pattern = true;
    }
    if (!pattern && std::regex_search(text, match, kHandle)) {
      card.links.push_back(scan::MakeLink(LinkKind::kTwitter, "https://twitter.com/" + match[2].str()));
      pattern = true;
    }
    if (!pattern) {
      for (auto it = std::sregex_iterator(text.begin(), text.end(), kPhone); it != std::sregex_iterator();
           ++it) {
        card.phones.push_back(NormalizePhone(it->str(), phone_region));
        pattern = true;
      }
    }
    if (pattern) continue;
    if (card.company.empty() && std::regex_search(text, match, kCompany)) {
      card.company = text;
      continue;
    }
    if (!name_line && std::regex_match(text, kName)) {
      name_line = i;
      card.name = text;
      continue;
    }
    if (name_line && i == *name_line + 1) card.title = text;
  }
  return card;
}

}  // namespace kith::bench
