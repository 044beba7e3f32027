// kith's own JSON export: every contact with everything kept about it, for
// backup and restore. Shape:
//   {"format": "kith", "version": 1, "exported_at": "…",
//    "contacts": [ContactToJson(contact) + {"job_changes": [...]}, …]}
#pragma once

#include <istream>
#include <ostream>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/contact.h"
#include "domain/result.h"
#include "formats/import_record.h"

namespace kith {

// Writes the export incrementally: Begin, one Contact per call, End.
class KithJsonWriter {
 public:
  KithJsonWriter(std::ostream& out, const std::string& exported_at);
  void Write(const Contact& contact, const std::vector<JobChange>& job_changes);
  void End();

 private:
  std::ostream& out_;
  bool first_ = true;
};

// One contact object back into a record (`index` is its 1-based position,
// used in messages). kParseError naming the contact and key on a wrong type
// or a bad date ("contact 3: 'met_on' '2026-02-30': February 2026 has 28 days").
Result<ImportRecord> ContactRecordFromJson(const nlohmann::json& value, std::size_t index);

// Reads a kith JSON export (or a bare array of contacts, as `list --json`
// prints) into `sink`. kParseError with line and column on malformed JSON.
Status ReadKithJson(std::istream& in, const RecordSink& sink);

}  // namespace kith
