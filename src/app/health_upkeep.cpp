#include "app/health_upkeep.h"

#include <pthread.h>

#include <csignal>

#include "app/relationships.h"

namespace kith {

Result<std::unique_ptr<HealthUpkeep>> HealthUpkeep::Start(std::string database_path, const Clock& clock,
                                                          std::chrono::seconds every,
                                                          HealthUpkeepReport report) {
  if (every < std::chrono::seconds(1)) {
    return Fail(ErrorCode::kInvalidInput, "renew health scores at most once a second", "every");
  }
  auto upkeep = std::unique_ptr<HealthUpkeep>(
      new HealthUpkeep(std::move(database_path), clock, every, std::move(report)));
  // The thread takes no signals (the server waits for SIGTERM on its own);
  // it inherits the mask in force when it is created.
  sigset_t all_signals;
  sigset_t previous;
  sigfillset(&all_signals);
  pthread_sigmask(SIG_BLOCK, &all_signals, &previous);
  upkeep->thread_ = std::thread([raw = upkeep.get()] { raw->Run(); });
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  return upkeep;
}

HealthUpkeep::~HealthUpkeep() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void HealthUpkeep::Run() {
  std::unique_lock lock(mutex_);
  std::chrono::seconds wait{0};
  while (!wake_.wait_for(lock, wait, [this] { return stopping_; })) {
    lock.unlock();
    RenewOnce();
    lock.lock();
    wait = every_;
  }
}

void HealthUpkeep::RenewOnce() {
  // Its own connection, opened per round: the server's writer is for
  // requests, and a round holds the write lock one batch at a time.
  auto store = OpenSqliteStore(database_path_);
  if (!store) {
    report_(store.error());
    return;
  }
  Context context{**store, clock_, ""};
  const auto stopping = [this] {
    const std::lock_guard lock(mutex_);
    return stopping_;
  };
  if (auto renewed = RefreshHealth(context, stopping);
      !renewed && renewed.error().code != ErrorCode::kConflict) {
    report_(renewed.error());
  }
}

}  // namespace kith
