// Rows of cells with a header row (a CSV file, a spreadsheet's first sheet)
// to contacts, and kith's own table of contacts for export.
#pragma once

#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/contact.h"
#include "domain/result.h"
#include "formats/import_record.h"

namespace kith {

// The table shapes kith recognises from their header rows.
enum class TableDialect {
  kLinkedIn,      // Connections.csv
  kGoogle,        // Google Contacts, current export
  kGoogleLegacy,  // Google Contacts, "Name,Given Name,…,Group Membership"
  kOutlook,       // Outlook desktop (92 columns, "Title,First Name,…")
  kOutlookWeb,    // Outlook.com (61 columns, "First Name,Middle Name,…")
  kKith,          // kith's own export (ContactTableHeader)
  kGeneric,       // any other header: columns mapped by name and synonyms
};

// "linkedin", "google", "google-legacy", "outlook", "outlook-web", "kith", "csv".
std::string_view TableDialectName(TableDialect dialect);

struct TableOptions {
  std::optional<TableDialect> dialect;  // nullopt: detect from the header
  // --map "Column Name=field": the column (case ignored) goes to the field
  // (name, given_name, family_name, email, phone, company, title, website,
  // linkedin, twitter, city, tags, skills, interests, notes, met_at, met_on, …,
  // or "ignore"); kInvalidInput for an unknown field or a column not in the header.
  std::vector<std::pair<std::string, std::string>> map;
  // Told the dialect once the header is read, before the first row.
  std::function<void(TableDialect)> on_dialect;
};

// Maps the rows of one table. Columns that map to no field become custom
// fields labelled with the column's header, so nothing is lost.
class ContactTableMapper {
 public:
  // kInvalidInput when no column can give a name, an email or a phone
  // ("no column holds a name, email or phone; header: a, b, c").
  static Result<ContactTableMapper> FromHeader(const std::vector<std::string>& header,
                                               const TableOptions& options);

  TableDialect dialect() const { return dialect_; }
  // Each header column and the field it maps to ("custom" when none).
  const std::vector<std::pair<std::string, std::string>>& mapping() const { return mapping_; }

  // One data row. A cell that cannot be read ("Connected On '31 Foo 2024'")
  // is set aside on the record (ImportRecord::set_aside) and the rest of the
  // row still maps. A row of empty cells gives a record whose fields are all
  // empty; the caller decides to skip it. Never fails today; the Result
  // leaves room for a cell that must stop the file.
  Result<ImportRecord> Map(const std::vector<std::string>& row, std::size_t line) const;

 private:
  // How one column is read.
  struct Column {
    int field = 0;       // an index into the mapper's field table
    int sibling = -1;    // the column with this one's label, or its group's full address
    std::string label;   // the header as written (custom fields are labelled with it)
    std::string prefix;  // a group's name ("Address", "Relation") for labelled values, an address's part
    std::string group;   // the number of its group ("Address 2 - City" → "2"), empty for none
  };
  class RowMapper;  // Map's work, step by step (contact_table.cpp)

  TableDialect dialect_ = TableDialect::kGeneric;
  std::vector<std::pair<std::string, std::string>> mapping_;
  std::vector<Column> columns_;
};

// Reads contacts from CSV text: skips LinkedIn's "Notes:" preamble, finds
// the header, detects the dialect, maps each row into `sink`. Returns the
// dialect used. Errors carry the line ("line 14: …").
Result<TableDialect> ReadContactsCsv(std::istream& in, const TableOptions& options, const RecordSink& sink);

// kith's export table: a stable header (documented in docs/formats-csv.md), and
// a row per contact in that order. Lists are joined with " ::: ".
const std::vector<std::string>& ContactTableHeader();
std::vector<std::string> ContactTableRow(const Contact& contact);

}  // namespace kith
