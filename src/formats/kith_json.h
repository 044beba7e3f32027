// kith's own JSON export: every contact with everything kept about it, and
// every other table, for backup and restore. Shape:
//   {"format": "kith", "version": 1, "exported_at": "…",
//    "contacts": [ContactToJson(contact) + {"job_changes": [...]}, …],
//    "interactions": [{"id", "contact_uid", "kind", "on", "summary", "they_talked",
//                      "private" (only when true)}, …],
//    "facts": [{"id", "contact_uid", "kind", "key", "value", "learned_on",
//               "interaction_id", "private" (only when true)}, …],
//    "reminders": [{"id", "contact_uid", "kind", "due", "snoozed_until", "note",
//                   "state", "closed_on", "event_id", "created_on"}, …],
//    "events": [{"id", "name", "on", "place", "notes"}, …],
//    "cadences": [{"contact_uid", "days"}, …],
//    "posts": [{"id", "channel", "url", "topic", "on"}, …],
//    "opportunities": [OpportunityToJson(…), …],
//    "ledger": [LedgerEntryToJson(…) + {"contact_uid", "introduced_to_uid"}, …],
//    "settings": {"key": "value", …}}
// Rows name people by uid, since ids are renumbered on restore; facts and
// reminders name interactions and events by their ids in the backup.
// Every key after "contacts" may be missing (older backups): read as empty.
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/contact.h"
#include "domain/give.h"
#include "domain/relationship.h"
#include "domain/result.h"
#include "formats/import_record.h"

namespace kith {

// A ledger entry with the people it names by uid.
struct BackupLedgerEntry {
  LedgerEntry entry;  // its contact, introduced_to and opportunity ids are the exporting database's
  std::string contact_uid;
  std::string introduced_to_uid;
};

// The relationship loop's rows with the person they concern by uid. Their
// ids, and the ids they point at, are the exporting database's.
struct BackupInteraction {
  Interaction interaction;  // facts point at its id
  std::string contact_uid;
};
struct BackupFact {
  Fact fact;  // `interaction`: the id of an interaction in the backup
  std::string contact_uid;
};
struct BackupReminder {
  Reminder reminder;  // `event`: the id of an event in the backup
  std::string contact_uid;
};
struct BackupCadence {
  std::string contact_uid;
  int days = 0;
  bool operator==(const BackupCadence&) const = default;
};

// Everything in a backup besides the contacts.
struct KithBackupTables {
  std::vector<Opportunity> opportunities;
  std::vector<BackupLedgerEntry> ledger;
  std::vector<std::pair<std::string, std::string>> settings;
  std::vector<Event> events;
  std::vector<BackupInteraction> interactions;
  std::vector<BackupFact> facts;
  std::vector<BackupReminder> reminders;
  std::vector<BackupCadence> cadences;
  std::vector<Post> posts;
};

// Writes the export incrementally, so a backup of any size is written in
// constant memory: the constructor; the contacts, one per Write; then the
// large tables row by row, in this order: interactions, facts, reminders (a
// table may be left out, but not gone back to: a row written after a later
// table's would land in that table); then End with the other tables.
class KithJsonWriter {
 public:
  KithJsonWriter(std::ostream& out, const std::string& exported_at);
  void Write(const Contact& contact, const std::vector<JobChange>& job_changes);
  void Write(const BackupInteraction& row);
  void Write(const BackupFact& row);
  void Write(const BackupReminder& row);
  // Writes the rows of `tables.interactions`, `facts` and `reminders` after
  // any written one by one (the same order rule holds), then everything else.
  void End(const KithBackupTables& tables);

 private:
  // The arrays written one row at a time, in the order they appear.
  enum class Section { kContacts, kInteractions, kFacts, kReminders, kDone };
  // Closes the arrays up to `section` and opens it.
  void Enter(Section section);
  void Row(const nlohmann::json& row);

  std::ostream& out_;
  Section section_ = Section::kContacts;
  bool first_ = true;
};

// One contact object back into a record (`index` is its 1-based position,
// used in messages). kParseError naming the contact and key on a wrong type
// or a bad date ("contact 3: 'met_on' '2026-02-30': February 2026 has 28 days").
Result<ImportRecord> ContactRecordFromJson(const nlohmann::json& value, std::size_t index);

// Reads a kith JSON export (or a bare array of contacts, as `list --json`
// prints): the contacts into `sink`, the other tables returned.
// kParseError with line and column on malformed JSON, naming the item and
// key on a wrong type or a bad date; a row of the relationship tables is
// named by its array and 0-based index ("interactions[12]: 'kind' 'lunch' is
// not one kith knows"), also for a missing key, an unknown kind or state, a
// talk share outside 0–100 or a cadence below one day.
Result<KithBackupTables> ReadKithJson(std::istream& in, const RecordSink& sink);

}  // namespace kith
