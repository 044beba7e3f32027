#include "scan/field_extraction.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>

#include "domain/utf8.h"
#include "domain/validation.h"
#include "scan/contact_choice.h"
#include "scan/domain_agreement.h"
#include "scan/legal_forms.h"
#include "scan/line_mends.h"
#include "scan/public_suffix.h"
#include "scan/text_patterns.h"

namespace kith::scan {
namespace {

// Below this Tesseract confidence a line is more likely a texture, a logo or
// the table under the card than words.
constexpr float kMinimumLineConfidence = 35.0F;

// A letter's box is about this much taller than it is wide.
constexpr double kHeightPerWidth = 1.8;

struct Candidate {
  std::string text;
  std::string name_text;  // what of it is the name, when it is name-shaped: see NameHead
  const OcrLine* line = nullptr;
  std::vector<std::string> words;  // as printed, split on spaces
  bool name_shaped = false;
  bool one_slip = false;       // name-shaped but for one character OCR misread ("Jo D0e")
  bool legal_form = false;     // ends in Inc, GmbH, Ltd, S.A., …
  bool spells_domain = false;  // spells the card's email or web domain
  int name_in_contacts = 0;    // words of it that the email or profile spells
  double size = 0;             // the print's size: see PrintSize
  std::string joiner;          // the "&" or "and" it ends in as read, which cleaning may drop
  bool used = false;
  // Kept only to finish a company's name over two lines ("B.V." alone):
  // filtered out as too few letters or as a contact's piece otherwise.
  bool continuation_only = false;
};

// How large a line is printed. A box's height reaches from the accents to
// the descenders, so a short line with a tall letter or an accent looks as
// large as a name; the width a character takes does not depend on them.
// Both together, so that neither a narrow typeface nor a tall box decides.
double PrintSize(const std::string& text, const OcrLine& line) {
  const int characters = std::max(1, CharacterCount(text));
  const double per_character = static_cast<double>(line.width) / characters;
  return std::sqrt(line.height * per_character * kHeightPerWidth);
}

// How many letters (of any script) `text` holds.
std::size_t LettersIn(const std::string& text) {
  const std::u32string decoded = DecodeUtf8(text);
  return static_cast<std::size_t>(std::count_if(decoded.begin(), decoded.end(), IsLetter));
}

// Whether a line's box is half as tall again as its letters' width says:
// a mark read with the line (a bar, a speck) stretched it.
bool Stretched(const OcrLine& line, const std::string& text) {
  const int characters = std::max(1, CharacterCount(text));
  constexpr double kStretched = 1.5;
  return line.height > kStretched * kHeightPerWidth * line.width / characters;
}

// A person's name by its shape: two to five words of letters (hyphens,
// apostrophes and an initial's dot allowed), at least two of them
// capitalised; lower-case particles ("van", "da", "de la") may sit between.
bool NameShaped(const std::vector<std::string>& words) {
  if (words.size() < 2 || words.size() > 5) return false;
  int capitalised = 0;
  for (const auto& word : words) {
    const std::u32string decoded = DecodeUtf8(word);
    for (const char32_t c : decoded) {
      if (!IsLetter(c) && c != '-' && c != '\'' && c != '.') return false;
    }
    if (!decoded.empty() && IsUpperLetter(decoded.front())) ++capitalised;
  }
  // The last word is a family name, never a particle.
  const std::u32string last = DecodeUtf8(words.back());
  return capitalised >= 2 && !last.empty() && IsUpperLetter(last.front());
}

// "Ada Qu3nby", "Jo Qu:enby": a name with one character OCR read as a
// digit or a sign inside a word of letters. Still the name's line (the size
// and the title under it say so), though not as printed.
bool NameShapedButOneSlip(const std::vector<std::string>& words) {
  int slips = 0;
  std::vector<std::string> mended;
  for (const auto& word : words) {
    std::string letters;
    int odd = 0;
    for (std::string_view rest = word; !rest.empty();) {
      const std::string_view character = FirstCharacter(rest);
      rest.remove_prefix(std::max<std::size_t>(1, character.size()));
      const std::u32string decoded = DecodeUtf8(character);
      const char32_t c = decoded.empty() ? U'?' : decoded.front();
      if (c == U'@' || c == U'/' || c == U'|') return false;  // a contact or a rule, not a slip
      if (IsLetter(c) || c == U'-' || c == U'\'' || c == U'.') {
        letters += character;
      } else {
        ++odd;
      }
    }
    constexpr int kFewestLetters = 3;
    if (odd > 0 && CharacterCount(letters) < kFewestLetters) return false;
    slips += odd;
    mended.push_back(letters);
  }
  return slips == 1 && NameShaped(mended);
}

// "Jo Quenby: +44 20 …", "Jo Quenby:xs 602 5s4", "Jo Quenby oe ues,": a
// name set in one column and something of the next column (a phone OCR
// misread past its pattern, specks) read with it as one line. The first
// two to five words are the name when they are name-shaped and what
// follows is no part of one: it holds a digit, a colon, an '@' or a slash,
// or two words or more in small letters without a dot (a family name is
// capitalised, particles stand before it, not after, and a legal form in
// small letters is abbreviated: "sp. z o.o.").
struct NameHeadCut {
  std::string head;           // empty when the line is not so
  bool contact_tail = false;  // a sign, an '@' or a slash: no word of a company or title either
};

NameHeadCut NameHead(const std::vector<std::string>& read) {
  // A colon glued to a word ends it: "Quenby:xs" is "Quenby:" and "xs".
  std::vector<std::string> words;
  for (const auto& word : read) {
    const std::size_t colon = word.find_first_of(":;");
    if (colon == std::string::npos || colon == 0 || colon + 1 == word.size()) {
      words.push_back(word);
      continue;
    }
    words.push_back(word.substr(0, colon + 1));
    words.push_back(word.substr(colon + 1));
  }
  constexpr std::size_t kMostNameWords = 5;
  for (std::size_t take = std::min(kMostNameWords, words.size() - 1); take >= 2 && words.size() > 2; --take) {
    std::vector<std::string> head(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(take));
    std::string& last = head.back();
    bool cut_by_sign = false;
    while (!last.empty() && (last.back() == ':' || last.back() == ';' || last.back() == ',')) {
      last.pop_back();
      cut_by_sign = true;
    }
    if (!NameShaped(head)) continue;
    std::string tail;
    int small_words = 0;
    for (std::size_t i = take; i < words.size(); ++i) {
      tail += words[i];
      const std::u32string word = DecodeUtf8(words[i]);
      if (!word.empty() && IsLetter(word.front()) && !IsUpperLetter(word.front())) ++small_words;
    }
    const bool contact = cut_by_sign || tail.find_first_of(":@/") != std::string::npos;
    const bool specks = small_words >= 2 && small_words == static_cast<int>(words.size() - take) &&
                        tail.find('.') == std::string::npos;
    if (contact || specks || HasDigit(tail)) return {JoinWords(head), contact};
  }
  return {};
}

// "Ysolde arackenholt": two to five words of letters, one of them
// with its capital read as a small letter (a blurred B as a). Only taken
// for a name with the email or a profile spelling a word of it: a line of
// the card in sentence case ("Head of sales") looks the same.
bool NameButOneSmallInitial(const std::vector<std::string>& words) {
  constexpr std::size_t kMostWords = 5;
  if (words.size() < 2 || words.size() > kMostWords) return false;
  int small = 0;
  for (const auto& word : words) {
    const std::u32string decoded = DecodeUtf8(word);
    if (!std::all_of(decoded.begin(), decoded.end(), [](char32_t c) { return IsLetter(c) || c == U'-'; }))
      return false;
    if (!IsUpperLetter(decoded.front())) ++small;
  }
  return small == 1;
}

// "T Ysolde Quenby": a logo's edge or a bullet read as a capital before
// a name. A name's initial is printed with its dot, so a lone capital
// without one before two capitalised words goes from the name (a company
// keeps it: "A Better Way").
std::string WithoutLoneCapital(const std::vector<std::string>& words) {
  constexpr std::size_t kFewestWords = 3;
  const std::u32string first = DecodeUtf8(words.front());
  if (words.size() < kFewestWords || first.size() != 1 || !IsUpperLetter(first.front()))
    return JoinWords(words);
  const std::vector<std::string> rest(words.begin() + 1, words.end());
  return NameShaped(rest) ? JoinWords(rest) : JoinWords(words);
}

// The names people chose for their domains ("acme" from "jo@mail.acme.co.uk"
// and "www.acme.com"), by the public suffix list.
std::vector<std::string> DomainLabels(const ScannedCard& card) {
  std::vector<std::string> hosts;
  for (const auto& email : card.emails) hosts.push_back(email.substr(email.find('@') + 1));
  if (!card.website.empty()) hosts.push_back(HostOf(card.website));
  std::vector<std::string> labels;
  for (const auto& host : hosts) {
    auto label = RegisteredLabel(host);
    if (!label) continue;
    std::erase(*label, '-');
    constexpr std::size_t kShortest = 3;
    if (label->size() >= kShortest) labels.push_back(*label);
  }
  return labels;
}

// Whether a line spells a domain of the card: "Acme Rockets" and acme.io,
// "Blue Harbour Atelier" and blueharbour.com. The letters of the line start the
// label, or the label starts them (its first five letters at least).
bool SpellsDomain(std::string_view text, const std::vector<std::string>& labels) {
  const std::string letters = LettersOf(text);
  if (letters.size() < 3) return false;
  for (const auto& label : labels) {
    constexpr std::size_t kPrefix = 5;
    const std::size_t shared = std::min({kPrefix, label.size(), letters.size()});
    if (letters.compare(0, shared, label, 0, shared) == 0) return true;
    if (letters.find(label) != std::string::npos) return true;
  }
  return false;
}

// The words a person's contacts are made of: the local parts of the emails
// and the profile slugs ("jo.doe", "in/jo-doe", "@jodoe").
std::vector<std::string> ContactWords(const ScannedCard& card) {
  std::vector<std::string> words;
  for (const auto& email : card.emails) words.push_back(AsciiLower(email.substr(0, email.find('@'))));
  for (const auto& link : card.links) {
    const auto slash = link.url.find_last_of('/');
    words.push_back(AsciiLower(slash == std::string::npos ? link.url : link.url.substr(slash + 1)));
  }
  return words;
}

// How many words of a line (three letters or more) the contacts spell: a
// person's email and profile are most often made of their name.
int NameWordsInContacts(const std::vector<std::string>& words, const std::vector<std::string>& contacts) {
  int found = 0;
  for (const auto& word : words) {
    const std::string letters = LettersOf(word);
    constexpr std::size_t kShortest = 3;
    if (letters.size() < kShortest) continue;
    for (const auto& contact : contacts) {
      if (LettersOf(contact).find(letters) != std::string::npos) {
        ++found;
        break;
      }
    }
  }
  return found;
}

double Confidence(const OcrLine& line, double factor) {
  return std::clamp(static_cast<double>(line.confidence) / 100.0 * factor, 0.0, 1.0);
}

bool AddUnique(std::vector<std::string>& values, const std::string& value) {
  if (std::find(values.begin(), values.end(), value) != values.end()) return false;
  values.push_back(value);
  return true;
}

// "jdoeoexample.org" beside "www.example.org": an email whose '@' OCR read as
// a letter. Only mended when that domain is printed elsewhere on the card,
// and only for the letters a blurred '@' becomes: a round one, a capital
// (no address is printed with one inside) or a letter outside ASCII (none
// is in an address either: "jdoećexample.org").
std::optional<std::string> EmailWithLostAt(const std::string& text, const std::vector<std::string>& domains) {
  std::string token = Trim(text);
  // "jdoeG example.org": one space beside the misread '@' goes too.
  if (std::count(token.begin(), token.end(), ' ') == 1) std::erase(token, ' ');
  if (token.find(' ') != std::string::npos || token.find('.') == std::string::npos) return std::nullopt;
  const std::string lower = AsciiLower(token);
  for (const auto& domain : domains) {
    if (lower.size() < domain.size() + 2 ||
        lower.compare(lower.size() - domain.size(), domain.size(), domain) != 0) {
      continue;
    }
    const std::size_t end = lower.size() - domain.size();
    std::size_t at = end - 1;
    while (at > 0 && (static_cast<unsigned char>(lower[at]) & 0xC0U) == 0x80U) --at;
    if (at == 0) continue;
    const std::string local = lower.substr(0, at);
    const bool plain_local = std::all_of(local.begin(), local.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '_' || c == '-';
    });
    if (!plain_local || !std::isalnum(static_cast<unsigned char>(local.back()))) continue;
    const char misread = token[at];
    const bool round = end - at == 1 && (misread == 'o' || misread == 'a' || misread == 'q' ||
                                         misread == 'g' || misread == 'e' || misread == '0');
    const bool capital = end - at == 1 && std::isupper(static_cast<unsigned char>(misread)) != 0;
    const bool foreign = end - at > 1;
    if (round || capital || foreign) {
      std::string email = local;
      email += '@';
      email += domain;
      return email;
    }
  }
  return std::nullopt;
}

// "Jo Doe   Cell: +1 415 555 0100", "Jo Doe   Mail: jo@acme.example": a
// name or company set in one column and a phone or an email in the next,
// read by OCR as one line. The words before the contact at `contact` (and
// before its label) are kept when two of them at least are
// capitalised words; what else stands before a phone is its label ("Tel",
// "Mobile phone").
std::string WordsBefore(const std::string& text, std::size_t contact) {
  if (contact == std::string::npos) return {};
  std::vector<std::string> words = SplitSpaces(text.substr(0, contact));
  // A word ending in a colon straight before the number is its label,
  // whatever OCR made of its letters; but a name's last word read with a
  // colon after it is longer than a label, and without it one word would
  // be left of the name.
  while (!words.empty()) {
    const std::string labelled = words.back() + " 1";
    if (StripLabel(labelled) == labelled) {
      if (words.back().back() != ':') break;
      constexpr std::size_t kLongestLabel = 3;
      std::string word = words.back().substr(0, words.back().size() - 1);
      if (words.size() == 2 && LettersIn(word) > kLongestLabel &&
          LettersIn(word) == DecodeUtf8(word).size()) {
        words.back() = std::move(word);
        break;
      }
    }
    words.pop_back();
  }
  int capitalised = 0;
  std::string before;
  for (const auto& word : words) {
    const std::u32string decoded = DecodeUtf8(word);
    constexpr std::size_t kShortest = 2;
    if (decoded.size() >= kShortest && IsUpperLetter(decoded.front()) && IsLetter(decoded[1])) ++capitalised;
    before += (before.empty() ? "" : " ") + word;
  }
  constexpr int kFewestWords = 2;
  if (capitalised < kFewestWords || LooksLikeContactFragment(before)) return {};
  return before;
}

// The line without the one-letter marks OCR reads from specks at its ends
// ("acme.com ı", "' acme.com"): a web address with a speck beside it still
// stands alone on its line.
std::string WithoutSpecks(const std::string& text) {
  std::vector<std::string> words = SplitSpaces(text);
  const auto speck = [](const std::string& word) { return DecodeUtf8(word).size() == 1; };
  while (!words.empty() && speck(words.back())) words.pop_back();
  std::size_t first = 0;
  while (first < words.size() && speck(words[first])) ++first;
  std::string out;
  for (std::size_t i = first; i < words.size(); ++i) out += (out.empty() ? "" : " ") + words[i];
  return out;
}

struct PatternConfidence {
  std::vector<double> emails;
  std::vector<double> phones;
  double website = 0;
  double links = 0;
  std::string mended_website;  // FindSpacedHost's, kept apart until every line is read
  double mended_website_confidence = 0;
};

// Takes the patterns out of a line; what is left (if anything) goes back.
std::string TakePatterns(const OcrLine& line, const std::string& text, const std::string& phone_region,
                         const std::vector<std::string>& known_domains, ScannedCard& card,
                         PatternConfidence& confidence) {
  std::string rest = StripLabel(text);
  bool found_any = false;
  for (const auto& email : FindEmails(rest)) {
    const double sure = (email.repaired ? 0.9 : 1.0) * (email.known_suffix ? 1.0 : 0.5);
    if (AddUnique(card.emails, email.value)) confidence.emails.push_back(Confidence(line, sure));
    found_any = true;
  }
  if (const std::size_t at = rest.find('@'); at != std::string::npos && found_any) {
    const std::size_t word = rest.rfind(' ', at);
    return word == std::string::npos ? std::string{} : WordsBefore(rest, word);
  }
  if (const auto handle = FindHandle(rest)) {
    card.links.push_back(MakeLink(LinkKind::kTwitter, "https://twitter.com/" + *handle));
    confidence.links = std::max(confidence.links, Confidence(line, 1.0));
    return {};
  }
  if (const auto email = EmailWithLostAt(rest, known_domains)) {
    if (AddUnique(card.emails, *email)) confidence.emails.push_back(Confidence(line, 0.8));
    return {};
  }
  bool url_found = false;
  const bool labelled = StripLabel(text) != text;
  for (const auto& url : FindUrls(rest)) {
    const std::string full = url.value.find("://") == std::string::npos ? "https://" + url.value : url.value;
    if (const auto kind = ProfileKind(url.value)) {
      card.links.push_back(MakeLink(*kind, full));
      confidence.links = std::max(confidence.links, Confidence(line, 1.0));
      url_found = true;
      continue;
    }
    // A web address: it says so (www., a scheme, a "Web:" label) or stands
    // alone on its line, and ends in a real public suffix.
    const bool says_so = url.value.rfind("www.", 0) == 0 || url.value.find("://") != std::string::npos;
    const bool alone = AsciiLower(WithoutSpecks(rest)) == url.value;
    if (HasPublicSuffix(HostOf(url.value)) && (says_so || labelled || alone)) {
      if (card.website.empty()) {
        card.website = url.value;
        confidence.website = Confidence(line, 1.0);
      }
      url_found = true;
    }
  }
  if (!url_found) {
    // A web line mended counts only when no address on the card was read
    // as printed (ExtractFields).
    if (const auto host = FindSpacedHost(text)) {
      if (confidence.mended_website.empty()) {
        confidence.mended_website = *host;
        confidence.mended_website_confidence = Confidence(line, 0.8);
      }
      return {};
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
    confidence.phones.push_back(Confidence(line, placed * (phone.repaired ? 0.9 : 1.0)));
  }
  if (!phones.empty() && !LooksLikeAddress(rest))
    return WordsBefore(rest, rest.find_first_of("+(0123456789"));
  return found_any ? std::string{} : text;
}

double Mean(const std::vector<double>& values) {
  if (values.empty()) return 0;
  double sum = 0;
  for (const double value : values) sum += value;
  return sum / static_cast<double>(values.size());
}

int Bottom(const OcrLine& line) { return line.top + line.height; }

// Whether two lines share a left edge, a centre or a right edge: set in the
// same column, as a title is under a name.
bool Aligned(const OcrLine& a, const OcrLine& b) {
  const int tolerance = std::max(a.height, b.height);
  const int centre_a = a.left + a.width / 2;
  const int centre_b = b.left + b.width / 2;
  return std::abs(a.left - b.left) <= tolerance || std::abs(centre_a - centre_b) <= tolerance ||
         std::abs((a.left + a.width) - (b.left + b.width)) <= tolerance;
}

// How far below (positive) or above (negative) `other` is from `line`, in
// heights of `line`; nullopt when they overlap. A line's box reaches from its
// accents to its descenders, so the boxes of two lines set close can overlap
// by a little ("Jo Quigley" over "Sales": the g and y of the name reach into
// the title's box): an overlap of up to a quarter of the shorter line's
// height is lines touching, not one line beside the other.
std::optional<double> Gap(const OcrLine& line, const OcrLine& other) {
  const double height = std::max(1, line.height);
  if (other.top >= Bottom(line)) return (other.top - Bottom(line)) / height;
  if (Bottom(other) <= line.top) return -(line.top - Bottom(other)) / height;
  const int touching = std::min(line.height, other.height) / 4;
  const int centre = line.top + line.height / 2;
  const int other_centre = other.top + other.height / 2;
  if (other_centre > centre && Bottom(line) - other.top <= touching) return 0.0;
  // Above, as a line one pixel above would be.
  if (other_centre < centre && Bottom(other) - line.top <= touching) return -1.0 / height;
  return std::nullopt;
}

// The word a line ends in when it ends where a company's name cannot
// ("Acme &", "Acme and"): the name goes on in the next line. Empty
// when the line ends finished.
std::string Joiner(const std::string& text) {
  const std::string trimmed = Trim(text);
  const auto space = trimmed.rfind(' ');
  if (space == std::string::npos) return {};
  const std::string last = trimmed.substr(space + 1);
  return last == "&" || last == "+" || AsciiLower(last) == "and" ? last : std::string{};
}

std::vector<Candidate> Candidates(const std::vector<std::pair<std::string, const OcrLine*>>& rests,
                                  const ScannedCard& card) {
  const auto labels = DomainLabels(card);
  const auto contacts = ContactWords(card);
  std::vector<Candidate> candidates;
  for (const auto& [rest, line] : rests) {
    Candidate candidate;
    candidate.text = DropSigns(DropStrayLeadingMark(DropSigns(DropMarkBeforeBar(TrimNoise(rest)))));
    candidate.text = MendSameShapeCapital(DropSigns(DropMarkBeforeDomain(candidate.text, labels)));
    candidate.text = MendZeroInAbbreviation(DropBracketedMark(GlueSplitWord(DropSpeckWords(candidate.text))));
    // A name read with the next column's words: the name alone is the
    // name's candidate (and the company's or title's too, when what
    // follows is a contact's), its print measured on the whole line the
    // box spans.
    const std::string measured = candidate.text;
    if (const std::vector<std::string> words = SplitSpaces(candidate.text);
        !NameShaped(words) || HasDigit(candidate.text)) {
      NameHeadCut cut = NameHead(words);
      if (cut.contact_tail) candidate.text = cut.head;
      candidate.name_text = std::move(cut.head);
    }
    candidate.line = line;
    candidate.joiner = Joiner(TrimNoise(rest));
    const std::string& kept = candidate.name_text.empty() ? candidate.text : candidate.name_text;
    const int letters = CountLetters(kept);
    constexpr int kFewestLetters = 2;
    if (letters < kFewestLetters || line->confidence < kMinimumLineConfidence) continue;
    if (LooksLikeContactFragment(kept) ||
        static_cast<double>(letters) < 0.6 * static_cast<double>(CharacterCount(kept))) {
      if (!LegalFormShaped(candidate.text)) continue;
      candidate.continuation_only = true;
    }
    candidate.words = SplitSpaces(candidate.text);
    candidate.name_shaped = NameShaped(candidate.words) && !HasDigit(candidate.text);
    if (!candidate.name_shaped && !candidate.name_text.empty()) {
      candidate.name_shaped = true;
    } else if (!candidate.name_shaped && NameShapedButOneSlip(candidate.words)) {
      candidate.name_shaped = true;
      candidate.one_slip = true;
    }
    if (candidate.name_shaped && candidate.name_text.empty())
      candidate.name_text = WithoutLoneCapital(candidate.words);
    candidate.legal_form = candidate.words.size() > 1 && EndsInLegalForm(candidate.words);
    candidate.spells_domain = SpellsDomain(candidate.text, labels);
    candidate.name_in_contacts = NameWordsInContacts(
        candidate.name_shaped ? SplitSpaces(candidate.name_text) : candidate.words, contacts);
    if (!candidate.name_shaped && candidate.name_in_contacts > 0 && NameButOneSmallInitial(candidate.words)) {
      candidate.name_shaped = true;
      candidate.one_slip = true;
      candidate.name_text = candidate.text;
    }
    // The box holds the joiner cleaning dropped: its width counts its letters.
    const bool joiner_dropped = !candidate.joiner.empty() && Joiner(candidate.text).empty();
    candidate.size = PrintSize(joiner_dropped ? measured + " " + candidate.joiner : measured, *line);
    candidates.push_back(std::move(candidate));
  }
  return candidates;
}

// Whether the line set straight under `index`, in its column, is smaller
// and worded like a title: a name has its title there; a company set alone
// (a band, a header) has nothing under it, its own next line in its own
// size, or a contact line (`Mail: …`, a label before a colon) OCR misread
// past its pattern. Only the nearest line under counts.
bool TitledUnder(const std::vector<Candidate>& candidates, std::size_t index) {
  const Candidate& above = candidates[index];
  const Candidate* nearest = nullptr;
  double nearest_gap = 0;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    if (i == index || !Aligned(*above.line, *c.line)) continue;
    const auto gap = Gap(*above.line, *c.line);
    constexpr double kStraightUnder = 1.0;
    if (!gap || *gap < 0 || *gap > kStraightUnder) continue;
    if (nearest == nullptr || *gap < nearest_gap) {
      nearest = &c;
      nearest_gap = *gap;
    }
  }
  if (nearest == nullptr) return false;
  constexpr int kFewestLetters = 3;
  constexpr double kSmaller = 0.85;
  return nearest->size <= kSmaller * above.size && !HasDigit(nearest->text) &&
         CountLetters(nearest->text) >= kFewestLetters &&
         nearest->text.find_first_of(":@") == std::string::npos;
}

// The name: a name-shaped line, the larger the likelier, above all one the
// email or a profile spells, or with its title under it; never a line
// ending in a legal form.
std::optional<std::size_t> PickName(const std::vector<Candidate>& candidates, double largest, double& score) {
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    if (!c.name_shaped || c.legal_form) continue;
    double points = 2.0 * c.size / std::max(1.0, largest);
    constexpr double kMisread = 0.5;  // a clean line as large is likelier
    if (c.one_slip) points -= kMisread;
    constexpr double kTitledUnder = 0.75;
    if (TitledUnder(candidates, i)) points += kTitledUnder;
    points += 1.5 * std::min(c.name_in_contacts, 2);
    if (c.spells_domain && c.name_in_contacts == 0) points -= 1.5;
    points += c.line->confidence >= 70 ? 0.3 : 0.0;
    if (!best || points > score) {
      best = i;
      score = points;
    }
  }
  return best;
}

