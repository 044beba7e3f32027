// The command line, driven from outside: each test runs the real `kith`
// binary on its own database, with the date pinned, and checks what it
// prints, how it exits, and what it left in the database (CLI.md). show,
// edit, remove, list and search run on both stores; help, where the SQLite
// file is made, and bad input (a read-only or newer file among it) on SQLite.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <linux/fs.h>
#include <sqlite3.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "cli/cli_fixture.h"
#include "cli/run_kith.h"
#include "support/temp_database.h"

namespace kith::testing {
namespace {

// ---------------------------------------------------------------- help and usage

using CliHelp = CliTest;

TEST_F(CliHelp, NoArgumentsPrintsTheOverview) {
  const KithRun run = RunKith({});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  for (const char* command : {"add", "show", "edit", "rm", "restore", "list", "search", "gen"}) {
    EXPECT_TRUE(Contains(run.out, std::string("\n  ") + command + " ")) << command;
  }
}

TEST_F(CliHelp, HelpFlagShowsExamples) {
  const KithRun run = RunKith({"--help"});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  EXPECT_TRUE(Contains(run.out, "kith add --name"));
}

TEST_F(CliHelp, CommandHelpShowsExamples) {
  const KithRun run = RunKith({"add", "--help"});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  EXPECT_TRUE(Contains(run.out, "Examples:"));
  EXPECT_TRUE(Contains(run.out, "kith add --name \"Ada Okafor\""));
  EXPECT_TRUE(Contains(run.out, "--email"));
}

TEST_F(CliHelp, UnknownCommandIsAUsageError) {
  const KithRun run = Kith({"frobnicate"});
  EXPECT_EQ(run.exit_code, 2) << Described(run);
  EXPECT_TRUE(Contains(run.err, "frobnicate"));
  EXPECT_FALSE(std::filesystem::exists(database_)) << "a usage error must not create the database";
}

TEST_F(CliHelp, UnknownFlagIsAUsageError) {
  const KithRun run = Kith({"list", "--frobnicate"});
  EXPECT_EQ(run.exit_code, 2) << Described(run);
  EXPECT_TRUE(Contains(run.err, "--frobnicate"));
}

TEST_F(CliHelp, UnknownSortIsAUsageError) {
  const KithRun run = Kith({"list", "--sort", "shoe-size"});
  EXPECT_EQ(run.exit_code, 2) << Described(run);
  EXPECT_TRUE(Contains(run.err, "shoe-size"));
}

// ---------------------------------------------------------------- where the database is

using CliDatabase = CliTest;

TEST_F(CliDatabase, GlobalOptionsMayFollowTheCommand) {
  const KithRun run = RunKith({"add", "--name", "Ada Okafor", "--db", database_, "--json"});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  EXPECT_EQ(json::parse(run.out).at("name"), "Ada Okafor");
  EXPECT_EQ(ListNames(), std::vector<std::string>{"Ada Okafor"});
}

TEST_F(CliDatabase, KithDbEnvironmentVariableChoosesTheFile) {
  const KithRun run = RunKith({"add", "--name", "Ada Okafor"}, {{"KITH_DB", database_}});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  EXPECT_EQ(ListNames(), std::vector<std::string>{"Ada Okafor"});
}

TEST_F(CliDatabase, DefaultsToTheFileUnderHome) {
  const TempDirectory home;
  const KithRun run = RunKith({"add", "--name", "Ada Okafor"}, {{"HOME", home.path().string()}});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  EXPECT_TRUE(std::filesystem::is_regular_file(home.path() / ".local/share/kith/kith.db"));
}

// ---------------------------------------------------------------- add and show

class CliShow : public CliTestOnBothStores {};
KITH_ON_BOTH_STORES(CliShow);

TEST_P(CliShow, ShowsAnAddedPersonById) {
  const std::int64_t id = Add("Ada Okafor", {"--company", "Acme Robotics"});
  const json card = Show(id);
  EXPECT_EQ(card.at("id"), id);
  EXPECT_EQ(card.at("name"), "Ada Okafor");
  EXPECT_EQ(card.at("company"), "Acme Robotics");
}

TEST_P(CliShow, PrintsTheCardAsText) {
  const std::int64_t id = Add("Ada Okafor", {"--company", "Acme Robotics", "--email", "ada@acme.com"});
  const KithRun run = Kith({"show", std::to_string(id)});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  EXPECT_TRUE(Contains(run.out, "Ada Okafor"));
  EXPECT_TRUE(Contains(run.out, "#" + std::to_string(id)));
  EXPECT_TRUE(Contains(run.out, "ada@acme.com"));
}

TEST_P(CliShow, ShowsByFullName) {
  Add("Ravi Menon");
  const std::int64_t id = Add("Ada Okafor");
  EXPECT_EQ(KithJson({"show", "Ada Okafor"}).at("id"), id);
}

TEST_P(CliShow, ShowsByPartOfTheName) {
  Add("Ravi Menon");
  const std::int64_t id = Add("Ada Okafor");
  EXPECT_EQ(KithJson({"show", "okafor"}).at("id"), id);
  EXPECT_EQ(KithJson({"show", "Okaf"}).at("id"), id);
}

TEST_P(CliShow, JsonHasTheContractKeys) {
  const std::int64_t id = Add("Ada Okafor", {"--company",     "Acme Robotics",
                                             "--title",       "CTO",
                                             "--email",       "ada@acme.com",
                                             "--phone",       "+1 312 555 0100",
                                             "--linkedin",    "https://www.linkedin.com/in/ada",
                                             "--connected",   "--tag",
                                             "mentor",        "--skill",
                                             "robotics",      "--interest",
                                             "climbing",      "--city",
                                             "Chicago",       "--met-at",
                                             "PyCon US 2026", "--met-on",
                                             "2026-05-15",    "--open-to-opportunities"});
  const json card = Show(id);
  ASSERT_TRUE(card.is_object()) << card.dump();
  EXPECT_EQ(card.at("id"), id);
  EXPECT_TRUE(card.at("uid").is_string());
  EXPECT_FALSE(card.at("uid").get<std::string>().empty());
  EXPECT_EQ(card.at("name"), "Ada Okafor");
  EXPECT_EQ(card.at("company"), "Acme Robotics");
  EXPECT_EQ(card.at("title"), "CTO");
  EXPECT_EQ(card.at("emails"), json({"ada@acme.com"}));
  ASSERT_EQ(card.at("phones").size(), 1u);
  EXPECT_TRUE(card.at("phones")[0].is_string());
  ASSERT_EQ(card.at("links").size(), 1u);
  EXPECT_EQ(card.at("links")[0].at("kind"), "linkedin");
  EXPECT_EQ(card.at("links")[0].at("url"), "https://www.linkedin.com/in/ada");
  EXPECT_EQ(card.at("links")[0].at("connected"), true);
  EXPECT_EQ(card.at("tags"), json({"mentor"}));
  EXPECT_EQ(card.at("skills"), json({"robotics"}));
  EXPECT_EQ(card.at("interests"), json({"climbing"}));
  EXPECT_EQ(card.at("city"), "Chicago");
  EXPECT_EQ(card.at("met_at"), "PyCon US 2026");
  EXPECT_EQ(card.at("met_on"), "2026-05-15");
  EXPECT_EQ(card.at("open_to_opportunities"), true);
  EXPECT_TRUE(card.contains("last_contact"));
  EXPECT_EQ(KithJson({"add", "--name", "Ravi Menon"}).at("name"), "Ravi Menon")
      << "add --json prints the card";
}

TEST_P(CliShow, AmbiguousNameListsEveryCandidateWithItsId) {
  const std::int64_t garcia = Add("Maria Garcia");
  const std::int64_t lopez = Add("Maria Lopez");
  const KithRun run = Kith({"show", "maria"});
  EXPECT_EQ(run.exit_code, 1) << Described(run);
  EXPECT_TRUE(Contains(run.err, std::to_string(garcia) + "  Maria Garcia"));
  EXPECT_TRUE(Contains(run.err, std::to_string(lopez) + "  Maria Lopez"));
  EXPECT_TRUE(run.out.empty()) << run.out;
}

TEST_P(CliShow, UnknownIdFailsAndChangesNothing) {
  Add("Ada Okafor");
  const std::string before = Snapshot();
  const KithRun run = Kith({"show", "999999"});
  EXPECT_EQ(run.exit_code, 1) << Described(run);
  EXPECT_TRUE(Contains(run.err, "no contact with id 999999"));
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(CliShow, UnknownNameFails) {
  Add("Ada Okafor");
  const KithRun run = Kith({"show", "Nobody Here"});
  EXPECT_EQ(run.exit_code, 1) << Described(run);
  EXPECT_TRUE(Contains(run.err, "Nobody Here"));
}

// ---------------------------------------------------------------- edit

class CliEdit : public CliTestOnBothStores {};
KITH_ON_BOTH_STORES(CliEdit);

TEST_P(CliEdit, ChangesFields) {
  const std::int64_t id = Add("Ada Okafor", {"--company", "Acme Robotics", "--title", "CTO"});
  const KithRun run = Kith({"edit", std::to_string(id), "--company", "Kite Labs", "--city", "Chicago"});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  const json card = Show(id);
  EXPECT_EQ(card.at("company"), "Kite Labs");
  EXPECT_EQ(card.at("city"), "Chicago");
  EXPECT_EQ(card.at("title"), "CTO") << "a flag not given leaves its field alone";
}

TEST_P(CliEdit, AddsAndRemovesTags) {
  const std::int64_t id = Add("Ada Okafor", {"--tag", "mentor", "--tag", "intro"});
  const KithRun run = Kith({"edit", std::to_string(id), "--tag", "investor", "--remove-tag", "mentor"});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  EXPECT_EQ(AsSet(Show(id).at("tags")), (std::set<std::string>{"intro", "investor"}));
}

TEST_P(CliEdit, AddsAndRemovesEmails) {
  const std::int64_t id = Add("Ada Okafor", {"--email", "ada@acme.com"});
  const KithRun run =
      Kith({"edit", std::to_string(id), "--email", "ada@kite.dev", "--remove-email", "ada@acme.com"});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  EXPECT_EQ(Show(id).at("emails"), json({"ada@kite.dev"}));
}

TEST_P(CliEdit, RemovingATagThatIsNotThereFailsAndChangesNothing) {
  const std::int64_t id = Add("Ada Okafor", {"--tag", "mentor", "--title", "CTO"});
  const std::string before = Snapshot();
  const KithRun run = Kith({"edit", std::to_string(id), "--title", "CEO", "--remove-tag", "ghost"});
  EXPECT_EQ(run.exit_code, 1) << Described(run);
  EXPECT_TRUE(Contains(run.err, "tag 'ghost'"));
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(CliShow, AddTakesNicknameRoleAndBirthdayAndShowPrintsThem) {
  const std::int64_t id =
      Add("Ada Okafor", {"--nickname", "Ace", "--role", "Mentor", "--birthday=--04-12", "--title", "CTO"});
  const json card = Show(id);
  EXPECT_EQ(card.at("nickname"), "Ace");
  EXPECT_EQ(card.at("role"), "Mentor");
  EXPECT_EQ(card.at("birthday"), "--04-12");
  const KithRun shown = Kith({"show", std::to_string(id)});
  ASSERT_EQ(shown.exit_code, 0) << Described(shown);
  EXPECT_TRUE(Contains(shown.out, "nickname  Ace")) << shown.out;
  EXPECT_TRUE(Contains(shown.out, "role      Mentor")) << shown.out;
  EXPECT_TRUE(Contains(shown.out, "birthday  --04-12")) << shown.out;
}

TEST_P(CliShow, ABirthdayThatIsNoDateIsRefusedAndNothingIsAdded) {
  const std::string before = Snapshot();
  const KithRun run = Kith({"add", "--name", "Ada Okafor", "--birthday", "April"});
  EXPECT_EQ(run.exit_code, 1) << Described(run);
  EXPECT_TRUE(Contains(run.err, "--birthday 'April' is not a date")) << run.err;
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(CliShow, PrintsTheLabelsAndAddressesACardCameWith) {
  const std::string card =
      "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Okafor\r\nN:Okafor;Ada;;;\r\nORG:Acme;Platform\r\n"
      "item1.TEL;type=CELL;type=pref:+1 312 555 0100\r\nitem2.EMAIL;type=INTERNET:ada@lab.example\r\n"
      "item2.X-ABLabel:Lab\r\nADR;type=WORK:;;1 Main St;Chicago;IL;60601;USA\r\nEND:VCARD\r\n";
  const std::string path = (directory_.path() / "ada.vcf").string();
  std::ofstream(path, std::ios::binary) << card;
  ASSERT_EQ(Kith({"import", path}).exit_code, 0);
  const KithRun shown = Kith({"show", "okafor"});
  ASSERT_EQ(shown.exit_code, 0) << Described(shown);
  EXPECT_TRUE(Contains(shown.out, "+1 312 555 0100")) << shown.out;
  EXPECT_TRUE(Contains(shown.out, "(mobile, preferred)")) << shown.out;
  EXPECT_TRUE(Contains(shown.out, "ada@lab.example  (Lab)")) << shown.out;
  EXPECT_TRUE(Contains(shown.out, "department Platform")) << shown.out;
  EXPECT_TRUE(Contains(shown.out, "address 1: 1 Main St, Chicago, IL 60601, USA  (work)")) << shown.out;
}

TEST_P(CliEdit, TakesTheCardFieldsAddTakes) {
  const std::int64_t id = Add("Ada Okafor", {"--title", "CTO"});
  const KithRun run =
      Kith({"edit", std::to_string(id), "--nickname", "Ace", "--role", "Mentor", "--department", "Platform",
            "--department", "Compilers", "--birthday=--04-12", "--anniversary", "2015-06-20"});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  const json card = Show(id);
  EXPECT_EQ(card.at("nickname"), "Ace");
  EXPECT_EQ(card.at("role"), "Mentor");
  EXPECT_EQ(card.at("departments"), json({"Platform", "Compilers"})) << "outermost first, as ORG writes them";
  EXPECT_EQ(card.at("birthday"), "--04-12");
  EXPECT_EQ(card.at("anniversary"), "2015-06-20");
  EXPECT_EQ(card.at("title"), "CTO");
}

TEST_P(CliEdit, AnEmptyCardFieldClearsItAndOthersStay) {
  const std::int64_t id = Add("Ada Okafor", {"--nickname", "Ace", "--birthday", "1985-04-12", "--department",
                                             "Platform", "--anniversary", "2015-06-20"});
  const KithRun run =
      Kith({"edit", std::to_string(id), "--birthday", "", "--department", "", "--nickname", ""});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  const json card = Show(id);
  EXPECT_TRUE(card.at("birthday").is_null());
  EXPECT_EQ(card.at("departments"), json::array());
  EXPECT_EQ(card.at("nickname"), "");
  EXPECT_EQ(card.at("anniversary"), "2015-06-20") << "a flag not given leaves its field alone";
}

TEST_P(CliEdit, ADepartmentReplacesTheUnitsAsAWhole) {
  const std::int64_t id = Add("Ada Okafor", {"--department", "Platform", "--department", "Compilers"});
  ASSERT_EQ(Kith({"edit", std::to_string(id), "--departments", "Research"}).exit_code, 0);
  EXPECT_EQ(Show(id).at("departments"), json({"Research"}));
}

TEST_P(CliEdit, ABadBirthdayIsRefusedNamingTheFlagAndNothingIsWritten) {
  const std::int64_t id = Add("Ada Okafor", {"--birthday", "1985-04-12"});
  const std::string before = Snapshot();
  const KithRun run = Kith({"edit", std::to_string(id), "--nickname", "Ace", "--birthday", "1985-02-30"});
  EXPECT_EQ(run.exit_code, 1) << Described(run);
  EXPECT_TRUE(Contains(run.err, "--birthday '1985-02-30'")) << run.err;
  EXPECT_EQ(Snapshot(), before) << "the nickname given beside it is not written either";
}

TEST_P(CliEdit, ABadAnniversaryIsRefusedNamingTheFlagAndNothingIsWritten) {
  const std::int64_t id = Add("Ada Okafor", {});
  const std::string before = Snapshot();
  const KithRun run = Kith({"edit", std::to_string(id), "--role", "Mentor", "--anniversary", "June"});
  EXPECT_EQ(run.exit_code, 1) << Described(run);
  EXPECT_TRUE(Contains(run.err, "--anniversary 'June' is not a date")) << run.err;
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(CliEdit, TakesEveryFlagAddTakes) {
  // CLI.md: `kith edit ID [same flags as add]`. Each flag add's help lists
  // appears in edit's.
  const KithRun add_help = Kith({"add", "--help"});
  const KithRun edit_help = Kith({"edit", "--help"});
  ASSERT_EQ(add_help.exit_code, 0);
  ASSERT_EQ(edit_help.exit_code, 0);
  std::size_t checked = 0;
  for (std::size_t at = add_help.out.find("  --"); at != std::string::npos;
       at = add_help.out.find("  --", at + 1)) {
    const std::size_t end = add_help.out.find_first_of(" ,=\n", at + 2);
    const std::string flag = add_help.out.substr(at + 2, end - at - 2);
    if (flag == "--help") continue;
    EXPECT_TRUE(Contains(edit_help.out, "  " + flag)) << flag << " is in add but not in edit";
    ++checked;
  }
  EXPECT_GT(checked, 25U) << add_help.out;
}

TEST_P(CliEdit, UnknownIdFails) {
  const KithRun run = Kith({"edit", "999999", "--title", "CEO"});
  EXPECT_EQ(run.exit_code, 1) << Described(run);
  EXPECT_TRUE(Contains(run.err, "no contact with id 999999"));
}

// ---------------------------------------------------------------- rm and restore

class CliRemove : public CliTestOnBothStores {};
KITH_ON_BOTH_STORES(CliRemove);

TEST_P(CliRemove, HidesFromListAndSearch) {
  const std::int64_t id = Add("Ada Okafor");
  Add("Ravi Menon");
  const KithRun run = Kith({"rm", std::to_string(id)});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  EXPECT_EQ(ListNames(), std::vector<std::string>{"Ravi Menon"});
  EXPECT_TRUE(SearchNames("okafor").empty());
}

TEST_P(CliRemove, ListTrashShowsTheRemoved) {
  const std::int64_t id = Add("Ada Okafor");
  Add("Ravi Menon");
  ASSERT_EQ(Kith({"rm", std::to_string(id)}).exit_code, 0);
  const json trash = KithJson({"list", "--trash"});
  EXPECT_EQ(Names(trash), std::vector<std::string>{"Ada Okafor"});
  EXPECT_EQ(trash.at(0).at("id"), id);
}

TEST_P(CliRemove, RestoreBringsThemBack) {
  const std::int64_t id = Add("Ada Okafor");
  ASSERT_EQ(Kith({"rm", std::to_string(id)}).exit_code, 0);
  const KithRun run = Kith({"restore", std::to_string(id)});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  EXPECT_EQ(ListNames(), std::vector<std::string>{"Ada Okafor"});
  EXPECT_EQ(SearchNames("okafor"), std::vector<std::string>{"Ada Okafor"});
  EXPECT_TRUE(ListNames({"--trash"}).empty());
}

TEST_P(CliRemove, RemovingTwiceFailsAndChangesNothing) {
  const std::int64_t id = Add("Ada Okafor");
  ASSERT_EQ(Kith({"rm", std::to_string(id)}).exit_code, 0);
  const std::string before = Snapshot();
  const KithRun run = Kith({"rm", std::to_string(id)});
  EXPECT_EQ(run.exit_code, 1) << Described(run);
  EXPECT_TRUE(Contains(run.err, "trash"));
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(CliRemove, EmptyTrashDeletesOnlyTheTrashedForGood) {
  const std::int64_t id = Add("Ada Okafor");
  Add("Ravi Menon");
  ASSERT_EQ(Kith({"rm", std::to_string(id)}).exit_code, 0);
  const json deleted = KithJson({"empty-trash", "--yes"});
  EXPECT_EQ(deleted.at("deleted"), 1);
  EXPECT_TRUE(ListNames({"--trash"}).empty());
  EXPECT_EQ(ListNames(), std::vector<std::string>{"Ravi Menon"});
  EXPECT_EQ(Kith({"restore", std::to_string(id)}).exit_code, 1) << "gone for good";
}

TEST_P(CliRemove, EmptyTrashWithoutYesIsAUsageErrorAndDeletesNothing) {
  const std::int64_t id = Add("Ada Okafor");
  ASSERT_EQ(Kith({"rm", std::to_string(id)}).exit_code, 0);
  const std::string before = Snapshot();
  const KithRun run = Kith({"empty-trash"});
  EXPECT_EQ(run.exit_code, 2) << Described(run);
  EXPECT_TRUE(Contains(run.err, "--yes"));
  EXPECT_EQ(Snapshot(), before);
}

// ---------------------------------------------------------------- list

class CliList : public CliTestOnBothStores {};
KITH_ON_BOTH_STORES(CliList);

TEST_P(CliList, JsonIsAnArray) {
  const json empty = KithJson({"list"});
  EXPECT_TRUE(empty.is_array()) << empty.dump();
  EXPECT_TRUE(empty.empty());
  Add("Ada Okafor");
  const json one = KithJson({"list"});
  ASSERT_TRUE(one.is_array()) << one.dump();
  EXPECT_EQ(one.size(), 1u);
}

TEST_P(CliList, SortsByNameIgnoringCaseAndAccents) {
  Add("zoe Adams");
  Add("Émile Brun");
  Add("Ada Zimmer");
  EXPECT_EQ(ListNames({"--sort", "name"}),
            (std::vector<std::string>{"Ada Zimmer", "Émile Brun", "zoe Adams"}));
  EXPECT_EQ(ListNames(), ListNames({"--sort", "name"})) << "name is the default order";
}

TEST_P(CliList, SortsByMetMostRecentFirst) {
  Add("Ada Okafor", {"--met-on", "2025-03-01"});
  Add("Ravi Menon", {"--met-on", "2026-10-01"});
  Add("Bea Kovacs");
  Add("Lin Wu", {"--met-on", "2026-01-15"});
  EXPECT_EQ(ListNames({"--sort", "met"}),
            (std::vector<std::string>{"Ravi Menon", "Lin Wu", "Ada Okafor", "Bea Kovacs"}));
}

TEST_P(CliList, SortsByLastContactListingEveryone) {
  // Nothing on the command line records a conversation yet, so no one has a
  // last contact: everyone is still listed, each once.
  Add("Ada Okafor");
  Add("Ravi Menon");
  const json listed = KithJson({"list", "--sort", "last-contact"});
  ASSERT_EQ(listed.size(), 2u) << listed.dump();
  EXPECT_EQ(AsSet(json(Names(listed))), (std::set<std::string>{"Ada Okafor", "Ravi Menon"}));
}

TEST_P(CliList, SortsByAddedNewestFirst) {
  Add("Ravi Menon");
  Add("Ada Okafor");
  Add("Zoe Adams");
  EXPECT_EQ(ListNames({"--sort", "added"}),
            (std::vector<std::string>{"Zoe Adams", "Ada Okafor", "Ravi Menon"}));
}

TEST_P(CliList, FiltersByTag) {
  Add("Ada Okafor", {"--tag", "mentor"});
  Add("Ravi Menon", {"--tag", "investor"});
  Add("Lin Wu", {"--tag", "mentor,climbing"});
  EXPECT_EQ(ListNames({"--tag", "mentor"}), (std::vector<std::string>{"Ada Okafor", "Lin Wu"}));
}

TEST_P(CliList, FiltersByEvent) {
  Add("Ada Okafor", {"--met-at", "PyCon US 2026"});
  Add("Ravi Menon", {"--met-at", "RustConf 2026"});
  Add("Lin Wu", {"--met-at", "PyCon US 2026"});
  EXPECT_EQ(ListNames({"--event", "PyCon US 2026"}), (std::vector<std::string>{"Ada Okafor", "Lin Wu"}));
}

TEST_P(CliList, PagesDoNotOverlapAndTogetherCoverEveryone) {
  for (const char* name :
       {"Ada Okafor", "Ravi Menon", "Lin Wu", "Bea Kovacs", "Zoe Adams", "Sam Lee", "Kim Park"}) {
    Add(name);
  }
  const std::vector<std::string> everyone = ListNames({"--limit", "100"});
  ASSERT_EQ(everyone.size(), 7u);
  std::vector<std::string> paged;
  for (int offset = 0; offset < 9; offset += 3) {
    const std::vector<std::string> page = ListNames({"--limit", "3", "--offset", std::to_string(offset)});
    EXPECT_LE(page.size(), 3u);
    paged.insert(paged.end(), page.begin(), page.end());
  }
  EXPECT_EQ(paged, everyone);
  EXPECT_TRUE(ListNames({"--limit", "3", "--offset", "9"}).empty());
}

TEST_P(CliList, TableShowsEachPersonsLineInListOrder) {
  Add("Ravi Menon",
      {"--company", "Kite Labs", "--city", "Pune", "--met-at", "RustConf 2026", "--met-on", "2026-09-12"});
  Add("Ada Okafor", {"--company", "Acme Robotics", "--city", "Chicago", "--email", "ada@acme.example"});
  const std::int64_t gone = Add("Zoe Adams", {"--city", "Lisbon"});
  ASSERT_EQ(Kith({"rm", std::to_string(gone)}).exit_code, 0);

  const KithRun table = Kith({"list", "--limit", "1"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_TRUE(Contains(table.out, "NAME")) << table.out;
  EXPECT_TRUE(Contains(table.out, "Ada Okafor")) << table.out;
  EXPECT_TRUE(Contains(table.out, "Acme Robotics")) << table.out;
  EXPECT_TRUE(Contains(table.out, "Chicago")) << table.out;
  EXPECT_FALSE(Contains(table.out, "Ravi Menon")) << "the second by name is on the next page\n" << table.out;
  EXPECT_TRUE(Contains(table.out, "more with --offset 1")) << table.out;

  const KithRun next = Kith({"list", "--limit", "1", "--offset", "1"});
  ASSERT_EQ(next.exit_code, 0) << next.err;
  EXPECT_TRUE(Contains(next.out, "Ravi Menon")) << next.out;
  EXPECT_TRUE(Contains(next.out, "Kite Labs")) << next.out;
  EXPECT_TRUE(Contains(next.out, "Pune")) << next.out;
  EXPECT_TRUE(Contains(next.out, "RustConf 2026, 2026-09-12")) << "where and when met\n" << next.out;
  EXPECT_FALSE(Contains(next.out, "Zoe Adams")) << next.out;

  const KithRun trash = Kith({"list", "--trash"});
  ASSERT_EQ(trash.exit_code, 0) << trash.err;
  EXPECT_TRUE(Contains(trash.out, "Zoe Adams")) << trash.out;
  EXPECT_TRUE(Contains(trash.out, "Lisbon")) << trash.out;
  EXPECT_FALSE(Contains(trash.out, "Ada Okafor")) << trash.out;
}

// ---------------------------------------------------------------- search

class CliSearch : public CliTestOnBothStores {};
KITH_ON_BOTH_STORES(CliSearch);

TEST_P(CliSearch, FindsByPrefix) {
  Add("Ada Okafor");
  Add("Ravi Menon");
  EXPECT_EQ(SearchNames("okaf"), std::vector<std::string>{"Ada Okafor"});
}

TEST_P(CliSearch, IgnoresAccents) {
  Add("José Núñez");
  Add("Ravi Menon");
  EXPECT_EQ(SearchNames("nunez"), std::vector<std::string>{"José Núñez"});
}

TEST_P(CliSearch, ForgivesATypo) {
  Add("John Smith");
  Add("Ravi Menon");
  EXPECT_EQ(SearchNames("jonh"), std::vector<std::string>{"John Smith"});
}

TEST_P(CliSearch, FieldFilterLooksOnlyInThatField) {
  Add("Ada Okafor", {"--company", "Acme Robotics"});
  Add("Ravi Menon", {"--note", "used to work at acme"});
  Add("Lin Wu", {"--company", "Kite Labs"});
  EXPECT_EQ(SearchNames("company:acme"), std::vector<std::string>{"Ada Okafor"});
}

TEST_P(CliSearch, EveryWordMustMatch) {
  Add("Ada Okafor", {"--city", "Chicago"});
  Add("Ada Lovelace", {"--city", "London"});
  Add("Ravi Menon", {"--city", "Chicago"});
  EXPECT_EQ(SearchNames("ada chicago"), std::vector<std::string>{"Ada Okafor"});
}

TEST_P(CliSearch, JsonPutsANameMatchBeforeANotesOnlyMatch) {
  Add("Lucia Rivera", {"--met-on", "2025-01-10"});
  // Added later and met more recently, so only relevance can put it second.
  Add("Tom Baker", {"--met-on", "2026-11-01", "--note", "introduced by Lucia Rivera"});
  const json found = KithJson({"search", "rivera"});
  ASSERT_TRUE(found.is_array()) << found.dump();
  EXPECT_EQ(Names(found), (std::vector<std::string>{"Lucia Rivera", "Tom Baker"}));
}

// ---------------------------------------------------------------- gen

TEST(CliGen, SameSeedMakesTheSamePeople) {
  const TempDirectory directory;
  std::vector<std::vector<std::string>> names;
  for (const char* file : {"first.db", "second.db"}) {
    const std::string database = (directory.path() / file).string();
    const KithRun generated = RunKith({"--db", database, "--today", kToday, "gen", "200", "--seed", "3"});
    ASSERT_EQ(generated.exit_code, 0) << Described(generated);
    const KithRun listed = RunKith({"--db", database, "--today", kToday, "--json", "list", "--limit", "500"});
    ASSERT_EQ(listed.exit_code, 0) << Described(listed);
    names.push_back(Names(json::parse(listed.out)));
  }
  EXPECT_EQ(names[0].size(), 200u);
  EXPECT_EQ(names[0], names[1]);
}

// ---------------------------------------------------------------- bad input

// A bad value is refused with what and where, and nothing is written, on
// either store.
class CliBadValue : public CliTestOnBothStores {};
KITH_ON_BOTH_STORES(CliBadValue);

// The database file itself: SQLite only.
using CliBadInput = CliTest;

TEST_P(CliBadValue, AddWithoutANameFailsAndChangesNothing) {
  Add("Ada Okafor");
  const std::string before = Snapshot();
  const KithRun run = Kith({"add", "--email", "a@b.com"});
  EXPECT_EQ(run.exit_code, 1) << Described(run);
  EXPECT_TRUE(Contains(run.err, "name is missing"));
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(CliBadValue, EmailWithoutADomainFailsAndChangesNothing) {
  Add("Ada Okafor");
  const std::string before = Snapshot();
  const KithRun run = Kith({"add", "--name", "Bob Stone", "--email", "bob@"});
  EXPECT_EQ(run.exit_code, 1) << Described(run);
  EXPECT_TRUE(Contains(run.err, "email 'bob@' has no domain"));
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(CliBadValue, MalformedWebsiteFailsAndChangesNothing) {
  Add("Ada Okafor");
  const std::string before = Snapshot();
  const KithRun run = Kith({"add", "--name", "Bob Stone", "--website", "http:/x"});
  EXPECT_EQ(run.exit_code, 1) << Described(run);
  EXPECT_TRUE(Contains(run.err, "website 'http:/x'"));
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(CliBadValue, ImpossibleMetOnDateFailsAndChangesNothing) {
  Add("Ada Okafor");
  const std::string before = Snapshot();
  const KithRun run = Kith({"add", "--name", "Bob Stone", "--met-on", "2026-02-30"});
  EXPECT_EQ(run.exit_code, 1) << Described(run);
  EXPECT_TRUE(Contains(run.err, "--met-on"));
  EXPECT_TRUE(Contains(run.err, "February 2026 has 28 days"));
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(CliBadValue, ImpossibleTodayFailsAndChangesNothing) {
  Add("Ada Okafor");
  const std::string before = Snapshot();
  const KithRun run = RunKith({"--db", database_, "--today", "2026-13-01", "add", "--name", "Bob Stone"});
  EXPECT_EQ(run.exit_code, 1) << Described(run);
  EXPECT_TRUE(Contains(run.err, "--today"));
  EXPECT_TRUE(Contains(run.err, "no month 13"));
  EXPECT_EQ(Snapshot(), before);
}

TEST_F(CliBadInput, DatabasePathThatIsADirectoryFails) {
  const KithRun run =
      RunKith({"--db", directory_.path().string(), "--today", kToday, "add", "--name", "Bob Stone"});
  EXPECT_EQ(run.exit_code, 1) << Described(run);
  EXPECT_TRUE(Contains(run.err, "is a directory"));
  EXPECT_TRUE(std::filesystem::is_empty(directory_.path())) << "nothing may be written into the directory";
}

// Makes a file read-only for the duration of a test, also for root, whom
// file modes do not stop: as root the file is marked immutable (chattr +i).
class ReadOnlyFile {
 public:
  explicit ReadOnlyFile(const std::string& path) : path_(path) {
    if (geteuid() != 0) {
      made_read_only_ = chmod(path_.c_str(), 0444) == 0;
      return;
    }
    const int fd = open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    int flags = 0;
    if (ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0) {
      flags |= FS_IMMUTABLE_FL;
      immutable_ = made_read_only_ = ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0;
    }
    close(fd);
  }
  ReadOnlyFile(const ReadOnlyFile&) = delete;
  ReadOnlyFile& operator=(const ReadOnlyFile&) = delete;
  ~ReadOnlyFile() { Undo(); }

  [[nodiscard]] bool made_read_only() const { return made_read_only_; }

  // Makes the file writable again (so it can be inspected and removed).
  void Undo() {
    if (!made_read_only_) return;
    made_read_only_ = false;
    if (!immutable_) {
      (void)chmod(path_.c_str(), 0644);
      return;
    }
    const int fd = open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    int flags = 0;
    if (ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0) {
      flags &= ~FS_IMMUTABLE_FL;
      (void)ioctl(fd, FS_IOC_SETFLAGS, &flags);
    }
    close(fd);
  }

 private:
  std::string path_;
  bool made_read_only_ = false;
  bool immutable_ = false;
};

TEST_F(CliBadInput, ReadOnlyDatabaseRefusesWritesAndChangesNothing) {
  Add("Ada Okafor");
  const std::string before = Snapshot();
  ReadOnlyFile read_only(database_);
  if (!read_only.made_read_only()) GTEST_SKIP() << "cannot make " << database_ << " read-only here";
  const KithRun run = Kith({"add", "--name", "Bob Stone"});
  EXPECT_EQ(run.exit_code, 1) << Described(run);
  EXPECT_TRUE(Contains(run.err, "read-only"));
  read_only.Undo();
  EXPECT_EQ(Snapshot(), before);
}

TEST_F(CliBadInput, ReadOnlyDatabaseCanStillBeListed) {
  Add("Ada Okafor");
  ReadOnlyFile read_only(database_);
  if (!read_only.made_read_only()) GTEST_SKIP() << "cannot make " << database_ << " read-only here";
  EXPECT_EQ(ListNames(), std::vector<std::string>{"Ada Okafor"});
}

TEST_F(CliBadInput, DatabaseFromANewerKithIsRefused) {
  Add("Ada Okafor");
  sqlite3* database = nullptr;
  ASSERT_EQ(sqlite3_open(database_.c_str(), &database), SQLITE_OK);
  const int set = sqlite3_exec(database, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
  sqlite3_close(database);
  ASSERT_EQ(set, SQLITE_OK);

  const KithRun run = Kith({"add", "--name", "Bob Stone"});
  EXPECT_EQ(run.exit_code, 1) << Described(run);
  EXPECT_TRUE(Contains(run.err, "written by a newer kith"));

  ASSERT_EQ(sqlite3_open_v2(database_.c_str(), &database, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* count = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(database, "SELECT count(*) FROM contacts", -1, &count, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(count), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(count, 0), 1) << "nothing may be added to a database kith cannot read";
  sqlite3_finalize(count);
  sqlite3_close(database);
}

}  // namespace
}  // namespace kith::testing
