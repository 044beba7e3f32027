#include "scan/field_extraction.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "domain/utf8.h"
#include "domain/validation.h"
#include "scan/text_patterns.h"
#include "scan/word_lists.h"

namespace kith::scan {
namespace {

// Below this Tesseract confidence a line is more likely a texture, a logo or
// the table under the card than words.
constexpr float kMinimumLineConfidence = 35.0F;

struct Candidate {
  std::string text;
  const OcrLine* line = nullptr;
  std::vector<std::string> words;  // folded, lower case, without punctuation
  double name_score = 0;
  double company_score = 0;
  double title_score = 0;
};

std::vector<std::string> SplitWords(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : AsciiLower(FoldToAscii(text)) + " ") {
    if (c == ' ' || c == ',' || c == '&' || c == '/' || c == '(' || c == ')' || c == '|') {
      while (!word.empty() && (word.back() == ':' || word.back() == ';')) word.pop_back();
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  return words;
}

// Strokes and dots OCR finds at the edges of a line (card borders, bullets).
std::string TrimNoise(std::string_view text) {
  const auto noise = [](char c) {
    return c == '|' || c == '_' || c == '-' || c == '~' || c == '=' || c == '*' || c == ',' || c == ';' ||
           c == ':' || c == '"' || c == ' ' || c == '\\' || c == '/' || c == '[' || c == ']' || c == '{' ||
           c == '}' || c == '>' || c == '<';
  };
  while (!text.empty() && (noise(text.front()) || text.front() == '.' || text.front() == '\''))
    text.remove_prefix(1);
  while (!text.empty() && noise(text.back())) text.remove_suffix(1);
  return std::string(text);
}

int CountLetters(std::string_view text) {
  int letters = 0;
  for (const char32_t c : DecodeUtf8(text)) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F)) ++letters;
  }
  return letters;
}

bool StartsUpper(std::string_view word) {
  const std::u32string decoded = DecodeUtf8(word);
  if (decoded.empty()) return false;
  const char32_t c = decoded.front();
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
}

bool HasDigit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A person's name: two to four words, each capitalised, letters with
// hyphens and apostrophes ("Álvarez-Núñez", "O'Brien", "de la Cruz").
bool NameShaped(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : std::string(text) + " ") {
    if (c == ' ') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  if (words.size() < 2 || words.size() > 4) return false;
  int capitalised = 0;
  for (const auto& part : words) {
    for (const char32_t c : DecodeUtf8(part)) {
      const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F);
      if (!letter && c != '-' && c != '\'' && c != '.') return false;
    }
    if (StartsUpper(part)) ++capitalised;
  }
  return capitalised >= 2;
}

// The registrable part of the domains on the card ("acme" from
// "jo@mail.acme.co.uk" or "www.acme.com"): a company's name often spells it.
std::vector<std::string> DomainLabels(const ScannedCard& card) {
  std::vector<std::string> hosts;
  for (const auto& email : card.emails) hosts.push_back(email.substr(email.find('@') + 1));
  if (!card.website.empty()) {
    std::string host = card.website;
    if (const auto scheme = host.find("://"); scheme != std::string::npos) host = host.substr(scheme + 3);
    host = host.substr(0, host.find('/'));
    hosts.push_back(host);
  }
  std::vector<std::string> labels;
  for (std::string host : hosts) {
    if (host.rfind("www.", 0) == 0) host = host.substr(4);
    const auto dot = host.find('.');
    std::string label = host.substr(0, dot);
    std::erase(label, '-');
    constexpr std::size_t kShortest = 3;
    if (label.size() >= kShortest) labels.push_back(label);
  }
  return labels;
}

bool MatchesDomain(std::string_view text, const std::vector<std::string>& labels) {
  const std::string letters = LettersOf(text);
  if (letters.size() < 3) return false;
  for (const auto& label : labels) {
    // "Kestrel Analytics" and kestrel.io; "Bluefin Solutions AG" and
    // bluefinsolutions.net: the label starts the name or the name starts it.
    constexpr std::size_t kPrefix = 5;
    const std::size_t shared = std::min({kPrefix, label.size(), letters.size()});
    if (letters.compare(0, shared, label, 0, shared) == 0) return true;
    if (letters.find(label) != std::string::npos) return true;
  }
  return false;
}

