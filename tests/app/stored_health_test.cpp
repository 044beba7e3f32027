// The list by health from stored scores: the same order as scoring everyone
// on the day, as days pass and as writes change people, on the writer
// (which stores the scores again) and on a read-only connection (which
// scores the stale few itself).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "app/contacts.h"
#include "app/give.h"
#include "app/health_upkeep.h"
#include "app/relationships.h"
#include "support/temp_database.h"

namespace kith {
namespace {

constexpr Date kToday{2026, 11, 26};

class StoredHealth : public ::testing::TestWithParam<testing::StoreKind> {
 protected:
  StoredHealth() {
    // Twelve people in every stage: never in touch, met, talked to often,
    // given to, with facts, on a short cadence, tagged.
    for (int i = 0; i < 12; ++i) {
      ContactFields fields;
      fields.display_name = "Person " + std::to_string(i);
      if (i % 3 == 0) fields.met_on = kToday.AddDays(-40 * i);
      if (i % 4 == 1) fields.tags = {"mentor"};
      auto added = AddContact(world_.context(), fields);
      EXPECT_TRUE(added) << added.error().message;
      if (added) people_.push_back(added->id);
    }
    for (std::size_t i = 0; i < people_.size(); ++i) {
      if (i % 2 == 0) Log(people_[i], kToday.AddDays(-static_cast<int>(30 * i)));
      if (i % 5 == 0) {
        EXPECT_TRUE(SetCadence(world_.context(), people_[i], 20));
      }
    }
  }

  Context On(Date day) {
    clocks_.push_back(std::make_unique<FixedClock>(day));
    return Context{world_.store(), *clocks_.back(), "US"};
  }

  void Log(ContactId person, Date day) {
    Context then = On(day);
    LogRequest log;
    log.contact = person;
    log.they_talked = 40;
    log.facts = {ParseFactSpec("personal:hobby=chess").value()};
    const auto logged = LogInteraction(then, log);
    EXPECT_TRUE(logged) << logged.error().message;
  }

  // The order scoring everyone that day gives: score, then id.
  std::vector<ContactId> Expected(Context& context, const ListQuery& query) {
    ListQuery everyone = query;
    everyone.limit = 1000;
    everyone.offset = 0;
    auto contacts = ListContacts(context, everyone);
    EXPECT_TRUE(contacts);
    auto scored = WithHealth(context, *contacts);
    EXPECT_TRUE(scored);
    std::vector<std::pair<int, std::int64_t>> order;
    for (const auto& person : *scored) order.emplace_back(person.health.score, person.contact.id.value);
    std::sort(order.begin(), order.end());
    std::vector<ContactId> ids;
    for (auto i = static_cast<std::size_t>(query.offset);
         i < order.size() && ids.size() < static_cast<std::size_t>(query.limit); ++i) {
      ids.push_back(ContactId{order[i].second});
    }
    return ids;
  }

  // A read-only connection to the same file, as the server's readers are.
  std::unique_ptr<Store> Reader() {
    auto reader = OpenStore(world_.database_path(), OpenIntent::kReadOnly);
    EXPECT_TRUE(reader) << reader.error().message;
    return reader ? std::move(*reader) : nullptr;
  }

  static std::vector<ContactId> Ids(const std::vector<ContactWithHealth>& people) {
    std::vector<ContactId> ids;
    for (const auto& person : people) ids.push_back(person.contact.id);
    return ids;
  }

