// Signing in to `kith serve` by account on a shared PostgreSQL database,
// over real sockets: who is signed in and with which role, one answer for
// every wrong sign-in, each request acting as its member (a member of one
// workspace never reads another's cards, through the API or CardDAV), a
// viewer's write refused with 403 and nothing written, and the pooled
// connections never carrying one member's settings into another's request.
#include <gmock/gmock.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>
#include <tuple>
#include <utility>

#include <unistd.h>

#include "app/accounts.h"
#include "app/devices.h"
#include "app/web_sessions.h"
#include "http/store_pool.h"
#include "http/team_server_fixture.h"
#include "support/run_command.h"

namespace kith::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

class TeamHttp : public TeamServer {
 protected:
  // A card added through the API by `member`: its JSON.
  json AddCard(const SignedIn& member, const std::string& name, const std::string& email) {
    return Expect(As(member, "POST", "/api/v1/contacts", json{{"name", name}, {"emails", {email}}}.dump()),
                  201);
  }

  // The members of acme as the directory holds them: "account role" each.
  std::vector<std::string> MembersOfAcme() {
    std::vector<std::string> members;
    WithDatabase([&](Context& context) {
      auto listed = ListWorkspaces(context);
      ASSERT_TRUE(listed) << listed.error().message;
      for (const WorkspaceMembers& workspace : *listed) {
        if (workspace.workspace.name != "acme") continue;
        for (const Membership& member : workspace.members) {
          members.push_back(member.account + " " + std::string(RoleName(member.role)));
        }
      }
    });
    return members;
  }

  // A CardDAV request with HTTP Basic credentials.
  httplib::Result Dav(const std::string& method, const std::string& path, const std::string& user,
                      const std::string& password, const std::string& body = "") {
    httplib::Request request;
    request.method = method;
    request.path = path;
    request.set_header("Authorization", Basic(user, password));
    if (method == "PROPFIND" || method == "REPORT") request.set_header("Depth", "1");
    if (!body.empty()) {
      request.body = body;
      request.set_header("Content-Type", method == "PUT" ? "text/vcard; charset=utf-8" : "application/xml");
    }
    return client_->send(request);
  }

  // The hrefs of the cards a CardDAV listing of the default book shows.
  std::string BookListing(const std::string& user) {
    auto response = Dav("PROPFIND", "/dav/books/default/", user, kTeamPassword,
                        R"(<?xml version="1.0"?><propfind xmlns="DAV:"><prop><getetag/></prop></propfind>)");
    EXPECT_TRUE(response);
    if (!response) return "";
    EXPECT_EQ(response->status, 207) << response->body;
    return response->body;
  }
};

TEST_F(TeamHttp, SignsAMemberInAndSaysWhoAndWithWhichRole) {
  const SignedIn cy = SignIn("cy", "acme");
  EXPECT_EQ(cy.session["authenticated"], true);
  EXPECT_EQ(cy.session["accounts"], true);
  EXPECT_EQ(cy.session["account"], "cy");
  EXPECT_EQ(cy.session["workspace"], "acme");
  EXPECT_EQ(cy.session["role"], "viewer");
  EXPECT_THAT(cy.cookie, HasSubstr("kith_session="));

  const json again = Expect(As(cy, "GET", "/api/v1/session"), 200);
  EXPECT_EQ(again["authenticated"], true);
  EXPECT_EQ(again["account"], "cy");
  EXPECT_EQ(again["workspace"], "acme");
  EXPECT_EQ(again["role"], "viewer");
  EXPECT_EQ(again["csrf_token"], cy.csrf);

  // Signed out, the app learns it must ask for an account, on loopback too,
  // and no session is handed out unasked.
  auto anonymous = client_->Get("/api/v1/session");
  const json out = Expect(anonymous, 200);
  EXPECT_EQ(out["authenticated"], false);
  EXPECT_EQ(out["accounts"], true);
  EXPECT_TRUE(out["account"].is_null());
  EXPECT_FALSE(anonymous->has_header("Set-Cookie"));
}

TEST_F(TeamHttp, AWrongAccountPasswordWorkspaceOrANonMemberGetsTheSameRefusal) {
  const std::vector<json> wrong = {
      {{"account", "nobody"}, {"password", kTeamPassword}, {"workspace", "acme"}},
      {{"account", "ada"}, {"password", "not the password"}, {"workspace", "acme"}},
      {{"account", "ada"}, {"password", kTeamPassword}, {"workspace", "nowhere"}},
      {{"account", "dee"}, {"password", kTeamPassword}, {"workspace", "acme"}},  // beta's owner
  };
  std::vector<std::string> answers;
  for (const json& body : wrong) {
    auto response = PostSession(body);
    const json refused = Expect(response, 401);
    EXPECT_FALSE(response->has_header("Set-Cookie")) << body.dump();
    EXPECT_EQ(ErrorCodeOf(refused), "unauthorized") << body.dump();
    answers.push_back(response->body);
  }
  for (const std::string& answer : answers) EXPECT_EQ(answer, answers.front());
  EXPECT_THAT(answers.front(), HasSubstr("wrong account, password or workspace"));

  // The password alone is the single-user sign-in: not enough here.
  const json password_only = Expect(PostSession({{"password", kTeamPassword}}), 400);
  EXPECT_EQ(password_only["error"]["field"], "account");
  // The right one still signs in (4 failures are within the free tries).
  SignIn("ada", "acme");
}

