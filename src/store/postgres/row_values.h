// Values every PostgreSQL table reads the same way: dates (ISO text on the
// wire, NULL when absent) and a column of a row that may be NULL.
// Internal to store/postgres/.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/contact.h"
#include "domain/date.h"
#include "domain/result.h"
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

// Column 0 of every row, as text.
inline std::vector<std::string> TextColumn(const Rows& rows) {
  std::vector<std::string> values;
  values.reserve(static_cast<std::size_t>(rows.size()));
  for (int row = 0; row < rows.size(); ++row) values.push_back(rows.Text(row, 0));
  return values;
}

// The ids of `ids` as an array parameter ($2::bigint[]).
inline std::string IdArray(const std::vector<ContactId>& ids) {
  std::vector<std::int64_t> values;
  values.reserve(ids.size());
  for (const ContactId id : ids) values.push_back(id.value);
  return ArrayLiteral(values);
}

// An optional id (EventId, ContactId, …) as a parameter: NULL when absent.
template <typename Id>
std::optional<std::string> IdOrNull(const std::optional<Id>& id) {
  if (!id) return std::nullopt;
  return std::to_string(id->value);
}

// A value in a column that no version of kith writes (a newer kith's, a
// hand edit): kInternal naming the table, the column and the value.
inline Error UnknownValue(std::string_view table, std::string_view column, const std::string& text) {
  return Error{ErrorCode::kInternal,
               "table " + std::string(table) + " holds an unknown " + std::string(column) + " '" + text +
                   "' (written by another version of kith, or edited by hand)",
               std::string(table)};
}

// The enum named in `column` of a row of `table`, or UnknownValue.
template <typename Enum>
Result<Enum> EnumAt(const Rows& rows, int row, int column, std::string_view table, std::string_view name,
                    std::optional<Enum> (*parse)(std::string_view)) {
  const std::string text = rows.Text(row, column);
  if (const auto value = parse(text)) return *value;
  return tl::unexpected(UnknownValue(table, name, text));
}

}  // namespace kith::postgres
