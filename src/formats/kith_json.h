// kith's own JSON export: every contact with everything kept about it, and
// every other table, for backup and restore. Shape:
//   {"format": "kith", "version": 1, "exported_at": "…",
//    "contacts": [ContactToJson(contact) + {"job_changes": [...]}, …],
//    "opportunities": [OpportunityToJson(…), …],
//    "ledger": [LedgerEntryToJson(…) + {"contact_uid", "introduced_to_uid"}, …],
//    "settings": {"key": "value", …}}
// The ledger names people by uid, since ids are renumbered on restore.
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/contact.h"
#include "domain/give.h"
#include "domain/result.h"
#include "formats/import_record.h"

namespace kith {

// A ledger entry with the people it names by uid.
struct BackupLedgerEntry {
  LedgerEntry entry;  // its contact, introduced_to and opportunity ids are the exporting database's
  std::string contact_uid;
  std::string introduced_to_uid;
};

// Everything in a backup besides the contacts.
struct KithBackupTables {
  std::vector<Opportunity> opportunities;
  std::vector<BackupLedgerEntry> ledger;
  std::vector<std::pair<std::string, std::string>> settings;
};

// Writes the export incrementally: the constructor, one Contact per Write,
// then End with the other tables.
class KithJsonWriter {
 public:
  KithJsonWriter(std::ostream& out, const std::string& exported_at);
  void Write(const Contact& contact, const std::vector<JobChange>& job_changes);
  void End(const KithBackupTables& tables);

 private:
  std::ostream& out_;
  bool first_ = true;
};

// One contact object back into a record (`index` is its 1-based position,
// used in messages). kParseError naming the contact and key on a wrong type
// or a bad date ("contact 3: 'met_on' '2026-02-30': February 2026 has 28 days").
Result<ImportRecord> ContactRecordFromJson(const nlohmann::json& value, std::size_t index);

// Reads a kith JSON export (or a bare array of contacts, as `list --json`
// prints): the contacts into `sink`, the other tables returned.
// kParseError with line and column on malformed JSON, naming the item and
// key on a wrong type or a bad date.
Result<KithBackupTables> ReadKithJson(std::istream& in, const RecordSink& sink);

}  // namespace kith
