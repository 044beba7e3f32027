// What the card reader read, kept so that a change to the field extraction
// (src/scan/field_extraction.cpp) can be measured on a whole corpus in
// seconds instead of minutes of OCR: `kith_scan_bench --save-lines FILE`
// records every reading, `--lines FILE` answers from the recording instead of
// reading the photos again (the QR payloads and both kinds of letters too).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>

#include "scan/card_reader.h"

namespace kith::bench {

// The card the benchmark is scanning: readings are kept under its file name.
struct CurrentCard {
  std::string file;
};

// Reads through `inner` and keeps each reading; Save writes them out, one
// JSON object a line.
std::unique_ptr<scan::CardReader> RecordingReader(std::unique_ptr<scan::CardReader> inner,
                                                  const CurrentCard& card, const std::string& path);

// Answers with the readings recorded at `path`; a card or kind of letters not
// recorded reads as an error (the benchmark counts the scan as failed).
std::unique_ptr<scan::CardReader> ReplayingReader(const CurrentCard& card, const std::string& path);

}  // namespace kith::bench