// The company when the card says it plainly: a legal form, or the words the
// domain spells.
std::optional<std::size_t> PickCompany(const std::vector<Candidate>& candidates, double largest) {
  std::optional<std::size_t> best;
  double best_points = 0;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    if (c.used || c.continuation_only) continue;
    double points = (c.legal_form ? 3.0 : 0.0) + (c.spells_domain ? 2.5 : 0.0);
    if (points <= 0) continue;
    points += 0.5 * c.size / std::max(1.0, largest);
    points -= c.name_in_contacts > 0 && !c.spells_domain ? 2.0 : 0.0;
    if (points > best_points) {
      best = i;
      best_points = points;
    }
  }
  return best;
}

// The title: the line set closest under (or else over) the name, in its
// column and no larger than it.
std::optional<std::size_t> PickTitle(const std::vector<Candidate>& candidates, const Candidate& name) {
  std::optional<std::size_t> best;
  double best_points = 0;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    if (c.used || c.continuation_only || c.legal_form || c.spells_domain || HasDigit(c.text)) continue;
    constexpr double kLargerThanName = 1.1;
    if (c.size > name.size * kLargerThanName) continue;
    if (!Aligned(*name.line, *c.line)) continue;
    // A name's box far taller than its letters are wide was stretched by a
    // mark read with it (a bar, a speck under the letters): a line that
    // starts in its lower half is under the name, not beside it.
    std::optional<double> gap = Gap(*name.line, *c.line);
    // A speck read as a letter or two in the box is no title.
    constexpr std::size_t kFewestLetters = 3;
    if (!gap && Stretched(*name.line, name.text) && c.line->top > name.line->top + name.line->height / 2 &&
        LettersIn(c.text) >= kFewestLetters)
      gap = 0.0;
    if (!gap) continue;
    constexpr double kFarthest = 2.5;
    const double distance = *gap >= 0 ? *gap : -*gap * 1.5;  // under the name is likelier
    if (distance > kFarthest) continue;
    double points = kFarthest + 0.5 - distance;
    // A line OCR could barely read (another script, a logo) is less likely
    // the title than a clean one just past it: the name written again in
    // another script, read as Latin letters, often sits between the two.
    // The less sure the reading, the further a clean line may be and win.
    constexpr float kClean = 90.0F;
    constexpr float kPerPoint = 15.0F;
    points -= std::max(0.0F, kClean - c.line->confidence) / kPerPoint;
    // A title OCR was unsure of is still the title when it is the line
    // under the name and starts as a title does, with a capital: the doubt
    // only ranks it below a clean line. Over the name, such a line is more
    // often a logo or the name in another script.
    const std::u32string letters = DecodeUtf8(c.text);
    const bool plausible = points > 0 || (*gap >= 0 && !letters.empty() && IsUpperLetter(letters.front()));
    if (plausible && (!best || points > best_points)) {
      best = i;
      best_points = points;
    }
  }
  return best;
}

