// `kith migrate`: a personal file made with the CLI moves into a workspace
// of a shared PostgreSQL database (owned by an ordinary role, so the
// row-level security policies are in play) with its ids, and every read
// gives there what it gave on the file.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli/team_fixture.h"
#include "store/account_directory.h"
#include "support/temp_database.h"

namespace kith::testing {
namespace {

std::string Corpus(const std::string& file) { return std::string(KITH_SCAN_CORPUS) + "/" + file; }

class MigrateCli : public TeamCli {
 protected:
  // kith on the personal file.
  [[nodiscard]] KithRun File(const std::vector<std::string>& args) const {
    std::vector<std::string> all = {"--db", file_, "--today", kToday};
    all.insert(all.end(), args.begin(), args.end());
    return RunKith(all);
  }
  [[nodiscard]] json FileJson(const std::vector<std::string>& args) const {
    std::vector<std::string> all = {"--json"};
    all.insert(all.end(), args.begin(), args.end());
    const KithRun run = File(all);
    EXPECT_EQ(run.exit_code, 0) << Described(run);
    return json::parse(run.exit_code == 0 ? run.out : "null");
  }
  // kith as ada in the workspace the file went to.
  [[nodiscard]] json SharedJson(const std::vector<std::string>& args) const {
    std::vector<std::string> all = {"--json"};
    all.insert(all.end(), args.begin(), args.end());
    const KithRun run = As("ada", "mine", all);
    EXPECT_EQ(run.exit_code, 0) << Described(run);
    return json::parse(run.exit_code == 0 ? run.out : "null");
  }
  [[nodiscard]] KithRun Migrate(const std::vector<std::string>& extra) const {
    std::vector<std::string> args = {"--json", "migrate", "--from", file_, "--to", database_.url()};
    args.insert(args.end(), extra.begin(), extra.end());
    return Kith(args);
  }

  // A file with a bit of everything: cards with many values (one in the
  // trash, one deleted for good so the ids have a gap), an event and its
  // follow-up, a coffee with facts, a reminder, a cadence, a post, an
  // opportunity with a give and an introduction, a scanned card with its
  // photo (5), and a merge of two cards (6 kept, 7 in the trash).
  void MakeFile() {
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"add",
              "--name",
              "Ada Okafor",
              "--email",
              "ada@acme.example",
              "--phone",
              "+1 312 555 0100",
              "--company",
              "Acme",
              "--title",
              "CTO",
              "--tag",
              "mentor",
              "--skill",
              "SQLite",
              "--city",
              "Chicago",
              "--note",
              "met at the WAL talk",
              "--birthday",
              "1990-04-02",
              "--met-on",
              "2026-11-20",
              "--met-at",
              "RustConf 2026"},
             {"add", "--name", "Gone For Good"},
             {"add", "--name", "Bo Chen", "--company", "Initech", "--email", "bo@initech.example", "--tag",
              "investor"},
             {"add", "--name", "Cy Trashed", "--company", "Acme"},
             {"rm", "2"},
             {"empty-trash", "--yes"},
             {"rm", "4"},
             {"log", "1", "--kind", "coffee", "--summary", "talked about WAL mode", "--fact",
              "personal:hometown=Lagos"},
             {"fact", "3", "--professional", "goal", "open a studio"},
             {"remind", "3", "--on", "2026-12-03", "--note", "send the deck"},
             {"cadence", "1", "30"},
             {"post", "add", "--channel", "linkedin", "--topic", "WAL mode", "--on", "2026-11-21"},
             {"opp", "add", "Staff C++ engineer", "--kind", "job", "--skill", "SQLite"},
             {"give", "1", "--opp", "1"},
             {"intro", "1", "3", "--why", "both love SQLite"},
             {"scan", Corpus("qr_000.jpg"), "--save", "--at", "RustConf 2026"},
             {"add", "--name", "Dee Dupe", "--email", "dee@dupe.example"},
             {"add", "--name", "Dee Dupe", "--company", "Dupe Works"},
             {"merge", "6", "7"},
         }) {
      const KithRun run = File(args);
      ASSERT_EQ(run.exit_code, 0) << Described(run);
    }
  }

  TempDirectory directory_;
  std::string file_ = (directory_.path() / "kith.db").string();
};

// What the file says, as the workspace should say it after the migration:
// a personal file has one person, so every fact and interaction of it
// ("author": "") becomes the migrating owner's.
json AuthoredBy(json value, const std::string& owner) {
  if (value.is_object()) {
    for (auto& [key, item] : value.items()) {
      if (key == "author" && item == "") {
        item = owner;
      } else {
        item = AuthoredBy(item, owner);
      }
    }
  } else if (value.is_array()) {
    for (auto& item : value) item = AuthoredBy(item, owner);
  }
  return value;
}

