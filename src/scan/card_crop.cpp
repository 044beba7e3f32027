#include "scan/card_crop.h"

#include <algorithm>

namespace kith::scan {
namespace {

// The photo is looked at this small: a card is a few hundred pixels of it,
// its print specks.
constexpr float kSmallSide = 256.0F;
// Of the frame: a smaller patch is a logo or a band, a larger one the whole
// photo (nothing to cut).
constexpr double kSmallestCard = 0.2;
constexpr double kLargestCard = 0.9;
// Of its own box: a card turned 8 degrees fills about 75%.
constexpr double kFilled = 0.6;

// The largest patch of `side` (1 bpp) that can be a card, as a mask of the
// whole image; nullptr when none can.
PixPtr LargestCardPatch(Pix* side, double frame, l_int32& best_count) {
  // Opening cuts the thin bridges print and noise make between the card and
  // a table of nearly its colour.
  constexpr int kBridge = 5;
  PixPtr opened(pixOpenBrick(nullptr, side, kBridge, kBridge));
  if (!opened) return nullptr;
  PIXA* parts = nullptr;
  BOXA* boxes = pixConnComp(opened.get(), &parts, 4);
  if (boxes == nullptr) return nullptr;
  PixPtr best;
  for (int i = 0; i < pixaGetCount(parts); ++i) {
    PixPtr part(pixaGetPix(parts, i, L_CLONE));
    l_int32 count = 0;
    if (!part || pixCountPixels(part.get(), &count, nullptr) != 0 || count <= best_count) continue;
    l_int32 x = 0;
    l_int32 y = 0;
    l_int32 w = 0;
    l_int32 h = 0;
    boxaGetBoxGeometry(boxes, i, &x, &y, &w, &h);
    const double area = static_cast<double>(w) * h;
    if (area < kSmallestCard * frame || area > kLargestCard * frame || count < kFilled * area) continue;
    PixPtr mask(pixCreate(pixGetWidth(side), pixGetHeight(side), 1));
    if (!mask) continue;
    pixRasterop(mask.get(), x, y, w, h, PIX_SRC, part.get(), 0, 0);
    best_count = count;
    best = std::move(mask);
  }
  boxaDestroy(&boxes);
  pixaDestroy(&parts);
  return best;
}

}  // namespace

PixPtr CropToCard(Pix* gray) {
  if (gray == nullptr || pixGetDepth(gray) != 8) return nullptr;
  const int width = pixGetWidth(gray);
  const int height = pixGetHeight(gray);
  const float factor = kSmallSide / static_cast<float>(std::max(width, height));
  if (factor >= 1.0F) return nullptr;
  PixPtr small(pixScaleAreaMap(gray, factor, factor));
  if (!small) return nullptr;
  Pix* dark_raw = nullptr;
  if (pixOtsuAdaptiveThreshold(small.get(), pixGetWidth(small.get()), pixGetHeight(small.get()), 0, 0, 0.1F,
                               nullptr, &dark_raw) != 0 ||
      dark_raw == nullptr)
    return nullptr;
  PixPtr dark(dark_raw);
  PixPtr light(pixInvert(nullptr, dark.get()));
  if (!light) return nullptr;
  const double frame = static_cast<double>(pixGetWidth(small.get())) * pixGetHeight(small.get());
  l_int32 best_count = 0;
  PixPtr card = LargestCardPatch(dark.get(), frame, best_count);
  if (PixPtr lighter = LargestCardPatch(light.get(), frame, best_count)) card = std::move(lighter);
  if (!card) return nullptr;
  // The print is a hole in the patch: filled. The edge is kept a little wide.
  if (PixPtr holes{pixHolesByFilling(card.get(), 4)}) pixOr(card.get(), card.get(), holes.get());
  constexpr int kEdge = 5;
  pixDilateBrick(card.get(), card.get(), kEdge, kEdge);
  l_float32 paper = 255;
  pixGetRankValueMasked(small.get(), card.get(), 0, 0, 1, 0.5F, &paper, nullptr);
  BOX* found = nullptr;
  if (pixClipToForeground(card.get(), nullptr, &found) != 0 || found == nullptr) return nullptr;
  l_int32 x = 0;
  l_int32 y = 0;
  l_int32 w = 0;
  l_int32 h = 0;
  boxGetGeometry(found, &x, &y, &w, &h);
  boxDestroy(&found);
  const int left = std::max(0, static_cast<int>(static_cast<float>(x) / factor));
  const int top = std::max(0, static_cast<int>(static_cast<float>(y) / factor));
  const int right = std::min(width, static_cast<int>(static_cast<float>(x + w) / factor));
  const int bottom = std::min(height, static_cast<int>(static_cast<float>(y + h) / factor));
  constexpr int kSmallestSide = 32;
  if (right - left < kSmallestSide || bottom - top < kSmallestSide) return nullptr;
  // What lay around the card becomes its paper: nothing at its edges looks
  // like print or like a dark band.
  PixPtr outside(pixScale(card.get(), 1.0F / factor, 1.0F / factor));
  PixPtr photo(pixCopy(nullptr, gray));
  if (!outside || !photo) return nullptr;
  pixInvert(outside.get(), outside.get());
  pixSetMasked(photo.get(), outside.get(), static_cast<l_uint32>(paper));
  BOX* box = boxCreate(left, top, right - left, bottom - top);
  if (box == nullptr) return nullptr;
  PixPtr cut(pixClipRectangle(photo.get(), box, nullptr));
  boxDestroy(&box);
  return cut;
}

}  // namespace kith::scan
