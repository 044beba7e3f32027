#include "app/web_sessions.h"

#include <gtest/gtest.h>

#include "app/browser_session.h"

#include <fstream>
#include <iterator>

#include "support/temp_database.h"

namespace kith {
namespace {

// A clock the test moves forward, second by second.
class SteppingClock final : public Clock {
 public:
  [[nodiscard]] Date Today() const override { return Date{2026, 11, 26}; }
  [[nodiscard]] std::string NowTimestamp() const override {
    const std::int64_t hours = seconds_ / 3600;
    const std::int64_t minutes = seconds_ / 60 % 60;
    const Date day = Today().AddDays(hours / 24);
    return day.ToIso() + "T" + TwoDigits(hours % 24) + ":" + TwoDigits(minutes) + ":" +
           TwoDigits(seconds_ % 60) + "Z";
  }
  void Advance(std::int64_t seconds) { seconds_ += seconds; }

 private:
  static std::string TwoDigits(std::int64_t value) { return (value < 10 ? "0" : "") + std::to_string(value); }
  std::int64_t seconds_ = 0;
};

class WebSessions : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = OpenSqliteStore(path(), OpenIntent::kReadWrite);
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
  }
  [[nodiscard]] std::string path() const { return (directory_.path() / "kith.db").string(); }
  Context context() { return Context{*store_, clock_, ""}; }
  bool Live(const std::string& id) {
    Context here = context();
    auto live = FindLiveWebSession(here, id, limits_);
    EXPECT_TRUE(live) << live.error().message;
    return live && live->has_value();
  }
  WebSessionKeys Start() {
    Context here = context();
    auto keys = StartWebSession(here, limits_);
    EXPECT_TRUE(keys) << keys.error().message;
    return keys ? *keys : WebSessionKeys{};
  }

  testing::TempDirectory directory_;
  SteppingClock clock_;
  std::unique_ptr<Store> store_;
  SessionLimits limits_;
};

TEST_F(WebSessions, AStartedSessionIsLiveWithItsCsrfToken) {
  const WebSessionKeys keys = Start();
  EXPECT_EQ(keys.id.size(), 64U);
  EXPECT_EQ(keys.csrf_token.size(), 64U);
  EXPECT_NE(keys.id, keys.csrf_token);
  Context here = context();
  auto live = FindLiveWebSession(here, keys.id, limits_);
  ASSERT_TRUE(live && *live);
  EXPECT_EQ((*live)->csrf_token, keys.csrf_token);
  EXPECT_NE(Start().id, keys.id);
}

TEST_F(WebSessions, UnknownAndMalformedIdsAreNotSessions) {
  (void)Start();  // one that exists, so "unknown" is not "empty table"
  EXPECT_FALSE(Live(std::string(64, 'a')));
  EXPECT_FALSE(Live(""));
  EXPECT_FALSE(Live("not hex at all"));
  EXPECT_FALSE(Live(std::string(64, 'Z')));
}

