// The JSON of the app's own results: search hits, ranked matches, ledgers,
// profiles, import summaries and previews, likely duplicates. They are the
// `--json` output of the CLI and the bodies of the HTTP API, written once
// here so both faces speak the same shapes. (formats/ maps the domain's
// values; these types belong to app/ and search/, which formats/ may not
// see, so their mapping lives beside them, as relationship_json.h does.)
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/contacts.h"
#include "app/give.h"
#include "app/transfer.h"

namespace kith {

// [ContactToJson plus {"match": {"tier": "name"|"field"|"note",
//  "quality": "exact"|"prefix"|"corrected"}}], best first.
nlohmann::json FoundContactsToJson(const std::vector<FoundContact>& found);

// [{"id", "name", "company", "title", "match": {"tier", "quality"},
//  "snippet": {"field", "text"} or null}], best first, written as text
// (formats/json_text.h: a keystroke's answer is the server's hottest path)
// with the keys in the order a nlohmann::json object dumps them.
std::string TypeaheadHitsJsonText(const std::vector<TypeaheadHit>& hits);

// [ContactToJson plus {"score", "reasons"}], best first.
nlohmann::json MatchesToJson(const std::vector<RankedMatch>& matches);

// {"id", "name", "entries": [entry…], "given", "received", "open_asks",
//  "balance"}: what you and `contact` did for each other.
nlohmann::json LedgerToJson(const Ledger& ledger);

// {"name", "skills", "known_for"}.
nlohmann::json ProfileToJson(const MyProfile& profile);

// {"format", "dry_run", "added", "updated", "unchanged", "merged", "skipped",
//  "errors": [text…], "job_changes": [{"id", "name", "old_company",
//  "old_title", "new_company", "new_title"}], "opportunities",
//  "ledger_entries"}.
nlohmann::json ImportSummaryToJson(const ImportSummary& summary);

// {"filename", "format", "mapping": [{"column", "field"}], "sample":
//  [contact without "id"], "summary": ImportSummaryToJson}.
nlohmann::json ImportPreviewToJson(const std::string& filename, const ImportPreview& preview);

// [{"first": contact, "second": contact, "reasons": [text…]}].
nlohmann::json LikelyDuplicatesToJson(const std::vector<LikelyDuplicate>& pairs);

// The kept card (ContactToJson, as `kith merge` always printed) plus
// {"merge": {"id", "kept", "other", "merged_at", "undone_at"}, "other":
// contact}: a merge, or its undo.
nlohmann::json MergedContactsToJson(const MergedContacts& merged);

}  // namespace kith
