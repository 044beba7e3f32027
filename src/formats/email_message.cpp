#include "formats/email_message.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"

namespace kith {
namespace {

constexpr std::size_t kHeaderLineLimit = 78;   // RFC 5322 2.1.1 "SHOULD"
constexpr std::size_t kBodyLineLimit = 76;     // RFC 2045 6.7 (5)
constexpr std::size_t kEncodedWordLimit = 75;  // RFC 2047 2
constexpr std::string_view kEncodedWordPrefix = "=?UTF-8?Q?";
constexpr std::string_view kEncodedWordSuffix = "?=";
constexpr std::string_view kHexDigits = "0123456789ABCDEF";

std::size_t Utf8SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;  // a stray byte travels alone
}

// The byte length of the character starting at text[index], never past the end.
std::size_t CharacterLength(std::string_view text, std::size_t index) {
  const std::size_t length = Utf8SequenceLength(static_cast<unsigned char>(text[index]));
  return length <= text.size() - index ? length : text.size() - index;
}

// RFC 2047 5 (3): the characters a Q encoded word may carry as themselves
// anywhere, a display name included.
bool IsQPlain(unsigned char byte) {
  return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || (byte >= '0' && byte <= '9') ||
         byte == '!' || byte == '*' || byte == '+' || byte == '-' || byte == '/';
}

std::size_t QLength(std::string_view bytes) {
  std::size_t length = 0;
  for (const char character : bytes) {
    const auto byte = static_cast<unsigned char>(character);
    length += IsQPlain(byte) || byte == ' ' ? 1U : 3U;
  }
  return length;
}

std::string QEncoded(std::string_view bytes) {
  std::string encoded;
  for (const char character : bytes) {
    const auto byte = static_cast<unsigned char>(character);
    if (IsQPlain(byte)) {
      encoded += character;
    } else if (byte == ' ') {
      encoded += '_';
    } else {
      encoded += '=';
      encoded += kHexDigits[byte >> 4U];
      encoded += kHexDigits[byte & 0x0FU];
    }
  }
  return encoded;
}

bool IsPlainHeaderText(std::string_view text) {
  for (const char character : text) {
    const auto byte = static_cast<unsigned char>(character);
    if (byte < 0x20 || byte >= 0x7F) return false;
  }
  // Text that looks like an encoded word would be decoded by the reader.
  return text.find("=?") == std::string_view::npos;
}

// Header values are single lines: a CR or LF from a field would start a new
// header (header injection), so it becomes a space.
std::string OneLine(std::string_view text) {
  std::string line(text);
  for (char& character : line) {
    if (character == '\r' || character == '\n') character = ' ';
  }
  return line;
}

// Builds one header field, folding before a word when the line would pass
// 78 columns. Folding inserts CRLF before the single space that joins two
// words, so unfolding (removing the CRLF) restores the text exactly.
class HeaderBuilder {
 public:
  explicit HeaderBuilder(std::string_view name)
      : text_(std::string(name) + ":"), line_length_(text_.size()) {}

  // Appends " word", on a new line when it would not fit. An empty word
  // (from a run of spaces) never starts a line, which would otherwise be
  // whitespace only.
  void AddWord(std::string_view word) {
    if (!word.empty() && line_length_ + 1 + word.size() > kHeaderLineLimit && line_has_word_) {
      text_ += "\r\n";
      line_length_ = 0;
    }
    text_ += ' ';
    text_ += word;
    line_length_ += 1 + word.size();
    line_has_word_ = true;
  }

  // Appends text as words split at single spaces, keeping runs of spaces.
  void AddText(std::string_view text) {
    std::size_t start = 0;
    while (true) {
      const std::size_t space = text.find(' ', start);
      AddWord(text.substr(start, space == std::string_view::npos ? std::string_view::npos : space - start));
      if (space == std::string_view::npos) break;
      start = space + 1;
    }
  }

  // Appends UTF-8 text as RFC 2047 Q encoded words (readable, and a whole
  // name usually fits one), each as long as the line allows and never
  // splitting a character. A split falls after a space when it can: RFC
  // decoders join adjacent encoded words exactly, and Python's address
  // parser, which keeps the folding space, then shows two spaces rather
  // than a space inside a word.
  void AddEncoded(std::string_view text) {
    constexpr std::size_t kOverhead = kEncodedWordPrefix.size() + kEncodedWordSuffix.size();
    std::size_t index = 0;
    while (index < text.size()) {
      std::size_t room = line_length_ + 1 < kHeaderLineLimit ? kHeaderLineLimit - line_length_ - 1 : 0;
      if (room > kEncodedWordLimit) room = kEncodedWordLimit;
      const std::size_t first = CharacterLength(text, index);
      if (room < kOverhead + QLength(text.substr(index, first))) {
        text_ += "\r\n";
        line_length_ = 0;
        line_has_word_ = false;
        room = kEncodedWordLimit;
      }
      std::size_t end = index + first;
      std::size_t after_space = text[index] == ' ' ? end : std::string_view::npos;
      std::size_t length = kOverhead + QLength(text.substr(index, first));
      while (end < text.size()) {
        const std::size_t next = end + CharacterLength(text, end);
        length += QLength(text.substr(end, next - end));
        if (length > room) break;
        if (text[end] == ' ') after_space = next;
        end = next;
      }
      if (end < text.size() && after_space != std::string_view::npos) end = after_space;
      AddWord(std::string(kEncodedWordPrefix) + QEncoded(text.substr(index, end - index)) +
              std::string(kEncodedWordSuffix));
      index = end;
    }
  }

