// Accounts and workspaces of a shared PostgreSQL database (docs/team.md):
// who may sign in, the workspaces they share, and each member's role.
// A personal SQLite file has one person and none of this: every action
// here refuses it with kInvalidInput saying accounts need PostgreSQL.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "domain/result.h"
#include "domain/role.h"
#include "store/account_directory.h"

namespace kith {

// Adds an account whose password (at least 8 characters) is kept as an
// argon2id hash. Whoever can connect to the database may add one: its own
// credentials guard it. kInvalidInput for a bad name or a short password;
// kAlreadyExists when the name is taken.
Result<Account> AddAccount(Context& context, const std::string& name, const std::string& password);

// Every account, by name (no password hashes).
Result<std::vector<Account>> ListAccounts(Context& context);

// Adds a workspace with `owner` as its first owner, in one transaction.
// The workspace a database had before accounts ("default") has no
// members: adding it again gives it its first owner. kInvalidInput for a
// bad name; kNotFound for an unknown owner; kAlreadyExists when the name
// is taken by a workspace with members.
Result<Workspace> AddWorkspace(Context& context, const std::string& name, const std::string& owner);

struct WorkspaceMembers {
  Workspace workspace;
  std::vector<Membership> members;  // by account name
};

// Every workspace with its members, by name.
Result<std::vector<WorkspaceMembers>> ListWorkspaces(Context& context);

struct MemberChange {
  std::string acting;     // who asks (--user): an owner of the workspace
  std::string workspace;  // by name
  std::string account;
  Role role = Role::kViewer;  // for AddMember
};

// Makes `account` a member of the workspace with `role`, or changes its
// role. Only an owner may (kForbidden naming the role of whoever else
// asks, or asking who acts when nobody is named); kNotFound for an
// unknown workspace or account; kInvalidInput when it would leave the
// workspace without an owner.
Result<Membership> AddMember(Context& context, const MemberChange& change);

// Ends a membership, under the same rules as AddMember; kNotFound when the
// account is no member; kInvalidInput for the last owner.
Status RemoveMember(Context& context, const MemberChange& change);

// The members of the workspace the store acts in, managed by the member it
// acts as (`kith serve`'s signed-in member: the web app's Members screen).
// Each refuses, before it reads or writes anything: a personal file or a
// database without accounts (kInvalidInput: no members to manage), and
// anyone but an owner of the workspace (kForbidden). Every change is one
// transaction; a workspace always keeps an owner (kInvalidInput).

struct NewMember {
  std::string account;
  Role role = Role::kViewer;
  // Set: a new account with this first password (at least 8 characters),
  // made a member in the same transaction. Unset: an existing account.
  std::optional<std::string> password;
};

// Every member with their role, by account name.
Result<std::vector<Membership>> MembersHere(Context& context);

// Adds a member. kAlreadyExists when the account is a member already (its
// role is changed with ChangeRoleHere) or, with a password, when the
// account exists; kNotFound for an unknown account without a password.
Result<Membership> AddMemberHere(Context& context, const NewMember& member);

// Changes a member's role; kNotFound when the account is no member.
Result<Membership> ChangeRoleHere(Context& context, const std::string& account, Role role);

// Ends a membership (the account stays); kNotFound when it is no member.
Status RemoveMemberHere(Context& context, const std::string& account);

}  // namespace kith
