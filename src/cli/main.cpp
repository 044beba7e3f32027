// kith: the command line. Parses, picks the command, runs it, exits with
// 0 (done), 1 (the request failed) or 2 (the command line was wrong).
#include <iostream>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/commands/commands.h"
#include "cli/session.h"

namespace {

constexpr int kUsageError = 2;

constexpr const char* kOverview =
    R"(kith — a personal relationship manager: follow up, listen, keep one running
list, give, and stay connected.

Usage: kith [--db PATH] [--json] [--today YYYY-MM-DD] [--user NAME --workspace WS] COMMAND [ARGS]

The running list
  add        Add a person                 kith add --name "Ada Okafor" --email ada@acme.com
  show       Show a whole card            kith show "Ada Okafor"
  edit       Change a card                kith edit 42 --tag mentor --remove-tag intro
  rm         Move to the trash            kith rm 42
  restore    Bring back from the trash    kith restore 42
  empty-trash  Delete the trash for good  kith empty-trash --yes
  list       The list, sorted, filtered   kith list --sort met --tag mentor
  search     Find anyone by anything      kith search company:acme chicago
  gen        Add a generated demo network kith gen 500
  dupes      Likely duplicates, and why   kith dupes
  merge      Merge two cards into one     kith merge 12 57

Give
  opp        Opportunities to pass on     kith opp add "Staff C++ engineer" --kind job --skill C++
  match      Whom to offer one to, and why kith match 3
  give       Record what you gave         kith give 42 --opp 3
  ask        Record an ask, either way    kith ask 42 --what "feedback on a deck"
  intro      A double opt-in introduction kith intro 42 57 --why "both love SQLite"
  outcome    How a give turned out        kith outcome 17 hired
  ledger     What you did for each other  kith ledger 42
  me         Your own profile             kith me --skill SQLite --known-for "fast databases"
  tell       Whom to tell about your work kith tell "my talk on WAL mode"

Follow up, meet and listen
  today      The day's agenda             kith today
  event      Events and follow-up rates   kith event show "RustConf 2026"
  met        Whom you met at an event     kith met "Ada Okafor" "Bo Chen" --at "RustConf 2026"
  followup   Write to them the next day   kith followup draft "Ada Okafor" --eml ada.eml
  smtp       Your mail server, to send    kith smtp --host smtp.example.com --from you@example.com
  log        A coffee, call, email…       kith log 12 --kind coffee --fact personal:hometown=Pilsen
  fact       What you know about them     kith fact 12 --professional goal "open a studio"
  brief      Before you meet again        kith brief "Ada Okafor"
  listening  Who did the talking          kith listening
  remind     Your own reminders           kith remind 12 --on 2026-12-03 --note "send the deck"

Stay connected
  cadence    How often to be in touch     kith cadence 12 30
  link       Profiles, connected or not   kith link 12 --linkedin URL --connected
  post       Your own posts               kith post add --channel linkedin --topic "WAL mode"
  ics        Reminders for your calendar  kith ics -o kith.ics

Bringing cards in and out
  import     LinkedIn, Google, Outlook,   kith import Connections.csv --dry-run
             vCard, Excel, JSON
  export     vCard, CSV, Excel, JSON      kith export --format xlsx -o contacts.xlsx
  scan       A card photo or QR to fields kith scan card.jpg --save --at "RustConf"
  card       Your card as a QR code       kith card --png my-card.png
  backup     A copy of the database       kith backup ~/kith-backup.db
  check      The database file is sound   kith --db ~/kith-backup.db check

The web app
  serve      Web app and JSON API         kith serve    # http://127.0.0.1:8080
  passwd     Password for serving beyond  kith passwd && kith serve --host 0.0.0.0
             127.0.0.1
  device     Phones that sync (CardDAV),  kith device add iphone
             each with an app password

A team on PostgreSQL (--db postgresql://…)
  account    People who sign in           printf '%s\n' "$PASSWORD" | kith account add ada
  workspace  Shared workspaces and roles  kith workspace add acme --owner ada
             (owner, editor, viewer)      kith --user ada workspace member add acme bo --role viewer
  migrate    A personal file into a       kith migrate --from kith.db --to postgresql:///kith
             workspace, ids and all

Options for every command
  --db PATH            database file (default $KITH_DB, else ~/.local/share/kith/kith.db)
  --json               machine-readable output (one JSON value on stdout)
  --today YYYY-MM-DD   pretend today is this date
  --user NAME          on PostgreSQL with accounts: who acts (default $KITH_USER)
  --workspace WS       ... and in which workspace (default $KITH_WORKSPACE)

Run `kith COMMAND --help` for a command's flags and examples.
)";

// The first word that is neither a global option nor its value: the command
// the person meant, so an unknown one can be named in the error.
std::string RequestedCommand(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string word = argv[i];
    if (word == "--db" || word == "--today" || word == "--user" || word == "--workspace") {
      ++i;
      continue;
    }
    if (!word.empty() && word.front() == '-') continue;
    return word;
  }
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc <= 1) {
    std::cout << kOverview;
    return 0;
  }
  CLI::App app{"kith — a personal relationship manager", "kith"};
  app.fallthrough();
  app.require_subcommand(1);
  app.footer("Run `kith` alone for an overview, `kith COMMAND --help` for a command.");
  static kith::cli::GlobalOptions globals;
  app.add_option("--db", globals.db, "Database file (default $KITH_DB, else ~/.local/share/kith/kith.db)");
  app.add_flag("--json", globals.json, "Machine-readable output: one JSON value on stdout");
  app.add_option("--today", globals.today, "Pretend today is this date (YYYY-MM-DD)");
  app.add_option("--user", globals.user, "On a shared PostgreSQL database: who acts (default $KITH_USER)");
  app.add_option("--workspace", globals.workspace,
                 "On a shared PostgreSQL database: in which workspace (default $KITH_WORKSPACE)");

  const std::vector<kith::cli::Command> commands = {
      kith::cli::AddAddCommand(app, globals),       kith::cli::AddShowCommand(app, globals),
      kith::cli::AddEditCommand(app, globals),      kith::cli::AddRemoveCommand(app, globals),
      kith::cli::AddRestoreCommand(app, globals),   kith::cli::AddEmptyTrashCommand(app, globals),
      kith::cli::AddListCommand(app, globals),      kith::cli::AddSearchCommand(app, globals),
      kith::cli::AddGenCommand(app, globals),       kith::cli::AddImportCommand(app, globals),
      kith::cli::AddExportCommand(app, globals),    kith::cli::AddDupesCommand(app, globals),
      kith::cli::AddMergeCommand(app, globals),     kith::cli::AddOpportunityCommand(app, globals),
      kith::cli::AddMatchCommand(app, globals),     kith::cli::AddTellCommand(app, globals),
      kith::cli::AddGiveCommand(app, globals),      kith::cli::AddAskCommand(app, globals),
      kith::cli::AddIntroCommand(app, globals),     kith::cli::AddOutcomeCommand(app, globals),
      kith::cli::AddLedgerCommand(app, globals),    kith::cli::AddMeCommand(app, globals),
      kith::cli::AddTodayCommand(app, globals),     kith::cli::AddEventCommand(app, globals),
      kith::cli::AddMetCommand(app, globals),       kith::cli::AddFollowUpCommand(app, globals),
      kith::cli::AddSmtpCommand(app, globals),      kith::cli::AddLogCommand(app, globals),
      kith::cli::AddFactCommand(app, globals),      kith::cli::AddBriefCommand(app, globals),
      kith::cli::AddListeningCommand(app, globals), kith::cli::AddCadenceCommand(app, globals),
      kith::cli::AddRemindCommand(app, globals),    kith::cli::AddLinkCommand(app, globals),
      kith::cli::AddPostCommand(app, globals),      kith::cli::AddIcsCommand(app, globals),
      kith::cli::AddScanCommand(app, globals),      kith::cli::AddCardCommand(app, globals),
      kith::cli::AddServeCommand(app, globals),     kith::cli::AddPasswdCommand(app, globals),
      kith::cli::AddBackupCommand(app, globals),    kith::cli::AddCheckCommand(app, globals),
      kith::cli::AddDeviceCommand(app, globals),    kith::cli::AddAccountCommand(app, globals),
      kith::cli::AddWorkspaceCommand(app, globals), kith::cli::AddMigrateCommand(app, globals),
  };
  const std::string requested = RequestedCommand(argc, argv);
  const auto known = app.get_subcommands([&](CLI::App* command) { return command->check_name(requested); });
  if (!requested.empty() && known.empty()) {
    std::cerr << "kith: unknown command '" << requested << "'\n\n" << kOverview;
    return kUsageError;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    if (requested.empty()) {
      std::cout << kOverview;  // the overview has the examples CLI11's listing lacks
      return 0;
    }
    return app.exit(help);
  } catch (const CLI::CallForAllHelp& help) {
    return app.exit(help);
  } catch (const CLI::ParseError& error) {
    std::cerr << "kith: " << error.what() << "\nRun `kith --help` or `kith COMMAND --help`.\n";
    return kUsageError;
  }
  for (const auto& command : commands) {
    if (command.app->parsed()) return command.run();
  }
  std::cout << kOverview;
  return kUsageError;
}
