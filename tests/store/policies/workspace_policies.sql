-- pgTAP tests of the row-level security policies (store/postgres/
-- access_migration.cpp), run by postgres_policies_test.sh as the
-- non-superuser role that owns kith's tables: FORCE must hold the owner to
-- the policies too. Everything happens in one transaction, rolled back.
BEGIN;
SELECT plan(57);

-- Two workspaces, each with one card, written as each one's owner.
INSERT INTO workspaces(id, name, created_at) VALUES (2, 'other', '2026-12-01T00:00:00Z');
SELECT set_config('kith.workspace', '1', true), set_config('kith.role', 'owner', true);
INSERT INTO contacts(workspace_id, id, uid, display_name, sort_name, created_at, updated_at)
  VALUES (1, 1, 'card-of-one', 'Card of one', 'card of one', 'now', 'now');
INSERT INTO settings(workspace_id, key, value) VALUES (1, 'me.name', 'one');
SELECT set_config('kith.workspace', '2', true);
INSERT INTO contacts(workspace_id, id, uid, display_name, sort_name, created_at, updated_at)
  VALUES (2, 1, 'card-of-two', 'Card of two', 'card of two', 'now', 'now');

SELECT is((SELECT relowner::regrole::text FROM pg_class WHERE relname = 'contacts'), current_user::text,
          'the tests run as the owner of the tables');
SELECT ok(NOT (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user),
          'the owner is no superuser and does not bypass row-level security');

-- Reading: a query that forgets its workspace still sees only its own.
SELECT results_eq('SELECT uid FROM contacts', ARRAY['card-of-two'],
                  'a query without a workspace filter sees only the workspace acted in');
SELECT is_empty('SELECT 1 FROM contacts WHERE workspace_id = 1',
                'naming another workspace finds nothing');
SELECT is_empty('SELECT 1 FROM settings', 'nor its settings');
SELECT set_config('kith.workspace', '', true);
SELECT is_empty('SELECT 1 FROM contacts', 'no workspace chosen: nothing is visible');
SELECT set_config('kith.workspace', '1', true);
SELECT results_eq('SELECT uid FROM contacts', ARRAY['card-of-one'], 'the other workspace sees its own card');

-- An editor writes in its workspace, never into another.
SELECT set_config('kith.role', 'editor', true);
SELECT lives_ok($$INSERT INTO contacts(workspace_id, id, uid, display_name, sort_name, created_at, updated_at)
                  VALUES (1, 2, 'second', 'Second', 'second', 'now', 'now')$$,
                'an editor adds a card');
SELECT throws_ok($$INSERT INTO contacts(workspace_id, id, uid, display_name, sort_name, created_at, updated_at)
                   VALUES (2, 9, 'planted', 'Planted', 'planted', 'now', 'now')$$,
                 '42501', NULL, 'an editor cannot add a card to another workspace');
SELECT lives_ok($$UPDATE contacts SET workspace_id = workspace_id WHERE uid = 'second'$$,
                'an editor changes a card');
SELECT throws_ok($$UPDATE contacts SET workspace_id = 2 WHERE uid = 'second'$$, '42501', NULL,
                 'an editor cannot move a card into another workspace');

-- A viewer reads and changes nothing.
SELECT set_config('kith.role', 'viewer', true);
SELECT results_eq('SELECT count(*)::int FROM contacts', ARRAY[2], 'a viewer reads the cards');
SELECT throws_ok($$INSERT INTO contacts(workspace_id, id, uid, display_name, sort_name, created_at, updated_at)
                   VALUES (1, 3, 'third', 'Third', 'third', 'now', 'now')$$,
                 '42501', NULL, 'a viewer cannot add a card');
SELECT throws_ok($$INSERT INTO settings(workspace_id, key, value) VALUES (1, 'me.name', 'x')
                   ON CONFLICT (workspace_id, key) DO UPDATE SET value = 'x'$$,
                 '42501', NULL, 'a viewer cannot change a setting');
UPDATE contacts SET display_name = 'Changed' WHERE uid = 'card-of-one';
DELETE FROM contacts WHERE uid = 'second';
SELECT results_eq($$SELECT display_name FROM contacts ORDER BY id$$, ARRAY['Card of one', 'Second'],
                  'a viewer''s update and delete change nothing');
