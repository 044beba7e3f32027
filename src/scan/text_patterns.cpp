#include "scan/text_patterns.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>

#include "domain/utf8.h"
#include "domain/validation.h"
#include "formats/phone_number.h"
#include "scan/public_suffix.h"

namespace kith::scan {
namespace {

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// The accented Latin letters of Western European names, and their base letters.
std::string_view BaseLetters(char32_t c) {
  struct Entry {
    std::u32string_view letters;
    std::string_view base;
  };
  static constexpr std::array<Entry, 16> kTable = {{
      {U"ÀÁÂÃÄÅĀĂĄ", "A"},
      {U"àáâãäåāăą", "a"},
      {U"ÈÉÊËĒĖĘĚ", "E"},
      {U"èéêëēėęě", "e"},
      {U"ÌÍÎÏĪĮİ", "I"},
      {U"ìíîïīįı", "i"},
      {U"ÒÓÔÕÖØŌŐ", "O"},
      {U"òóôõöøōő", "o"},
      {U"ÙÚÛÜŪŮŰŲ", "U"},
      {U"ùúûüūůűų", "u"},
      {U"ÇĆČ", "C"},
      {U"çćč", "c"},
      {U"ÑŃŇ", "N"},
      {U"ñńň", "n"},
      {U"ÝŸ", "Y"},
      {U"ýÿ", "y"},
  }};
  for (const auto& entry : kTable) {
    if (entry.letters.find(c) != std::u32string_view::npos) return entry.base;
  }
  switch (c) {
    case U'ß':
      return "ss";
    case U'Æ':
      return "AE";
    case U'æ':
      return "ae";
    case U'Œ':
      return "OE";
    case U'œ':
      return "oe";
    case U'Š':
      return "S";
    case U'š':
      return "s";
    case U'Ž':
      return "Z";
    case U'ž':
      return "z";
    case U'Ł':
      return "L";
    case U'ł':
      return "l";
    default:
      return {};
  }
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Characters OCR gives for a digit in a run of digits.
std::optional<char> AsDigit(char c) {
  if (IsDigit(c)) return c;
  switch (c) {
    case 'O':
    case 'o':
    case 'D':
    case 'Q':
      return '0';
    case 'l':
    case 'I':
    case '|':
    case 'i':
      return '1';
    case 'S':
      return '5';
    case 'B':
      return '8';
    case 'Z':
      return '2';
    default:
      return std::nullopt;
  }
}

bool IsPhoneSeparator(char c) {
  return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' || c == '+';
}

}  // namespace

std::string NormalizeOcrText(std::string_view text) {
  std::string out;
  for (const char32_t c : DecodeUtf8(text)) {
    switch (c) {
      case U'\u2018':
      case U'\u2019':
      case U'\u00B4':
      case U'`':
        out += '\'';
        break;
      case U'\u201C':
      case U'\u201D':
        out += '"';
        break;
      case U'\u2010':
      case U'\u2011':
      case U'\u2012':
      case U'\u2013':
      case U'\u2014':
      case U'\u2212':
        out += '-';
        break;
      case U'\uFB01':
        out += "fi";
        break;
      case U'\uFB02':
        out += "fl";
        break;
      case U'\u00A0':
      case U'\t':
        out += ' ';
        break;
      default:
        AppendUtf8(out, c);
    }
  }
  // One space between words.
  std::string collapsed;
  for (const char c : out) {
    if (c == ' ' && (collapsed.empty() || collapsed.back() == ' ')) continue;
    collapsed += c;
  }
  return Trim(collapsed);
}

std::string FoldToAscii(std::string_view text) {
  std::string out;
  for (const char32_t c : DecodeUtf8(text)) {
    if (c < 0x80) {
      out += static_cast<char>(c);
      continue;
    }
    const std::string_view base = BaseLetters(c);
    if (!base.empty()) {
      out += base;
    } else {
      AppendUtf8(out, c);
    }
  }
  return out;
}

std::string LettersOf(std::string_view text) {
  std::string out;
  for (const char c : FoldToAscii(text)) {
    if (std::isalpha(static_cast<unsigned char>(c)) != 0) {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

std::string HostOf(std::string_view url) {
  std::string host(url);
  if (const auto scheme = host.find("://"); scheme != std::string::npos) host = host.substr(scheme + 3);
  host = host.substr(0, host.find('/'));
  return AsciiLower(host);
}

bool IsLetter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x370 && c <= 0x3FF) ||
         (c >= 0x400 && c <= 0x4FF) || (c >= 0x1E00 && c <= 0x1EFF);
}

bool IsUpperLetter(char32_t c) {
  if (c >= 'A' && c <= 'Z') return true;
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  // Latin Extended-A and Additional, Cyrillic's second block: upper- and
  // small letters alternate, capitals first (with a few runs shifted by one).
  if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177) || (c >= 0x1E00 && c <= 0x1EFF) ||
      (c >= 0x460 && c <= 0x4FF)) {
    return c % 2 == 0;
  }
  if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return c % 2 == 1;
  if (c == 0x178) return true;
  return (c >= 0x391 && c <= 0x3A9) || (c >= 0x400 && c <= 0x42F);
}

std::string StripLabel(std::string_view line) {
  static const std::regex kLabel(
      R"(^\s*(t|tel|tél|tfn|phone|ph|p|m|mob|mobile|móvil|movil|cell|c|f|fax|o|office|d|direct|e|email|e-mail|mail|)"
      R"(w|web|website|twitter|x|a|address|adresse|dirección)\s*(:\s*|\.\s+))",
      std::regex::icase);
  static const std::regex kWordLabel(
      R"(^\s*(tel|phone|mobile|mob|cell|direct|email|e-mail|mail|web|website|twitter|fax)\s+)",
      std::regex::icase);
  // "©, e: jo@acme.com", "& _ w: acme.com": marks OCR read from specks
  // before the label (no letter or digit in them) are not the line's.
  static const std::regex kSpecks(R"(^\s*(?:[^A-Za-z0-9\s]+\s+)+)");
  std::string whole(line);
  std::smatch match;
  for (const std::string& text : {whole, std::regex_replace(whole, kSpecks, "")}) {
    if (std::regex_search(text, match, kLabel)) return text.substr(static_cast<std::size_t>(match.length(0)));
    if (std::regex_search(text, match, kWordLabel))
      return text.substr(static_cast<std::size_t>(match.length(0)));
  }
  return whole;
}

namespace {

// "example com", "example, org": the dot before a public suffix read as a
// space or a comma. Joined only when the joined host ends in a public suffix
// and the part before it does not.
std::string JoinLostDots(const std::string& text, const std::regex& host_then_word) {
  std::string out;
  auto begin = text.cbegin();
  std::smatch match;
  while (std::regex_search(begin, text.cend(), match, host_then_word)) {
    const std::string host = AsciiLower(match[2].str());
    const std::string joined = host + "." + AsciiLower(match[3].str());
    out.append(begin, match[0].first);
    if (HasPublicSuffix(joined) && !HasPublicSuffix(host)) {
      out += match[1].str() + match[2].str() + "." + match[3].str();
    } else {
      out += match[0].str();
    }
    begin = match[0].second;
  }
  out.append(begin, text.cend());
  return out;
}

// "acme.kiw1", "acme.p1", "acme.c0m": a letter of the public suffix read as
// the digit it looks like (the last label only: never a part of a local
// part or of a name before the host). Mended only where one reading of the digits makes
// the last label a public suffix: "acme.1t" could be .lt or .it and stays.
std::string MendDigitsInSuffix(const std::string& text) {
  static const std::regex kSuffix(R"(([a-z0-9\-]\s?\.\s?)([a-z01]{2,6})\b(?![.@\-]))", std::regex::icase);
  std::string out;
  auto begin = text.cbegin();
  std::smatch match;
  while (std::regex_search(begin, text.cend(), match, kSuffix)) {
    out.append(begin, match[0].first);
    const std::string label = AsciiLower(match[2].str());
    std::string mended = match[2].str();
    const bool has_digit = label.find_first_of("01") != std::string::npos;
    const bool has_letter = label.find_first_not_of("01") != std::string::npos;
    if (has_digit && has_letter) {
      std::vector<std::string> readings;
      for (const char one : {'l', 'i'}) {
        std::string reading = label;
        for (char& c : reading) {
          if (c == '1') c = one;
          if (c == '0') c = 'o';
        }
        if (PublicSuffixOf(reading) == reading &&
            std::find(readings.begin(), readings.end(), reading) == readings.end()) {
          readings.push_back(reading);
        }
      }
      if (readings.size() == 1) mended = readings.front();
    }
    out += match[1].str() + mended;
    begin = match[0].second;
  }
  out.append(begin, text.cend());
  return out;
}

// "https://acme wool.com", "jo@acme wool.com": a space OCR put inside the
// name of a host (a long name is split where two letters stand apart). The
// word before the space, with no dot of its own, is glued on when what
// follows is a registrable domain by itself: "www.acme co.uk" keeps its
// dot (JoinLostDots), as "co.uk" is a public suffix.
std::string GlueSplitHost(const std::string& text) {
  static const std::regex kSplit(
      R"((https?://(?:www\.)?|\bwww\.|@)([a-z0-9\-]+)\s([a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)+))",
      std::regex::icase);
  std::string out;
  auto begin = text.cbegin();
  std::smatch match;
  while (std::regex_search(begin, text.cend(), match, kSplit)) {
    out.append(begin, match[0].first);
    if (HasPublicSuffix(AsciiLower(match[3].str()))) {
      out += match[1].str() + match[2].str() + match[3].str();
    } else {
      out += match[0].str();
    }
    begin = match[0].second;
  }
  out.append(begin, text.cend());
  return out;
}

}  // namespace

std::vector<Found> FindEmails(std::string_view line) {
  std::string text = FoldToAscii(line);
  bool repaired = false;
  // "name @ domain . com", "name©domain.com", "name(at)domain.com".
  static const std::regex kSpacedAt(R"(\s*(@|\(at\)|©|®)\s*)");
  static const std::regex kSpacedDot(R"(([A-Za-z0-9])\s+\.\s*([A-Za-z]))");
  if (text.find('@') == std::string::npos &&
      (text.find("©") != std::string::npos || text.find("®") != std::string::npos ||
       text.find("(at)") != std::string::npos)) {
    repaired = true;
  }
  // "joðacme.com", "jo«acme.com": a blurred '@' read as a round letter or a
  // guillemet, neither of which an address holds. Only where the line has
  // no '@' at all, between two ASCII words, and the part after it is a
  // domain with a public suffix (checked below).
  static const std::regex kRoundAt(R"(([A-Za-z0-9._\-])\s?(?:ð|«)\s?([A-Za-z0-9\-]+\.[A-Za-z]))");
  if (text.find('@') == std::string::npos && std::regex_search(text, kRoundAt)) {
    text = std::regex_replace(text, kRoundAt, "$1@$2");
    repaired = true;
  }
  // "jo(@example.org": a bracket OCR saw beside the '@'.
  static const std::regex kBracketAt(R"([(){}\[\]]@|@[(){}\[\]])");
  if (std::regex_search(text, kBracketAt)) {
    text = std::regex_replace(text, kBracketAt, "@");
    repaired = true;
  }
  text = std::regex_replace(text, kSpacedAt, "@");
  if (text.find('@') == std::string::npos) return {};
  // "jo. doe@…": a space OCR put after a dot inside the address. (A word
  // before the address is another word, never glued on: "Email jo@x.com";
  // nor is an abbreviation in capitals, "Acme B.V. jo@x.com": addresses are
  // printed in small letters.)
  static const std::regex kDotSpace(R"(([a-z0-9])\.\s+([A-Za-z0-9]))");
  text = std::regex_replace(text, kDotSpace, "$1.$2");
  text = std::regex_replace(text, kSpacedDot, "$1.$2");
  // "jo_ doe@…": an underscore joins two parts of one address; a space OCR
  // saw beside it is none of the address's (no word ends or starts in '_').
  static const std::regex kSpacedUnderscore(
      R"(([A-Za-z0-9])_\s+([A-Za-z0-9])|([A-Za-z0-9])\s+_([A-Za-z0-9]))");
  text = std::regex_replace(text, kSpacedUnderscore, "$1$3_$2$4");
  // "jo- doe@…": no part of an address ends in a hyphen either; the space
  // after one, where the rest of the local part and its '@' follow, is OCR's.
  // Only after a word in lower case, as addresses are printed ("Mail- jo@…"
  // is a label).
  static const std::regex kSpacedHyphen(R"((^|\s)([a-z0-9._]{2,})-\s+([A-Za-z0-9][A-Za-z0-9._\-]*@))");
  text = std::regex_replace(text, kSpacedHyphen, "$1$2-$3");
  if (const std::string mended = GlueSplitHost(MendDigitsInSuffix(text)); mended != text) {
    text = mended;
    repaired = true;
  }
  static const std::regex kHostThenWord(R"((@)([A-Za-z0-9\-.]+)[,.]?\s+([A-Za-z]{2,6})\b)");
  if (const std::string joined = JoinLostDots(text, kHostThenWord); joined != text) {
    text = joined;
    repaired = true;
  }
  // "jo@acme-it": a domain has a dot; one without any, whose last hyphen
  // stands where the dot of a public suffix would, had its dot read as a
  // hyphen.
  static const std::regex kHyphenForDot(R"((@)([A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)-([A-Za-z]{2,6})\b(?![.\-]))");
  if (const std::string joined = JoinLostDots(text, kHyphenForDot); joined != text) {
    text = joined;
    repaired = true;
  }
  static const std::regex kEmail(
      R"(([A-Za-z0-9._%+\-|!_]+)@([A-Za-z0-9\-]+(?:[.,][A-Za-z0-9\-]+)*\.[A-Za-z|!]{2,}))");
  std::vector<Found> found;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kEmail); it != std::sregex_iterator(); ++it) {
    std::string local = (*it)[1].str();
    std::string domain = (*it)[2].str();
    bool mended = repaired;
    // '|' and '!' are never in an address people print; they are an 'l' or
    // an 'i' that OCR read as a stroke.
    for (char& c : local) {
      if (c == '|') {
        c = 'l';
        mended = true;
      } else if (c == '!') {
        c = 'i';
        mended = true;
      }
    }
    while (!local.empty() && (local.front() == '.' || local.front() == '-')) {
      local.erase(local.begin());
      mended = true;
    }
    std::replace(domain.begin(), domain.end(), ',', '.');
    if (local.empty()) continue;
    // "acme.!t", "acme.|o": '!' and '|' are never in a host; they are an
    // 'l' or an 'i' read as a stroke (the URL finder mends them alike).
    for (char& c : domain) {
      if (c == '!' || c == '|') {
        c = 'l';
        mended = true;
      }
    }
    domain = AsciiLower(domain);
    const bool known = HasPublicSuffix(domain);
    found.push_back({AsciiLower(local) + "@" + domain, mended, known});
  }
  return found;
}

