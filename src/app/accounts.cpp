#include "app/accounts.h"

#include <algorithm>

#include "app/access.h"
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

// Refuses anyone but an owner of `workspace`: kForbidden naming their role.
Status RequireOwner(AccountDirectory& directory, const Workspace& workspace, const std::string& acting) {
  if (acting.empty()) {
    return Fail(
        ErrorCode::kInvalidInput,
        "only an owner of " + workspace.name + " manages its members: say who you are with --user NAME",
        "user");
  }
  KITH_ASSIGN_OR_RETURN(const auto role, directory.RoleOf(workspace.id, acting));
  if (role != Role::kOwner) {
    const std::string who = role ? std::string(RoleName(*role)) + " " + acting : acting;
    return Fail(ErrorCode::kForbidden,
                who + " cannot manage the members of " + workspace.name + ": only an owner can", "user");
  }
  return Ok();
}

// Only an owner manages the members; the workspace row is held until the
// caller's transaction ends, so two changes at once take turns.
Result<Workspace> AsOwnerOf(AccountDirectory& directory, const MemberChange& change) {
  KITH_ASSIGN_OR_RETURN(const Workspace workspace, ExistingWorkspace(directory, change.workspace));
  KITH_RETURN_IF_ERROR(directory.LockWorkspace(workspace.id));
  KITH_RETURN_IF_ERROR(RequireOwner(directory, workspace, change.acting));
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
                leaving + " is the last owner of " + workspace.name + ": make another member an owner first",
                "account");
  }
  return Ok();
}

// The member a request acts as, asking about the members of its own
// workspace: a database without accounts has none to manage.
Result<MemberChange> ChangeHere(AccountDirectory& directory, const std::string& account, Role role) {
  KITH_ASSIGN_OR_RETURN(const bool has_accounts, directory.HasAccounts());
  const WorkspaceAccess access = directory.Access();
  if (!has_accounts || access.account.empty()) {
    return Fail(ErrorCode::kInvalidInput,
                "this database has no accounts, so no members to manage: one person uses it (`kith "
                "account add NAME` adds the first account, docs/team.md)",
                "db");
  }
  return MemberChange{access.account, access.workspace, account, role};
}

Status RequireMember(AccountDirectory& directory, const Workspace& workspace, const std::string& account) {
  KITH_ASSIGN_OR_RETURN(const auto role, directory.RoleOf(workspace.id, account));
  if (!role) return Fail(ErrorCode::kNotFound, account + " is no member of " + workspace.name, "account");
  return Ok();
}

// A new account's checked name and password hash, made before the
// transaction: argon2id takes its time, and the write connection waits
// for no one meanwhile.
Result<std::string> NewAccountHash(const std::string& name, const std::string& password) {
  KITH_RETURN_IF_ERROR(ValidateLoginName(name, "account", "ada", "account"));
  KITH_RETURN_IF_ERROR(ValidateNewPassword(password));
  return HashPassword(password);
}

Status InsertNewAccount(Context& context, AccountDirectory& directory, const std::string& name,
                        const std::string& hash) {
  auto inserted = directory.InsertAccount(name, hash, context.clock.NowTimestamp());
  if (!inserted && inserted.error().code == ErrorCode::kAlreadyExists) {
    return Fail(ErrorCode::kAlreadyExists,
                "an account named '" + name + "' already exists: add it without a password", "account");
  }
  return inserted;
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

Result<std::vector<Membership>> MembersHere(Context& context) {
  KITH_ASSIGN_OR_RETURN(AccountDirectory * directory, Directory(context));
  KITH_ASSIGN_OR_RETURN(const MemberChange here, ChangeHere(*directory, "", Role::kViewer));
  KITH_ASSIGN_OR_RETURN(auto snapshot, context.store.ReadSnapshot());
  KITH_ASSIGN_OR_RETURN(const Workspace workspace, ExistingWorkspace(*directory, here.workspace));
  KITH_RETURN_IF_ERROR(RequireOwner(*directory, workspace, here.acting));
  KITH_ASSIGN_OR_RETURN(auto members, directory->MembersOf(workspace.id));
  KITH_RETURN_IF_ERROR(snapshot.Commit());
  return members;
}

Result<Membership> AddMemberHere(Context& context, const NewMember& member) {
  KITH_ASSIGN_OR_RETURN(AccountDirectory * directory, Directory(context));
  KITH_ASSIGN_OR_RETURN(const MemberChange change, ChangeHere(*directory, member.account, member.role));
  std::optional<std::string> hash;
  if (member.password) {
    // Only an owner's request costs the hash (asked again under the lock).
    KITH_ASSIGN_OR_RETURN(const Workspace workspace, ExistingWorkspace(*directory, change.workspace));
    KITH_RETURN_IF_ERROR(RequireOwner(*directory, workspace, change.acting));
    KITH_ASSIGN_OR_RETURN(hash, NewAccountHash(member.account, *member.password));
  }
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "manage the members"));
  KITH_ASSIGN_OR_RETURN(const Workspace workspace, AsOwnerOf(*directory, change));
  KITH_ASSIGN_OR_RETURN(const auto role, directory->RoleOf(workspace.id, member.account));
  if (role) {
    return Fail(ErrorCode::kAlreadyExists,
                member.account + " is already a member of " + workspace.name + ", as " +
                    std::string(RoleName(*role)) + ": change their role instead",
                "account");
  }
  if (hash) KITH_RETURN_IF_ERROR(InsertNewAccount(context, *directory, member.account, *hash));
  if (auto added = directory->SetMember(workspace.id, member.account, member.role); !added) {
    if (added.error().code == ErrorCode::kNotFound) {
      return Fail(ErrorCode::kNotFound,
                  "there is no account named '" + member.account + "': give a first password to make it",
                  "account");
    }
    return tl::unexpected(added.error());
  }
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return Membership{member.account, member.role};
}

Result<Membership> ChangeRoleHere(Context& context, const std::string& account, Role role) {
  KITH_ASSIGN_OR_RETURN(AccountDirectory * directory, Directory(context));
  KITH_ASSIGN_OR_RETURN(const MemberChange change, ChangeHere(*directory, account, role));
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "manage the members"));
  KITH_ASSIGN_OR_RETURN(const Workspace workspace, AsOwnerOf(*directory, change));
  KITH_RETURN_IF_ERROR(RequireMember(*directory, workspace, account));
  if (role != Role::kOwner) KITH_RETURN_IF_ERROR(KeepsAnOwner(*directory, workspace, account));
  KITH_RETURN_IF_ERROR(directory->SetMember(workspace.id, account, role));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return Membership{account, role};
}

Status RemoveMemberHere(Context& context, const std::string& account) {
  KITH_ASSIGN_OR_RETURN(AccountDirectory * directory, Directory(context));
  KITH_ASSIGN_OR_RETURN(const MemberChange change, ChangeHere(*directory, account, Role::kViewer));
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "manage the members"));
  KITH_ASSIGN_OR_RETURN(const Workspace workspace, AsOwnerOf(*directory, change));
  KITH_RETURN_IF_ERROR(RequireMember(*directory, workspace, account));
  KITH_RETURN_IF_ERROR(KeepsAnOwner(*directory, workspace, account));
  KITH_RETURN_IF_ERROR(directory->RemoveMember(workspace.id, account));
  return transaction.Commit();
}

}  // namespace kith
