// A member's web session and the membership it signs in as, read in one
// question. Only the PostgreSQL store has it: there every request of a
// signed-in member looks both up, and each question is a round trip to the
// server; an SQLite file has no members (MemberSessionsOf gives nullptr).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "domain/result.h"
#include "store/account_directory.h"
#include "store/store.h"

namespace kith {

struct MemberSession {
  WebSession session;
  // The session's account as a member of the workspace now, with its role
  // now; nullopt when it is no member (any more).
  std::optional<WorkspaceAccess> member;
};

class MemberSessions {
 public:
  virtual ~MemberSessions() = default;
  // The session with this hash among the sessions of the workspace with
  // this id (the store must act in it: AccountDirectory::ActAs) and its
  // account's membership there: what Store::FindWebSession and then
  // AccountDirectory::FindMember answer, at once. None when the session
  // is unknown.
  [[nodiscard]] virtual Result<std::optional<MemberSession>> FindMemberSession(std::int64_t workspace_id,
                                                                               std::string_view id_hash) = 0;
};

// The store's member sessions; nullptr for a store that has none.
inline MemberSessions* MemberSessionsOf(Store& store) { return dynamic_cast<MemberSessions*>(&store); }

}  // namespace kith
