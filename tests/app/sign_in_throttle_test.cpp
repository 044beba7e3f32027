#include "app/sign_in_throttle.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace kith
