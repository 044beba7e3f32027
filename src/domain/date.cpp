#include "domain/date.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>

namespace kith {
namespace {

constexpr std::array<const char*, 12> kMonthNames = {"January",   "February", "March",    "April",
                                                     "May",       "June",     "July",     "August",
                                                     "September", "October",  "November", "December"};

bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

bool ParseDigits(std::string_view text, int& out) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

}  // namespace

int DaysInMonth(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeap(year)) return 29;
  return kDays.at(static_cast<std::size_t>(month - 1));
}

// Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar.
std::int64_t Date::DaysSinceEpoch() const {
  const std::int64_t y = year - (month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date Date::FromDaysSinceEpoch(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t doe = days - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const auto d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const auto m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const auto y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return Date{y, m, d};
}

Date Date::AddDays(std::int64_t days) const { return FromDaysSinceEpoch(DaysSinceEpoch() + days); }

std::string Date::ToIso() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

std::int64_t DaysBetween(const Date& from, const Date& to) {
  return to.DaysSinceEpoch() - from.DaysSinceEpoch();
}

namespace {

constexpr std::int64_t kDaysPerWeek = 7;
constexpr std::int64_t kDaysPerMonth = 30;
constexpr std::int64_t kDaysPerYear = 365;
// Below two weeks people count in days, below two months in weeks, below
// two years in months.
constexpr std::int64_t kWeeksFrom = 2 * kDaysPerWeek;
constexpr std::int64_t kMonthsFrom = 2 * kDaysPerMonth;
constexpr std::int64_t kYearsFrom = 2 * kDaysPerYear;

// "1 day", "3 weeks": a span in the unit a person would use.
std::string Span(std::int64_t days) {
  const auto counted = [](std::int64_t count, const char* noun) {
    return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
  };
  if (days < kWeeksFrom) return counted(days, "day");
  if (days < kMonthsFrom) return counted(days / kDaysPerWeek, "week");
  if (days < kYearsFrom) return counted(days / kDaysPerMonth, "month");
  return counted(days / kDaysPerYear, "year");
}

}  // namespace

std::string DaysAgo(std::int64_t days) {
  if (days == 0) return "today";
  if (days == 1) return "yesterday";
  if (days == -1) return "tomorrow";
  if (days < 0) return "in " + Span(-days);
  return Span(days) + " ago";
}

Result<Date> ParseIsoDate(std::string_view text) {
  const std::string shown(text);
  int year = 0;
  int month = 0;
  int day = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !ParseDigits(text.substr(0, 4), year) ||
      !ParseDigits(text.substr(5, 2), month) || !ParseDigits(text.substr(8, 2), day)) {
    return Fail(ErrorCode::kInvalidInput, "'" + shown + "' is not a date in the form YYYY-MM-DD");
  }
  if (month < 1 || month > 12) {
    return Fail(ErrorCode::kInvalidInput, shown + ": there is no month " + std::to_string(month));
  }
  const int days_in_month = DaysInMonth(year, month);
  if (day < 1 || day > days_in_month) {
    return Fail(ErrorCode::kInvalidInput, shown + ": " + kMonthNames.at(static_cast<std::size_t>(month - 1)) +
                                              " " + std::to_string(year) + " has " +
                                              std::to_string(days_in_month) + " days");
  }
  return Date{year, month, day};
}

std::string PartialDate::ToIso() const {
  std::array<char, 16> buffer{};
  if (year) {
    std::snprintf(buffer.data(), buffer.size(), "%04d-%02d-%02d", *year, month, day);
  } else {
    std::snprintf(buffer.data(), buffer.size(), "--%02d-%02d", month, day);
  }
  return buffer.data();
}

std::string PartialDate::ToBasic() const {
  std::array<char, 16> buffer{};
  if (year) {
    std::snprintf(buffer.data(), buffer.size(), "%04d%02d%02d", *year, month, day);
  } else {
    std::snprintf(buffer.data(), buffer.size(), "--%02d%02d", month, day);
  }
  return buffer.data();
}

Result<PartialDate> ParsePartialDate(std::string_view text, std::optional<int> omitted_year) {
  const std::string shown(text);
  const auto refuse = [&]() {
    return Fail(ErrorCode::kInvalidInput,
                "'" + shown + "' is not a date (YYYY-MM-DD, or --MM-DD without a year)");
  };
  if (const std::size_t time = text.find('T'); time != std::string_view::npos) text = text.substr(0, time);
  PartialDate date;
  std::string digits;
  bool yearless = false;
  if (text.starts_with("--")) {
    yearless = true;
    text.remove_prefix(2);
  }
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else if (c != '-') {
      return refuse();
    }
  }
  const std::size_t dashes = static_cast<std::size_t>(std::count(text.begin(), text.end(), '-'));
  const bool well_formed =
      yearless ? (digits.size() == 4 && (dashes == 0 || (dashes == 1 && text.size() == 5 && text[2] == '-')))
               : (digits.size() == 8 &&
                  (dashes == 0 || (dashes == 2 && text.size() == 10 && text[4] == '-' && text[7] == '-')));
  if (!well_formed) return refuse();
  std::size_t at = 0;
  if (!yearless) {
    int year = 0;
    (void)ParseDigits(std::string_view(digits).substr(0, 4), year);
    if (year != omitted_year) date.year = year;
    at = 4;
  }
  (void)ParseDigits(std::string_view(digits).substr(at, 2), date.month);
  (void)ParseDigits(std::string_view(digits).substr(at + 2, 2), date.day);
  if (date.month < 1 || date.month > 12) return refuse();
  // Without a year, February 29 is a birthday like any other.
  if (date.day < 1 || date.day > DaysInMonth(date.year.value_or(2000), date.month)) return refuse();
  return date;
}

}  // namespace kith
