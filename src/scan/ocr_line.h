// A line of text OCR read, as both halves of scanning see it (card_reader.h).
#pragma once

#include <string>

namespace kith::scan {

// One line of text as Tesseract found it, in the coordinates of the image read.
struct OcrLine {
  std::string text;  // UTF-8, without the trailing newline
  int left = 0;
  int top = 0;
  int width = 0;
  int height = 0;        // of the line's box: a stand-in for the font size
  float confidence = 0;  // 0-100, Tesseract's mean word confidence
  // The line read again alone as a contact line (contact_look.h); empty
  // when it was not. Field extraction takes it when it holds an email, a web
  // address or a phone number the first reading does not.
  std::string contact_reading;
};

}  // namespace kith::scan
