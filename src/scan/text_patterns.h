// The parts of a card that have a shape: emails, phone numbers, web
// addresses and social handles, found in one line of OCR text. Each finder
// repairs the slips OCR makes where the shape allows only one reading
// (O/0 and l/1 among digits, '|' for 'l' at the start of an email).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/contact.h"

namespace kith::scan {

// Curly quotes, long dashes, ligatures and stray spaces as plain text.
std::string NormalizeOcrText(std::string_view text);

// Latin letters without their accents ("Núñez" -> "Nunez", "ß" -> "ss").
std::string FoldToAscii(std::string_view text);

// The line without a leading label such as "T:", "Tel.", "Email:", "W:".
std::string StripLabel(std::string_view line);

struct Found {
  std::string value;
  bool repaired = false;  // a slip was mended to make the value
};

// Email addresses, lower case, with OCR slips mended.
std::vector<Found> FindEmails(std::string_view line);

// Phone numbers: runs of at least seven digits (after mending O/0, l/1);
// `region` places numbers printed without a country code.
struct FoundPhone {
  Phone phone;
  bool repaired = false;
};
std::vector<FoundPhone> FindPhones(std::string_view line, std::string_view region);

// Web addresses (not the domain of an email), lower case, as printed.
std::vector<Found> FindUrls(std::string_view line);

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

}  // namespace kith::scan
