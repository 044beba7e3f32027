// Shared by the actions that write a card: tidy what was typed, then check it.
#pragma once

#include <string_view>

#include "domain/contact.h"
#include "domain/result.h"

namespace kith {

// Trims text, completes names, normalises phones to E.164 for `region`,
// drops repeated emails/tags/skills/interests (case-insensitively), then
// validates. The first problem is returned, naming the field.
Status PrepareFields(ContactFields& fields, std::string_view region);

}  // namespace kith