std::vector<FoundPhone> FindPhones(std::string_view line, std::string_view region) {
  const std::string text(line);
  std::vector<FoundPhone> found;
  std::size_t i = 0;
  while (i < text.size()) {
    // A run starts at '+', '(' or something that reads as a digit; a '#' or
    // '-' right before a digit may be a blurred '+' (tried below).
    const char c = text[i];
    const bool maybe_plus = (c == '#' || c == '-') && i + 1 < text.size() && IsDigit(text[i + 1]) &&
                            (i == 0 || text[i - 1] == ' ' || text[i - 1] == ':');
    if (!(IsDigit(c) || c == '+' || c == '(' || maybe_plus)) {
      ++i;
      continue;
    }
    const std::size_t start = maybe_plus ? i + 1 : i;
    std::string candidate;
    int digits = 0;
    bool repaired = false;
    std::size_t j = start;
    for (; j < text.size(); ++j) {
      const char d = text[j];
      if (IsDigit(d)) {
        candidate += d;
        ++digits;
      } else if (IsPhoneSeparator(d)) {
        candidate += d;
      } else if (const auto digit = AsDigit(d); digit && digits > 0 &&
                                                (j + 1 == text.size() || IsDigit(text[j + 1]) ||
                                                 IsPhoneSeparator(text[j + 1]) || AsDigit(text[j + 1])) &&
                                                (IsDigit(text[j - 1]) || IsPhoneSeparator(text[j - 1]))) {
        // A letter between digits: a digit misread.
        candidate += *digit;
        ++digits;
        repaired = true;
      } else {
        break;
      }
    }
    constexpr int kMinimumDigits = 7;
    constexpr int kMaximumDigits = 15;
    if (digits >= kMinimumDigits && digits <= kMaximumDigits) {
      std::string printed = Trim(candidate);
      while (!printed.empty() && (printed.back() == '-' || printed.back() == '.' || printed.back() == '/' ||
                                  printed.back() == '(')) {
        printed.pop_back();
      }
      // A '+' inside the run starts the number; a digit before it is a
      // speck OCR read beside it ("4 +1 202 …").
      if (const auto plus = printed.find('+'); plus != std::string::npos && plus > 0) {
        printed = Trim(printed.substr(plus));
        repaired = true;
      }
      // "+1 (415)" and "(0)30" keep their brackets balanced when printed.
      Phone phone = NormalizePhone(printed, region);
      // A blurred '+' reads as a '4' ("439 02 …" for "+39 02 …"): taken
      // so only when the number as read is not a valid one and with the '+'
      // it is.
      const bool valid = !phone.e164.empty() && IsValidPhoneNumber(phone.e164);
      if (!valid && !printed.empty() && printed.front() == '4') {
        Phone with_plus = NormalizePhone("+" + printed.substr(1), region);
        if (!with_plus.e164.empty() && IsValidPhoneNumber(with_plus.e164)) {
          phone = std::move(with_plus);
          printed = "+" + printed.substr(1);
          repaired = true;
        }
      }
      // "#39 06 …", "-39 06 …": the same blurred '+' as a '#' or a dash.
      if (!valid && maybe_plus && !printed.empty() && printed.front() != '+') {
        Phone with_plus = NormalizePhone("+" + printed, region);
        if (!with_plus.e164.empty() && IsValidPhoneNumber(with_plus.e164)) {
          phone = std::move(with_plus);
          printed.insert(0, 1, '+');
          repaired = true;
        }
      }
      const bool international = !printed.empty() && printed.front() == '+';
      // A number printed with its country code ('+' as printed, not mended)
      // is a phone number even where libphonenumber's plan does not list its
      // range yet (new ranges are given out before the plan knows them): no
      // postcode or date starts with '+'. Its length must fit the country.
      const bool plus_as_printed = international && !repaired;
      if (!phone.e164.empty()
              ? IsValidPhoneNumber(phone.e164) || (plus_as_printed && IsPossiblePhoneNumber(phone.e164))
              : !international) {
        found.push_back({std::move(phone), repaired});
      }
    }
    i = j + 1;
  }
  return found;
}