TEST_F(TeamHttp, GuessingIsThrottledPerAddressLikeThePasswordSignIn) {
  const json guess = {{"account", "ada"}, {"password", "guess guess"}, {"workspace", "acme"}};
  for (int i = 0; i < 5; ++i) Expect(PostSession(guess), 401);
  auto throttled = PostSession(guess);
  EXPECT_EQ(ErrorCodeOf(Expect(throttled, 429)), "too_many_attempts");
  EXPECT_TRUE(throttled->has_header("Retry-After"));
  // Even the right password waits: nothing is checked while throttled.
  Expect(PostSession({{"account", "ada"}, {"password", kTeamPassword}, {"workspace", "acme"}}), 429);
}

TEST_F(TeamHttp, EveryApiRouteNeedsAMemberSessionEvenOnLoopback) {
  EXPECT_EQ(ErrorCodeOf(Expect(client_->Get("/api/v1/contacts"), 401)), "unauthorized");
  EXPECT_EQ(ErrorCodeOf(Expect(
                client_->Get("/api/v1/contacts", {{"Cookie", "kith_session=" + std::string(64, 'a')}}), 401)),
            "unauthorized");
  // A made-up workspace in the cookie finds nothing either.
  EXPECT_EQ(ErrorCodeOf(Expect(
                client_->Get("/api/v1/contacts", {{"Cookie", "kith_session=" + std::string(64, 'a') + ".2"}}),
                401)),
            "unauthorized");
  const SignedIn ada = SignIn("ada", "acme");
  Expect(As(ada, "GET", "/api/v1/contacts"), 200);
}

TEST_F(TeamHttp, AMemberOfOneWorkspaceNeverReadsAnother) {
  const SignedIn ada = SignIn("ada", "acme");
  const SignedIn dee = SignIn("dee", "beta");
  AddCard(ada, "Acme First", "first@acme.example");
  const json second = AddCard(ada, "Acme Second", "second@acme.example");
  const json beta = AddCard(dee, "Beta Person", "person@beta.example");
  // Ids are per workspace: acme has 1 and 2, beta only 1.
  ASSERT_EQ(second["id"], 2);
  ASSERT_EQ(beta["id"], 1);

  EXPECT_EQ(ErrorCodeOf(Expect(As(dee, "GET", "/api/v1/contacts/2"), 404)), "not_found");
  EXPECT_EQ(Expect(As(dee, "GET", "/api/v1/contacts/1"), 200)["name"], "Beta Person");
  EXPECT_EQ(Expect(As(ada, "GET", "/api/v1/contacts/1"), 200)["name"], "Acme First");
  EXPECT_THAT(NamesSeenBy(dee), ElementsAre("Beta Person"));
  EXPECT_THAT(NamesSeenBy(dee, "/api/v1/search?q=acme"), IsEmpty());
  EXPECT_THAT(NamesSeenBy(dee, "/api/v1/search?q=second"), IsEmpty());
  EXPECT_THAT(NamesSeenBy(ada, "/api/v1/search?q=beta"), IsEmpty());

  // Members of both workspaces taking turns on the pool's few connections:
  // each request sees only its own member's workspace.
  for (int turn = 0; turn < 10; ++turn) {
    const std::vector<std::string> expected = turn % 2 == 0
                                                  ? std::vector<std::string>{"Acme First", "Acme Second"}
                                                  : std::vector<std::string>{"Beta Person"};
    EXPECT_EQ(NamesSeenBy(turn % 2 == 0 ? ada : dee), expected) << "turn " << turn;
  }

  // CardDAV: the same member, signed in as ACCOUNT@WORKSPACE.
  const std::string acme_uid = second["uid"].get<std::string>();
  const std::string beta_listing = BookListing("dee@beta");
  EXPECT_THAT(beta_listing, HasSubstr(beta["uid"].get<std::string>()));
  EXPECT_THAT(beta_listing, ::testing::Not(HasSubstr(acme_uid)));
  auto card = Dav("GET", "/dav/books/default/" + acme_uid + ".vcf", "dee@beta", kTeamPassword);
  ASSERT_TRUE(card);
  EXPECT_EQ(card->status, 404) << card->body;
  auto own = Dav("GET", "/dav/books/default/" + acme_uid + ".vcf", "ada@acme", kTeamPassword);
  ASSERT_TRUE(own);
  EXPECT_EQ(own->status, 200) << own->body;
  EXPECT_THAT(own->body, HasSubstr("Acme Second"));

  // An export is written after the handler's lease has ended, on a
  // connection borrowed for the download: still as the member who asked.
  for (int turn = 0; turn < 4; ++turn) {
    const bool as_dee = turn % 2 == 0;
    auto download = As(as_dee ? dee : ada, "GET", "/api/v1/export?format=csv");
    ASSERT_TRUE(download);
    EXPECT_EQ(download->status, 200) << download->body;
    EXPECT_THAT(download->body, HasSubstr(as_dee ? "Beta Person" : "Acme Second")) << "turn " << turn;
    EXPECT_THAT(download->body, ::testing::Not(HasSubstr(as_dee ? "Acme" : "Beta"))) << "turn " << turn;
  }
}

