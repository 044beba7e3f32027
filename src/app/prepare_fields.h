// Shared by the actions that write a card: tidy what was typed, then check it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/contact.h"
#include "domain/result.h"

namespace kith {

// Trims text, completes names, normalises phones to E.164 for `region`,
// drops repeated emails/tags/skills/interests (case-insensitively), then
// validates. The first problem is returned, naming the field.
Status PrepareFields(ContactFields& fields, std::string_view region);

// A value PrepareFields would refuse.
struct InvalidValue {
  std::string value;  // as it stood in its field, tidied (trimmed, a scheme added)
  Error error;        // the check's error: "email 'x' has no '@'", field "email"
};

// For imports, which take what they can: tidies `fields` as PrepareFields
// does, then takes each email, phone, website and link that fails its check
// out of them and returns it, in field order. Names are not checked: the
// caller decides what becomes of a card without one.
std::vector<InvalidValue> TakeOutInvalidValues(ContactFields& fields, std::string_view region);

}  // namespace kith
