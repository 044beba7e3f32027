// The JSON backup reader (formats/kith_json) on any bytes: no crash, leak or
// unbounded growth (nesting depth is bounded), and a backup survives a round
// trip: read → import's tidying → write → read → write gives the same text
// twice, contacts and every other table.
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "formats/kith_json.h"
#include "fuzz/fuzz_support.h"

namespace {

// Reads `text` as import does and writes what it keeps as a kith backup.
// Returns false when the text is not a backup kith reads.
bool ReadThenWrite(const std::string& text, std::string& written) {
  std::istringstream in(text);
  std::vector<kith::ImportRecord> records;
  auto tables = kith::ReadKithJson(in, kith::fuzz::Collect(records));
  if (!tables) return false;
  std::ostringstream out;
  kith::KithJsonWriter writer(out, "2026-11-26T12:00:00Z");
  for (kith::ImportRecord& record : records) {
    std::vector<kith::JobChange> job_changes = record.job_changes;
    if (auto contact = kith::fuzz::ImportedContact(std::move(record))) writer.Write(*contact, job_changes);
  }
  writer.End(*tables);
  written = out.str();
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  kith::fuzz::CheckRoundTrip(kith::fuzz::AsText(data, size), ReadThenWrite, "backup");
  return 0;
}
