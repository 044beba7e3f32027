// Which of a contact line's two readings field extraction reads.
#pragma once

#include <string>
#include <vector>

#include "scan/ocr_line.h"

namespace kith::scan {

// `lines` with each line's contact reading (OcrLine::contact_reading) put
// in place of the page's reading where it holds a kind of contact the
// page's does not: an email whose domain ends in a public suffix, a web
// address that says so (www., a scheme or a label) and ends in one, or a
// phone number libphonenumber finds valid for `phone_region`. Where both
// readings hold the same kind, the page's stays: the two disagree on a
// letter more often than not, and neither is surer by the measure
// Tesseract gives.
std::vector<OcrLine> WithContactReadingsTaken(std::vector<OcrLine> lines, const std::string& phone_region);

}  // namespace kith::scan
