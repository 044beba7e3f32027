// Contacts as JSON, in the shape documented in CLI.md (the `--json` output
// of show/list/search/add, and later the HTTP API's bodies).
#pragma once

#include <nlohmann/json.hpp>

#include "domain/contact.h"

namespace kith {

nlohmann::json ContactToJson(const Contact& contact);

// {"noticed_on", "source", "old_company", "old_title", "new_company", "new_title"}.
nlohmann::json JobChangeToJson(const JobChange& change);

}  // namespace kith
