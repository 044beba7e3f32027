// The CSV reader, the dialect sniffer and the table mapping
// (formats/csv_reader, formats/contact_table) on any bytes: no crash, leak or
// unbounded growth, and kith's own table survives a round trip: read →
// import's tidying → write as kith's export → read → write gives the same
// text twice.
#include <sstream>
#include <string>
#include <vector>

#include "formats/contact_table.h"
#include "formats/csv_reader.h"
#include "fuzz/fuzz_support.h"

namespace {

using kith::fuzz::Check;

// Reads `text` as import does and writes the cards it keeps as kith's export
// table. Returns false when the text is not a table kith reads.
bool ReadThenWrite(const std::string& text, std::string& written, kith::TableDialect* dialect = nullptr) {
  std::istringstream in(text);
  std::vector<kith::ImportRecord> records;
  const auto read = kith::ReadContactsCsv(in, kith::TableOptions{}, kith::fuzz::Collect(records));
  if (!read) return false;
  if (dialect != nullptr) *dialect = *read;
  std::ostringstream out;
  kith::WriteCsvRecord(out, kith::ContactTableHeader());
  for (const kith::Contact& contact : kith::fuzz::ImportedContacts(std::move(records))) {
    kith::WriteCsvRecord(out, kith::ContactTableRow(contact));
  }
  written = out.str();
  return true;
}

// The CSV reader alone, record by record, as a check on its own contract:
// every record has at least one field.
void ReadRecords(const std::string& text) {
  std::istringstream in(text);
  kith::CsvReader reader(in);
  std::vector<std::string> fields;
  for (;;) {
    const auto next = reader.Next(fields);
    if (!next || !*next) return;
    Check(!fields.empty(), "a CSV record has at least one field");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = kith::fuzz::AsText(data, size);
  ReadRecords(std::string(input));
  // Every table written must be read back as kith's own.
  kith::fuzz::CheckRoundTrip(
      input,
      [first = true](const std::string& text, std::string& written) mutable {
        kith::TableDialect dialect = kith::TableDialect::kGeneric;
        if (!ReadThenWrite(text, written, &dialect)) return false;
        if (!first)
          Check(dialect == kith::TableDialect::kKith, "kith's own table must be recognised as kith's");
        first = false;
        return true;
      },
      "table");
  return 0;
}
