// Setting how a card's own values are qualified: the TYPE, PREF and label
// of one email, phone or web address, found by the value as a person types
// it. Shared by every action that sets them one value at a time (`kith add`,
// `kith edit`), so a type can never land on a value the card does not have.
#pragma once

#include <string_view>
#include <vector>

#include "domain/contact.h"
#include "domain/result.h"

namespace kith {

// A vCard TYPE value every vCard version can carry: letters, digits and
// '-' ("work", "cell", "x-assistant"), at most 64 characters.
bool IsTypeName(std::string_view name);

// Sets each of `wanted` on `fields`: its `property` ("EMAIL", "TEL" or
// "URL") and `value` name one of the card's emails (case ignored), phones
// (as written, or the same digits) or web addresses (the website or a link,
// with or without its https://); that value's type is replaced, and a type
// with no TYPE, PREF or label clears it. kInvalidInput when the card has
// no such value ("phone type for 'x': there is no such phone on this
// card", field "email_types", "phone_types" or "links"); `fields` may then
// be half set, so callers work on a copy.
Status SetValueTypes(ContactFields& fields, const std::vector<ValueType>& wanted);

}  // namespace kith
