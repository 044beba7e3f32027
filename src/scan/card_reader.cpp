// The engine's reader: QR codes through ZBar, text through Tesseract after
// Leptonica's preprocessing (built into kith-scan.so; card_reader.h).
#include "scan/card_reader.h"

#include <algorithm>
#include <mutex>

#include "scan/contact_look.h"
#include "scan/image_loader.h"
#include "scan/ocr_engine.h"
#include "scan/preprocess.h"
#include "scan/qr_decoder.h"
#include "scan/second_look.h"
#include "scan/sideways.h"
#include "scan/unmasked_look.h"

namespace kith::scan {
namespace {

class TesseractCardReader final : public CardReader {
 public:
  explicit TesseractCardReader(std::unique_ptr<OcrEngine> engine) : engine_(std::move(engine)) {}

  Result<CardReading> Read(std::span<const std::byte> image, const TakeQrPayload& take_qr,
                           Letters letters) override {
    KITH_ASSIGN_OR_RETURN(PixPtr photo, LoadImage(image));
    CardReading reading;
    if (take_qr) {
      PixPtr gray = ToGray(photo.get());
      if (!gray) return Fail(ErrorCode::kInvalidInput, "the image has no pixels kith can read", "image");
      for (const auto& payload : DecodeQrCodes(gray.get())) {
        if (take_qr(payload)) {
          reading.took_qr = true;
          return reading;
        }
      }
    }
    KITH_ASSIGN_OR_RETURN(PreparedImage prepared, PrepareForOcr(photo.get()));
    KITH_ASSIGN_OR_RETURN(reading.lines, ReadUpright(prepared, letters));
    KITH_RETURN_IF_ERROR(ReadUnsureLinesAgain(*engine_, Page(prepared, letters), reading.lines));
    KITH_RETURN_IF_ERROR(ReadContactLinesAgain(*engine_, prepared, reading.lines));
    // Only beside what was read: a page read as nothing has its own second
    // reading, of the binarised letters (card_scanner.cpp), which reads such
    // pages better than sparse text does.
    if (PixPtr rest = reading.lines.empty() ? nullptr : Unread(prepared, letters, reading.lines)) {
      KITH_ASSIGN_OR_RETURN(auto more, engine_->ReadLines(rest.get(), OcrEngine::Layout::kSparse));
      for (auto& line : more) reading.lines.push_back(std::move(line));
    }
    // Last: what the sparse reading above finds is no contact missing, and
    // the lines this adds would change what it reads (blind seed 808: a
    // phone it read was lost so).
    KITH_RETURN_IF_ERROR(ReadContactsTheMaskLost(*engine_, prepared, reading.lines));
    return reading;
  }

  Result<std::string> PlainText(std::span<const std::byte> image) override {
    KITH_ASSIGN_OR_RETURN(PixPtr photo, LoadImage(image));
    return engine_->ReadPlainText(photo.get());
  }

 private:
  static Pix* Page(const PreparedImage& prepared, Letters letters) {
    return letters == Letters::kGrey ? prepared.gray.get() : prepared.binary.get();
  }

  // A poorer reading than this is a poor card or a card turned: the page
  // read upside down or on its side reads at 20-50 (held-out cards), an
  // upright card mostly at 75-97.
  static constexpr double kGoodReading = 70.0;

