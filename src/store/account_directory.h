// Accounts, workspaces and memberships: the directory of a shared
// database (docs/team.md). Only the PostgreSQL store has one; a personal
// SQLite file has one person and no directory (AccountsOf gives nullptr).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"
#include "domain/role.h"
#include "store/store.h"

namespace kith {

struct Account {
  std::string name;
  std::string created_at;  // ISO 8601, UTC
};

struct Workspace {
  std::int64_t id = 0;
  std::string name;
  std::string created_at;
};

struct Membership {
  std::string account;
  Role role = Role::kViewer;
};

// Who the store's statements act as: the workspace every statement names
// and the role the database's row-level security checks writes against.
struct WorkspaceAccess {
  std::int64_t workspace_id = 0;
  Role role = Role::kOwner;
  std::string account;    // who acts; "" on a database without accounts
  std::string workspace;  // the workspace's name, for messages

  bool operator==(const WorkspaceAccess&) const = default;
};

// Whom a connection of `kith serve` acts as between requests on a
// database with accounts: no workspace (0 names none, so every policy
// table reads empty) and no right to write.
inline WorkspaceAccess Nobody() { return WorkspaceAccess{0, Role::kViewer, "", ""}; }

class AccountDirectory {
 public:
  virtual ~AccountDirectory() = default;

  // Whether any account exists: until one does, the database is one
  // person's and its first workspace ("default") needs no sign-in.
  [[nodiscard]] virtual Result<bool> HasAccounts() = 0;
  // Adds an account with an encoded password hash (app/secrets.h).
  // kAlreadyExists when the name is taken.
  [[nodiscard]] virtual Status InsertAccount(std::string_view name, std::string_view password_hash,
                                             std::string_view created_at) = 0;
  // Every account, by name.
  [[nodiscard]] virtual Result<std::vector<Account>> Accounts() = 0;
  // The encoded password hash of an account; nullopt for an unknown name.
  [[nodiscard]] virtual Result<std::optional<std::string>> PasswordHashOf(std::string_view account) = 0;

  // A new workspace; kAlreadyExists when the name is taken.
  [[nodiscard]] virtual Result<Workspace> InsertWorkspace(std::string_view name,
                                                          std::string_view created_at) = 0;
  // The workspace of that name; nullopt when there is none.
  [[nodiscard]] virtual Result<std::optional<Workspace>> FindWorkspace(std::string_view name) = 0;
  // Every workspace, by name.
  [[nodiscard]] virtual Result<std::vector<Workspace>> Workspaces() = 0;
  // Holds the workspace's row until the transaction ends, so two changes of
  // its members (the last owner leaving twice) take turns. Call inside
  // Begin().
  [[nodiscard]] virtual Status LockWorkspace(std::int64_t workspace_id) = 0;
  // The members of a workspace, by account name.
  [[nodiscard]] virtual Result<std::vector<Membership>> MembersOf(std::int64_t workspace_id) = 0;
  // An account's role in a workspace; nullopt when it is no member.
  [[nodiscard]] virtual Result<std::optional<Role>> RoleOf(std::int64_t workspace_id,
                                                           std::string_view account) = 0;
  // Makes `account` a member with `role`, or changes its role. kNotFound
  // for an unknown account.
  [[nodiscard]] virtual Status SetMember(std::int64_t workspace_id, std::string_view account, Role role) = 0;
  // The access of a member of the workspace with this id: its name and the
  // member's role; nullopt when the account is no member (or the workspace
  // is gone).
  [[nodiscard]] virtual Result<std::optional<WorkspaceAccess>> FindMember(std::int64_t workspace_id,
                                                                          std::string_view account) = 0;
  // Ends a membership; kNotFound when the account is no member.
  [[nodiscard]] virtual Status RemoveMember(std::int64_t workspace_id, std::string_view account) = 0;

  // Gives the workspace's rows written before the database had accounts
  // (interactions, facts, reminders and cadences without an author) to
  // `account`, its first owner: they were the one person's of the
  // database. Call inside Begin(), before ActAs names an account.
  [[nodiscard]] virtual Status HandOverRowsOfNoOne(std::int64_t workspace_id, std::string_view account) = 0;

  // The token of the acting member's own calendar feed in the workspace
  // they act in (docs/team.md); nullopt when they have none.
  [[nodiscard]] virtual Result<std::optional<std::string>> MemberCalendarToken() = 0;
  // Makes `token` the acting member's feed token, replacing any before.
  [[nodiscard]] virtual Status SetMemberCalendarToken(std::string_view token,
                                                      std::string_view created_at) = 0;
  // Removes the acting member's feed: its URL answers 404. False when
  // there was none.
  [[nodiscard]] virtual Result<bool> RemoveMemberCalendarToken() = 0;

  // Makes every later statement of the store name this workspace and act
  // with this role and account (the database's row-level security holds
  // them: the settings kith.workspace, kith.role and kith.account).
  [[nodiscard]] virtual Status ActAs(const WorkspaceAccess& access) = 0;
  // Whom the store acts as: the default workspace, as its owner, until
  // ActAs.
  [[nodiscard]] virtual WorkspaceAccess Access() const = 0;
};

// The store's directory; nullptr for a store that has none (an SQLite file).
inline AccountDirectory* AccountsOf(Store& store) { return dynamic_cast<AccountDirectory*>(&store); }

}  // namespace kith
