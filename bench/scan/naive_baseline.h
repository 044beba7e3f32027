// The naive baseline the card benchmark compares with: Tesseract's plain
// text of the unprocessed photo, then regular expressions, the way a quick
// script would do it.
#pragma once

#include <string>

#include "scan/scan.h"

namespace kith::bench {

// Emails, phones (runs of 7+ digits through libphonenumber) and URLs by
// regex; the name is the first line of two or three capitalised words
// without digits, the company the first line with a company suffix (else the
// line after the title), the title the line after the name.
ScannedCard NaiveFields(const std::string& plain_text, const std::string& phone_region);

}  // namespace kith::bench