TEST_F(WebSessions, TheDatabaseNeverHoldsTheSessionIdItself) {
  const WebSessionKeys keys = Start();
  store_.reset();  // the write lands in the file (and its WAL, read too)
  std::string bytes;
  for (const std::string suffix : {"", "-wal"}) {
    std::ifstream in(path() + suffix, std::ios::binary);
    bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  ASSERT_FALSE(bytes.empty());
  EXPECT_EQ(bytes.find(keys.id), std::string::npos);
  EXPECT_EQ(bytes.find(keys.csrf_token), std::string::npos);
}

TEST_F(WebSessions, SurviveReopeningTheDatabase) {
  const WebSessionKeys keys = Start();
  store_.reset();
  auto reopened = OpenSqliteStore(path(), OpenIntent::kReadOnly);
  ASSERT_TRUE(reopened) << reopened.error().message;
  store_ = std::move(*reopened);
  EXPECT_TRUE(Live(keys.id));
}

TEST_F(WebSessions, EndIdleAfterTheIdleTimeUnlessUsed) {
  limits_.idle_seconds = 600;
  const WebSessionKeys used = Start();
  const WebSessionKeys idle = Start();
  clock_.Advance(500);
  Context here = context();
  auto live = FindLiveWebSession(here, used.id, limits_);
  ASSERT_TRUE(live && *live);
  EXPECT_TRUE((*live)->needs_touch);
  ASSERT_TRUE(TouchWebSession(here, used.id));
  clock_.Advance(200);
  EXPECT_TRUE(Live(used.id));
  EXPECT_FALSE(Live(idle.id));
}

TEST_F(WebSessions, EndAfterTheirLifetimeEvenWhenUsed) {
  limits_.idle_seconds = 600;
  limits_.lifetime_seconds = 1000;
  const WebSessionKeys keys = Start();
  Context here = context();
  for (int step = 0; step < 4; ++step) {
    clock_.Advance(240);
    ASSERT_TRUE(Live(keys.id));
    ASSERT_TRUE(TouchWebSession(here, keys.id));
  }
  clock_.Advance(50);
  EXPECT_FALSE(Live(keys.id));
}

TEST_F(WebSessions, AreCappedDroppingTheLeastRecentlySeen) {
  limits_.max_sessions = 3;
  const WebSessionKeys first = Start();
  clock_.Advance(100);
  const WebSessionKeys second = Start();
  clock_.Advance(100);
  const WebSessionKeys third = Start();
  clock_.Advance(100);
  Context here = context();
  ASSERT_TRUE(TouchWebSession(here, first.id));  // first is now the most recently seen
  clock_.Advance(100);
  const WebSessionKeys fourth = Start();
  EXPECT_TRUE(Live(first.id));
  EXPECT_FALSE(Live(second.id));
  EXPECT_TRUE(Live(third.id));
  EXPECT_TRUE(Live(fourth.id));
}

TEST_F(WebSessions, EndingOneSignsOnlyItOut) {
  const WebSessionKeys ended = Start();
  const WebSessionKeys kept = Start();
  Context here = context();
  ASSERT_TRUE(EndWebSession(here, ended.id));
  EXPECT_FALSE(Live(ended.id));
  EXPECT_TRUE(Live(kept.id));
  EXPECT_TRUE(EndWebSession(here, "garbage"));
}

// What the web app's /session answers on a personal file.
TEST_F(WebSessions, OnLoopbackABrowserGetsASessionByItselfAndKeepsIt) {
  Context here = context();
  auto first = BrowserSessionOf(here, "", limits_, /*sign_in_required=*/false);
  ASSERT_TRUE(first) << first.error().message;
  ASSERT_TRUE(first->started.has_value());
  EXPECT_TRUE(first->authenticated);
  EXPECT_FALSE(first->accounts);
  EXPECT_EQ(first->csrf_token, first->started->csrf_token);
  EXPECT_TRUE(Live(first->started->id));

  auto again = BrowserSessionOf(here, first->started->id, limits_, false);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_FALSE(again->started.has_value()) << "a live session is answered, not replaced";
  EXPECT_TRUE(again->authenticated);
  EXPECT_EQ(again->csrf_token, first->csrf_token);

  auto out = SignOutBrowser(here, first->started->id);
  ASSERT_TRUE(out) << out.error().message;
  EXPECT_FALSE(out->authenticated);
  EXPECT_FALSE(Live(first->started->id));
}

TEST_F(WebSessions, WhereSignInIsRequiredNoSessionStartsWithoutIt) {
  Context here = context();
  auto session = BrowserSessionOf(here, "unknown", limits_, /*sign_in_required=*/true);
  ASSERT_TRUE(session) << session.error().message;
  EXPECT_FALSE(session->authenticated);
  EXPECT_FALSE(session->started.has_value());
  EXPECT_TRUE(session->csrf_token.empty());

  // A personal file has no accounts: naming one is refused, not tried.
  SignInThrottle throttle;
  BrowserSignIn sign_in;
  sign_in.address = "192.0.2.7";
  sign_in.account = "someone";
  sign_in.password = "secret";
  auto refused = SignInBrowser(here, throttle, sign_in, limits_, SignInThrottle::TimePoint{});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidInput);
}

}  // namespace
}  // namespace kith
