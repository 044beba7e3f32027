#include <iostream>
#include <memory>

#include "app/import_options.h"
#include "app/results_json.h"
#include "cli/commands/commands.h"
#include "cli/printing.h"

namespace kith::cli {
namespace {

void PrintSummary(std::ostream& out, const ImportRequest& request, const ImportSummary& summary) {
  out << (summary.dry_run ? "Dry run — nothing was written. " : "") << "Read '" << request.path << "' as "
      << summary.format << ".\n";
  out << "  " << summary.added << (summary.dry_run ? " would be added" : " added") << "\n";
  out << "  " << summary.updated << (summary.dry_run ? " would be updated" : " updated")
      << " (already on your list, with something new)\n";
  out << "  " << summary.unchanged << " unchanged (already on your list)\n";
  if (summary.merged > 0) out << "  " << summary.merged << " merged (the same person on several rows)\n";
  if (summary.opportunities > 0) out << "  " << summary.opportunities << " opportunities restored\n";
  if (summary.ledger_entries > 0) out << "  " << summary.ledger_entries << " ledger entries restored\n";
  out << "  " << summary.skipped << " skipped\n";
  for (const auto& row : summary.skipped_rows) out << "    " << row << "\n";
  if (summary.skipped > static_cast<std::int64_t>(summary.skipped_rows.size())) {
    out << "    … and " << summary.skipped - static_cast<std::int64_t>(summary.skipped_rows.size())
        << " more\n";
  }
  if (!summary.problems.empty()) {
    out << "  " << summary.set_aside << " values set aside (kept in their cards' raw fields)\n";
    for (const auto& problem : summary.problems) out << "    " << problem << "\n";
  }
  if (!summary.job_changes.empty()) {
    out << "\nChanged jobs (a reason to get in touch):\n";
    for (const auto& moved : summary.job_changes) {
      const auto job = JobDescription;
      out << "  " << moved.name << " (id " << moved.id.value
          << "): " << job(moved.change.old_title, moved.change.old_company) << " → "
          << job(moved.change.new_title, moved.change.new_company) << "\n";
    }
  }
}

}  // namespace

Command AddImportCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command =
      root.add_subcommand("import", "Bring cards in from LinkedIn, Google, Outlook, vCard, Excel or JSON");
  command->footer(R"(The format is read from the file's content; --format overrides it. The whole
file lands in one transaction: on any error nothing is written. A value that
fails its check (an email without '@', a date that is no date) does not stop
the import: its card comes in, the value is kept in the card's raw fields and
listed with its line; --strict refuses the whole file instead. People already
on your list (same uid, email, phone, LinkedIn profile, or name at the same
company) are merged, not added again: importing a file twice adds nothing.

Examples:
  kith import Connections.csv                 # LinkedIn: Settings > Data privacy > Get a copy
  kith import contacts.csv --dry-run          # what would be added, updated, skipped
  kith import contacts.vcf --event "RustConf 2026"
  kith import people.xlsx --map "Employer=company" --map "Cell=phone"
  kith import outlook.csv --encoding windows-1252
  kith import backup.json                     # a `kith export --format json`)");
  auto flags = std::make_shared<ImportOptions>();
  command->add_option("file", flags->path, "The file to import")->required();
  command
      ->add_option("--format", flags->format,
                   "auto|linkedin|google|outlook|csv|vcard|xlsx|json (default: from the content)")
      ->check(CLI::IsMember({"auto", "linkedin", "google", "outlook", "csv", "vcard", "xlsx", "json"},
                            CLI::ignore_case));
  command->add_flag("--dry-run", flags->dry_run, "Report what would happen; write nothing");
  command->add_flag("--strict", flags->strict,
                    "Refuse the whole file over one bad value, instead of setting it aside");
  command->add_option("--event", flags->event,
                      "Mark everyone as met at this event (follow-ups are due tomorrow)");
  command->add_option("--map", flags->maps,
                      "\"Column Name=field\": map a column (CSV, xlsx); field 'ignore' drops it");
  command->add_option("--encoding", flags->encoding, "utf-8 (default), windows-1252 or latin-1")
      ->check(CLI::IsMember({"utf-8", "utf8", "windows-1252", "cp1252", "latin-1", "latin1", "iso-8859-1"},
                            CLI::ignore_case));
  return {command, [flags, &globals]() {
            auto request = ImportRequestFrom(*flags);
            if (!request) return ReportError("import", request.error());
            return RunWithSession("import", globals, [&](Session& session) {
              auto summary = ImportContacts(session.context(), *request);
              if (!summary) return ReportError("import", summary.error());
              if (globals.json) {
                PrintJson(std::cout, ImportSummaryToJson(*summary));
              } else {
                PrintSummary(std::cout, *request, *summary);
              }
              return 0;
            });
          }};
}

}  // namespace kith::cli
