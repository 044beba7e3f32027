// Cards in and out: imports from the files people already have, exports to
// the formats other tools read, and the duplicates both can leave behind.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/context.h"
#include "domain/contact.h"
#include "domain/contact_merge.h"
#include "domain/result.h"
#include "formats/vcard_writer.h"

namespace kith {

enum class ImportFormat { kAuto, kLinkedIn, kGoogle, kOutlook, kCsv, kVCard, kXlsx, kJson };
// "auto", "linkedin", "google", "outlook", "csv", "vcard", "xlsx", "json".
std::optional<ImportFormat> ParseImportFormat(std::string_view name);

enum class TextEncoding { kUtf8, kWindows1252, kLatin1 };
// "utf-8", "windows-1252" (also "cp1252"), "latin-1" (also "iso-8859-1").
std::optional<TextEncoding> ParseTextEncoding(std::string_view name);

struct ImportRequest {
  std::string path;
  ImportFormat format = ImportFormat::kAuto;
  bool dry_run = false;  // do everything, then roll back: exact counts, nothing written
  std::string event;     // everyone in the file was met at this event
  std::vector<std::pair<std::string, std::string>> map;  // "Column=field" overrides (CSV, xlsx)
  std::optional<TextEncoding> encoding;                  // nullopt: UTF-8, with advice if not
  // A value that fails its check or cannot be read refuses the whole file,
  // instead of being set aside on its card and reported.
  bool strict = false;
};

struct ImportedJobChange {
  ContactId id;
  std::string name;
  JobChange change;
};

struct ImportSummary {
  std::string format;                     // what was read: "linkedin", "google", "vcard", …
  std::int64_t added = 0;                 // new people
  std::int64_t updated = 0;               // people already on the list who gained something
  std::int64_t unchanged = 0;             // people already on the list, nothing new
  std::int64_t merged = 0;                // rows that repeat a person an earlier row described
  std::int64_t skipped = 0;               // rows that describe nobody (no name, email or phone)
  std::vector<std::string> skipped_rows;  // "line 7: …" for each skipped row (the first 100)
  // Values that came in only as raw fields on their card (a bad email, a
  // date that is no date). `problems` has a line for each (the first
  // 10,000): "line 44: EMAIL 'x' has no '@' — kept in the card's raw
  // fields"; also for values repaired on the way in (bytes that were not
  // UTF-8) and, first, for a file not in UTF-8 and the encoding it was read as.
  std::int64_t set_aside = 0;
  std::vector<std::string> problems;
  std::vector<ImportedJobChange> job_changes;
  std::int64_t opportunities = 0;   // restored from a kith JSON backup
  std::int64_t ledger_entries = 0;  // restored from a kith JSON backup
  bool dry_run = false;
};

// Reads the file (format from its content unless `format` says), matches
// each person with the list — uid, email, phone, LinkedIn URL, then (for
// records without a uid of their own) the same name at the same company —
// and merges matches instead of adding them, all in one transaction. An email
// or phone matches only when the names agree (an office line is not a person).
// A value that fails its check is set aside (see ImportSummary::problems)
// unless the request is strict, when it is an error like any other. Errors
// name the file and the line or row; on any error nothing is written.
Result<ImportSummary> ImportContacts(Context& context, const ImportRequest& request);

// What an import would do, before it does it: the format read, how each
// column maps to a field (tables only), the first people as read, and the
// counts of a dry run. Errors as ImportContacts; nothing is written.
struct ColumnMapping {
  std::string column;  // the header as written
  std::string field;   // "name", "email", …, or "custom" (kept as a custom field)
};
struct ImportPreview {
  std::string format;  // as ImportSummary::format
  std::vector<ColumnMapping> mapping;
  std::vector<ContactFields> sample;
  ImportSummary summary;  // a dry run's counts
};
Result<ImportPreview> PreviewImport(Context& context, ImportRequest request, int sample_size);

enum class ExportFormat { kCsv, kVCard, kXlsx, kJson };
std::optional<ExportFormat> ParseExportFormat(std::string_view name);

struct ExportRequest {
  ExportFormat format = ExportFormat::kVCard;
  VCardVersion vcard_version = VCardVersion::k40;
  // Empty: standard output (not for xlsx). For vCard, an existing directory
  // (or a path ending in '/') gets one <uid>.vcf per person.
  std::string output;
};

// Writes every live contact; returns how many.
Result<std::int64_t> ExportContacts(Context& context, const ExportRequest& request,
                                    std::ostream& standard_output);

// Two cards that are probably one person, and why ("same email ada@x.org").
struct LikelyDuplicate {
  Contact first;
  Contact second;
  std::vector<std::string> reasons;
};

inline constexpr int kMostDuplicatesPerPage = 500;
struct DuplicatesRequest {
  int limit = 50;  // 1 to kMostDuplicatesPerPage
  int offset = 0;  // pairs to skip, in the order below
};
struct DuplicatesPage {
  std::vector<LikelyDuplicate> pairs;
  std::int64_t total = 0;  // pairs on every page
};
// Likely duplicates among the live contacts, a page at a time, surest first:
// a shared email, phone or profile URL (when the names do not say two
// people); then the same whole name at one company; then a family name at
// one company with a similar given name. Each pair is listed once, the
// lower id first, its reasons surest first. kInvalidInput for a limit or
// offset out of range.
Result<DuplicatesPage> FindDuplicates(Context& context, const DuplicatesRequest& request);

// A merge and its two cards: `kept` as the merge (or its undo) left it,
// `other` the card merged into it.
struct MergedContacts {
  Merge merge;
  Contact kept;
  Contact other;
};

// Moves everything `other` holds into `keep` (MergeFields, plus job changes,
// ledger entries, interactions, facts, reminders, card images and a cadence;
// the later last contact) and moves `other` to the trash, in one
// transaction that also journals the merge so UndoMerge can take it back.
// kInvalidInput when both are one card; kNotFound for an unknown id;
// kConflict when either is in the trash.
Result<MergedContacts> MergeContacts(Context& context, ContactId keep, ContactId other);

// Takes a merge back in one transaction: the kept card as it was before,
// what moved back to the other card, which comes out of the trash. Rows
// added to the kept card since stay with it. kNotFound for an unknown merge;
// kConflict when it was already undone, or either card was edited,
// restored, trashed or deleted for good since (nothing is written).
Result<MergedContacts> UndoMerge(Context& context, MergeId id);

}  // namespace kith