std::vector<Found> FindUrls(std::string_view line) {
  std::string text = AsciiLower(FoldToAscii(line));
  // "https: //www", "https:/www", "wwww.": slips in the part every URL shares;
  // "https7//", "https;//": the colon read as another mark (no word of a
  // card runs into two slashes but a scheme).
  static const std::regex kScheme(R"(\b(https?)(?::\s*/*|[;.,7]?\s*//)\s*)");
  text = std::regex_replace(text, kScheme, "$1://");
  static const std::regex kExtraW(R"(\bw{4,}\.)");
  text = std::regex_replace(text, kExtraW, "www.");
  // "https:/Awww.acme.com": a slash read as a letter between the scheme and
  // the "www." (a host that starts "awww." is none a card prints; one that
  // starts "awww" without the dot is, and stays).
  static const std::regex kSlipBeforeWww(R"(://[a-z]www\.\s*([a-z0-9][a-z0-9\-]*\.[a-z]))");
  text = std::regex_replace(text, kSlipBeforeWww, "://www.$1");
  // "www- acme.com", "www, acme.com": the dot after www misread.
  static const std::regex kWwwMark(R"(\bwww[-,]\s*([a-z0-9]))");
  text = std::regex_replace(text, kWwwMark, "www.$1");
  // "acme.!t", "acme.|o": '!' and '|' are never in a host; they are an
  // 'l' or an 'i' read as a stroke.
  static const std::regex kStrokeInHost(R"(([a-z0-9]\.[a-z0-9\-.]*)[!|]([a-z]*))");
  text = std::regex_replace(text, kStrokeInHost, "$1l$2");
  // "www. acme. travel", "ww. acme.com": a space OCR put after a dot of the host.
  static const std::regex kWwwSpace(R"(\b(ww|www)\.\s+)");
  text = std::regex_replace(text, kWwwSpace, "$1.");
  // After "www." or a scheme the host runs on: "https://acme. travel",
  // "www.acme . travel".
  static const std::regex kHostThenWord(
      R"((\bhttps?://(?:w{2,3}\.)?|\bw{2,3}\.)([a-z0-9\-]+(?:\.[a-z0-9\-]+)*)(?:\.?[ ,]|\s+\.)\s*([a-z]{2,6})\b)");
  text = JoinLostDots(MendDigitsInSuffix(text), kHostThenWord);
  // "https://ww.acme.com": a 'w' of "www." lost to blur. Only before a
  // host of two labels or more, which "ww" alone never starts.
  static const std::regex kLostW(R"((^|[\s/:"'])ww\.([a-z0-9][a-z0-9\-]*\.[a-z]))");
  text = std::regex_replace(text, kLostW, "$1www.$2");
  text = GlueSplitHost(text);
  static const std::regex kUrl(
      R"((^|[\s,;("'])((?:https?://)?(?:www\.)?[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9\-]+)*\.(?:[a-z]{2,})(?:/[^\s,;]*)?))");
  std::vector<Found> found;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kUrl); it != std::sregex_iterator(); ++it) {
    std::string url = (*it)[2].str();
    const std::size_t end = static_cast<std::size_t>(it->position(2) + it->length(2));
    if (end < text.size() && text[end] == '@') continue;  // the local part of an email
    while (!url.empty() && (url.back() == '.' || url.back() == ')')) url.pop_back();
    found.push_back({url, false, HasPublicSuffix(HostOf(url))});
  }
  return found;
}

