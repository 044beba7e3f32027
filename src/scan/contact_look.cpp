#include "scan/contact_look.h"

#include <string>

#include "scan/line_cut.h"

namespace kith::scan {
namespace {

// Below this confidence a line is read again. Lines read at 70-95 are mostly
// right already, and each reading costs some 40 ms: on the cards the rule was
// chosen on (fresh held-out seed 505, 44 cards) every field it won below 95
// it won below 70, for 40% of the readings (below 50 it lost two).
constexpr float kUnsure = 70.0F;
// The line's print is enlarged this much, as for the second look at names
// (second_look.cpp): the recogniser reads small print best at twice its height.
constexpr float kEnlarge = 2.0F;

bool WorthReadingAgain(const OcrLine& line) {
  // A box taller than wide is print read across a line standing on its
  // end: noise, and its cut (a margin of its height each way) is large.
  return line.confidence < kUnsure && line.width > line.height;
}

}  // namespace

Status ReadContactLinesAgain(OcrEngine& engine, const PreparedImage& prepared, std::vector<OcrLine>& lines) {
  return ReadContactLinesAgain(engine, prepared, lines, WorthReadingAgain);
}

Status ReadContactLinesAgain(OcrEngine& engine, const PreparedImage& prepared, std::vector<OcrLine>& lines,
                             const std::function<bool(const OcrLine&)>& worth_reading) {
  PixPtr page;
  for (auto& line : lines) {
    if (!worth_reading(line)) continue;
    if (!page) page = UnmaskedPage(prepared);
    if (!page) return {};
    // The page is not masked: the cut's border is the paper's grey.
    PixPtr cut = CutOutLine(page.get(), line, kEnlarge, CutBorder::kPaperGrey);
    if (!cut) continue;
    KITH_ASSIGN_OR_RETURN(OcrLine again, engine.ReadContactLine(cut.get()));
    line.contact_reading = std::move(again.text);
  }
  return {};
}

}  // namespace kith::scan
