// Every API route, tried by a viewer signed in by account: each route that
// writes (Access::kWrite in the route table) is refused with 403
// "forbidden" before it reads its input, each read answers as it would
// anyone (but the owners' own, below), and afterwards every table of the database is as it was. The
// routes come from the server's own table (ApiRoutes), so a new writing
// route is tried here the day it is added; a route that changes things
// while declared a read leaves a changed table, and one whose method says
// "write" while declared a read must be listed below with its reason.
#include <gmock/gmock.h>

#include <map>
#include <set>
#include <string>

#include "http/routes/routes.h"
#include "http/team_server_fixture.h"
#include "store/postgres/connection.h"

namespace kith::testing {
namespace {

// Routes served on the read-write connection that a viewer may still use:
// signing in and out changes only the viewer's own session.
const std::set<std::string> kOpenToViewers = {"GET /session", "POST /session", "DELETE /session"};
// Reads only a workspace's owners may make, with why: a viewer gets 403.
const std::map<std::string, std::string> kOwnersOnly = {
    {"GET /workspace/members", "who the members are and their roles is for the owners who manage them"},
};
// Routes whose method would write but that only read, with why.
const std::map<std::string, std::string> kReadsByPost = {
    {"POST /scan", "reads a card's photo into fields; saves nothing"},
};

class ViewerMatrixHttp : public TeamServer {
 protected:
  // acme as its owner left it: two cards, an opportunity, a give, an
  // event with a meeting, a reminder, a fact, a device.
  void SetUp() override {
    TeamServer::SetUp();
    const SignedIn ada = SignIn("ada", "acme");
    for (const auto& [path, body] : std::vector<std::pair<std::string, std::string>>{
             {"/api/v1/contacts", R"({"name": "Acme First", "emails": ["first@acme.example"]})"},
             {"/api/v1/contacts", R"({"name": "Acme Second", "tags": ["mentor"]})"},
             {"/api/v1/opportunities", R"({"title": "Staff engineer", "kind": "job"})"},
             {"/api/v1/gives", R"({"contact_id": 1, "what": "an introduction"})"},
             {"/api/v1/events", R"({"name": "Meetup", "on": "2026-11-20"})"},
             {"/api/v1/contacts/1/reminders", R"({"due": "2026-12-10", "note": "send the deck"})"},
             {"/api/v1/devices", R"({"name": "phone"})"},
         }) {
      auto response = As(ada, "POST", path, body);
      ASSERT_TRUE(response);
      ASSERT_LT(response->status, 300) << path << ": " << response->body;
    }
    auto fact =
        As(ada, "PUT", "/api/v1/contacts/1/facts", R"({"kind": "personal", "key": "kids", "value": "two"})");
    ASSERT_TRUE(fact);
    ASSERT_LT(fact->status, 300) << fact->body;
  }

  // Every table as the cluster's superuser sees it (no policy hides a
  // row): a digest per table. What a viewer may change is left out: its
  // own session, and the stored health scores a list by health refreshes.
  std::map<std::string, std::string> Database() const {
    std::map<std::string, std::string> digests;
    auto admin = postgres::Connection::Open(database_.admin_url());
    EXPECT_TRUE(admin) << admin.error().message;
    if (!admin) return digests;
    auto tables = (*admin)->Query(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
        "AND tablename NOT IN ('web_sessions', 'contact_health', 'health_dirty', 'health_sheets') ORDER BY "
        "1");
    EXPECT_TRUE(tables) << tables.error().message;
    if (!tables) return digests;
    for (int row = 0; row < tables->size(); ++row) {
      const std::string table = tables->Text(row, 0);
      const std::string where = table == "settings" ? " WHERE key <> 'health.scored_on'" : "";
      std::string sql = "SELECT coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM ";
      sql.append(table).append(" t").append(where);
      auto digest = (*admin)->Query(sql);
      EXPECT_TRUE(digest) << table << ": " << digest.error().message;
      if (digest) digests[table] = digest->Text(0, 0);
    }
    return digests;
  }
};

TEST_F(ViewerMatrixHttp, EveryRouteThatWritesRefusesAViewerAndNothingChanges) {
  const SignedIn cy = SignIn("cy", "acme");
  const auto before = Database();
  ASSERT_FALSE(before.empty());
  ASSERT_NE(before.at("contacts"), "");

  http::SessionState state;
  int writes = 0;
  int reads = 0;
  for (const http::Route& route : http::ApiRoutes(state)) {
    const std::string method(http::MethodName(route.method));
    const std::string name = method + " " + route.path;
    if (kOpenToViewers.contains(name)) continue;
    std::string path = "/api/v1" + route.path;
    for (std::size_t at = path.find('{'); at != std::string::npos; at = path.find('{')) {
      path.replace(at, path.find('}', at) - at + 1, "1");
    }
    auto response = As(cy, method, path, "{}");
    ASSERT_TRUE(response) << name;
    if (route.access == http::Access::kWrite) {
      ++writes;
      EXPECT_EQ(response->status, 403) << name << ": " << response->body;
      const json body = json::parse(response->body, nullptr, false);
      EXPECT_EQ(ErrorCodeOf(body), "forbidden") << name;
      EXPECT_THAT(response->body, ::testing::HasSubstr("viewer cy cannot use " + method)) << name;
      continue;
    }
    ++reads;
    if (kOwnersOnly.contains(name)) {
      EXPECT_EQ(response->status, 403) << name << ": " << response->body;
      EXPECT_THAT(response->body, ::testing::HasSubstr("viewer cy cannot manage the members of acme"))
          << name;
      continue;
    }
    if (method != "GET") {
      EXPECT_TRUE(kReadsByPost.contains(name))
          << name << " is served as a read although its method writes: list it in kReadsByPost with why "
          << "a viewer may use it, or declare it Access::kWrite";
    }
    // A viewer reads what anyone in the workspace reads: never 401 or 403,
    // never a failure of the server (bad or missing parameters are 400).
    EXPECT_NE(response->status, 401) << name << ": " << response->body;
    EXPECT_NE(response->status, 403) << name << ": " << response->body;
    EXPECT_LT(response->status, 500) << name << ": " << response->body;
  }
  EXPECT_GT(writes, 30);
  EXPECT_GT(reads, 30);
  EXPECT_EQ(Database(), before);
}

// The matrix's own check: the owner's same requests go through the gate
// (a broken gate refusing everyone would pass the test above).
TEST_F(ViewerMatrixHttp, AnEditorPassesTheSameGate) {
  const SignedIn bo = SignIn("bo", "acme");
  auto added = As(bo, "POST", "/api/v1/contacts", R"({"name": "Added By Bo"})");
  ASSERT_TRUE(added);
  EXPECT_EQ(added->status, 201) << added->body;
  auto bad = As(bo, "POST", "/api/v1/contacts", "{}");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400) << bad->body;  // past the gate: the input is wrong
}

}  // namespace
}  // namespace kith::testing
