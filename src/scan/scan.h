// Business-card photos to contact fields. A card with a vCard or MECARD QR
// code is read exactly from the code; any other card is read by OCR
// (Tesseract 5 after Leptonica preprocessing) and its lines sorted into
// fields by pattern, layout and wording (docs/scan.md).
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "domain/contact.h"
#include "domain/result.h"

namespace kith {

enum class ScanSource { kOcr, kQr };

// The largest card photo kith reads or keeps: a phone photo is 2-12 MB.
inline constexpr std::size_t kMaxCardImageBytes = std::size_t{20} * 1024 * 1024;

// What a card says, each field with a confidence in [0, 1] keyed by the
// field's JSON name ("name", "title", "company", "emails", "phones",
// "website", "address", "links"). Fields not on the card stay empty and have
// no confidence.
struct ScannedCard {
  std::string name;
  std::string title;
  std::string company;
  std::vector<std::string> emails;
  std::vector<Phone> phones;  // as printed, with E.164 when it can be placed
  std::string website;
  std::string address;
  std::vector<Link> links;  // LinkedIn, Twitter/X, … profiles
  std::map<std::string, double> confidence;
  ScanSource source = ScanSource::kOcr;
  std::vector<std::string> lines;  // the text read, line by line, for a person to check
};

struct ScanOptions {
  // Where the Tesseract models are: $TESSDATA_PREFIX, else
  // /usr/share/tesseract-ocr/5/tessdata, when empty.
  std::string tessdata;
  // "eng+spa+deu+fra" (whichever of those are installed, English first) when empty.
  std::string languages;
};

// Reads cards. Creating one loads the OCR model (a few hundred milliseconds);
// reuse it for every card. Scan() may be called from several threads: the
// engine is used by one at a time.
class CardScanner {
 public:
  virtual ~CardScanner() = default;

  // Reads one image (JPEG, PNG, WebP, TIFF, GIF, BMP or HEIC, as bytes).
  // `phone_region` (ISO 3166, "US") places numbers printed without a country
  // code. Errors, all kInvalidInput with a sentence to show: the file is
  // empty; it is not an image kith can read; the image is too small to hold
  // a card; "no text found on the card".
  [[nodiscard]] virtual Result<ScannedCard> Scan(std::span<const std::byte> image,
                                                 const std::string& phone_region) = 0;

  // Tesseract's plain text of the image, without kith's preprocessing or
  // field extraction: the naive baseline the benchmark compares against.
  [[nodiscard]] virtual Result<std::string> PlainText(std::span<const std::byte> image) = 0;
};

// kIo when the model cannot be found or loaded (the message names the
// directory and the Debian package to install).
namespace scan {
class CardReader;
}

// A scanner over the reader of kith-scan.so, loaded on the first call
// (scan/card_reader.h): kInternal when the module cannot be loaded, kIo when
// Tesseract's models are missing.
Result<std::unique_ptr<CardScanner>> CreateCardScanner(const ScanOptions& options = {});
// The same over a reader made in this process (the scan benchmark).
Result<std::unique_ptr<CardScanner>> CardScannerReading(std::unique_ptr<scan::CardReader> reader);

// Builds the fields of a card from the text of a QR code: a vCard (2.1, 3.0,
// 4.0) or a MECARD. kParseError when the text is neither, or names nobody.
Result<ScannedCard> CardFromQrPayload(const std::string& payload, const std::string& phone_region);

// The JSON key of a source: "ocr" or "qr".
const char* ScanSourceName(ScanSource source);

}  // namespace kith