  // Turns the card upright, straightens it and reads it. Most cards are
  // photographed upright and read well as they are: Tesseract's orientation
  // detection (the `osd` model; ~0.2 s a card, for it classifies 250 marks
  // four ways whatever the page) is asked first only when the print may
  // stand turned (a quick look at its lines and letters), and otherwise
  // only when the page read as it is reads poorly. When the model is
  // unsure and the reading is poor, the card read upside down is tried too
  // and the better reading kept: an upside-down card is the commonest turn,
  // and the surest to tell. (Trying the two quarter turns as well read no
  // more held-out cards.) When the model is sure the card stands upright, a
  // poor reading is a poor card, not a turned one: read upside down, such a
  // card was never read better (fresh held-out seed 606: 8 of 150 cards,
  // ~380 ms each, all among the slowest tenth; BENCHMARKS.md, sixteenth
  // round).
  Result<std::vector<OcrLine>> ReadUpright(PreparedImage& prepared, Letters letters) {
    PreparedImage as_photographed = Shared(prepared);
    std::vector<OcrLine> lines;
    const bool looks_upright = !MayStandTurned(prepared.binary.get());
    if (looks_upright) {
      Deskew(prepared);
      KITH_ASSIGN_OR_RETURN(lines, engine_->ReadLines(Page(prepared, letters)));
      if (!ReadSideways(lines) && ReadingQuality(lines) >= kGoodReading) return lines;
    }
    const OcrEngine::Orientation orientation = engine_->QuarterTurnsToUpright(as_photographed.binary.get());
    if (orientation.quarter_turns != 0 || !looks_upright) {
      // Straightened again once turned: a skew is found on lines running
      // across the page.
      prepared = std::move(as_photographed);
      if (orientation.quarter_turns != 0) Turn(prepared, orientation.quarter_turns);
      Deskew(prepared);
      KITH_ASSIGN_OR_RETURN(lines, engine_->ReadLines(Page(prepared, letters)));
    }
    if (ReadSideways(lines))
      return ReadTurnedAQuarter(prepared, letters, std::move(lines), orientation.likely);
    if (orientation.sure || ReadingQuality(lines) >= kGoodReading) return lines;
    Turn(prepared, 2);
    KITH_ASSIGN_OR_RETURN(auto other, engine_->ReadLines(Page(prepared, letters)));
    if (ReadingQuality(other) > ReadingQuality(lines)) return other;
    // The page as the kept reading saw it: what was left unread is looked
    // for on it (Unread).
    Turn(prepared, 2);
    return lines;
  }

  // The page read turned a quarter each way, and the best of the three
  // readings kept (Tesseract's confidence; a page read sideways is read
  // unsurely), with the page left as that reading saw it (Unread). The
  // way the orientation model leans, unsure as it is, is read first, and a
  // good reading that way is kept without reading the other.
  Result<std::vector<OcrLine>> ReadTurnedAQuarter(PreparedImage& prepared, Letters letters,
                                                  std::vector<OcrLine> sideways, int likely_turns) {
    const int first_turns = likely_turns == 3 ? 3 : 1;
    Turn(prepared, first_turns);
    KITH_ASSIGN_OR_RETURN(auto first_way, engine_->ReadLines(Page(prepared, letters)));
    const double quality_first = ReadingQuality(first_way);
    if (quality_first >= kGoodReading && !ReadSideways(first_way)) return first_way;
    Turn(prepared, 2);
    KITH_ASSIGN_OR_RETURN(auto other_way, engine_->ReadLines(Page(prepared, letters)));
    const double quality_sideways = ReadingQuality(sideways);
    const double quality_other = ReadingQuality(other_way);
    if (quality_other >= quality_first && quality_other > quality_sideways) return other_way;
    if (quality_first > quality_sideways) {
      Turn(prepared, 2);
      return first_way;
    }
    Turn(prepared, 4 - ((first_turns + 2) % 4));
    return sideways;
  }

  // Another handle on the same images (Leptonica counts the references):
  // what Turn and Deskew replace stays as it was here.
  static PreparedImage Shared(const PreparedImage& prepared) {
    PreparedImage shared;
    shared.gray.reset(pixClone(prepared.gray.get()));
    shared.binary.reset(pixClone(prepared.binary.get()));
    shared.unmasked.reset(pixClone(prepared.unmasked.get()));
    shared.quarter_turns = prepared.quarter_turns;
    shared.scale = prepared.scale;
    shared.skew_degrees = prepared.skew_degrees;
    return shared;
  }

