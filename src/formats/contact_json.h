// Contacts as JSON, in the shape documented in CLI.md (the `--json` output
// of show/list/search/add, and later the HTTP API's bodies).
#pragma once

#include <nlohmann/json.hpp>

#include "domain/contact.h"

namespace kith {

nlohmann::json ContactToJson(const Contact& contact);

}  // namespace kith
