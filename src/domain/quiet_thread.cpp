#include "domain/quiet_thread.h"

#include <pthread.h>

#include <csignal>
#include <utility>

namespace kith {

namespace {

// Makes the thread `start` starts with every signal blocked.
template <typename Start>
auto WithoutSignals(const Start& start) {
  sigset_t all_signals;
  sigset_t previous;
  sigfillset(&all_signals);
  pthread_sigmask(SIG_BLOCK, &all_signals, &previous);
  auto thread = start();
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  return thread;
}

}  // namespace

std::thread StartThreadWithoutSignals(std::function<void()> body) {
  return WithoutSignals([&] { return std::thread(std::move(body)); });
}

std::jthread StartStoppableThreadWithoutSignals(std::function<void(std::stop_token)> body) {
  return WithoutSignals([&] { return std::jthread(std::move(body)); });
}

}  // namespace kith
