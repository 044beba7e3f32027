// Phone numbers as typed, normalised to E.164 with libphonenumber.
#pragma once

#include <string_view>

#include "domain/contact.h"

namespace kith {

// Keeps `original` and fills e164 when the number can be placed: it starts
// with '+' (or 00), or `region` (ISO 3166 code such as "US", "GB") says which
// country it belongs to. Otherwise e164 stays empty; nothing is guessed.
Phone NormalizePhone(std::string_view original, std::string_view region);

}  // namespace kith
