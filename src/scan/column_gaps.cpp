#include "scan/column_gaps.h"

#include <algorithm>

namespace kith::scan {
namespace {

// A space between words is a third to a half of the letters' height; a tab
// stop in a "Tel:   +1 …" line about one. Two heights and more is a gutter
// between columns.
constexpr int kColumnGapHeights = 2;

int MedianHeight(const std::vector<OcrWord>& words) {
  std::vector<int> heights;
  heights.reserve(words.size());
  for (const auto& word : words) heights.push_back(word.bottom - word.top);
  std::nth_element(heights.begin(), heights.begin() + static_cast<std::ptrdiff_t>(heights.size() / 2),
                   heights.end());
  return std::max(1, heights[heights.size() / 2]);
}

OcrLine JoinWords(std::vector<OcrWord>::const_iterator first, std::vector<OcrWord>::const_iterator last,
                  float confidence) {
  OcrLine line;
  int left = first->left;
  int top = first->top;
  int right = first->right;
  int bottom = first->bottom;
  for (auto word = first; word != last; ++word) {
    if (!line.text.empty()) line.text += ' ';
    line.text += word->text;
    left = std::min(left, word->left);
    top = std::min(top, word->top);
    right = std::max(right, word->right);
    bottom = std::max(bottom, word->bottom);
  }
  line.left = left;
  line.top = top;
  line.width = right - left;
  line.height = bottom - top;
  line.confidence = confidence;
  return line;
}

}  // namespace

std::vector<OcrLine> SplitAtColumnGaps(const std::vector<OcrWord>& words, float line_confidence) {
  std::vector<OcrLine> lines;
  if (words.empty()) return lines;
  const int gutter = kColumnGapHeights * MedianHeight(words);
  auto start = words.begin();
  for (auto word = words.begin() + 1; word != words.end(); ++word) {
    if (word->left - (word - 1)->right > gutter) {
      lines.push_back(JoinWords(start, word, line_confidence));
      start = word;
    }
  }
  lines.push_back(JoinWords(start, words.end(), line_confidence));
  return lines;
}

}  // namespace kith::scan
