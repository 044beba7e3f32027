#include "app/access.h"

#include "store/account_directory.h"

namespace kith {
namespace {

Status RefuseNamed(const ActingAs& who, const std::string& why) {
  if (who.account.empty() && who.workspace.empty()) return Ok();
  return Fail(ErrorCode::kInvalidInput, why, who.account.empty() ? "workspace" : "user");
}

Result<WorkspaceAccess> MemberAccess(AccountDirectory& directory, const ActingAs& who) {
  if (who.account.empty()) {
    return Fail(ErrorCode::kInvalidInput,
                "this database has accounts: say who you are with --user NAME (or KITH_USER)", "user");
  }
  if (who.workspace.empty()) {
    return Fail(ErrorCode::kInvalidInput, "choose a workspace with --workspace WS (or KITH_WORKSPACE)",
                "workspace");
  }
  KITH_ASSIGN_OR_RETURN(const auto hash, directory.PasswordHashOf(who.account));
  if (!hash) return Fail(ErrorCode::kNotFound, "there is no account named '" + who.account + "'", "user");
  KITH_ASSIGN_OR_RETURN(const auto workspace, directory.FindWorkspace(who.workspace));
  if (!workspace) {
    return Fail(ErrorCode::kNotFound, "there is no workspace named '" + who.workspace + "'", "workspace");
  }
  KITH_ASSIGN_OR_RETURN(const auto role, directory.RoleOf(workspace->id, who.account));
  if (!role) {
    return Fail(ErrorCode::kInvalidInput,
                who.account + " is no member of workspace " + who.workspace +
                    ": an owner adds members with `kith workspace member add " + who.workspace + " " +
                    who.account + " --role editor`",
                "user");
  }
  return WorkspaceAccess{workspace->id, *role, who.account, workspace->name};
}

}  // namespace

Status EnterWorkspace(Context& context, const ActingAs& who, Scope scope) {
  AccountDirectory* directory = AccountsOf(context.store);
  if (directory == nullptr) {
    return RefuseNamed(who,
                       "--user and --workspace choose a member of a shared PostgreSQL database: a personal "
                       "file has one person (docs/team.md)");
  }
  if (scope == Scope::kDatabase) return Ok();
  KITH_ASSIGN_OR_RETURN(const bool has_accounts, directory->HasAccounts());
  if (!has_accounts) {
    return RefuseNamed(who,
                       "this database has no accounts yet: `kith account add NAME` adds the first "
                       "(docs/team.md)");
  }
  if (scope == Scope::kServer) {
    // Each request acts as the member its session signed in (http/).
    return RefuseNamed(who,
                       "kith serve signs each person in by account (POST /api/v1/session, CardDAV as "
                       "NAME@WORKSPACE): --user and --workspace are not for it (docs/team.md)");
  }
  KITH_ASSIGN_OR_RETURN(const WorkspaceAccess access, MemberAccess(*directory, who));
  return directory->ActAs(access);
}

std::string ActingAccount(Context& context) {
  const AccountDirectory* directory = AccountsOf(context.store);
  return directory == nullptr ? std::string() : directory->Access().account;
}

Status RequireWriter(Context& context, std::string_view what) {
  const AccountDirectory* directory = AccountsOf(context.store);
  if (directory == nullptr) return Ok();
  const WorkspaceAccess access = directory->Access();
  if (MayWrite(access.role)) return Ok();
  return Fail(ErrorCode::kForbidden,
              std::string(RoleName(access.role)) + " " + access.account + " cannot " + std::string(what) +
                  " in workspace " + access.workspace + ": only an owner or editor can",
              "user");
}
Result<Transaction> BeginWrite(Context& context, std::string_view what) {
  KITH_RETURN_IF_ERROR(RequireWriter(context, what));
  return context.store.Begin();
}

Result<Transaction> BeginBulkWrite(Context& context, std::string_view what) {
  KITH_RETURN_IF_ERROR(RequireWriter(context, what));
  return context.store.BeginBulk();
}

}  // namespace kith
