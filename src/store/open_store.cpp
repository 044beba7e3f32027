// Which store a --db value names, and how it may be shown.
#include <algorithm>

#include "store/store.h"

namespace kith {

bool IsPostgresLocation(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

std::string PrintableLocation(std::string_view location) {
  if (!IsPostgresLocation(location)) return std::string(location);
  std::string printable(location);
  // user:password@host: the password is what lies between the scheme's
  // "//" and the last "@" of the authority, after the first ':'.
  const std::size_t authority = printable.find("//") + 2;
  const std::size_t authority_end = std::min(printable.find_first_of("/?", authority), printable.size());
  const std::size_t at = printable.rfind('@', authority_end);
  if (at != std::string::npos && at >= authority) {
    const std::size_t colon = printable.find(':', authority);
    if (colon != std::string::npos && colon < at) printable.replace(colon + 1, at - colon - 1, "***");
  }
  // ?password=… or &password=…, up to the next '&'.
  for (std::size_t found = printable.find("password="); found != std::string::npos;
       found = printable.find("password=", found + 1)) {
    if (found == 0 || (printable[found - 1] != '?' && printable[found - 1] != '&')) continue;
    const std::size_t value = found + std::string_view("password=").size();
    const std::size_t end = std::min(printable.find('&', value), printable.size());
    printable.replace(value, end - value, "***");
  }
  return printable;
}

Result<std::unique_ptr<Store>> OpenStore(const std::string& location, OpenIntent intent) {
  if (IsPostgresLocation(location)) return OpenPostgresStore(location, intent);
  return OpenSqliteStore(location, intent);
}

}  // namespace kith
