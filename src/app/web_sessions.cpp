#include "app/web_sessions.h"

#include <algorithm>
#include <charconv>

#include "app/secrets.h"
#include "store/member_sessions.h"

namespace kith {
namespace {

constexpr std::size_t kIdBytes = 32;
constexpr std::int64_t kSecondsPerDay = 86400;

// The CSRF token is derived from the id, so the store need not keep it and
// knowing it reveals nothing about the id.
std::string CsrfTokenFor(std::string_view id) { return Sha256Hex("kith-csrf:" + std::string(id)); }

bool IsWellFormedId(std::string_view id) {
  return id.size() == kIdBytes * 2 && std::all_of(id.begin(), id.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

// A cookie split into the session's id and, for a member's session, the
// workspace whose rows hold it (0: none). Malformed: an empty id.
struct CookieParts {
  std::string_view id;
  std::int64_t workspace_id = 0;
};

CookieParts PartsOf(std::string_view cookie) {
  const std::size_t dot = cookie.find('.');
  const std::string_view id = cookie.substr(0, dot);
  if (!IsWellFormedId(id)) return {};
  if (dot == std::string_view::npos) return {id, 0};
  const std::string_view digits = cookie.substr(dot + 1);
  std::int64_t workspace = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), workspace);
  if (error != std::errc() || end != digits.data() + digits.size() || workspace <= 0) return {};
  return {id, workspace};
}

// Makes the store read and write the sessions of the cookie's workspace:
// false when the cookie names one and the store has no directory.
Result<bool> EnterSessionWorkspace(Context& context, const CookieParts& parts) {
  if (parts.workspace_id == 0) return true;
  AccountDirectory* directory = AccountsOf(context.store);
  if (directory == nullptr) return false;
  // Web sessions are written by any member: the role does not matter.
  KITH_RETURN_IF_ERROR(directory->ActAs(WorkspaceAccess{parts.workspace_id, Role::kViewer, "", ""}));
  return true;
}

// The cookie's session and, for a member's, the membership it signs in
// as now, in one question (the store acts in the cookie's workspace:
// EnterSessionWorkspace). None when the session is unknown, or the cookie
// names a workspace and the store has no members.
Result<std::optional<MemberSession>> FindSession(Context& context, const CookieParts& parts,
                                                 const std::string& id_hash) {
  if (parts.workspace_id != 0) {
    MemberSessions* sessions = MemberSessionsOf(context.store);
    if (sessions == nullptr) return std::optional<MemberSession>();
    return sessions->FindMemberSession(parts.workspace_id, id_hash);
  }
  KITH_ASSIGN_OR_RETURN(auto session, context.store.FindWebSession(id_hash));
  if (!session) return std::optional<MemberSession>();
  return std::optional<MemberSession>(MemberSession{std::move(*session), std::nullopt});
}

std::int64_t Number(std::string_view text) {
  std::int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

// The clock's "YYYY-MM-DDTHH:MM:SSZ" as Unix seconds.
Result<std::int64_t> NowSeconds(const Clock& clock) {
  const std::string now = clock.NowTimestamp();
  constexpr std::size_t kLength = 20;
  KITH_ASSIGN_OR_RETURN(const Date day, ParseIsoDate(std::string_view(now).substr(0, 10)));
  if (now.size() != kLength || now[10] != 'T' || now[13] != ':' || now[16] != ':') {
    return Fail(ErrorCode::kInternal, "the clock gave an unexpected timestamp: " + now);
  }
  constexpr std::int64_t kSecondsPerHour = 3600;
  constexpr std::int64_t kSecondsPerMinute = 60;
  const std::string_view text(now);
  return day.DaysSinceEpoch() * kSecondsPerDay + Number(text.substr(11, 2)) * kSecondsPerHour +
         Number(text.substr(14, 2)) * kSecondsPerMinute + Number(text.substr(17, 2));
}

}  // namespace

Result<std::int64_t> SessionSeconds(const Clock& clock) { return NowSeconds(clock); }

Result<WebSessionKeys> StartWebSession(Context& context, const SessionLimits& limits) {
  KITH_ASSIGN_OR_RETURN(const std::int64_t now, NowSeconds(context.clock));
  KITH_ASSIGN_OR_RETURN(std::string id, RandomHex(kIdBytes));
  KITH_ASSIGN_OR_RETURN(auto transaction, context.store.Begin());
  // Room for the new one: the cap counts it.
  KITH_RETURN_IF_ERROR(context.store.PruneWebSessions(
      now - limits.lifetime_seconds, now - limits.idle_seconds, std::max(limits.max_sessions - 1, 0)));
  const AccountDirectory* directory = AccountsOf(context.store);
  const WorkspaceAccess acting = directory != nullptr ? directory->Access() : WorkspaceAccess{};
  KITH_RETURN_IF_ERROR(context.store.InsertWebSession(WebSession{Sha256Hex(id), now, now, acting.account}));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  std::string csrf_token = CsrfTokenFor(id);
  if (!acting.account.empty()) id += "." + std::to_string(acting.workspace_id);
  return WebSessionKeys{std::move(id), std::move(csrf_token)};
}

Result<std::optional<LiveWebSession>> FindLiveWebSession(Context& context, std::string_view cookie,
                                                         const SessionLimits& limits) {
  const CookieParts parts = PartsOf(cookie);
  if (parts.id.empty()) return std::optional<LiveWebSession>();
  KITH_ASSIGN_OR_RETURN(const bool entered, EnterSessionWorkspace(context, parts));
  if (!entered) return std::optional<LiveWebSession>();
  const std::string id_hash = Sha256Hex(parts.id);
  KITH_ASSIGN_OR_RETURN(const auto found, FindSession(context, parts, id_hash));
  if (!found) return std::optional<LiveWebSession>();
  const WebSession& session = found->session;
  // A member's session is only ever found through its workspace, and the
  // one person's never names one: a mix is no session.
  if (session.account.empty() != (parts.workspace_id == 0)) return std::optional<LiveWebSession>();
  KITH_ASSIGN_OR_RETURN(const std::int64_t now, NowSeconds(context.clock));
  if (now - session.created_at >= limits.lifetime_seconds ||
      now - session.last_seen_at >= limits.idle_seconds) {
    return std::optional<LiveWebSession>();
  }
  LiveWebSession live{CsrfTokenFor(parts.id),
                      now - session.last_seen_at >= kTouchEverySeconds,
                      id_hash,
                      session.created_at,
                      session.last_seen_at,
                      std::nullopt};
  if (parts.workspace_id != 0) {
    if (!found->member) return std::optional<LiveWebSession>();
    live.member = found->member;
  }
  return std::optional<LiveWebSession>(std::move(live));
}

Status TouchWebSession(Context& context, std::string_view cookie) {
  const CookieParts parts = PartsOf(cookie);
  if (parts.id.empty()) return Ok();
  KITH_ASSIGN_OR_RETURN(const bool entered, EnterSessionWorkspace(context, parts));
  if (!entered) return Ok();
  KITH_ASSIGN_OR_RETURN(const std::int64_t now, NowSeconds(context.clock));
  return context.store.TouchWebSession(Sha256Hex(parts.id), now);
}

Status EndWebSession(Context& context, std::string_view cookie) {
  const CookieParts parts = PartsOf(cookie);
  if (parts.id.empty()) return Ok();
  KITH_ASSIGN_OR_RETURN(const bool entered, EnterSessionWorkspace(context, parts));
  if (!entered) return Ok();
  return context.store.RemoveWebSession(Sha256Hex(parts.id));
}

}  // namespace kith
