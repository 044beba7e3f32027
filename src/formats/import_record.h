// One person as a file describes them, before they meet the database. Every
// reader in formats/ (CSV, vCard, spreadsheet, JSON) hands these to a sink
// one at a time, so a file of any size is read in constant memory.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/contact.h"
#include "domain/result.h"

namespace kith {

// Where one value of a record was written: the property (vCard) or column
// (table) and its own line, so a problem found later, when the importer
// checks the value, can point at it. The property is a copy: a record may
// outlive the reader (CardDAV keeps a batch), and with it the table's header.
struct ValueOrigin {
  std::size_t line = 0;
  std::string property;  // "EMAIL", "TEL", "URL", "IMPP", or a column's header
  std::string value;     // as written, before any tidying
};

// A value the reader could not take into a field (a date that is no date, a
// property line without ':'). The record comes in without it; the importer
// reports it and keeps the text on the card, or refuses the file when asked
// to be strict.
struct SetAsideValue {
  std::size_t line = 0;
  std::string property;  // "X-KITH-MET-ON", "Connected On", … (empty: a whole line)
  std::string value;     // as written
  std::string problem;   // "is not a date", "has no ':'", …
};

struct ImportRecord {
  std::size_t line = 0;  // 1-based line (CSV, vCard) or row (spreadsheet) where the record starts
  std::string uid;       // the file's own stable id (vCard UID), else empty
  ContactFields fields;  // as read: not yet trimmed, completed or validated
  std::vector<JobChange> job_changes;  // history a kith backup carries
  std::vector<ValueOrigin> origins;    // of emails, phones, the website and links, when known
  std::vector<SetAsideValue> set_aside;
  // Values that came in after a repair (bytes that were not UTF-8): the
  // problem says what was done, the value is the repaired text.
  std::vector<SetAsideValue> repaired;
};

// Receives each record; an error stops the reader and is returned by it.
using RecordSink = std::function<Status(ImportRecord&&)>;

}  // namespace kith