// A company with no telltale: the largest line left, short and without digits.
std::optional<std::size_t> PickLargestLeft(const std::vector<Candidate>& candidates) {
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    constexpr std::size_t kMostWords = 6;
    constexpr int kFewestLetters = 4;
    if (c.used || c.continuation_only || c.words.size() > kMostWords || HasDigit(c.text) ||
        CountLetters(c.text) < kFewestLetters)
      continue;
    if (!best || c.size > candidates[*best].size) best = i;
  }
  return best;
}

// Whether two lines are printed in one size. A box reaches from the accents
// to the descenders, so a short line with neither (capitals: "HQ") sits in a
// lower box than its first line: then the width its letters take decides.
bool SamePrint(const Candidate& a, const Candidate& b) {
  const int taller = std::max(a.line->height, b.line->height);
  const int shorter = std::min(a.line->height, b.line->height);
  if ((taller - shorter) * 8 <= taller) return true;
  constexpr double kLowestBox = 0.7;  // caps only, against ascenders and descenders
  return shorter >= kLowestBox * taller && std::abs(a.size - b.size) * 8 <= std::max(a.size, b.size);
}

// Whether a company's next line, one word or its legal form alone, is set
// in the print of its first. A box with neither ascenders nor descenders
// ("Makers" under "Brindlemoor Rope", "LLP") is much lower than its first
// line's, so the width a letter takes decides; a legal form is set in
// capitals or abbreviated, and its letters are wider or its dots narrower
// than a word's: there the boxes only need to be near in height.
bool LooselySamePrint(const Candidate& first, const Candidate& next, bool legal_form) {
  const int taller = std::max(first.line->height, next.line->height);
  const int shorter = std::min(first.line->height, next.line->height);
  constexpr double kLowestBox = 0.5;
  if (shorter < kLowestBox * taller) return false;
  if (legal_form) return true;
  constexpr double kLowBox = 0.7;
  if (shorter < kLowBox * taller) return false;
  // A first line that ends in a joiner says the name goes on.
  if (!first.joiner.empty()) return true;
  if (next.words.size() != 1) return false;
  const auto per_letter = [](const Candidate& c) {
    const bool joiner_dropped = !c.joiner.empty() && Joiner(c.text).empty();
    const int characters = CharacterCount(c.text) + (joiner_dropped ? CharacterCount(c.joiner) + 1 : 0);
    return static_cast<double>(c.line->width) / std::max(1, characters);
  };
  const double ratio = per_letter(next) / std::max(1.0, per_letter(first));
  constexpr double kNarrowest = 0.75;
  constexpr double kWidest = 1.33;
  return ratio >= kNarrowest && ratio <= kWidest;
}

