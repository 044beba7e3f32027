// Lines of words as OCR found them, split where a line runs across two
// columns: Tesseract's layout analysis joins a name on the left and a phone
// number on the right into one line when they sit at the same height.
#pragma once

#include <string>
#include <vector>

#include "scan/ocr_line.h"

namespace kith::scan {

// One word as Tesseract found it, in the coordinates of the image read.
struct OcrWord {
  std::string text;  // UTF-8
  int left = 0;
  int top = 0;
  int right = 0;
  int bottom = 0;
};

// The words of one text line (left to right) as one or more lines: a new
// line starts wherever the space between two words is far wider than a word
// space, so that each column's text stands alone. Each part keeps the text
// line's confidence (Tesseract's own per-word confidences can be 0 on words
// it read right, such as a "www." the other model spelt).
std::vector<OcrLine> SplitAtColumnGaps(const std::vector<OcrWord>& words, float line_confidence);

}  // namespace kith::scan
