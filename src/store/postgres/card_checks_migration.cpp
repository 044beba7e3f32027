#include "store/postgres/card_checks_migration.h"

namespace kith::postgres {
namespace {

// Version 13. A card an import adds cost the database about twenty index
// entries and six foreign-key checks, each check a query PostgreSQL runs
// for one row (BENCHMARKS.md, "kith import on PostgreSQL, 1M"). Less of it,
// with the same guarantees:
//
// Two indexes of contacts served no statement of kith's. kith runs as an
// ordinary role under row-level security, where PostgreSQL uses no index
// for a condition on lower(column), lower() not being leakproof (as
// version 7 found for the emails): contacts_by_met_at answered only
// `workspace_id =`, and contacts_by_name_and_company only its first two
// columns, which contacts_by_sort_name serves in id order as well.
//
// That a card, a journal entry or a vocabulary term belongs to a workspace
// that exists was a foreign key to workspaces, one query per row: three of
// a card's six checks. It is now checked once per statement, over the
// statement's new rows: their workspaces are locked as a foreign key locks
// what it refers to (FOR KEY SHARE: no workspace is deleted under rows
// being written into it) and a row naming a missing one is refused with
// the foreign-key error. A row moved to another workspace is checked by
// itself (kith never moves one). The other side of the key: a workspace
// that still has cards, journal entries or terms is not deleted (nor its
// id changed), as before; the check acts as that workspace for the time
// of its three queries, so that row-level security shows it their rows
// (PostgreSQL 15 lets only a superuser give a function its own
// kith.workspace). It needs READ COMMITTED, where
// it sees what was committed while the delete waited for its lock; at a
// stricter level it could miss rows written meanwhile, so it refuses
// there. The other tables keep their keys: a composite key to contacts
// is what deletes a card's rows with it (ON DELETE CASCADE).
constexpr std::string_view kCardChecks = R"sql(
DROP INDEX contacts_by_met_at;
DROP INDEX contacts_by_name_and_company;

CREATE FUNCTION kith_check_workspaces() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  wanted bigint[];
  held bigint;
BEGIN
  SELECT array_agg(DISTINCT workspace_id) INTO wanted FROM new_rows;
  IF wanted IS NULL THEN RETURN NULL; END IF;
  PERFORM FROM workspaces WHERE id = ANY(wanted) FOR KEY SHARE;
  GET DIAGNOSTICS held = ROW_COUNT;
  IF held < cardinality(wanted) THEN
    RAISE foreign_key_violation USING
      MESSAGE = format('insert or update on table "%s" names a workspace that does not exist', TG_TABLE_NAME);
  END IF;
  RETURN NULL;
END $$;
CREATE FUNCTION kith_check_moved_workspace() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM FROM workspaces WHERE id = NEW.workspace_id FOR KEY SHARE;
  IF NOT FOUND THEN
    RAISE foreign_key_violation USING
      MESSAGE = format('update on table "%s" names a workspace that does not exist', TG_TABLE_NAME);
  END IF;
  RETURN NULL;
END $$;

DO $$
DECLARE
  target text;
BEGIN
  FOREACH target IN ARRAY ARRAY['contacts', 'contact_changes', 'search_vocabulary'] LOOP
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', target, target || '_workspace_id_fkey');
    EXECUTE format('CREATE TRIGGER workspace_of_new_rows AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION kith_check_workspaces()', target);
    EXECUTE format('CREATE TRIGGER workspace_of_moved_row AFTER UPDATE OF workspace_id ON %I FOR EACH ROW '
                   'WHEN (OLD.workspace_id IS DISTINCT FROM NEW.workspace_id) '
                   'EXECUTE FUNCTION kith_check_moved_workspace()', target);
  END LOOP;
END $$;

CREATE FUNCTION kith_keep_used_workspace() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  acting text := current_setting('kith.workspace', true);
  used boolean;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.id = NEW.id THEN RETURN NEW; END IF;
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE object_not_in_prerequisite_state USING
      MESSAGE = 'a workspace is deleted or renumbered in a READ COMMITTED transaction only';
  END IF;
  PERFORM set_config('kith.workspace', OLD.id::text, true);
  used := EXISTS (SELECT FROM contacts WHERE workspace_id = OLD.id)
          OR EXISTS (SELECT FROM contact_changes WHERE workspace_id = OLD.id)
          OR EXISTS (SELECT FROM search_vocabulary WHERE workspace_id = OLD.id);
  PERFORM set_config('kith.workspace', coalesce(acting, ''), true);
  IF used THEN
    RAISE foreign_key_violation USING
      MESSAGE = format('workspace %s still has cards, journal entries or search terms', OLD.id);
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER workspace_kept_while_used BEFORE DELETE OR UPDATE OF id ON workspaces
  FOR EACH ROW EXECUTE FUNCTION kith_keep_used_workspace();
)sql";

}  // namespace

std::string_view CardChecksMigration() { return kCardChecks; }

}  // namespace kith::postgres
