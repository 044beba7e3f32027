#include "scan/deblur.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace kith::scan {
namespace {

// A grey image as floats, row by row: the arithmetic of deconvolution needs
// more than 8 bits between steps.
struct Plane {
  int width = 0;
  int height = 0;
  std::vector<float> values;
  [[nodiscard]] std::size_t Index(int x, int y) const {
    return static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x);
  }
  float& At(int x, int y) { return values[Index(x, y)]; }
  [[nodiscard]] float At(int x, int y) const { return values[Index(x, y)]; }
  float* Row(int y) { return &values[Index(0, y)]; }
  [[nodiscard]] const float* Row(int y) const { return &values[Index(0, y)]; }
};

Plane ToPlane(Pix* gray) {
  Plane plane;
  plane.width = pixGetWidth(gray);
  plane.height = pixGetHeight(gray);
  plane.values.resize(plane.Index(0, plane.height));
  const l_uint32* data = pixGetData(gray);
  const int words_per_line = pixGetWpl(gray);
  for (int y = 0; y < plane.height; ++y) {
    const l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * words_per_line;
    for (int x = 0; x < plane.width; ++x) plane.At(x, y) = static_cast<float>(GET_DATA_BYTE(line, x));
  }
  return plane;
}

PixPtr ToPix(const Plane& plane) {
  PixPtr pix(pixCreate(plane.width, plane.height, 8));
  if (!pix) return nullptr;
  l_uint32* data = pixGetData(pix.get());
  const int words_per_line = pixGetWpl(pix.get());
  for (int y = 0; y < plane.height; ++y) {
    l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * words_per_line;
    for (int x = 0; x < plane.width; ++x) {
      const float value = std::clamp(std::round(plane.At(x, y)), 0.0F, 255.0F);
      SET_DATA_BYTE(line, x, static_cast<l_uint8>(value));
    }
  }
  return pix;
}

std::vector<float> GaussianTaps(float sigma) {
  const int radius = std::max(1, static_cast<int>(std::ceil(3.0F * sigma)));
  std::vector<float> taps(static_cast<std::size_t>(2 * radius + 1));
  float sum = 0;
  for (std::size_t k = 0; k < taps.size(); ++k) {
    const int offset = static_cast<int>(k) - radius;
    taps[k] = std::exp(-static_cast<float>(offset * offset) / (2.0F * sigma * sigma));
    sum += taps[k];
  }
  for (float& tap : taps) tap /= sum;
  return taps;
}

// A Gaussian blur, rows then columns, the border pixels repeated outward.
// Each pass adds one tap at a time over a whole padded row, which the
// compiler turns into vector instructions.
Plane Blur(const Plane& source, float sigma) {
  const std::vector<float> taps = GaussianTaps(sigma);
  const int radius = static_cast<int>(taps.size() / 2);
  const int width = source.width;
  Plane across{width, source.height, std::vector<float>(source.values.size(), 0.0F)};
  std::vector<float> padded(static_cast<std::size_t>(width + 2 * radius));
  for (int y = 0; y < source.height; ++y) {
    const float* row = source.Row(y);
    std::fill(padded.begin(), padded.begin() + radius, row[0]);
    std::copy(row, row + width, padded.begin() + radius);
    std::fill(padded.begin() + radius + width, padded.end(), row[width - 1]);
    float* out = across.Row(y);
    for (int i = 0; i <= 2 * radius; ++i) {
      const float tap = taps[static_cast<std::size_t>(i)];
      const float* in = padded.data() + i;
      for (int x = 0; x < width; ++x) out[x] += tap * in[x];
    }
  }
  Plane result{width, source.height, std::vector<float>(source.values.size(), 0.0F)};
  for (int y = 0; y < source.height; ++y) {
    float* out = result.Row(y);
    for (std::size_t k = 0; k < taps.size(); ++k) {
      const int from = y + static_cast<int>(k) - radius;
      const float* in = across.Row(std::clamp(from, 0, source.height - 1));
      for (int x = 0; x < width; ++x) out[x] += taps[k] * in[x];
    }
  }
  return result;
}

