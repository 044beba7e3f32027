#include "scan/second_look.h"

#include <algorithm>
#include <string>

#include "scan/line_cut.h"

namespace kith::scan {
namespace {

// Below this confidence a line gets a second look. Lines of a sharp card read
// at 95-97; the names whose accents a whole-page reading drops (an "ř"
// read as "r") read at 85-94, so a lower bar leaves most of them as they
// were (held-out cards 0-239: names +8 at 95, +2 at 90).
constexpr float kUnsure = 95.0F;
// The line's letters are enlarged this much: Tesseract's recogniser sees a
// line of small print at twice its height.
constexpr float kEnlarge = 2.0F;
// Below this confidence after the grey cut's reading too, the cut is read
// once more binarised by Sauvola's local threshold. Tesseract binarises a
// line with one threshold (Otsu's); light falling off along the line or a
// shadow across it leaves part of the letters on the wrong side of it, a
// threshold from each letter's own neighbourhood does not (held-out cards
// 0-239: names +2, titles +3, websites +2 and 4 fields lost; at 90 the same
// as on every unsure line for 40% fewer readings).
constexpr float kStillUnsure = 90.0F;
// Sauvola's k: how far below its neighbourhood's mean a pixel must be to
// count as ink. 0.2 read more names and titles than Leptonica's usual 0.34
// (which lost companies); the window is the line's own height at the cut's
// scale, enough to span a letter.
constexpr float kSauvolaFactor = 0.2F;

int LettersIn(const std::string& text) {
  return static_cast<int>(std::count_if(text.begin(), text.end(), [](char c) { return c != ' '; }));
}

// Emails, web addresses and numbers keep the page's reading: read again alone,
// with the Latin model and no English word list, an email's underscore or
// its first letters were lost more often than mended (held-out cards 0-239:
// emails -5 and websites -4 when they were re-read too, 0 when not).
bool LooksLikeContact(const std::string& text) {
  const bool has_sign = std::any_of(text.begin(), text.end(),
                                    [](char c) { return c == '@' || c == '/' || (c >= '0' && c <= '9'); });
  return has_sign || text.find("www") != std::string::npos || text.find("WWW") != std::string::npos;
}

// The cut with each pixel thresholded against its neighbourhood (Sauvola);
// none when Leptonica cannot (a cut too small for the window), and none for
// a box taller than wide: print read across a line standing on its end is
// noise, and its cut, with a margin of its own height each way, ran to 14
// megapixels, ~12 bytes each in Sauvola's images (held-out card_249: peak
// RSS +98 MB; on cards 0-239 no field moves without those 50 readings).
PixPtr Binarised(Pix* cut, const OcrLine& line) {
  if (line.height >= line.width) return nullptr;
  const int window = std::max(4, line.height);
  if (pixGetWidth(cut) < 2 * window + 3 || pixGetHeight(cut) < 2 * window + 3) return nullptr;
  PIX* binary = nullptr;
  if (pixSauvolaBinarize(cut, window, kSauvolaFactor, 1, nullptr, nullptr, nullptr, &binary) != 0)
    return nullptr;
  return PixPtr(binary);
}

// `again` replaces what `line` holds when Tesseract is surer of it.
void TakeIfSurer(OcrLine& line, OcrLine again) {
  if (again.text.empty() || again.confidence <= line.confidence) return;
  line.text = std::move(again.text);
  line.confidence = again.confidence;
}

}  // namespace

Status ReadUnsureLinesAgain(OcrEngine& engine, Pix* page, std::vector<OcrLine>& lines) {
  constexpr int kFewestLetters = 3;
  for (auto& line : lines) {
    if (line.confidence >= kUnsure || LettersIn(line.text) < kFewestLetters || LooksLikeContact(line.text))
      continue;
    PixPtr cut = CutOutLine(page, line, kEnlarge, CutBorder::kWhite);
    if (!cut) continue;
    KITH_ASSIGN_OR_RETURN(OcrLine again, engine.ReadOneLine(cut.get()));
    TakeIfSurer(line, std::move(again));
    if (line.confidence >= kStillUnsure) continue;
    if (PixPtr binary = Binarised(cut.get(), line)) {
      KITH_ASSIGN_OR_RETURN(OcrLine binarised, engine.ReadOneLine(binary.get()));
      TakeIfSurer(line, std::move(binarised));
    }
  }
  return {};
}

}  // namespace kith::scan
