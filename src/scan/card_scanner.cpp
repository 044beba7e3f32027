// The scanner: a QR code when the card has one, OCR otherwise. The reading
// is the module's (card_reader.h); what it means is decided here.
#include "scan/card_reader.h"
#include "scan/field_extraction.h"
#include "scan/public_suffix.h"
#include "scan/scan.h"

namespace kith {
namespace {

class ReadingCardScanner final : public CardScanner {
 public:
  explicit ReadingCardScanner(std::unique_ptr<scan::CardReader> reader) : reader_(std::move(reader)) {}

  Result<ScannedCard> Scan(std::span<const std::byte> image, const std::string& phone_region) override {
    Result<ScannedCard> from_qr = tl::unexpected(Error{});
    const auto take_card = [&](const std::string& payload) {
      from_qr = CardFromQrPayload(payload, phone_region);
      return from_qr.has_value();
    };
    KITH_ASSIGN_OR_RETURN(const scan::CardReading reading,
                          reader_->Read(image, take_card, scan::Letters::kGrey));
    if (reading.took_qr) return from_qr;
    ScannedCard card = scan::ExtractFields(reading.lines, phone_region);
    if (Empty(card)) {
      // Grey letters blurred past reading can still come out of the
      // binarised ones: the card is read once more that way (its QR codes
      // were tried already) before kith says it found nothing.
      KITH_ASSIGN_OR_RETURN(const scan::CardReading again, reader_->Read(image, {}, scan::Letters::kBinary));
      card = scan::ExtractFields(again.lines, phone_region);
    }
    if (Empty(card)) return Fail(ErrorCode::kInvalidInput, "no text found on the card", "image");
    return card;
  }

  Result<std::string> PlainText(std::span<const std::byte> image) override {
    return reader_->PlainText(image);
  }

 private:
  static bool Empty(const ScannedCard& card) {
    return card.name.empty() && card.company.empty() && card.title.empty() && card.emails.empty() &&
           card.phones.empty() && card.website.empty() && card.links.empty();
  }

  std::unique_ptr<scan::CardReader> reader_;
};

}  // namespace

Result<std::unique_ptr<CardScanner>> CardScannerReading(std::unique_ptr<scan::CardReader> reader) {
  KITH_RETURN_IF_ERROR(scan::LoadPublicSuffixes());
  return std::unique_ptr<CardScanner>(std::make_unique<ReadingCardScanner>(std::move(reader)));
}

Result<std::unique_ptr<CardScanner>> CreateCardScanner(const ScanOptions& options) {
  KITH_ASSIGN_OR_RETURN(auto reader, scan::LoadCardReader(options));
  return CardScannerReading(std::move(reader));
}

}  // namespace kith