std::optional<std::string> FindSpacedHost(std::string_view line) {
  std::string text = AsciiLower(FoldToAscii(line));
  static const std::regex kWebLabel(R"(^\s*(w|web|website|url|www)\s*(:\s*|\s+))");
  std::smatch label;
  const bool labelled = std::regex_search(text, label, kWebLabel);
  if (labelled) text = text.substr(static_cast<std::size_t>(label.length(0)));
  static const std::regex kSpacedHost(
      R"(^\s*([a-z0-9][a-z0-9\-]*)((?:\.?\s+[a-z0-9\-]+|\s+\.\s*[a-z0-9\-]+|\.[a-z0-9\-]+){1,3})\s*$)");
  std::smatch match;
  if (!std::regex_match(text, match, kSpacedHost)) return std::nullopt;
  const std::string tail = match[2].str();
  // Unlabelled, the line must read as hosts are printed: lower case, with a
  // dot ("Acme Inc. Ltd" is a company).
  const bool lower_case = std::none_of(
      line.begin(), line.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; });
  // "acme. travel", or "acme .travel" with no other gap: a host read with one
  // of its dots spaced ("jo-moacme lab .travel", a lost '@' and more gaps, is not).
  const bool spaced_dot =
      tail.find(". ") != std::string::npos ||
      (tail.find(" .") != std::string::npos && std::count(tail.begin(), tail.end(), ' ') == 1);
  if (!labelled && (!spaced_dot || !lower_case)) return std::nullopt;
  static const std::regex kGap(R"(\s+\.\s*|\.?\s+)");
  const std::string host = match[1].str() + std::regex_replace(tail, kGap, ".");
  if (!HasPublicSuffix(host) || HasPublicSuffix(match[1].str())) return std::nullopt;
  return host;
}