// A company set over two lines: the line straight under it in the same
// size and column, or the line straight over it that ends in a joiner (the
// company found by its legal form on its second line). A line that ends in
// a joiner reaches past the usual spacing for its next.
std::string WithContinuation(std::vector<Candidate>& candidates, std::size_t index) {
  const Candidate& first = candidates[index];
  const auto with_joiner = [](const Candidate& c) {
    return c.joiner.empty() || !Joiner(c.text).empty() ? c.text : c.text + " " + c.joiner;
  };
  std::string over;
  std::string under;
  constexpr double kLineSpacing = 1.0;
  constexpr double kJoinedSpacing = 1.5;
  // A company's words are capitalised: a small word alone under it is a
  // speck or a tagline's.
  const auto continues = [&](const Candidate& c) {
    if (c.used || &c == &first || HasDigit(c.text)) return false;
    const std::u32string letters = DecodeUtf8(c.text);
    const bool legal_form = LegalFormShaped(c.text);
    if (letters.empty() || (!IsUpperLetter(letters.front()) && !legal_form)) return false;
    if (!SamePrint(first, c) && !LooselySamePrint(first, c, legal_form)) return false;
    return std::abs(c.line->left - first.line->left) <= std::max(first.line->height, c.line->height);
  };
  for (auto& c : candidates) {
    if (!continues(c) || c.joiner.empty()) continue;
    const auto gap = Gap(*first.line, *c.line);
    if (!gap || *gap >= 0 || -*gap > kJoinedSpacing) continue;
    over = with_joiner(c) + " ";
    c.used = true;
    break;
  }
  for (auto& c : candidates) {
    if (!continues(c)) continue;
    // A legal form's box is low (capitals, dots): it starts further under.
    const double reach = first.joiner.empty() && !LegalFormShaped(c.text) ? kLineSpacing : kJoinedSpacing;
    const auto gap = Gap(*first.line, *c.line);
    if (!gap || *gap < 0 || *gap > reach) continue;
    under = " " + c.text;
    c.used = true;
    break;
  }
  return over + (under.empty() ? first.text : with_joiner(first)) + under;
}

