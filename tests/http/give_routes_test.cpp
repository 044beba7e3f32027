#include <algorithm>

#include "http/server_fixture.h"

namespace kith::testing {
namespace {

class GiveRoutes : public ServerTestOnBothStores {};
KITH_ON_BOTH_STORES(GiveRoutes);

TEST_P(GiveRoutes, AddsMatchesAndOffersAnOpportunity) {
  const json ada = AddPerson({{"name", "Ada Okafor"}, {"skills", {"C++", "SQLite"}}, {"city", "Chicago"}});
  AddPerson({{"name", "Bob Stone"}, {"skills", {"gardening"}}});
  const json opportunity = Expect(
      Send("POST", "/api/v1/opportunities",
           json({{"title", "Staff C++ engineer"}, {"kind", "job"}, {"skills", {"C++"}}, {"place", "Chicago"}})
               .dump()),
      201);
  const std::string path = "/api/v1/opportunities/" + opportunity["id"].dump();
  EXPECT_EQ(Expect(Send("GET", path), 200)["title"], "Staff C++ engineer");
  EXPECT_EQ(Expect(Send("GET", "/api/v1/opportunities"), 200).size(), 1U);
  const json matches = Expect(Send("GET", path + "/matches?limit=5"), 200);
  ASSERT_FALSE(matches.empty());
  EXPECT_EQ(matches[0]["name"], "Ada Okafor");
  EXPECT_FALSE(matches[0]["reasons"].empty());
  // The score and what it is made of.
  double sum = 0;
  for (const auto& part : matches[0]["parts"]) sum += part["points"].get<double>();
  EXPECT_EQ(matches[0]["parts"][0]["signal"], "skills");
  EXPECT_NEAR(sum, matches[0]["score"].get<double>(), 1e-9);
  const json give =
      Expect(Send("POST", "/api/v1/gives",
                  json({{"contact_id", ada["id"]}, {"opportunity_id", opportunity["id"]}}).dump()),
             201);
  EXPECT_EQ(give["kind"], "give");
  EXPECT_EQ(give["opportunity_id"], opportunity["id"]);
  const json after = Expect(Send("GET", path + "/matches"), 200);
  for (const auto& person : after) EXPECT_NE(person["id"], ada["id"]);
  // The agenda offers it; its people were ranked with it.
  const json agenda = Expect(Send("GET", "/api/v1/agenda"), 200);
  EXPECT_EQ(agenda["date"], "2026-11-26");
  const auto offered = std::find_if(agenda["items"].begin(), agenda["items"].end(),
                                    [](const json& item) { return item["kind"] == "opportunity"; });
  ASSERT_NE(offered, agenda["items"].end()) << agenda.dump();
  EXPECT_EQ((*offered)["opportunity"]["id"], opportunity["id"]);
  EXPECT_EQ(Expect(Send("POST", path + "/close"), 200)["closed_on"], "2026-11-26");
  EXPECT_EQ(ErrorCodeOf(Expect(Send("POST", path + "/close"), 409)), "conflict");
}

TEST_P(GiveRoutes, RejectsBadOpportunities) {
  EXPECT_EQ(
      ErrorCodeOf(Expect(Send("POST", "/api/v1/opportunities", R"({"title": "x", "kind": "gift"})"), 400)),
      "invalid_input");
  EXPECT_EQ(ErrorCodeOf(Expect(Send("POST", "/api/v1/opportunities", R"({"skills": ["C++"]})"), 400)),
            "invalid_input");
  EXPECT_EQ(
      ErrorCodeOf(Expect(Send("POST", "/api/v1/opportunities", R"({"title": "x", "skills": "C++"})"), 400)),
      "invalid_input");
  EXPECT_EQ(ErrorCodeOf(Expect(Send("GET", "/api/v1/opportunities/99"), 404)), "not_found");
  EXPECT_EQ(ErrorCodeOf(Expect(Send("GET", "/api/v1/opportunities/99/matches"), 404)), "not_found");
  EXPECT_EQ(ErrorCodeOf(Expect(Send("POST", "/api/v1/opportunities/99/close"), 404)), "not_found");
}

TEST_P(GiveRoutes, RecordsAsksIntrosOutcomesAndTheLedger) {
  const json ada = AddPerson({{"name", "Ada Okafor"}});
  const json bob = AddPerson({{"name", "Bob Stone"}});
  const json ask = Expect(
      Send("POST", "/api/v1/asks", json({{"contact_id", ada["id"]}, {"what", "feedback on a deck"}}).dump()),
      201);
  EXPECT_EQ(ask["direction"], "to-me");
  const json intro = Expect(
      Send("POST", "/api/v1/intros",
           json({{"first_id", ada["id"]}, {"second_id", bob["id"]}, {"why", "both love SQLite"}}).dump()),
      201);
  EXPECT_EQ(intro.size(), 2U);
  const json outcome =
      Expect(Send("PATCH", "/api/v1/ledger/" + ask["id"].dump(), R"({"outcome": "thanked"})"), 200);
  EXPECT_EQ(outcome["outcome"], "thanked");
  const json ledger = Expect(Send("GET", "/api/v1/contacts/" + ada["id"].dump() + "/ledger"), 200);
  EXPECT_EQ(ledger["entries"].size(), 2U);
  EXPECT_EQ(ledger["given"], 1);
}

TEST_P(GiveRoutes, RejectsBadLedgerInput) {
  const json ada = AddPerson({{"name", "Ada Okafor"}});
  EXPECT_EQ(ErrorCodeOf(Expect(Send("POST", "/api/v1/gives", R"({"what": "x"})"), 400)), "invalid_input");
  EXPECT_EQ(ErrorCodeOf(Expect(Send("POST", "/api/v1/gives", R"({"contact_id": "one", "what": "x"})"), 400)),
            "invalid_input");
  EXPECT_EQ(ErrorCodeOf(Expect(Send("POST", "/api/v1/gives", R"({"contact_id": 999, "what": "x"})"), 404)),
            "not_found");
  EXPECT_EQ(ErrorCodeOf(Expect(Send("POST", "/api/v1/gives",
                                    json({{"contact_id", ada["id"]}, {"direction", "sideways"}}).dump()),
                               400)),
            "invalid_input");
  EXPECT_EQ(ErrorCodeOf(Expect(Send("POST", "/api/v1/asks", json({{"contact_id", ada["id"]}}).dump()), 400)),
            "invalid_input");
  EXPECT_EQ(
      ErrorCodeOf(Expect(Send("POST", "/api/v1/intros",
                              json({{"first_id", ada["id"]}, {"second_id", ada["id"]}, {"why", "x"}}).dump()),
                         400)),
      "invalid_input");
  EXPECT_EQ(ErrorCodeOf(Expect(Send("PATCH", "/api/v1/ledger/999", R"({"outcome": "hired"})"), 404)),
            "not_found");
  EXPECT_EQ(ErrorCodeOf(Expect(Send("PATCH", "/api/v1/ledger/1", R"({"outcome": "maybe"})"), 400)),
            "invalid_input");
  EXPECT_EQ(ErrorCodeOf(Expect(Send("GET", "/api/v1/contacts/999/ledger"), 404)), "not_found");
}

TEST_P(GiveRoutes, ShowsAndSavesTheProfileAndWhomToTell) {
  const json saved = Expect(
      Send("PUT", "/api/v1/me", R"({"name": "Sam Rivera", "skills": ["SQLite"], "known_for": "databases"})"),
      200);
  EXPECT_EQ(saved["name"], "Sam Rivera");
  EXPECT_EQ(Expect(Send("GET", "/api/v1/me"), 200)["skills"], json({"SQLite"}));
  EXPECT_EQ(ErrorCodeOf(Expect(Send("PUT", "/api/v1/me", R"({"skills": "SQLite"})"), 400)), "invalid_input");
  AddPerson({{"name", "Ada Okafor"}, {"interests", {"SQLite"}}});
  EXPECT_TRUE(Expect(Send("GET", "/api/v1/tell?topic=SQLite%20talk"), 200).is_array());
  EXPECT_EQ(ErrorCodeOf(Expect(Send("GET", "/api/v1/tell"), 400)), "invalid_input");
}

}  // namespace
}  // namespace kith::testing
