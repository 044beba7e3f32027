// Members' web sessions a server read lately, remembered so that their
// next requests need not read them again before their work: a request
// acts as the member remembered on the strength of a claim that the
// database checks with the request's first statement, in the same round
// trip (MemberSessions::ActAsClaimedMember). Sessions stay in the
// database: one signed out, expired, removed or given another role on any
// server is refused or read again at once, as when each request read it
// (docs/team.md). A session is read again, and its last-seen time
// recorded, once a minute of its last-seen time has passed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "app/web_sessions.h"
#include "domain/clock.h"
#include "store/account_directory.h"
#include "store/member_sessions.h"

namespace kith {

// A remembered member's session: whom it signed in as when last read,
// its CSRF token, and the claim the store is to check before acting.
struct ClaimedWebSession {
  WorkspaceAccess member;
  std::string csrf_token;
  SessionClaim claim;
};

class RememberedSessions {
 public:
  // At most `most` sessions are kept; when full, all are forgotten.
  explicit RememberedSessions(std::size_t most = kMostKept) : most_(most) {}

  // The session of the cookie as remembered, with the claim that it is
  // still live under `limits` now; none when it is not remembered, or its
  // last-seen time is due to be recorded (the request reads it again).
  std::optional<ClaimedWebSession> Recall(std::string_view cookie, const Clock& clock,
                                          const SessionLimits& limits);
  // Remembers a member's session just found live, unless its last-seen
  // time is due to be recorded.
  void Remember(std::string_view cookie, const LiveWebSession& live);
  // Forgets the cookie's session: its claim was refused.
  void Forget(std::string_view cookie);

 private:
  static constexpr std::size_t kMostKept = 4096;
  struct Entry {
    WorkspaceAccess member;
    std::string csrf_token;
    std::string id_hash;
    std::int64_t created_at = 0;
    std::int64_t last_seen_at = 0;
  };

  std::size_t most_;
  std::mutex mutex_;
  // By the SHA-256 of the cookie: the ids themselves are not kept.
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace kith
