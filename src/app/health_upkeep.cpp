#include "app/health_upkeep.h"

#include <string>
#include <vector>

#include "app/relationships.h"
#include "domain/quiet_thread.h"
#include "store/account_directory.h"
#include "store/store.h"

namespace kith {

Result<std::unique_ptr<HealthUpkeep>> HealthUpkeep::Start(std::string database_path, const Clock& clock,
                                                          std::chrono::seconds every,
                                                          HealthUpkeepReport report) {
  if (every < std::chrono::seconds(1)) {
    return Fail(ErrorCode::kInvalidInput, "renew health scores at most once a second", "every");
  }
  auto upkeep = std::unique_ptr<HealthUpkeep>(
      new HealthUpkeep(std::move(database_path), clock, every, std::move(report)));
  upkeep->thread_ = StartThreadWithoutSignals([raw = upkeep.get()] { raw->Run(); });
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
  auto store = OpenStore(database_path_);
  if (!store) {
    report_(store.error());
    return;
  }
  Context context{**store, clock_, ""};
  const auto stopping = [this] {
    const std::lock_guard lock(mutex_);
    return stopping_;
  };
  const auto renew = [&] {
    if (auto renewed = RefreshHealth(context, stopping);
        !renewed && renewed.error().code != ErrorCode::kConflict) {
      report_(renewed.error());
    }
  };
  AccountDirectory* directory = AccountsOf(**store);
  if (directory == nullptr) {
    renew();
    return;
  }
  // A shared database: every workspace, each under its own row-level
  // security settings (a database without accounts has just "default").
  auto workspaces = directory->Workspaces();
  if (!workspaces) {
    report_(workspaces.error());
    return;
  }
  for (const Workspace& workspace : *workspaces) {
    if (stopping()) return;
    // Health is scored as its reader sees the person, so each member keeps
    // a sheet of their own (PostgreSQL migration 10): renew each member's,
    // acting as them with a viewer's rights (the renewal only reads and
    // stores scores). A workspace without members is its one person's,
    // nobody's ("").
    auto members = directory->MembersOf(workspace.id);
    if (!members) {
      report_(members.error());
      continue;
    }
    std::vector<std::string> readers;
    for (const Membership& member : *members) readers.push_back(member.account);
    if (readers.empty()) readers.emplace_back();
    for (const std::string& reader : readers) {
      if (stopping()) return;
      if (auto acting = directory->ActAs({workspace.id, Role::kViewer, reader, workspace.name}); !acting) {
        report_(acting.error());
        continue;
      }
      renew();
    }
  }
}

}  // namespace kith
