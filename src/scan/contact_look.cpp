#include "scan/contact_look.h"

#include <algorithm>
#include <string>

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

// The line's box with a margin (half a line-height across, a fifth above and
// below, so the next line's ascenders stay out), enlarged, with a border of
// the paper's own grey: with a white one round the grey paper of an unmasked
// page, the paper falls on the ink's side of Tesseract's one threshold and
// the line reads as nothing.
PixPtr CutOut(Pix* page, const OcrLine& line) {
  const int across = std::max(4, line.height / 2);
  const int above = std::max(2, line.height / 5);
  const int left = std::max(0, line.left - across);
  const int top = std::max(0, line.top - above);
  const int right = std::min(static_cast<int>(pixGetWidth(page)), line.left + line.width + across);
  const int bottom = std::min(static_cast<int>(pixGetHeight(page)), line.top + line.height + above);
  constexpr int kSmallest = 8;
  if (right - left < kSmallest || bottom - top < kSmallest) return nullptr;
  BOX* box = boxCreate(left, top, right - left, bottom - top);
  if (box == nullptr) return nullptr;
  PixPtr cut(pixClipRectangle(page, box, nullptr));
  boxDestroy(&box);
  if (cut && pixGetDepth(cut.get()) != 8) cut.reset(pixConvertTo8(cut.get(), 0));
  if (!cut) return nullptr;
  cut.reset(pixScaleGrayLI(cut.get(), kEnlarge, kEnlarge));
  if (!cut) return nullptr;
  // Most of a line's box is paper: its lighter pixels are the paper's grey.
  constexpr float kPaperRank = 0.9F;
  l_uint32 paper = 255;
  pixGetRankValue(cut.get(), 1, kPaperRank, &paper);
  const int border = std::max(kSmallest, static_cast<int>(static_cast<float>(line.height) * kEnlarge / 2));
  return PixPtr(pixAddBorder(cut.get(), border, paper));
}

}  // namespace

Status ReadContactLinesAgain(OcrEngine& engine, const PreparedImage& prepared, std::vector<OcrLine>& lines) {
  PixPtr page;
  for (auto& line : lines) {
    if (!WorthReadingAgain(line)) continue;
    if (!page) page = UnmaskedPage(prepared);
    if (!page) return {};
    PixPtr cut = CutOut(page.get(), line);
    if (!cut) continue;
    KITH_ASSIGN_OR_RETURN(OcrLine again, engine.ReadContactLine(cut.get()));
    line.contact_reading = std::move(again.text);
  }
  return {};
}

}  // namespace kith::scan
