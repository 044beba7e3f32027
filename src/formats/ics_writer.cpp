#include "formats/ics_writer.h"

#include <array>
#include <charconv>
#include <cstddef>
#include <string>
#include <string_view>

namespace kith {
namespace {

constexpr std::string_view kCalendarEnd = "END:VCALENDAR\r\n";

// The calendar's own lines: all but its END line, which follows the events.
constexpr std::string_view kCalendarStart =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//kith//kith//EN\r\nCALSCALE:GREGORIAN\r\n"
    "X-WR-CALNAME:kith reminders\r\n";

// What follows an event's own properties: TRANSP (a reminder must not make
// the day look busy to schedulers) and the display alarm at 09:00 on the
// day, whose DESCRIPTION (RFC 5545 3.6.6: the text it shows) comes next.
constexpr std::string_view kAlarmStart =
    "TRANSP:TRANSPARENT\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER;RELATED=START:PT9H\r\n";
constexpr std::string_view kEventEnd = "END:VALARM\r\nEND:VEVENT\r\n";

struct UtcTime {
  Date day;
  int hour = 0;
  int minute = 0;
  int second = 0;
};

bool ParseDigits(std::string_view text, std::size_t offset, std::size_t count, int& value) {
  value = 0;
  for (std::size_t i = offset; i < offset + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  return true;
}

// "2026-11-26T12:00:00Z" (fractions of a second allowed and dropped) as a
// UTC date-time.
Result<UtcTime> ParseUtcTimestamp(const std::string& timestamp, std::string_view field) {
  const std::string_view text = timestamp;
  UtcTime time;
  const bool shaped = text.size() >= 20 && text[4] == '-' && text[7] == '-' && text[10] == 'T' &&
                      text[13] == ':' && text[16] == ':' && text.back() == 'Z';
  const Result<Date> day =
      shaped ? ParseIsoDate(text.substr(0, 10)) : Result<Date>(Fail(ErrorCode::kInvalidInput, "not shaped"));
  if (!day || !ParseDigits(text, 11, 2, time.hour) || !ParseDigits(text, 14, 2, time.minute) ||
      !ParseDigits(text, 17, 2, time.second) || time.hour > 23 || time.minute > 59 || time.second > 60) {
    return Fail(ErrorCode::kInvalidInput,
                std::string(field) + " '" + timestamp + "' is not a UTC time like 2026-11-26T12:00:00Z",
                std::string(field));
  }
  time.day = *day;
  return time;
}

void AppendNumber(std::string& line, int value, int digits) {
  std::array<char, 12> text{};
  const auto written = std::to_chars(text.data(), text.data() + text.size(), value);
  for (auto length = written.ptr - text.data(); length < digits; ++length) line += '0';
  line.append(text.data(), written.ptr);
}

// 20261126, as a DATE value.
void AppendDate(std::string& line, const Date& day) {
  AppendNumber(line, day.year, 4);
  AppendNumber(line, day.month, 2);
  AppendNumber(line, day.day, 2);
}

// 20261126T120000Z, as a UTC DATE-TIME value.
void AppendUtcTime(std::string& line, const UtcTime& time) {
  AppendDate(line, time.day);
  line += 'T';
  AppendNumber(line, time.hour, 2);
  AppendNumber(line, time.minute, 2);
  AppendNumber(line, time.second, 2);
  line += 'Z';
}

// Whether a TEXT value's commas and semicolons are its own text or, as in
// CATEGORIES, separate the values of a list.
enum class Separators { kEscaped, kKept };

// A TEXT value (RFC 5545 3.3.11): backslash (and, unless kept, semicolon and
// comma) escaped, a line break written as \n; carriage returns, backspaces
// and form feeds left out (as libical 3 did), every other character as it is.
void AppendText(std::string& line, std::string_view text, Separators separators) {
  for (const char character : text) {
    switch (character) {
      case '\n':
        line += "\\n";
        break;
      case '\r':
      case '\b':
      case '\f':
        break;
      case ';':
      case ',':
        if (separators == Separators::kEscaped) line += '\\';
        line += character;
        break;
      case '\\':
        line += "\\\\";
        break;
      default:
        line += character;
    }
  }
}

// Where the fold after `start` goes, `left` octets (with the line's CRLF)
// remaining: everything when fewer than 75 are left; else just after the
// last ';', ':' or ' ' among the first 74; else before the last character
// that starts a UTF-8 sequence among the first 75; else after 74 octets.
// These are libical 3's rules, kept so that a calendar app sees the same
// lines it saw before kith wrote them itself.
std::size_t NextFold(std::string_view text, std::size_t start) {
  constexpr std::size_t kLine = 75;
  const std::size_t left = text.size() - start;
  if (left < kLine) return text.size();
  for (std::size_t at = start + kLine - 2; at > start; --at) {
    if (text[at] == ';' || text[at] == ':' || text[at] == ' ') return at + 1;
  }
  for (std::size_t at = start + kLine - 1; at > start; --at) {
    const auto octet = static_cast<unsigned char>(text[at]);
    if ((octet & 0x80U) == 0 || (octet & 0xC0U) == 0xC0U) return at;
  }
  return start + kLine - 1;
}

// `line` (a property with its CRLF) folded into `out`: lines of at most 75
// octets, each continuation after CRLF and a space (RFC 5545 3.1).
void AppendFolded(std::string& out, std::string_view line) {
  for (std::size_t start = 0; start < line.size();) {
    const std::size_t next = NextFold(line, start);
    if (start != 0) out += "\r\n ";
    out.append(line.substr(start, next - start));
    start = next;
  }
}

// One event after another into one buffer, written out a page at a time.
class EventWriter {
 public:
  explicit EventWriter(const UtcTime& stamp) { AppendUtcTime(stamp_, stamp); }

  void Write(const CalendarReminder& reminder, const UtcTime& created) {
    out_ += "BEGIN:VEVENT\r\n";
    Property("UID:", reminder.uid, Separators::kEscaped);
    out_ += "DTSTAMP:";
    out_ += stamp_;
    out_ += "\r\nCREATED:";
    AppendUtcTime(out_, created);
    out_ += "\r\nDTSTART;VALUE=DATE:";
    AppendDate(out_, reminder.day);
    out_ += "\r\nDTEND;VALUE=DATE:";
    AppendDate(out_, reminder.day.AddDays(1));
    out_ += "\r\n";
    Property("SUMMARY:", reminder.summary, Separators::kEscaped);
    // An empty text leaves the property out, rather than writing it empty.
    if (!reminder.description.empty()) Property("DESCRIPTION:", reminder.description, Separators::kEscaped);
    if (!reminder.category.empty()) Property("CATEGORIES:", reminder.category, Separators::kKept);
    out_ += kAlarmStart;
    Property("DESCRIPTION:", reminder.summary, Separators::kEscaped);
    out_ += kEventEnd;
  }

  const std::string& text() const { return out_; }

 private:
  void Property(std::string_view name, std::string_view text, Separators separators) {
    line_.assign(name);
    AppendText(line_, text, separators);
    line_ += "\r\n";
    AppendFolded(out_, line_);
  }

  std::string stamp_;
  std::string line_;
  std::string out_;
};

Status Write(std::ostream& out, std::string_view text) {
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out) return Fail(ErrorCode::kIo, "could not write the calendar: the output stream failed");
  return Ok();
}

}  // namespace

Status WriteCalendarStart(std::ostream& out, const std::string& now_timestamp) {
  KITH_RETURN_IF_ERROR(ParseUtcTimestamp(now_timestamp, "now"));
  return Write(out, kCalendarStart);
}

Status WriteCalendarEvents(std::ostream& out, const std::vector<CalendarReminder>& reminders,
                           const std::string& now_timestamp) {
  KITH_ASSIGN_OR_RETURN(const UtcTime stamp, ParseUtcTimestamp(now_timestamp, "now"));
  EventWriter writer(stamp);
  for (const CalendarReminder& reminder : reminders) {
    UtcTime created = stamp;
    if (!reminder.created.empty()) {
      const auto parsed = ParseUtcTimestamp(reminder.created, "created of " + reminder.uid);
      if (!parsed) {
        // The events before a bad one are written, as the contract says.
        KITH_RETURN_IF_ERROR(Write(out, writer.text()));
        return tl::unexpected(parsed.error());
      }
      created = *parsed;
    }
    writer.Write(reminder, created);
  }
  return Write(out, writer.text());
}

Status WriteCalendarEnd(std::ostream& out) { return Write(out, kCalendarEnd); }

Status WriteCalendar(std::ostream& out, const std::vector<CalendarReminder>& reminders,
                     const std::string& now_timestamp) {
  KITH_RETURN_IF_ERROR(WriteCalendarStart(out, now_timestamp));
  KITH_RETURN_IF_ERROR(WriteCalendarEvents(out, reminders, now_timestamp));
  return WriteCalendarEnd(out);
}

}  // namespace kith
