// Work made on a thread of its own and handed, in order, to the thread that
// writes it: an import reads and checks its file ahead of the writer
// (app/import_contacts.cpp), `kith gen` makes its people ahead of it
// (app/generate_contacts.cpp). The writer keeps one core busy; the making
// takes the other.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <stop_token>
#include <thread>
#include <utility>

#include "domain/bounded_queue.h"
#include "domain/quiet_thread.h"

namespace kith {

// Runs `produce` on a new thread once started. It hands each item over
// with the function it is given, which waits while `ahead` items wait to
// be taken and says false when the consumer has gone (the producer should
// stop then). The consumer takes the items in order (Next) and, once they
// run out, what the producing came to (Finish). Destroyed early (the
// consumer failed), it stops the producer and waits for it.
template <typename Item, typename Outcome>
class ProducerThread {
 public:
  using HandOver = std::function<bool(Item&&)>;

  ProducerThread(std::size_t ahead, std::function<Outcome(const HandOver&)> produce, Outcome unfinished)
      : produce_(std::move(produce)), items_(ahead), outcome_(std::move(unfinished)) {}
  ProducerThread(const ProducerThread&) = delete;
  ProducerThread& operator=(const ProducerThread&) = delete;
  ~ProducerThread() = default;  // thread_ goes first: stopped and joined

  void Start() {
    thread_ = StartStoppableThreadWithoutSignals([this](const std::stop_token& stop) {
      const HandOver hand_over = [this, &stop](Item&& item) { return items_.Push(std::move(item), stop); };
      outcome_ = produce_(hand_over);
      items_.Close();
    });
  }

  // The next item in order; nullopt once the producing has ended.
  std::optional<Item> Next() { return items_.Pop(); }

  // After Next gave nullopt: what the producing came to.
  Outcome Finish() {
    thread_.join();
    return std::move(outcome_);
  }

 private:
  std::function<Outcome(const HandOver&)> produce_;
  BoundedQueue<Item> items_;
  Outcome outcome_;
  std::jthread thread_;  // last: stopped and joined before the members it uses go
};

}  // namespace kith