std::optional<std::string> FindHandle(std::string_view line) {
  static const std::regex kHandle(R"((^|\s)@([A-Za-z0-9_]{2,30})\b(?!\.))");
  const std::string text = FoldToAscii(line);
  std::smatch match;
  if (text.find('@') == std::string::npos || !std::regex_search(text, match, kHandle)) return std::nullopt;
  return match[2].str();
}

std::optional<LinkKind> ProfileKind(std::string_view url) {
  const std::string lower = AsciiLower(url);
  // The first letter lost, or the 'i' read as an 'l': the rest of the word
  // and the path make it sure.
  // The suffix misread too ("linkedin.cam/in/jo"): the name and "/in/" are enough.
  static const std::regex kLinkedIn(R"(inked[il]n\s?[.,]\s?[a-z]{2,3}/in/)");
  if (lower.find("inkedin.com/") != std::string::npos || lower.find("linkedln.com/") != std::string::npos ||
      lower.find("inkedin. com/") != std::string::npos || std::regex_search(lower, kLinkedIn)) {
    return LinkKind::kLinkedIn;
  }
  if (lower.find("twitter.com/") != std::string::npos || lower.find("x.com/") == 0 ||
      lower.find("//x.com/") != std::string::npos || lower.find("www.x.com/") != std::string::npos) {
    return LinkKind::kTwitter;
  }
  if (lower.find("facebook.com/") != std::string::npos) return LinkKind::kFacebook;
  if (lower.find("instagram.com/") != std::string::npos) return LinkKind::kInstagram;
  if (lower.find("github.com/") != std::string::npos) return LinkKind::kGitHub;
  return std::nullopt;
}

