// The legal forms that end a company's name ("Inc.", "GmbH", "S.A."): the
// one wording on a card that marks a company in any industry.
#pragma once

#include <string>
#include <vector>

namespace kith::scan {

// Whether the last of `words` (as printed) is a legal form; the first word
// never counts ("AG Barr" is not "Barr AG").
bool EndsInLegalForm(const std::vector<std::string>& words);

}  // namespace kith::scan
