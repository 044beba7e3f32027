// The parts of a card that have a shape: emails, phone numbers, web
// addresses and social handles, found in one line of OCR text. Each finder
// repairs the slips OCR makes where the shape allows only one reading
// (O/0 and l/1 among digits, '|' for 'l' in an email); domains are checked
// against the public suffix list, phone numbers with libphonenumber.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/contact.h"

namespace kith::scan {

// Curly quotes, long dashes, ligatures and stray spaces as plain text.
std::string NormalizeOcrText(std::string_view text);

// Latin letters without their accents ("Muñoz" -> "Munoz", "ß" -> "ss").
std::string FoldToAscii(std::string_view text);

// The line without a leading label such as "T:", "Tel.", "Email:", "W:"
// (and without the specks OCR read before such a label).
std::string StripLabel(std::string_view line);

struct Found {
  std::string value;
  bool repaired = false;     // a slip was mended to make the value
  bool known_suffix = true;  // the domain ends in a public suffix
};

// Email addresses, lower case, with OCR slips mended.
std::vector<Found> FindEmails(std::string_view line);

// Phone numbers: runs of at least seven digits (after mending O/0, l/1);
// `region` places numbers printed without a country code. A number that can
// be placed is kept only when libphonenumber finds it valid (a postcode or a
// date is not).
struct FoundPhone {
  Phone phone;
  bool repaired = false;
};
std::vector<FoundPhone> FindPhones(std::string_view line, std::string_view region);

// Web addresses (not the domain of an email), lower case, as printed.
std::vector<Found> FindUrls(std::string_view line);
// "Web: acme com au", "w: acme. travel", "acme. travel" alone on its line:
// a line that is nothing but a host whose dots OCR read as spaces, or
// followed by a space. The host, when the joined name ends in a public
// suffix and its first word is none. Where no web label says what the
// line is, it must be lower case and keep a dot ("Acme Co" and "Acme Inc.
// Ltd" are companies).
std::optional<std::string> FindSpacedHost(std::string_view line);

// "@handle" on its own (not an email).
std::optional<std::string> FindHandle(std::string_view line);

// What kind of profile a URL is: LinkedIn, Twitter/X, …; nullopt for an
// ordinary website.
std::optional<LinkKind> ProfileKind(std::string_view url);

// A link of `kind` to `url`, not yet connected or followed.
Link MakeLink(LinkKind kind, std::string url);

// Whether a line reads like a postal address (street, postcode and town).
bool LooksLikeAddress(std::string_view line);

// Letters only, folded and lower case: for comparing a company with a domain.
std::string LettersOf(std::string_view text);

// The host of a web address: "www.acme.com" from "https://www.acme.com/team".
std::string HostOf(std::string_view url);

// Letters of the Latin, Greek and Cyrillic scripts, and which are capitals.
bool IsLetter(char32_t c);
bool IsUpperLetter(char32_t c);

}  // namespace kith::scan
