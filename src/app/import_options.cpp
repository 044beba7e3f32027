#include "app/import_options.h"

namespace kith {

Result<std::vector<std::pair<std::string, std::string>>> ParseColumnMaps(
    const std::vector<std::string>& lines) {
  std::vector<std::pair<std::string, std::string>> maps;
  for (const auto& line : lines) {
    if (line.empty()) continue;
    const auto equals = line.find('=');
    if (equals == std::string::npos || equals == 0) {
      return Fail(ErrorCode::kInvalidInput, "map '" + line + "' should be \"Column Name=field\"", "map");
    }
    maps.emplace_back(line.substr(0, equals), line.substr(equals + 1));
  }
  return maps;
}

Result<ImportRequest> ImportRequestFrom(const ImportOptions& options) {
  ImportRequest request;
  request.path = options.path;
  request.dry_run = options.dry_run;
  request.strict = options.strict;
  request.event = options.event;
  if (!options.format.empty()) {
    const auto format = ParseImportFormat(options.format);
    if (!format) {
      return Fail(ErrorCode::kInvalidInput,
                  "format '" + options.format +
                      "' should be auto, linkedin, google, outlook, csv, vcard, xlsx or json",
                  "format");
    }
    request.format = *format;
  }
  if (!options.encoding.empty()) {
    request.encoding = ParseTextEncoding(options.encoding);
    if (!request.encoding) {
      return Fail(ErrorCode::kInvalidInput,
                  "encoding '" + options.encoding + "' should be utf-8, windows-1252 or latin-1", "encoding");
    }
  }
  KITH_ASSIGN_OR_RETURN(request.map, ParseColumnMaps(options.maps));
  return request;
}

}  // namespace kith