// Lines set along the card's short side (a vertical layout, the card
// photographed upright) come back from OCR read, but in boxes taller than
// wide: their size is their width, and the line after one stands beside
// it. Such lines are turned a quarter, so that size, alignment and what is
// under what mean for them what they mean for lines set across.
std::vector<OcrLine> SetAcross(const std::vector<OcrLine>& lines) {
  std::vector<OcrLine> across = lines;
  for (OcrLine& line : across) {
    // A few letters at least: a lone bar or speck is tall without being set
    // along anything.
    constexpr int kFewestCharacters = 4;
    const bool along = line.height > 2 * line.width && CharacterCount(line.text) >= kFewestCharacters;
    if (!along) continue;
    std::swap(line.left, line.top);
    std::swap(line.width, line.height);
  }
  return across;
}

// A line that is a host and nothing else ("acme.example": a public suffix,
// no label, no "www.", no path), lower case; empty otherwise.
std::string BareHost(std::string_view read) {
  const std::string text = AsciiLower(Trim(NormalizeOcrText(read)));
  const auto urls = FindUrls(text);
  const bool host = urls.size() == 1 && urls.front().value == text && text.rfind("www.", 0) != 0 &&
                    text.find('/') == std::string::npos && HasPublicSuffix(text);
  return host ? text : std::string{};
}