SELECT lives_ok($$INSERT INTO web_sessions(workspace_id, id_hash, created_at, last_seen_at) VALUES (1, 'h', 1, 1)$$,
                'a viewer signs in (its session is written)');
SELECT lives_ok($$INSERT INTO settings(workspace_id, key, value) VALUES (1, 'health.scored_on', '2026-12-01')$$,
                'a viewer''s list by health stores the day its scores are for');
SELECT set_config('kith.role', '', true);
SELECT throws_ok($$INSERT INTO settings(workspace_id, key, value) VALUES (1, 'k', 'v')$$,
                 '42501', NULL, 'no role chosen: nothing is written');

-- What is shared and what is mine (private_rows_migration.cpp): ada and
-- bo, editors of workspace 1. Ada logs a private call and a shared coffee,
-- a private fact, a reminder and a cadence.
SELECT set_config('kith.workspace', '1', true), set_config('kith.role', 'editor', true),
       set_config('kith.account', 'ada', true);
INSERT INTO interactions(workspace_id, id, contact_id, kind, on_date, summary, author, private)
  VALUES (1, 1, 1, 'call', '2026-11-02', 'ada private', 'ada', true),
         (1, 2, 1, 'coffee', '2026-11-03', 'ada shared', 'ada', false);
INSERT INTO facts(workspace_id, id, contact_id, kind, key, value, learned_on, author, private)
  VALUES (1, 1, 1, 'personal', 'family', 'two kids', '2026-11-02', 'ada', true);
INSERT INTO reminders(workspace_id, id, contact_id, kind, due, created_on, author)
  VALUES (1, 1, 1, 'custom', '2026-11-20', '2026-11-02', 'ada');
INSERT INTO cadences(workspace_id, contact_id, author, days) VALUES (1, 1, 'ada', 30);

SELECT set_config('kith.account', 'bo', true);
SELECT results_eq('SELECT summary FROM interactions', ARRAY['ada shared'],
                  'another member sees the shared interaction, never the private one');
SELECT is_empty('SELECT 1 FROM facts', 'nor the private fact');
SELECT is_empty('SELECT 1 FROM reminders', 'nor her reminders: the loop is personal');
SELECT is_empty('SELECT 1 FROM cadences', 'nor her cadences');
UPDATE interactions SET summary = 'changed' WHERE id = 1;
DELETE FROM facts WHERE id = 1;
DELETE FROM reminders WHERE id = 1;
UPDATE cadences SET days = 1;
SELECT throws_ok($$INSERT INTO interactions(workspace_id, id, contact_id, kind, on_date, author)
                   VALUES (1, 3, 1, 'call', '2026-11-04', 'ada')$$,
                 '42501', NULL, 'a member writes only as themselves');
SELECT throws_ok($$UPDATE interactions SET private = true WHERE id = 2$$, '42501', NULL,
                 'a shared row is never made private to another member');

SELECT set_config('kith.account', 'ada', true);
SELECT results_eq('SELECT summary FROM interactions ORDER BY id', ARRAY['ada private', 'ada shared'],
                  'the author sees all hers, untouched by the other member');
SELECT results_eq('SELECT value FROM facts', ARRAY['two kids'], 'her private fact too');
SELECT results_eq('SELECT (SELECT count(*) FROM reminders)::int + (SELECT days FROM cadences)',
                  ARRAY[31], 'her reminder and her cadence too');

SELECT set_config('kith.account', '', true);
INSERT INTO reminders(workspace_id, id, contact_id, kind, due, created_on, author)
  VALUES (1, 2, 1, 'custom', '2026-11-21', '2026-11-02', '');
SELECT throws_ok($$UPDATE reminders SET author = 'ada' WHERE author = ''$$, '42501', NULL,
                 'acting as nobody, no row is given to an account');
SELECT results_eq('SELECT count(*)::int FROM reminders', ARRAY[1], 'nobody sees only nobody''s rows');
SELECT set_config('kith.account', 'bo', true);
INSERT INTO cadences(workspace_id, contact_id, author, days) VALUES (1, 1, 'bo', 60);
SELECT throws_ok($$UPDATE cadences SET author = 'ada' WHERE author = 'bo'$$, '42501', NULL,
                 'a member hands nothing to another');
