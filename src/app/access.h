// Who acts, in which workspace, and what their role lets them do: the
// first of the two layers that keep a shared database's workspaces apart
// (the second is PostgreSQL's row-level security, docs/team.md). Every
// user action that writes starts its transaction through BeginWrite, the
// one place a viewer is refused.
#pragma once

#include <string>
#include <string_view>

#include "app/context.h"
#include "domain/result.h"
#include "store/store.h"

namespace kith {

// What a command needs before it runs.
enum class Scope {
  kWorkspace,  // the cards and the loop of one workspace, as a member
  kDatabase,   // accounts and workspaces themselves (each action checks what it needs)
  kServer,     // `kith serve`, which signs people in itself (by account, or the server password)
};

struct ActingAs {
  std::string account;    // --user, $KITH_USER
  std::string workspace;  // --workspace, $KITH_WORKSPACE
};

// Makes the store act as `who` for `scope`. On an SQLite file or a
// PostgreSQL database without accounts there is one person, who may do
// everything: naming an account or workspace there is kInvalidInput (it
// would be ignored). On a database with accounts, kWorkspace needs both,
// a known account that is a member of a known workspace: kInvalidInput
// when either is missing, kNotFound when unknown, kInvalidInput for a
// non-member. kServer names nobody (kInvalidInput when `who` does): the
// server signs each request's member in.
Status EnterWorkspace(Context& context, const ActingAs& who, Scope scope);

// Starts the transaction of a user action that writes (`what`: "add a
// card"), refusing a viewer with kForbidden ("viewer ada cannot add a
// card in workspace acme …") before anything is written; errors of
// Store::Begin. BeginBulkWrite is the same over Store::BeginBulk.
Result<Transaction> BeginWrite(Context& context, std::string_view what);
Result<Transaction> BeginBulkWrite(Context& context, std::string_view what);

// The account the store acts as: "" on a personal file or a database
// without accounts (one person, whose everything is). What is private or
// personal is its author's (docs/team.md).
std::string ActingAccount(Context& context);

// The check of BeginWrite alone, for an action whose effect outside the
// database comes before its transaction (a follow-up is mailed, then
// recorded): a viewer must be refused before the mail goes.
Status RequireWriter(Context& context, std::string_view what);

}  // namespace kith
