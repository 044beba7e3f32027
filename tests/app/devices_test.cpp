// Devices and the subscribed calendar in the app layer: what is stored of
// an app password, and what makes the feed's ETag move.
#include "app/devices.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "app/calendar_feed.h"
#include "app/contacts.h"
#include "app/relationships.h"
#include "support/temp_database.h"

namespace kith {
namespace {

using testing::TestWorld;

class Devices : public ::testing::TestWithParam<testing::StoreKind> {};
KITH_ON_BOTH_STORES(Devices);

TEST_P(Devices, OnlyAnArgon2idHashOfThePasswordIsStored) {
  TestWorld world{GetParam()};
  auto added = AddDevice(world.context(), "iphone");
  ASSERT_TRUE(added) << added.error().message;
  auto stored = world.store().FindLiveDevice("iphone");
  ASSERT_TRUE(stored && *stored);
  EXPECT_TRUE((*stored)->password_hash.starts_with("$argon2id$")) << (*stored)->password_hash;
  EXPECT_EQ((*stored)->password_hash.find(added->password), std::string::npos);
  // The SQLite file and its log hold no copy of it either.
  if (GetParam() != testing::StoreKind::kSqlite) return;
  for (const std::string suffix : {"", "-wal"}) {
    std::ifstream file(world.database_path() + suffix, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    EXPECT_EQ(bytes.find(added->password), std::string::npos) << "the password is in kith.db" << suffix;
  }
}

TEST_P(Devices, EachDeviceGetsItsOwnPassword) {
  TestWorld world{GetParam()};
  auto first = AddDevice(world.context(), "iphone");
  auto second = AddDevice(world.context(), "laptop");
  ASSERT_TRUE(first && second);
  EXPECT_NE(first->password, second->password);
}

TEST_P(Devices, ARememberedPasswordStopsMatchingOnceRevoked) {
  TestWorld world{GetParam()};
  auto added = AddDevice(world.context(), "iphone");
  ASSERT_TRUE(added);
  SignInThrottle throttle;
  SyncPasswordCache cache;
  const SyncCredentials credentials{"192.0.2.7", "iphone", added->password, ""};
  const auto now = std::chrono::steady_clock::now();
  auto first = CheckSyncCredentials(world.context(), throttle, cache, credentials, now);
  ASSERT_TRUE(first);
  EXPECT_TRUE(first->accepted);
  EXPECT_TRUE(first->device_to_touch.has_value());
  auto again = CheckSyncCredentials(world.context(), throttle, cache, credentials, now);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->accepted);
  EXPECT_FALSE(again->device_to_touch.has_value()) << "the second check should come from the cache";
  ASSERT_TRUE(RevokeDevice(world.context(), "iphone"));
  auto revoked = CheckSyncCredentials(world.context(), throttle, cache, credentials, now);
  ASSERT_TRUE(revoked);
  EXPECT_FALSE(revoked->accepted);
}

class CalendarFeedEtag : public ::testing::TestWithParam<testing::StoreKind> {};
KITH_ON_BOTH_STORES(CalendarFeedEtag);

// The token in the feed's URL, made on the first ask.
std::string FeedToken(TestWorld& world) {
  auto path = CalendarFeedPath(world.context());
  EXPECT_TRUE(path);
  return path ? path->substr(5, 32) : std::string();
}

TEST_P(CalendarFeedEtag, IsTheSameForTheSameRemindersWhateverTheTime) {
  TestWorld world{GetParam()};
  const std::string token = FeedToken(world);
  CalendarFeedHistory history;
  auto first = ReadCalendarFeed(world.context(), history, {token, "", "", "", 0});
  ASSERT_TRUE(first) << first.error().message;
  FixedClock later(Date{2026, 11, 27});
  Context tomorrow{world.store(), later, ""};
  auto second = ReadCalendarFeed(tomorrow, history, {token, "", "", "", 0});
  ASSERT_TRUE(second);
  EXPECT_EQ(first->etag, second->etag);
  EXPECT_EQ(second->last_modified, "Thu, 26 Nov 2026 12:00:00 GMT") << "nothing changed since";
}

TEST_P(CalendarFeedEtag, MovesWithEveryWriteToAReminder) {
  TestWorld world{GetParam()};
  const std::string token = FeedToken(world);
  CalendarFeedHistory history;
  const auto etag = [&]() {
    auto feed = ReadCalendarFeed(world.context(), history, {token, "", "", "", 0});
    EXPECT_TRUE(feed);
    return feed ? feed->etag : std::string();
  };
  const std::string empty = etag();
  EXPECT_EQ(etag(), empty);
  ContactFields ada;
  ada.display_name = "Ada Okafor";
  auto contact = world.store().InsertContact(ada, "ada", "t");
  ASSERT_TRUE(contact);
  Reminder reminder;
  reminder.contact = contact->id;
  reminder.due = Date{2026, 12, 1};
  reminder.created_on = Date{2026, 11, 26};
  auto stored = world.store().InsertReminder(reminder);
  ASSERT_TRUE(stored);
  const std::string one = etag();
  EXPECT_NE(one, empty);
  stored->snoozed_until = Date{2026, 12, 8};
  ASSERT_TRUE(world.store().UpdateReminder(*stored));
  EXPECT_NE(etag(), one);
}

TEST_P(CalendarFeedEtag, HttpDatesNameTheWeekday) {
  EXPECT_EQ(HttpDate("2026-11-26T12:00:00Z"), "Thu, 26 Nov 2026 12:00:00 GMT");
  EXPECT_EQ(HttpDate("1970-01-01T00:00:00Z"), "Thu, 01 Jan 1970 00:00:00 GMT");
  EXPECT_EQ(HttpDate("2024-02-29T23:59:59Z"), "Thu, 29 Feb 2024 23:59:59 GMT");
  EXPECT_EQ(HttpDate("2026-12-05T06:29:27Z"), "Sat, 05 Dec 2026 06:29:27 GMT");
}

}  // namespace
}  // namespace kith