  testing::TestWorld world_{GetParam()};
  std::vector<std::unique_ptr<FixedClock>> clocks_;
  std::vector<ContactId> people_;
};

KITH_ON_BOTH_STORES(StoredHealth);

TEST_P(StoredHealth, OrdersAsScoringEveryoneDoesAsTheDaysPass) {
  ListQuery query;
  query.limit = 5;
  for (int later = 0; later <= 800; later += 7) {
    Context day = On(kToday.AddDays(later));
    for (const int offset : {0, 4}) {
      query.offset = offset;
      const auto listed = ListByHealth(day, query);
      ASSERT_TRUE(listed) << listed.error().message;
      EXPECT_EQ(Ids(*listed), Expected(day, query)) << "day +" << later << ", offset " << offset;
    }
  }
}

TEST_P(StoredHealth, FollowsTheWritesThatChangeAScore) {
  ListQuery query;
  query.limit = 12;
  Context today = On(kToday);
  ASSERT_TRUE(ListByHealth(today, query));  // scores stored
  const ContactId weakest = ListByHealth(today, query)->front().contact.id;
  Log(weakest, kToday);
  ASSERT_TRUE(SetFact(today, weakest, FactKind::kProfessional, "goal", "open a studio"));
  GiveRequest give;
  give.contact = weakest;
  give.what = "an introduction";
  ASSERT_TRUE(RecordGive(today, give));
  ASSERT_TRUE(SetTagCadence(today, "mentor", 3));
  const auto listed = ListByHealth(today, query);
  ASSERT_TRUE(listed) << listed.error().message;
  EXPECT_EQ(Ids(*listed), Expected(today, query));
  EXPECT_NE(listed->front().contact.id, weakest);
}

TEST_P(StoredHealth, ATagCadenceChangesThoseAlreadyMarkedToo) {
  // Everyone is marked (never scored yet): the settings upsert must not
  // trip over the marks already there.
  Context today = On(kToday);
  ASSERT_TRUE(SetTagCadence(today, "mentor", 3));
  ASSERT_TRUE(SetTagCadence(today, "mentor", 5));
  ASSERT_TRUE(SetTagCadence(today, "mentor", std::nullopt));
  ListQuery query;
  query.limit = 12;
  const auto listed = ListByHealth(today, query);
  ASSERT_TRUE(listed) << listed.error().message;
  EXPECT_EQ(Ids(*listed), Expected(today, query));
}

TEST_P(StoredHealth, AReadOnlyConnectionScoresTheStaleItselfAndStoresNothing) {
  ListQuery query;
  query.limit = 12;
  Context today = On(kToday);
  ASSERT_TRUE(ListByHealth(today, query));
  Log(people_[1], kToday);  // now stale in the store
  const auto reader = Reader();
  ASSERT_NE(reader, nullptr);
  Context reading{*reader, *clocks_.back(), "US"};
  const auto stale_before = reader->StaleHealth(ListQuery{}, kToday, 100);
  ASSERT_TRUE(stale_before);
  EXPECT_EQ(stale_before->size(), 1U);
  const auto listed = ListByHealth(reading, query);
  ASSERT_TRUE(listed) << listed.error().message;
  EXPECT_EQ(Ids(*listed), Expected(today, query));
  EXPECT_EQ(reader->StaleHealth(ListQuery{}, kToday, 100)->size(), 1U) << "a reader stores nothing";
}

TEST_P(StoredHealth, AReaderPastItsBudgetOfAgedScoresRanksAsStoredAndShowsTodaysHealth) {
  // A new day on a large network ages many scores at once: a reader past
  // its budget ranks by the scores as stored rather than scoring everyone,
  // and still shows each person's health as of today.
  ListQuery query;
  query.limit = 12;
  Context today = On(kToday);
  const auto stored = ListByHealth(today, query);
  ASSERT_TRUE(stored) << stored.error().message;
  const auto reader = Reader();
  ASSERT_NE(reader, nullptr);
  // The first later day on which at least three scores have aged and
  // scoring everyone would order the list differently.
  int later = 1;
  for (; later <= 800; ++later) {
    Context day = On(kToday.AddDays(later));
    const auto aged = reader->StaleHealth(ListQuery{}, kToday.AddDays(later), 100);
    ASSERT_TRUE(aged);
    if (aged->size() >= 3 && Expected(day, query) != Ids(*stored)) break;
  }
  ASSERT_LE(later, 800) << "no day ages three scores and changes the order";
  const Date day = kToday.AddDays(later);
  Context reading{*reader, *clocks_.back(), "US"};
  const auto aged_before = reader->StaleHealth(ListQuery{}, day, 100);
  ASSERT_TRUE(aged_before);

  const auto listed = ListByHealth(reading, query, 2);
  ASSERT_TRUE(listed) << listed.error().message;
  EXPECT_EQ(Ids(*listed), Ids(*stored)) << "ranked by the scores as stored on day +0, read on day +" << later;
  std::vector<Contact> shown;
  for (const auto& person : *listed) shown.push_back(person.contact);
  const auto today_scored = WithHealth(reading, shown);
  ASSERT_TRUE(today_scored);
  for (std::size_t i = 0; i < listed->size(); ++i) {
    EXPECT_EQ((*listed)[i].health.score, (*today_scored)[i].health.score)
        << "the health shown is today's, for " << (*listed)[i].contact.id.value;
  }
  EXPECT_NE(Ids(*listed), Expected(reading, query)) << "the day chosen must change the order";
  EXPECT_EQ(reader->StaleHealth(ListQuery{}, day, 100)->size(), aged_before->size())
      << "a reader stores nothing";

  // Within its budget the same reader scores the aged people itself.
  const auto scored = ListByHealth(reading, query, 100);
  ASSERT_TRUE(scored) << scored.error().message;
  EXPECT_EQ(Ids(*scored), Expected(reading, query));
}

TEST_P(StoredHealth, AReaderPastItsBudgetOfPeopleWrittenToRanksEveryoneFromScratch) {
  // Written-to people have no score to go by: past its budget a reader
  // scores everyone, and the order is today's.
  ListQuery query;
  query.limit = 12;
  Context today = On(kToday);
  ASSERT_TRUE(ListByHealth(today, query));
  for (const std::size_t i : {1U, 3U, 7U}) Log(people_[i], kToday);
  const auto reader = Reader();
  ASSERT_NE(reader, nullptr);
  Context reading{*reader, *clocks_.back(), "US"};
  ASSERT_EQ(reader->StaleHealth(ListQuery{}, kToday, 100)->size(), 3U);
  const auto listed = ListByHealth(reading, query, 2);
  ASSERT_TRUE(listed) << listed.error().message;
  EXPECT_EQ(Ids(*listed), Expected(today, query));
}

TEST_P(StoredHealth, FiltersByTagAndLeavesTheTrashOut) {
  ListQuery query;
  query.limit = 12;
  query.tag = "mentor";
  Context today = On(kToday);
  ASSERT_TRUE(RemoveContact(today, people_[5]));
  const auto listed = ListByHealth(today, query);
  ASSERT_TRUE(listed) << listed.error().message;
  EXPECT_EQ(Ids(*listed), Expected(today, query));
  EXPECT_EQ(listed->size(), 2U) << "people 1 and 9 (5 is in the trash)";
}

// `kith serve`'s upkeep stores everyone's score in the background, on
// either store, so a list by health stays an index walk on every server.
TEST_P(StoredHealth, TheServersUpkeepStoresTheStaleScoresOnItsOwnConnection) {
  const auto stale = [this] { return world_.store().StaleHealth(ListQuery{}, kToday, 100).value().size(); };
  ASSERT_EQ(stale(), people_.size()) << "nobody scored yet";
  std::mutex failures_mutex;
  std::vector<std::string> failures;
  FixedClock clock{kToday};
  {
    auto upkeep =
        HealthUpkeep::Start(world_.database_path(), clock, std::chrono::seconds(1), [&](const Error& error) {
          const std::lock_guard lock(failures_mutex);
          failures.push_back(error.message);
        });
    ASSERT_TRUE(upkeep) << upkeep.error().message;
    ASSERT_NE(upkeep->get(), nullptr) << "an upkeep on every store";
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (stale() > 0 && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  EXPECT_EQ(stale(), 0U);
  EXPECT_TRUE(failures.empty()) << failures.front();
  ListQuery query;
  query.limit = 12;
  Context today = On(kToday);
  const auto listed = ListByHealth(today, query);
  ASSERT_TRUE(listed) << listed.error().message;
  EXPECT_EQ(Ids(*listed), Expected(today, query));
}

}  // namespace
}  // namespace kith
