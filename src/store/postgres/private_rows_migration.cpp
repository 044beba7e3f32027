#include "store/postgres/private_rows_migration.h"

namespace kith::postgres {
namespace {

// What is shared and what is mine, in a workspace (docs/team.md): cards are
// the workspace's; a fact or an interaction (with the notes it carries) is
// shared unless its author made it private; reminders and cadences are
// each member's own. `author` is the account that wrote the row ("" on a
// database without accounts: its one person), a cadence is keyed by it,
// so two members keep their own cadence for one person.
//
// The second of the two layers (the first is the store's own queries,
// relationship_tables.cpp): restrictive policies, added to the workspace
// policies of access_migration.cpp, compare the row's author with the
// setting kith.account that PgStore::ActAs sets with the workspace and
// role. A query that forgets the author still sees only what the member
// may: the shared rows and their own private ones, and only their own
// reminders and cadences; and a member writes rows only as themselves.
// A shared row written by another member may still be changed or removed
// (a shared fact is replaced by whoever learns better), but never made
// private to someone else, and no row is ever given to another author:
// the rows written before the database had accounts become its first
// owner's by being taken out as nobody and put back as that owner
// (PgStore::HandOverRowsOfNoOne), each step within the policies. Foreign-key cascades (a card deleted
// for good takes everyone's rows with it) run outside the policies, as PostgreSQL runs referential actions.
constexpr std::string_view kPrivateRows = R"sql(
CREATE FUNCTION kith_account() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('kith.account', true), '')
$$;

ALTER TABLE interactions ADD COLUMN author text NOT NULL DEFAULT '',
  ADD COLUMN private boolean NOT NULL DEFAULT false;
ALTER TABLE facts ADD COLUMN author text NOT NULL DEFAULT '',
  ADD COLUMN private boolean NOT NULL DEFAULT false;
ALTER TABLE reminders ADD COLUMN author text NOT NULL DEFAULT '';
ALTER TABLE cadences ADD COLUMN author text NOT NULL DEFAULT '',
  DROP CONSTRAINT cadences_pkey, ADD PRIMARY KEY (workspace_id, contact_id, author);

CREATE FUNCTION kith_guard_private_rows(target regclass) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  seen text := 'NOT private OR author = kith_account()';
BEGIN
  EXECUTE format('CREATE POLICY private_reads ON %s AS RESTRICTIVE FOR SELECT USING (%s)', target, seen);
  EXECUTE format('CREATE POLICY private_changes ON %s AS RESTRICTIVE FOR UPDATE USING (%s) WITH CHECK (%s)',
                 target, seen, seen);
  EXECUTE format('CREATE POLICY private_removals ON %s AS RESTRICTIVE FOR DELETE USING (%s)', target, seen);
  EXECUTE format('CREATE POLICY written_as_oneself ON %s AS RESTRICTIVE FOR INSERT '
                 'WITH CHECK (author = kith_account())', target);
END $$;
SELECT kith_guard_private_rows('interactions');
SELECT kith_guard_private_rows('facts');

CREATE FUNCTION kith_guard_personal_rows(target regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE POLICY personal_reads ON %s AS RESTRICTIVE FOR SELECT '
                 'USING (author = kith_account())', target);
  EXECUTE format('CREATE POLICY personal_changes ON %s AS RESTRICTIVE FOR UPDATE '
                 'USING (author = kith_account()) WITH CHECK (author = kith_account())', target);
  EXECUTE format('CREATE POLICY personal_removals ON %s AS RESTRICTIVE FOR DELETE '
                 'USING (author = kith_account())', target);
  EXECUTE format('CREATE POLICY written_as_oneself ON %s AS RESTRICTIVE FOR INSERT '
                 'WITH CHECK (author = kith_account())', target);
END $$;
SELECT kith_guard_personal_rows('reminders');
SELECT kith_guard_personal_rows('cadences');
)sql";

}  // namespace

std::string_view PrivateRowsMigration() { return kPrivateRows; }

}  // namespace kith::postgres
