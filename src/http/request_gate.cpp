#include "http/request_gate.h"

#include <algorithm>
#include <memory>
#include <utility>

namespace kith::http {

RequestGate::Pass::Pass(Pass&& other) noexcept : gate_(std::exchange(other.gate_, nullptr)) {}

RequestGate::Pass& RequestGate::Pass::operator=(Pass&& other) noexcept {
  if (this != &other) {
    Leave();
    gate_ = std::exchange(other.gate_, nullptr);
  }
  return *this;
}

RequestGate::Pass::~Pass() { Leave(); }

void RequestGate::Pass::Leave() {
  if (gate_ != nullptr) std::exchange(gate_, nullptr)->GiveBack();
}

RequestGate::RequestGate(std::size_t places, std::chrono::milliseconds longest_wait)
    : longest_wait_(longest_wait), free_places_(std::max<std::size_t>(places, 1)) {}

RequestGate::Pass RequestGate::Enter() {
  std::unique_lock lock(mutex_);
  if (free_places_ > 0 && waiters_.empty()) {
    --free_places_;
    return Pass(this);
  }
  // One a thread, for its life: a thread waits at one gate at a time.
  thread_local const std::shared_ptr<Waiter> kWaiter = std::make_shared<Waiter>();
  Waiter& waiter = *kWaiter;
  waiter.handed_place = false;
  waiters_.push_back(kWaiter);
  if (waiter.admitted.wait_for(lock, longest_wait_, [&waiter] { return waiter.handed_place; })) {
    return Pass(this);
  }
  waiters_.erase(std::find(waiters_.begin(), waiters_.end(), kWaiter));
  return Pass();
}

std::size_t RequestGate::waiting() const {
  const std::lock_guard lock(mutex_);
  return waiters_.size();
}

void RequestGate::GiveBack() {
  std::shared_ptr<Waiter> next;
  {
    const std::lock_guard lock(mutex_);
    if (waiters_.empty()) {
      ++free_places_;
      return;
    }
    next = std::move(waiters_.front());
    waiters_.pop_front();
    next->handed_place = true;
  }
  // Woken once the lock is free, so that it does not wake only to wait for
  // the lock (a context switch more a request). Its thread may have ended
  // meanwhile: `next` keeps the waiter alive.
  next->admitted.notify_one();
}

}  // namespace kith::http
