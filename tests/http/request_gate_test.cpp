// The gate the server's requests compute through: as many at once as it has
// places, the others in the order they came, and a place always given back
// (a return, an exception, a pass moved away), so that no request waits for
// one that will never come.
#include "http/request_gate.h"

#include <gtest/gtest.h>

#include <chrono>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

namespace kith::http {
namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;

// Long enough that a test passing by the timeout would be noticed as a
// failure, not taken for a free place.
constexpr milliseconds kNeverInTests{60000};

void WaitUntilWaiting(const RequestGate& gate, std::size_t count) {
  while (gate.waiting() < count) std::this_thread::sleep_for(milliseconds(1));
}

TEST(RequestGate, LetsInAsManyAsItHasPlaces) {
  RequestGate gate(2, kNeverInTests);
  RequestGate::Pass first = gate.Enter();
  RequestGate::Pass second = gate.Enter();
  EXPECT_TRUE(first.holds_place());
  EXPECT_TRUE(second.holds_place());

  bool third_in = false;
  std::thread third([&] {
    RequestGate::Pass pass = gate.Enter();
    third_in = pass.holds_place();
  });
  WaitUntilWaiting(gate, 1);
  first.Leave();
  third.join();
  EXPECT_TRUE(third_in);
  EXPECT_EQ(gate.waiting(), 0U);
}

TEST(RequestGate, LetsWaitingRequestsInInTheOrderTheyCame) {
  RequestGate gate(1, kNeverInTests);
  RequestGate::Pass held = gate.Enter();
  std::mutex order_mutex;
  std::vector<int> order;
  std::vector<std::thread> requests;
  constexpr int kRequests = 6;
  for (int i = 0; i < kRequests; ++i) {
    requests.emplace_back([&, i] {
      RequestGate::Pass pass = gate.Enter();
      const std::lock_guard lock(order_mutex);
      order.push_back(pass.holds_place() ? i : -1);
    });
    WaitUntilWaiting(gate, static_cast<std::size_t>(i) + 1);
  }
  held.Leave();
  for (std::thread& request : requests) request.join();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4, 5}));
}

TEST(RequestGate, GivesAFreedPlaceToTheWaiterNotToALaterComer) {
  RequestGate gate(1, kNeverInTests);
  RequestGate::Pass held = gate.Enter();
  std::mutex order_mutex;
  std::vector<char> order;
  std::thread waiter([&] {
    RequestGate::Pass pass = gate.Enter();
    std::this_thread::sleep_for(milliseconds(20));  // the later comer arrives meanwhile
    const std::lock_guard lock(order_mutex);
    order.push_back('w');
  });
  WaitUntilWaiting(gate, 1);
  held.Leave();
  RequestGate::Pass later = gate.Enter();  // arrives as the place is handed over
  {
    const std::lock_guard lock(order_mutex);
    order.push_back('l');
  }
  waiter.join();
  EXPECT_EQ(order, (std::vector<char>{'w', 'l'}));
}

TEST(RequestGate, GivesThePlaceBackWhenItsHolderThrows) {
  RequestGate gate(1, kNeverInTests);
  try {
    RequestGate::Pass pass = gate.Enter();
    throw std::runtime_error("a handler fails");
  } catch (const std::runtime_error&) {
  }
  const auto started = steady_clock::now();
  RequestGate::Pass next = gate.Enter();
  EXPECT_TRUE(next.holds_place());
  EXPECT_LT(steady_clock::now() - started, milliseconds(1000));
}

TEST(RequestGate, GivesAMovedPlaceBackOnceOnly) {
  RequestGate gate(1, milliseconds(50));
  {
    RequestGate::Pass pass = gate.Enter();
    RequestGate::Pass moved = std::move(pass);
    EXPECT_TRUE(moved.holds_place());
    EXPECT_FALSE(pass.holds_place());  // NOLINT(bugprone-use-after-move): what a move leaves
    moved.Leave();
    moved.Leave();
    pass.Leave();  // NOLINT(bugprone-use-after-move)
  }
  // Still one place: a second request at once waits it out and goes on without.
  RequestGate::Pass first = gate.Enter();
  RequestGate::Pass second = gate.Enter();
  EXPECT_TRUE(first.holds_place());
  EXPECT_FALSE(second.holds_place());
}

TEST(RequestGate, LetsARequestOnWithoutAPlaceAfterTheLongestWait) {
  RequestGate gate(1, milliseconds(30));
  RequestGate::Pass long_request = gate.Enter();
  const auto started = steady_clock::now();
  RequestGate::Pass waited = gate.Enter();
  EXPECT_FALSE(waited.holds_place());
  EXPECT_GE(steady_clock::now() - started, milliseconds(30));
  EXPECT_EQ(gate.waiting(), 0U);
  // The place the long request gives back is free again, not lost.
  long_request.Leave();
  RequestGate::Pass next = gate.Enter();
  EXPECT_TRUE(next.holds_place());
}

}  // namespace
}  // namespace kith::http
