#include "app/remembered_sessions.h"

#include "app/secrets.h"

namespace kith {

std::optional<ClaimedWebSession> RememberedSessions::Recall(std::string_view cookie, const Clock& clock,
                                                            const SessionLimits& limits) {
  const auto now = SessionSeconds(clock);
  if (!now) return std::nullopt;  // read as before, which reports the clock's error
  const std::string key = Sha256Hex(cookie);
  const std::lock_guard lock(mutex_);
  const auto found = entries_.find(key);
  if (found == entries_.end()) return std::nullopt;
  const Entry& entry = found->second;
  if (*now - entry.last_seen_at >= kTouchEverySeconds) {
    entries_.erase(found);
    return std::nullopt;
  }
  // Live now is what FindLiveWebSession asks, as bounds on the two times.
  return ClaimedWebSession{
      entry.member, entry.csrf_token,
      SessionClaim{entry.id_hash, *now - limits.lifetime_seconds, *now - limits.idle_seconds}};
}

void RememberedSessions::Remember(std::string_view cookie, const LiveWebSession& live) {
  if (!live.member || live.needs_touch) return;
  std::string key = Sha256Hex(cookie);
  const std::lock_guard lock(mutex_);
  if (entries_.size() >= most_ && !entries_.contains(key)) entries_.clear();
  entries_.insert_or_assign(
      std::move(key), Entry{*live.member, live.csrf_token, live.id_hash, live.created_at, live.last_seen_at});
}

void RememberedSessions::Forget(std::string_view cookie) {
  const std::string key = Sha256Hex(cookie);
  const std::lock_guard lock(mutex_);
  entries_.erase(key);
}

}  // namespace kith