TEST_F(TeamHttp, AViewersWriteIsForbiddenAndChangesNothing) {
  const SignedIn ada = SignIn("ada", "acme");
  const SignedIn bo = SignIn("bo", "acme");
  const SignedIn cy = SignIn("cy", "acme");
  AddCard(ada, "Acme First", "first@acme.example");

  const json refused = Expect(As(cy, "POST", "/api/v1/contacts", R"({"name": "Sneaky Add"})"), 403);
  EXPECT_EQ(ErrorCodeOf(refused), "forbidden");
  EXPECT_THAT(
      refused["error"]["message"].get<std::string>(),
      HasSubstr("viewer cy cannot use POST /api/v1/contacts in workspace acme: only an owner or editor can"));
  EXPECT_EQ(ErrorCodeOf(Expect(As(cy, "PATCH", "/api/v1/contacts/1", R"({"company": "Changed"})"), 403)),
            "forbidden");
  EXPECT_EQ(ErrorCodeOf(Expect(As(cy, "DELETE", "/api/v1/contacts/1"), 403)), "forbidden");
  EXPECT_THAT(NamesSeenBy(ada), ElementsAre("Acme First"));
  EXPECT_EQ(Expect(As(ada, "GET", "/api/v1/contacts/1"), 200)["company"], "");

  // The viewer still reads everything; the editor writes.
  EXPECT_THAT(NamesSeenBy(cy), ElementsAre("Acme First"));
  AddCard(bo, "Added By Bo", "bo@acme.example");
  EXPECT_THAT(NamesSeenBy(cy), ElementsAre("Acme First", "Added By Bo"));

  // Over CardDAV too.
  const std::string card =
      "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:sneaky\r\nFN:Sneaky Put\r\nN:Put;Sneaky;;;\r\nEND:VCARD\r\n";
  auto put = Dav("PUT", "/dav/books/default/sneaky.vcf", "cy@acme", kTeamPassword, card);
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 403) << put->body;
  const std::string first_uid = Expect(As(ada, "GET", "/api/v1/contacts/1"), 200)["uid"].get<std::string>();
  auto removed = Dav("DELETE", "/dav/books/default/" + first_uid + ".vcf", "cy@acme", kTeamPassword);
  ASSERT_TRUE(removed);
  EXPECT_EQ(removed->status, 403) << removed->body;
  EXPECT_THAT(NamesSeenBy(ada), ElementsAre("Acme First", "Added By Bo"));
  auto editor_put = Dav("PUT", "/dav/books/default/sneaky.vcf", "bo@acme", kTeamPassword, card);
  ASSERT_TRUE(editor_put);
  EXPECT_EQ(editor_put->status, 201) << editor_put->body;
}

TEST_F(TeamHttp, CardDavSignsInAsAccountAtWorkspaceWithThePasswordOrAnAppPassword) {
  const SignedIn ada = SignIn("ada", "acme");
  AddCard(ada, "Acme First", "first@acme.example");
  EXPECT_THAT(BookListing("ada@acme"), HasSubstr(".vcf"));
  for (const auto& [user, password] :
       std::vector<std::pair<std::string, std::string>>{{"ada@acme", "not the password"},
                                                        {"ada", kTeamPassword},          // no workspace
                                                        {"dee@acme", kTeamPassword},     // no member of acme
                                                        {"nobody@acme", kTeamPassword},  // no such account
                                                        {"ada@nowhere", kTeamPassword}}) {
    auto refused = Dav("PROPFIND", "/dav/books/default/", user, password);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 401) << user;
    EXPECT_THAT(refused->get_header_value("WWW-Authenticate"), HasSubstr("Basic"));
  }
  // Without credentials, on loopback too.
  httplib::Request bare;
  bare.method = "PROPFIND";
  bare.path = "/dav/books/default/";
  auto anonymous = client_->send(bare);
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);

  // Five wrong tries from this address: the throttle makes the next wait 1 s.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  // A device ada adds syncs as ada in acme, with its app password.
  const json setup = Expect(As(ada, "POST", "/api/v1/devices", R"({"name": "phone"})"), 201);
  EXPECT_EQ(setup["username"], "ada@acme");
  const std::string app_password = setup["password"].get<std::string>();
  auto synced = Dav("PROPFIND", "/dav/books/default/", "ada@acme", app_password,
                    R"(<?xml version="1.0"?><propfind xmlns="DAV:"><prop><getetag/></prop></propfind>)");
  ASSERT_TRUE(synced);
  EXPECT_EQ(synced->status, 207) << synced->body;
  // It is ada's: no other account signs in with it.
  auto borrowed = Dav("PROPFIND", "/dav/books/default/", "bo@acme", app_password);
  ASSERT_TRUE(borrowed);
  EXPECT_EQ(borrowed->status, 401);
}

