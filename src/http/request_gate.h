// Requests let onto the processor a few at a time, in the order they
// arrived. With one worker thread a connection, 50 clients made up to 50
// runnable threads on two cores: the scheduler shared the cores among them
// (and the clients) in slices, and one request in a hundred waited for many
// slices (BENCHMARKS.md, api16). A thread waiting at the gate sleeps and is
// not runnable; the ones let in finish quickly and in turn.
//
// A request holds its place only while it computes: it leaves before it
// waits for its client (reading a body, sending a long answer) and when
// its answer is sent. So that a long request (a large export) cannot hold
// the others back for ever, a request that has waited `longest_wait` goes
// in without a place.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>

namespace kith::http {

class RequestGate {
 public:
  // A place at the gate, given up when the pass ends or is Left, however
  // its holder ends (a return, an exception). An empty pass holds none.
  class Pass {
   public:
    Pass() = default;
    Pass(const Pass&) = delete;
    Pass& operator=(const Pass&) = delete;
    Pass(Pass&& other) noexcept;
    Pass& operator=(Pass&& other) noexcept;
    ~Pass();

    // Gives the place to the request that has waited longest (or back to
    // the gate); nothing when the pass holds none.
    void Leave();
    [[nodiscard]] bool holds_place() const { return gate_ != nullptr; }

   private:
    friend class RequestGate;
    explicit Pass(RequestGate* gate) : gate_(gate) {}
    RequestGate* gate_ = nullptr;
  };

  // `places` requests in at once (at least one).
  RequestGate(std::size_t places, std::chrono::milliseconds longest_wait);
  RequestGate(const RequestGate&) = delete;
  RequestGate& operator=(const RequestGate&) = delete;
  RequestGate(RequestGate&&) = delete;
  RequestGate& operator=(RequestGate&&) = delete;
  ~RequestGate() = default;

  // Returns once a place is free and every request that came before has
  // gone in: a pass that holds the place. After `longest_wait` without one,
  // an empty pass: the request goes on without a place.
  [[nodiscard]] Pass Enter();

  // Requests waiting now (for the tests and for reports).
  [[nodiscard]] std::size_t waiting() const;

 private:
  struct Waiter {
    std::condition_variable admitted;
    bool handed_place = false;
  };
  void GiveBack();

  std::chrono::milliseconds longest_wait_;
  mutable std::mutex mutex_;
  std::size_t free_places_;
  // Oldest first: a place given back goes to the request that has waited
  // longest, never to one that came after it.
  std::deque<std::shared_ptr<Waiter>> waiters_;
};

}  // namespace kith::http
