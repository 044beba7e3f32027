// A background thread of `kith serve` (backups, health upkeep) that takes
// no signals: a server that waits for SIGTERM on a thread of its own must
// not have it delivered to one of these instead. Internal to app/.
#pragma once

#include <functional>
#include <thread>

namespace kith {

// Starts `body` on a new thread with every signal blocked (the mask a
// thread is created with is the one it keeps); the caller's mask is left
// as it was.
std::thread StartThreadWithoutSignals(std::function<void()> body);

}  // namespace kith