// The strength of the edge at each pixel (central differences).
Plane EdgeStrength(const Plane& plane) {
  Plane strength{plane.width, plane.height, std::vector<float>(plane.values.size(), 0.0F)};
  for (int y = 1; y + 1 < plane.height; ++y) {
    for (int x = 1; x + 1 < plane.width; ++x) {
      const float across = plane.At(x + 1, y) - plane.At(x - 1, y);
      const float down = plane.At(x, y + 1) - plane.At(x, y - 1);
      strength.At(x, y) = 0.5F * std::sqrt(across * across + down * down);
    }
  }
  return strength;
}

// The two further blurs the edges are measured under. Both blur away the
// noise of a phone photo, which would otherwise count as sharp edges; the
// second is wide enough that a sharp edge loses half its strength.
constexpr float kFirstBlur = 1.0F;
constexpr float kSecondBlur = 2.0F;

}  // namespace

float MeasureBlur(Pix* gray) {
  if (gray == nullptr || pixGetDepth(gray) != 8) return 0;
  const Plane image = ToPlane(gray);
  if (image.width < 16 || image.height < 16) return 0;
  const Plane first = EdgeStrength(Blur(image, kFirstBlur));
  const Plane second = EdgeStrength(Blur(image, kSecondBlur));
  // The strongest edges: the print's, not the paper's grain. The top 2% of
  // pixels by edge strength, where each is the strongest of its 3x3
  // neighbourhood (the middle of an edge, where it is measured).
  std::vector<float> sorted = first.values;
  const std::size_t top = sorted.size() - sorted.size() / 50;
  std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(top), sorted.end());
  // An edge weaker than this (grey levels per pixel) is paper grain or JPEG
  // blocks, whatever its rank: a card with no print has no blur to measure.
  constexpr float kFaintestEdge = 4.0F;
  const float threshold = std::max(kFaintestEdge, sorted[top]);
  double first_sum = 0;
  double second_sum = 0;
  int edges = 0;
  for (int y = 1; y + 1 < image.height; ++y) {
    for (int x = 1; x + 1 < image.width; ++x) {
      const float strength = first.At(x, y);
      if (strength < threshold) continue;
      bool strongest = true;
      for (int dy = -1; dy <= 1 && strongest; ++dy) {
        for (int dx = -1; dx <= 1; ++dx) {
          if (first.At(x + dx, y + dy) > strength) {
            strongest = false;
            break;
          }
        }
      }
      if (!strongest) continue;
      first_sum += strength;
      second_sum += second.At(x, y);
      ++edges;
    }
  }
  constexpr int kFewestEdges = 50;
  if (edges < kFewestEdges || second_sum <= 0) return 0;
  // A step blurred by s is 1/sqrt(s^2 + b^2) steep after a further blur b,
  // so the ratio of the two strengths gives s.
  const double ratio = first_sum / second_sum;
  const double ratio_squared = ratio * ratio;
  if (ratio_squared <= 1.0) return 10.0F;
  const double variance =
      (kSecondBlur * kSecondBlur - ratio_squared * kFirstBlur * kFirstBlur) / (ratio_squared - 1.0);
  return variance <= 0 ? 0.0F : static_cast<float>(std::sqrt(variance));
}

PixPtr Deblur(Pix* gray, float sigma, int iterations) {
  if (gray == nullptr || pixGetDepth(gray) != 8 || sigma <= 0) return nullptr;
  const Plane observed = ToPlane(gray);
  // Richardson-Lucy: the estimate is blurred, compared with what was
  // photographed, and corrected by the blurred ratio. The Gaussian is its own
  // mirror image, so the same blur serves both ways. One grey level is added
  // so that no ratio divides by black.
  Plane estimate = observed;
  for (float& value : estimate.values) value += 1.0F;
  Plane shifted = estimate;
  for (int step = 0; step < iterations; ++step) {
    Plane ratio = Blur(estimate, sigma);
    for (std::size_t i = 0; i < ratio.values.size(); ++i) {
      ratio.values[i] = shifted.values[i] / std::max(ratio.values[i], 0.5F);
    }
    const Plane correction = Blur(ratio, sigma);
    for (std::size_t i = 0; i < estimate.values.size(); ++i) {
      estimate.values[i] = std::min(estimate.values[i] * correction.values[i], 256.0F);
    }
  }
  for (float& value : estimate.values) value -= 1.0F;
  return ToPix(estimate);
}

}  // namespace kith::scan