TEST_F(TeamHttp, AMemberRemovedIsSignedOutAtOnceAndSigningOutEndsTheSession) {
  const SignedIn bo = SignIn("bo", "acme");
  const SignedIn cy = SignIn("cy", "acme");
  Expect(As(cy, "GET", "/api/v1/contacts"), 200);
  WithDatabase([](Context& context) {
    ASSERT_TRUE(RemoveMember(context, {"ada", "acme", "cy", Role::kViewer}));
  });
  EXPECT_EQ(ErrorCodeOf(Expect(As(cy, "GET", "/api/v1/contacts"), 401)), "unauthorized");
  EXPECT_EQ(Expect(As(cy, "GET", "/api/v1/session"), 200)["authenticated"], false);

  // A role changed takes effect on the next request, signed in or not.
  WithDatabase([](Context& context) {
    ASSERT_TRUE(AddMember(context, {"ada", "acme", "bo", Role::kViewer}));
  });
  EXPECT_EQ(Expect(As(bo, "GET", "/api/v1/session"), 200)["role"], "viewer");
  Expect(As(bo, "POST", "/api/v1/contacts", R"({"name": "Not Now"})"), 403);

  Expect(As(bo, "DELETE", "/api/v1/session"), 200);
  EXPECT_EQ(ErrorCodeOf(Expect(As(bo, "GET", "/api/v1/contacts"), 401)), "unauthorized");
}

// The server remembers a member's session after reading it once and has
// the database check it with each request's first statement instead of
// reading it again (app/remembered_sessions.h): a change made beside the
// server, as by another server on the same database, holds from the next
// request all the same, and nothing is done on the old role.
TEST_F(TeamHttp, ASessionTheServerRemembersIsCheckedAgainOnEveryRequest) {
  const SignedIn bo = SignIn("bo", "acme");
  AddCard(bo, "Acme First", "first@acme.example");
  EXPECT_THAT(NamesSeenBy(bo), ElementsAre("Acme First"));

  WithDatabase([](Context& context) {
    ASSERT_TRUE(AddMember(context, {"ada", "acme", "bo", Role::kViewer}));
  });
  Expect(As(bo, "POST", "/api/v1/contacts", R"({"name": "Not Now"})"), 403);
  EXPECT_THAT(NamesSeenBy(bo), ElementsAre("Acme First")) << "read as the viewer bo is now";

  WithDatabase([](Context& context) {
    ASSERT_TRUE(AddMember(context, {"ada", "acme", "bo", Role::kEditor}));
  });
  AddCard(bo, "Acme Second", "second@acme.example");
  EXPECT_THAT(NamesSeenBy(bo), ElementsAre("Acme First", "Acme Second"));

  // Signed out beside this server: refused at once.
  WithDatabase([&](Context& context) {
    const std::string id = bo.cookie.substr(bo.cookie.find('=') + 1);
    ASSERT_TRUE(EndWebSession(context, id));
  });
  EXPECT_EQ(ErrorCodeOf(Expect(As(bo, "GET", "/api/v1/contacts"), 401)), "unauthorized");
  Expect(As(bo, "POST", "/api/v1/contacts", R"({"name": "Not Now"})"), 401);
  const SignedIn ada = SignIn("ada", "acme");
  EXPECT_THAT(NamesSeenBy(ada), ElementsAre("Acme First", "Acme Second"));
}

// The pool itself: a lease acts as its member, and once it ends the
// connection acts as nobody again, so the next lease without a member
// reads no workspace at all.
TEST_F(TeamHttp, ALeaseThatEndsLeavesItsConnectionActingAsNobody) {
  const SignedIn ada = SignIn("ada", "acme");
  AddCard(ada, "Acme First", "first@acme.example");
  auto pool = http::StorePool::Open(database_.url(), 0, clock_, "");
  ASSERT_TRUE(pool) << pool.error().message;
  (*pool)->RestAsNobody();
  std::optional<WorkspaceAccess> member;
  WithDatabase([&](Context& context) {
    auto workspace = AccountsOf(context.store)->FindWorkspace("acme");
    ASSERT_TRUE(workspace && *workspace);
    auto found = AccountsOf(context.store)->FindMember((*workspace)->id, "ada");
    ASSERT_TRUE(found);
    member = *found;
  });
  ASSERT_TRUE(member);
  {
    http::StorePool::Lease lease = (*pool)->Borrow(http::Access::kRead, member);
    ASSERT_TRUE(lease.acting());
    auto cards = lease.context().store.CountContacts({});
    ASSERT_TRUE(cards);
    EXPECT_EQ(*cards, 1);
  }
  http::StorePool::Lease lease = (*pool)->Borrow(http::Access::kRead);
  ASSERT_TRUE(lease.acting());
  EXPECT_EQ(AccountsOf(lease.context().store)->Access(), Nobody());
  auto cards = lease.context().store.CountContacts({});
  ASSERT_TRUE(cards);
  EXPECT_EQ(*cards, 0);
  auto written = lease.context().store.Begin();
  ASSERT_TRUE(written);
  EXPECT_FALSE(lease.context().store.SetSetting("anything", "at all"));
}

