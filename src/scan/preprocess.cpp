#include "scan/preprocess.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "scan/deblur.h"

namespace kith::scan {
namespace {

// Cards fill most of a phone photo; with the long side at this size their
// small print (phone numbers, emails) comes out 20-35 pixels tall, where
// Tesseract's LSTM models read well. Larger only costs time (2000 pixels: 20%
// slower, no more accurate; 2200 on held-out cards: slower and less
// accurate). The long side, not the width: a card photographed sideways is
// as large as one photographed upright.
constexpr int kTargetLongSide = 1600;

// The grey value below which `rank` (0-1) of the pixels fall.
float Rank(Pix* gray, float rank) {
  l_uint32 value = 0;
  pixGetRankValue(gray, 2, rank, &value);
  return static_cast<float>(value);
}

// Tiles for the light-on-dark test: small enough that a dark band on a white
// card, or the table beside the card, is mostly its own tile; large enough to
// hold background around the letters.
// (24 across reads names and companies better than 12 on the corpus.)
constexpr int kTilesAcross = 24;

// Whether `tile`'s background is darker than its ink. The background is
// what most pixels are: the median is compared with the midpoint between the
// darkest and lightest few percent.
bool DarkBackground(Pix* tile) {
  const float low = Rank(tile, 0.05F);
  const float median = Rank(tile, 0.5F);
  const float high = Rank(tile, 0.95F);
  constexpr float kMinimumContrast = 40.0F;
  constexpr float kDark = 100.0F;
  return (high - low > kMinimumContrast) ? median < (low + high) / 2 : median < kDark;
}

// Calls `visit(left, top, width, height)` for each tile of `gray`.
template <typename Visit>
void ForEachTile(Pix* gray, Visit visit) {
  const int width = pixGetWidth(gray);
  const int height = pixGetHeight(gray);
  const int tile_side = std::max(8, width / kTilesAcross);
  for (int top = 0; top < height; top += tile_side) {
    for (int left = 0; left < width; left += tile_side) {
      visit(left, top, std::min(tile_side, width - left), std::min(tile_side, height - top));
    }
  }
}

PixPtr Tile(Pix* gray, int left, int top, int width, int height) {
  BOX* box = boxCreate(left, top, width, height);
  PixPtr tile(pixClipRectangle(gray, box, nullptr));
  boxDestroy(&box);
  return tile;
}

// Inverts every tile whose background is darker than its ink, so that
// light-on-dark cards and dark bands read as dark text on white.
void NormalizePolarity(Pix* gray) {
  ForEachTile(gray, [gray](int left, int top, int w, int h) {
    PixPtr tile = Tile(gray, left, top, w, h);
    if (!tile || !DarkBackground(tile.get())) return;
    pixInvert(tile.get(), tile.get());
    pixRasterop(gray, left, top, w, h, PIX_SRC, tile.get(), 0, 0);
  });
}

// Print in a colour on a dark card (a company's name in red on navy) is
// light in one channel and dark in the others: its luminance is close to
// the card's, and the line is lost with the background. Where a tile of
// `gray` (luminance) has a dark background, each pixel takes the lighter of
// its luminance and its brightest channel (`brightest`, made by the call
// only when some tile is dark: most cards have none, and the channel of a
// whole photo costs more than the rest of this) lowered by as much as the
// tile's background is lighter there: such print then stands out as white
// print does, and the background, white print and the print on a saturated
// card (whose own colour is bright in one channel) keep their luminance.
template <typename MakeBrightest>
void LightenColouredPrintOnDark(Pix* gray, MakeBrightest make_brightest) {
  struct Area {
    int left, top, width, height;
  };
  std::vector<Area> dark;
  ForEachTile(gray, [gray, &dark](int left, int top, int w, int h) {
    PixPtr tile = Tile(gray, left, top, w, h);
    if (tile && DarkBackground(tile.get())) dark.push_back({left, top, w, h});
  });
  if (dark.empty()) return;
  PixPtr brightest = make_brightest();
  if (!brightest) return;
  for (const Area& area : dark) {
    PixPtr tile = Tile(gray, area.left, area.top, area.width, area.height);
    PixPtr bright = Tile(brightest.get(), area.left, area.top, area.width, area.height);
    if (!tile || !bright) continue;
    const float lighter_by = Rank(bright.get(), 0.5F) - Rank(tile.get(), 0.5F);
    if (lighter_by > 0) pixAddConstantGray(bright.get(), -static_cast<l_int32>(lighter_by));
    PixPtr lighter(pixMinOrMax(nullptr, tile.get(), bright.get(), L_CHOOSE_MAX));
    if (lighter)
      pixRasterop(gray, area.left, area.top, area.width, area.height, PIX_SRC, lighter.get(), 0, 0);
  }
}

// Uneven light (a lamp to one side, a phone's shadow, a photo's darker
// corners) leaves a card's paper white in one place and grey in another;
// Tesseract finds its lines with one threshold for the whole card, so the
// letters in the grey part merge with the paper or disappear, and the
// recogniser reads them with half the contrast. Dividing every pixel by the
// paper's brightness around it makes the paper evenly light.
PixPtr FlattenBackground(Pix* gray) {
  // The paper's brightness changes slowly: it is estimated at a quarter of
  // the size, where a grey closing 11 pixels wide (44 at full size, wider than
  // any stroke of the print) fills each letter with the paper around it.
  constexpr int kReduce = 4;
  constexpr int kLetterFill = 11;
  // The paper comes out this light; the letters keep their contrast to it.
  constexpr int kPaper = 230;
  constexpr float kQuarter = 1.0F / kReduce;
  PixPtr small(pixScaleAreaMap(gray, kQuarter, kQuarter));
  if (!small) return nullptr;
  PixPtr paper(pixCloseGray(small.get(), kLetterFill, kLetterFill));
  if (!paper) return nullptr;
  PixPtr inverse(pixGetInvBackgroundMap(paper.get(), kPaper, 2, 2));
  if (!inverse) return nullptr;
  return PixPtr(pixApplyInvBackgroundGrayMap(gray, inverse.get(), kReduce, kReduce));
}

// A blurred photo (a phone held too close, or moving) leaves letters whose
// strokes run into each other: Tesseract reads them wrong or not at all, and
// the thresholds below lose them. Where the print is measurably soft, the
// blur is undone first (held-out cards, BENCHMARKS.md, seventh round).
void Sharpen(PixPtr& gray) {
  // Below this (pixels at the scale set above) the print reads as it is; a
  // card photographed sharp measures 0-0.8.
  constexpr float kSoft = 0.8F;
  // MeasureBlur reads the thin strokes of small print sharper than their
  // blur is (on text rendered and blurred by a known amount, 1.2-1.5 px
  // for a blur of 2 px, less with noise): the blur undone is this much
  // larger than the one measured.
  constexpr float kThinStrokes = 1.6F;
  // Each step sharpens more and brings out more of the photo's noise; five
  // steps read more than three, ten no more than five, at twice the time.
  constexpr int kSteps = 5;
  const float blur = MeasureBlur(gray.get());
  if (blur < kSoft) return;
  if (PixPtr sharp = Deblur(gray.get(), blur * kThinStrokes, kSteps)) gray = std::move(sharp);
}

struct Skew {
  l_float32 degrees = 0;
  l_float32 confidence = 0;  // Leptonica's: 0 when the search found nothing
};

// The skew of the lines of `binary`, searched over ±20 degrees.
Skew FindSkew(Pix* binary) {
  constexpr l_float32 kSkewRange = 20.0F;
  Skew skew;
  if (pixFindSkewSweepAndSearch(binary, &skew.degrees, &skew.confidence, 4, 2, kSkewRange, 1.0F, 0.01F) != 0)
    return {};
  return skew;
}

// The marks of `binary` shaped like the letters of small print: not a
// speck, no taller than small print stands at the scale preprocessing sets
// (12-30 pixels; a name's capitals up to 80 are left out with the blocks of
// that size), no wider than three letters run together, and not solid (a
// block, where a letter's box is half paper). None when Leptonica fails.
PixPtr SmallLetters(Pix* binary) {
  const int long_side = std::max(pixGetWidth(binary), pixGetHeight(binary));
  const int shortest = std::max(6, long_side / 250);
  const int tallest = long_side / 30;
  constexpr double kSolid = 0.6;
  PIXA* marks = nullptr;
  BOXA* boxes = pixConnComp(binary, &marks, 8);
  if (boxes == nullptr || marks == nullptr) {
    boxaDestroy(&boxes);
    pixaDestroy(&marks);
    return nullptr;
  }
  PixPtr letters(pixCreateTemplate(binary));
  for (int i = 0; letters && i < boxaGetCount(boxes); ++i) {
    l_int32 x = 0;
    l_int32 y = 0;
    l_int32 w = 0;
    l_int32 h = 0;
    boxaGetBoxGeometry(boxes, i, &x, &y, &w, &h);
    if (h < shortest || h > tallest || w > 3 * h) continue;
    PixPtr mark(pixaGetPix(marks, i, L_CLONE));
    l_int32 black = 0;
    if (!mark || pixCountPixels(mark.get(), &black, nullptr) != 0) continue;
    if (static_cast<double>(black) >= kSolid * static_cast<double>(w) * static_cast<double>(h)) continue;
    pixRasterop(letters.get(), x, y, w, h, PIX_PAINT, mark.get(), 0, 0);
  }
  boxaDestroy(&boxes);
  pixaDestroy(&marks);
  return letters;
}

PixPtr Scaled(Pix* gray, float scale) {
  return PixPtr(scale > 1.0F ? pixScaleGrayLI(gray, scale, scale) : pixScaleAreaMap(gray, scale, scale));
}

// Each pixel's brightest channel, for a colour photo; none for a grey one.
PixPtr BrightestChannel(Pix* photo) {
  PixPtr no_colormap(pixRemoveColormap(photo, REMOVE_CMAP_BASED_ON_SRC));
  Pix* source = no_colormap ? no_colormap.get() : photo;
  if (pixGetDepth(source) != 32) return nullptr;
  return PixPtr(pixConvertRGBToGrayMinMax(source, L_CHOOSE_MAX));
}

}  // namespace

PixPtr ToGray(Pix* photo) {
  PixPtr no_colormap(pixRemoveColormap(photo, REMOVE_CMAP_BASED_ON_SRC));
  Pix* source = no_colormap ? no_colormap.get() : photo;
  if (pixGetDepth(source) == 32) return PixPtr(pixConvertRGBToLuminance(source));
  return PixPtr(pixConvertTo8(source, 0));
}

Result<PreparedImage> PrepareForOcr(Pix* photo) {
  PreparedImage prepared;
  PixPtr gray = ToGray(photo);
  if (!gray) return Fail(ErrorCode::kInvalidInput, "the image has no pixels kith can read", "image");
  const int long_side = std::max(pixGetWidth(gray.get()), pixGetHeight(gray.get()));
  prepared.scale = static_cast<float>(kTargetLongSide) / static_cast<float>(long_side);
  if (std::abs(prepared.scale - 1.0F) > 0.1F) {
    gray = Scaled(gray.get(), prepared.scale);
  } else {
    prepared.scale = 1.0F;
  }
  if (!gray) return Fail(ErrorCode::kInternal, "the image could not be scaled", "image");
  LightenColouredPrintOnDark(gray.get(), [photo, &prepared]() -> PixPtr {
    PixPtr brightest = BrightestChannel(photo);
    if (!brightest || prepared.scale == 1.0F) return brightest;
    return Scaled(brightest.get(), prepared.scale);
  });
  const float low = Rank(gray.get(), 0.01F);
  const float high = Rank(gray.get(), 0.99F);
  constexpr float kBlankContrast = 24.0F;
  if (high - low < kBlankContrast) {
    return Fail(ErrorCode::kInvalidInput, "no text found on the card", "image");
  }
  Sharpen(gray);
  NormalizePolarity(gray.get());
  // After the polarity, so that the paper is the light side everywhere.
  // (Held-out cards, first 100: phones 77 -> 84, names 53 -> 59; BENCHMARKS.md.)
  if (PixPtr flat = FlattenBackground(gray.get())) gray = std::move(flat);
  // Sauvola thresholds each pixel against its neighbourhood, so shadows,
  // gradients and coloured backgrounds fall away and the letters stay.
  constexpr int kHalfWindow = 24;
  constexpr float kFactor = 0.34F;
  Pix* binary_raw = nullptr;
  if (pixSauvolaBinarize(gray.get(), kHalfWindow, kFactor, 1, nullptr, nullptr, nullptr, &binary_raw) != 0 ||
      binary_raw == nullptr) {
    return Fail(ErrorCode::kInternal, "the image could not be binarised", "image");
  }
  PixPtr binary(binary_raw);
  // What is too large to be a letter (the edge of the card against the
  // table, a coloured band, a logo, a rule) goes: such blocks make
  // Tesseract's layout analysis take the whole card for a picture, and the
  // skew search lock onto them instead of the lines of text.
  const int scaled_long_side = std::max(pixGetWidth(binary.get()), pixGetHeight(binary.get()));
  const int tallest_letter = scaled_long_side / 10;
  const int widest_letter = scaled_long_side / 5;
  PixPtr letters(pixSelectBySize(binary.get(), widest_letter, tallest_letter, 8, L_SELECT_IF_BOTH,
                                 L_SELECT_IF_LTE, nullptr));
  if (letters) binary = std::move(letters);
  // What OCR reads: the grey image where the letters are, white elsewhere.
  // Tesseract reads blurred and low-contrast letters better from their grey
  // levels than from any one threshold of them; the mask keeps out what the
  // letter-sized marks above left out (card edges, bands, logos).
  constexpr int kNearLetters = 9;
  prepared.unmasked.reset(pixCopy(nullptr, gray.get()));
  PixPtr near(pixDilateBrick(nullptr, binary.get(), kNearLetters, kNearLetters));
  if (near) {
    pixInvert(near.get(), near.get());
    pixSetMasked(gray.get(), near.get(), 255);
  }
  prepared.gray = std::move(gray);
  prepared.binary = std::move(binary);
  return prepared;
}

PixPtr UnmaskedPage(const PreparedImage& prepared) {
  if (!prepared.unmasked) return nullptr;
  // Turning a quarter and straightening about the page's centre commute, so
  // the turns made before and after Deskew are made here at once.
  PixPtr page(pixRotateOrth(prepared.unmasked.get(), prepared.quarter_turns % 4));
  if (!page || prepared.skew_degrees == 0.0F) return page;
  constexpr l_float32 kRadiansPerDegree = 3.14159265F / 180.0F;
  return PixPtr(pixRotate(page.get(), kRadiansPerDegree * prepared.skew_degrees, L_ROTATE_AREA_MAP,
                          L_BRING_IN_WHITE, 0, 0));
}

bool MayStandTurned(Pix* binary) {
  // Leptonica's test of the letters' ascenders against their descenders
  // (Latin print has more of the first) upright and a quarter turned:
  // positive when they stand up, negative upside down, 0 when there are
  // too few to tell, and larger a quarter turned than upright when the
  // print runs down the page.
  l_float32 upright = 0;
  l_float32 sideways = 0;
  if (pixOrientDetect(binary, &upright, &sideways, 0, 0) != 0) return true;
  return upright <= 0 || std::abs(sideways) > upright;
}

void Deskew(PreparedImage& prepared) {
  // Phone photos are held a little crooked: the skew is searched over ±20
  // degrees (Leptonica's default is ±7; at ±12 a card held 13 degrees off
  // was read as nothing at all) and applied whenever the search is fairly
  // sure. (pixDeskew's own bar of confidence 3 left cards turned 8
  // degrees, which Tesseract's line finder then read as nothing at all.)
  constexpr l_float32 kSureEnough = 1.5F;
  constexpr l_float32 kWorthTurning = 0.2F;
  constexpr l_float32 kRadiansPerDegree = 3.14159265F / 180.0F;
  // Found on every mark, and again on the marks shaped like small print's
  // letters: a card's edge, a band, a logo, and the blocks the polarity's
  // tiles leave where a dark card meets the table are straight too, and
  // where there are enough of them the search over every mark follows them
  // or is unsure (a card 8 degrees off left as it was, and read as nothing
  // at all). The letters' answer is taken when the first is unsure, or when
  // the two differ by whole degrees; a smaller difference is the search's
  // own spread, and the first answer stands (taking the letters' answer
  // always moved as many fields one way as the other on fresh held-out
  // cards).
  constexpr l_float32 kWholeDegrees = 2.0F;
  Skew skew = FindSkew(prepared.binary.get());
  if (PixPtr letters = SmallLetters(prepared.binary.get())) {
    const Skew by_letters = FindSkew(letters.get());
    const bool letters_differ = std::abs(by_letters.degrees - skew.degrees) >= kWholeDegrees;
    if (by_letters.confidence >= kSureEnough && (skew.confidence < kSureEnough || letters_differ))
      skew = by_letters;
  }
  if (skew.confidence < kSureEnough || std::abs(skew.degrees) < kWorthTurning) return;
  const l_float32 angle = skew.degrees;
  PixPtr straight(
      pixRotate(prepared.binary.get(), kRadiansPerDegree * angle, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
  if (straight) {
    prepared.skew_degrees = angle;
    prepared.binary = std::move(straight);
  }
  PixPtr straight_gray(
      pixRotate(prepared.gray.get(), kRadiansPerDegree * angle, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
  if (straight_gray) prepared.gray = std::move(straight_gray);
}

}  // namespace kith::scan
