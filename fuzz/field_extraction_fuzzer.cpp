// The card-text field extractor (scan/field_extraction) on any text, as the
// lines OCR read from a card: no crash, leak or unbounded growth, and what it
// promises about what it finds: every email has an '@', every confidence is
// in [0, 1], no more lines than the card had.
#include <algorithm>
#include <string>
#include <vector>

#include "fuzz/fuzz_support.h"
#include "scan/field_extraction.h"

namespace {

using kith::fuzz::Check;

// One OCR line per input line, laid out as on a card: the first lines large
// (a name, a company), the rest smaller, top to bottom.
std::vector<kith::scan::OcrLine> CardLines(std::string_view text) {
  std::vector<kith::scan::OcrLine> lines;
  std::size_t start = 0;
  while (start <= text.size() && lines.size() < 64) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    kith::scan::OcrLine line;
    line.text = std::string(text.substr(start, end - start));
    const int index = static_cast<int>(lines.size());
    line.height = index < 2 ? 48 - 8 * index : 22;
    line.top = 40 + 60 * index;
    line.left = 60;
    line.width = 18 * static_cast<int>(std::min<std::size_t>(line.text.size(), 60));
    line.confidence = 90;
    lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto lines = CardLines(kith::fuzz::AsText(data, size));
  const kith::ScannedCard card = kith::scan::ExtractFields(lines, "US");
  for (const std::string& email : card.emails)
    Check(email.find('@') != std::string::npos, "an email has an @");
  for (const auto& [field, confidence] : card.confidence) {
    Check(confidence >= 0.0 && confidence <= 1.0, "confidence of " + field + " is in [0, 1]");
  }
  Check(card.lines.size() <= lines.size(), "the lines read are the card's lines");
  return 0;
}
