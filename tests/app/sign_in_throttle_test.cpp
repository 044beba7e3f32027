#include "app/sign_in_throttle.h"

#include <gtest/gtest.h>

#include <thread>

#include "store/postgres/connection.h"
#include "support/postgres_cluster.h"
#include "support/temp_database.h"

namespace kith {
namespace {

using std::chrono::seconds;

class Throttle : public ::testing::Test {
 protected:
  // One try at `now` (seconds from the start) with a right or wrong secret.
  SignInAttempt TryAt(const std::string& address, int at, bool right) {
    auto attempt = throttle_.Try(address, start_ + seconds(at), [right]() -> Result<bool> { return right; });
    EXPECT_TRUE(attempt);
    return attempt ? *attempt : SignInAttempt{};
  }
  // Fails `count` times at `at`, each checked and refused.
  void FailTimes(const std::string& address, int count, int at = 0) {
    for (int i = 0; i < count; ++i) {
      const SignInAttempt attempt = TryAt(address, at, false);
      ASSERT_FALSE(attempt.accepted);
      ASSERT_EQ(attempt.retry_after, seconds(0)) << "failure " << i + 1 << " was throttled";
    }
  }

  SignInThrottle throttle_;
  SignInThrottle::TimePoint start_ = std::chrono::steady_clock::now();
};

TEST_F(Throttle, FiveWrongTriesAreFreeThenTheNextWaitsASecond) {
  FailTimes("192.0.2.7", 5);
  const SignInAttempt sixth = TryAt("192.0.2.7", 0, true);
  EXPECT_FALSE(sixth.accepted);
  EXPECT_EQ(sixth.retry_after, seconds(1));
  EXPECT_TRUE(TryAt("192.0.2.7", 1, true).accepted);
}

TEST_F(Throttle, AThrottledTryIsNotChecked) {
  FailTimes("192.0.2.7", 5);
  bool checked = false;
  auto attempt = throttle_.Try("192.0.2.7", start_, [&]() -> Result<bool> {
    checked = true;
    return true;
  });
  ASSERT_TRUE(attempt);
  EXPECT_FALSE(checked);
}

TEST_F(Throttle, TheWaitDoublesUpToItsCap) {
  FailTimes("192.0.2.7", 5);
  int now = 0;
  seconds expected(1);
  for (int failure = 6; failure < 20; ++failure) {
    EXPECT_EQ(TryAt("192.0.2.7", now, false).retry_after, expected) << "after failure " << failure - 1;
    now += static_cast<int>(expected.count());
    ASSERT_EQ(TryAt("192.0.2.7", now, false).retry_after, seconds(0));
    expected = std::min(expected * 2, seconds(300));
  }
  EXPECT_EQ(TryAt("192.0.2.7", now, false).retry_after, seconds(300));
}

TEST_F(Throttle, ASuccessClearsTheCount) {
  FailTimes("192.0.2.7", 4);
  EXPECT_TRUE(TryAt("192.0.2.7", 0, true).accepted);
  FailTimes("192.0.2.7", 5);
}

TEST_F(Throttle, AddressesCountApart) {
  FailTimes("192.0.2.7", 5);
  EXPECT_TRUE(TryAt("192.0.2.8", 0, true).accepted);
}

TEST_F(Throttle, IPv6AddressesCountPerSlash64) {
  FailTimes("2001:db8:1:2::1", 3);
  FailTimes("2001:db8:1:2:ffff::9", 2);
  EXPECT_EQ(TryAt("2001:db8:1:2::77", 0, true).retry_after, seconds(1));
  EXPECT_TRUE(TryAt("2001:db8:1:3::1", 0, true).accepted);
}

TEST_F(Throttle, TriesSideBySideCannotOutrunTheCount) {
  FailTimes("192.0.2.7", 4);
  // The fifth try is being checked; a sixth sent beside it must wait.
  bool inner_throttled = false;
  auto outer = throttle_.Try("192.0.2.7", start_, [&]() -> Result<bool> {
    inner_throttled = TryAt("192.0.2.7", 0, true).retry_after > seconds(0);
    return false;
  });
  ASSERT_TRUE(outer);
  EXPECT_TRUE(inner_throttled);
}

TEST_F(Throttle, ForgetsAnAddressQuietForADay) {
  FailTimes("192.0.2.7", 5);
  FailTimes("192.0.2.9", 1, 24 * 3600 + 1);  // any new address prunes the quiet ones
  FailTimes("192.0.2.7", 5, 24 * 3600 + 2);
}

TEST_F(Throttle, StaysBoundedWhateverNumberOfAddressesTry) {
  ThrottlePolicy policy;
  policy.max_addresses = 3;
  SignInThrottle small(policy);
  for (int i = 0; i < 100; ++i) {
    const std::string address = "198.51.100." + std::to_string(i);
    for (int j = 0; j < 5; ++j) {
      ASSERT_TRUE(small.Try(address, start_ + seconds(i), [] { return Result<bool>(false); }));
    }
  }
  // The newest addresses are still held to their count.
  auto recent = small.Try("198.51.100.99", start_ + seconds(99), [] { return Result<bool>(true); });
  ASSERT_TRUE(recent);
  EXPECT_GT(recent->retry_after, seconds(0));
}

TEST_F(Throttle, CheckErrorsCountForNothing) {
  FailTimes("192.0.2.7", 4);
  auto failed =
      throttle_.Try("192.0.2.7", start_, []() -> Result<bool> { return Fail(ErrorCode::kIo, "disk gone"); });
  ASSERT_FALSE(failed);
  EXPECT_EQ(TryAt("192.0.2.7", 0, false).retry_after, seconds(0));
}

// Two servers of one PostgreSQL database, each with its own throttle
// counting in the database (SignInThrottle::CountIn), as `kith serve` does
// behind a load balancer: a guesser spreading tries over them is held to
// one count. The waits are timed by the database's clock, so the policy's
// first wait is long enough for no test machine to outwait it.
class SharedThrottle : public ::testing::Test {
 protected:
  static ThrottlePolicy Policy() {
    ThrottlePolicy policy;
    policy.free_failures = 3;
    policy.first_delay = seconds(600);
    policy.max_delay = seconds(3600);
    return policy;
  }
  static std::unique_ptr<SignInThrottle> CountingIn(const std::string& url,
                                                    ThrottlePolicy policy = Policy()) {
    auto throttle = std::make_unique<SignInThrottle>(policy);
    auto store = OpenStore(url);
    EXPECT_TRUE(store) << store.error().message;
    if (store) throttle->CountIn(std::move(*store));
    return throttle;
  }
  static SignInAttempt TryOn(SignInThrottle& throttle, const std::string& address, bool right,
                             bool* checked = nullptr) {
    auto attempt = throttle.Try(address, std::chrono::steady_clock::now(), [&]() -> Result<bool> {
      if (checked != nullptr) *checked = true;
      return right;
    });
    EXPECT_TRUE(attempt) << attempt.error().message;
    return attempt ? *attempt : SignInAttempt{};
  }
  std::int64_t RowsHeld() {
    auto connection = postgres::Connection::Open(database_.url());
    EXPECT_TRUE(connection);
    auto rows = (*connection)->Query("SELECT count(*) FROM sign_in_failures");
    EXPECT_TRUE(rows);
    return rows ? rows->Int(0, 0) : -1;
  }