SELECT set_config('kith.role', '', true), set_config('kith.account', '', true);

-- Each member's own calendar feed (migration 8): ada, bo editors and cy a
-- viewer of workspace 1. Only its member reads, replaces or removes it.
INSERT INTO accounts(name, password_hash, created_at)
  VALUES ('ada', 'x', 'now'), ('bo', 'x', 'now'), ('cy', 'x', 'now');
INSERT INTO memberships(workspace_id, account, role)
  VALUES (1, 'ada', 'editor'), (1, 'bo', 'editor'), (1, 'cy', 'viewer');
SELECT set_config('kith.workspace', '1', true), set_config('kith.role', 'editor', true),
       set_config('kith.account', 'ada', true);
SELECT lives_ok($$INSERT INTO calendar_feeds(workspace_id, author, token, created_at)
                  VALUES (1, 'ada', 'ada-secret', 'now')$$, 'a member makes her own calendar feed');
SELECT throws_ok($$INSERT INTO calendar_feeds(workspace_id, author, token, created_at)
                   VALUES (1, 'bo', 'planted', 'now')$$, '42501', NULL,
                 'a member makes no feed for another');
SELECT set_config('kith.account', 'bo', true);
SELECT is_empty('SELECT token FROM calendar_feeds', 'another member never reads her feed''s token');
UPDATE calendar_feeds SET token = 'stolen';
DELETE FROM calendar_feeds;
SELECT set_config('kith.account', 'ada', true);
SELECT results_eq('SELECT token FROM calendar_feeds', ARRAY['ada-secret'],
                  'nor replaces nor removes it');
SELECT set_config('kith.account', 'cy', true), set_config('kith.role', 'viewer', true);
SELECT throws_ok($$INSERT INTO calendar_feeds(workspace_id, author, token, created_at)
                   VALUES (1, 'cy', 'cy-secret', 'now')$$, '42501', NULL,
                 'a viewer keeps no loop and makes no feed');

-- Each member's stored health (migration 10): cy, a viewer, stores her own
-- scores; another member neither reads nor changes them, nor stores any
-- for her; a write marks the person on every member's sheet.
SELECT set_config('kith.account', 'cy', true), set_config('kith.role', 'viewer', true);
SELECT lives_ok($$INSERT INTO health_sheets(workspace_id, author, scored_on) VALUES (1, 'cy', '2026-12-01')$$,
                'a viewer keeps a health sheet of her own');
SELECT lives_ok($$INSERT INTO contact_health(workspace_id, author, contact_id, score, changes_on)
                  VALUES (1, 'cy', 1, 40, '2027-01-01')$$, 'and stores her own scores');
SELECT set_config('kith.account', 'bo', true), set_config('kith.role', 'editor', true);
SELECT is_empty('SELECT 1 FROM contact_health', 'another member never reads her scores');
UPDATE contact_health SET score = 0;
DELETE FROM contact_health;
SELECT throws_ok($$INSERT INTO contact_health(workspace_id, author, contact_id, score, changes_on)
                   VALUES (1, 'cy', 2, 99, '2027-01-01')$$, '42501', NULL,
                 'nor stores scores for her');
INSERT INTO health_sheets(workspace_id, author, scored_on) VALUES (1, 'bo', '2026-12-01');
INSERT INTO interactions(workspace_id, id, contact_id, kind, on_date, summary, author, private)
  VALUES (1, 4, 1, 'coffee', '2026-11-05', 'bo shared', 'bo', false);
SELECT results_eq('SELECT author FROM health_dirty WHERE contact_id = 1 ORDER BY author', ARRAY['bo', 'cy'],
                  'a write marks the person on every member''s sheet');
SELECT set_config('kith.account', 'cy', true), set_config('kith.role', 'viewer', true);
SELECT results_eq('SELECT score FROM contact_health', ARRAY[40], 'her scores are untouched by another member');
SELECT set_config('kith.account', 'ada', true), set_config('kith.role', 'editor', true);

DELETE FROM memberships WHERE workspace_id = 1 AND account = 'ada';
SELECT set_config('kith.account', 'ada', true), set_config('kith.role', 'editor', true);
SELECT is_empty('SELECT 1 FROM calendar_feeds', 'a membership that ends takes its feed with it');