TEST_F(TeamHttp, AnOwnerListsAddsChangesAndRemovesMembers) {
  const SignedIn ada = SignIn("ada", "acme");
  EXPECT_EQ(Expect(As(ada, "GET", "/api/v1/workspace/members"), 200),
            json::parse(R"([{"account": "ada", "role": "owner"}, {"account": "bo", "role": "editor"},
                            {"account": "cy", "role": "viewer"}])"));

  // A new account with its first password, who signs in at once.
  EXPECT_EQ(Expect(As(ada, "POST", "/api/v1/workspace/members",
                      R"({"account": "eve", "role": "editor", "password": "eves own password"})"),
                   201),
            json::parse(R"({"account": "eve", "role": "editor"})"));
  const json eve = Expect(
      PostSession({{"account", "eve"}, {"password", "eves own password"}, {"workspace", "acme"}}), 201);
  EXPECT_EQ(eve["role"], "editor");

  // An existing account (beta's owner), its role changed, then removed:
  // signed out of acme at once, still beta's owner.
  Expect(As(ada, "POST", "/api/v1/workspace/members", R"({"account": "dee", "role": "viewer"})"), 201);
  const SignedIn dee = SignIn("dee", "acme");
  EXPECT_EQ(Expect(As(ada, "PATCH", "/api/v1/workspace/members/dee", R"({"role": "owner"})"), 200)["role"],
            "owner");
  EXPECT_EQ(Expect(As(dee, "GET", "/api/v1/session"), 200)["role"], "owner");
  EXPECT_EQ(Expect(As(ada, "DELETE", "/api/v1/workspace/members/dee"), 200),
            json::parse(R"({"account": "dee", "removed": true})"));
  EXPECT_EQ(Expect(As(dee, "GET", "/api/v1/contacts"), 401)["error"]["code"], "unauthorized");
  SignIn("dee", "beta");
  EXPECT_THAT(MembersOfAcme(), ElementsAre("ada owner", "bo editor", "cy viewer", "eve editor"));
}

TEST_F(TeamHttp, AddingOrChangingAMemberWrongIsRefusedNamingWhatAndWritesNothing) {
  const SignedIn ada = SignIn("ada", "acme");
  const auto refused = [&](const std::string& method, const std::string& path, const std::string& body,
                           int status, const std::string& field, const std::string& says) {
    const json answer = Expect(As(ada, method, path, body), status);
    EXPECT_EQ(answer["error"]["field"], field) << method << " " << path << " " << body;
    EXPECT_THAT(answer["error"]["message"].get<std::string>(), HasSubstr(says)) << method << " " << body;
  };
  const std::string members = "/api/v1/workspace/members";
  refused("POST", members, R"({"account": "bo", "role": "viewer"})", 409, "account",
          "bo is already a member of acme, as editor");
  refused("POST", members, R"({"account": "dee", "role": "viewer", "password": "a new password"})", 409,
          "account", "an account named 'dee' already exists: add it without a password");
  refused("POST", members, R"({"account": "nobody", "role": "viewer"})", 404, "account",
          "there is no account named 'nobody'");
  refused("POST", members, R"({"account": "fay", "role": "viewer", "password": "short"})", 400, "password",
          "at least 8 characters");
  refused("POST", members, R"({"account": "fay role", "role": "viewer", "password": "long enough"})", 400,
          "account", "may hold only letters");
  refused("POST", members, R"({"account": "fay", "role": "admin", "password": "long enough"})", 400, "role",
          "owner, editor or viewer");
  refused("PATCH", members + "/nobody", R"({"role": "viewer"})", 404, "account",
          "nobody is no member of acme");
  refused("DELETE", members + "/dee", "", 404, "account", "dee is no member of acme");
  // The last owner can never be demoted or removed.
  refused("PATCH", members + "/ada", R"({"role": "editor"})", 400, "account",
          "ada is the last owner of acme");
  refused("DELETE", members + "/ada", "", 400, "account", "ada is the last owner of acme");
  EXPECT_THAT(MembersOfAcme(), ElementsAre("ada owner", "bo editor", "cy viewer"));
  WithDatabase([](Context& context) {
    auto accounts = ListAccounts(context);
    ASSERT_TRUE(accounts);
    EXPECT_EQ(accounts->size(), 4U) << "no account was made";
  });
}

