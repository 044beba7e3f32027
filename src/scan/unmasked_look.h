// The contact lines a card's masked page lost, read from the page before
// its mask.
#pragma once

#include <string>
#include <vector>

#include "domain/result.h"
#include "scan/ocr_engine.h"
#include "scan/ocr_line.h"
#include "scan/preprocess.h"

namespace kith::scan {

// The page OCR reads is whitened wherever the binarised card shows no
// letter-sized mark; small, light or soft print (a card's contact block)
// leaves too few marks, and its lines are whitened with the paper, or so
// broken that Tesseract's layout takes them for a picture and reads none of
// them. When `lines` hold no email or no phone number (by their shape: an
// `@` with a dot after it, seven digits), first each line read below 95
// that may hold a contact (MayHoldAContact, or most of its words in lower
// case) and was not read again yet is read as a contact line (contact_look.h);
// if one is still missing, the unmasked page (UnmaskedPage of `prepared`) is
// read whole, and each line of it that no line of `lines` already covers and
// that may hold a contact is added to `lines` with its contact reading.
// Nothing is read when both are there. kInternal when OCR fails.
[[nodiscard]] Status ReadContactsTheMaskLost(OcrEngine& engine, const PreparedImage& prepared,
                                             std::vector<OcrLine>& lines);

// Whether the lines' texts or contact readings hold something shaped like an
// email and something shaped like a phone number.
[[nodiscard]] bool HoldsEmailAndPhone(const std::vector<OcrLine>& lines);

// Whether `text` holds a sign of a contact, read however poorly: an `@`,
// five digits, `www`, `http` or a dot between letters.
[[nodiscard]] bool MayHoldAContact(const std::string& text);

}  // namespace kith::scan
