// Lists a store keeps in one text column, one item per separator (an ORG's
// departments one a line, a value's TYPEs comma-separated): the same on
// every store, so a card reads back the same from SQLite and PostgreSQL.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kith {

inline std::string JoinLines(const std::vector<std::string>& items, char separator) {
  std::string joined;
  for (const std::string& item : items) {
    if (!joined.empty()) joined += separator;
    joined += item;
  }
  return joined;
}

inline std::vector<std::string> SplitLines(std::string_view text, char separator) {
  std::vector<std::string> items;
  if (text.empty()) return items;
  std::size_t start = 0;
  for (std::size_t end = text.find(separator); end != std::string_view::npos;
       end = text.find(separator, start)) {
    items.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  items.emplace_back(text.substr(start));
  return items;
}

}  // namespace kith
