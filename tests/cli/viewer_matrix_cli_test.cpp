// Every command that writes, run by a viewer: each is refused by the role
// check in src/app/ (BeginWrite) with the same sentence, exit 1, and the
// workspace is exactly as it was. The list of commands comes from kith's
// own overview, so a new command fails this test until it is placed here,
// as a write (with a run that must be refused) or as a read.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/team_fixture.h"
#include "support/temp_database.h"

namespace kith::testing {
namespace {

using Args = std::vector<std::string>;

// Commands that only read the workspace (or write outside it: a file).
const std::set<std::string> kReads = {"show",  "list",      "search", "dupes",  "match", "tell",  "ledger",
                                      "today", "listening", "brief",  "export", "check", "backup"};
// Commands about the directory itself, tested in team_cli_test.cpp: accounts
// and workspaces need no workspace, and only owners manage members. migrate
// (migrate_cli_test.cpp) fills an empty workspace as its owner, guarded by
// the database's own credentials like `workspace add`; into acme, which
// holds cards, it is refused for anyone.
const std::set<std::string> kDirectory = {"account", "workspace", "serve", "migrate"};

// The top-level commands kith's overview lists.
std::set<std::string> OverviewCommands() {
  const KithRun overview = RunKith({});
  std::set<std::string> commands;
  const std::regex line(R"(^  ([a-z][a-z-]*)\s{2,})");
  std::istringstream lines(overview.out);
  for (std::string text; std::getline(lines, text);) {
    std::smatch match;
    if (std::regex_search(text, match, line)) commands.insert(match[1]);
  }
  return commands;
}

class ViewerMatrix : public TeamCli {
 protected:
  // acme as its owner left it: cards 1, 2 (met yesterday, so its
  // follow-up is open: reminder 1) and 3 (in the trash); an opportunity, a
  // give, an event, a reminder (2), a device, SMTP settings and a calendar
  // address.
  void SetUp() override {
    SetUpTwoWorkspaces();
    for (const Args& args : std::vector<Args>{
             {"add", "--name", "Second Person", "--email", "second@acme.example", "--met-on", "2026-11-25",
              "--met-at", "Meetup"},
             {"add", "--name", "Trashed Person"},
             {"rm", "3"},
             {"opp", "add", "Staff engineer", "--kind", "job"},
             {"give", "1", "--what", "an introduction"},
             {"remind", "1", "--on", "2026-12-10", "--note", "send the deck"},
             {"device", "add", "phone", "--server", "https://kith.example"},
             {"smtp", "--host", "127.0.0.1", "--port", "1", "--from", "ada@acme.example"},
             {"ics", "--url", "--server", "https://kith.example"},
         }) {
      Succeeds(As("ada", "acme", args));
    }
    std::ofstream csv(directory_.path() / "people.csv");
    csv << "Name,Email\nImported Person,imported@acme.example\n";
  }

  // What a viewer could have changed, as acme's owner sees it.
  [[nodiscard]] std::string Workspace() const {
    std::string state;
    for (const Args& args : std::vector<Args>{{"export", "--format", "json"},
                                              {"list", "--json", "--trash"},
                                              {"remind", "list", "--json"},
                                              {"opp", "list", "--json", "--closed"},
                                              {"device", "list", "--json"},
                                              {"event", "list", "--json"},
                                              {"post", "list", "--json"},
                                              {"me", "--json"},
                                              {"ics", "--url", "--server", "https://kith.example"}}) {
      const KithRun run = As("ada", "acme", args);
      EXPECT_EQ(run.exit_code, 0) << Described(run);
      state += run.out;
    }
    return state;
  }

