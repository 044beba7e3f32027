// kith account, kith workspace: the directory of a shared PostgreSQL
// database (docs/team.md). Each subcommand is one app/accounts.h call.
#include <iostream>
#include <memory>

#include "app/accounts.h"
#include "cli/commands/commands.h"
#include "cli/printing.h"
#include "cli/secret_input.h"

namespace kith::cli {
namespace {

nlohmann::json AccountJson(const Account& account) {
  return {{"name", account.name}, {"created_at", account.created_at}};
}

nlohmann::json WorkspaceJson(const WorkspaceMembers& listed) {
  nlohmann::json members = nlohmann::json::array();
  for (const Membership& member : listed.members) {
    members.push_back({{"account", member.account}, {"role", RoleName(member.role)}});
  }
  return {{"name", listed.workspace.name}, {"created_at", listed.workspace.created_at}, {"members", members}};
}

void PrintWorkspaces(const std::vector<WorkspaceMembers>& workspaces) {
  for (const WorkspaceMembers& listed : workspaces) {
    std::cout << listed.workspace.name << '\n';
    if (listed.members.empty()) std::cout << "  no members yet\n";
    for (const Membership& member : listed.members) {
      std::cout << "  " << member.account << "  " << RoleName(member.role) << '\n';
    }
  }
}

struct MemberFlags {
  std::string workspace;
  std::string account;
  std::string role;
};

MemberChange ChangeOf(const Session& session, const MemberFlags& flags) {
  return {session.acting().account, flags.workspace, flags.account,
          ParseRole(flags.role).value_or(Role::kViewer)};
}

int AddMemberOf(Session& session, const MemberFlags& flags, const GlobalOptions& globals) {
  const MemberChange change = ChangeOf(session, flags);
  auto added = AddMember(session.context(), change);
  if (!added) return ReportError("workspace member add", added.error());
  if (globals.json) {
    PrintJson(
        std::cout,
        {{"workspace", change.workspace}, {"account", added->account}, {"role", RoleName(added->role)}});
  } else {
    std::cout << added->account << " is now " << RoleName(added->role) << " of " << change.workspace << ".\n";
  }
  return 0;
}

int RemoveMemberOf(Session& session, const MemberFlags& flags, const GlobalOptions& globals) {
  const MemberChange change = ChangeOf(session, flags);
  if (auto removed = RemoveMember(session.context(), change); !removed) {
    return ReportError("workspace member rm", removed.error());
  }
  if (globals.json) {
    PrintJson(std::cout, {{"workspace", change.workspace}, {"account", change.account}, {"removed", true}});
  } else {
    std::cout << change.account << " is no longer a member of " << change.workspace << ".\n";
  }
  return 0;
}

}  // namespace

Command AddAccountCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("account", "People who sign in to a shared PostgreSQL database");
  command->require_subcommand(1);
  command->footer(R"(Accounts live in a shared PostgreSQL database (--db postgresql://…); a
personal file has one person and no accounts. Whoever can connect to the
database may add one. The password is read from standard input (one line;
hidden on a terminal) and kept only as an argon2id hash.

Examples:
  kith --db postgresql:///kith account add ada
  printf '%s\n' "$PASSWORD" | kith --db postgresql:///kith account add ada
  kith --db postgresql:///kith account list)");
  auto name = std::make_shared<std::string>();
  auto* add = command->add_subcommand("add", "Add an account; its password from standard input");
  add->add_option("name", *name, "Its name (letters, digits, . _ -)")->required();
  add->footer("Example:\n  printf '%s\\n' \"$PASSWORD\" | kith account add ada");
  auto* list = command->add_subcommand("list", "Every account");
  list->footer("Example:\n  kith account list --json");
  return {command, [=, &globals]() {
            return RunWithSession(
                "account", globals,
                [&](Session& session) -> int {
                  if (add->parsed()) {
                    auto added = AddAccount(session.context(), *name, ReadNewPassword());
                    if (!added) return ReportError("account add", added.error());
                    if (globals.json) {
                      PrintJson(std::cout, AccountJson(*added));
                    } else {
                      std::cout << "Added account " << added->name << ". `kith workspace add WS --owner "
                                << added->name << "` gives it a workspace.\n";
                    }
                    return 0;
                  }
                  auto accounts = ListAccounts(session.context());
                  if (!accounts) return ReportError("account list", accounts.error());
                  if (globals.json) {
                    nlohmann::json array = nlohmann::json::array();
                    for (const Account& account : *accounts) array.push_back(AccountJson(account));
                    PrintJson(std::cout, array);
                  } else if (accounts->empty()) {
                    std::cout << "No accounts yet. kith account add NAME adds the first.\n";
                  } else {
                    for (const Account& account : *accounts) {
                      std::cout << account.name << "  added " << account.created_at.substr(0, 10) << '\n';
                    }
                  }
                  return 0;
                },
                Scope::kDatabase);
          }};
}

Command AddWorkspaceCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("workspace", "Shared workspaces and their members, each with a role");
  command->require_subcommand(1);
  command->footer(R"(A workspace is one shared network in a PostgreSQL database. Its members are
owners (everything, and the members), editors (cards and the relationship
loop) or viewers (read only). Only an owner adds or removes members, acting
as itself with --user; a workspace always keeps an owner.

Examples:
  kith workspace add acme --owner ada
  kith workspace list
  kith --user ada workspace member add acme bo --role editor
  kith --user ada workspace member rm acme bo
  kith --user bo --workspace acme list)");
  auto workspace_name = std::make_shared<std::string>();
  auto owner = std::make_shared<std::string>();
  auto* add = command->add_subcommand("add", "Add a workspace with its first owner");
  add->add_option("workspace", *workspace_name, "Its name (letters, digits, . _ -)")->required();
  add->add_option("--owner", *owner, "The account that owns it")->required();
  add->footer("Example:\n  kith workspace add acme --owner ada");
  auto* list = command->add_subcommand("list", "Every workspace with its members");
  list->footer("Example:\n  kith workspace list --json");
  auto* member = command->add_subcommand("member", "Add, change or remove a member (owners only)");
  member->require_subcommand(1);
  auto flags = std::make_shared<MemberFlags>();
  auto* member_add = member->add_subcommand("add", "Make an account a member, or change its role");
  member_add->add_option("workspace", flags->workspace, "The workspace")->required();
  member_add->add_option("account", flags->account, "The account")->required();
  member_add->add_option("--role", flags->role, "owner, editor or viewer")
      ->required()
      ->check(CLI::IsMember({"owner", "editor", "viewer"}));
  member_add->footer("Example:\n  kith --user ada workspace member add acme bo --role editor");
  auto* member_rm = member->add_subcommand("rm", "End a membership (never the last owner's)");
  member_rm->add_option("workspace", flags->workspace, "The workspace")->required();
  member_rm->add_option("account", flags->account, "The account")->required();
  member_rm->footer("Example:\n  kith --user ada workspace member rm acme bo");
  return {command, [=, &globals]() {
            return RunWithSession(
                "workspace", globals,
                [&](Session& session) -> int {
                  Context& context = session.context();
                  if (add->parsed()) {
                    auto added = AddWorkspace(context, *workspace_name, *owner);
                    if (!added) return ReportError("workspace add", added.error());
                    if (globals.json) {
                      PrintJson(std::cout, WorkspaceJson({*added, {{*owner, Role::kOwner}}}));
                    } else {
                      std::cout << "Added workspace " << added->name << ", owned by " << *owner
                                << ". Work in it with --user " << *owner << " --workspace " << added->name
                                << ".\n";
                    }
                    return 0;
                  }
                  if (member_add->parsed()) return AddMemberOf(session, *flags, globals);
                  if (member_rm->parsed()) return RemoveMemberOf(session, *flags, globals);
                  auto workspaces = ListWorkspaces(context);
                  if (!workspaces) return ReportError("workspace list", workspaces.error());
                  if (globals.json) {
                    nlohmann::json array = nlohmann::json::array();
                    for (const WorkspaceMembers& listed : *workspaces) array.push_back(WorkspaceJson(listed));
                    PrintJson(std::cout, array);
                  } else {
                    PrintWorkspaces(*workspaces);
                  }
                  return 0;
                },
                Scope::kDatabase);
          }};
}

}  // namespace kith::cli
