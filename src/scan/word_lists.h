// The words that tell a name from a company from a job title on a card.
#pragma once

#include <string_view>

namespace kith::scan {

// Each takes one word, folded to lower-case ASCII ("geschaftsfuhrer").
bool IsCompanySuffix(std::string_view word);  // inc, llc, gmbh, ltd, s.a., …
bool IsCompanyWord(std::string_view word);    // labs, systems, consulting, …
bool IsTitleWord(std::string_view word);      // engineer, director, ceo, …
bool IsGivenName(std::string_view word);      // common given names of many cultures

// The usual spelling of a family name whose accents OCR tends to lose or
// change ("garcia" -> "García", "muller" -> "Müller"): common Spanish,
// German and French names, whose bearers write them with their accents.
// Takes the name folded to lower-case ASCII; empty when it is not one.
std::string_view AccentedFamilyName(std::string_view folded);

}  // namespace kith::scan
