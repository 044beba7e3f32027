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

namespace kith {

struct SessionLimits {
  // Beyond this many sessions, starting one signs out the least recently
  // seen: a flood of sign-ins cannot grow the table without bound.
  int max_sessions = 256;
  std::int64_t idle_seconds = 7LL * 24 * 3600;       // unused this long: signed out
  std::int64_t lifetime_seconds = 30LL * 24 * 3600;  // this long after sign-in: signed out, used or not
};

// What a browser holds: the cookie's value and the token its writes carry.
struct WebSessionKeys {
  std::string id;
  std::string csrf_token;
};

// A session found live.
struct LiveWebSession {
  std::string csrf_token;
  // Last seen long enough ago that TouchWebSession should record this use.
  bool needs_touch = false;
};

// Starts a session (first removing expired ones and, at the cap, the least
// recently seen). Writes: needs a read-write store. kIo when the store
// cannot be written.
Result<WebSessionKeys> StartWebSession(Context& context, const SessionLimits& limits);

// The live session with this id: nullopt when the id is malformed, unknown,
// idle past the limit or past its lifetime. Only reads, so it runs on a
// read-only connection.
Result<std::optional<LiveWebSession>> FindLiveWebSession(Context& context, std::string_view id,
                                                         const SessionLimits& limits);

// Records that the session is in use now: its idle time starts again.
Status TouchWebSession(Context& context, std::string_view id);

// Signs the session out; an unknown or malformed id is not an error.
Status EndWebSession(Context& context, std::string_view id);

}  // namespace kith
