#include "app/accounts.h"

#include <algorithm>

#include "app/login_names.h"
#include "app/secrets.h"

namespace kith {
namespace {

Result<AccountDirectory*> Directory(Context& context) {
  AccountDirectory* directory = AccountsOf(context.store);
  if (directory == nullptr) {
    return Fail(ErrorCode::kInvalidInput,
                "accounts and workspaces need a shared PostgreSQL database (--db postgresql://…): a "
                "personal file has one person (docs/team.md)",
                "db");
  }
  return directory;
}

Result<Workspace> ExistingWorkspace(AccountDirectory& directory, const std::string& name) {
  KITH_ASSIGN_OR_RETURN(const auto found, directory.FindWorkspace(name));
  if (!found) return Fail(ErrorCode::kNotFound, "there is no workspace named '" + name + "'", "workspace");
  return *found;
}

std::size_t OwnersAmong(const std::vector<Membership>& members) {
  return static_cast<std::size_t>(std::count_if(members.begin(), members.end(),
                                                [](const Membership& m) { return m.role == Role::kOwner; }));
}

// Only an owner manages the members; the workspace row is held until the
// caller's transaction ends, so two changes at once take turns.
Result<Workspace> AsOwnerOf(AccountDirectory& directory, const MemberChange& change) {
  KITH_ASSIGN_OR_RETURN(const Workspace workspace, ExistingWorkspace(directory, change.workspace));
  KITH_RETURN_IF_ERROR(directory.LockWorkspace(workspace.id));
  if (change.acting.empty()) {
    return Fail(
        ErrorCode::kInvalidInput,
        "only an owner of " + workspace.name + " manages its members: say who you are with --user NAME",
        "user");
  }
  KITH_ASSIGN_OR_RETURN(const auto role, directory.RoleOf(workspace.id, change.acting));
  if (role != Role::kOwner) {
    const std::string who = role ? std::string(RoleName(*role)) + " " + change.acting : change.acting;
    return Fail(ErrorCode::kInvalidInput,
                who + " cannot manage the members of " + workspace.name + ": only an owner can", "user");
  }
  return workspace;
}

// Refuses a change that leaves no owner: `leaving` stops being one.
Status KeepsAnOwner(AccountDirectory& directory, const Workspace& workspace, const std::string& leaving) {
  KITH_ASSIGN_OR_RETURN(const auto members, directory.MembersOf(workspace.id));
  const bool is_owner = std::any_of(members.begin(), members.end(), [&](const Membership& member) {
    return member.account == leaving && member.role == Role::kOwner;
  });
  if (is_owner && OwnersAmong(members) == 1) {
    return Fail(ErrorCode::kInvalidInput,
                leaving + " is the last owner of " + workspace.name +
                    ": make another member an owner first (`kith workspace member add " + workspace.name +
                    " NAME --role owner`)",
                "account");
  }
  return Ok();
}

}  // namespace

Result<Account> AddAccount(Context& context, const std::string& name, const std::string& password) {
  KITH_ASSIGN_OR_RETURN(AccountDirectory * directory, Directory(context));
  KITH_RETURN_IF_ERROR(ValidateLoginName(name, "account", "ada", "name"));
  KITH_RETURN_IF_ERROR(ValidateNewPassword(password));
  KITH_ASSIGN_OR_RETURN(const std::string hash, HashPassword(password));
  Account account{name, context.clock.NowTimestamp()};
  KITH_RETURN_IF_ERROR(directory->InsertAccount(account.name, hash, account.created_at));
  return account;
}

Result<std::vector<Account>> ListAccounts(Context& context) {
  KITH_ASSIGN_OR_RETURN(AccountDirectory * directory, Directory(context));
  return directory->Accounts();
}

Result<Workspace> AddWorkspace(Context& context, const std::string& name, const std::string& owner) {
  KITH_ASSIGN_OR_RETURN(AccountDirectory * directory, Directory(context));
  KITH_RETURN_IF_ERROR(ValidateLoginName(name, "workspace", "acme", "workspace"));
  KITH_ASSIGN_OR_RETURN(auto transaction, context.store.Begin());
  KITH_ASSIGN_OR_RETURN(const auto existing, directory->FindWorkspace(name));
  Workspace workspace;
  if (existing) {
    KITH_RETURN_IF_ERROR(directory->LockWorkspace(existing->id));
    KITH_ASSIGN_OR_RETURN(const auto members, directory->MembersOf(existing->id));
    if (!members.empty()) {
      return Fail(ErrorCode::kAlreadyExists, "a workspace named '" + name + "' already exists", "workspace");
    }
    workspace = *existing;
  } else {
    KITH_ASSIGN_OR_RETURN(workspace, directory->InsertWorkspace(name, context.clock.NowTimestamp()));
  }
  if (auto added = directory->SetMember(workspace.id, owner, Role::kOwner); !added) {
    if (added.error().code == ErrorCode::kNotFound) added.error().field = "owner";
    return tl::unexpected(added.error());
  }
  // A workspace from before accounts was its one person's: its first owner
  // takes over the relationship loop written then (docs/team.md).
  if (existing) KITH_RETURN_IF_ERROR(directory->HandOverRowsOfNoOne(workspace.id, owner));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return workspace;
}

Result<std::vector<WorkspaceMembers>> ListWorkspaces(Context& context) {
  KITH_ASSIGN_OR_RETURN(AccountDirectory * directory, Directory(context));
  KITH_ASSIGN_OR_RETURN(auto snapshot, context.store.ReadSnapshot());
  KITH_ASSIGN_OR_RETURN(const auto workspaces, directory->Workspaces());
  std::vector<WorkspaceMembers> listed;
  for (const Workspace& workspace : workspaces) {
    KITH_ASSIGN_OR_RETURN(auto members, directory->MembersOf(workspace.id));
    listed.push_back({workspace, std::move(members)});
  }
  KITH_RETURN_IF_ERROR(snapshot.Commit());
  return listed;
}

Result<Membership> AddMember(Context& context, const MemberChange& change) {
  KITH_ASSIGN_OR_RETURN(AccountDirectory * directory, Directory(context));
  KITH_ASSIGN_OR_RETURN(auto transaction, context.store.Begin());
  KITH_ASSIGN_OR_RETURN(const Workspace workspace, AsOwnerOf(*directory, change));
  if (change.role != Role::kOwner) KITH_RETURN_IF_ERROR(KeepsAnOwner(*directory, workspace, change.account));
  KITH_RETURN_IF_ERROR(directory->SetMember(workspace.id, change.account, change.role));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return Membership{change.account, change.role};
}

Status RemoveMember(Context& context, const MemberChange& change) {
  KITH_ASSIGN_OR_RETURN(AccountDirectory * directory, Directory(context));
  KITH_ASSIGN_OR_RETURN(auto transaction, context.store.Begin());
  KITH_ASSIGN_OR_RETURN(const Workspace workspace, AsOwnerOf(*directory, change));
  KITH_RETURN_IF_ERROR(KeepsAnOwner(*directory, workspace, change.account));
  KITH_RETURN_IF_ERROR(directory->RemoveMember(workspace.id, change.account));
  return transaction.Commit();
}

}  // namespace kith
