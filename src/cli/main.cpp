// kith: the command line. Parses, picks the command, runs it, exits with
// 0 (done), 1 (the request failed) or 2 (the command line was wrong).
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/commands/commands.h"
#include "cli/server_apart.h"
#include "cli/session.h"
#include "store/upgrade_notice.h"

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

// Every command, by the name it is typed as, and the function that adds it.
struct NamedCommand {
  std::string_view name;
  kith::cli::Command (*add)(CLI::App& root, const kith::cli::GlobalOptions& globals);
};

constexpr NamedCommand kCommands[] = {
    {"add", kith::cli::AddAddCommand},
    {"show", kith::cli::AddShowCommand},
    {"edit", kith::cli::AddEditCommand},
    {"rm", kith::cli::AddRemoveCommand},
    {"restore", kith::cli::AddRestoreCommand},
    {"empty-trash", kith::cli::AddEmptyTrashCommand},
    {"list", kith::cli::AddListCommand},
    {"search", kith::cli::AddSearchCommand},
    {"gen", kith::cli::AddGenCommand},
    {"import", kith::cli::AddImportCommand},
    {"export", kith::cli::AddExportCommand},
    {"dupes", kith::cli::AddDupesCommand},
    {"merge", kith::cli::AddMergeCommand},
    {"opp", kith::cli::AddOpportunityCommand},
    {"match", kith::cli::AddMatchCommand},
    {"tell", kith::cli::AddTellCommand},
    {"give", kith::cli::AddGiveCommand},
    {"ask", kith::cli::AddAskCommand},
    {"intro", kith::cli::AddIntroCommand},
    {"outcome", kith::cli::AddOutcomeCommand},
    {"ledger", kith::cli::AddLedgerCommand},
    {"me", kith::cli::AddMeCommand},
    {"today", kith::cli::AddTodayCommand},
    {"event", kith::cli::AddEventCommand},
    {"met", kith::cli::AddMetCommand},
    {"followup", kith::cli::AddFollowUpCommand},
    {"smtp", kith::cli::AddSmtpCommand},
    {"log", kith::cli::AddLogCommand},
    {"fact", kith::cli::AddFactCommand},
    {"brief", kith::cli::AddBriefCommand},
    {"listening", kith::cli::AddListeningCommand},
    {"cadence", kith::cli::AddCadenceCommand},
    {"remind", kith::cli::AddRemindCommand},
    {"link", kith::cli::AddLinkCommand},
    {"post", kith::cli::AddPostCommand},
    {"ics", kith::cli::AddIcsCommand},
    {"scan", kith::cli::AddScanCommand},
    {"card", kith::cli::AddCardCommand},
#ifndef KITH_SERVER_APART
    {"serve", kith::cli::AddServeCommand},
#endif
    {"passwd", kith::cli::AddPasswdCommand},
    {"backup", kith::cli::AddBackupCommand},
    {"check", kith::cli::AddCheckCommand},
    {"device", kith::cli::AddDeviceCommand},
    {"account", kith::cli::AddAccountCommand},
    {"workspace", kith::cli::AddWorkspaceCommand},
    {"migrate", kith::cli::AddMigrateCommand},
};

// `kith --help` (with global options or none, no command): the overview,
// as CLI11's CallForHelp below would print it, without building the parser.
bool AsksForOverview(int argc, char** argv) {
  if (!RequestedCommand(argc, argv).empty()) return false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word == "--help" || word == "-h") return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  kith::SetUpgradeNotice([](std::string_view message) { std::cerr << "kith: " << message << '\n'; });
  if (argc <= 1 || AsksForOverview(argc, argv)) {
    std::cout << kOverview;
    return 0;
  }
#ifdef KITH_SERVER_APART
  // kith-server answers `kith serve` (and `kith serve --help`) in this process.
  if (RequestedCommand(argc, argv) == "serve") return kith::cli::RunServer(argc, argv);
#endif
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

  // Only the command asked for is built (with its flags and subcommands):
  // building all 46 for every run cost start-up time. Without one, all are,
  // for CLI11's own errors and --help-all.
  const std::string requested = RequestedCommand(argc, argv);
  std::vector<kith::cli::Command> commands;
  for (const NamedCommand& command : kCommands) {
    if (requested.empty() || requested == command.name) commands.push_back(command.add(app, globals));
  }
  if (!requested.empty() && commands.empty()) {
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