// Puts back the accents OCR dropped or changed in well-known family names
// ("Garcia" -> "García", "Bjórn Köhler" keeps its given name as read).
std::string RestoreAccents(const std::string& name) {
  std::string out;
  std::string part;
  const auto flush = [&] {
    if (part.empty()) return;
    const std::string_view spelling = AccentedFamilyName(AsciiLower(FoldToAscii(part)));
    out += spelling.empty() ? part : std::string(spelling);
    part.clear();
  };
  for (const char c : name) {
    if (c == ' ' || c == '-') {
      flush();
      out += c;
    } else {
      part += c;
    }
  }
  flush();
  return out;
}

void Score(Candidate& candidate, int tallest, const std::vector<std::string>& domains) {
  int suffixes = 0;
  int company_words = 0;
  int title_words = 0;
  for (std::size_t i = 0; i < candidate.words.size(); ++i) {
    const std::string& word = candidate.words[i];
    // "S.A." and "Inc." are suffixes only after the name they end.
    if (i > 0 && IsCompanySuffix(word)) ++suffixes;
    if (IsCompanyWord(word)) ++company_words;
    if (IsTitleWord(word)) ++title_words;
  }
  const double relative_size =
      tallest > 0 ? static_cast<double>(candidate.line->height) / static_cast<double>(tallest) : 0.0;
  const bool domain = MatchesDomain(candidate.text, domains);
  const bool digits = HasDigit(candidate.text);

  double name = NameShaped(candidate.text) ? 2.0 : 0.0;
  name += 2.0 * relative_size;
  if (!candidate.words.empty() && IsGivenName(candidate.words.front())) name += 1.0;
  name -= 3.0 * suffixes + 1.5 * company_words + 1.5 * title_words + (digits ? 3.0 : 0.0);
  if (domain && !NameShaped(candidate.text)) name -= 1.0;

  double company = 3.0 * std::min(suffixes, 1) + 1.2 * std::min(company_words, 2) + (domain ? 2.0 : 0.0);
  company -= 1.0 * title_words;
  company += 0.3 * relative_size;

  double title = 1.5 * std::min(title_words, 3);
  title -= 3.0 * std::min(suffixes, 1) + 0.8 * company_words + (domain ? 1.0 : 0.0);

  candidate.name_score = name;
  candidate.company_score = company;
  candidate.title_score = title;
}

double Confidence(const OcrLine& line, double factor) {
  return std::clamp(static_cast<double>(line.confidence) / 100.0 * factor, 0.0, 1.0);
}

void AddUnique(std::vector<std::string>& values, const std::string& value) {
  if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
}

// "ezhangobeacon.fr" beside "www.beacon.fr" or on an "E:" line: an email
// whose '@' OCR read as a letter. Only mended when the domain is known from
// the card or the line is labelled as an email.
std::optional<std::string> EmailWithLostAt(const std::string& text, const std::vector<std::string>& domains) {
  std::string token = AsciiLower(Trim(text));
  // "jbeckerG saffron.io": one space beside the misread '@' goes too.
  if (std::count(token.begin(), token.end(), ' ') == 1) std::erase(token, ' ');
  if (token.find(' ') != std::string::npos || token.find('.') == std::string::npos) return std::nullopt;
  for (const auto& domain : domains) {
    if (token.size() < domain.size() + 2 ||
        token.compare(token.size() - domain.size(), domain.size(), domain) != 0) {
      continue;
    }
    const std::size_t at = token.size() - domain.size() - 1;
    const char misread = token[at];
    if (misread == 'o' || misread == 'a' || misread == 'q' || misread == 'g' || misread == 'e' ||
        misread == '0') {
      return token.substr(0, at) + "@" + domain;
    }
  }
  return std::nullopt;
}

