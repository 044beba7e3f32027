// The server's connections: a response written as it is read holds its
// reader for as long as its client takes, so such leases never hold every
// reader at once. Four slow exports must not leave the typeahead waiting
// for a reader until one of them ends.
#include "http/store_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <thread>

#include "domain/clock.h"
#include "support/temp_database.h"

namespace kith::http {
namespace {

using std::chrono::milliseconds;

class StreamedLeases : public ::testing::Test {
 protected:
  std::unique_ptr<StorePool> OpenPool(int readers) {
    auto pool = StorePool::Open((directory_.path() / "kith.db").string(), readers, clock_, "");
    EXPECT_TRUE(pool) << pool.error().message;
    return pool ? std::move(*pool) : nullptr;
  }

  // A stream on a thread of its own: `streaming` turns true once it has
  // its lease, which it gives back at once.
  static std::thread StreamOnAThread(StorePool& pool, std::atomic<bool>& streaming) {
    return std::thread([&pool, &streaming] {
      const StorePool::Lease lease = pool.BorrowForStream(std::nullopt);
      streaming = true;
    });
  }

  testing::TempDirectory directory_;
  FixedClock clock_{Date{2026, 11, 26}};
};

TEST_F(StreamedLeases, LeaveOneReaderForTheShortRequests) {
  auto pool = OpenPool(3);
  ASSERT_NE(pool, nullptr);
  std::atomic<bool> third_streaming = false;
  std::thread third;
  const StorePool::Lease second_stream = pool->BorrowForStream(std::nullopt);
  {
    const StorePool::Lease first_stream = pool->BorrowForStream(std::nullopt);
    // A third stream waits for one of the two; a short request does not.
    third = StreamOnAThread(*pool, third_streaming);
    {
      const StorePool::Lease short_request = pool->Borrow(Access::kRead);
      EXPECT_TRUE(short_request.acting());
    }
    std::this_thread::sleep_for(milliseconds(50));
    EXPECT_FALSE(third_streaming);
  }
  third.join();
  EXPECT_TRUE(third_streaming);
}

TEST_F(StreamedLeases, StreamOneAtATimeWithASingleReader) {
  auto pool = OpenPool(1);
  ASSERT_NE(pool, nullptr);
  std::atomic<bool> second_streaming = false;
  std::thread second;
  {
    const StorePool::Lease stream = pool->BorrowForStream(std::nullopt);
    second = StreamOnAThread(*pool, second_streaming);
    std::this_thread::sleep_for(milliseconds(50));
    EXPECT_FALSE(second_streaming);
  }
  second.join();
  EXPECT_TRUE(second_streaming);
}

// A request's reads see the database as one moment left it (they share one
// read transaction on SQLite), and that moment ends with its lease: the
// next request on the same reader sees what was written meanwhile.
class ReadLeases : public StreamedLeases {};

TEST_F(ReadLeases, SeeOneMomentAndTheNextSeesTheWritesSince) {
  auto pool = OpenPool(1);
  ASSERT_NE(pool, nullptr);
  const auto people = [](StorePool::Lease& lease) {
    auto ids = lease.context().store.ContactIdsAfter(ContactId{0}, 10, false);
    EXPECT_TRUE(ids) << ids.error().message;
    return ids ? ids->size() : std::size_t{99};
  };
  const auto add = [&pool](const std::string& name, const std::string& uid) {
    StorePool::Lease lease = pool->Borrow(Access::kWrite);
    ContactFields card;
    card.display_name = name;
    auto written = lease.context().store.Begin();
    ASSERT_TRUE(written) << written.error().message;
    ASSERT_TRUE(lease.context().store.InsertContact(card, uid, "2026-11-26T00:00:00Z"));
    ASSERT_TRUE(written->Commit());
  };
  {
    StorePool::Lease request = pool->Borrow(Access::kRead);
    ASSERT_TRUE(request.acting());
    EXPECT_EQ(people(request), 0U);
    add("Ada Okafor", "u1");
    EXPECT_EQ(people(request), 0U);
  }
  StorePool::Lease next = pool->Borrow(Access::kRead);
  EXPECT_EQ(people(next), 1U);
}

}  // namespace
}  // namespace kith::http
