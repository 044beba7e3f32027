// Every user action has both faces. Each command of the `kith` binary (and
// each subcommand) is paired with the API routes that do the same through
// the same app call, and every API route with the command it mirrors; the
// few actions only one face has are listed with the reason. A new command
// without its route, or a route without its command, fails here.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "http/routes/routes.h"

namespace kith::testing {
namespace {

struct Action {
  std::string command;              // "followup send"
  std::vector<std::string> routes;  // "POST /contacts/{id}/followup/send"
};

// The CLI's actions and the routes that do the same.
const std::vector<Action>& BothFaces() {
  static const auto* const kActions = new std::vector<Action>{
      {"add", {"POST /contacts"}},
      {"show",
       {"GET /contacts/{id}", "GET /contacts/{id}/interactions", "GET /contacts/{id}/reminders",
        "GET /contacts/{id}/health"}},
      {"edit", {"PATCH /contacts/{id}"}},
      {"rm", {"DELETE /contacts/{id}"}},
      {"restore", {"POST /contacts/{id}/restore"}},
      {"empty-trash", {"DELETE /trash"}},
      {"list", {"GET /contacts"}},
      {"search", {"GET /search", "GET /typeahead"}},
      {"gen", {"POST /demo"}},
      {"dupes", {"GET /dupes"}},
      {"merge", {"POST /merges", "POST /merges/{id}/undo"}},
      {"import", {"POST /import", "POST /import/preview"}},
      {"export", {"GET /export"}},
      {"opp add", {"POST /opportunities"}},
      {"opp list", {"GET /opportunities"}},
      {"opp show", {"GET /opportunities/{id}"}},
      {"opp close", {"POST /opportunities/{id}/close"}},
      {"match", {"GET /opportunities/{id}/matches"}},
      {"tell", {"GET /tell"}},
      {"give", {"POST /gives"}},
      {"ask", {"POST /asks"}},
      {"intro", {"POST /intros"}},
      {"outcome", {"PATCH /ledger/{id}"}},
      {"ledger", {"GET /contacts/{id}/ledger"}},
      {"me", {"GET /me", "PUT /me"}},
      {"today", {"GET /agenda"}},
      {"event add", {"POST /events"}},
      {"event list", {"GET /events"}},
      {"event show", {"GET /events/{id}"}},
      {"met", {"POST /events/{id}/met"}},
      {"followup list", {"GET /followups"}},
      {"followup draft", {"GET /contacts/{id}/followup", "GET /contacts/{id}/followup.eml"}},
      {"followup done", {"POST /contacts/{id}/followup/done"}},
      {"followup send", {"POST /contacts/{id}/followup/send"}},
      {"followup template", {"GET /followup/template", "PUT /followup/template"}},
      {"smtp", {"GET /smtp", "PUT /smtp"}},
      {"log", {"POST /contacts/{id}/interactions"}},
      {"fact", {"GET /contacts/{id}/facts", "PUT /contacts/{id}/facts", "DELETE /contacts/{id}/facts"}},
      {"brief", {"GET /contacts/{id}/brief"}},
      {"listening", {"GET /listening", "GET /contacts/{id}/listening"}},
      {"remind", {"POST /contacts/{id}/reminders"}},
      {"remind list", {"GET /reminders"}},
      {"remind snooze", {"POST /reminders/{id}/snooze"}},
      {"remind dismiss", {"POST /reminders/{id}/dismiss"}},
      {"remind done", {"POST /reminders/{id}/done"}},
      {"cadence",
       {"GET /contacts/{id}/cadence", "PUT /contacts/{id}/cadence", "GET /cadences", "PUT /cadences"}},
      {"link", {"PUT /contacts/{id}/links"}},
      {"post add", {"POST /posts"}},
      {"post list", {"GET /posts"}},
      {"post cadence", {"GET /posts/cadence", "PUT /posts/cadence"}},
      {"ics",
       {"GET /reminders.ics", "GET /calendar/subscription", "POST /calendar/subscription/rotate",
        "DELETE /calendar/subscription"}},
      {"device add", {"POST /devices"}},
      {"device list", {"GET /devices"}},
      {"device revoke", {"DELETE /devices"}},
      {"scan", {"POST /scan", "POST /contacts/scanned"}},
      {"card", {"GET /me/card", "PUT /me/card", "GET /me/card/qr"}},
      // The members of the workspace signed in to, for its owners; a new
      // account is made as it is added (its first password in the body).
      {"account add", {"POST /workspace/members"}},
      {"workspace list", {"GET /workspace/members"}},
      {"workspace member",
       {"POST /workspace/members", "PATCH /workspace/members/{account}",
        "DELETE /workspace/members/{account}"}},
  };
  return *kActions;
}

// Commands (or subcommands) only the CLI has, and why.
const std::map<std::string, std::string>& CliOnly() {
  static const auto* const kCommands = new std::map<std::string, std::string>{
      {"serve", "it starts the web API itself"},
      {"passwd", "it sets the password that guards the web API: set on the machine, never through the API"},
      {"backup", "it writes a file on the server's disk; `kith serve --backup-every` runs it on a schedule"},
      {"check", "it checks the database file itself, with no server needed (or wanted) in between"},
      {"account list",
       "every account of the database, whichever workspaces it is in: the API shows an owner the members "
       "of the workspace signed in to, never the database's other accounts"},
      {"migrate",
       "it reads a personal file on the machine where it runs and fills a whole workspace in one "
       "transaction: run where the file and the database are, like pg_restore"},
      {"workspace add",
       "a new workspace is set up where the database is run: whoever signs in to the API works inside "
       "one workspace, and a new one has no member yet to sign in"},
  };
  return *kCommands;
}

// Routes only the API has, and why.
const std::map<std::string, std::string>& ApiOnly() {
  static const auto* const kRoutes = new std::map<std::string, std::string>{
      {"GET /session", "the web app's sign-in; the CLI opens the database file itself"},
      {"POST /session", "the web app's sign-in"},
      {"DELETE /session", "the web app's sign-out"},
      {"GET /suggestions",
       "the web app's filter suggestions as you type; a shell completes nothing from the database"},
      {"GET /contacts/{id}/card-image",
       "the contact page shows the card's photo kept by a scan; a terminal has no picture to show"},
  };
  return *kRoutes;
}

struct Output {
  int exit_code = -1;
  std::string text;
};

Output RunKith(const std::string& arguments) {
  const char* binary = std::getenv("KITH_BINARY");
  Output output;
  if (binary == nullptr) return output;
  FILE* pipe = popen((std::string(binary) + " " + arguments + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return output;
  char buffer[4096];
  for (std::size_t read = 0; (read = fread(buffer, 1, sizeof(buffer), pipe)) > 0;)
    output.text.append(buffer, read);
  output.exit_code = pclose(pipe);
  return output;
}

// The commands `kith` lists in its overview: "  name   What it does …".
std::vector<std::string> TopLevelCommands() {
  const Output overview = RunKith("");
  EXPECT_EQ(overview.exit_code, 0) << overview.text;
  std::vector<std::string> commands;
  const std::regex line(R"(^  ([a-z][a-z-]*)  +\S.*$)");
  std::istringstream in(overview.text);
  for (std::string text; std::getline(in, text);) {
    std::smatch match;
    if (std::regex_match(text, match, line)) commands.push_back(match[1]);
  }
  return commands;
}

// The subcommands `kith COMMAND --help` lists, if any.
std::vector<std::string> SubcommandsOf(const std::string& command) {
  const Output help = RunKith(command + " --help");
  EXPECT_EQ(help.exit_code, 0) << help.text;
  std::vector<std::string> subcommands;
  std::istringstream in(help.text);
  bool listing = false;
  const std::regex line(R"(^ +([a-z]+) +\S.*$)");
  for (std::string text; std::getline(in, text);) {
    if (text.empty()) {
      listing = false;
      continue;
    }
    if (std::regex_search(text, std::regex("^subcommands:", std::regex::icase))) {
      listing = true;
      continue;
    }
    std::smatch match;
    if (listing && std::regex_match(text, match, line)) subcommands.push_back(command + " " + match[1].str());
  }
  return subcommands;
}

std::set<std::string> ApiRouteNames() {
  http::SessionState state;
  std::set<std::string> names;
  for (const auto& route : http::ApiRoutes(state)) {
    names.insert(std::string(http::MethodName(route.method)) + " " + route.path);
  }
  return names;
}

TEST(FaceParity, EveryCommandHasItsRoutesOrAReason) {
  ASSERT_NE(std::getenv("KITH_BINARY"), nullptr) << "KITH_BINARY names the kith binary under test";
  std::set<std::string> paired;
  for (const auto& action : BothFaces()) paired.insert(action.command);
  const std::vector<std::string> commands = TopLevelCommands();
  ASSERT_GT(commands.size(), 30U) << "the overview lists the commands";
  for (const auto& command : commands) {
    const std::vector<std::string> subcommands = SubcommandsOf(command);
    if (subcommands.empty()) {
      EXPECT_TRUE(paired.contains(command) || CliOnly().contains(command))
          << "`kith " << command << "` has no API route: add one, or say why in CliOnly()";
    }
    for (const auto& subcommand : subcommands) {
      EXPECT_TRUE(paired.contains(subcommand) || CliOnly().contains(command) ||
                  CliOnly().contains(subcommand))
          << "`kith " << subcommand << "` has no API route: add one, or say why in CliOnly()";
    }
  }
}

TEST(FaceParity, EveryRouteNamedForACommandExists) {
  const std::set<std::string> routes = ApiRouteNames();
  for (const auto& action : BothFaces()) {
    for (const auto& route : action.routes) {
      EXPECT_TRUE(routes.contains(route))
          << "`kith " << action.command << "` names " << route << ", which the API does not have";
    }
  }
}

TEST(FaceParity, EveryRouteHasItsCommandOrAReason) {
  std::set<std::string> claimed;
  for (const auto& action : BothFaces()) claimed.insert(action.routes.begin(), action.routes.end());
  for (const auto& route : ApiRouteNames()) {
    EXPECT_TRUE(claimed.contains(route) || ApiOnly().contains(route))
        << route << " does what no kith command does: add the command, or say why in ApiOnly()";
  }
}

// GET /today was a leftover copy of GET /agenda, which `kith today` mirrors.
TEST(FaceParity, TheAgendaHasOneRoute) {
  const std::set<std::string> routes = ApiRouteNames();
  EXPECT_TRUE(routes.contains("GET /agenda"));
  EXPECT_FALSE(routes.contains("GET /today"));
}

}  // namespace
}  // namespace kith::testing
