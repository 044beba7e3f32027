// What the tests of a line read again alone share (second_look_test.cpp,
// contact_look_test.cpp): one OCR engine for the suite, and a line printed on
// a page; and a page of a few lines for the tests of a whole page.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "scan/ocr_engine.h"
#include "scan/ocr_line.h"
#include "scan/pix.h"

namespace kith::scan {

// A page of a few lines of print, as a card's binarised letters are
// (orientation_test.cpp, preprocess_test.cpp).
inline PixPtr PrintedPage() {
  PixPtr page(pixCreate(1400, 700, 8));
  pixSetAll(page.get());
  L_BMF* font = bmfCreate(nullptr, 20);
  int baseline = 100;
  for (const char* text : {"Wenna Calloway", "Lantern Keeper at Fernstile", "wenna@fernstile.org",
                           "+44 20 7946 0991", "12 Quayside Row, Penmarrow"}) {
    pixSetTextline(page.get(), font, text, 0, 60, baseline, nullptr, nullptr);
    baseline += 110;
  }
  bmfDestroy(&font);
  return PixPtr(pixConvertTo1(page.get(), 128));
}

class LineReadingTest : public ::testing::Test {
 protected:
  // The installed models, loaded once for the suite: loading takes most of a
  // second.
  static void SetUpTestSuite() {
    const std::string tessdata = FindTessdata("");
    auto created = OcrEngine::Create(tessdata, ChooseLanguages(tessdata, ""));
    ASSERT_TRUE(created) << created.error().message;
    engine_ = created->release();
  }
  static void TearDownTestSuite() {
    delete engine_;
    engine_ = nullptr;
  }

  // A white page with `text` printed on it in Leptonica's bitmap font (some
  // 50 pixels tall), and the line's box as a page reading would give it: the
  // print's own box (a blank page: a box where print could be).
  static PixPtr Page(const std::string& text, OcrLine& line) {
    PixPtr page(pixCreate(900, 200, 8));
    pixSetAll(page.get());
    L_BMF* font = bmfCreate(nullptr, 20);
    pixSetTextline(page.get(), font, text.c_str(), 0, 40, 80, nullptr, nullptr);
    bmfDestroy(&font);
    line.left = 40;
    line.top = 30;
    line.width = 500;
    line.height = 60;
    PixPtr print(pixConvertTo1(page.get(), 128));
    BOX* box = nullptr;
    if (print && pixClipToForeground(print.get(), nullptr, &box) == 0 && box != nullptr) {
      boxGetGeometry(box, &line.left, &line.top, &line.width, &line.height);
      boxDestroy(&box);
    }
    return page;
  }

  inline static OcrEngine* engine_ = nullptr;
};

}  // namespace kith::scan
