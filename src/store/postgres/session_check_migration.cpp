#include "store/postgres/session_check_migration.h"

namespace kith::postgres {
namespace {

// Version 14. Every request of a signed-in member read its web session and
// membership (one round trip), then acted as the member: its settings sent
// with the request's first statement. A server that remembers whom a
// session signed in as (app/remembered_sessions.h) sends instead this
// call with the first statement. It enters the session's workspace
// (web_sessions is under the workspace's policies), and acts as the member
// only if the session is still there, still live (made after `born_after`,
// seen after `seen_after`, Unix seconds) and its account still a member
// with the role remembered. Otherwise it raises
// invalid_authorization_specification (28000): the statement sent with it
// is not run and every setting made since the transaction began is taken
// back with it, so nothing is read or written on a session that was
// revoked, expired or changed, on this server or any other, since it was
// last read. The settings last until changed (is_local false), as
// PgStore::ActAs makes them. Two statements, the first a plain
// expression: each statement a PL/pgSQL function runs through the
// executor costs it as much again as the check's own read.
constexpr std::string_view kSessionCheck = R"sql(
CREATE FUNCTION kith_act_as_session(workspace bigint, session_hash text, member text, member_role text,
                                    born_after bigint, seen_after bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('kith.workspace', workspace::text, false);
  PERFORM set_config('kith.role', m.role, false), set_config('kith.account', s.account, false)
    FROM web_sessions s
    JOIN memberships m ON m.workspace_id = s.workspace_id AND m.account = s.account
    WHERE s.workspace_id = workspace AND s.id_hash = session_hash AND s.account = member
      AND m.role = member_role AND s.created_at > born_after AND s.last_seen_at > seen_after;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'the session is signed out, expired or no longer signs in as this member'
      USING ERRCODE = 'invalid_authorization_specification';
  END IF;
END $$;
)sql";

// Version 15: the check in plain statements. PL/pgSQL sets a function's
// plans and expression state up again in every transaction, and every
// request is a transaction of its own: kith_act_as_session cost the
// database four times the read it makes. The server now sends the
// workspace's setting and then one statement that reads the session and
// makes the member's settings from its row, with the request's first
// statement (one pipeline, one transaction, PgStore::ActAsClaimedMember).
// When no row holds, that statement calls kith_session_refused(), which
// raises invalid_authorization_specification as kith_act_as_session did:
// the statements after it are not run and the settings go back with the
// transaction. PL/pgSQL is entered only then. VOLATILE keeps the planner
// from calling it while planning. kith_act_as_session stays: a server of
// the version before, still running while another migrates the database
// it serves, goes on calling it for every request until it is restarted.
constexpr std::string_view kSessionRefusal = R"sql(
CREATE FUNCTION kith_session_refused() RETURNS text
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  RAISE EXCEPTION 'the session is signed out, expired or no longer signs in as this member'
    USING ERRCODE = 'invalid_authorization_specification';
END $$;
)sql";

}  // namespace

std::string_view SessionCheckMigration() { return kSessionCheck; }

std::string_view SessionRefusalMigration() { return kSessionRefusal; }

}  // namespace kith::postgres
