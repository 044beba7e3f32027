// Values every table reads the same way: dates kept as ISO text (NULL when
// absent), enums kept as their names, a query's column of contact ids, and
// all the rows of a query. Internal to store/sqlite/.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "domain/contact.h"
#include "domain/date.h"
#include "domain/result.h"
#include "store/sqlite/database.h"

namespace kith::sqlite {

inline std::optional<Date> OptionalDate(const Statement& row, int column) {
  if (row.IsNull(column)) return std::nullopt;
  auto date = ParseIsoDate(row.Text(column));
  if (!date) return std::nullopt;
  return *date;
}

inline std::optional<PartialDate> OptionalPartialDate(const Statement& row, int column) {
  if (row.IsNull(column)) return std::nullopt;
  auto date = ParsePartialDate(row.Text(column));
  if (!date) return std::nullopt;
  return *date;
}

inline std::optional<std::string> IsoOrNull(const std::optional<PartialDate>& date) {
  if (!date) return std::nullopt;
  return date->ToIso();
}

inline std::optional<std::string> IsoOrNull(const std::optional<Date>& date) {
  if (!date) return std::nullopt;
  return date->ToIso();
}

// A value in a column of `table` that no version of kith writes (a newer
// kith's value, a hand edit): kInternal, naming the table, the column and
// the value, rather than silently becoming some default the data never said.
inline Error UnknownValue(std::string_view table, std::string_view column_name, std::string_view text) {
  return Error{ErrorCode::kInternal,
               "table " + std::string(table) + " holds an unknown " + std::string(column_name) + " '" +
                   std::string(text) + "' (written by another version of kith, or edited by hand)",
               std::string(table)};
}

// The enum named by the text in `column` of a row of `table`; UnknownValue
// for text `parse` does not know.
template <typename Enum>
Result<Enum> EnumColumn(const Statement& row, int column, std::string_view table,
                        std::string_view column_name, std::optional<Enum> (*parse)(std::string_view)) {
  const std::string text = row.Text(column);
  if (const std::optional<Enum> value = parse(text)) return *value;
  return tl::unexpected(UnknownValue(table, column_name, text));
}

// Steps `select` to its end, each row read by `from_row`, which returns the
// value or a Result of it (the first error ends the read).
template <typename T, typename FromRow>
Result<std::vector<T>> AllRows(Statement& select, FromRow from_row) {
  std::vector<T> rows;
  while (true) {
    KITH_ASSIGN_OR_RETURN(const bool row, select.Step());
    if (!row) break;
    if constexpr (std::is_same_v<std::invoke_result_t<FromRow, const Statement&>, Result<T>>) {
      KITH_ASSIGN_OR_RETURN(T value, from_row(select));
      rows.push_back(std::move(value));
    } else {
      rows.push_back(from_row(select));
    }
  }
  return rows;
}

// `ids` as a JSON array, bound to `json_each(?N)`: one query reads a whole
// batch of contacts instead of one query each.
inline std::string IdsJson(const std::vector<ContactId>& ids) {
  std::string json = "[";
  for (const ContactId id : ids) {
    if (json.size() > 1) json += ',';
    json += std::to_string(id.value);
  }
  return json + "]";
}

// Steps `select` to its end, reading column 0 of each row as a contact id.
inline Result<std::vector<ContactId>> ContactIds(Statement& select) {
  std::vector<ContactId> ids;
  while (true) {
    KITH_ASSIGN_OR_RETURN(const bool row, select.Step());
    if (!row) break;
    ids.push_back(ContactId{select.Int(0)});
  }
  return ids;
}

}  // namespace kith::sqlite
