// Sessions over real sockets: kept across a restart, made only when needed,
// ended by signing out; sign-in and bearer tokens throttled per address.
#include <gmock/gmock.h>

#include <thread>

#include "http/server_fixture.h"

namespace kith::testing {
namespace {

class Sessions : public ServerTestOnBothStores {};
KITH_ON_BOTH_STORES(Sessions);

TEST_P(Sessions, ARestartKeepsTheBrowserSignedIn) {
  OpenSession();
  const std::string csrf = csrf_;
  StopServer();
  StartServer();
  const json session = Expect(client_->Get("/api/v1/session", {{"Cookie", cookie_}}), 200);
  EXPECT_EQ(session["authenticated"], true);
  EXPECT_EQ(session["csrf_token"], csrf);
  AddPerson({{"name", "Ada Okafor"}});  // the old cookie and token still write
}

TEST_P(Sessions, AKnownCookieGetsItsSessionNotANewOne) {
  OpenSession();
  auto again = client_->Get("/api/v1/session", {{"Cookie", cookie_}});
  EXPECT_EQ(Expect(again, 200)["csrf_token"], csrf_);
  EXPECT_FALSE(again->has_header("Set-Cookie"));
}

TEST_P(Sessions, TheCookieOutlivesTheBrowserUntilTheSessionsLifetime) {
  auto response = client_->Get("/api/v1/session");
  ASSERT_TRUE(response);
  EXPECT_NE(response->get_header_value("Set-Cookie").find("Max-Age=2592000"), std::string::npos)
      << response->get_header_value("Set-Cookie");
}

TEST_P(Sessions, SigningOutEndsTheSessionForGood) {
  OpenSession();
  Expect(Send("DELETE", "/api/v1/session"), 200);
  EXPECT_EQ(ErrorCodeOf(Expect(
                client_->Post("/api/v1/contacts", Headers(), R"({"name": "Ada"})", "application/json"), 403)),
            "csrf");
  StopServer();
  StartServer();
  EXPECT_EQ(ErrorCodeOf(Expect(
                client_->Post("/api/v1/contacts", Headers(), R"({"name": "Ada"})", "application/json"), 403)),
            "csrf");
}

// A personal file, or a database without accounts, has one person: the
// session says so (the web app asks for the password alone) and a sign-in
// by account is refused, naming the field.
TEST_P(Sessions, WithoutAccountsTheOnePersonSignsInByPasswordAlone) {
  const json session = Expect(client_->Get("/api/v1/session"), 200);
  EXPECT_EQ(session["accounts"], false);
  EXPECT_TRUE(session["account"].is_null());
  EXPECT_TRUE(session["role"].is_null());
  const json refused =
      Expect(client_->Post("/api/v1/session",
                           R"({"account": "ada", "password": "whatever1", "workspace": "default"})",
                           "application/json"),
             400);
  EXPECT_EQ(refused["error"]["field"], "account");
}

// The Members screen's routes on a personal file or a database without
// accounts: one person, no members to manage; nothing is written (no
// account appears, so the server still signs in by password alone).
TEST_P(Sessions, WithoutAccountsThereAreNoMembersToManage) {
  const std::string why = GetParam() == StoreKind::kSqlite ? "a personal file has one person" : "no accounts";
  const json listed = Expect(Send("GET", "/api/v1/workspace/members"), 400);
  EXPECT_EQ(ErrorCodeOf(listed), "invalid_input");
  EXPECT_THAT(listed["error"]["message"].get<std::string>(), ::testing::HasSubstr(why));
  const json added = Expect(Send("POST", "/api/v1/workspace/members",
                                 R"({"account": "bo", "role": "editor", "password": "correct horse"})"),
                            400);
  EXPECT_THAT(added["error"]["message"].get<std::string>(), ::testing::HasSubstr(why));
  Expect(Send("PATCH", "/api/v1/workspace/members/bo", R"({"role": "viewer"})"), 400);
  Expect(Send("DELETE", "/api/v1/workspace/members/bo"), 400);
  EXPECT_EQ(Expect(client_->Get("/api/v1/session"), 200)["accounts"], false);
}

TEST_P(Sessions, WithATokenAnonymousVisitorsGetNoSession) {
  StopServer();
  StartServer("0.0.0.0", "sesame-sesame");
  auto anonymous = client_->Get("/api/v1/session");
  EXPECT_EQ(Expect(anonymous, 200)["authenticated"], false);
  EXPECT_FALSE(anonymous->has_header("Set-Cookie"));
}

TEST_P(Sessions, WrongPasswordsAreThrottledWithRetryAfter) {
  StopServer();
  StartServer("0.0.0.0", "sesame-sesame");
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(ErrorCodeOf(Expect(
                  client_->Post("/api/v1/session", R"({"password": "guess"})", "application/json"), 400)),
              "invalid_input");
  }
  // Now even the right token waits: the guesser cannot tell.
  auto throttled = client_->Post("/api/v1/session", R"({"token": "sesame-sesame"})", "application/json");
  EXPECT_EQ(ErrorCodeOf(Expect(throttled, 429)), "too_many_attempts");
  EXPECT_EQ(throttled->get_header_value("Retry-After"), "1");
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  Expect(client_->Post("/api/v1/session", R"({"token": "sesame-sesame"})", "application/json"), 201);
}

TEST_P(Sessions, WrongBearerTokensAreThrottled) {
  StopServer();
  StartServer("0.0.0.0", "sesame-sesame");
  const httplib::Headers wrong = {{"Authorization", "Bearer guess"}};
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(ErrorCodeOf(Expect(client_->Get("/api/v1/contacts", wrong), 401)), "unauthorized");
  auto throttled = client_->Get("/api/v1/contacts", {{"Authorization", "Bearer sesame-sesame"}});
  EXPECT_EQ(ErrorCodeOf(Expect(throttled, 429)), "too_many_attempts");
  EXPECT_EQ(throttled->get_header_value("Retry-After"), "1");
}

}  // namespace
}  // namespace kith::testing
