// Each member's own calendar feed on PostgreSQL (migration 8): one token per
// member and workspace, read and written only as that member (the
// acting account is the row's author; the policies hold it too).
#include "store/postgres/pg_store.h"

namespace kith::postgres {

Result<std::optional<std::string>> PgStore::MemberCalendarToken() {
  KITH_ASSIGN_OR_RETURN(const Rows rows,
                        Run("SELECT token FROM calendar_feeds WHERE workspace_id = $1 AND author = $2",
                            Params().Add(access_.account)));
  if (rows.empty()) return std::optional<std::string>();
  return std::optional<std::string>(rows.Text(0, 0));
}

Status PgStore::SetMemberCalendarToken(std::string_view token, std::string_view created_at) {
  return Write(
      "INSERT INTO calendar_feeds(workspace_id, author, token, created_at) VALUES ($1, $2, $3, $4) "
      "ON CONFLICT (workspace_id, author) DO UPDATE SET token = excluded.token, created_at = "
      "excluded.created_at",
      Params().Add(access_.account).Add(token).Add(created_at));
}

Result<bool> PgStore::RemoveMemberCalendarToken() {
  bool removed = false;
  KITH_RETURN_IF_ERROR(Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(const Rows rows,
                          Run("DELETE FROM calendar_feeds WHERE workspace_id = $1 AND author = $2",
                              Params().Add(access_.account)));
    removed = rows.Affected() > 0;
    return Ok();
  }));
  return removed;
}

}  // namespace kith::postgres
