// The tables of a kith JSON backup besides the contacts, put back after the
// contacts are. Internal to app/.
#pragma once

#include "app/context.h"
#include "app/transfer.h"
#include "formats/kith_json.h"

namespace kith {

// Inside the caller's transaction: opportunities not already present (same
// kind, title and day), ledger entries not already present (same person,
// kind, direction, what and day) with their people found by uid, and
// settings that are not set here yet. Counts go into `summary`.
// Then the relationship loop (docs/formats.md, "The JSON backup"): events
// (one with the same name is reused), interactions, facts, reminders,
// cadences and posts, each person found by uid and each link to an event or
// interaction renumbered; what is already here is kept, not repeated, so a
// backup restored twice adds nothing the second time. A person's last
// contact moves up to their latest restored contact.
// kParseError naming the array and 0-based index for a row whose person is
// not here ("interactions[12]: no contact with uid …") or that points at an
// event or interaction the backup does not have; the caller's transaction
// must then be rolled back.
Status RestoreBackupTables(Context& context, const KithBackupTables& tables, ImportSummary& summary);

// The tables to write after the contacts of a JSON export, except the
// interactions, facts and reminders, which WriteRelationshipRows streams.
Result<KithBackupTables> BackupTables(Context& context);

// Writes the interactions, facts and reminders of live contacts into the
// export, a page at a time, so their number does not bound memory.
Status WriteRelationshipRows(Context& context, KithJsonWriter& writer);

}  // namespace kith
