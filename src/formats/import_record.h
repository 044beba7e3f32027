// One person as a file describes them, before they meet the database. Every
// reader in formats/ (CSV, vCard, spreadsheet, JSON) hands these to a sink
// one at a time, so a file of any size is read in constant memory.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "domain/contact.h"
#include "domain/result.h"

namespace kith {

struct ImportRecord {
  std::size_t line = 0;  // 1-based line (CSV, vCard) or row (spreadsheet) where the record starts
  std::string uid;       // the file's own stable id (vCard UID), else empty
  ContactFields fields;  // as read: not yet trimmed, completed or validated
  std::vector<JobChange> job_changes;  // history a kith backup carries
};

// Receives each record; an error stops the reader and is returned by it.
using RecordSink = std::function<Status(ImportRecord&&)>;

}  // namespace kith
