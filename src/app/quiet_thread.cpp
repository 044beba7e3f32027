#include "app/quiet_thread.h"

#include <pthread.h>

#include <csignal>
#include <utility>

namespace kith {

std::thread StartThreadWithoutSignals(std::function<void()> body) {
  sigset_t all_signals;
  sigset_t previous;
  sigfillset(&all_signals);
  pthread_sigmask(SIG_BLOCK, &all_signals, &previous);
  std::thread thread(std::move(body));
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  return thread;
}

}  // namespace kith
