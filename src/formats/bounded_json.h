// JSON from outside (a backup file, an API request body), parsed with its
// nesting bounded: nlohmann's parser does not recurse, but every walk over
// the document afterwards (the readers, dump()) does, so a body of a million
// '[' would exhaust the stack.
#pragma once

#include <istream>
#include <string_view>

#include <nlohmann/json.hpp>

#include "domain/result.h"

namespace kith {

// kith's own backups nest five levels (contacts → a contact → links → a
// link); 64 leaves room for any reasonable producer.
inline constexpr int kMaxJsonDepth = 64;

// The parsed document. kParseError "malformed JSON: syntax error while
// parsing value - invalid literal; last read: 'x'" with the line and column,
// as nlohmann says it; "malformed JSON: number overflow parsing '1e999'";
// or "the JSON nests deeper than 64 levels" when an array or object opens
// past kMaxJsonDepth. Never throws.
Result<nlohmann::json> ParseBoundedJson(std::istream& in);
Result<nlohmann::json> ParseBoundedJson(std::string_view text);

}  // namespace kith
