// Web sessions on PostgreSQL: the hash of each id and when it was made and
// last used. In the database, so every server behind a load balancer
// knows every session.
#include "store/postgres/pg_store.h"

namespace kith::postgres {

Status PgStore::InsertWebSession(const WebSession& session) {
  // A hash taken breaks the primary key: kConflict.
  return Write(
      "INSERT INTO web_sessions(workspace_id, id_hash, created_at, last_seen_at, account) "
      "VALUES ($1, $2, $3, $4, $5)",
      Params().Add(session.id_hash).Add(session.created_at).Add(session.last_seen_at).Add(session.account));
}

Result<std::optional<WebSession>> PgStore::FindWebSession(std::string_view id_hash) {
  KITH_ASSIGN_OR_RETURN(const Rows rows, Run("SELECT created_at, last_seen_at, account FROM web_sessions "
                                             "WHERE workspace_id = $1 AND id_hash = $2",
                                             Params().Add(id_hash)));
  if (rows.empty()) return std::optional<WebSession>();
  return std::optional<WebSession>(
      WebSession{std::string(id_hash), rows.Int(0, 0), rows.Int(0, 1), rows.Text(0, 2)});
}

Status PgStore::TouchWebSession(std::string_view id_hash, std::int64_t last_seen_at) {
  return Write("UPDATE web_sessions SET last_seen_at = $3 WHERE workspace_id = $1 AND id_hash = $2",
               Params().Add(id_hash).Add(last_seen_at));
}

Status PgStore::RemoveWebSession(std::string_view id_hash) {
  return Write("DELETE FROM web_sessions WHERE workspace_id = $1 AND id_hash = $2", Params().Add(id_hash));
}

Status PgStore::PruneWebSessions(std::int64_t created_before, std::int64_t seen_before, int keep) {
  return Atomically([&]() -> Status {
    KITH_RETURN_IF_ERROR(
        Run("DELETE FROM web_sessions WHERE workspace_id = $1 AND (created_at < $2 OR last_seen_at < $3)",
            Params().Add(created_before).Add(seen_before)));
    return Write(
        "DELETE FROM web_sessions WHERE workspace_id = $1 AND id_hash IN (SELECT id_hash FROM web_sessions "
        "WHERE workspace_id = $1 ORDER BY last_seen_at DESC, created_at DESC OFFSET $2)",
        Params().Add(keep));
  });
}

}  // namespace kith::postgres
