// What an import does to each record before matching it: the checks, the
// tidying and the reports that need nothing but the record itself. They
// run on the thread that reads the file, ahead of the thread that matches
// and writes (import_contacts.cpp). Internal to app/.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/import_problems.h"
#include "app/transfer.h"
#include "domain/date.h"
#include "domain/result.h"
#include "formats/import_record.h"

namespace kith {

// A record checked and tidied, waiting to be matched.
struct PreparedRecord {
  ImportRecord record;
  std::string match_name;  // the name as the file gave it; empty when made up from an email
};

// The parts of ImportSummary that preparing records fills in, in the
// order the records were read.
struct PreparationReport {
  std::int64_t skipped = 0;
  std::vector<std::string> skipped_rows;
  std::int64_t set_aside = 0;
  std::vector<std::string> problems;

  // Moves the counts and lines into `summary` (whose own lists are empty).
  void MoveInto(ImportSummary& summary) &&;
};

class ImportRecordPreparer {
 public:
  // `today` dates the meetings at `request.event` and the open-to-work
  // flags the file leaves undated; `notice` (may be empty) is the first
  // problem reported.
  ImportRecordPreparer(const ImportRequest& request, std::string phone_region, Date today,
                       std::string notice);

  // The record checked and tidied, or nullopt when it holds nothing or
  // describes nobody (then counted as skipped). kInvalidInput, naming the
  // line and property, for a value that fails its check in a strict import
  // or for fields that cannot be stored; kIo when the record has phones
  // and the phone module cannot be loaded.
  Result<std::optional<PreparedRecord>> Prepare(ImportRecord&& record);

  // What was skipped and set aside so far. The preparer is spent after.
  PreparationReport TakeReport() { return std::move(report_); }

 private:
  // Counts the record as skipped and lists it with what it held.
  void Skip(const ImportRecord& record, const std::string& why, const std::vector<ImportProblem>& problems);
  void Report(std::string problem);

  const ImportRequest& request_;
  std::string phone_region_;
  Date today_;
  PreparationReport report_;
};

}  // namespace kith
