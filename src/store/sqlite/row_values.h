// Values every table reads the same way: dates kept as ISO text (NULL when
// absent), and a query's column of contact ids. Internal to store/sqlite/.
#pragma once

#include <optional>
#include <string>
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

inline std::optional<std::string> IsoOrNull(const std::optional<Date>& date) {
  if (!date) return std::nullopt;
  return date->ToIso();
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
