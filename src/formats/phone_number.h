// Phone numbers as typed, normalised to E.164 with libphonenumber, which
// kith loads from its module kith-phone.so the first time a number is placed
// (phone_module.h).
#pragma once

#include <string_view>

#include "domain/contact.h"
#include "domain/result.h"

namespace kith {

// Whether numbers can be placed: kith-phone.so found and loaded. kIo naming
// where kith looked, or why the module could not be loaded, when not. The
// functions below then leave every number unplaced, so a write that stores
// phones asks this first rather than keep them without their E.164 form.
Status PhoneNumbersReady();

// Keeps `original` and fills e164 when the number can be placed: it starts
// with '+' (or 00), or `region` (ISO 3166 code such as "US", "GB") says which
// country it belongs to. Otherwise e164 stays empty; nothing is guessed.
Phone NormalizePhone(std::string_view original, std::string_view region);

// Whether an E.164 number ("+14155550123") is one libphonenumber knows to be
// assigned in its country's numbering plan, not just of a possible length.
bool IsValidPhoneNumber(std::string_view e164);

// Whether an E.164 number has a length its country's numbers can have,
// assigned or not (libphonenumber's IsPossibleNumber).
bool IsPossiblePhoneNumber(std::string_view e164);

}  // namespace kith
