// A page still on its side after orientation detection: Tesseract's
// orientation model misses a quarter turn now and then (a blurred card with
// little text), and the line finder then reads the lines downwards, in
// boxes taller than wide, letter by letter worse than upright.
#pragma once

#include <vector>

#include "scan/ocr_line.h"

namespace kith::scan {

// Whether most of the characters read (more than half) came in boxes more
// than twice as tall as wide, each line of four characters or more: the
// page was read on its side. A vertical rule, a bar or a logo's letters
// read as tall marks do not make a page sideways.
bool ReadSideways(const std::vector<OcrLine>& lines);

}  // namespace kith::scan