// "jo.doe@" and "acme.example": an address OCR read as two pieces, broken
// after its '@', the host read as a block of its own that starts where the
// first piece ends, on the same row. That host (a public suffix, nothing
// else on its line) finishes the address; its line stays too, for it may
// be the card's web address as well.
std::vector<OcrLine> WithEmailsJoined(std::vector<OcrLine> lines) {
  for (OcrLine& line : lines) {
    const std::string broken = Trim(NormalizeOcrText(line.text));
    if (broken.empty() || broken.back() != '@') continue;
    for (const OcrLine& other : lines) {
      const int overlap = std::min(Bottom(line), Bottom(other)) - std::max(line.top, other.top);
      const int gap = other.left - (line.left + line.width);
      const bool same_row = 2 * overlap >= std::min(line.height, other.height);
      if (&other == &line || !same_row || gap < -line.height || gap > 2 * line.height) continue;
      if (const std::string host = BareHost(other.text); !host.empty()) {
        line.text = broken + host;
        break;
      }
    }
  }
  return lines;
}

// Whether a line's words are all words of a name or company: letters
// (hyphens, apostrophes, an initial's dot), the first capitalised.
bool CapitalisedWords(const std::string& text) {
  const std::vector<std::string> words = SplitSpaces(NormalizeOcrText(text));
  if (words.empty()) return false;
  for (const auto& word : words) {
    const std::u32string decoded = DecodeUtf8(word);
    const bool letters = std::all_of(decoded.begin(), decoded.end(), [](char32_t c) {
      return IsLetter(c) || c == U'-' || c == U'\'' || c == U'.';
    });
    if (decoded.empty() || !letters) return false;
  }
  const std::u32string first = DecodeUtf8(words.front());
  return IsUpperLetter(first.front());
}

