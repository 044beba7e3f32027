#include <iostream>
#include <memory>

#include "app/transfer.h"
#include "cli/commands/commands.h"
#include "cli/printing.h"

namespace kith::cli {
namespace {

struct ExportFlags {
  std::string format = "vcard";
  std::string output;
  std::string vcard_version = "4.0";
};

}  // namespace

Command AddExportCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("export", "Write every card as vCard, CSV, Excel or JSON");
  command->footer(R"(Without -o the export goes to standard output (not for xlsx). A vCard export
to a directory writes one <uid>.vcf per person (what khard and vdirsyncer read).
JSON is the complete backup: `kith import backup.json` brings it all back.

Examples:
  kith export -o contacts.vcf                       # vCard 4.0
  kith export --vcard-version 3.0 -o contacts.vcf   # for older address books
  kith export -o ~/contacts/                        # one .vcf per person
  kith export --format csv -o contacts.csv          # header in docs/formats-csv.md
  kith export --format xlsx -o contacts.xlsx
  kith export --format json -o backup.json)");
  auto flags = std::make_shared<ExportFlags>();
  command->add_option("--format", flags->format, "vcard (default), csv, xlsx or json")
      ->check(CLI::IsMember({"vcard", "vcf", "csv", "xlsx", "excel", "json"}, CLI::ignore_case));
  command->add_option("-o,--output", flags->output, "File (or directory, for vCard) to write");
  command->add_option("--vcard-version", flags->vcard_version, "4.0 (default) or 3.0")
      ->check(CLI::IsMember({"4.0", "4", "3.0", "3"}));
  return {command, [flags, &globals]() {
            ExportRequest request;
            const auto format = ParseExportFormat(flags->format);
            if (!format) {
              return ReportError(
                  "export",
                  Error{ErrorCode::kInvalidInput,
                        "--format '" + flags->format + "' is not one of vcard, csv, xlsx, json", "format"});
            }
            request.format = *format;
            if (flags->vcard_version == "3.0" || flags->vcard_version == "3") {
              request.vcard_version = VCardVersion::k30;
            } else if (flags->vcard_version != "4.0" && flags->vcard_version != "4") {
              return ReportError(
                  "export",
                  Error{ErrorCode::kInvalidInput,
                        "--vcard-version '" + flags->vcard_version + "' is not 4.0 or 3.0", "vcard-version"});
            }
            request.output = flags->output;
            return RunWithSession("export", globals, [&](Session& session) {
              auto count = ExportContacts(session.context(), request, std::cout);
              if (!count) return ReportError("export", count.error());
              if (!request.output.empty()) {
                if (globals.json) {
                  PrintJson(std::cout, {{"exported", *count}, {"output", request.output}});
                } else {
                  std::cout << "Exported " << *count << (*count == 1 ? " person" : " people") << " to "
                            << request.output << ".\n";
                }
              }
              return 0;
            });
          }};
}

}  // namespace kith::cli
