#include "scan/line_cut.h"

#include <algorithm>

namespace kith::scan {

PixPtr CutOutLine(Pix* page, const OcrLine& line, float enlarge, CutBorder border) {
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
  cut.reset(pixScaleGrayLI(cut.get(), enlarge, enlarge));
  if (!cut) return nullptr;
  l_uint32 grey = 255;
  if (border == CutBorder::kPaperGrey) {
    // Most of a line's box is paper: its lighter pixels are the paper's
    // grey. With a white border round the grey paper of an unmasked page,
    // the paper falls on the ink's side of Tesseract's one threshold and
    // the line reads as nothing.
    constexpr float kPaperRank = 0.9F;
    pixGetRankValue(cut.get(), 1, kPaperRank, &grey);
  }
  const int width = std::max(kSmallest, static_cast<int>(static_cast<float>(line.height) * enlarge / 2));
  return PixPtr(pixAddBorder(cut.get(), width, grey));
}

}  // namespace kith::scan