TEST_F(MigrateCli, AFileMovesWithItsIdsAndReadsTheSameOnPostgres) {
  ASSERT_NO_FATAL_FAILURE(MakeFile());
  ASSERT_EQ(AddAccount("ada", kPassword).status, 0);
  const KithRun migrated = Migrate({"--workspace", "mine", "--owner", "ada"});
  ASSERT_EQ(migrated.exit_code, 0) << Described(migrated);
  const json summary = json::parse(migrated.out);
  EXPECT_EQ(summary["workspace"], "mine");
  EXPECT_TRUE(summary["created_workspace"].get<bool>());
  EXPECT_EQ(summary["tables"]["contacts"], 6);  // 1, 3, 4 (trashed), 5 (scanned), 6 and 7 (merged)
  EXPECT_EQ(summary["tables"]["card_images"], 1);
  EXPECT_EQ(summary["tables"]["ledger"], 3);  // the give, and the introduction on both cards

  // Every card by its id, the trash, the loop and the ledger, as on the file.
  for (const std::string id : {"1", "3", "4", "5", "6", "7"}) {
    EXPECT_EQ(SharedJson({"show", id}), AuthoredBy(FileJson({"show", id}), "ada")) << "card " << id;
  }
  EXPECT_EQ(As("ada", "mine", {"show", "2"}).exit_code, 1) << "2 was deleted for good on the file";
  for (const std::vector<std::string>& read : std::vector<std::vector<std::string>>{
           {"list"},
           {"list", "--trash"},
           {"search", "oka"},
           {"search", "company:acme"},
           {"search", "okafr"},  // a typo, corrected from the vocabulary
           {"search", "chicago"},
           {"ledger", "1"},
           {"brief", "Ada Okafor"},
           {"today"},
           {"opp", "list"},
           {"event", "list"},
           {"post", "list"},
           {"export", "--format", "json"},
           {"export", "--format", "vcard"},
       }) {
    std::vector<std::string> with_json = {"--json"};
    with_json.insert(with_json.end(), read.begin(), read.end());
    const KithRun there = As("ada", "mine", with_json);
    const KithRun here = File(with_json);
    ASSERT_EQ(here.exit_code, 0) << Described(here);
    EXPECT_EQ(there.exit_code, 0) << Described(there);
    if (json::accept(here.out) && json::accept(there.out)) {
      EXPECT_EQ(json::parse(there.out), AuthoredBy(json::parse(here.out), "ada"))
          << read.front() << " " << (read.size() > 1 ? read[1] : "");
    } else {
      EXPECT_EQ(there.out, here.out) << read.front() << " " << (read.size() > 1 ? read[1] : "");
    }
  }

  // The card photo, byte for byte.
  auto file_store = OpenSqliteStore(file_, OpenIntent::kReadOnly);
  auto shared_store = OpenPostgresStore(database_.url(), OpenIntent::kReadOnly);
  ASSERT_TRUE(file_store && shared_store);
  auto workspace = AccountsOf(**shared_store)->FindWorkspace("mine");
  ASSERT_TRUE(workspace && *workspace);
  ASSERT_TRUE(AccountsOf(**shared_store)->ActAs({(*workspace)->id, Role::kOwner, "ada", "mine"}));
  const auto file_image = (*file_store)->CardImage(ContactId{5});
  const auto shared_image = (*shared_store)->CardImage(ContactId{5});
  ASSERT_TRUE(file_image && shared_image) << (shared_image ? "" : shared_image.error().message);
  EXPECT_EQ(shared_image->mime, file_image->mime);
  EXPECT_EQ(shared_image->bytes, file_image->bytes);

  // The merge made on the file is undone here.
  const KithRun undone = As("ada", "mine", {"merge", "--undo", "1"});
  EXPECT_EQ(undone.exit_code, 0) << Described(undone);
  EXPECT_FALSE(SharedJson({"show", "7"})["trashed"].get<bool>()) << "the undo brings the other card back";

  // New ids follow the file's.
  const json added = SharedJson({"add", "--name", "After The Move"});
  EXPECT_EQ(added["id"], 8);
  const json interaction = SharedJson({"log", "3", "--kind", "call", "--summary", "a second call"});
  EXPECT_FALSE(interaction.is_null());
  EXPECT_EQ(SharedJson({"search", "after"}).size(), 1U);
}

TEST_F(MigrateCli, ADatabaseWithoutAccountsTakesTheFileIntoItsDefaultWorkspace) {
  ASSERT_NO_FATAL_FAILURE(MakeFile());
  const KithRun migrated = Migrate({});
  ASSERT_EQ(migrated.exit_code, 0) << Described(migrated);
  EXPECT_FALSE(json::parse(migrated.out)["created_workspace"].get<bool>());
  const KithRun shown = Kith({"--json", "show", "1"});
  ASSERT_EQ(shown.exit_code, 0) << Described(shown);
  EXPECT_EQ(json::parse(shown.out), FileJson({"show", "1"}));
}

