#include "domain/serial_worker.h"

#include <utility>

#include "domain/quiet_thread.h"

namespace kith {

SerialWorker::SerialWorker(std::size_t capacity)
    : capacity_(capacity),
      thread_(StartStoppableThreadWithoutSignals([this](const std::stop_token& stop) { Run(stop); })) {}

SerialWorker::~SerialWorker() {
  thread_.request_stop();  // wakes the thread through posted_'s stop callback
  if (thread_.joinable()) thread_.join();
}

void SerialWorker::Post(std::function<void()> task) {
  std::unique_lock lock(mutex_);
  room_.wait(lock, [this] { return tasks_.size() < capacity_; });
  tasks_.push_back(std::move(task));
  ++posted_count_;
  lock.unlock();
  posted_.notify_one();
}

void SerialWorker::Wait() {
  std::unique_lock lock(mutex_);
  ran_.wait(lock, [this] { return ran_count_ == posted_count_; });
}

void SerialWorker::Run(const std::stop_token& stop) {
  while (true) {
    std::unique_lock lock(mutex_);
    // Asked to stop (the destructor), the tasks not yet started are dropped:
    // a bulk that failed has no use for the entries they would stage.
    if (!posted_.wait(lock, stop, [this] { return !tasks_.empty(); }) || stop.stop_requested()) return;
    std::function<void()> task = std::move(tasks_.front());
    tasks_.pop_front();
    lock.unlock();
    room_.notify_one();
    task();
    lock.lock();
    ++ran_count_;
    lock.unlock();
    ran_.notify_all();
  }
}

}  // namespace kith
