// The directory of a shared database: accounts, workspaces, memberships,
// and whom the connection acts as. These statements name no workspace of
// the store's own ($1 is whatever they say): the directory is what chooses
// one.
#include <array>
#include <vector>

#include "store/postgres/pg_store.h"

namespace kith::postgres {
namespace {

Result<Role> RoleFromColumn(const std::string& word) {
  if (auto role = ParseRole(word)) return *role;
  return Fail(ErrorCode::kInternal, "memberships holds an unknown role '" + word + "'");
}

std::vector<Workspace> WorkspacesFrom(const Rows& rows) {
  std::vector<Workspace> workspaces;
  workspaces.reserve(static_cast<std::size_t>(rows.size()));
  for (int row = 0; row < rows.size(); ++row) {
    workspaces.push_back({rows.Int(row, 0), rows.Text(row, 1), rows.Text(row, 2)});
  }
  return workspaces;
}

}  // namespace

Result<bool> PgStore::HasAccounts() {
  KITH_ASSIGN_OR_RETURN(const Rows rows, connection_->Query("SELECT EXISTS (SELECT 1 FROM accounts)"));
  return rows.Bool(0, 0);
}

Status PgStore::InsertAccount(std::string_view name, std::string_view password_hash,
                              std::string_view created_at) {
  return Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(
        const Rows added,
        connection_->Query("INSERT INTO accounts(name, password_hash, created_at) VALUES ($1, $2, $3) "
                           "ON CONFLICT (name) DO NOTHING RETURNING name",
                           Params().Add(name).Add(password_hash).Add(created_at)));
    if (added.empty()) {
      return Fail(ErrorCode::kAlreadyExists, "an account named '" + std::string(name) + "' already exists",
                  "name");
    }
    return Ok();
  });
}

Result<std::vector<Account>> PgStore::Accounts() {
  KITH_ASSIGN_OR_RETURN(
      const Rows rows,
      connection_->Query("SELECT name, created_at FROM accounts ORDER BY name COLLATE \"C\""));
  std::vector<Account> accounts;
  accounts.reserve(static_cast<std::size_t>(rows.size()));
  for (int row = 0; row < rows.size(); ++row) accounts.push_back({rows.Text(row, 0), rows.Text(row, 1)});
  return accounts;
}

Result<std::optional<std::string>> PgStore::PasswordHashOf(std::string_view account) {
  KITH_ASSIGN_OR_RETURN(
      const Rows rows,
      connection_->Query("SELECT password_hash FROM accounts WHERE name = $1", Params().Add(account)));
  if (rows.empty()) return std::optional<std::string>();
  return std::optional<std::string>(rows.Text(0, 0));
}

Result<Workspace> PgStore::InsertWorkspace(std::string_view name, std::string_view created_at) {
  Workspace workspace;
  KITH_RETURN_IF_ERROR(Atomically([&]() -> Status {
    // Workspace ids are few and never reused; two adding at once collide on
    // the key and one is refused (kConflict), which it may simply retry.
    KITH_ASSIGN_OR_RETURN(const Rows added,
                          connection_->Query("INSERT INTO workspaces(id, name, created_at) "
                                             "SELECT coalesce(max(id), 0) + 1, $1, $2 FROM workspaces "
                                             "ON CONFLICT (name) DO NOTHING RETURNING id",
                                             Params().Add(name).Add(created_at)));
    if (added.empty()) {
      return Fail(ErrorCode::kAlreadyExists, "a workspace named '" + std::string(name) + "' already exists",
                  "workspace");
    }
    workspace = {added.Int(0, 0), std::string(name), std::string(created_at)};
    return Ok();
  }));
  return workspace;
}

Result<std::optional<Workspace>> PgStore::FindWorkspace(std::string_view name) {
  KITH_ASSIGN_OR_RETURN(
      const Rows rows,
      connection_->Query("SELECT id, name, created_at FROM workspaces WHERE name = $1", Params().Add(name)));
  if (rows.empty()) return std::optional<Workspace>();
  return std::optional<Workspace>(WorkspacesFrom(rows).front());
}

Result<std::vector<Workspace>> PgStore::Workspaces() {
  KITH_ASSIGN_OR_RETURN(
      const Rows rows,
      connection_->Query("SELECT id, name, created_at FROM workspaces ORDER BY name COLLATE \"C\""));
  return WorkspacesFrom(rows);
}

Status PgStore::LockWorkspace(std::int64_t workspace_id) {
  KITH_ASSIGN_OR_RETURN(
      const Rows locked,
      connection_->Query("SELECT id FROM workspaces WHERE id = $1 FOR UPDATE", Params().Add(workspace_id)));
  if (locked.empty()) return Fail(ErrorCode::kNotFound, "the workspace is gone", "workspace");
  return Ok();
}

