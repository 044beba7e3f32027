// libphonenumber, with ICU, protobuf and abseil behind it, cost every kith
// command ~3 ms to load and initialise at start-up, though only a phone
// number being placed needs it. It lives in a module of its own,
// kith-phone.so, found and opened as kith_module.h says the first time a
// number is placed (phone_number.cpp); this is the interface the two share.
#pragma once

#include <string>

namespace kith {

inline constexpr const char* kPhoneModuleFile = "kith-phone.so";
inline constexpr const char* kPhoneModuleVariable = "KITH_PHONE_MODULE";

// The module's entry points, named kith_phone_e164_ and kith_phone_valid_
// followed by KITH_PHONE_INTERFACE, a digest of this header
// (src/CMakeLists.txt): a module built from another one has no such symbols.
//
// The first parses `text` ("+44 20 7946 0958", or a national number when
// `region` is an upper-case ISO 3166 code; "ZZ" for none) and, when it is a
// possible number, writes its E.164 form to `e164` and returns true.
// The second says whether an E.164 number is assigned in its country's
// numbering plan.
using PhoneE164Entry = bool (*)(const std::string* text, const std::string* region, std::string* e164);
using PhoneValidEntry = bool (*)(const std::string* e164);

}  // namespace kith