-- Failed sign-ins (migration 8) are counted before anyone is known:
-- outside the workspace policies, written and read acting as nobody.
SELECT set_config('kith.workspace', '', true), set_config('kith.role', '', true),
       set_config('kith.account', '', true);
SELECT lives_ok($$INSERT INTO sign_in_failures(address_key, failures, last_failure, blocked_until)
                  VALUES ('192.0.2.7', 1, now(), now())$$, 'a failed sign-in is counted acting as nobody');
SELECT results_eq('SELECT failures FROM sign_in_failures', ARRAY[1], 'and read back by every server');
SELECT is((SELECT relrowsecurity FROM pg_class WHERE relname = 'sign_in_failures'), false,
          'the failed sign-ins are no workspace''s');

-- Every table led by workspace_id is under the policies, forced on its
-- owner, but the documented exceptions (access_migration.cpp says why).
SELECT is_empty($$
  SELECT c.relname FROM pg_class c
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'workspace_id' AND NOT a.attisdropped
  WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace
    AND c.relname NOT IN ('memberships', 'search_entries', 'search_vocabulary', 'name_terms')
    AND NOT (c.relrowsecurity AND c.relforcerowsecurity
             AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid))
$$, 'every workspace table is under row-level security, forced on its owner');
SELECT is((SELECT count(*)::int FROM pg_class
           WHERE relname IN ('search_entries', 'search_vocabulary', 'name_terms') AND relrowsecurity), 0,
          'the search tables are the documented exception');

-- That a row's workspace exists (card_checks_migration.cpp): for the
-- cards, their journal and the search terms checked once per statement,
-- with the foreign key's error; and a workspace still used is not deleted,
-- whoever acts, while an unused one is, the acting workspace left as it was.
SELECT set_config('kith.workspace', '5', true), set_config('kith.role', 'owner', true);
SELECT throws_ok($$INSERT INTO contacts(workspace_id, id, uid, display_name, sort_name, created_at, updated_at)
                   VALUES (5, 1, 'nowhere', 'Nowhere', 'nowhere', 'now', 'now')$$, '23503', NULL,
                 'a card in a workspace that does not exist is refused');
SELECT throws_ok($$INSERT INTO contact_changes(workspace_id, contact_id, sequence, uid) VALUES (5, 1, 1, 'nowhere')$$,
                 '23503', NULL, 'so is a journal entry');
SELECT throws_ok($$INSERT INTO search_vocabulary(workspace_id, term, head, length, documents)
                   VALUES (5, 'nowhere', 'n', 7, 1), (1, 'somewhere', 's', 9, 1)$$, '23503', NULL,
                 'so is a statement with one search term in no workspace');
INSERT INTO search_vocabulary(workspace_id, term, head, length, documents) VALUES (2, 'two', 't', 3, 1);
SELECT throws_ok($$UPDATE search_vocabulary SET workspace_id = 5 WHERE workspace_id = 2$$, '23503', NULL,
                 'and a term moved into no workspace');
INSERT INTO workspaces(id, name, created_at) VALUES (3, 'only terms', '2026-12-01T00:00:00Z');
INSERT INTO search_vocabulary(workspace_id, term, head, length, documents) VALUES (3, 'three', 't', 5, 1);
SELECT set_config('kith.workspace', '', true), set_config('kith.role', '', true);
SELECT throws_ok('DELETE FROM workspaces WHERE id = 2', '23503', NULL,
                 'a workspace with cards is not deleted, acting as no workspace');
SELECT throws_ok('DELETE FROM workspaces WHERE id = 3', '23503', NULL, 'nor one with search terms alone');
SELECT throws_ok('UPDATE workspaces SET id = 6 WHERE id = 3', '23503', NULL, 'nor renumbered');
DELETE FROM search_vocabulary WHERE workspace_id = 3;
SELECT lives_ok('DELETE FROM workspaces WHERE id = 3', 'a workspace nothing uses is deleted');
SELECT is(current_setting('kith.workspace'), '', 'and the deletion acts as no workspace afterwards');
SELECT set_config('kith.workspace', '2', true), set_config('kith.role', 'owner', true);
SELECT results_eq('SELECT uid FROM contacts', ARRAY['card-of-two'], 'the cards of the refused deletion are there');

SELECT * FROM finish();
ROLLBACK;
