// The lines OCR read from a card, sorted into fields: patterns first
// (emails, phones, web addresses, handles, addresses), then name, company and
// title from what is left, by layout (text size, position) and wording
// (company suffixes, job-title words, given names).
#pragma once

#include <string>
#include <vector>

#include "scan/ocr_line.h"
#include "scan/scan.h"

namespace kith::scan {

// Never fails: a field that cannot be told stays empty. `lines` in reading
// order; `phone_region` as for CardScanner::Scan.
ScannedCard ExtractFields(const std::vector<OcrLine>& lines, const std::string& phone_region);

}  // namespace kith::scan