  // The runs of every writing command, each of which a viewer must be refused.
  [[nodiscard]] std::map<std::string, std::vector<Args>> Writes() const {
    const std::string csv = (directory_.path() / "people.csv").string();
    const std::string card = std::string(KITH_SCAN_CORPUS) + "/qr_000.jpg";
    return {
        {"add", {{"add", "--name", "Planted Person"}}},
        {"edit", {{"edit", "1", "--title", "Changed"}}},
        {"rm", {{"rm", "1"}}},
        {"restore", {{"restore", "3"}}},
        {"empty-trash", {{"empty-trash", "--yes"}}},
        {"gen", {{"gen", "3"}}},
        {"import", {{"import", csv}}},
        {"merge", {{"merge", "1", "2"}}},
        {"opp", {{"opp", "add", "Another job"}, {"opp", "close", "1"}}},
        {"give", {{"give", "2", "--what", "a book"}}},
        {"ask", {{"ask", "1", "--what", "feedback"}}},
        {"intro", {{"intro", "1", "2", "--why", "both build robots"}}},
        {"outcome", {{"outcome", "1", "thanked"}}},
        {"me", {{"me", "--skill", "C++"}}},
        {"event", {{"event", "add", "Another Meetup", "--on", "2026-11-21"}}},
        {"met", {{"met", "Someone New", "--at", "Meetup"}}},
        {"followup", {{"followup", "done", "2"}, {"followup", "send", "2"}}},
        {"smtp", {{"smtp", "--host", "smtp.example.com", "--from", "cy@acme.example"}}},
        {"log", {{"log", "1", "--kind", "coffee"}}},
        {"fact", {{"fact", "1", "--personal", "hometown", "Pilsen"}}},
        {"cadence", {{"cadence", "1", "30"}}},
        {"remind",
         {{"remind", "1", "--on", "2026-12-11", "--note", "x"},
          {"remind", "snooze", "2", "--until", "2026-12-20"},
          {"remind", "done", "2"},
          {"remind", "dismiss", "2"}}},
        {"link", {{"link", "1", "--linkedin", "https://www.linkedin.com/in/acme-person"}}},
        {"post", {{"post", "add", "--channel", "linkedin", "--topic", "robots"}}},
        // A member's calendar address is their own (docs/team.md): a viewer,
        // who keeps no loop, is refused making one as well as replacing it.
        {"ics",
         {{"ics", "--url", "--server", "https://kith.example"},
          {"ics", "--rotate", "--server", "https://kith.example"},
          {"ics", "--revoke"}}},
        {"card", {{"card", "--title", "Viewer"}}},
        {"scan", {{"scan", card, "--save"}}},
        {"device",
         {{"device", "add", "tablet", "--server", "https://kith.example"}, {"device", "revoke", "phone"}}},
        {"passwd", {{"passwd"}}},
    };
  }

  TempDirectory directory_;
};

TEST_F(ViewerMatrix, EveryCommandIsAReadOrAWriteAViewerIsRefused) {
  const auto writes = Writes();
  const std::set<std::string> commands = OverviewCommands();
  ASSERT_GT(commands.size(), 40U);
  for (const std::string& command : commands) {
    const bool placed = kReads.count(command) + kDirectory.count(command) + writes.count(command) == 1;
    EXPECT_TRUE(placed)
        << "`kith " << command
        << "` is new (or placed twice): add it to this matrix as a write, with a run a viewer "
           "must be refused, or as a read";
  }
}

TEST_F(ViewerMatrix, AViewerIsRefusedEveryWriteAndNothingChanges) {
  const std::string before = Workspace();
  for (const auto& [command, runs] : Writes()) {
    for (const Args& args : runs) {
      KithRun run;
      if (command == "passwd") {
        const CommandOutput piped =
            RunCommand("printf '%s\\n' 'a new server password' | '" + Binary() + "' --db '" +
                       database_.url() + "' --user cy --workspace acme passwd 2>&1");
        run = {piped.status == 0 ? 0 : 1, "", piped.text};
      } else {
        run = As("cy", "acme", args);
      }
      std::string joined;
      for (const auto& arg : args) joined += arg + " ";
      EXPECT_EQ(run.exit_code, 1) << "kith " << joined << "\n" << Described(run);
      EXPECT_TRUE(Contains(run.err, "viewer cy cannot ")) << "kith " << joined;
      EXPECT_TRUE(Contains(run.err, " in workspace acme: only an owner or editor can")) << "kith " << joined;
    }
  }
  EXPECT_EQ(Workspace(), before) << "a viewer's refused writes changed the workspace";
}

TEST_F(ViewerMatrix, AViewerReadsEverything) {
  for (const Args& args : std::vector<Args>{{"show", "1"},
                                            {"list"},
                                            {"list", "--sort", "health"},
                                            {"search", "acme"},
                                            {"dupes"},
                                            {"match", "1"},
                                            {"ledger", "1"},
                                            {"today"},
                                            {"brief", "1"},
                                            {"listening"},
                                            {"export", "--format", "csv"},
                                            {"event", "show", "Meetup"},
                                            {"followup", "list"},
                                            {"followup", "draft", "2"},
                                            {"opp", "list"},
                                            {"remind", "list"},
                                            {"post", "list"},
                                            {"device", "list"},
                                            {"ics"}}) {
    const KithRun run = As("cy", "acme", args);
    EXPECT_EQ(run.exit_code, 0) << args.front() << "\n" << Described(run);
  }
}

}  // namespace
}  // namespace kith::testing
