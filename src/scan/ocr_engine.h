// Tesseract 5 behind a small interface: load the model once, read many
// images. Its exceptions and globals stay in ocr_engine.cpp.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "domain/result.h"
#include "scan/ocr_line.h"
#include "scan/pix.h"

namespace tesseract {
class TessBaseAPI;
}

namespace kith::scan {

class OcrEngine {
 public:
  // Loads `languages` ("eng+spa") and the orientation model (osd) from
  // `tessdata`; the model single lines are read with is loaded by the first
  // ReadOneLine (0.3 s and 145 MB a card that has no unsure line need not
  // pay). OpenMP is limited to one
  // thread first: on a card, Tesseract's threads cost far more than they
  // save (0.6-1.5 s instead of 0.1-0.2 s). kIo when the models are missing.
  static Result<std::unique_ptr<OcrEngine>> Create(const std::string& tessdata, const std::string& languages);
  ~OcrEngine();
  OcrEngine(const OcrEngine&) = delete;
  OcrEngine& operator=(const OcrEngine&) = delete;

  // How Tesseract finds the text on a page: its automatic layout (blocks,
  // columns, pictures) or every scrap of text wherever it stands.
  enum class Layout { kAuto, kSparse };
  // The lines of a page laid out like a card, top to bottom.
  Result<std::vector<OcrLine>> ReadLines(Pix* image, Layout layout = Layout::kAuto);
  // `image` (a line's box cut from a page) read as a single line of text, by
  // the Latin-script model alone when it is installed (else the languages
  // loaded): its words joined by spaces and Tesseract's confidence in the
  // line (0-100); the box is left empty. An empty text when nothing was
  // read; kIo when its model cannot be loaded, kInternal when OCR fails.
  Result<OcrLine> ReadOneLine(Pix* image);
  // `image` (a contact line's box cut from a page) read as a single line by
  // the English model with its word lists off and only the characters of
  // emails, web addresses and phone numbers allowed, as ReadOneLine reads
  // (the model loaded by the first call; the same errors).
  Result<OcrLine> ReadContactLine(Pix* image);
  // The plain text Tesseract makes of an image with its defaults.
  Result<std::string> ReadPlainText(Pix* image);
  // How Tesseract's orientation detection (the `osd` model) finds the text
  // of an image turned.
  struct Orientation {
    int quarter_turns = 0;  // clockwise, to put it upright (0-3); 0 when not sure
    bool sure = false;      // by Tesseract's own bar for trusting it
    // The turn the model leans to even when unsure (0-3); 0 when it found
    // too little print to say.
    int likely = 0;
  };
  Orientation QuarterTurnsToUpright(Pix* image);

 private:
  OcrEngine() = default;
  std::mutex mutex_;
  std::unique_ptr<tesseract::TessBaseAPI> api_;
  std::unique_ptr<tesseract::TessBaseAPI> osd_;
  std::unique_ptr<tesseract::TessBaseAPI> line_api_;     // loaded by the first ReadOneLine
  std::unique_ptr<tesseract::TessBaseAPI> contact_api_;  // loaded by the first ReadContactLine
  std::string tessdata_;
  std::string line_languages_;
};

// The tessdata directory: `configured`, else $TESSDATA_PREFIX, else Debian's.
std::string FindTessdata(const std::string& configured);
// "eng+spa+deu+fra" restricted to the models present in `tessdata`, English
// first; `configured` when given.
std::string ChooseLanguages(const std::string& tessdata, const std::string& configured);

}  // namespace kith::scan
