// A background thread (backups and health upkeep in `kith serve`, an
// import's reader or gen's maker (producer_thread.h), a bulk write's search
// entries) that takes no signals: a server that waits for SIGTERM on a
// thread of its own must not have it delivered to one of these instead.
#pragma once

#include <functional>
#include <stop_token>
#include <thread>

namespace kith {

// Starts `body` on a new thread with every signal blocked (the mask a
// thread is created with is the one it keeps); the caller's mask is left
// as it was.
std::thread StartThreadWithoutSignals(std::function<void()> body);
// The same for a thread that is asked to stop (its std::stop_token) and
// joined when the std::jthread goes.
std::jthread StartStoppableThreadWithoutSignals(std::function<void(std::stop_token)> body);

}  // namespace kith
