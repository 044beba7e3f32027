#include "scan/ocr_engine.h"

#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <cstdlib>
#include <filesystem>

#include "scan/column_gaps.h"

namespace kith::scan {
namespace {

constexpr const char* kDebianTessdata = "/usr/share/tesseract-ocr/5/tessdata";

}  // namespace

std::string FindTessdata(const std::string& configured) {
  if (!configured.empty()) return configured;
  if (const char* prefix = std::getenv("TESSDATA_PREFIX"); prefix != nullptr && *prefix != '\0')
    return prefix;
  return kDebianTessdata;
}

std::string ChooseLanguages(const std::string& tessdata, const std::string& configured) {
  if (!configured.empty()) return configured;
  const auto installed = [&tessdata](const std::string& language) {
    std::error_code error;
    return std::filesystem::exists(std::filesystem::path(tessdata) / (language + ".traineddata"), error);
  };
  // Debian's tesseract-ocr-script-latn: one model for every Latin-script
  // language, so names keep letters no single language has (ð, ą, ř, ğ …);
  // English beside it reads the addresses, titles and streets.
  if (installed("Latin")) return installed("eng") ? "Latin+eng" : "Latin";
  std::string languages;
  // Without it, the languages whose letters people's names need (ñ, ü, ß,
  // é, ç …) first: Tesseract keeps the first language's reading of a word
  // unless another is clearly better, and with English first "Muñoz" and
  // "Jäger" lose their accents. English last still reads titles and streets.
  for (const char* language : {"spa", "deu", "fra", "eng"}) {
    if (!installed(language)) continue;
    if (!languages.empty()) languages += "+";
    languages += language;
  }
  return languages.empty() ? "eng" : languages;
}

Result<std::unique_ptr<OcrEngine>> OcrEngine::Create(const std::string& tessdata,
                                                     const std::string& languages) {
  // Must happen before Tesseract first enters an OpenMP region; an explicit
  // setting by the person running kith wins.
  setenv("OMP_THREAD_LIMIT", "1", 0);
  std::unique_ptr<OcrEngine> engine(new OcrEngine());
  engine->api_ = std::make_unique<tesseract::TessBaseAPI>();
  // Tesseract writes warnings to stderr; a scan reports its own errors.
  engine->api_->SetVariable("debug_file", "/dev/null");
  if (engine->api_->Init(tessdata.c_str(), languages.c_str(), tesseract::OEM_LSTM_ONLY) != 0) {
    return Fail(ErrorCode::kIo,
                "the OCR model '" + languages + "' cannot be loaded from " + tessdata +
                    " (install tesseract-ocr-eng, or set TESSDATA_PREFIX)",
                "tessdata");
  }
  engine->api_->SetVariable("debug_file", "/dev/null");
  engine->api_->SetVariable("user_defined_dpi", "300");
  // Polarity is fixed in preprocessing; Tesseract's own inverted second
  // reading of weak lines would double the time of noisy cards.
  engine->api_->SetVariable("tessedit_do_invert", "0");
  // Orientation: a card photographed sideways or upside down (Debian's
  // tesseract-ocr-osd, a legacy-engine model).
  engine->osd_ = std::make_unique<tesseract::TessBaseAPI>();
  engine->osd_->SetVariable("debug_file", "/dev/null");
  if (engine->osd_->Init(tessdata.c_str(), "osd", tesseract::OEM_TESSERACT_ONLY) != 0) {
    return Fail(ErrorCode::kIo,
                "the orientation model 'osd' cannot be loaded from " + tessdata +
                    " (install tesseract-ocr-osd, or set TESSDATA_PREFIX)",
                "tessdata");
  }
  engine->osd_->SetVariable("debug_file", "/dev/null");
  engine->osd_->SetVariable("user_defined_dpi", "300");
  // A line read a second time (second_look.h) is read by the Latin-script
  // model alone where it is installed: with English beside it, Tesseract
  // keeps English's accentless reading of a name it is unsure of.
  const bool has_latin = std::filesystem::exists(std::filesystem::path(tessdata) / "Latin.traineddata");
  engine->tessdata_ = tessdata;
  engine->line_languages_ = has_latin ? "Latin" : languages;
  return engine;
}

OcrEngine::~OcrEngine() {
  if (api_) api_->End();
  if (osd_) osd_->End();
  if (line_api_) line_api_->End();
  if (contact_api_) contact_api_->End();
}

OcrEngine::Orientation OcrEngine::QuarterTurnsToUpright(Pix* image) {
  const std::lock_guard lock(mutex_);
  osd_->SetPageSegMode(tesseract::PSM_OSD_ONLY);
  osd_->SetImage(image);
  int degrees = 0;
  float confidence = 0;
  const char* script = nullptr;
  float script_confidence = 0;
  const bool found = osd_->DetectOrientationScript(&degrees, &confidence, &script, &script_confidence);
  osd_->Clear();
  // Tesseract's own threshold for trusting an orientation is 2; below it the
  // page stays as it is.
  constexpr float kSure = 2.0F;
  if (!found) return {};
  // `degrees` is how far the text is turned clockwise; turning it back is
  // the rest of a full turn.
  const int back = ((360 - degrees) / 90) % 4;
  if (confidence < kSure) return {.likely = back};
  return {.quarter_turns = back, .sure = true, .likely = back};
}

Result<std::vector<OcrLine>> OcrEngine::ReadLines(Pix* image, Layout layout) {
  const std::lock_guard lock(mutex_);
  // Automatic layout: on the corpus it finds the email and company lines
  // more often than sparse-text mode, at the same speed.
  api_->SetPageSegMode(layout == Layout::kAuto ? tesseract::PSM_AUTO : tesseract::PSM_SPARSE_TEXT);
  api_->SetImage(image);
  if (api_->Recognize(nullptr) != 0) return Fail(ErrorCode::kInternal, "OCR failed on the image", "image");
  std::vector<std::vector<OcrWord>> lines_of_words;
  std::vector<float> line_confidences;
  std::unique_ptr<tesseract::ResultIterator> iterator(api_->GetIterator());
  if (iterator) {
    bool starts_line = true;
    do {
      starts_line = starts_line || iterator->IsAtBeginningOf(tesseract::RIL_TEXTLINE);
      if (iterator->Empty(tesseract::RIL_WORD)) continue;
      std::unique_ptr<char[]> text(iterator->GetUTF8Text(tesseract::RIL_WORD));
      if (!text || *text.get() == '\0') continue;
      OcrWord word;
      word.text = text.get();
      int right = 0;
      int bottom = 0;
      iterator->BoundingBox(tesseract::RIL_WORD, &word.left, &word.top, &right, &bottom);
      word.right = right;
      word.bottom = bottom;
      if (lines_of_words.empty() || starts_line) {
        lines_of_words.emplace_back();
        line_confidences.push_back(iterator->Confidence(tesseract::RIL_TEXTLINE));
      }
      starts_line = false;
      lines_of_words.back().push_back(std::move(word));
    } while (iterator->Next(tesseract::RIL_WORD));
  }
  api_->Clear();
  std::vector<OcrLine> lines;
  for (std::size_t i = 0; i < lines_of_words.size(); ++i) {
    for (auto& line : SplitAtColumnGaps(lines_of_words[i], line_confidences[i]))
      lines.push_back(std::move(line));
  }
  return lines;
}

namespace {

// The words Tesseract read of a single line, joined by spaces, and its
// confidence in the line.
Result<OcrLine> ReadSingleLine(tesseract::TessBaseAPI& reader, Pix* image) {
  reader.SetPageSegMode(tesseract::PSM_SINGLE_LINE);
  reader.SetImage(image);
  if (reader.Recognize(nullptr) != 0) return Fail(ErrorCode::kInternal, "OCR failed on the image", "image");
  std::unique_ptr<tesseract::ResultIterator> iterator(reader.GetIterator());
  OcrLine line;
  if (iterator) {
    line.confidence = iterator->Confidence(tesseract::RIL_TEXTLINE);
    do {
      if (iterator->Empty(tesseract::RIL_WORD)) continue;
      std::unique_ptr<char[]> text(iterator->GetUTF8Text(tesseract::RIL_WORD));
      if (!text || *text.get() == '\0') continue;
      if (!line.text.empty()) line.text += ' ';
      line.text += text.get();
    } while (iterator->Next(tesseract::RIL_WORD));
  }
  reader.Clear();
  return line;
}

// A single-line reader of `languages`, with the init-only `settings`
// (Tesseract reads its word lists when it loads a model).
Result<std::unique_ptr<tesseract::TessBaseAPI>> LineReader(const std::string& tessdata,
                                                           const std::string& languages,
                                                           const std::vector<std::string>& names,
                                                           const std::vector<std::string>& values) {
  auto reader = std::make_unique<tesseract::TessBaseAPI>();
  reader->SetVariable("debug_file", "/dev/null");
  if (reader->Init(tessdata.c_str(), languages.c_str(), tesseract::OEM_LSTM_ONLY, nullptr, 0, &names, &values,
                   false) != 0) {
    return Fail(ErrorCode::kIo, "the OCR model '" + languages + "' cannot be loaded from " + tessdata,
                "tessdata");
  }
  reader->SetVariable("debug_file", "/dev/null");
  reader->SetVariable("user_defined_dpi", "300");
  reader->SetVariable("tessedit_do_invert", "0");
  return reader;
}

}  // namespace

Result<OcrLine> OcrEngine::ReadOneLine(Pix* image) {
  const std::lock_guard lock(mutex_);
  if (!line_api_) {
    KITH_ASSIGN_OR_RETURN(line_api_, LineReader(tessdata_, line_languages_, {}, {}));
  }
  return ReadSingleLine(*line_api_, image);
}

Result<OcrLine> OcrEngine::ReadContactLine(Pix* image) {
  const std::lock_guard lock(mutex_);
  if (!contact_api_) {
    // An email's or a host's letters are names and made-up words: English's
    // word lists pull them towards words, and the signs no contact holds
    // (quotes, brackets of other shapes, accents) are the noise a soft
    // line is misread into. English alone: its model is 4 MB, and a
    // contact line is ASCII.
    const bool has_english = std::filesystem::exists(std::filesystem::path(tessdata_) / "eng.traineddata");
    KITH_ASSIGN_OR_RETURN(contact_api_, LineReader(tessdata_, has_english ? "eng" : line_languages_,
                                                   {"load_system_dawg", "load_freq_dawg"}, {"0", "0"}));
    contact_api_->SetVariable("tessedit_char_whitelist",
                              "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@.-_+:/()&, ");
  }
  return ReadSingleLine(*contact_api_, image);
}

Result<std::string> OcrEngine::ReadPlainText(Pix* image) {
  const std::lock_guard lock(mutex_);
  api_->SetPageSegMode(tesseract::PSM_AUTO);
  api_->SetImage(image);
  std::unique_ptr<char[]> text(api_->GetUTF8Text());
  api_->Clear();
  if (!text) return Fail(ErrorCode::kInternal, "OCR failed on the image", "image");
  return std::string(text.get());
}

}  // namespace kith::scan