// "Ysolde Ferne" and "Tiarnan Quenby": one line OCR read as two blocks,
// broken at a wider space between its words. Two lines of capitalised
// words on the same row, in boxes of one height, the second starting
// within a line's height of where the first ends, are one line. A
// second column starts further off, and a phone or an email beside a name
// is no word of it.
std::vector<OcrLine> WithRowPiecesJoined(std::vector<OcrLine> lines) {
  std::vector<bool> taken(lines.size(), false);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    OcrLine& line = lines[i];
    if (taken[i] || !CapitalisedWords(line.text)) continue;
    for (std::size_t j = 0; j < lines.size(); ++j) {
      const OcrLine& other = lines[j];
      if (j == i || taken[j] || !CapitalisedWords(other.text)) continue;
      const int taller = std::max(line.height, other.height);
      const int shorter = std::min(line.height, other.height);
      const bool same_height = (taller - shorter) * 5 <= taller;
      const bool same_row = std::abs(line.top - other.top) * 4 <= shorter;
      const int gap = other.left - (line.left + line.width);
      if (!same_height || !same_row || gap < 0 || gap > shorter) continue;
      line.text = NormalizeOcrText(line.text) + " " + NormalizeOcrText(other.text);
      line.width = other.left + other.width - line.left;
      line.top = std::min(line.top, other.top);
      line.height = taller;
      line.confidence = std::min(line.confidence, other.confidence);
      taken[j] = true;
      break;
    }
  }
  std::vector<OcrLine> joined;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!taken[i]) joined.push_back(std::move(lines[i]));
  }
  return joined;
}

}  // namespace

