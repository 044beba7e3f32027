#include "store/upgrade_notice.h"

#include <atomic>

namespace kith {
namespace {

std::atomic<UpgradeNotice> listener{nullptr};

}  // namespace

void SetUpgradeNotice(UpgradeNotice notice) { listener.store(notice); }

void NoticeUpgrade(std::string_view message) {
  if (const UpgradeNotice notice = listener.load(); notice != nullptr) notice(message);
}

}  // namespace kith