// Takes the patterns out of a line; what is left (if anything) goes back.
std::string TakePatterns(const OcrLine& line, const std::string& text, const std::string& phone_region,
                         const std::vector<std::string>& known_domains, ScannedCard& card,
                         std::vector<double>& email_confidence, std::vector<double>& phone_confidence,
                         double& website_confidence, double& links_confidence) {
  std::string rest = StripLabel(text);
  bool found_any = false;
  for (const auto& email : FindEmails(rest)) {
    AddUnique(card.emails, email.value);
    email_confidence.push_back(Confidence(line, email.repaired ? 0.9 : 1.0));
    found_any = true;
  }
  if (rest.find('@') != std::string::npos && found_any) return {};
  if (const auto handle = FindHandle(rest)) {
    card.links.push_back(MakeLink(LinkKind::kTwitter, "https://twitter.com/" + *handle));
    links_confidence = std::max(links_confidence, Confidence(line, 1.0));
    return {};
  }
  if (const auto email = EmailWithLostAt(rest, known_domains)) {
    AddUnique(card.emails, *email);
    email_confidence.push_back(Confidence(line, 0.8));
    return {};
  }
  bool url_found = false;
  for (const auto& url : FindUrls(rest)) {
    const std::string full = url.value.find("://") == std::string::npos ? "https://" + url.value : url.value;
    if (const auto kind = ProfileKind(url.value)) {
      card.links.push_back(MakeLink(*kind, full));
      links_confidence = std::max(links_confidence, Confidence(line, 1.0));
      url_found = true;
    } else if (url.value.find('.') != std::string::npos &&
               (url.value.rfind("www.", 0) == 0 || url.value.find("://") != std::string::npos ||
                StripLabel(text) != text || AsciiLower(Trim(rest)) == url.value)) {
      if (card.website.empty()) {
        card.website = url.value;
        website_confidence = Confidence(line, 1.0);
      }
      url_found = true;
    }
  }
  if (url_found) return {};
  const auto phones = FindPhones(rest, phone_region);
  for (const auto& phone : phones) {
    const bool duplicate = std::any_of(card.phones.begin(), card.phones.end(), [&](const Phone& known) {
      return !phone.phone.e164.empty() && known.e164 == phone.phone.e164;
    });
    if (duplicate) continue;
    card.phones.push_back(phone.phone);
    const double placed = phone.phone.e164.empty() ? 0.6 : 1.0;
    phone_confidence.push_back(Confidence(line, placed * (phone.repaired ? 0.9 : 1.0)));
  }
  if (!phones.empty() && !LooksLikeAddress(rest)) return {};
  return found_any ? std::string{} : text;
}

double Mean(const std::vector<double>& values) {
  if (values.empty()) return 0;
  double sum = 0;
  for (const double value : values) sum += value;
  return sum / static_cast<double>(values.size());
}

// The domains the card spells out, to mend an email whose '@' was misread
// wherever on the card its website is printed.
std::vector<std::string> KnownDomains(const std::vector<OcrLine>& lines) {
  std::vector<std::string> known_domains;
  for (const auto& line : lines) {
    const std::string text = NormalizeOcrText(line.text);
    for (const auto& email : FindEmails(StripLabel(text))) {
      known_domains.push_back(email.value.substr(email.value.find('@') + 1));
    }
    for (const auto& url : FindUrls(StripLabel(text))) {
      std::string host = url.value;
      if (const auto scheme = host.find("://"); scheme != std::string::npos) host = host.substr(scheme + 3);
      if (host.rfind("www.", 0) != 0) continue;  // only a printed website is sure to be one
      known_domains.push_back(
          host.substr(4, host.find('/') == std::string::npos ? std::string::npos : host.find('/') - 4));
    }
  }
  return known_domains;
}

// "ada.martin@redwoodhealth.os" beside "redwoodhealth.es": the website
// spells the domain the email's last letters blurred.
void MendEmailDomainsFromWebsite(ScannedCard& card) {
  if (card.website.empty()) return;
  std::string host = card.website;
  if (const auto scheme = host.find("://"); scheme != std::string::npos) host = host.substr(scheme + 3);
  if (host.rfind("www.", 0) == 0) host = host.substr(4);
  host = host.substr(0, host.find('/'));
  const std::string label = host.substr(0, host.find('.'));
  for (auto& email : card.emails) {
    const std::string domain = email.substr(email.find('@') + 1);
    if (domain != host && domain.rfind(label + ".", 0) == 0 && domain.size() + 1 >= host.size() &&
        domain.size() <= host.size() + 1) {
      email.resize(email.find('@') + 1);
      email += host;
    }
  }
}

