#include "scan/preprocess.h"

#include <algorithm>
#include <cmath>
#include <vector>

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

// Which way a tile's ink runs. The background is the bulk of its pixels
// (the median); ink is a minority to one side of it: dark ink pulls the
// darkest few percent far below the median, light ink pulls the lightest far
// above it. Noise spreads both ways alike, so a tile of blank card under a
// phone's noise is kUnsure: comparing its median with the midpoint of its
// extremes (as kith once did) turned such tiles at random into dark squares
// that Tesseract then took for pictures, swallowing the lines around them.
enum class Polarity { kDarkOnLight, kLightOnDark, kUnsure };

Polarity TilePolarity(Pix* tile) {
  const float low = Rank(tile, 0.05F);
  const float median = Rank(tile, 0.5F);
  const float high = Rank(tile, 0.95F);
  const float below = median - low;
  const float above = high - median;
  constexpr float kInk = 40.0F;      // grey levels between ink and background, at least
  constexpr float kOneSided = 2.0F;  // the ink side spreads this much further than the other
  // Ink is thin: the middle half of the pixels is background, as even as
  // the noise allows. A tile across the edge of a shadow, a band or the card
  // is half one grey, half another, and says nothing of its ink.
  const float spread = Rank(tile, 0.75F) - Rank(tile, 0.25F);
  if (spread * 2.0F > std::max(below, above)) return Polarity::kUnsure;
  if (below >= kInk && below >= kOneSided * above) return Polarity::kDarkOnLight;
  if (above >= kInk && above >= kOneSided * below) return Polarity::kLightOnDark;
  return Polarity::kUnsure;
}

// Inverts every tile whose ink is lighter than its background, so that
// light-on-dark cards and dark bands read as dark text on white. A tile with
// no clear ink (blank card, the table, noise) follows the tiles with ink
// around it, the nearest first, so a blank stretch of a dark card is inverted
// with its letters and a blank stretch of a light one is not: no edges are
// made where there were none.
void NormalizePolarity(Pix* gray) {
  const int width = pixGetWidth(gray);
  const int height = pixGetHeight(gray);
  const int tile_side = std::max(8, width / kTilesAcross);
  const int columns = (width + tile_side - 1) / tile_side;
  const int rows = (height + tile_side - 1) / tile_side;
  std::vector<Polarity> polarity(static_cast<std::size_t>(columns) * static_cast<std::size_t>(rows),
                                 Polarity::kUnsure);
  std::vector<float> medians(polarity.size(), 255.0F);
  const auto at = [columns](int row, int column) {
    return static_cast<std::size_t>(row) * static_cast<std::size_t>(columns) +
           static_cast<std::size_t>(column);
  };
  for (int row = 0; row < rows; ++row) {
    for (int column = 0; column < columns; ++column) {
      BOX* box = boxCreate(column * tile_side, row * tile_side, tile_side, tile_side);
      PixPtr tile(pixClipRectangle(gray, box, nullptr));
      boxDestroy(&box);
      if (!tile) continue;
      polarity[at(row, column)] = TilePolarity(tile.get());
      medians[at(row, column)] = Rank(tile.get(), 0.5F);
    }
  }
  // The tiles with ink vote for the unsure ones: within one tile, then two,
  // then the whole card; a card with no clear ink at all goes by brightness.
  int light_on_dark = 0;
  int dark_on_light = 0;
  for (const Polarity p : polarity) {
    light_on_dark += p == Polarity::kLightOnDark ? 1 : 0;
    dark_on_light += p == Polarity::kDarkOnLight ? 1 : 0;
  }
  const auto vote = [&](int row, int column) -> bool {
    for (const int reach : {1, 2}) {
      int dark = 0;
      int light = 0;
      for (int r = std::max(0, row - reach); r <= std::min(rows - 1, row + reach); ++r) {
        for (int c = std::max(0, column - reach); c <= std::min(columns - 1, column + reach); ++c) {
          dark += polarity[at(r, c)] == Polarity::kLightOnDark ? 1 : 0;
          light += polarity[at(r, c)] == Polarity::kDarkOnLight ? 1 : 0;
        }
      }
      if (dark != light) return dark > light;
    }
    if (light_on_dark != dark_on_light) return light_on_dark > dark_on_light;
    constexpr float kDark = 100.0F;
    return medians[at(row, column)] < kDark;
  };
  for (int row = 0; row < rows; ++row) {
    for (int column = 0; column < columns; ++column) {
      const Polarity p = polarity[at(row, column)];
      const bool invert = p == Polarity::kUnsure ? vote(row, column) : p == Polarity::kLightOnDark;
      if (!invert) continue;
      const int left = column * tile_side;
      const int top = row * tile_side;
      const int w = std::min(tile_side, width - left);
      const int h = std::min(tile_side, height - top);
      BOX* box = boxCreate(left, top, w, h);
      PixPtr tile(pixClipRectangle(gray, box, nullptr));
      boxDestroy(&box);
      if (!tile) continue;
      pixInvert(tile.get(), tile.get());
      pixRasterop(gray, left, top, w, h, PIX_SRC, tile.get(), 0, 0);
    }
  }
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
    gray.reset(prepared.scale > 1.0F ? pixScaleGrayLI(gray.get(), prepared.scale, prepared.scale)
                                     : pixScaleAreaMap(gray.get(), prepared.scale, prepared.scale));
  } else {
    prepared.scale = 1.0F;
  }
  if (!gray) return Fail(ErrorCode::kInternal, "the image could not be scaled", "image");
  const float low = Rank(gray.get(), 0.01F);
  const float high = Rank(gray.get(), 0.99F);
  constexpr float kBlankContrast = 24.0F;
  if (high - low < kBlankContrast) {
    return Fail(ErrorCode::kInvalidInput, "no text found on the card", "image");
  }
  NormalizePolarity(gray.get());
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
  PixPtr near(pixDilateBrick(nullptr, binary.get(), kNearLetters, kNearLetters));
  if (near) {
    pixInvert(near.get(), near.get());
    pixSetMasked(gray.get(), near.get(), 255);
  }
  prepared.gray = std::move(gray);
  prepared.binary = std::move(binary);
  return prepared;
}

void Deskew(PreparedImage& prepared) {
  // Phone photos are held a little crooked: the skew is searched over ±12
  // degrees (Leptonica's default is ±7) and applied whenever the search is
  // fairly sure. (pixDeskew's own bar of confidence 3 left cards turned 8
  // degrees, which Tesseract's line finder then read as nothing at all.)
  l_float32 angle = 0;
  l_float32 confidence = 0;
  constexpr l_float32 kSkewRange = 12.0F;
  constexpr l_float32 kSureEnough = 1.5F;
  constexpr l_float32 kWorthTurning = 0.2F;
  constexpr l_float32 kRadiansPerDegree = 3.14159265F / 180.0F;
  if (pixFindSkewSweepAndSearch(prepared.binary.get(), &angle, &confidence, 4, 2, kSkewRange, 1.0F, 0.01F) ==
          0 &&
      confidence >= kSureEnough && std::abs(angle) >= kWorthTurning) {
    PixPtr straight(pixRotate(prepared.binary.get(), kRadiansPerDegree * angle, L_ROTATE_AREA_MAP,
                              L_BRING_IN_WHITE, 0, 0));
    if (straight) {
      prepared.skew_degrees = angle;
      prepared.binary = std::move(straight);
    }
    PixPtr straight_gray(
        pixRotate(prepared.gray.get(), kRadiansPerDegree * angle, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
    if (straight_gray) prepared.gray = std::move(straight_gray);
  }
}

}  // namespace kith::scan
