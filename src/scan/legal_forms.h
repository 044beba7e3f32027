// The legal forms that end a company's name ("Inc.", "GmbH", "S.A."): the
// one wording on a card that marks a company in any industry.
#pragma once

#include <string>
#include <vector>

namespace kith::scan {

// Whether the last of `words` (as printed) is a legal form, a common one or
// letters each closed by a dot ("K.K."); the first word never counts ("AG
// Barr" is not "Barr AG").
bool EndsInLegalForm(const std::vector<std::string>& words);

// Whether a whole line is shaped as a legal form set alone ("B.V.", "LLP",
// "Ltda.", "sp. z o.o."): a company's name printed over two lines, its
// legal form on the second.
bool LegalFormShaped(const std::string& line);

}  // namespace kith::scan
