// The mends of one line's text that OCR leaves on a card's names, companies
// and titles: specks, stray marks, split words, a capital read small, a zero
// for an o. Each is by the shape of the text alone (field_extraction.cpp
// decides which lines are which).
#include "scan/line_mends.h"

#include <algorithm>
#include <cctype>

#include "domain/utf8.h"
#include "scan/text_patterns.h"

namespace kith::scan {
namespace {

// "x.y.", "S.A.": single letters or digits, each closed by a dot.
bool DottedLetters(const std::string& word) {
  constexpr std::size_t kShortest = 4;
  if (word.size() < kShortest || word.size() % 2 != 0) return false;
  for (std::size_t i = 0; i < word.size(); i += 2) {
    if (word[i + 1] != '.' || std::isalnum(static_cast<unsigned char>(word[i])) == 0) return false;
  }
  return true;
}

}  // namespace

std::vector<std::string> SplitSpaces(std::string_view text) {
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

// A logo's mark read as a sign before the words ("© Acme", "¿Sales"): no
// name, company or title starts with a character that is neither a letter
// nor a digit.
std::string DropSigns(std::string_view text) {
  while (!text.empty()) {
    const std::string_view first = FirstCharacter(text);
    const std::u32string decoded = DecodeUtf8(first);
    const char32_t c = decoded.empty() ? U' ' : decoded.front();
    if (IsLetter(c) || (c >= U'0' && c <= U'9')) break;
    text.remove_prefix(std::max<std::size_t>(1, first.size()));
  }
  // And a last word of signs alone ("Jo Doe ."): a speck beside the line.
  while (!text.empty()) {
    const std::size_t space = text.rfind(' ');
    if (space == std::string_view::npos) break;
    const std::string_view last = text.substr(space + 1);
    const bool signs_only = std::none_of(last.begin(), last.end(), [](char c) {
      return (static_cast<unsigned char>(c) & 0x80U) != 0 || std::isalnum(static_cast<unsigned char>(c)) != 0;
    });
    if (!signs_only) break;
    text = text.substr(0, space);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  }
  return std::string(text);
}

// A mark beside a line read as a lone character before its words ("1 Jo
// Doe", "r Acme Rockets": a logo's corner, a speck, a bullet): a lone digit or
// lower-case letter starts no name, company or title, so it goes when two
// words or more follow it. (A lone capital can be a word, "A Better Way",
// and is kept.)
std::string DropStrayLeadingMark(const std::string& text) {
  const std::size_t space = text.find(' ');
  if (space == std::string::npos) return text;
  const std::u32string first = DecodeUtf8(std::string_view(text).substr(0, space));
  if (first.size() != 1) return text;
  const char32_t c = first.front();
  const bool stray = (c >= U'0' && c <= U'9') || (IsLetter(c) && !IsUpperLetter(c));
  if (!stray) return text;
  const std::string rest = text.substr(space + 1);
  return rest.find(' ') == std::string::npos ? text : rest;
}

// A mark before a bar ("4. | Jo Doe", "ao | Acme Rockets"): a logo or a
// speck beside a vertical rule, read with the line it stands beside. What
// is before the bar goes when it holds two letters at most: no word of a
// name, company or title stands alone before a rule.
std::string DropMarkBeforeBar(const std::string& text) {
  const std::size_t bar = text.find(" | ");
  if (bar == std::string::npos) return text;
  constexpr std::size_t kMostLetters = 2;
  if (LettersOf(text.substr(0, bar)).size() > kMostLetters) return text;
  return text.substr(bar + 3);
}

// A logo's initials read before the company's words ("AC Acme Rockets",
// "o Acme Rockets" beside jo@acmerockets.com): when the words after one or
// two short leading ones spell the start of the card's domain and the whole
// line does not, those leading ones are the mark, not the name ("A Better
// Way" beside abetterway.com keeps its "A"). Two letters at most: a
// monogram, not a word of the company ("The Acme Company" beside acme.com
// keeps its "The").
std::string DropMarkBeforeDomain(const std::string& text, const std::vector<std::string>& labels) {
  const std::vector<std::string> words = SplitSpaces(text);
  constexpr std::size_t kPrefix = 5;
  const auto starts_label = [&](const std::string& letters) {
    return std::any_of(labels.begin(), labels.end(), [&](const std::string& label) {
      const std::size_t shared = std::min(kPrefix, label.size());
      return letters.size() >= shared && letters.compare(0, shared, label, 0, shared) == 0;
    });
  };
  if (starts_label(LettersOf(text))) return text;
  std::string prefix;
  for (std::size_t lead = 1; lead <= 2 && lead < words.size(); ++lead) {
    prefix += words[lead - 1];
    constexpr std::size_t kMostLetters = 2;
    if (LettersOf(prefix).size() > kMostLetters) break;
    std::string rest;
    for (std::size_t i = lead; i < words.size(); ++i) rest += (rest.empty() ? "" : " ") + words[i];
    if (starts_label(LettersOf(rest))) return rest;
  }
  return text;
}

// "wrenfold Rope Works", "lsolde Quenby": the capital of a first word read
// as its small letter of the same shape (c, k, o, p, s, u, v, w, x, z differ
// only in size, and a sans-serif capital I is drawn as a small l). Mended
// when every other word of four letters or more is capitalised. The first
// word only: a line set in sentence case ("Head of sales") starts with its
// capital, so a first word in small letters before capitalised ones is OCR's
// slip, not the printer's; and short words ("van", "de") are printed small.
std::string MendSameShapeCapital(const std::string& text) {
  std::vector<std::string> words = SplitSpaces(text);
  if (words.size() < 2) return text;
  constexpr std::size_t kShortest = 4;
  const auto plain = [](const std::u32string& word) {
    return std::all_of(word.begin(), word.end(), [](char32_t c) { return IsLetter(c); });
  };
  const std::u32string first = DecodeUtf8(words.front());
  const bool same_shape =
      std::string_view("ckopsuvwxzl").find(words.front().front()) != std::string_view::npos;
  if (first.size() < kShortest || !plain(first) || !same_shape ||
      std::any_of(first.begin(), first.end(), [](char32_t c) { return IsUpperLetter(c); })) {
    return text;
  }
  int capitalised = 0;
  for (std::size_t i = 1; i < words.size(); ++i) {
    const std::u32string word = DecodeUtf8(words[i]);
    // Abbreviations ("s.r.o.", "B.V.") are as printed.
    if (word.size() < kShortest || !plain(word)) continue;
    if (!IsUpperLetter(word.front())) return text;
    ++capitalised;
  }
  if (capitalised == 0) return text;
  char& initial = words.front().front();
  initial = initial == 'l' ? 'I' : static_cast<char>(std::toupper(static_cast<unsigned char>(initial)));
  std::string mended;
  for (const auto& word : words) mended += (mended.empty() ? "" : " ") + word;
  return mended;
}

// A contact OCR misread beyond its pattern ("jo. doe@acme", "acme. example",
// "linkedin. com/in/jo"): all lower case and a dot, slash or '@' in it.
// Names, companies and titles are set with capitals.
bool LooksLikeContactFragment(std::string_view text) {
  if (text.find_first_of("./@") == std::string_view::npos) return false;
  for (const char32_t c : DecodeUtf8(text)) {
    if (IsUpperLetter(c)) return false;
  }
  return true;
}

int CountLetters(std::string_view text) {
  int letters = 0;
  for (const char32_t c : DecodeUtf8(text)) letters += IsLetter(c) ? 1 : 0;
  return letters;
}

bool HasDigit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string JoinWords(const std::vector<std::string>& words) {
  std::string text;
  for (const auto& word : words) text += (text.empty() ? "" : " ") + word;
  return text;
}

// Words OCR made of specks: quotes, commas and dots alone anywhere ("Jo '
// Doe"), and after the words one small letter or signs alone ("Jo Doe j",
// "Jo Doe - i": the edge of a logo, a grain of the paper). No word of a
// name, company or title is any of these ("&" is, and stays).
std::string DropSpeckWords(const std::string& text) {
  std::vector<std::string> words = SplitSpaces(text);
  const auto speck = [](const std::string& word) {
    const std::u32string decoded = DecodeUtf8(word);
    return std::all_of(decoded.begin(), decoded.end(), [](char32_t c) {
      return c == U'\'' || c == U'"' || c == U'`' || c == U',' || c == U'.' || c == U'\u2018' ||
             c == U'\u2019' || c == U'\u201C' || c == U'\u201D' || c == U'\u201E';
    });
  };
  std::vector<std::string> kept;
  for (const auto& word : words) {
    if (!speck(word)) kept.push_back(word);
  }
  constexpr std::size_t kFewestWords = 2;
  if (kept.size() < kFewestWords) return text;
  while (kept.size() > kFewestWords) {
    const std::u32string last = DecodeUtf8(kept.back());
    const bool small_letter = last.size() == 1 && IsLetter(last.front()) && !IsUpperLetter(last.front());
    const bool signs = std::none_of(last.begin(), last.end(), [](char32_t c) {
      return IsLetter(c) || (c >= U'0' && c <= U'9') || c == U'&';
    });
    if (!small_letter && !signs) break;
    kept.pop_back();
  }
  return JoinWords(kept);
}

// "Qu enby", "Jo Wi ckfen": a word OCR split after its first letter or
// two. A capital with at most one small letter, then a word in small letters
// that ends the line: a name's last word is a family name, capitalised, so a
// small word there is the rest of the one before. ("Art director" keeps its
// space: three letters are a word of their own.)
std::string GlueSplitWord(const std::string& text) {
  std::vector<std::string> words = SplitSpaces(text);
  constexpr std::size_t kFewestWords = 3;
  if (words.size() < kFewestWords) return text;
  const auto letters_only = [](const std::u32string& word) {
    return std::all_of(word.begin(), word.end(), [](char32_t c) { return IsLetter(c) || c == U'-'; });
  };
  const std::u32string head = DecodeUtf8(words[words.size() - 2]);
  const std::u32string tail = DecodeUtf8(words.back());
  constexpr std::size_t kLongestHead = 2;
  constexpr std::size_t kShortestTail = 3;
  if (head.empty() || head.size() > kLongestHead || !letters_only(head) || !IsUpperLetter(head.front()))
    return text;
  if (head.size() == 2 && IsUpperLetter(head[1])) return text;  // "IT", "HR": printed so
  if (tail.size() < kShortestTail || !letters_only(tail) || !IsLetter(tail.front()) ||
      IsUpperLetter(tail.front()))
    return text;
  words[words.size() - 2] += words.back();
  words.pop_back();
  return JoinWords(words);
}

// "E] Acme Rockets", "o) Acme Rockets": a logo's letter read with a bracket
// or bar beside it. No word of a name, company or title is a letter closed
// by a bracket; it goes when two words or more follow it.
std::string DropBracketedMark(const std::string& text) {
  const std::vector<std::string> words = SplitSpaces(text);
  if (words.size() < 3) return text;
  const std::u32string first = DecodeUtf8(words.front());
  if (first.size() < 2 || !IsLetter(first.front())) return text;
  const bool closed = std::all_of(first.begin() + 1, first.end(), [](char32_t c) {
    return c == U']' || c == U')' || c == U'}' || c == U'|';
  });
  return closed ? JoinWords({words.begin() + 1, words.end()}) : text;
}

// "sp. z 0.0.", "S.0.S.": an abbreviation of single letters each closed by
// a dot, with a zero among them, has the letter o there when no other digit
// is on the line (a zero alone between dots is no number; "v2.0.1" or a
// line with a phone is left as read). Small when its neighbours are small.
std::string MendZeroInAbbreviation(const std::string& text) {
  std::vector<std::string> words = SplitSpaces(text);
  const auto digits = std::count_if(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string& word = words[i];
    if (!DottedLetters(word) || std::count(word.begin(), word.end(), '0') != digits || digits == 0) continue;
    bool small = false;
    bool capital = false;
    for (std::size_t j = 0; j < word.size(); j += 2) {
      small = small || std::islower(static_cast<unsigned char>(word[j])) != 0;
      capital = capital || std::isupper(static_cast<unsigned char>(word[j])) != 0;
    }
    if (!small && !capital && i > 0) {
      const std::u32string before = DecodeUtf8(words[i - 1]);
      small = !before.empty() && IsLetter(before.front()) && !IsUpperLetter(before.front());
    }
    for (std::size_t j = 0; j < word.size(); j += 2) {
      if (word[j] == '0') word[j] = small ? 'o' : 'O';
    }
    return JoinWords(words);
  }
  return text;
}

}  // namespace kith::scan
