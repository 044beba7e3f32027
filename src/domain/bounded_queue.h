// A queue between two threads that holds at most a fixed number of items:
// the producer waits while it is full, the consumer while it is empty, both
// asleep (no polling). An import reads and checks its file on one thread
// while another writes what was read (app/import_contacts.cpp).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <stop_token>
#include <utility>

namespace kith {

template <typename Item>
class BoundedQueue {
 public:
  explicit BoundedQueue(std::size_t capacity) : capacity_(capacity) {}
  BoundedQueue(const BoundedQueue&) = delete;
  BoundedQueue& operator=(const BoundedQueue&) = delete;

  // Adds `item` once there is room. False, the item dropped, when `stop` is
  // requested first: the consumer gave up and takes nothing more.
  bool Push(Item item, const std::stop_token& stop) {
    std::unique_lock lock(mutex_);
    if (!room_.wait(lock, stop, [this] { return items_.size() < capacity_; })) return false;
    items_.push_back(std::move(item));
    lock.unlock();
    filled_.notify_one();
    return true;
  }

  // The oldest item, waiting for one; nullopt once the queue is closed and
  // every item pushed before has been taken.
  std::optional<Item> Pop() {
    std::unique_lock lock(mutex_);
    filled_.wait(lock, [this] { return !items_.empty() || closed_; });
    if (items_.empty()) return std::nullopt;
    Item item = std::move(items_.front());
    items_.pop_front();
    lock.unlock();
    room_.notify_one();
    return item;
  }

  // The producer is done: Pop hands out what is left, then nullopt.
  void Close() {
    {
      const std::lock_guard lock(mutex_);
      closed_ = true;
    }
    filled_.notify_all();
  }

 private:
  const std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable_any room_;
  std::condition_variable filled_;
  std::deque<Item> items_;
  bool closed_ = false;
};

}  // namespace kith
