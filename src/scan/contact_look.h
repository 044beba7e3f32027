// A second reading of the lines on a card that may hold its contacts.
#pragma once

#include <functional>
#include <vector>

#include "domain/result.h"
#include "scan/ocr_engine.h"
#include "scan/ocr_line.h"
#include "scan/preprocess.h"

namespace kith::scan {

// Read as part of the whole page, from the grey page whitened wherever the
// binarised card shows no letter-sized mark, small or light print is often
// read with a sign lost (the '@' as '<', a dot as a space) or as noise: the
// threshold that made the marks left parts of its letters out. Each line of
// `lines` read unsurely (and wider than tall) is cut out of the card as it
// was before that masking (UnmaskedPage of `prepared`, made only when a line
// needs it), enlarged, and read again alone by OcrEngine::ReadContactLine
// into the line's `contact_reading`; its text stays as read, and field
// extraction chooses between the two (contact_choice.h). kInternal when OCR
// fails.
[[nodiscard]] Status ReadContactLinesAgain(OcrEngine& engine, const PreparedImage& prepared,
                                           std::vector<OcrLine>& lines);

// The same for the lines `worth_reading` picks, however sure.
[[nodiscard]] Status ReadContactLinesAgain(OcrEngine& engine, const PreparedImage& prepared,
                                           std::vector<OcrLine>& lines,
                                           const std::function<bool(const OcrLine&)>& worth_reading);

}  // namespace kith::scan
