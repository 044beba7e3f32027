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
Status RestoreBackupTables(Context& context, const KithBackupTables& tables, ImportSummary& summary);

// The tables to write after the contacts of a JSON export.
Result<KithBackupTables> BackupTables(Context& context);

}  // namespace kith