  // Unstructured text (Subject): plain when it is printable ASCII.
  void AddUnstructured(std::string_view text) {
    if (IsPlainHeaderText(text)) {
      AddText(text);
    } else {
      AddEncoded(text);
    }
  }

  std::string Finish() { return text_ + "\r\n"; }

 private:
  std::string text_;
  std::size_t line_length_ = 0;
  bool line_has_word_ = false;
};

// RFC 5322 3.2.3 atext, plus space: a display name made only of these needs
// no quoting.
bool IsAtomText(std::string_view text) {
  constexpr std::string_view kSpecials = "!#$%&'*+-/=?^_`{|}~ ";
  for (const char character : text) {
    const bool alphanumeric = (character >= 'a' && character <= 'z') ||
                              (character >= 'A' && character <= 'Z') ||
                              (character >= '0' && character <= '9');
    if (!alphanumeric && kSpecials.find(character) == std::string_view::npos) return false;
  }
  return true;
}

std::string Trimmed(std::string_view text) {
  const std::size_t start = text.find_first_not_of(' ');
  if (start == std::string_view::npos) return {};
  const std::size_t end = text.find_last_not_of(' ');
  return std::string(text.substr(start, end - start + 1));
}

// `"Okafor, Ada"` → `Okafor, Ada`: a name that arrives quoted is quoted again
// (or encoded) on the way out.
std::string Unquoted(std::string_view name) {
  if (name.size() < 2 || name.front() != '"' || name.back() != '"') return std::string(name);
  std::string plain;
  for (std::size_t i = 1; i + 1 < name.size(); ++i) {
    if (name[i] == '\\' && i + 2 < name.size()) ++i;
    plain += name[i];
  }
  return plain;
}

// One mailbox, "Display Name <address>" or a bare address, to the header.
void AddMailbox(HeaderBuilder& header, std::string_view mailbox, bool last) {
  const std::string text = OneLine(mailbox);
  const std::size_t open = text.rfind('<');
  const std::string separator = last ? "" : ",";
  if (open == std::string::npos || text.back() != '>') {
    header.AddWord(Trimmed(text) + separator);
    return;
  }
  const std::string name = Unquoted(Trimmed(std::string_view(text).substr(0, open)));
  const std::string address = text.substr(open) + separator;
  if (name.empty()) {
    header.AddWord(address);
  } else if (IsPlainHeaderText(name) && IsAtomText(name)) {
    header.AddText(name);
    header.AddWord(address);
  } else if (IsPlainHeaderText(name)) {
    std::string quoted = "\"";
    for (const char character : name) {
      if (character == '"' || character == '\\') quoted += '\\';
      quoted += character;
    }
    header.AddWord(quoted + "\"");
    header.AddWord(address);
  } else {
    header.AddEncoded(name);
    header.AddWord(address);
  }
}

bool NeedsQuotedPrintable(unsigned char byte) {
  return byte == '=' || byte >= 0x7F || (byte < 0x20 && byte != '\t');
}

void AppendHexEscape(std::string& out, unsigned char byte) {
  out += '=';
  out += kHexDigits[byte >> 4U];
  out += kHexDigits[byte & 0x0FU];
}

// One body line as quoted-printable (RFC 2045 6.7), with soft line breaks
// ("=" CRLF) so no encoded line passes 76 columns, and never inside an
// "=XX" escape. Trailing spaces and tabs are escaped because transports
// strip them.
void AppendQuotedPrintableLine(std::string& out, std::string_view line) {
  std::size_t column = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const auto byte = static_cast<unsigned char>(line[i]);
    const bool last = i + 1 == line.size();
    // "From " at the start of a line is mangled by mbox; "." alone by SMTP.
    const bool guarded = i == 0 && (line.starts_with("From ") || line == ".");
    const bool escape = NeedsQuotedPrintable(byte) || guarded || (last && (byte == ' ' || byte == '\t'));
    const std::size_t width = escape ? 3 : 1;
    // Leave room for the soft break "=" unless this is the line's last token.
    const std::size_t limit = last ? kBodyLineLimit : kBodyLineLimit - 1;
    if (column + width > limit) {
      out += "=\r\n";
      column = 0;
    }
    if (escape) {
      AppendHexEscape(out, byte);
    } else {
      out += static_cast<char>(byte);
    }
    column += width;
  }
  out += "\r\n";
}

