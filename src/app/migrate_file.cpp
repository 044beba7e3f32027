#include "app/migrate_file.h"

#include <filesystem>
#include <system_error>

#include "app/login_names.h"
#include "store/account_directory.h"

namespace kith {
namespace {

Status CheckRequest(const MigrateRequest& request) {
  if (request.from.empty())
    return Fail(ErrorCode::kInvalidInput, "name the file to migrate with --from", "from");
  if (IsPostgresLocation(request.from)) {
    return Fail(ErrorCode::kInvalidInput,
                "--from is a PostgreSQL database: kith migrate copies a personal SQLite file into one",
                "from");
  }
  if (!IsPostgresLocation(request.to)) {
    return Fail(ErrorCode::kInvalidInput,
                "--to '" + PrintableLocation(request.to) +
                    "' is not a PostgreSQL URI: give postgresql://… (docs/team.md)",
                "to");
  }
  KITH_RETURN_IF_ERROR(ValidateLoginName(request.workspace, "workspace", "acme", "workspace"));
  if (!request.owner.empty())
    KITH_RETURN_IF_ERROR(ValidateLoginName(request.owner, "account", "ada", "owner"));
  std::error_code error;
  if (!std::filesystem::exists(request.from, error)) {
    return Fail(ErrorCode::kNotFound, "--from '" + request.from + "' does not exist", "from");
  }
  return Ok();
}

// The workspace to fill, made (with its owner) when missing; inside the
// caller's transaction.
Result<Workspace> TargetWorkspace(AccountDirectory& directory, const MigrateRequest& request,
                                  const Clock& clock, bool& created) {
  KITH_ASSIGN_OR_RETURN(const auto existing, directory.FindWorkspace(request.workspace));
  KITH_ASSIGN_OR_RETURN(const bool has_accounts, directory.HasAccounts());
  Workspace workspace;
  if (existing) {
    workspace = *existing;
    KITH_RETURN_IF_ERROR(directory.LockWorkspace(workspace.id));
    if (request.owner.empty()) return workspace;
    KITH_ASSIGN_OR_RETURN(const auto members, directory.MembersOf(workspace.id));
    if (!members.empty()) {
      return Fail(ErrorCode::kInvalidInput,
                  "workspace " + workspace.name +
                      " already has members: leave out --owner (its owners add members with `kith workspace "
                      "member add`)",
                  "owner");
    }
  } else {
    if (has_accounts && request.owner.empty()) {
      return Fail(ErrorCode::kInvalidInput,
                  "the database has accounts: name the owner of the new workspace " + request.workspace +
                      " with --owner ACCOUNT",
                  "owner");
    }
    KITH_ASSIGN_OR_RETURN(workspace, directory.InsertWorkspace(request.workspace, clock.NowTimestamp()));
    created = true;
  }
  if (!request.owner.empty()) {
    if (auto added = directory.SetMember(workspace.id, request.owner, Role::kOwner); !added) {
      if (added.error().code == ErrorCode::kNotFound) added.error().field = "owner";
      return tl::unexpected(added.error());
    }
  }
  return workspace;
}

}  // namespace

Result<MigrateSummary> MigrateFile(const MigrateRequest& request, const Clock& clock) {
  KITH_RETURN_IF_ERROR(CheckRequest(request));
  // Opened as every command opens it: an older file is upgraded to this
  // build's schema, which is the one the copy reads.
  { KITH_ASSIGN_OR_RETURN(const auto file, OpenSqliteStore(request.from, OpenIntent::kReadWrite)); }
  KITH_ASSIGN_OR_RETURN(const auto target, OpenPostgresStore(request.to, OpenIntent::kReadWrite));
  AccountDirectory* directory = AccountsOf(*target);
  FileMigration* migration = FileMigrationOf(*target);
  if (directory == nullptr || migration == nullptr) {
    return Fail(ErrorCode::kInternal, "the PostgreSQL store takes no file in");
  }
  MigrateSummary summary;
  summary.workspace = request.workspace;
  // A bulk transaction: the search entries of the cards go in by COPY.
  KITH_ASSIGN_OR_RETURN(auto transaction, target->BeginBulk());
  KITH_ASSIGN_OR_RETURN(const Workspace workspace,
                        TargetWorkspace(*directory, request, clock, summary.created_workspace));
  // The copy writes as the workspace's owner: the database's own
  // credentials are the guard here, as for `kith workspace add`.
  KITH_RETURN_IF_ERROR(directory->ActAs({workspace.id, Role::kOwner, request.owner, workspace.name}));
  KITH_ASSIGN_OR_RETURN(const bool empty, migration->WorkspaceIsEmpty());
  if (!empty) {
    return Fail(ErrorCode::kConflict,
                "workspace " + workspace.name +
                    " already holds cards or the relationship loop: kith migrate copies a file, ids and all, "
                    "only into an empty workspace (name a new one with --workspace); nothing was written",
                "workspace");
  }
  KITH_ASSIGN_OR_RETURN(summary.tables, migration->CopySqliteFile(request.from));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return summary;
}

}  // namespace kith
