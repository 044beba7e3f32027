// The vCard reader (formats/vcard_reader) on any bytes: it must not crash,
// leak or grow without bound, and what it reads must survive the writer:
// read → import's tidying → write → read → write gives the same text twice.
#include <sstream>
#include <string>
#include <vector>

#include "formats/text_encoding.h"
#include "formats/vcard_reader.h"
#include "formats/vcard_writer.h"
#include "fuzz/fuzz_support.h"

namespace {

// Reads `text` as import does and writes every card it keeps as vCard 4.0.
// Returns false when the text is not a vCard file kith reads.
bool ReadThenWrite(const std::string& text, std::string& written) {
  // As `kith import` hands it over: a file that is not UTF-8 is decoded first
  // (app/import_source.cpp), so the reader only ever sees UTF-8.
  std::istringstream in(kith::FindInvalidUtf8(text) ? kith::Windows1252ToUtf8(text) : text);
  std::vector<kith::ImportRecord> records;
  if (!kith::ReadVCards(in, kith::fuzz::Collect(records))) return false;
  std::ostringstream out;
  for (kith::Contact& contact : kith::fuzz::ImportedContacts(std::move(records))) {
    kith::RepairUtf8(contact);  // as every export does (app/export_contacts.cpp)
    kith::WriteVCard(contact, kith::VCardVersion::k40, out);
  }
  written = out.str();
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  kith::fuzz::CheckRoundTrip(kith::fuzz::AsText(data, size), ReadThenWrite, "vCard text");
  return 0;
}
