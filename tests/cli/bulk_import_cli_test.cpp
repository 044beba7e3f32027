// A bulk import into a workspace on PostgreSQL (its tables owned by an
// ordinary role, so row-level security is in play) recognises people as
// the same import into a file does: PostgreSQL looks a batch of rows up
// in one statement and writes new cards by COPY, SQLite goes row by row,
// and the two must come out the same, card for card.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli/team_fixture.h"
#include "support/temp_database.h"

namespace kith::testing {
namespace {

// Rows in each of the export's two passes: more than a batch (2,000), so a
// batch of new cards is written in the middle of the rows being matched.
constexpr int kPeople = 2300;

std::string Letters(int number) {
  std::string letters;
  do {
    letters.insert(letters.begin(), static_cast<char>('a' + number % 26));
    number /= 26;
  } while (number > 0);
  return letters;
}

struct Row {
  std::string given;
  std::string family;
  std::string url;
  std::string email;
  std::string company;
  std::string position;
};

std::string Csv(const std::vector<Row>& rows) {
  std::string csv = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
  for (const Row& row : rows) {
    csv += row.given + "," + row.family + "," + row.url + "," + row.email + "," + row.company + "," +
           row.position + ",12 Mar 2024\n";
  }
  return csv;
}

// Person `j` of the network: namesakes at one company now and then (`j`
// ending in 1 has the name of the one before and a profile of their own;
// ending in 2 the same name again and no profile at all).
Row Person(int j) {
  const int named = j % 50 == 1 ? j - 1 : (j % 50 == 2 ? j - 2 : j);
  Row row{"Ana" + Letters(named),
          "Ray" + Letters(named),
          j % 50 == 2 ? "" : "https://www.linkedin.com/in/p-" + std::to_string(j),
          j % 3 == 0 ? "p" + std::to_string(j) + "@example.com" : "",
          "Co" + Letters(named % 40),
          "Engineer"};
  return row;
}

// The export twice over (a later export appended to an earlier one), a
// seventh of the people at another company the second time, and rows that
// meet the people already on the list: by email, then by the profile URL
// that email's row brought; by profile URL; by name at the company; and a
// namesake of someone in the trash, who is someone new.
std::string Network() {
  std::vector<Row> rows;
  rows.push_back({"Existing", "Email", "https://www.linkedin.com/in/existing-email-new", "ex1@example.com",
                  "", "Founder"});
  rows.push_back(
      {"Existing", "Email", "https://www.linkedin.com/in/existing-email-new", "", "Elsewhere", "Founder"});
  rows.push_back({"Existing", "P.", "https://www.linkedin.com/in/existing-profile", "", "", ""});
  rows.push_back({"Existing", "Namesake", "", "", "Namesake Co", "Analyst"});
  rows.push_back({"Gone", "Person", "", "", "Gone Co", ""});
  rows.push_back({"", "", "", "", "", "Nobody"});
  for (int j = 0; j < kPeople; ++j) rows.push_back(Person(j));
  for (int j = 0; j < kPeople; ++j) {
    Row again = Person(j);
    if (j % 7 == 0) again.company = "Moved" + Letters(j % 5);
    rows.push_back(again);
  }
  return Csv(rows);
}

class BulkImportCli : public TeamCli {
 protected:
  [[nodiscard]] KithRun File(const std::vector<std::string>& args) const {
    std::vector<std::string> all = {"--db", file_, "--today", kToday};
    all.insert(all.end(), args.begin(), args.end());
    return RunKith(all);
  }
  [[nodiscard]] KithRun Shared(const std::vector<std::string>& args) const { return As("ada", "acme", args); }

  // The same people on the list of both stores before the import.
  void AddTheListBeforeTheImport() {
    const std::vector<std::vector<std::string>> adds = {
        {"add", "--name", "Existing Email", "--email", "ex1@example.com"},
        {"add", "--name", "Existing Profile", "--linkedin", "https://www.linkedin.com/in/existing-profile"},
        {"add", "--name", "Existing Namesake", "--company", "Namesake Co"},
        {"add", "--name", "Gone Person", "--company", "Gone Co"},
        {"rm", "Gone Person"},
    };
    for (const auto& args : adds) {
      Succeeds(File(args));
      Succeeds(Shared(args));
    }
  }