TEST_F(TeamHttp, OnlyAnOwnerManagesMembersEditorsAndViewersGet403AndNothingIsWritten) {
  const SignedIn bo = SignIn("bo", "acme");
  const SignedIn cy = SignIn("cy", "acme");
  for (const SignedIn* member : {&bo, &cy}) {
    const std::string who = member == &bo ? "editor bo" : "viewer cy";
    for (const auto& [method, path, body] : std::vector<std::tuple<std::string, std::string, std::string>>{
             {"GET", "/api/v1/workspace/members", ""},
             {"POST", "/api/v1/workspace/members", R"({"account": "dee", "role": "owner"})"},
             {"POST", "/api/v1/workspace/members",
              R"({"account": "fay", "role": "owner", "password": "a new password"})"},
             // Refused as not an owner, not for the short password.
             {"POST", "/api/v1/workspace/members",
              R"({"account": "fay", "role": "owner", "password": "short"})"},
             {"PATCH", "/api/v1/workspace/members/cy", R"({"role": "owner"})"},
             {"PATCH", "/api/v1/workspace/members/bo", R"({"role": "owner"})"},
             {"DELETE", "/api/v1/workspace/members/ada", ""},
         }) {
      const json refused = Expect(As(*member, method, path, body), 403);
      EXPECT_EQ(ErrorCodeOf(refused), "forbidden") << who << " " << method << " " << path;
      EXPECT_THAT(refused["error"]["message"].get<std::string>(), HasSubstr(who + " cannot"))
          << method << " " << path;
    }
  }
  EXPECT_THAT(MembersOfAcme(), ElementsAre("ada owner", "bo editor", "cy viewer"));
  WithDatabase([](Context& context) {
    auto accounts = ListAccounts(context);
    ASSERT_TRUE(accounts);
    EXPECT_EQ(accounts->size(), 4U) << "no account was made";
  });
}

// An owner manages the workspace signed in to, and no other: beta's owner
// sees beta's members and cannot reach acme's.
TEST_F(TeamHttp, AnOwnerManagesOnlyTheWorkspaceSignedInTo) {
  const SignedIn dee = SignIn("dee", "beta");
  EXPECT_EQ(Expect(As(dee, "GET", "/api/v1/workspace/members"), 200),
            json::parse(R"([{"account": "dee", "role": "owner"}])"));
  Expect(As(dee, "DELETE", "/api/v1/workspace/members/bo"), 404);
  Expect(As(dee, "PATCH", "/api/v1/workspace/members/ada", R"({"role": "viewer"})"), 404);
  EXPECT_THAT(MembersOfAcme(), ElementsAre("ada owner", "bo editor", "cy viewer"));
}

// The list by health through `kith serve` is each member's own: ada met Lin
// twice in private, bo met Max twice in private, and each member's list
// has the other's person weaker than their own — whichever of them the
// server's readers or its upkeep scored first.
TEST_F(TeamHttp, EachMemberListsByTheirOwnHealth) {
  const SignedIn ada = SignIn("ada", "acme");
  const SignedIn bo = SignIn("bo", "acme");
  const int lin = AddCard(ada, "Lin Park", "lin@acme.example")["id"].get<int>();
  const int max = AddCard(ada, "Max Stone", "max@acme.example")["id"].get<int>();
  for (const auto& [member, person] : {std::pair{ada, lin}, std::pair{bo, max}}) {
    for (const char* on : {"2026-11-20", "2026-11-24"}) {
      Expect(As(member, "POST", "/api/v1/contacts/" + std::to_string(person) + "/interactions",
                json{{"kind", "coffee"},
                     {"on", on},
                     {"summary", "catching up"},
                     {"they_talked", 50},
                     {"private", true},
                     {"facts", {{{"kind", "personal"}, {"key", "hobby"}, {"value", "chess"}}}}}
                    .dump()),
             201);
    }
  }
  const auto names_by_health = [&](const SignedIn& member) {
    std::vector<std::string> names;
    for (const auto& person : Expect(As(member, "GET", "/api/v1/contacts?sort=health"), 200)) {
      names.push_back(person["name"]);
    }
    return names;
  };
  for (int round = 0; round < 2; ++round) {
    EXPECT_THAT(names_by_health(ada), ElementsAre("Max Stone", "Lin Park")) << "round " << round;
    EXPECT_THAT(names_by_health(bo), ElementsAre("Lin Park", "Max Stone")) << "round " << round;
  }
}

// The workspace's events in each member's feed, as a calendar app reads it
// (python3's icalendar and vobject, tests/formats/read_ics.py): an event
// reaches a calendar as the follow-ups of the people met there, as on a
// personal file's feed. ada and bo each meet someone at Harbour Fair, the
// workspace's one event; each feed holds that member's own follow-up,
// named for the event, and never the other's.
TEST_F(TeamHttp, EachMembersFeedHoldsTheirFollowUpsFromTheWorkspacesEvents) {
  const SignedIn ada = SignIn("ada", "acme");
  const SignedIn bo = SignIn("bo", "acme");
  Expect(As(ada, "POST", "/api/v1/contacts", R"({"name": "Lin Park", "met_at": "Harbour Fair"})"), 201);
  Expect(As(bo, "POST", "/api/v1/contacts", R"({"name": "Max Stone", "met_at": "Harbour Fair"})"), 201);
  const json events = Expect(As(bo, "GET", "/api/v1/events"), 200);
  ASSERT_EQ(events.size(), 1U) << "one event, the workspace's: " << events.dump();

  const auto account_of = [](const SignedIn& member) { return member.session["account"].get<std::string>(); };
  const auto feed_of = [&](const SignedIn& member) {
    const std::string path = Expect(As(member, "GET", "/api/v1/calendar/subscription"), 200)["path"];
    auto feed = client_->Get(path.c_str());
    EXPECT_TRUE(feed && feed->status == 200);
    const auto file = std::filesystem::temp_directory_path() /
                      ("kith-team-feed-" + std::to_string(::getpid()) + "-" + account_of(member) + ".ics");
    std::ofstream(file, std::ios::binary) << (feed ? feed->body : "");
    const CommandOutput read = RunCommand("/usr/bin/python3 " + std::string(KITH_TEST_DATA) +
                                          "/../formats/read_ics.py " + file.string() + " 2>&1");
    std::filesystem::remove(file);
    EXPECT_EQ(read.status, 0) << "python3-icalendar and python3-vobject read the feed: " << read.text;
    return read.status == 0 ? json::parse(read.text) : json::object();
  };
  for (const auto& [member, met, other] :
       {std::tuple{ada, "Lin Park", "Max Stone"}, std::tuple{bo, "Max Stone", "Lin Park"}}) {
    const json read = feed_of(member);
    for (const char* reader : {"icalendar", "vobject"}) {
      ASSERT_EQ(read.value(reader, json::array()).size(), 1U)
          << account_of(member) << " " << reader << ": " << read;
      const json& event = read[reader][0];
      EXPECT_EQ(event["summary"], std::string("Follow up with ") + met)
          << account_of(member) << " " << reader;
      EXPECT_THAT(event["description"].get<std::string>(), HasSubstr("good to meet at Harbour Fair"));
      EXPECT_EQ(event["categories"], json::array({"follow-up"}));
      EXPECT_THAT(read.dump(), Not(HasSubstr(other)))
          << account_of(member) << " sees another member's follow-up";
    }
  }
}

