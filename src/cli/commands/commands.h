// Each command registers its flags and returns what to run when chosen.
// Commands only translate: parse flags -> call one app/ action -> print.
#pragma once

#include <functional>
#include <string_view>

#include <CLI/CLI.hpp>

#include "cli/session.h"

namespace kith::cli {

struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

Command AddAddCommand(CLI::App& root, const GlobalOptions& globals);
Command AddShowCommand(CLI::App& root, const GlobalOptions& globals);
Command AddEditCommand(CLI::App& root, const GlobalOptions& globals);
Command AddRemoveCommand(CLI::App& root, const GlobalOptions& globals);
Command AddRestoreCommand(CLI::App& root, const GlobalOptions& globals);
Command AddEmptyTrashCommand(CLI::App& root, const GlobalOptions& globals);
Command AddListCommand(CLI::App& root, const GlobalOptions& globals);
Command AddSearchCommand(CLI::App& root, const GlobalOptions& globals);
Command AddGenCommand(CLI::App& root, const GlobalOptions& globals);
Command AddImportCommand(CLI::App& root, const GlobalOptions& globals);
Command AddExportCommand(CLI::App& root, const GlobalOptions& globals);
Command AddDupesCommand(CLI::App& root, const GlobalOptions& globals);
Command AddMergeCommand(CLI::App& root, const GlobalOptions& globals);
Command AddOpportunityCommand(CLI::App& root, const GlobalOptions& globals);
Command AddMatchCommand(CLI::App& root, const GlobalOptions& globals);
Command AddTellCommand(CLI::App& root, const GlobalOptions& globals);
Command AddGiveCommand(CLI::App& root, const GlobalOptions& globals);
Command AddAskCommand(CLI::App& root, const GlobalOptions& globals);
Command AddIntroCommand(CLI::App& root, const GlobalOptions& globals);
Command AddOutcomeCommand(CLI::App& root, const GlobalOptions& globals);
Command AddLedgerCommand(CLI::App& root, const GlobalOptions& globals);
Command AddMeCommand(CLI::App& root, const GlobalOptions& globals);
Command AddTodayCommand(CLI::App& root, const GlobalOptions& globals);
Command AddScanCommand(CLI::App& root, const GlobalOptions& globals);
Command AddCardCommand(CLI::App& root, const GlobalOptions& globals);
Command AddBackupCommand(CLI::App& root, const GlobalOptions& globals);
Command AddCheckCommand(CLI::App& root, const GlobalOptions& globals);

// The relationship loop (habits 1, 2 and 5).
Command AddEventCommand(CLI::App& root, const GlobalOptions& globals);
Command AddMetCommand(CLI::App& root, const GlobalOptions& globals);
Command AddFollowUpCommand(CLI::App& root, const GlobalOptions& globals);
Command AddSmtpCommand(CLI::App& root, const GlobalOptions& globals);
Command AddLogCommand(CLI::App& root, const GlobalOptions& globals);
Command AddFactCommand(CLI::App& root, const GlobalOptions& globals);
Command AddBriefCommand(CLI::App& root, const GlobalOptions& globals);
Command AddListeningCommand(CLI::App& root, const GlobalOptions& globals);
Command AddCadenceCommand(CLI::App& root, const GlobalOptions& globals);
Command AddRemindCommand(CLI::App& root, const GlobalOptions& globals);
Command AddLinkCommand(CLI::App& root, const GlobalOptions& globals);
Command AddPostCommand(CLI::App& root, const GlobalOptions& globals);
Command AddIcsCommand(CLI::App& root, const GlobalOptions& globals);

// The web app.
Command AddServeCommand(CLI::App& root, const GlobalOptions& globals);
Command AddPasswdCommand(CLI::App& root, const GlobalOptions& globals);
Command AddDeviceCommand(CLI::App& root, const GlobalOptions& globals);

// A shared PostgreSQL database: accounts, workspaces, members.
Command AddAccountCommand(CLI::App& root, const GlobalOptions& globals);
Command AddWorkspaceCommand(CLI::App& root, const GlobalOptions& globals);
Command AddMigrateCommand(CLI::App& root, const GlobalOptions& globals);

// Opens the session (for `scope`, app/access.h) and runs `body` with it;
// errors are reported under `command` and turned into the exit code.
int RunWithSession(std::string_view command, const GlobalOptions& globals,
                   const std::function<int(Session&)>& body, Scope scope = Scope::kWorkspace);

// Joins positional words ("Ada", "Okafor") into one argument.
std::string JoinWords(const std::vector<std::string>& words);

}  // namespace kith::cli
