#include <iostream>
#include <memory>

#include "app/backup.h"
#include "cli/commands/commands.h"
#include "cli/printing.h"

namespace kith::cli {

Command AddBackupCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command =
      root.add_subcommand("backup", "A consistent copy of the database, also while kith serve writes");
  command->footer(R"(The copy is a whole kith database, as it stood at one moment: open it with
`kith --db FILE list`, or put it back by copying it over the database while
kith is stopped. Written to a temporary file and renamed, so a full disk never
leaves half a backup. `kith serve --backup-every 24h --keep 7` takes them on a
schedule.

Examples:
  kith backup ~/kith-backup.db
  kith --db ~/kith-backup.db check       # the copy is sound)");
  auto output = std::make_shared<std::string>();
  command->add_option("file", *output, "The file to write (replaced if it exists)")->required();
  return {command, [output, &globals]() {
            return RunWithSession("backup", globals, [&](Session& session) {
              auto done = BackupDatabase(session.store(), session.database_path(), *output);
              if (!done) return ReportError("backup", done.error());
              if (globals.json) {
                PrintJson(std::cout, {{"output", done->path}, {"bytes", done->bytes}});
              } else {
                std::cout << "Backed up " << session.database_path() << " to " << done->path << " ("
                          << done->bytes << " bytes).\n";
              }
              return 0;
            });
          }};
}

Command AddCheckCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("check", "Check the database file for damage");
  command->footer(R"(Checks every page and index (SQLite's integrity_check), every foreign key,
and each search table against the cards it indexes. Exit 0 when the file is
sound, 1 with each problem listed when it is not.

Examples:
  kith check
  kith --db ~/kith-backup.db check)");
  return {command, [&globals]() {
            return RunWithSession("check", globals, [&](Session& session) {
              auto problems = CheckDatabase(session.store());
              if (!problems) return ReportError("check", problems.error());
              if (globals.json) {
                PrintJson(std::cout, {{"sound", problems->empty()}, {"problems", *problems}});
              } else if (problems->empty()) {
                std::cout << session.database_path()
                          << " is sound: pages, indexes, foreign keys and search.\n";
              } else {
                std::cerr << "kith check: " << session.database_path() << " is damaged:\n";
                for (const auto& problem : *problems) std::cerr << "  " << problem << "\n";
              }
              return problems->empty() ? 0 : 1;
            });
          }};
}

}  // namespace kith::cli
