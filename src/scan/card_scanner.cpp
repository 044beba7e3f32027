// The scanner: a QR code when the card has one, OCR otherwise.
#include <mutex>

#include "scan/field_extraction.h"
#include "scan/image_loader.h"
#include "scan/ocr_engine.h"
#include "scan/preprocess.h"
#include "scan/public_suffix.h"
#include "scan/qr_decoder.h"
#include "scan/scan.h"

namespace kith {
namespace {

class TesseractCardScanner final : public CardScanner {
 public:
  explicit TesseractCardScanner(std::unique_ptr<scan::OcrEngine> engine) : engine_(std::move(engine)) {}

  Result<ScannedCard> Scan(std::span<const std::byte> image, const std::string& phone_region) override {
    KITH_ASSIGN_OR_RETURN(scan::PixPtr photo, scan::LoadImage(image));
    scan::PixPtr gray = scan::ToGray(photo.get());
    if (!gray) return Fail(ErrorCode::kInvalidInput, "the image has no pixels kith can read", "image");
    for (const auto& payload : scan::DecodeQrCodes(gray.get())) {
      auto card = CardFromQrPayload(payload, phone_region);
      if (card) return card;
    }
    KITH_ASSIGN_OR_RETURN(scan::PreparedImage prepared, scan::PrepareForOcr(photo.get()));
    KITH_ASSIGN_OR_RETURN(const auto lines, ReadUpright(prepared, Page::kGrey));
    ScannedCard card = scan::ExtractFields(lines, phone_region);
    if (Empty(card)) {
      // Grey letters blurred past reading can still come out of the
      // binarised ones: the card is read once more that way before kith
      // says it found nothing.
      KITH_ASSIGN_OR_RETURN(scan::PreparedImage again, scan::PrepareForOcr(photo.get()));
      KITH_ASSIGN_OR_RETURN(const auto binary_lines, ReadUpright(again, Page::kBinary));
      card = scan::ExtractFields(binary_lines, phone_region);
    }
    if (Empty(card)) return Fail(ErrorCode::kInvalidInput, "no text found on the card", "image");
    return card;
  }

  Result<std::string> PlainText(std::span<const std::byte> image) override {
    KITH_ASSIGN_OR_RETURN(scan::PixPtr photo, scan::LoadImage(image));
    return engine_->ReadPlainText(photo.get());
  }

 private:
  // Turns the card upright (Tesseract's orientation detection), straightens
  // it and reads it. When the orientation model is unsure and the reading
  // is poor, the card read upside down is tried too and the better reading
  // kept: an upside-down card is the commonest turn, and the surest to tell.
  // (Trying the two quarter turns as well read no more held-out cards.)
  enum class Page { kGrey, kBinary };

  static bool Empty(const ScannedCard& card) {
    return card.name.empty() && card.company.empty() && card.title.empty() && card.emails.empty() &&
           card.phones.empty() && card.website.empty() && card.links.empty();
  }

  static Pix* Read(const scan::PreparedImage& prepared, Page page) {
    return page == Page::kGrey ? prepared.gray.get() : prepared.binary.get();
  }

  Result<std::vector<scan::OcrLine>> ReadUpright(scan::PreparedImage& prepared, Page page) {
    const int turns = engine_->QuarterTurnsToUpright(prepared.binary.get());
    if (turns != 0) Turn(prepared, turns);
    scan::Deskew(prepared);
    KITH_ASSIGN_OR_RETURN(auto lines, engine_->ReadLines(Read(prepared, page)));
    constexpr double kGoodReading = 70.0;
    if (turns != 0 || ReadingQuality(lines) >= kGoodReading) return lines;
    Turn(prepared, 2);
    KITH_ASSIGN_OR_RETURN(auto other, engine_->ReadLines(Read(prepared, page)));
    return ReadingQuality(other) > ReadingQuality(lines) ? other : lines;
  }

  // Turns both images: the binary one orientation and skew are found on,
  // the grey one OCR reads.
  static void Turn(scan::PreparedImage& prepared, int quarter_turns) {
    scan::PixPtr binary(pixRotateOrth(prepared.binary.get(), quarter_turns));
    scan::PixPtr gray(pixRotateOrth(prepared.gray.get(), quarter_turns));
    if (binary && gray) {
      prepared.binary = std::move(binary);
      prepared.gray = std::move(gray);
    }
  }

  // Tesseract's confidence over the lines, weighted by their length.
  static double ReadingQuality(const std::vector<scan::OcrLine>& lines) {
    double weighted = 0;
    double characters = 0;
    for (const auto& line : lines) {
      weighted += static_cast<double>(line.confidence) * static_cast<double>(line.text.size());
      characters += static_cast<double>(line.text.size());
    }
    return characters > 0 ? weighted / characters : 0.0;
  }

  std::unique_ptr<scan::OcrEngine> engine_;
};

}  // namespace

Result<std::unique_ptr<CardScanner>> CreateCardScanner(const ScanOptions& options) {
  // Leptonica reports every unreadable file on stderr; kith reports its own.
  static std::once_flag quiet;
  std::call_once(quiet, [] { setMsgSeverity(L_SEVERITY_NONE); });
  KITH_RETURN_IF_ERROR(scan::LoadPublicSuffixes());
  const std::string tessdata = scan::FindTessdata(options.tessdata);
  KITH_ASSIGN_OR_RETURN(
      auto engine, scan::OcrEngine::Create(tessdata, scan::ChooseLanguages(tessdata, options.languages)));
  return std::unique_ptr<CardScanner>(std::make_unique<TesseractCardScanner>(std::move(engine)));
}

}  // namespace kith