  // Everyone on a store's list as JSON, without the uids (new ones are
  // random on each store).
  static json WithoutUids(json cards) {
    for (auto& card : cards) card.erase("uid");
    return cards;
  }

  // The ids a search found, in id order (the two stores rank ties alike
  // but need not order them alike).
  static std::vector<std::int64_t> IdsOf(const KithRun& run) {
    std::vector<std::int64_t> ids;
    for (const json& card : json::parse(run.exit_code == 0 ? run.out : "[]")) ids.push_back(card["id"]);
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  TempDirectory directory_;
  std::string file_ = (directory_.path() / "kith.db").string();
};

TEST_F(BulkImportCli, ABulkImportRecognisesPeopleOnPostgreSqlAsInAFile) {
  ASSERT_EQ(AddAccount("ada", kPassword).status, 0);
  Succeeds(Kith({"workspace", "add", "acme", "--owner", "ada"}));
  AddTheListBeforeTheImport();
  const std::string csv = (directory_.path() / "Connections.csv").string();
  std::ofstream(csv, std::ios::binary) << Network();

  const KithRun in_file = File({"--json", "import", csv});
  Succeeds(in_file);
  const KithRun shared = Shared({"--json", "import", csv});
  Succeeds(shared);
  const json file_summary = json::parse(in_file.out);
  EXPECT_EQ(json::parse(shared.out), file_summary);

  // What the rows before the people of the network did, on both stores.
  EXPECT_EQ(file_summary["skipped"], 1);
  EXPECT_GE(file_summary["updated"], 3);
  EXPECT_GT(file_summary["merged"], 0) << "the namesakes without a profile";
  EXPECT_FALSE(file_summary["job_changes"].empty()) << "a seventh moved company in the second export";
  for (const KithRun& listed :
       {File({"--json", "list", "--limit", "10000"}), Shared({"--json", "list", "--limit", "10000"})}) {
    Succeeds(listed);
    const json cards = json::parse(listed.out);
    int existing_email = 0;
    int gone = 0;
    for (const json& card : cards) {
      if (card["name"] == "Existing Email") {
        ++existing_email;
        EXPECT_EQ(card["links"].size(), 1U) << "the profile her email's row brought";
      }
      if (card["name"] == "Gone Person") ++gone;
    }
    EXPECT_EQ(existing_email, 1) << "her second row is found by the profile the first one added";
    EXPECT_EQ(gone, 1) << "a namesake of someone in the trash is someone new";
  }
  const KithRun file_list = File({"--json", "list", "--limit", "10000"});
  const KithRun shared_list = Shared({"--json", "list", "--limit", "10000"});
  EXPECT_EQ(WithoutUids(json::parse(shared_list.out)), WithoutUids(json::parse(file_list.out)));
  // The search entries (written by binary COPY on PostgreSQL) find the
  // same people: a family name, a company, a title word.
  for (const char* query : {"Rayb", "Coc", "Movedb", "engineer"}) {
    const KithRun file_found = File({"--json", "search", query, "--limit", "500"});
    const KithRun shared_found = Shared({"--json", "search", query, "--limit", "500"});
    Succeeds(file_found);
    Succeeds(shared_found);
    EXPECT_EQ(IdsOf(shared_found), IdsOf(file_found)) << query;
    EXPECT_FALSE(IdsOf(file_found).empty()) << query;
  }
  const KithRun file_trash = File({"--json", "list", "--trash"});
  const KithRun shared_trash = Shared({"--json", "list", "--trash"});
  EXPECT_EQ(WithoutUids(json::parse(shared_trash.out)), WithoutUids(json::parse(file_trash.out)));
}

}  // namespace
}  // namespace kith::testing
