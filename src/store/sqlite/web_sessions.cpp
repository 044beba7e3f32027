// Web sessions in SQLite: the hash of each id and when it was made and last
// used, so sessions outlive a restart of the server.
#include "store/sqlite/sqlite_store.h"

namespace kith::sqlite {

Status SqliteStore::InsertWebSession(const WebSession& session) {
  return Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(auto insert, database_->Prepare("INSERT INTO web_sessions(id_hash, created_at, "
                                                          "last_seen_at) VALUES(?1, ?2, ?3)"));
    insert.Bind(1, session.id_hash).Bind(2, session.created_at).Bind(3, session.last_seen_at);
    return insert.Run();
  });
}

Result<std::optional<WebSession>> SqliteStore::FindWebSession(std::string_view id_hash) {
  KITH_ASSIGN_OR_RETURN(auto select, database_->Prepare("SELECT created_at, last_seen_at FROM web_sessions "
                                                        "WHERE id_hash = ?1"));
  select.Bind(1, id_hash);
  KITH_ASSIGN_OR_RETURN(const bool found, select.Step());
  if (!found) return std::optional<WebSession>();
  std::optional<WebSession> session = WebSession{std::string(id_hash), select.Int(0), select.Int(1), ""};
  select.Reset();
  return session;
}

Status SqliteStore::TouchWebSession(std::string_view id_hash, std::int64_t last_seen_at) {
  return Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(auto update,
                          database_->Prepare("UPDATE web_sessions SET last_seen_at = ?2 WHERE id_hash = ?1"));
    update.Bind(1, id_hash).Bind(2, last_seen_at);
    return update.Run();
  });
}

Status SqliteStore::RemoveWebSession(std::string_view id_hash) {
  return Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(auto remove, database_->Prepare("DELETE FROM web_sessions WHERE id_hash = ?1"));
    remove.Bind(1, id_hash);
    return remove.Run();
  });
}

Status SqliteStore::PruneWebSessions(std::int64_t created_before, std::int64_t seen_before, int keep) {
  return Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(auto expired, database_->Prepare("DELETE FROM web_sessions "
                                                           "WHERE created_at < ?1 OR last_seen_at < ?2"));
    expired.Bind(1, created_before).Bind(2, seen_before);
    KITH_RETURN_IF_ERROR(expired.Run());
    KITH_ASSIGN_OR_RETURN(auto beyond, database_->Prepare("DELETE FROM web_sessions WHERE id_hash IN ("
                                                          "SELECT id_hash FROM web_sessions "
                                                          "ORDER BY last_seen_at DESC, created_at DESC "
                                                          "LIMIT -1 OFFSET ?1)"));
    beyond.Bind(1, keep);
    return beyond.Run();
  });
}

}  // namespace kith::sqlite
