// Calendar dates (ISO 8601, no time zone) and their arithmetic.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace kith {

struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  // clang-tidy 14 takes the 0 that <=> compares with for a null pointer.
  auto operator<=>(const Date&) const = default;  // NOLINT(modernize-use-nullptr)

  // Days since 1970-01-01 (negative before it).
  [[nodiscard]] std::int64_t DaysSinceEpoch() const;
  static Date FromDaysSinceEpoch(std::int64_t days);

  [[nodiscard]] Date AddDays(std::int64_t days) const;
  [[nodiscard]] std::string ToIso() const;  // YYYY-MM-DD
};

// A day of the year with or without its year: a birthday or anniversary as
// address books keep it (vCard 4.0 "--0412", Google's "--04-12").
struct PartialDate {
  std::optional<int> year;
  int month = 1;
  int day = 1;
  bool operator==(const PartialDate&) const = default;

  // "1985-04-12", or "--04-12" without a year.
  [[nodiscard]] std::string ToIso() const;
  // "19850412" or "--0412": vCard 4.0's basic form.
  [[nodiscard]] std::string ToBasic() const;
};

// Reads the forms address books write: "1985-04-12", "19850412",
// "--04-12", "--0412", a date-time ("1985-04-12T00:00:00Z", its time
// ignored), and Apple's year 1604 that stands for "no year" when
// `omitted_year` says so. February 29 without a year is a date.
Result<PartialDate> ParsePartialDate(std::string_view text, std::optional<int> omitted_year = std::nullopt);

// Days from `from` to `to` (positive when `to` is later).
std::int64_t DaysBetween(const Date& from, const Date& to);

int DaysInMonth(int year, int month);

// How long ago, the way someone would say it, for every screen and reason:
// "today", "yesterday", "9 days ago"; from two weeks on "3 weeks ago", from
// two months "5 months ago", from two years "3 years ago". A negative count
// is ahead: "tomorrow", "in 3 days".
std::string DaysAgo(std::int64_t days);

// Parses YYYY-MM-DD strictly. Errors name the problem: "2026-02-30: February
// 2026 has 28 days", "'26/2/1' is not a date in the form YYYY-MM-DD".
Result<Date> ParseIsoDate(std::string_view text);

}  // namespace kith