std::vector<std::string_view> BodyLines(std::string_view body) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < body.size()) {
    std::size_t end = body.find_first_of("\r\n", start);
    if (end == std::string_view::npos) {
      lines.push_back(body.substr(start));
      break;
    }
    lines.push_back(body.substr(start, end - start));
    start = end + (body.compare(end, 2, "\r\n") == 0 ? 2U : 1U);
  }
  return lines;
}

bool IsUnreserved(unsigned char byte) {
  return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || (byte >= '0' && byte <= '9') ||
         byte == '-' || byte == '.' || byte == '_' || byte == '~';
}

std::string PercentEncoded(std::string_view text, std::string_view also_literal) {
  std::string encoded;
  for (const char character : text) {
    const auto byte = static_cast<unsigned char>(character);
    if (IsUnreserved(byte) || also_literal.find(character) != std::string_view::npos) {
      encoded += character;
    } else {
      encoded += '%';
      encoded += kHexDigits[byte >> 4U];
      encoded += kHexDigits[byte & 0x0FU];
    }
  }
  return encoded;
}

// RFC 6068 asks for CRLF line breaks in a mailto body, whatever the input used.
std::string WithCrlf(std::string_view text) {
  std::string result;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' || text[i] == '\n') {
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      result += "\r\n";
    } else {
      result += text[i];
    }
  }
  return result;
}

bool ParseDigits(std::string_view text, std::size_t offset, std::size_t count, int& value) {
  value = 0;
  for (std::size_t i = offset; i < offset + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  return true;
}

std::string TwoDigits(int value) {
  return std::string(1, static_cast<char>('0' + value / 10)) + static_cast<char>('0' + value % 10);
}

}  // namespace

std::string WriteEmlMessage(const EmailMessage& message) {
  std::string out;
  if (!message.from.empty()) {
    HeaderBuilder from("From");
    AddMailbox(from, message.from, true);
    out += from.Finish();
  }
  if (!message.to.empty()) {
    HeaderBuilder to("To");
    for (std::size_t i = 0; i < message.to.size(); ++i)
      AddMailbox(to, message.to[i], i + 1 == message.to.size());
    out += to.Finish();
  }
  HeaderBuilder subject("Subject");
  subject.AddUnstructured(OneLine(message.subject));
  out += subject.Finish();
  if (!message.date.empty()) out += "Date: " + OneLine(message.date) + "\r\n";
  if (!message.message_id.empty()) out += "Message-ID: <" + OneLine(message.message_id) + ">\r\n";
  if (message.from.empty()) out += "X-Unsent: 1\r\n";
  out +=
      "MIME-Version: 1.0\r\n"
      "Content-Type: text/plain; charset=utf-8\r\n"
      "Content-Transfer-Encoding: quoted-printable\r\n"
      "\r\n";
  for (const std::string_view line : BodyLines(message.body)) AppendQuotedPrintableLine(out, line);
  return out;
}

std::string MailtoLink(const std::string& to, const std::string& subject, const std::string& body) {
  // "@" and "," (between addresses) may stay literal in the to part (RFC 6068 2).
  std::string link = "mailto:" + PercentEncoded(to, "@,");
  char separator = '?';
  if (!subject.empty()) {
    link += separator;
    link += "subject=" + PercentEncoded(subject, "");
    separator = '&';
  }
  if (!body.empty()) {
    link += separator;
    link += "body=" + PercentEncoded(WithCrlf(body), "");
  }
  return link;
}

std::string Rfc5322Date(const std::string& iso_utc_timestamp) {
  const std::string_view text = iso_utc_timestamp;
  // YYYY-MM-DDTHH:MM:SS, then fractions of a second (dropped) and Z.
  if (text.size() < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
      text[16] != ':' || text.back() != 'Z') {
    return {};
  }
  int hour = 0;
  int minute = 0;
  int second = 0;
  if (!ParseDigits(text, 11, 2, hour) || !ParseDigits(text, 14, 2, minute) ||
      !ParseDigits(text, 17, 2, second) || hour > 23 || minute > 59 || second > 60) {
    return {};
  }
  const Result<Date> day = ParseIsoDate(text.substr(0, 10));
  if (!day) return {};
  constexpr std::array<std::string_view, 7> kWeekdays = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
  constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  // 1970-01-01 was a Thursday.
  const std::int64_t days = day->DaysSinceEpoch();
  const auto weekday = static_cast<std::size_t>(((days % 7) + 7) % 7);
  return std::string(kWeekdays[weekday]) + ", " + TwoDigits(day->day) + " " +
         std::string(kMonths[static_cast<std::size_t>(day->month - 1)]) + " " + std::to_string(day->year) +
         " " + TwoDigits(hour) + ":" + TwoDigits(minute) + ":" + TwoDigits(second) + " +0000";
}

}  // namespace kith
