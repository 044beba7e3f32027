// A second look at the lines Tesseract read unsurely on a card.
#pragma once

#include <vector>

#include "domain/result.h"
#include "scan/ocr_engine.h"
#include "scan/ocr_line.h"
#include "scan/pix.h"

namespace kith::scan {

// Read as part of a whole page, a line's letters are weighed against every
// language loaded and English's word list: a name's accents and unusual
// letters are read away (a "ř" read as "r", an "ö" as "o"),
// and Tesseract is unsure of it. Each such line of `lines` (confidence below
// 95, at least three letters, no email, web address or number in it) is cut
// out of `page`, the image it was read from, enlarged twice and read again
// alone, as one line, by the Latin-script model alone (OcrEngine::ReadOneLine);
// the second reading replaces the first only when Tesseract is surer of it.
// Boxes stay as read. kInternal when OCR fails.
[[nodiscard]] Status ReadUnsureLinesAgain(OcrEngine& engine, Pix* page, std::vector<OcrLine>& lines);

}  // namespace kith::scan