ScannedCard ExtractFields(const std::vector<OcrLine>& read, const std::string& phone_region) {
  const std::vector<OcrLine> lines =
      WithRowPiecesJoined(WithEmailsJoined(WithContactReadingsTaken(SetAcross(read), phone_region)));
  ScannedCard card;
  card.source = ScanSource::kOcr;
  PatternConfidence confidence;
  std::vector<std::string> address_parts;
  double address_confidence = 1.0;
  // The domains the card spells out, to mend an email whose '@' was misread
  // wherever on the card its website is printed.
  std::vector<std::string> known_domains;
  for (const auto& line : lines) {
    const std::string text = NormalizeOcrText(line.text);
    for (const auto& email : FindEmails(StripLabel(text))) {
      known_domains.push_back(email.value.substr(email.value.find('@') + 1));
    }
    for (const auto& url : FindUrls(StripLabel(text))) {
      if (url.value.rfind("www.", 0) != 0 && url.value.find("://") == std::string::npos) continue;
      std::string host = HostOf(url.value);
      if (host.rfind("www.", 0) == 0) host = host.substr(4);
      if (HasPublicSuffix(host)) known_domains.push_back(host);
    }
    // A host alone on its line is the card's web address as surely.
    if (std::string host = BareHost(line.text); !host.empty()) known_domains.push_back(std::move(host));
  }
  std::vector<std::pair<std::string, const OcrLine*>> rests;
  for (const auto& line : lines) {
    const std::string text = NormalizeOcrText(line.text);
    if (text.empty()) continue;
    card.lines.push_back(text);
    // An email, web address or phone is taken from any line: each is
    // checked on its own (public suffix, libphonenumber), and Tesseract can
    // be unsure of a line it read right (confidence 0 for a "Www. …" line).
    // What is left of a line it was unsure of is more likely a texture or
    // a logo than a name or an address.
    const std::string rest = TakePatterns(line, text, phone_region, known_domains, card, confidence);
    if (rest.empty() || line.confidence < kMinimumLineConfidence / 2) continue;
    if (LooksLikeAddress(rest)) {
      address_parts.push_back(TrimNoise(StripLabel(rest)));
      address_confidence = std::min(address_confidence, Confidence(line, 0.9));
      continue;
    }
    rests.emplace_back(rest, &line);
  }

  if (!card.phones.empty()) card.confidence["phones"] = Mean(confidence.phones);
  if (card.website.empty() && !confidence.mended_website.empty()) {
    card.website = confidence.mended_website;
    confidence.website = confidence.mended_website_confidence;
  }
  {
    // The domain printed twice: a letter misread in one is mended by the other.
    std::vector<ReadValue> emails;
    for (std::size_t i = 0; i < card.emails.size(); ++i)
      emails.push_back({card.emails[i], confidence.emails[i]});
    ReadValue website{card.website, confidence.website};
    MendGluedWww(emails, website);
    ReconcileEmailAndWebsite(emails, website);
    card.emails.clear();
    confidence.emails.clear();
    for (const auto& email : emails) {
      if (AddUnique(card.emails, email.value)) confidence.emails.push_back(email.confidence);
    }
    card.website = website.value;
  }
  if (!card.emails.empty()) card.confidence["emails"] = Mean(confidence.emails);
  if (!card.website.empty()) card.confidence["website"] = confidence.website;
  if (!card.links.empty()) card.confidence["links"] = confidence.links;
  if (!address_parts.empty()) {
    for (const auto& part : address_parts) card.address += (card.address.empty() ? "" : ", ") + part;
    card.confidence["address"] = address_confidence;
  }

  std::vector<Candidate> candidates = Candidates(rests, card);
  double largest = 0;
  for (const auto& candidate : candidates) largest = std::max(largest, candidate.size);
  // Name first (the surest), then the company the card names plainly, then
  // the title beside the name, then a company by size alone.
  double name_score = 0;
  const auto name = PickName(candidates, largest, name_score);
  if (name) {
    card.name = candidates[*name].name_text;
    candidates[*name].used = true;
    constexpr double kSure = 3.5;
    card.confidence["name"] = Confidence(*candidates[*name].line, std::min(1.0, name_score / kSure));
  }
  const auto take_company = [&](std::optional<std::size_t> index, double factor) {
    if (!index) return;
    candidates[*index].used = true;
    card.company = WithContinuation(candidates, *index);
    card.confidence["company"] = Confidence(*candidates[*index].line, factor);
  };
  take_company(PickCompany(candidates, largest), 1.0);
  if (name) {
    if (const auto title = PickTitle(candidates, candidates[*name])) {
      card.title = candidates[*title].text;
      candidates[*title].used = true;
      card.confidence["title"] = Confidence(*candidates[*title].line, 0.8);
    }
  }
  if (card.company.empty()) take_company(PickLargestLeft(candidates), 0.5);
  return card;
}

}  // namespace kith::scan
