#include "store/postgres/access_migration.h"

namespace kith::postgres {
namespace {

// Accounts are a reference table (small, read by every workspace: sign-in
// names one); memberships are led by workspace_id like every workspace
// table and point at both.
//
// Row-level security, the second of the two layers that keep workspaces
// apart (the first is src/app/access.h): each workspace table lets a
// statement see only the rows of the workspace the connection acts as
// (the setting kith.workspace) and change them only when it acts as an
// owner or editor (kith.role). The store sets both whenever it chooses
// whom it acts as (PgStore::ActAs). FORCE holds the tables' owner to the
// policies too: kith usually connects as the role that created them.
// (A superuser, or a role with BYPASSRLS, passes every policy: kith must
// not run as one, docs/team.md.)
//
// Three tables are written by any member: a viewer signs in
// (web_sessions) and keeps relationship health up to date when it lists
// by health (contact_health, health_dirty, and of the settings only the
// day the scores were computed for, health.scored_on). The search tables stay
// outside the policies: PostgreSQL will not use an index for an operator
// that is not leakproof (@@ on the GIN index) once a policy applies to
// the table, which would turn every search into a scan of the workspace;
// a search gives only ids, which are loaded through contacts, where the
// policies hold. Memberships are the directory sign-in reads before a
// workspace is chosen.
//
// kith_guard_workspace_table is how later steps put a new table under the
// same policies.
constexpr std::string_view kAccess = R"sql(
CREATE TABLE accounts(
  name text PRIMARY KEY CHECK (name <> ''),
  password_hash text NOT NULL,
  created_at text NOT NULL
);

CREATE TABLE memberships(
  workspace_id bigint NOT NULL REFERENCES workspaces(id),
  account text NOT NULL REFERENCES accounts(name),
  role text NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
  PRIMARY KEY (workspace_id, account)
);

CREATE FUNCTION kith_workspace() RETURNS bigint LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('kith.workspace', true), '')::bigint
$$;
CREATE FUNCTION kith_may_write() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('kith.role', true) IN ('owner', 'editor'), false)
$$;

CREATE FUNCTION kith_guard_workspace_table(target regclass, writers_only boolean) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  may_change text := 'workspace_id = kith_workspace()';
BEGIN
  IF writers_only THEN may_change := may_change || ' AND kith_may_write()'; END IF;
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
  EXECUTE format('CREATE POLICY workspace_reads ON %s FOR SELECT USING (workspace_id = kith_workspace())',
                 target);
  EXECUTE format('CREATE POLICY workspace_writes ON %s FOR ALL USING (%s) WITH CHECK (%s)',
                 target, may_change, may_change);
END $$;

DO $$
DECLARE
  target regclass;
BEGIN
  FOR target IN
    SELECT c.oid::regclass FROM pg_class c
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'workspace_id' AND NOT a.attisdropped
    WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace
      AND c.relname NOT IN ('memberships', 'search_entries', 'search_vocabulary')
    ORDER BY c.relname
  LOOP
    PERFORM kith_guard_workspace_table(target,
      target::text NOT IN ('web_sessions', 'contact_health', 'health_dirty'));
  END LOOP;
END $$;

CREATE POLICY health_upkeep ON settings FOR ALL
  USING (workspace_id = kith_workspace() AND key = 'health.scored_on')
  WITH CHECK (workspace_id = kith_workspace() AND key = 'health.scored_on');
)sql";

}  // namespace

std::string_view AccessMigration() { return kAccess; }

}  // namespace kith::postgres
