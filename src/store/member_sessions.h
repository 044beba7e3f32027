// A member's web session and the membership it signs in as, read in one
// question. Only the PostgreSQL store has it: there every request of a
// signed-in member looks both up, and each question is a round trip to the
// server; an SQLite file has no members (MemberSessionsOf gives nullptr).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
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

// A web session a server read before and remembers as signing in as a
// member: what the database must still find for the store to act as that
// member. Live means made after `born_after` and last seen after
// `seen_after` (Unix seconds).
struct SessionClaim {
  std::string id_hash;
  std::int64_t born_after = 0;
  std::int64_t seen_after = 0;
};

class MemberSessions {
 public:
  virtual ~MemberSessions() = default;
  // Acts as `member` (AccountDirectory::ActAs) while the database finds the
  // session `claim` names, in the member's workspace, still live and
  // signing in as that account with that role. It is checked with the next
  // statement, in the same round trip and transaction: should it fail,
  // that statement is not run and fails with kUnauthorized, as does every
  // statement after it until the store acts as someone else.
  [[nodiscard]] virtual Status ActAsClaimedMember(const WorkspaceAccess& member,
                                                  const SessionClaim& claim) = 0;
  // Whether the claim of the last ActAsClaimedMember held: checked now when
  // no statement has run since (kUnauthorized when it did not hold).
  [[nodiscard]] virtual Status ConfirmClaim() = 0;
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