// A line left once the patterns are taken, if it can be a name, a company
// or a title: enough letters, read with enough confidence.
std::optional<Candidate> CandidateFrom(const OcrLine& line, const std::string& rest) {
  Candidate candidate;
  candidate.text = TrimNoise(rest);
  candidate.line = &line;
  const int letters = CountLetters(candidate.text);
  constexpr int kFewestLetters = 2;
  if (letters < kFewestLetters || line.confidence < kMinimumLineConfidence) return std::nullopt;
  if (static_cast<double>(letters) < 0.6 * static_cast<double>(CharacterCount(candidate.text))) {
    return std::nullopt;
  }
  candidate.words = SplitWords(candidate.text);
  return candidate;
}

// Name first (the surest), then company and title from what is left; a
// company with no telltale word is the largest line left that is not a title.
void PickNameCompanyAndTitle(std::vector<Candidate>& candidates, ScannedCard& card) {
  int tallest = 0;
  for (const auto& candidate : candidates) tallest = std::max(tallest, candidate.line->height);
  const auto domains = DomainLabels(card);
  for (auto& candidate : candidates) Score(candidate, tallest, domains);

  const auto pick = [&](auto score, double threshold) -> std::optional<std::size_t> {
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      if (candidates[i].line == nullptr) continue;
      if (score(candidates[i]) < threshold) continue;
      if (!best || score(candidates[i]) > score(candidates[*best])) best = i;
    }
    return best;
  };
  const auto take = [&](std::optional<std::size_t> index, std::string& field, const char* key,
                        double factor) {
    if (!index) return;
    field = candidates[*index].text;
    card.confidence[key] = Confidence(*candidates[*index].line, factor);
    candidates[*index].line = nullptr;
  };
  const auto name = pick([](const Candidate& c) { return NameShaped(c.text) ? c.name_score : -1.0; }, 2.0);
  if (name) {
    take(name, card.name, "name", std::min(1.0, candidates[*name].name_score / 4.0));
    card.name = RestoreAccents(card.name);
  }
  const auto company = pick([](const Candidate& c) { return c.company_score; }, 1.0);
  if (company)
    take(company, card.company, "company", std::min(1.0, candidates[*company].company_score / 3.0));
  const auto title = pick([](const Candidate& c) { return c.title_score; }, 1.0);
  if (title) take(title, card.title, "title", std::min(1.0, candidates[*title].title_score / 3.0));
  if (card.company.empty()) {
    const auto fallback = pick(
        [](const Candidate& c) {
          return c.title_score <= 0 && c.words.size() <= 5 ? static_cast<double>(c.line->height) : -1.0;
        },
        0.0);
    take(fallback, card.company, "company", 0.5);
  }
}

}  // namespace

ScannedCard ExtractFields(const std::vector<OcrLine>& lines, const std::string& phone_region) {
  ScannedCard card;
  card.source = ScanSource::kOcr;
  std::vector<double> email_confidence;
  std::vector<double> phone_confidence;
  double website_confidence = 0;
  double links_confidence = 0;
  std::vector<std::string> address_parts;
  double address_confidence = 1.0;
  std::vector<Candidate> candidates;
  const std::vector<std::string> known_domains = KnownDomains(lines);
  for (const auto& line : lines) {
    const std::string text = NormalizeOcrText(line.text);
    if (text.empty()) continue;
    card.lines.push_back(text);
    if (line.confidence < kMinimumLineConfidence / 2) continue;
    const std::string rest = TakePatterns(line, text, phone_region, known_domains, card, email_confidence,
                                          phone_confidence, website_confidence, links_confidence);
    if (rest.empty()) continue;
    if (LooksLikeAddress(rest)) {
      address_parts.push_back(TrimNoise(StripLabel(rest)));
      address_confidence = std::min(address_confidence, Confidence(line, 0.9));
      continue;
    }
    if (auto candidate = CandidateFrom(line, rest)) candidates.push_back(std::move(*candidate));
  }
  MendEmailDomainsFromWebsite(card);
  if (!card.emails.empty()) card.confidence["emails"] = Mean(email_confidence);
  if (!card.phones.empty()) card.confidence["phones"] = Mean(phone_confidence);
  if (!card.website.empty()) card.confidence["website"] = website_confidence;
  if (!card.links.empty()) card.confidence["links"] = links_confidence;
  if (!address_parts.empty()) {
    for (const auto& part : address_parts) card.address += (card.address.empty() ? "" : ", ") + part;
    card.confidence["address"] = address_confidence;
  }
  PickNameCompanyAndTitle(candidates, card);
  return card;
}

}  // namespace kith::scan