  // What Tesseract's layout analysis passed over: its automatic layout now
  // and then takes a block of small print beside a band, a logo or a card's
  // edge for a picture and reads none of it, though the letters are plain
  // (a dark panel of contact lines read as nothing under a name read well).
  // The page with what was read painted out, when the letter-sized marks
  // left on it are enough for a few words; none otherwise.
  static PixPtr Unread(const PreparedImage& prepared, Letters letters, const std::vector<OcrLine>& lines) {
    Pix* page = Page(prepared, letters);
    PixPtr rest(pixCopy(nullptr, page));
    PixPtr marks(pixCopy(nullptr, prepared.binary.get()));
    if (!rest || !marks) return nullptr;
    for (const auto& line : lines) {
      // A little round each line: the tails and accents its box leaves out.
      const int margin = std::max(2, line.height / 3);
      BOX* box =
          boxCreate(line.left - margin, line.top - margin, line.width + 2 * margin, line.height + 2 * margin);
      if (box == nullptr) continue;
      pixClearInRect(marks.get(), box);
      if (pixGetDepth(rest.get()) == 1) {
        pixClearInRect(rest.get(), box);
      } else {
        pixSetInRect(rest.get(), box);
      }
      boxDestroy(&box);
    }
    BOXA* found = pixConnCompBB(marks.get(), 8);
    if (found == nullptr) return nullptr;
    const int long_side = std::max(pixGetWidth(marks.get()), pixGetHeight(marks.get()));
    // At the scale preprocessing sets, small print stands 12-30 pixels tall
    // and a name up to 80; specks of noise are smaller, bands and logos wider.
    const int shortest = std::max(6, long_side / 250);
    const int tallest = long_side / 20;
    int letter_marks = 0;
    for (int i = 0; i < boxaGetCount(found); ++i) {
      l_int32 x = 0;
      l_int32 y = 0;
      l_int32 w = 0;
      l_int32 h = 0;
      boxaGetBoxGeometry(found, i, &x, &y, &w, &h);
      if (h >= shortest && h <= tallest && w <= 3 * h) ++letter_marks;
    }
    boxaDestroy(&found);
    constexpr int kFewWords = 20;
    if (letter_marks < kFewWords) return nullptr;
    return rest;
  }

  // Turns both images: the binary one orientation and skew are found on,
  // the grey one OCR reads.
  static void Turn(PreparedImage& prepared, int quarter_turns) {
    PixPtr binary(pixRotateOrth(prepared.binary.get(), quarter_turns));
    PixPtr gray(pixRotateOrth(prepared.gray.get(), quarter_turns));
    if (binary && gray) {
      prepared.binary = std::move(binary);
      prepared.gray = std::move(gray);
      prepared.quarter_turns = (prepared.quarter_turns + quarter_turns) % 4;
    }
  }

  // Tesseract's confidence over the lines, weighted by their length.
  static double ReadingQuality(const std::vector<OcrLine>& lines) {
    double weighted = 0;
    double characters = 0;
    for (const auto& line : lines) {
      weighted += static_cast<double>(line.confidence) * static_cast<double>(line.text.size());
      characters += static_cast<double>(line.text.size());
    }
    return characters > 0 ? weighted / characters : 0.0;
  }

  std::unique_ptr<OcrEngine> engine_;
};

}  // namespace

Result<std::unique_ptr<CardReader>> CreateCardReader(const ScanOptions& options) {
  // Leptonica reports every unreadable file on stderr; kith reports its own.
  static std::once_flag quiet;
  std::call_once(quiet, [] { setMsgSeverity(L_SEVERITY_NONE); });
  const std::string tessdata = FindTessdata(options.tessdata);
  KITH_ASSIGN_OR_RETURN(auto engine,
                        OcrEngine::Create(tessdata, ChooseLanguages(tessdata, options.languages)));
  return std::unique_ptr<CardReader>(std::make_unique<TesseractCardReader>(std::move(engine)));
}

}  // namespace kith::scan