Result<std::vector<Membership>> PgStore::MembersOf(std::int64_t workspace_id) {
  KITH_ASSIGN_OR_RETURN(const Rows rows,
                        connection_->Query("SELECT account, role FROM memberships "
                                           "WHERE workspace_id = $1 ORDER BY account COLLATE \"C\"",
                                           Params().Add(workspace_id)));
  std::vector<Membership> members;
  members.reserve(static_cast<std::size_t>(rows.size()));
  for (int row = 0; row < rows.size(); ++row) {
    KITH_ASSIGN_OR_RETURN(const Role role, RoleFromColumn(rows.Text(row, 1)));
    members.push_back({rows.Text(row, 0), role});
  }
  return members;
}

Result<std::optional<Role>> PgStore::RoleOf(std::int64_t workspace_id, std::string_view account) {
  KITH_ASSIGN_OR_RETURN(
      const Rows rows,
      connection_->Query("SELECT role FROM memberships WHERE workspace_id = $1 AND account = $2",
                         Params().Add(workspace_id).Add(account)));
  if (rows.empty()) return std::optional<Role>();
  KITH_ASSIGN_OR_RETURN(const Role role, RoleFromColumn(rows.Text(0, 0)));
  return std::optional<Role>(role);
}

Status PgStore::SetMember(std::int64_t workspace_id, std::string_view account, Role role) {
  return Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(
        const Rows set,
        connection_->Query(
            "INSERT INTO memberships(workspace_id, account, role) "
            "SELECT $1, name, $3 FROM accounts WHERE name = $2 "
            "ON CONFLICT (workspace_id, account) DO UPDATE SET role = EXCLUDED.role RETURNING 1",
            Params().Add(workspace_id).Add(account).Add(RoleName(role))));
    if (set.empty()) {
      return Fail(ErrorCode::kNotFound, "there is no account named '" + std::string(account) + "'",
                  "account");
    }
    return Ok();
  });
}

Status PgStore::RemoveMember(std::int64_t workspace_id, std::string_view account) {
  return Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(
        const Rows removed,
        connection_->Query("DELETE FROM memberships WHERE workspace_id = $1 AND account = $2",
                           Params().Add(workspace_id).Add(account)));
    if (removed.Affected() == 0) {
      return Fail(ErrorCode::kNotFound, "'" + std::string(account) + "' is no member of the workspace",
                  "account");
    }
    return Ok();
  });
}

Result<std::optional<WorkspaceAccess>> PgStore::FindMember(std::int64_t workspace_id,
                                                           std::string_view account) {
  KITH_ASSIGN_OR_RETURN(const Rows rows, connection_->Query("SELECT w.name, m.role FROM memberships m "
                                                            "JOIN workspaces w ON w.id = m.workspace_id "
                                                            "WHERE m.workspace_id = $1 AND m.account = $2",
                                                            Params().Add(workspace_id).Add(account)));
  if (rows.empty()) return std::optional<WorkspaceAccess>();
  KITH_ASSIGN_OR_RETURN(const Role role, RoleFromColumn(rows.Text(0, 1)));
  return std::optional<WorkspaceAccess>(
      WorkspaceAccess{workspace_id, role, std::string(account), rows.Text(0, 0)});
}

Result<std::optional<MemberSession>> PgStore::FindMemberSession(std::int64_t workspace_id,
                                                                std::string_view id_hash) {
  // The membership is read with the session, not remembered from sign-in:
  // a member removed, or given another role, is refused or acts with the
  // new role from the next request on.
  KITH_ASSIGN_OR_RETURN(const Rows rows,
                        connection_->Query("SELECT s.created_at, s.last_seen_at, s.account, w.name, m.role "
                                           "FROM web_sessions s "
                                           "LEFT JOIN memberships m "
                                           "ON m.workspace_id = s.workspace_id AND m.account = s.account "
                                           "LEFT JOIN workspaces w ON w.id = m.workspace_id "
                                           "WHERE s.workspace_id = $1 AND s.id_hash = $2",
                                           Params().Add(workspace_id).Add(id_hash)));
  if (rows.empty()) return std::optional<MemberSession>();
  MemberSession found{WebSession{std::string(id_hash), rows.Int(0, 0), rows.Int(0, 1), rows.Text(0, 2)},
                      std::nullopt};
  if (!rows.IsNull(0, 4)) {
    KITH_ASSIGN_OR_RETURN(const Role role, RoleFromColumn(rows.Text(0, 4)));
    found.member = WorkspaceAccess{workspace_id, role, found.session.account, rows.Text(0, 3)};
  }
  return std::optional<MemberSession>(std::move(found));
}

