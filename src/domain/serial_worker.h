// One thread that runs the tasks given to it one after another, in the
// order given, while the thread that gives them goes on with its own work.
// A bulk write builds its new cards' search entries on one
// (store/sqlite/bulk_index.cpp) while it writes the next cards' rows.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace kith {

class SerialWorker {
 public:
  // Starts the thread (with every signal blocked: quiet_thread.h). At most
  // `capacity` tasks wait at once: Post waits for room beyond that.
  explicit SerialWorker(std::size_t capacity);
  SerialWorker(const SerialWorker&) = delete;
  SerialWorker& operator=(const SerialWorker&) = delete;
  // Drops the tasks not yet started, lets the running one finish, joins.
  ~SerialWorker();

  // Runs `task` on the thread after every task posted before it. A task
  // must not throw; what it touches is the thread's until Wait returns.
  void Post(std::function<void()> task);
  // Returns once every task posted so far has run: what they wrote is then
  // the caller's to read.
  void Wait();

 private:
  void Run(const std::stop_token& stop);

  const std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable_any posted_;  // a task waits, or the thread is asked to stop
  std::condition_variable room_;        // a task was taken
  std::condition_variable ran_;         // a task has run
  std::deque<std::function<void()>> tasks_;
  std::uint64_t posted_count_ = 0;
  std::uint64_t ran_count_ = 0;
  std::jthread thread_;  // last: started once the members it uses are
};

}  // namespace kith
