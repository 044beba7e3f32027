// Reading a card's photo needs Tesseract, Leptonica, libheif and ZBar: some
// forty shared libraries that every kith command would otherwise load at
// start-up, scanning or not. They live in a module of their own,
// kith-scan.so beside the kith executable, which LoadCardReader loads the
// first time a card is scanned. The module reads (QR codes, the text, turned
// upright); kith decides what the reading means (card_scanner.cpp).
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "domain/result.h"
#include "scan/ocr_line.h"
#include "scan/scan.h"

namespace kith::scan {

struct CardReading {
  bool took_qr = false;        // a QR code's payload was taken (TakeQrPayload)
  std::vector<OcrLine> lines;  // otherwise the text, read upright, top to bottom
};

// Offered each QR code's payload in turn: true takes it, and no text is read.
// An empty one looks for no QR code.
using TakeQrPayload = std::function<bool(const std::string& payload)>;

// Which image of the prepared card OCR reads: the grey letters, which read
// best, or the binarised ones, which can still hold letters blurred past
// reading in grey.
enum class Letters { kGrey, kBinary };

class CardReader {
 public:
  virtual ~CardReader() = default;
  // The QR codes of the photo, then (none taken) its text from `letters`.
  // kInvalidInput as LoadImage (image_loader.h) says, when the image has no
  // pixels or no contrast at all.
  [[nodiscard]] virtual Result<CardReading> Read(std::span<const std::byte> image,
                                                 const TakeQrPayload& take_qr, Letters letters) = 0;
  // Tesseract's plain text of the photo, without preprocessing: the naive
  // baseline the benchmark compares against.
  [[nodiscard]] virtual Result<std::string> PlainText(std::span<const std::byte> image) = 0;
};

// The reader, where the engine is linked (the module, the scan tests and the
// benchmark). kIo when Tesseract's models are missing.
Result<std::unique_ptr<CardReader>> CreateCardReader(const ScanOptions& options);

// A photo decoded (turned as the file says) and written as a JPEG of
// `quality` (1-100), where the engine is linked: how a kept HEIC or TIFF is
// shown in a browser. kInvalidInput as LoadImage says; kInternal when the
// JPEG cannot be written.
Result<std::vector<std::byte>> PhotoAsJpeg(std::span<const std::byte> image, int quality);

// The module's file name, the variable that names another path, and the
// types of its two entry points. The first takes a ScanOptions* and an
// Error*, returns a new CardReader* (the caller's) or nullptr with the Error
// filled in. The second is PhotoAsJpeg: the image's bytes and size, the
// quality, a std::vector<std::byte>* for the JPEG and an Error*; false with
// the Error filled in. The entry points are named kith_create_card_reader_
// and kith_photo_as_jpeg_ followed by KITH_SCAN_INTERFACE, a digest of the
// headers kith and the module share (src/CMakeLists.txt): a module built
// from other headers has no such symbols.
inline constexpr const char* kReaderModuleFile = "kith-scan.so";
inline constexpr const char* kReaderModuleVariable = "KITH_SCAN_MODULE";
using CreateReaderEntry = void* (*)(const void* options, void* error);
using PhotoAsJpegEntry = bool (*)(const void* image, std::size_t size, int quality, void* jpeg, void* error);

// A reader made by the module at $KITH_SCAN_MODULE, else at kith-scan.so in
// the running executable's folder, else where `cmake --install` puts it
// (lib/kith beside bin/), loaded on the first call and kept for the life of
// the process. kIo when it is in none of those places (the message names
// them), cannot be loaded, or is from another build of kith; else
// CreateCardReader's errors.
Result<std::unique_ptr<CardReader>> LoadCardReader(const ScanOptions& options);

// PhotoAsJpeg through the module, found and loaded as LoadCardReader says
// (its kIo errors when it cannot be), without starting Tesseract.
Result<std::vector<std::byte>> LoadedPhotoAsJpeg(std::span<const std::byte> image, int quality);

}  // namespace kith::scan
