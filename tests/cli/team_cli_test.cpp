// A team on PostgreSQL, from outside (team_fixture.h): accounts,
// workspaces, members and their roles, and isolation between workspaces.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "cli/team_fixture.h"
#include "support/temp_database.h"

namespace kith::testing {
namespace {

TEST_F(TeamCli, AnAccountsPasswordComesFromStdinAndIsNeverShown) {
  const CommandOutput added = AddAccount("ada", kPassword);
  ASSERT_EQ(added.status, 0) << added.text;
  EXPECT_EQ(added.text.find(kPassword), std::string::npos) << added.text;
  const KithRun listed = Kith({"account", "list", "--json"});
  Succeeds(listed);
  const json accounts = json::parse(listed.out);
  ASSERT_EQ(accounts.size(), 1U);
  EXPECT_EQ(accounts[0].at("name"), "ada");
  EXPECT_EQ(listed.out.find("argon2"), std::string::npos) << "no hash is ever printed";
  auto connection = postgres::Connection::Open(database_.url());
  ASSERT_TRUE(connection);
  auto stored = (*connection)->Query("SELECT password_hash FROM accounts WHERE name = 'ada'");
  ASSERT_TRUE(stored);
  EXPECT_TRUE(stored->Text(0, 0).starts_with("$argon2id$")) << "kept as an argon2id hash";
}

TEST_F(TeamCli, AnAccountIsRefusedAShortPasswordABadNameOrATakenName) {
  EXPECT_NE(AddAccount("ada", "short").status, 0);
  EXPECT_NE(AddAccount("ada lovelace", kPassword).status, 0);
  ASSERT_EQ(AddAccount("ada", kPassword).status, 0);
  const CommandOutput again = AddAccount("ada", kPassword);
  EXPECT_NE(again.status, 0);
  EXPECT_TRUE(Contains(again.text, "already exists"));
  const KithRun listed = Kith({"account", "list", "--json"});
  EXPECT_EQ(json::parse(listed.out).size(), 1U) << "nothing else was written";
}

TEST_F(TeamCli, AMemberOfOneWorkspaceNeverSeesAnothersCards) {
  SetUpTwoWorkspaces();
  const std::vector<std::string> acme = {"Acme Person"};
  const std::vector<std::string> beta = {"Beta Person"};
  for (const char* member : {"ada", "bo", "cy"}) EXPECT_EQ(CardsSeenBy(member, "acme"), acme) << member;
  EXPECT_EQ(CardsSeenBy("dee", "beta"), beta);
  const KithRun search = As("cy", "acme", {"search", "person", "--json"});
  Succeeds(search);
  EXPECT_EQ(Names(json::parse(search.out)), acme);
  const KithRun by_email = As("bo", "acme", {"search", "beta.example", "--json"});
  Succeeds(by_email);
  EXPECT_TRUE(json::parse(by_email.out).empty()) << by_email.out;
  const KithRun exported = As("bo", "acme", {"export", "--format", "json"});
  Succeeds(exported);
  EXPECT_EQ(exported.out.find("Beta Person"), std::string::npos);
}

TEST_F(TeamCli, OnlyMembersWorkInAWorkspace) {
  SetUpTwoWorkspaces();
  const KithRun stranger = As("ada", "beta", {"list"});
  EXPECT_EQ(stranger.exit_code, 1) << Described(stranger);
  EXPECT_TRUE(Contains(stranger.err, "ada is no member of workspace beta"));
  const KithRun nobody = Kith({"list"});
  EXPECT_EQ(nobody.exit_code, 1);
  EXPECT_TRUE(Contains(nobody.err, "--user"));
  const KithRun unknown = As("zed", "acme", {"list"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_TRUE(Contains(unknown.err, "no account named 'zed'"));
  const KithRun no_workspace = As("ada", "gamma", {"list"});
  EXPECT_EQ(no_workspace.exit_code, 1);
  EXPECT_TRUE(Contains(no_workspace.err, "no workspace named 'gamma'"));
  const KithRun from_environment =
      RunKith({"--db", database_.url(), "list", "--json"}, {{"KITH_USER", "bo"}, {"KITH_WORKSPACE", "acme"}});
  Succeeds(from_environment);
  EXPECT_EQ(Names(json::parse(from_environment.out)), std::vector<std::string>{"Acme Person"});
  const KithRun serve = As("ada", "acme", {"serve", "--port", "0"});
  EXPECT_EQ(serve.exit_code, 1) << "kith serve signs each member in itself";
  EXPECT_TRUE(Contains(serve.err, "--user and --workspace are not for it")) << serve.err;
}

TEST_F(TeamCli, AnEditorWritesCardsAndTheLoop) {
  SetUpTwoWorkspaces();
  Succeeds(As("bo", "acme", {"add", "--name", "Added By Editor"}));
  Succeeds(As("bo", "acme", {"log", "Acme Person", "--kind", "coffee", "--summary", "talked shop"}));
  Succeeds(As("bo", "acme", {"cadence", "Acme Person", "30"}));
  EXPECT_EQ(CardsSeenBy("cy", "acme"), (std::vector<std::string>{"Acme Person", "Added By Editor"}));
  EXPECT_EQ(CardsSeenBy("dee", "beta"), std::vector<std::string>{"Beta Person"});
}

TEST_F(TeamCli, OnlyAnOwnerManagesMembersAndAWorkspaceKeepsAnOwner) {
  SetUpTwoWorkspaces();
  const KithRun by_editor =
      Kith({"--user", "bo", "workspace", "member", "add", "acme", "dee", "--role", "viewer"});
  EXPECT_EQ(by_editor.exit_code, 1);
  EXPECT_TRUE(Contains(by_editor.err, "editor bo cannot manage the members of acme"));
  const KithRun by_nobody = Kith({"workspace", "member", "rm", "acme", "cy"});
  EXPECT_EQ(by_nobody.exit_code, 1);
  EXPECT_TRUE(Contains(by_nobody.err, "only an owner"));
  const KithRun last_owner = Kith({"--user", "ada", "workspace", "member", "rm", "acme", "ada"});
  EXPECT_EQ(last_owner.exit_code, 1);
  EXPECT_TRUE(Contains(last_owner.err, "last owner"));
  const KithRun demoted =
      Kith({"--user", "ada", "workspace", "member", "add", "acme", "ada", "--role", "editor"});
  EXPECT_EQ(demoted.exit_code, 1);
  EXPECT_TRUE(Contains(demoted.err, "last owner"));
  Succeeds(Kith({"--user", "ada", "workspace", "member", "add", "acme", "bo", "--role", "owner"}));
  Succeeds(Kith({"--user", "bo", "workspace", "member", "rm", "acme", "ada"}));
  const KithRun listed = Kith({"workspace", "list", "--json"});
  Succeeds(listed);
  const json workspaces = json::parse(listed.out);
  ASSERT_EQ(workspaces.size(), 3U) << listed.out;  // acme, beta and the database's first, default
  EXPECT_EQ(workspaces[0].at("name"), "acme");
  EXPECT_EQ(workspaces[0].at("members"),
            json::parse(R"([{"account": "bo", "role": "owner"}, {"account": "cy", "role": "viewer"}])"));
  const KithRun gone = As("ada", "acme", {"list"});
  EXPECT_EQ(gone.exit_code, 1) << "a removed member no longer works in the workspace";
}

TEST_F(TeamCli, TheWorkspaceOfADatabaseBeforeAccountsGetsItsFirstOwner) {
  Succeeds(Kith({"add", "--name", "Before Accounts"}));
  Succeeds(Kith({"remind", "Before Accounts", "--on", kToday, "--note", "from before accounts"}));
  Succeeds(Kith({"log", "Before Accounts", "--kind", "note", "--summary", "a private note", "--private"}));
  ASSERT_EQ(AddAccount("ada", kPassword).status, 0);
  ASSERT_EQ(AddAccount("bo", kPassword).status, 0);
  const KithRun locked = Kith({"list"});
  EXPECT_EQ(locked.exit_code, 1) << "with accounts, nobody works unnamed";
  Succeeds(Kith({"workspace", "add", "default", "--owner", "ada"}));
  EXPECT_EQ(CardsSeenBy("ada", "default"), std::vector<std::string>{"Before Accounts"});
  // The database was one person's: its first owner takes over their loop.
  const KithRun reminders = As("ada", "default", {"remind", "list"});
  Succeeds(reminders);
  EXPECT_TRUE(Contains(reminders.out, "from before accounts"));
  const KithRun notes = As("ada", "default", {"show", "Before Accounts"});
  Succeeds(notes);
  EXPECT_TRUE(Contains(notes.out, "a private note  — logged by ada  (private)"));
  Succeeds(Kith({"--user", "ada", "workspace", "member", "add", "default", "bo", "--role", "editor"}));
  const KithRun by_bo = As("bo", "default", {"show", "Before Accounts"});
  Succeeds(by_bo);
  EXPECT_EQ(by_bo.out.find("a private note"), std::string::npos) << by_bo.out;
  const KithRun taken = Kith({"workspace", "add", "default", "--owner", "ada"});
  EXPECT_EQ(taken.exit_code, 1);
  EXPECT_TRUE(Contains(taken.err, "already exists"));
}

// What is shared and what is mine (docs/team.md), from outside: in acme,
// ada keeps a private fact, a private call (with a fact learned in it), a
// reminder and a cadence; bo (an editor) and cy (a viewer) share the card
// and ada's shared coffee, which says who logged it, and see nothing of the
// rest in any face. Every secret is a word found nowhere else.
TEST_F(TeamCli, APrivateFactOrInteractionAndTheLoopStayTheirAuthors) {
  SetUpTwoWorkspaces();
  const std::string card = "Acme Person";
  Succeeds(As("ada", "acme", {"fact", card, "--personal", "family", "Zephyrine twins", "--private"}));
  Succeeds(As("ada", "acme", {"fact", card, "--professional", "goal", "open a studio"}));
  Succeeds(As("ada", "acme",
              {"log", card, "--kind", "call", "--summary", "Quixotic worries", "--they-talked", "80",
               "--fact", "personal:hobby=Xylophonics", "--private"}));
  Succeeds(As("ada", "acme",
              {"log", card, "--kind", "coffee", "--summary", "shared studio plans", "--they-talked", "60"}));
  Succeeds(As("ada", "acme", {"remind", card, "--on", kToday, "--note", "Vellichor deck"}));
  Succeeds(As("ada", "acme", {"cadence", card, "21"}));
  const std::vector<std::string> secrets = {"Zephyrine", "Quixotic", "Xylophonics", "Vellichor"};
  const std::vector<std::vector<std::string>> faces = {
      {"show", card},
      {"show", card, "--json"},
      {"fact", card, "--json"},
      {"brief", card},
      {"brief", card, "--json"},
      {"today"},
      {"today", "--json"},
      {"remind", "list", "--json"},
      {"ics"},
      {"listening", "--json"},
      {"export", "--format", "json"},
      {"export", "--format", "csv"},
      {"export", "--format", "vcard"},
      {"search", "Zephyrine", "--json"},
      {"search", "Quixotic", "--json"},
      {"search", "Xylophonics", "--json"},
  };
  for (const char* member : {"bo", "cy"}) {
    for (const auto& face : faces) {
      const KithRun run = As(member, "acme", face);
      ASSERT_EQ(run.exit_code, 0) << member << " " << face.front() << ": " << Described(run);
      for (const std::string& secret : secrets) {
        EXPECT_EQ(run.out.find(secret), std::string::npos)
            << member << " sees '" << secret << "' in kith " << face.front() << " " << face.back() << ":\n"
            << run.out;
      }
    }
  }

  const KithRun bo_show = As("bo", "acme", {"show", card});
  Succeeds(bo_show);
  EXPECT_TRUE(Contains(bo_show.out, "open a studio")) << "a shared fact is the workspace's";
  EXPECT_TRUE(Contains(bo_show.out, "shared studio plans  — logged by ada"));
  const json bo_json = json::parse(As("bo", "acme", {"show", card, "--json"}).out);
  ASSERT_EQ(bo_json.at("interactions").size(), 1U);
  EXPECT_EQ(bo_json.at("interactions")[0].at("author"), "ada");
  EXPECT_EQ(bo_json.at("interactions")[0].at("private"), false);
  EXPECT_TRUE(bo_json.at("reminders").empty());
  EXPECT_TRUE(bo_json.at("cadence").at("own_days").is_null()) << "ada's cadence is hers";
  EXPECT_EQ(json::parse(As("bo", "acme", {"cadence", card, "--json"}).out).at("own_days"), nullptr);

  const KithRun ada_show = As("ada", "acme", {"show", card});
  Succeeds(ada_show);
  for (const char* hers : {"Zephyrine twins  (private)", "Xylophonics  (private)",
                           "Quixotic worries  — logged by ada  (private)", "shared studio plans"}) {
    EXPECT_TRUE(Contains(ada_show.out, hers)) << "ada sees all hers";
  }
  const json ada_json = json::parse(As("ada", "acme", {"show", card, "--json"}).out);
  EXPECT_EQ(ada_json.at("interactions").size(), 2U);
  EXPECT_EQ(ada_json.at("reminders").size(), 2U) << "the deck, and the reconnect her cadence plans";
  EXPECT_EQ(ada_json.at("cadence").at("own_days"), 21);
  for (const auto& face : std::vector<std::vector<std::string>>{{"today"}, {"ics"}, {"remind", "list"}}) {
    const KithRun run = As("ada", "acme", face);
    Succeeds(run);
    EXPECT_TRUE(Contains(run.out, "Vellichor")) << "ada's own reminder, in kith " << face.front();
  }
  const KithRun ada_export = As("ada", "acme", {"export", "--format", "json"});
  Succeeds(ada_export);
  for (const std::string& secret : secrets) EXPECT_TRUE(Contains(ada_export.out, secret));
}

// Health is scored as its reader sees the person, and the stored scores a
// list by health walks are each member's own: ada, who met Lin twice in
// private, and bo, who met Max twice in private, each see their own
// meetings' person as the healthier, in `list --sort health` and in
// `show`, however their lists interleave — one score per card for the
// workspace held whoever listed last. A shared coffee afterwards moves the
// person up on every member's stored scores.
TEST_F(TeamCli, EachMemberListsByTheirOwnHealth) {
  SetUpTwoWorkspaces();
  Succeeds(As("ada", "acme", {"add", "--name", "Lin Park"}));
  Succeeds(As("ada", "acme", {"add", "--name", "Max Stone"}));
  const auto meet = [this](const char* member, const char* person) {
    for (const char* kind : {"coffee", "call"}) {
      Succeeds(As(member, "acme",
                  {"log", person, "--kind", kind, "--summary", "catching up", "--they-talked", "50", "--fact",
                   "personal:hobby=chess", "--private"}));
    }
  };
  meet("ada", "Lin Park");
  meet("bo", "Max Stone");
  const auto by_health = [this](const char* member) {
    const KithRun run = As(member, "acme", {"list", "--sort", "health", "--json"});
    Succeeds(run);
    return Names(json::parse(run.out));
  };
  const auto score_of = [this](const char* member, const char* person) {
    const KithRun run = As(member, "acme", {"list", "--sort", "health", "--json"});
    Succeeds(run);
    for (const auto& listed : json::parse(run.out)) {
      if (listed.at("name") == person) return listed.at("health").at("score").get<int>();
    }
    ADD_FAILURE() << person << " not listed for " << member;
    return -1;
  };
  const std::vector<std::string> adas = {"Acme Person", "Max Stone", "Lin Park"};
  const std::vector<std::string> bos = {"Acme Person", "Lin Park", "Max Stone"};
  for (int round = 0; round < 2; ++round) {
    EXPECT_EQ(by_health("ada"), adas) << "round " << round;
    EXPECT_EQ(by_health("bo"), bos) << "round " << round;
  }
  EXPECT_GT(score_of("ada", "Lin Park"), score_of("bo", "Lin Park"));
  EXPECT_GT(score_of("bo", "Max Stone"), score_of("ada", "Max Stone"));
  const json ada_lin = json::parse(As("ada", "acme", {"show", "Lin Park", "--json"}).out);
  EXPECT_EQ(ada_lin.at("health").at("score").get<int>(), score_of("ada", "Lin Park"))
      << "the list's stored score is the one show computes for her";

  // Each kept a sheet of scores of their own, and cy (a viewer) one too.
  EXPECT_EQ(by_health("cy"), (std::vector<std::string>{"Acme Person", "Lin Park", "Max Stone"}));
  auto connection = postgres::Connection::Open(database_.admin_url());
  ASSERT_TRUE(connection) << connection.error().message;
  auto sheets =
      (*connection)
          ->Query(
              "SELECT string_agg(author || ':' || count, ',' ORDER BY author) FROM (SELECT author, count(*) "
              "FROM contact_health h JOIN workspaces w ON w.id = h.workspace_id WHERE w.name = 'acme' "
              "GROUP BY author) s");
  ASSERT_TRUE(sheets) << sheets.error().message;
  EXPECT_EQ(sheets->Text(0, 0), "ada:3,bo:3,cy:3");

  // A shared coffee with Acme Person is everyone's: it marks the card on
  // every sheet, so bo's stored list moves her up too.
  Succeeds(As("ada", "acme",
              {"log", "Acme Person", "--kind", "coffee", "--summary", "team lunch", "--they-talked", "50",
               "--fact", "personal:hobby=go"}));
  Succeeds(As("ada", "acme", {"log", "Acme Person", "--kind", "call", "--summary", "follow-up"}));
  Succeeds(As("ada", "acme", {"log", "Acme Person", "--kind", "call", "--summary", "another"}));
  EXPECT_NE(by_health("bo").front(), "Acme Person");
  EXPECT_EQ(by_health("bo").front(), "Lin Park");
}

TEST(TeamCliOnAFile, AccountsAndWorkspacesNeedPostgres) {
  const TempDirectory directory;
  const std::string file = (directory.path() / "kith.db").string();
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"account", "list"}, {"workspace", "list"}, {"workspace", "add", "acme", "--owner", "ada"}}) {
    std::vector<std::string> all = {"--db", file};
    all.insert(all.end(), args.begin(), args.end());
    const KithRun run = RunKith(all);
    EXPECT_EQ(run.exit_code, 1) << Described(run);
    EXPECT_TRUE(Contains(run.err, "need a shared PostgreSQL database"));
  }
  const KithRun named = RunKith({"--db", file, "--user", "ada", "--workspace", "acme", "list"});
  EXPECT_EQ(named.exit_code, 1);
  EXPECT_TRUE(Contains(named.err, "a personal file has one person"));
}

}  // namespace
}  // namespace kith::testing
