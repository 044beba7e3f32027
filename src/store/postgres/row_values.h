// Values every PostgreSQL table reads the same way: dates (ISO text on the
// wire, NULL when absent) and a column of a row that may be NULL.
// Internal to store/postgres/.
#pragma once

#include <optional>
#include <string>

#include "domain/date.h"
#include "store/postgres/connection.h"

namespace kith::postgres {

inline std::optional<Date> DateAt(const Rows& rows, int row, int column) {
  if (rows.IsNull(row, column)) return std::nullopt;
  auto date = ParseIsoDate(rows.Text(row, column));
  if (!date) return std::nullopt;
  return *date;
}

inline std::optional<PartialDate> PartialDateAt(const Rows& rows, int row, int column) {
  if (rows.IsNull(row, column)) return std::nullopt;
  auto date = ParsePartialDate(rows.Text(row, column));
  if (!date) return std::nullopt;
  return *date;
}

template <typename AnyDate>
std::optional<std::string> IsoOrNull(const std::optional<AnyDate>& date) {
  if (!date) return std::nullopt;
  return date->ToIso();
}

inline std::optional<std::string> IntOrNull(const std::optional<int>& value) {
  if (!value) return std::nullopt;
  return std::to_string(*value);
}

}  // namespace kith::postgres
