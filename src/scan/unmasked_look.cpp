#include "scan/unmasked_look.h"

#include <algorithm>
#include <cctype>

#include "scan/contact_look.h"

namespace kith::scan {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsLetter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

int DigitsIn(const std::string& text) {
  return static_cast<int>(std::count_if(text.begin(), text.end(), IsDigit));
}

bool HasEmailShape(const std::string& text) {
  const auto at = text.find('@');
  return at != std::string::npos && text.find('.', at) != std::string::npos;
}

bool HasPhoneShape(const std::string& text) {
  // The shortest numbers dialled within a country have seven digits.
  constexpr int kShortestNumber = 7;
  return DigitsIn(text) >= kShortestNumber;
}

// Tesseract's layout gives a block it took for a picture as a line of
// spaces: nothing was read there.
bool Blank(const OcrLine& line) { return line.text.find_first_not_of(' ') == std::string::npos; }

// The share of `line`'s box that lies in `other`'s.
double ShareInside(const OcrLine& line, const OcrLine& other) {
  const int across =
      std::min(line.left + line.width, other.left + other.width) - std::max(line.left, other.left);
  const int down = std::min(line.top + line.height, other.top + other.height) - std::max(line.top, other.top);
  if (across <= 0 || down <= 0) return 0.0;
  const double area = std::max(1.0, static_cast<double>(line.width) * static_cast<double>(line.height));
  return static_cast<double>(across) * static_cast<double>(down) / area;
}

// Read already: most of its box lies in a line the masked page read.
bool Covered(const OcrLine& line, const std::vector<OcrLine>& lines) {
  constexpr double kMostOf = 0.5;
  return std::any_of(lines.begin(), lines.end(), [&line](const OcrLine& read) {
    return !Blank(read) && ShareInside(line, read) >= kMostOf;
  });
}

// Most of its words start in lower case, as an email's do, where a
// title's, a name's and a company's start in capitals.
bool MostlyLowerCaseWords(const std::string& text) {
  int words = 0;
  int lower = 0;
  bool word_start = true;
  for (const char c : text) {
    if (c == ' ') {
      word_start = true;
      continue;
    }
    if (!word_start || !IsLetter(c)) continue;
    word_start = false;
    ++words;
    lower += std::islower(static_cast<unsigned char>(c)) != 0 ? 1 : 0;
  }
  return words >= 2 && 2 * lower > words;
}

// A line the page read fairly surely (70-95) is not read again as a contact
// line (contact_look.cpp): most are right. On a card that lacks a contact,
// a line among them that may be one is: an email read with its `@` and dot
// lost to spaces still reads as words.
bool MayBeTheLostContact(const OcrLine& line) {
  constexpr float kSure = 95.0F;
  return line.confidence < kSure && line.width > line.height && line.contact_reading.empty() &&
         (MayHoldAContact(line.text) || MostlyLowerCaseWords(line.text));
}

}  // namespace

bool MayHoldAContact(const std::string& text) {
  constexpr int kPartOfANumber = 5;
  if (DigitsIn(text) >= kPartOfANumber) return true;
  if (text.find('@') != std::string::npos || text.find("www") != std::string::npos ||
      text.find("http") != std::string::npos)
    return true;
  for (std::size_t i = 1; i + 1 < text.size(); ++i) {
    if (text[i] == '.' && IsLetter(text[i - 1]) && IsLetter(text[i + 1])) return true;
  }
  return false;
}

bool HoldsEmailAndPhone(const std::vector<OcrLine>& lines) {
  bool email = false;
  bool phone = false;
  for (const auto& line : lines) {
    email = email || HasEmailShape(line.text) || HasEmailShape(line.contact_reading);
    phone = phone || HasPhoneShape(line.text) || HasPhoneShape(line.contact_reading);
  }
  return email && phone;
}

Status ReadContactsTheMaskLost(OcrEngine& engine, const PreparedImage& prepared,
                               std::vector<OcrLine>& lines) {
  if (HoldsEmailAndPhone(lines)) return {};
  KITH_RETURN_IF_ERROR(ReadContactLinesAgain(engine, prepared, lines, MayBeTheLostContact));
  if (HoldsEmailAndPhone(lines)) return {};
  PixPtr page = UnmaskedPage(prepared);
  if (!page) return {};
  // The whole page, with its automatic layout: read in sparse mode, the
  // unmasked page's shadows and bands were read as more noise, at 1.5 times
  // the cost (fresh held-out seed 606, the 30 cards that lost a contact).
  KITH_ASSIGN_OR_RETURN(auto unmasked, engine.ReadLines(page.get()));
  std::vector<OcrLine> lost;
  for (auto& line : unmasked) {
    if (!Blank(line) && !Covered(line, lines)) lost.push_back(std::move(line));
  }
  KITH_RETURN_IF_ERROR(ReadContactLinesAgain(engine, prepared, lost));
  // Only the lines a contact may be in: the rest of such a page (shadows,
  // a band's edge, a logo) is read as words that field extraction would
  // take for a name or a company.
  for (auto& line : lost) {
    if (MayHoldAContact(line.text) || MayHoldAContact(line.contact_reading)) lines.push_back(std::move(line));
  }
  return {};
}

}  // namespace kith::scan
