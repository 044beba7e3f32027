// `kith opp`, `match`, `give`, `ask`, `intro`, `ledger` and `today` from outside.
#include "cli/cli_fixture.h"

namespace kith::testing {
namespace {

using nlohmann::json;

class GiveCli : public CliTestOnBothStores {
 protected:
  // Ada (C++, SQLite, Chicago) fits the job best, Cy (C++) too, Bo (Python) not.
  void AddTheList() {
    ada_ = Add("Ada Okafor", {"--skill", "C++", "--skill", "SQLite", "--city", "Chicago"});
    bo_ = Add("Bo Chen", {"--skill", "Python"});
    cy_ = Add("Cy Ortiz", {"--skill", "C++", "--city", "Boston"});
  }

  std::int64_t AddJob() const {
    const json added = KithJson({"opp", "add", "Staff C++ engineer", "--kind", "job", "--skill", "C++",
                                 "--skill", "SQLite", "--place", "Chicago"});
    return added.is_object() ? added.value("id", std::int64_t{-1}) : -1;
  }

  static std::vector<std::int64_t> Ids(const json& people) {
    std::vector<std::int64_t> ids;
    for (const auto& person : people) ids.push_back(person.at("id").get<std::int64_t>());
    return ids;
  }

  json Match(std::int64_t opportunity) const { return KithJson({"match", std::to_string(opportunity)}); }
  json Ledger(std::int64_t contact) const { return KithJson({"ledger", std::to_string(contact)}); }

