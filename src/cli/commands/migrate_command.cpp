// kith migrate: a personal file into a workspace of a shared PostgreSQL
// database, ids and all (one app/migrate_file.h call).
#include <iostream>
#include <memory>

#include "app/migrate_file.h"
#include "cli/commands/commands.h"
#include "cli/printing.h"
#include "domain/clock.h"

namespace kith::cli {
namespace {

struct MigrateFlags {
  std::string from;
  std::string to;
  std::string owner;
};

std::int64_t RowsOf(const MigrateSummary& summary, std::string_view table) {
  for (const MigratedTable& copied : summary.tables) {
    if (copied.table == table) return copied.rows;
  }
  return 0;
}

void PrintSummary(const MigrateRequest& request, const MigrateSummary& summary) {
  std::cout << "Migrated " << request.from << " into workspace " << summary.workspace
            << (summary.created_workspace ? " (new)" : "") << " of " << PrintableLocation(request.to)
            << ", ids kept:\n"
            << "  " << RowsOf(summary, "contacts") << " people, " << RowsOf(summary, "interactions")
            << " interactions, " << RowsOf(summary, "facts") << " facts, " << RowsOf(summary, "reminders")
            << " reminders, " << RowsOf(summary, "events") << " events, " << RowsOf(summary, "ledger")
            << " ledger entries, " << RowsOf(summary, "opportunities") << " opportunities, "
            << RowsOf(summary, "card_images") << " card images\n"
            << "Open it with --db '" << PrintableLocation(request.to) << "'"
            << (summary.workspace == "default" ? "" : " --user NAME --workspace " + summary.workspace)
            << ".\n";
}

}  // namespace

Command AddMigrateCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command =
      root.add_subcommand("migrate", "Move a personal file into a shared PostgreSQL workspace, ids and all");
  command->footer(R"(Copies everything in the file — every card and value, the relationship loop,
the ledger and opportunities, card images, devices, CardDAV cards and address
books — into one workspace of a PostgreSQL database, keeping every id, in one
transaction: all of it or nothing. The workspace must be empty; it is made
when missing (with --owner, the account that owns it, once the database has
accounts). The search index is built afresh; browsers sign in again, and
phones sync their cards anew. The file is left as it was.

Examples:
  kith migrate --from ~/.local/share/kith/kith.db --to postgresql:///kith
  kith migrate --from kith.db --to postgresql://kith@db.internal/kith --workspace acme --owner ada)");
  auto flags = std::make_shared<MigrateFlags>();
  command->add_option("--from", flags->from, "The kith SQLite file to copy")->required();
  command->add_option("--to", flags->to, "The PostgreSQL database (postgresql://…)")->required();
  command->add_option("--owner", flags->owner, "The account that owns a new workspace");
  return {command, [flags, &globals]() {
            auto clock = ClockOf(globals);
            if (!clock) return ReportError("migrate", clock.error());
            const std::string workspace = ActingOf(globals).workspace;
            MigrateRequest request{flags->from, flags->to,
                                   workspace.empty() ? std::string("default") : workspace, flags->owner};
            auto migrated = MigrateFile(request, **clock);
            if (!migrated) return ReportError("migrate", migrated.error());
            if (globals.json) {
              nlohmann::json tables = nlohmann::json::object();
              for (const MigratedTable& copied : migrated->tables) tables[copied.table] = copied.rows;
              PrintJson(std::cout, {{"workspace", migrated->workspace},
                                    {"created_workspace", migrated->created_workspace},
                                    {"tables", tables}});
            } else {
              PrintSummary(request, *migrated);
            }
            return 0;
          }};
}

}  // namespace kith::cli