// Each member's own subscribed calendar (docs/team.md): a secret URL of
// their own, of their own reminders only, fetched without a cookie;
// replaced, revoked, and gone with the membership.
TEST_F(TeamHttp, EachMemberSubscribesToTheirOwnLoopAndNoOneElses) {
  const SignedIn ada = SignIn("ada", "acme");
  const SignedIn bo = SignIn("bo", "acme");
  const SignedIn cy = SignIn("cy", "acme");
  const json card = AddCard(ada, "Lin Park", "lin@acme.example");
  const std::string reminders = "/api/v1/contacts/" + std::to_string(card["id"].get<int>()) + "/reminders";
  Expect(As(ada, "POST", reminders, R"({"due": "2026-12-10", "note": "ada sends the deck"})"), 201);
  Expect(As(bo, "POST", reminders, R"({"due": "2026-12-11", "note": "bo asks about the offer"})"), 201);

  const std::string ada_path = Expect(As(ada, "GET", "/api/v1/calendar/subscription"), 200)["path"];
  const std::string bo_path = Expect(As(bo, "GET", "/api/v1/calendar/subscription"), 200)["path"];
  EXPECT_THAT(ada_path, ::testing::StartsWith("/ics/"));
  EXPECT_THAT(ada_path, HasSubstr("/ada/"));
  EXPECT_THAT(bo_path, HasSubstr("/bo/"));
  EXPECT_EQ(Expect(As(ada, "GET", "/api/v1/calendar/subscription"), 200)["path"], ada_path) << "stable";

  // Without a cookie, as a calendar app fetches it: each sees their own loop.
  auto ada_feed = client_->Get(ada_path.c_str());
  ASSERT_TRUE(ada_feed);
  ASSERT_EQ(ada_feed->status, 200) << ada_feed->body;
  EXPECT_THAT(ada_feed->body, HasSubstr("ada sends the deck"));
  EXPECT_THAT(ada_feed->body, Not(HasSubstr("bo asks")));
  auto bo_feed = client_->Get(bo_path.c_str());
  ASSERT_TRUE(bo_feed);
  ASSERT_EQ(bo_feed->status, 200) << bo_feed->body;
  EXPECT_THAT(bo_feed->body, HasSubstr("bo asks about the offer"));
  EXPECT_THAT(bo_feed->body, Not(HasSubstr("ada sends")));

  // The token is the key: another member's token under one's own name, a
  // token alone, or a mistyped one answer 404 and never repeat the token.
  const auto token_of = [](const std::string& path) {
    const std::size_t slash = path.rfind('/');
    return path.substr(slash + 1, path.size() - slash - 1 - 4);
  };
  const std::string workspace_part = ada_path.substr(0, ada_path.find("/ada/"));
  for (const std::string& wrong :
       {workspace_part + "/ada/" + token_of(bo_path) + ".ics",
        workspace_part + "/bo/" + token_of(ada_path) + ".ics", "/ics/" + token_of(ada_path) + ".ics",
        workspace_part + "/ada/0123456789abcdef0123456789abcdef.ics",
        "/ics/0/ada/" + token_of(ada_path) + ".ics"}) {
    auto refused = client_->Get(wrong.c_str());
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 404) << wrong;
    EXPECT_THAT(refused->body, Not(HasSubstr(token_of(ada_path)))) << wrong;
  }

  // A calendar app polling gets 304 while nothing changed; bo's reminder
  // changes only bo's feed's content.
  const std::string etag = ada_feed->get_header_value("ETag");
  auto again = client_->Get(ada_path.c_str(), {{"If-None-Match", etag}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_NE(bo_feed->get_header_value("ETag"), etag);

  // A viewer keeps no loop and is refused an address.
  Expect(As(cy, "GET", "/api/v1/calendar/subscription"), 403);

  // Rotated: the old URL is dead, the new one serves. Revoked: dead too.
  const std::string rotated = Expect(As(ada, "POST", "/api/v1/calendar/subscription/rotate"), 200)["path"];
  EXPECT_NE(rotated, ada_path);
  EXPECT_EQ(client_->Get(ada_path.c_str())->status, 404);
  EXPECT_EQ(client_->Get(rotated.c_str())->status, 200);
  EXPECT_EQ(Expect(As(ada, "DELETE", "/api/v1/calendar/subscription"), 200)["revoked"], true);
  EXPECT_EQ(client_->Get(rotated.c_str())->status, 404);
  EXPECT_EQ(Expect(As(ada, "DELETE", "/api/v1/calendar/subscription"), 200)["revoked"], false);
  EXPECT_EQ(client_->Get(bo_path.c_str())->status, 200) << "ada's revoke touched bo's feed";

  // bo removed: the URL stops answering at once, and stays dead when bo
  // is added back (the membership took the feed with it).
  WithDatabase([](Context& context) {
    ASSERT_TRUE(RemoveMember(context, {"ada", "acme", "bo", Role::kEditor}));
  });
  EXPECT_EQ(client_->Get(bo_path.c_str())->status, 404);
  WithDatabase([](Context& context) {
    ASSERT_TRUE(AddMember(context, {"ada", "acme", "bo", Role::kEditor}));
  });
  EXPECT_EQ(client_->Get(bo_path.c_str())->status, 404);
}

// A merge moves every member's rows of the card merged away, not only
// those the merging member sees: bo's private call and the fact learned
// in it, bo's reminder and bo's cadence follow the person to the kept
// card, where ada still never sees them, and the undo takes them back.
TEST_F(TeamHttp, AMergeTakesEveryMembersLoopAlongWithoutShowingItToTheMerger) {
  const SignedIn ada = SignIn("ada", "acme");
  const SignedIn bo = SignIn("bo", "acme");
  const int kept = AddCard(ada, "Lin Park", "lin@acme.example")["id"].get<int>();
  const int other = AddCard(ada, "Lin Park", "lin.park@home.example")["id"].get<int>();
  const std::string from = "/api/v1/contacts/" + std::to_string(other);
  const std::string into = "/api/v1/contacts/" + std::to_string(kept);
  Expect(As(bo, "POST", from + "/interactions",
            R"({"kind": "call", "on": "2026-11-20", "summary": "bo's quiet call", "private": true,
                "facts": [{"kind": "personal", "key": "health", "value": "knee surgery"}]})"),
         201);
  Expect(As(bo, "POST", from + "/reminders", R"({"due": "2026-12-12", "note": "bo checks on the knee"})"),
         201);
  Expect(As(bo, "PUT", from + "/cadence", R"({"days": 45})"), 200);
  Expect(As(ada, "POST", from + "/interactions",
            R"({"kind": "coffee", "on": "2026-11-21", "summary": "shared coffee"})"),
         201);

  const json merged =
      Expect(As(ada, "POST", "/api/v1/merges", json{{"keep", kept}, {"other", other}}.dump()), 201);
  const std::string bo_sees = As(bo, "GET", into + "/interactions")->body +
                              As(bo, "GET", into + "/facts")->body + As(bo, "GET", into + "/reminders")->body;
  EXPECT_THAT(bo_sees, HasSubstr("bo's quiet call"));
  EXPECT_THAT(bo_sees, HasSubstr("knee surgery"));
  EXPECT_THAT(bo_sees, HasSubstr("bo checks on the knee"));
  EXPECT_THAT(bo_sees, HasSubstr("shared coffee"));
  EXPECT_EQ(Expect(As(bo, "GET", into + "/cadence"), 200)["own_days"], 45);
  const std::string ada_sees =
      As(ada, "GET", into + "/interactions")->body + As(ada, "GET", into + "/facts")->body +
      As(ada, "GET", into + "/reminders")->body + As(ada, "GET", into + "/brief")->body;
  EXPECT_THAT(ada_sees, HasSubstr("shared coffee"));
  EXPECT_THAT(ada_sees, Not(HasSubstr("quiet call")));
  EXPECT_THAT(ada_sees, Not(HasSubstr("knee")));
  EXPECT_EQ(Expect(As(ada, "GET", into + "/cadence"), 200)["own_days"], nullptr);

  // Undone: bo's call, fact and reminder are back on the card they were on.
  Expect(As(ada, "POST", "/api/v1/merges/" + std::to_string(merged["merge"]["id"].get<int>()) + "/undo"),
         200);
  EXPECT_THAT(As(bo, "GET", from + "/interactions")->body, HasSubstr("bo's quiet call"));
  EXPECT_THAT(As(bo, "GET", from + "/reminders")->body, HasSubstr("bo checks on the knee"));
  EXPECT_THAT(As(bo, "GET", into + "/interactions")->body, Not(HasSubstr("bo's quiet call")));
  EXPECT_THAT(As(bo, "GET", into + "/reminders")->body, Not(HasSubstr("knee")));
}

}  // namespace
}  // namespace kith::testing