  std::int64_t ada_ = -1;
  std::int64_t bo_ = -1;
  std::int64_t cy_ = -1;
};
KITH_ON_BOTH_STORES(GiveCli);

TEST_P(GiveCli, MatchListsPeopleBestFirstWithTheirReasons) {
  AddTheList();
  const json matches = Match(AddJob());
  ASSERT_TRUE(matches.is_array()) << matches.dump();
  EXPECT_EQ(Ids(matches), (std::vector<std::int64_t>{ada_, cy_}));
  ASSERT_FALSE(matches.empty());
  ASSERT_TRUE(matches[0]["reasons"].is_array()) << matches.dump();
  EXPECT_EQ(matches[0]["reasons"][0], "skills: C++, SQLite");
}

TEST_P(GiveCli, MatchPrintsReasonsAsText) {
  AddTheList();
  const KithRun run = Kith({"match", std::to_string(AddJob())});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  EXPECT_TRUE(Contains(run.out, "1. Ada Okafor (#" + std::to_string(ada_) + ")"));
  EXPECT_TRUE(Contains(run.out, "skills: C++, SQLite · Chicago"));
}

TEST_P(GiveCli, SomeoneGivenTheOpportunityLeavesTheMatches) {
  AddTheList();
  const std::int64_t job = AddJob();
  const json entry = KithJson({"give", std::to_string(ada_), "--opp", std::to_string(job)});
  EXPECT_EQ(entry["opportunity_id"], job);
  EXPECT_EQ(entry["what"], "Staff C++ engineer");
  EXPECT_EQ(Ids(Match(job)), (std::vector<std::int64_t>{cy_}));
}

TEST_P(GiveCli, LedgerJsonShowsTheBalance) {
  AddTheList();
  KithJson({"give", std::to_string(ada_), "--what", "reviewed her talk"});
  KithJson({"give", std::to_string(ada_), "--what", "a recruiter intro", "--from-them"});
  KithJson({"give", std::to_string(ada_), "--what", "a book", "--on", "2026-10-01"});
  KithJson({"ask", std::to_string(ada_), "--what", "feedback on a deck"});
  const json ledger = Ledger(ada_);
  EXPECT_EQ(ledger["id"], ada_);
  EXPECT_EQ(ledger["name"], "Ada Okafor");
  EXPECT_EQ(ledger["given"], 2);
  EXPECT_EQ(ledger["received"], 1);
  EXPECT_EQ(ledger["open_asks"], 1);
  EXPECT_EQ(ledger["balance"], 1);
  ASSERT_EQ(ledger["entries"].size(), 4U);
  EXPECT_EQ(ledger["entries"][0]["what"], "a book") << "oldest first";
}

TEST_P(GiveCli, IntroIsRecordedForBoth) {
  AddTheList();
  const json entries =
      KithJson({"intro", std::to_string(ada_), "Bo Chen", "--why", "both build embedded databases"});
  ASSERT_TRUE(entries.is_array()) << entries.dump();
  ASSERT_EQ(entries.size(), 2U);
  const json ada_ledger = Ledger(ada_);
  const json bo_ledger = Ledger(bo_);
  ASSERT_EQ(ada_ledger["entries"].size(), 1U);
  ASSERT_EQ(bo_ledger["entries"].size(), 1U);
  EXPECT_EQ(ada_ledger["entries"][0]["kind"], "intro");
  EXPECT_EQ(ada_ledger["entries"][0]["introduced_to"], bo_);
  EXPECT_EQ(ada_ledger["entries"][0]["why"], "both build embedded databases");
  EXPECT_EQ(bo_ledger["entries"][0]["kind"], "intro");
  EXPECT_EQ(bo_ledger["entries"][0]["introduced_to"], ada_);
  EXPECT_EQ(ada_ledger["given"], 1);
  EXPECT_EQ(bo_ledger["given"], 1);
}

TEST_P(GiveCli, IntroOfSomeoneWithThemselvesIsRefused) {
  AddTheList();
  const KithRun run = Kith({"intro", std::to_string(ada_), std::to_string(ada_), "--why", "why not"});
  EXPECT_EQ(run.exit_code, 1) << Described(run);
  EXPECT_TRUE(Contains(run.err, "two different people"));
  EXPECT_TRUE(Ledger(ada_)["entries"].empty());
}

TEST_P(GiveCli, MatchOfAnUnknownOpportunityNamesItAndWritesNothing) {
  AddTheList();
  AddJob();
  const std::string before = Snapshot();
  const json opportunities = KithJson({"opp", "list", "--closed"});
  const KithRun run = Kith({"match", "99"});
  EXPECT_EQ(run.exit_code, 1) << Described(run);
  EXPECT_TRUE(Contains(run.err, "no opportunity with id 99"));
  EXPECT_EQ(Snapshot(), before);
  EXPECT_EQ(KithJson({"opp", "list", "--closed"}), opportunities);
}

TEST_P(GiveCli, OppAddWithNothingToMatchOnIsRefusedAndWritesNothing) {
  AddTheList();
  const std::string before = Snapshot();
  const KithRun run = Kith({"opp", "add", "X"});
  EXPECT_EQ(run.exit_code, 1) << Described(run);
  EXPECT_TRUE(Contains(run.err,
                       "nothing to match on: give a title with words in it, the skills wanted (--skill) or a "
                       "description (--description)"));
  EXPECT_EQ(Snapshot(), before);
  EXPECT_EQ(KithJson({"opp", "list", "--closed"}), json::array());
}

TEST_P(GiveCli, OppAddWithAnUnknownKindIsAUsageError) {
  const KithRun run = Kith({"opp", "add", "Rocket seat", "--kind", "spaceship", "--skill", "piloting"});
  EXPECT_EQ(run.exit_code, 2) << Described(run);
  EXPECT_TRUE(Contains(run.err, "spaceship"));
  EXPECT_EQ(KithJson({"opp", "list", "--closed"}), json::array());
}

// The agenda's items of one kind (the rest of the day is not about giving).
json OfKind(const json& items, const std::string& kind) {
  json found = json::array();
  for (const auto& item : items) {
    if (item["kind"] == kind) found.push_back(item);
  }
  return found;
}

TEST_P(GiveCli, TodayListsTheOpenOpportunityWithPeopleToOfferItTo) {
  AddTheList();
  const std::int64_t job = AddJob();
  const json today = KithJson({"today"});
  EXPECT_EQ(today["date"], kToday);
  const json offers = OfKind(today["items"], "opportunity");
  ASSERT_EQ(offers.size(), 1U) << today.dump();
  const json& item = offers[0];
  EXPECT_EQ(item["kind"], "opportunity");
  EXPECT_EQ(item["opportunity"]["id"], job);
  EXPECT_EQ(Ids(item["people"]), (std::vector<std::int64_t>{ada_, cy_}));
  EXPECT_FALSE(item["people"][0]["reasons"].empty());
}

TEST_P(GiveCli, TodayLeavesOutAClosedOpportunity) {
  AddTheList();
  KithJson({"opp", "close", std::to_string(AddJob())});
  EXPECT_EQ(OfKind(KithJson({"today"})["items"], "opportunity"), json::array());
}

}  // namespace
}  // namespace kith::testing