  testing::TempPgDatabase database_;
};

TEST_F(SharedThrottle, FailuresOnOneServerCountOnTheOther) {
  auto first = CountingIn(database_.url());
  auto second = CountingIn(database_.url());
  EXPECT_EQ(TryOn(*first, "192.0.2.7", false).retry_after, seconds(0));
  EXPECT_EQ(TryOn(*second, "192.0.2.7", false).retry_after, seconds(0));
  EXPECT_EQ(TryOn(*first, "192.0.2.7", false).retry_after, seconds(0));
  // Three failures, one count: the next try waits on either server, and
  // its right password is not even checked.
  bool checked = false;
  const SignInAttempt on_second = TryOn(*second, "192.0.2.7", true, &checked);
  EXPECT_FALSE(on_second.accepted);
  EXPECT_FALSE(checked);
  EXPECT_GT(on_second.retry_after, seconds(590));
  EXPECT_LE(on_second.retry_after, seconds(600));
  EXPECT_GT(TryOn(*first, "192.0.2.7", true).retry_after, seconds(590));
  // Another address is its own.
  EXPECT_TRUE(TryOn(*second, "192.0.2.8", true).accepted);
}

TEST_F(SharedThrottle, AnIpv6BlockCountsTogetherAcrossServers) {
  auto first = CountingIn(database_.url());
  auto second = CountingIn(database_.url());
  for (const char* address : {"2001:db8:1:2::1", "2001:db8:1:2::2", "2001:db8:1:2:ffff::9"}) {
    EXPECT_EQ(TryOn(*first, address, false).retry_after, seconds(0)) << address;
  }
  EXPECT_GT(TryOn(*second, "2001:db8:1:2:abcd::1", true).retry_after, seconds(0));
  EXPECT_TRUE(TryOn(*second, "2001:db8:1:3::1", true).accepted);
}

TEST_F(SharedThrottle, ARightPasswordOnOneServerClearsTheCountOnEvery) {
  auto first = CountingIn(database_.url());
  auto second = CountingIn(database_.url());
  TryOn(*first, "192.0.2.7", false);
  TryOn(*first, "192.0.2.7", false);
  EXPECT_TRUE(TryOn(*second, "192.0.2.7", true).accepted);
  EXPECT_EQ(RowsHeld(), 0);
  // Cleared: three free failures again, not one.
  for (int i = 0; i < 3; ++i) EXPECT_EQ(TryOn(*first, "192.0.2.7", false).retry_after, seconds(0)) << i;
  EXPECT_GT(TryOn(*second, "192.0.2.7", false).retry_after, seconds(0));
}

TEST_F(SharedThrottle, ARestartedServerStillHoldsTheGuesser) {
  {
    auto before = CountingIn(database_.url());
    for (int i = 0; i < 3; ++i) TryOn(*before, "192.0.2.7", false);
  }
  auto after = CountingIn(database_.url());
  EXPECT_GT(TryOn(*after, "192.0.2.7", true).retry_after, seconds(590));
}

TEST_F(SharedThrottle, TheDatabaseStaysBoundedAndForgetsQuietAddresses) {
  ThrottlePolicy policy = Policy();
  policy.max_addresses = 3;
  auto throttle = CountingIn(database_.url(), policy);
  for (int i = 0; i < 10; ++i) TryOn(*throttle, "198.51.100." + std::to_string(i), false);
  EXPECT_EQ(RowsHeld(), 3);
  // The newest are held to their count.
  TryOn(*throttle, "198.51.100.9", false);
  TryOn(*throttle, "198.51.100.9", false);
  EXPECT_GT(TryOn(*throttle, "198.51.100.9", true).retry_after, seconds(0));

  policy = Policy();
  policy.forget_after = seconds(1);
  auto forgetful = CountingIn(database_.url(), policy);
  for (int i = 0; i < 3; ++i) TryOn(*forgetful, "192.0.2.50", false);
  EXPECT_GT(TryOn(*forgetful, "192.0.2.50", true).retry_after, seconds(0));
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  EXPECT_TRUE(TryOn(*forgetful, "192.0.2.50", true).accepted) << "a quiet address starts afresh";
  TryOn(*forgetful, "192.0.2.51", false);  // a new address prunes the quiet ones
  EXPECT_LE(RowsHeld(), 2);
}

TEST_F(SharedThrottle, ALostDatabaseLetsNoTryThrough) {
  auto store = OpenStore(database_.url());
  ASSERT_TRUE(store);
  auto connection = postgres::Connection::Open(database_.url());
  ASSERT_TRUE(connection);
  SignInThrottle throttle(Policy());
  throttle.CountIn(std::move(*store));
  ASSERT_TRUE((*connection)->Query("DROP TABLE sign_in_failures"));
  bool checked = false;
  auto attempt = throttle.Try("192.0.2.7", std::chrono::steady_clock::now(), [&]() -> Result<bool> {
    checked = true;
    return true;
  });
  EXPECT_FALSE(attempt);
  EXPECT_FALSE(checked);
}

TEST(SqliteThrottle, AFileKeepsCountingInMemory) {
  testing::TempDirectory directory;
  SignInThrottle throttle;
  auto store = OpenStore((directory.path() / "kith.db").string());
  ASSERT_TRUE(store);
  throttle.CountIn(std::move(*store));
  const auto now = std::chrono::steady_clock::now();
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(throttle.Try("192.0.2.7", now, [] { return Result<bool>(false); }));
  }
  auto sixth = throttle.Try("192.0.2.7", now, [] { return Result<bool>(true); });
  ASSERT_TRUE(sixth);
  EXPECT_EQ(sixth->retry_after, seconds(1));
}

}  // namespace
}  // namespace kith