Link MakeLink(LinkKind kind, std::string url) {
  Link link;
  link.kind = kind;
  link.url = std::move(url);
  return link;
}

bool LooksLikeAddress(std::string_view line) {
  const std::string text = AsciiLower(FoldToAscii(line));
  static const std::regex kStreet(
      R"(\b(street|st|avenue|ave|av|road|rd|boulevard|blvd|lane|ln|drive|dr|way|suite|floor|plaza|square|)"
      R"(rue|place|quai|allee|calle|avenida|paseo|passeig|plaza|carrer|strasse|str|platz|weg|gasse|ring|)"
      R"(via|piazza|corso)\b|(strasse|allee|platz|weg|gasse)\s+\d)");
  static const std::regex kPostcode(
      R"(\b\d{5}\b|\b[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}\b|\b[a-z]\d[a-z]\s*\d[a-z]\d\b|\b[a-z]{2}\s+\d{5}(-\d{4})?\b)");
  int digits = 0;
  for (const char c : text) digits += IsDigit(c) ? 1 : 0;
  const bool has_street = std::regex_search(text, kStreet);
  const bool has_postcode = std::regex_search(text, kPostcode);
  return (has_street && digits > 0) || (has_postcode && text.find(',') != std::string::npos) ||
         (has_street && text.find(',') != std::string::npos);
}

}  // namespace kith::scan