Status PgStore::HandOverRowsOfNoOne(std::int64_t workspace_id, std::string_view account) {
  // The policies let nobody give a row to another author
  // (private_rows_migration.cpp), so the rows are taken out acting as
  // nobody, whose they are, and put back acting as the account: copies
  // in temporary tables, dropped at commit. Facts go before the
  // interactions they name and come back after them.
  const std::string workspace = std::to_string(workspace_id);
  constexpr std::array<const char*, 4> kTables = {"interactions", "facts", "reminders", "cadences"};
  return Atomically([&]() -> Status {
    for (const char* table : kTables) {
      KITH_RETURN_IF_ERROR(connection_->Execute(std::string("CREATE TEMPORARY TABLE handover_") + table +
                                                " ON COMMIT DROP AS SELECT * FROM " + table +
                                                " WHERE workspace_id = " + workspace + " AND author = ''"));
    }
    for (const char* table : {"facts", "interactions", "reminders", "cadences"}) {
      KITH_RETURN_IF_ERROR(connection_->Execute(std::string("DELETE FROM ") + table +
                                                " WHERE workspace_id = " + workspace + " AND author = ''"));
    }
    KITH_RETURN_IF_ERROR(
        connection_->Query("SELECT set_config('kith.account', $1, true)", Params().Add(account)));
    for (const char* table : kTables) {
      KITH_RETURN_IF_ERROR(connection_->Execute(std::string("UPDATE handover_") + table +
                                                " SET author = kith_account(); INSERT INTO " + table +
                                                " SELECT * FROM handover_" + table));
    }
    return connection_->Query("SELECT set_config('kith.account', $1, true)", Params().Add(access_.account))
        .map([](const Rows&) {});
  });
}

Status PgStore::ActAs(const WorkspaceAccess& access) {
  SettleClaim();  // the next settings replace what is deferred
  // Until the next ActAs (is_local false): reads outside a transaction
  // must see the same workspace as those inside one. A connection `kith
  // serve` shares acts as each request's member for that request and as
  // Nobody() between them (http/store_pool.h; docs/team.md).
  // kith.account names who acts, for policies on what is one member's own.
  // Sent with the next statement, before it (Connection::Defer): the reset
  // to Nobody() that ends a lease and the member the next lease acts as
  // then cost one round trip between them instead of two, and no
  // statement ever runs before the settings it is to see are made.
  connection_->Defer(
      "SELECT set_config('kith.workspace', $1, false), "
      "set_config('kith.role', $2, false), "
      "set_config('kith.account', $3, false)",
      Params().Add(access.workspace_id).Add(RoleName(access.role)).Add(access.account));
  workspace_ = access.workspace_id;
  access_ = access;
  found_glances_.clear();  // read as the member before
  return Ok();
}

Status PgStore::ActAsClaimedMember(const WorkspaceAccess& member, const SessionClaim& claim) {
  SettleClaim();
  // As ActAs, but the member's settings are made from the session's row,
  // read under the workspace's policies once the workspace is set; with no
  // such row the second statement raises (kith_session_refused,
  // session_check_migration.cpp), so the statement after it fails, and so
  // does each later one, the check going again before it. Plain
  // statements, not a PL/pgSQL function: the database's cost of the check
  // is then about that of the read. The scalar subquery holds at most one
  // row (both tables' keys are given whole).
  Params workspace;
  workspace.Add(member.workspace_id);
  Params check;
  check.Add(member.workspace_id).Add(claim.id_hash).Add(member.account).Add(RoleName(member.role));
  check.Add(claim.born_after).Add(claim.seen_after);
  std::vector<Connection::Statement> statements;
  statements.push_back({"SELECT set_config('kith.workspace', $1, false)", std::move(workspace)});
  statements.push_back(
      {"SELECT coalesce((SELECT set_config('kith.role', m.role, false) || set_config('kith.account', "
       "s.account, false) "
       "FROM web_sessions s JOIN memberships m ON m.workspace_id = s.workspace_id AND m.account = s.account "
       "WHERE s.workspace_id = $1 AND s.id_hash = $2 AND s.account = $3 AND m.role = $4 "
       "AND s.created_at > $5 AND s.last_seen_at > $6), kith_session_refused())",
       std::move(check)});
  connection_->Defer(std::move(statements));
  workspace_ = member.workspace_id;
  access_ = member;
  found_glances_.clear();  // read as the member before
  claim_ = Claim::kPending;
  return Ok();
}

void PgStore::SettleClaim() {
  // A claim's check is never dropped unrun, and one that could not run
  // (a lost connection) counts as refused: no claim is taken as held
  // unchecked.
  if (claim_ != Claim::kPending) return;
  if (!ConfirmClaim() && claim_ == Claim::kPending) claim_ = Claim::kRefused;
}

Status PgStore::ConfirmClaim() {
  if (claim_ == Claim::kPending) {
    // Deferred statements are dropped only once they ran: none left means
    // the check ran with a statement and held.
    Status checked = connection_->HasDeferred() ? connection_->RunDeferred() : Ok();
    if (checked) {
      claim_ = Claim::kHeld;
    } else if (checked.error().code == ErrorCode::kUnauthorized) {
      claim_ = Claim::kRefused;
    } else {
      return checked;  // not known yet (a lost connection): asked again next time
    }
  }
  if (claim_ == Claim::kRefused) {
    return Fail(ErrorCode::kUnauthorized,
                "the session is signed out, expired or no longer signs in as this member", "session");
  }
  return Ok();
}

}  // namespace kith::postgres