TEST_F(MigrateCli, AWorkspaceThatHoldsCardsIsRefusedAndLeftAsItWas) {
  ASSERT_NO_FATAL_FAILURE(MakeFile());
  ASSERT_EQ(AddAccount("ada", kPassword).status, 0);
  ASSERT_EQ(Migrate({"--workspace", "mine", "--owner", "ada"}).exit_code, 0);
  Succeeds(As("ada", "mine", {"add", "--name", "Only On Postgres"}));
  const json before = SharedJson({"export", "--format", "json"});
  const KithRun again = Migrate({"--workspace", "mine"});
  EXPECT_EQ(again.exit_code, 1) << Described(again);
  EXPECT_TRUE(Contains(again.err, "workspace mine already holds cards")) << again.err;
  EXPECT_TRUE(Contains(again.err, "nothing was written")) << again.err;
  EXPECT_EQ(SharedJson({"export", "--format", "json"}), before);
}

TEST_F(MigrateCli, BadRequestsAreRefusedBeforeAnythingIsWritten) {
  ASSERT_NO_FATAL_FAILURE(MakeFile());
  ASSERT_EQ(AddAccount("ada", kPassword).status, 0);
  const KithRun no_owner = Migrate({"--workspace", "mine"});
  EXPECT_EQ(no_owner.exit_code, 1);
  EXPECT_TRUE(Contains(no_owner.err, "name the owner of the new workspace mine with --owner"))
      << no_owner.err;
  const KithRun unknown_owner = Migrate({"--workspace", "mine", "--owner", "zed"});
  EXPECT_EQ(unknown_owner.exit_code, 1);
  const KithRun to_a_file = Kith(
      {"migrate", "--from", file_, "--to", (directory_.path() / "other.db").string(), "--workspace", "x"});
  EXPECT_EQ(to_a_file.exit_code, 1);
  EXPECT_TRUE(Contains(to_a_file.err, "is not a PostgreSQL URI")) << to_a_file.err;
  const std::string missing = (directory_.path() / "missing.db").string();
  const KithRun from_nothing =
      Kith({"migrate", "--from", missing, "--to", database_.url(), "--workspace", "x", "--owner", "ada"});
  EXPECT_EQ(from_nothing.exit_code, 1);
  EXPECT_TRUE(Contains(from_nothing.err, "does not exist")) << from_nothing.err;
  EXPECT_FALSE(std::filesystem::exists(missing)) << "a missing --from was created";
  // No workspace was made by any of them.
  const KithRun workspaces = Kith({"--json", "workspace", "list"});
  ASSERT_EQ(workspaces.exit_code, 0) << Described(workspaces);
  for (const auto& listed : json::parse(workspaces.out)) EXPECT_EQ(listed["name"], "default");
}

// The JSON backup on both stores: exported from the file, imported into a
// workspace on PostgreSQL, exported there and imported into a new file;
// everyone, what was learned over coffee and the ledger arrive each time.
TEST_F(MigrateCli, TheJsonBackupCarriesANetworkToPostgresAndBack) {
  ASSERT_NO_FATAL_FAILURE(MakeFile());
  ASSERT_EQ(AddAccount("ada", kPassword).status, 0);
  Succeeds(Kith({"workspace", "add", "mine", "--owner", "ada"}));
  const std::string backup = (directory_.path() / "backup.json").string();
  ASSERT_EQ(File({"export", "--format", "json", "-o", backup}).exit_code, 0);
  const json imported = SharedJson({"import", backup});
  EXPECT_EQ(imported["added"], 4);  // 1, 3, 5 and 6: the trashed stay behind
  EXPECT_EQ(imported["ledger_entries"], 3);
  EXPECT_EQ(Names(SharedJson({"list"})), Names(FileJson({"list"})));
  EXPECT_EQ(Names(SharedJson({"search", "chicago"})), std::vector<std::string>{"Ada Okafor"});

  const std::string round_trip = (directory_.path() / "round-trip.json").string();
  Succeeds(As("ada", "mine", {"export", "--format", "json", "-o", round_trip}));
  const std::string back = (directory_.path() / "back.db").string();
  const KithRun restored = RunKith({"--db", back, "--today", kToday, "--json", "import", round_trip});
  ASSERT_EQ(restored.exit_code, 0) << Described(restored);
  EXPECT_EQ(json::parse(restored.out)["ledger_entries"], 3);
  const KithRun listed = RunKith({"--db", back, "--json", "list"});
  ASSERT_EQ(listed.exit_code, 0) << Described(listed);
  EXPECT_EQ(Names(json::parse(listed.out)), Names(FileJson({"list"})));
  const KithRun found = RunKith({"--db", back, "--json", "search", "okafor"});
  ASSERT_EQ(found.exit_code, 0) << Described(found);
  EXPECT_EQ(Names(json::parse(found.out)), std::vector<std::string>{"Ada Okafor"});
}

}  // namespace
}  // namespace kith::testing
