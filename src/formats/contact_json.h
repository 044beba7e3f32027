// Contacts as JSON, in the shape documented in CLI.md (the `--json` output
// of show/list/search/add, and later the HTTP API's bodies).
#pragma once

#include <nlohmann/json.hpp>

#include "domain/contact.h"
#include "domain/contact_edit.h"
#include "domain/result.h"

namespace kith {

nlohmann::json ContactToJson(const Contact& contact);
// An array of ContactToJson: the running list.
nlohmann::json ContactsToJson(const std::vector<Contact>& contacts);

// A contact as the API receives it: the shape of ContactToJson. A wrong type
// or a bad date is kInvalidInput naming the key.
Result<ContactFields> ContactFieldsFromJson(const nlohmann::json& object);
// A partial contact (a PATCH body): ContactFieldsFromJson, with the keys
// given named in `present`.
Result<ContactPatch> ContactPatchFromJson(const nlohmann::json& object);

// {"noticed_on", "source", "old_company", "old_title", "new_company", "new_title"}.
nlohmann::json JobChangeToJson(const JobChange& change);

}  // namespace kith
