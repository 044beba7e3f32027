// The signed-in browsers of `kith serve`. A session id is handed out once,
// as a cookie; the store keeps only its SHA-256, so a copy of the database
// signs nobody in. Sessions are bounded in number and age and outlive a
// restart of the server.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app/context.h"
#include "domain/result.h"
#include "store/account_directory.h"

namespace kith {

struct SessionLimits {
  // Beyond this many sessions, starting one signs out the least recently
  // seen: a flood of sign-ins cannot grow the table without bound.
  int max_sessions = 256;
  std::int64_t idle_seconds = 7LL * 24 * 3600;       // unused this long: signed out
  std::int64_t lifetime_seconds = 30LL * 24 * 3600;  // this long after sign-in: signed out, used or not
};

// What a browser holds: the cookie's value and the token its writes carry.
// A member's session of a database with accounts names its workspace in
// the cookie ("ID.WORKSPACE_ID"): its row lives in that workspace, under
// the workspace's row-level security, and a lookup goes straight there
// (the key Citus routes by, docs/team.md).
struct WebSessionKeys {
  std::string id;
  std::string csrf_token;
};

// A session's last-seen time is recorded at most this often: most
// requests only read.
inline constexpr std::int64_t kTouchEverySeconds = 60;

// A session found live.
struct LiveWebSession {
  std::string csrf_token;
  // Last seen long enough ago that TouchWebSession should record this use.
  bool needs_touch = false;
  // The SHA-256 of its id (what the store keeps) and when it was made and
  // last seen, as the store had them (Unix seconds).
  std::string id_hash;
  std::int64_t created_at = 0;
  std::int64_t last_seen_at = 0;
  // Whom a member's session signed in, with the role the member has now
  // (a member removed since is signed out); none for the one person of a
  // file or a database without accounts.
  std::optional<WorkspaceAccess> member;
};

// Starts a session (first removing expired ones and, at the cap, the least
// recently seen) for whom the store acts as: the member a sign-in by
// account chose (AccountDirectory::ActAs), else the one person. Writes:
// needs a read-write store. kIo when the store cannot be written.
Result<WebSessionKeys> StartWebSession(Context& context, const SessionLimits& limits);

// The live session with this id: nullopt when the id is malformed, unknown,
// idle past the limit or past its lifetime, or names a workspace its
// account is no longer a member of. Only reads, so it runs on a read-only
// connection; for a member's session the store is left acting as nobody in
// particular in its workspace (http/store_pool.h resets it).
Result<std::optional<LiveWebSession>> FindLiveWebSession(Context& context, std::string_view id,
                                                         const SessionLimits& limits);

// The clock's time in Unix seconds, as sessions count it.
Result<std::int64_t> SessionSeconds(const Clock& clock);

// Records that the session is in use now: its idle time starts again.
Status TouchWebSession(Context& context, std::string_view id);

// Signs the session out; an unknown or malformed id is not an error.
Status EndWebSession(Context& context, std::string_view id);

}  // namespace kith
