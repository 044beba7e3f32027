// Pure checks on what a person typed. Each error names the field and says
// what is wrong with the value, so the message can be shown as it is.
#pragma once

#include <string>
#include <string_view>

#include "domain/contact.h"
#include "domain/result.h"

namespace kith {

// "bob@" -> "email 'bob@' has no domain".
Status ValidateEmail(std::string_view email);

// Accepts http(s) URLs with a host; "http:/x" -> "website 'http:/x' is not a
// web address (expected https://host/…)". `field` names the field in errors.
Status ValidateUrl(std::string_view url, std::string_view field);

// Whether `url` starts with a URI scheme other than the web's ("skype:",
// "xmpp:", "mailto:"): letters, digits, '+' or '-', then ':'. A host with a
// port ("acme.com:8080") has a dot before its ':', so it is not one.
bool HasNonWebScheme(std::string_view url);

// A phone needs a digit: "BusinessPhone" -> "phone 'BusinessPhone' has no digits".
Status ValidatePhone(std::string_view phone);

// Checks every field of a card; the first problem is returned.
Status ValidateContactFields(const ContactFields& fields);

// Trims white space at both ends.
std::string Trim(std::string_view text);

// Fills given/family names from the display name when they are empty
// ("Ada Okafor" -> Ada, Okafor), and the display name from them when it is.
void CompleteNames(ContactFields& fields);

// Lower-cases ASCII; other characters are kept as they are.
std::string AsciiLower(std::string_view text);

}  // namespace kith
