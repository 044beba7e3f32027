#include "store/postgres/migrations.h"

#include "store/postgres/access_migration.h"
#include "store/postgres/card_checks_migration.h"
#include "store/postgres/name_terms_migration.h"
#include "store/postgres/private_rows_migration.h"
#include "store/postgres/session_check_migration.h"

namespace kith::postgres {
namespace {

// Version 1: workspaces, contacts and their lists, job changes, the
// relationship loop, giving (opportunities and the ledger), card images, the
// search index, the vocabulary for
// typos, settings, web sessions and devices.
//
// Laid out for scale-out (docs/team.md): every table but `workspaces` and
// `kith_schema` leads its primary key, its indexes and its foreign keys with
// workspace_id, the column Citus would distribute by, so each workspace's
// rows live together and no query crosses workspaces. Ids are per
// workspace, handed out by id_counters: a workspace's ids are dense, stable
// and the same on any server, and a personal file migrated into a
// workspace can keep the ids its URLs and exports already carry.
//
// Dates are `date`; timestamps stay the ISO text the app writes, so they read
// back byte for byte as in SQLite. Text compared "case ignored" is compared
// through lower() with expression indexes; terms and folded labels sort by
// byte (COLLATE "C"), as SQLite's BINARY does, so prefix ranges use btrees.
constexpr std::string_view kVersion1 = R"sql(
CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE TABLE workspaces(
  id bigint PRIMARY KEY,
  name text NOT NULL UNIQUE CHECK (name <> ''),
  created_at text NOT NULL
);
INSERT INTO workspaces(id, name, created_at) VALUES (1, 'default', to_char(now() AT TIME ZONE 'UTC',
  'YYYY-MM-DD"T"HH24:MI:SS"Z"'));

CREATE TABLE id_counters(
  workspace_id bigint NOT NULL REFERENCES workspaces(id),
  name text NOT NULL,
  last_id bigint NOT NULL,
  PRIMARY KEY (workspace_id, name)
);

CREATE TABLE contacts(
  workspace_id bigint NOT NULL REFERENCES workspaces(id),
  id bigint NOT NULL,
  uid text NOT NULL,
  display_name text NOT NULL CHECK (display_name <> ''),
  given_name text NOT NULL DEFAULT '',
  family_name text NOT NULL DEFAULT '',
  sort_name text COLLATE "C" NOT NULL,
  company text NOT NULL DEFAULT '',
  title text NOT NULL DEFAULT '',
  website text NOT NULL DEFAULT '',
  city text NOT NULL DEFAULT '',
  neighborhood text NOT NULL DEFAULT '',
  hometown text NOT NULL DEFAULT '',
  how_met text NOT NULL DEFAULT '',
  met_at text NOT NULL DEFAULT '',
  met_on date,
  open_to_opportunities boolean NOT NULL DEFAULT false,
  looking_for text NOT NULL DEFAULT '',
  open_since date,
  notes text NOT NULL DEFAULT '',
  last_contact date,
  created_at text NOT NULL,
  updated_at text NOT NULL,
  trashed_at text,
  kind text NOT NULL DEFAULT '',
  nickname text NOT NULL DEFAULT '',
  role text NOT NULL DEFAULT '',
  departments text NOT NULL DEFAULT '',
  birthday text,
  anniversary text,
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, uid)
);
CREATE INDEX contacts_by_sort_name ON contacts(workspace_id, sort_name, id) WHERE trashed_at IS NULL;
CREATE INDEX contacts_by_met_on ON contacts(workspace_id, met_on DESC NULLS LAST, id)
  WHERE trashed_at IS NULL;
CREATE INDEX contacts_by_last_contact ON contacts(workspace_id, last_contact DESC NULLS LAST, id)
  WHERE trashed_at IS NULL;
CREATE INDEX contacts_by_met_at ON contacts(workspace_id, lower(met_at)) WHERE trashed_at IS NULL;
CREATE INDEX contacts_in_trash ON contacts(workspace_id, trashed_at) WHERE trashed_at IS NOT NULL;
CREATE INDEX contacts_by_name_and_company ON contacts(workspace_id, sort_name, lower(company))
  WHERE trashed_at IS NULL;
CREATE INDEX contacts_by_company_family ON contacts(workspace_id, lower(company), lower(family_name))
  WHERE trashed_at IS NULL;

CREATE TABLE contact_emails(
  workspace_id bigint NOT NULL,
  contact_id bigint NOT NULL,
  position integer NOT NULL,
  address text NOT NULL,
  PRIMARY KEY (workspace_id, contact_id, position),
  FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX contact_emails_by_address ON contact_emails(workspace_id, lower(address));

CREATE TABLE contact_phones(
  workspace_id bigint NOT NULL,
  contact_id bigint NOT NULL,
  position integer NOT NULL,
  original text NOT NULL,
  e164 text NOT NULL DEFAULT '',
  PRIMARY KEY (workspace_id, contact_id, position),
  FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX contact_phones_by_e164 ON contact_phones(workspace_id, e164) WHERE e164 <> '';

CREATE TABLE contact_links(
  workspace_id bigint NOT NULL,
  contact_id bigint NOT NULL,
  position integer NOT NULL,
  kind text NOT NULL,
  url text NOT NULL,
  connected boolean NOT NULL DEFAULT false,
  followed boolean NOT NULL DEFAULT false,
  connected_on date,
  PRIMARY KEY (workspace_id, contact_id, position),
  FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX contact_links_by_url ON contact_links(workspace_id, lower(url));

CREATE TABLE contact_labels(
  workspace_id bigint NOT NULL,
  contact_id bigint NOT NULL,
  kind text NOT NULL CHECK (kind IN ('tag', 'skill', 'interest')),
  position integer NOT NULL,
  value text NOT NULL,
  folded text COLLATE "C" NOT NULL,
  PRIMARY KEY (workspace_id, contact_id, kind, position),
  FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX contact_labels_by_value ON contact_labels(workspace_id, kind, folded, contact_id);

CREATE TABLE contact_extras(
  workspace_id bigint NOT NULL,
  contact_id bigint NOT NULL,
  kind text NOT NULL CHECK (kind IN ('custom', 'photo', 'vcard')),
  position integer NOT NULL,
  label text NOT NULL DEFAULT '',
  value text NOT NULL,
  PRIMARY KEY (workspace_id, contact_id, kind, position),
  FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE contact_value_types(
  workspace_id bigint NOT NULL,
  contact_id bigint NOT NULL,
  position integer NOT NULL,
  property text NOT NULL CHECK (property IN ('EMAIL', 'TEL', 'URL')),
  value text NOT NULL,
  types text NOT NULL DEFAULT '',
  pref integer NOT NULL DEFAULT 0 CHECK (pref BETWEEN 0 AND 100),
  label text NOT NULL DEFAULT '',
  PRIMARY KEY (workspace_id, contact_id, position),
  FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE contact_addresses(
  workspace_id bigint NOT NULL,
  contact_id bigint NOT NULL,
  position integer NOT NULL,
  types text NOT NULL DEFAULT '',
  pref integer NOT NULL DEFAULT 0 CHECK (pref BETWEEN 0 AND 100),
  label text NOT NULL DEFAULT '',
  po_box text NOT NULL DEFAULT '',
  extended text NOT NULL DEFAULT '',
  street text NOT NULL DEFAULT '',
  locality text NOT NULL DEFAULT '',
  region text NOT NULL DEFAULT '',
  postal_code text NOT NULL DEFAULT '',
  country text NOT NULL DEFAULT '',
  delivery_label text NOT NULL DEFAULT '',
  PRIMARY KEY (workspace_id, contact_id, position),
  FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id) ON DELETE CASCADE
);

-- The search index: one entry per live contact. `terms` holds each folded
-- term of the card as "column:term" (name:ada, company:acme, …), so a
-- column filter, a tier (names, card fields, everything) and a prefix as
-- typed are all one tsquery over one GIN index; `search_key` is the
-- relationship's recency with the id (store/search_document.h), the order
-- results come in.
CREATE TABLE search_entries(
  workspace_id bigint NOT NULL,
  contact_id bigint NOT NULL,
  search_key bigint NOT NULL,
  terms tsvector NOT NULL,
  PRIMARY KEY (workspace_id, contact_id),
  FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX search_entries_by_terms ON search_entries USING gin (workspace_id, terms);
CREATE INDEX search_entries_by_key ON search_entries(workspace_id, search_key DESC);

CREATE TABLE job_changes(
  workspace_id bigint NOT NULL,
  id bigint NOT NULL,
  contact_id bigint NOT NULL,
  noticed_on date NOT NULL,
  source text NOT NULL DEFAULT '',
  old_company text NOT NULL DEFAULT '',
  old_title text NOT NULL DEFAULT '',
  new_company text NOT NULL DEFAULT '',
  new_title text NOT NULL DEFAULT '',
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX job_changes_by_contact ON job_changes(workspace_id, contact_id, noticed_on);

-- The relationship loop: events where people were met, interactions with
-- the facts learned, reminders, each person's cadence, and posts.
CREATE TABLE events(
  workspace_id bigint NOT NULL REFERENCES workspaces(id),
  id bigint NOT NULL,
  name text NOT NULL CHECK (name <> ''),
  on_date date NOT NULL,
  place text NOT NULL DEFAULT '',
  notes text NOT NULL DEFAULT '',
  PRIMARY KEY (workspace_id, id)
);
CREATE UNIQUE INDEX events_by_name ON events(workspace_id, lower(name));
CREATE INDEX events_by_date ON events(workspace_id, on_date DESC, id);

CREATE TABLE interactions(
  workspace_id bigint NOT NULL,
  id bigint NOT NULL,
  contact_id bigint NOT NULL,
  kind text NOT NULL CHECK (kind IN ('coffee', 'meeting', 'call', 'email', 'message', 'event', 'note')),
  on_date date NOT NULL,
  summary text NOT NULL DEFAULT '',
  they_talked integer CHECK (they_talked BETWEEN 0 AND 100),
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX interactions_by_contact ON interactions(workspace_id, contact_id, on_date DESC, id DESC);
CREATE INDEX interactions_by_date ON interactions(workspace_id, on_date DESC, id DESC);

CREATE TABLE facts(
  workspace_id bigint NOT NULL,
  id bigint NOT NULL,
  contact_id bigint NOT NULL,
  kind text NOT NULL CHECK (kind IN ('personal', 'professional')),
  key text NOT NULL CHECK (key <> ''),
  value text NOT NULL,
  learned_on date NOT NULL,
  interaction_id bigint,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, interaction_id) REFERENCES interactions(workspace_id, id)
    ON DELETE SET NULL (interaction_id)
);
CREATE INDEX facts_by_contact ON facts(workspace_id, contact_id, kind, key);

CREATE TABLE reminders(
  workspace_id bigint NOT NULL,
  id bigint NOT NULL,
  contact_id bigint NOT NULL,
  kind text NOT NULL CHECK (kind IN ('follow-up', 'reconnect', 'custom')),
  due date NOT NULL,
  snoozed_until date,
  note text NOT NULL DEFAULT '',
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'dismissed')),
  closed_on date,
  event_id bigint,
  created_on date NOT NULL,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, event_id) REFERENCES events(workspace_id, id) ON DELETE SET NULL (event_id)
);
CREATE INDEX reminders_open_by_day ON reminders(workspace_id, coalesce(snoozed_until, due), id)
  WHERE state = 'open';
CREATE INDEX reminders_by_contact ON reminders(workspace_id, contact_id, kind, state);
CREATE INDEX reminders_by_event ON reminders(workspace_id, event_id) WHERE event_id IS NOT NULL;

CREATE TABLE cadences(
  workspace_id bigint NOT NULL,
  contact_id bigint NOT NULL,
  days integer NOT NULL CHECK (days > 0),
  PRIMARY KEY (workspace_id, contact_id),
  FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE posts(
  workspace_id bigint NOT NULL REFERENCES workspaces(id),
  id bigint NOT NULL,
  channel text NOT NULL CHECK (channel <> ''),
  url text NOT NULL DEFAULT '',
  topic text NOT NULL DEFAULT '',
  on_date date NOT NULL,
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX posts_by_date ON posts(workspace_id, on_date DESC, id DESC);

-- Giving: opportunities that come your way, and the ledger of gives, asks
-- and introductions.
CREATE TABLE opportunities(
  workspace_id bigint NOT NULL REFERENCES workspaces(id),
  id bigint NOT NULL,
  kind text NOT NULL CHECK (kind IN ('job', 'project', 'tickets', 'intro', 'other')),
  title text NOT NULL CHECK (title <> ''),
  description text NOT NULL DEFAULT '',
  place text NOT NULL DEFAULT '',
  deadline date,
  source text NOT NULL DEFAULT '',
  created_on date NOT NULL,
  closed_on date,
  PRIMARY KEY (workspace_id, id)
);
CREATE TABLE opportunity_skills(
  workspace_id bigint NOT NULL,
  opportunity_id bigint NOT NULL,
  position integer NOT NULL,
  value text NOT NULL,
  PRIMARY KEY (workspace_id, opportunity_id, position),
  FOREIGN KEY (workspace_id, opportunity_id) REFERENCES opportunities(workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE ledger(
  workspace_id bigint NOT NULL,
  id bigint NOT NULL,
  contact_id bigint NOT NULL,
  kind text NOT NULL CHECK (kind IN ('give', 'ask', 'intro')),
  direction text NOT NULL CHECK (direction IN ('from-me', 'to-me')),
  what text NOT NULL,
  on_date date NOT NULL,
  outcome text NOT NULL DEFAULT 'open'
    CHECK (outcome IN ('open', 'accepted', 'declined', 'hired', 'thanked')),
  opportunity_id bigint,
  introduced_to bigint,
  why text NOT NULL DEFAULT '',
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, opportunity_id) REFERENCES opportunities(workspace_id, id)
    ON DELETE SET NULL (opportunity_id),
  FOREIGN KEY (workspace_id, introduced_to) REFERENCES contacts(workspace_id, id)
    ON DELETE SET NULL (introduced_to)
);
CREATE INDEX ledger_by_contact ON ledger(workspace_id, contact_id, on_date);
CREATE INDEX ledger_by_opportunity ON ledger(workspace_id, opportunity_id) WHERE opportunity_id IS NOT NULL;
CREATE INDEX ledger_by_introduced ON ledger(workspace_id, introduced_to) WHERE introduced_to IS NOT NULL;

-- The photo of the business card a contact was scanned from (its latest).
CREATE TABLE card_images(
  workspace_id bigint NOT NULL,
  contact_id bigint NOT NULL,
  mime text NOT NULL,
  bytes bytea NOT NULL,
  added_on text NOT NULL,
  PRIMARY KEY (workspace_id, contact_id),
  FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE search_vocabulary(
  workspace_id bigint NOT NULL REFERENCES workspaces(id),
  term text COLLATE "C" NOT NULL,
  head text NOT NULL,
  length integer NOT NULL,
  documents integer NOT NULL,
  PRIMARY KEY (workspace_id, term)
);
CREATE INDEX search_vocabulary_by_shape ON search_vocabulary(workspace_id, head, length)
  WHERE term !~ '[0-9]';

CREATE TABLE settings(
  workspace_id bigint NOT NULL REFERENCES workspaces(id),
  key text COLLATE "C" NOT NULL,
  value text NOT NULL,
  PRIMARY KEY (workspace_id, key)
);

CREATE TABLE web_sessions(
  workspace_id bigint NOT NULL REFERENCES workspaces(id),
  id_hash text NOT NULL,
  created_at bigint NOT NULL,
  last_seen_at bigint NOT NULL,
  PRIMARY KEY (workspace_id, id_hash)
);
CREATE INDEX web_sessions_by_last_seen ON web_sessions(workspace_id, last_seen_at);

CREATE TABLE devices(
  workspace_id bigint NOT NULL REFERENCES workspaces(id),
  id bigint NOT NULL,
  name text NOT NULL CHECK (name <> ''),
  password_hash text NOT NULL CHECK (password_hash <> ''),
  created_at text NOT NULL,
  last_used_at text,
  revoked_at text,
  PRIMARY KEY (workspace_id, id)
);
CREATE UNIQUE INDEX devices_live_by_name ON devices(workspace_id, lower(name)) WHERE revoked_at IS NULL;
)sql";

// Version 2: relationship health as a stored value, as SQLite's version 15
// (store/sqlite/migrations.cpp says why): a score valid until `changes_on`,
// and triggers that mark a person in health_dirty on every write that
// changes what their score is made of. A mark is made only for a card that
// still exists: deleting a card deletes its conversations too, and their
// triggers must not mark the card being deleted.
constexpr std::string_view kStoredHealth = R"sql(
CREATE TABLE contact_health(
  workspace_id bigint NOT NULL,
  contact_id bigint NOT NULL,
  score integer NOT NULL,
  changes_on date NOT NULL,
  PRIMARY KEY (workspace_id, contact_id),
  FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX contact_health_by_score ON contact_health(workspace_id, score, contact_id);
CREATE INDEX contact_health_by_change ON contact_health(workspace_id, changes_on);
CREATE TABLE health_dirty(
  workspace_id bigint NOT NULL,
  contact_id bigint NOT NULL,
  PRIMARY KEY (workspace_id, contact_id),
  FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id) ON DELETE CASCADE
);
INSERT INTO health_dirty(workspace_id, contact_id) SELECT workspace_id, id FROM contacts;

CREATE FUNCTION kith_mark_health(workspace bigint, contact bigint) RETURNS void LANGUAGE sql AS $$
  INSERT INTO health_dirty(workspace_id, contact_id)
    SELECT workspace, contact WHERE EXISTS (SELECT 1 FROM contacts WHERE workspace_id = workspace AND id = contact)
    ON CONFLICT DO NOTHING;
$$;
-- A row of a table whose contact_id names the person.
CREATE FUNCTION kith_health_on_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM kith_mark_health(OLD.workspace_id, OLD.contact_id); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM kith_mark_health(NEW.workspace_id, NEW.contact_id); END IF;
  RETURN NULL;
END $$;
CREATE FUNCTION kith_health_on_contact() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM kith_mark_health(NEW.workspace_id, NEW.id);
  RETURN NULL;
END $$;
-- A tag's default cadence (setting cadence.tag.FOLDED) changes everyone tagged so.
CREATE FUNCTION kith_health_on_setting() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed settings;
BEGIN
  IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
  IF left(changed.key, 12) = 'cadence.tag.' THEN
    INSERT INTO health_dirty(workspace_id, contact_id)
      SELECT DISTINCT workspace_id, contact_id FROM contact_labels
      WHERE workspace_id = changed.workspace_id AND kind = 'tag' AND folded = substr(changed.key, 13)
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER health_on_contact_insert AFTER INSERT ON contacts
  FOR EACH ROW EXECUTE FUNCTION kith_health_on_contact();
CREATE TRIGGER health_on_contact_update AFTER UPDATE OF met_on, last_contact, created_at ON contacts
  FOR EACH ROW EXECUTE FUNCTION kith_health_on_contact();
CREATE TRIGGER health_on_interactions AFTER INSERT OR UPDATE OR DELETE ON interactions
  FOR EACH ROW EXECUTE FUNCTION kith_health_on_row();
CREATE TRIGGER health_on_facts AFTER INSERT OR UPDATE OR DELETE ON facts
  FOR EACH ROW EXECUTE FUNCTION kith_health_on_row();
CREATE TRIGGER health_on_ledger AFTER INSERT OR UPDATE OR DELETE ON ledger
  FOR EACH ROW EXECUTE FUNCTION kith_health_on_row();
CREATE TRIGGER health_on_cadences AFTER INSERT OR UPDATE OR DELETE ON cadences
  FOR EACH ROW EXECUTE FUNCTION kith_health_on_row();
CREATE TRIGGER health_on_tag_insert AFTER INSERT ON contact_labels
  FOR EACH ROW WHEN (NEW.kind = 'tag') EXECUTE FUNCTION kith_health_on_row();
CREATE TRIGGER health_on_tag_update AFTER UPDATE ON contact_labels
  FOR EACH ROW WHEN (OLD.kind = 'tag' OR NEW.kind = 'tag') EXECUTE FUNCTION kith_health_on_row();
CREATE TRIGGER health_on_tag_delete AFTER DELETE ON contact_labels
  FOR EACH ROW WHEN (OLD.kind = 'tag') EXECUTE FUNCTION kith_health_on_row();
CREATE TRIGGER health_on_settings AFTER INSERT OR UPDATE OR DELETE ON settings
  FOR EACH ROW EXECUTE FUNCTION kith_health_on_setting();
)sql";

// Version 3: CardDAV and the merge journal, as SQLite's versions 9, 13 and
// 16 (store/sqlite/migrations.cpp says why).
//
// contact_changes is the changes journal behind sync tokens: one entry per
// card, renumbered by triggers on every write to the card (as SQLite's), so
// it is written in the same transaction as the change. Its numbers are per
// workspace, from the workspace's 'contact_changes' row of id_counters:
// a writer holds that row until it commits, so a later number is never
// committed before an earlier one and a client reading "everything after
// N" never skips a card that commits late. Cards already here start it in
// id order. A multi-row delete journals its cards in id order, as SQLite's
// row triggers do.
//
// dav_cards keeps the vCard a client sent, byte for byte (bytea: a card in
// Windows-1252 is read, and given back as sent); dav_books the address
// books clients created, each the tag of its cards.
//
// merges and merge_moves: the journal of a merge, so it can be undone (no
// foreign keys to contacts: the journal outlives a card deleted for good).
// Each moved row is noted by its id; card_images gets one (it had only its
// card) so that, as on SQLite, a card can hold the other card's image
// beside its own after a merge and the newest shows.
//
// The calendar's revision: every write to a reminder counts one in the
// workspace's 'calendar_revision' counter; CalendarRevision adds the
// journal's latest number.
constexpr std::string_view kCardDavAndMerges = R"sql(
CREATE TABLE contact_changes(
  workspace_id bigint NOT NULL REFERENCES workspaces(id),
  contact_id bigint NOT NULL,
  sequence bigint NOT NULL,
  uid text NOT NULL,
  PRIMARY KEY (workspace_id, contact_id)
);
CREATE UNIQUE INDEX contact_changes_by_sequence ON contact_changes(workspace_id, sequence);
INSERT INTO contact_changes(workspace_id, contact_id, sequence, uid)
  SELECT workspace_id, id, row_number() OVER (PARTITION BY workspace_id ORDER BY id), uid FROM contacts;
INSERT INTO id_counters(workspace_id, name, last_id)
  SELECT workspace_id, 'contact_changes', count(*) FROM contacts GROUP BY workspace_id;

CREATE FUNCTION kith_journal_change(workspace bigint, contact bigint, contact_uid text) RETURNS void
LANGUAGE sql AS $$
  WITH next AS (
    INSERT INTO id_counters(workspace_id, name, last_id) VALUES (workspace, 'contact_changes', 1)
    ON CONFLICT (workspace_id, name) DO UPDATE SET last_id = id_counters.last_id + 1
    RETURNING last_id)
  INSERT INTO contact_changes(workspace_id, contact_id, sequence, uid)
    SELECT workspace, contact, last_id, contact_uid FROM next
    ON CONFLICT (workspace_id, contact_id) DO UPDATE SET sequence = excluded.sequence, uid = excluded.uid;
$$;
CREATE FUNCTION kith_changes_on_contact() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM kith_journal_change(NEW.workspace_id, NEW.id, NEW.uid);
  RETURN NULL;
END $$;
CREATE FUNCTION kith_changes_on_contact_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  deleted record;
BEGIN
  FOR deleted IN SELECT workspace_id, id, uid FROM gone ORDER BY workspace_id, id LOOP
    PERFORM kith_journal_change(deleted.workspace_id, deleted.id, deleted.uid);
  END LOOP;
  RETURN NULL;
END $$;
CREATE TRIGGER changes_on_contact_insert AFTER INSERT ON contacts
  FOR EACH ROW EXECUTE FUNCTION kith_changes_on_contact();
CREATE TRIGGER changes_on_contact_update AFTER UPDATE OF updated_at, trashed_at, uid ON contacts
  FOR EACH ROW EXECUTE FUNCTION kith_changes_on_contact();
CREATE TRIGGER changes_on_contact_delete AFTER DELETE ON contacts REFERENCING OLD TABLE AS gone
  FOR EACH STATEMENT EXECUTE FUNCTION kith_changes_on_contact_delete();

CREATE TABLE dav_cards(
  workspace_id bigint NOT NULL,
  contact_id bigint NOT NULL,
  vcard bytea NOT NULL,
  kith_view text NOT NULL,
  PRIMARY KEY (workspace_id, contact_id),
  FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id) ON DELETE CASCADE
);
CREATE TABLE dav_books(
  workspace_id bigint NOT NULL REFERENCES workspaces(id),
  segment text COLLATE "C" NOT NULL,
  tag text NOT NULL,
  PRIMARY KEY (workspace_id, segment)
);

CREATE TABLE merges(
  workspace_id bigint NOT NULL REFERENCES workspaces(id),
  id bigint NOT NULL,
  kept_id bigint NOT NULL,
  other_id bigint NOT NULL,
  merged_at text NOT NULL,
  snapshot text NOT NULL,
  kept_revision bigint NOT NULL DEFAULT 0,
  other_revision bigint NOT NULL DEFAULT 0,
  undone_at text,
  PRIMARY KEY (workspace_id, id)
);
CREATE TABLE merge_moves(
  workspace_id bigint NOT NULL,
  merge_id bigint NOT NULL,
  record text NOT NULL,
  row_id bigint NOT NULL,
  PRIMARY KEY (workspace_id, merge_id, record, row_id),
  FOREIGN KEY (workspace_id, merge_id) REFERENCES merges(workspace_id, id) ON DELETE CASCADE
);

ALTER TABLE card_images ADD COLUMN id bigint;
UPDATE card_images i SET id = n.id FROM (
    SELECT workspace_id, contact_id, row_number() OVER (PARTITION BY workspace_id ORDER BY contact_id) AS id
    FROM card_images) n
  WHERE i.workspace_id = n.workspace_id AND i.contact_id = n.contact_id;
INSERT INTO id_counters(workspace_id, name, last_id)
  SELECT workspace_id, 'card_images', count(*) FROM card_images GROUP BY workspace_id;
ALTER TABLE card_images ALTER COLUMN id SET NOT NULL, DROP CONSTRAINT card_images_pkey,
  ADD PRIMARY KEY (workspace_id, id);
CREATE INDEX card_images_by_contact ON card_images(workspace_id, contact_id, id);

CREATE FUNCTION kith_calendar_on_reminder() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  written reminders;
BEGIN
  IF TG_OP = 'DELETE' THEN written := OLD; ELSE written := NEW; END IF;
  INSERT INTO id_counters(workspace_id, name, last_id) VALUES (written.workspace_id, 'calendar_revision', 1)
    ON CONFLICT (workspace_id, name) DO UPDATE SET last_id = id_counters.last_id + 1;
  RETURN NULL;
END $$;
CREATE TRIGGER calendar_on_reminders AFTER INSERT OR UPDATE OR DELETE ON reminders
  FOR EACH ROW EXECUTE FUNCTION kith_calendar_on_reminder();
)sql";

// Version 5: who signed in. `kith serve` signs a member of a workspace in
// by account (docs/team.md): a web session remembers the account, in the
// workspace it signed in to (its workspace_id), and a device the account
// that added it, so CardDAV with its app password acts as that member.
// The role is not kept: it is read from memberships on every request, so
// a member removed or demoted is so at once, signed in or not. '' is the
// one person of a database without accounts.
constexpr std::string_view kSignInByAccount = R"sql(
ALTER TABLE web_sessions ADD COLUMN account text NOT NULL DEFAULT '';
ALTER TABLE devices ADD COLUMN account text NOT NULL DEFAULT '';
)sql";

// Version 7:
// the email and profile URL an import recognises a person by, folded to
// lower case in a stored column of their own. Row-level security keeps an
// index from serving a condition with a function that is not leakproof
// (lower() is not), so `lower(address) = lower($2)` had become a filter over
// every email of the workspace for every row of an import, which grows
// with the square of the import (docs/team.md); `address_folded = lower($2)`
// compares with `=` on text, which is leakproof, through an index.
constexpr std::string_view kFoldedKeys = R"sql(
ALTER TABLE contact_emails ADD COLUMN address_folded text GENERATED ALWAYS AS (lower(address)) STORED;
CREATE INDEX contact_emails_by_folded ON contact_emails(workspace_id, address_folded);
DROP INDEX contact_emails_by_address;
ALTER TABLE contact_links ADD COLUMN url_folded text GENERATED ALWAYS AS (lower(url)) STORED;
CREATE INDEX contact_links_by_folded ON contact_links(workspace_id, url_folded);
DROP INDEX contact_links_by_url;

-- A bulk write journals its new cards a batch at a time (JournalNewCards,
-- bulk_copy.cpp) instead of one counter update per card: PostgreSQL keeps
-- every version of a row a transaction updated until it ends, so a
-- hundred thousand updates of the one counter row in one import made each
-- next update walk all the versions before it.
CREATE OR REPLACE FUNCTION kith_changes_on_contact() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND current_setting('kith.journal_in_batches', true) = 'on' THEN RETURN NULL; END IF;
  PERFORM kith_journal_change(NEW.workspace_id, NEW.id, NEW.uid);
  RETURN NULL;
END $$;
)sql";

// Version 8: what members share across servers and keep for themselves.
// Failed sign-ins per client address (sign_in_failures.cpp),
// so every `kith serve` on the database throttles one guesser together.
// No workspace: a sign-in is counted before anyone is known, so the table
// stays outside the workspace policies, as accounts do. It holds a count,
// a time and an address (IPv6 by /64), is bounded by the throttle
// (SignInFailureMemory) and forgets quiet addresses; the index on the last
// failure finds the quietest.
constexpr std::string_view kSignInFailures = R"sql(
CREATE TABLE sign_in_failures(
  address_key text PRIMARY KEY,
  failures integer NOT NULL CHECK (failures > 0),
  last_failure timestamptz NOT NULL,
  blocked_until timestamptz NOT NULL
);
CREATE INDEX sign_in_failures_by_last ON sign_in_failures(last_failure);

-- Each member's own subscribed calendar (calendar_feeds.cpp): the secret
-- token of /ics/WORKSPACE/ACCOUNT/TOKEN.ics, one per member and workspace.
-- Under the workspace policies (owners and editors make one, as they write
-- the loop the feed shows) and personal like a reminder: only its member
-- reads, replaces or removes it. A membership that ends takes its feed
-- with it (the cascade), so the URL of a removed member answers 404 even
-- when they are added again.
CREATE TABLE calendar_feeds(
  workspace_id bigint NOT NULL,
  author text NOT NULL,
  token text NOT NULL,
  created_at text NOT NULL,
  PRIMARY KEY (workspace_id, author),
  FOREIGN KEY (workspace_id, author) REFERENCES memberships(workspace_id, account) ON DELETE CASCADE
);
SELECT kith_guard_workspace_table('calendar_feeds', true);
SELECT kith_guard_personal_rows('calendar_feeds');
)sql";

// Version 9: a new card marked for the health upkeep once per statement
// instead of once per row. A bulk write's INSERT … SELECT of thousands of
// cards ran a PL/pgSQL function and an INSERT … ON CONFLICT for each of
// them, a third of the database's time in an import (BENCHMARKS.md); the
// statement's new rows, as a transition table, go into health_dirty by one
// INSERT. A new card always exists when its statement ends, so the
// existence check of kith_mark_health is moot.
constexpr std::string_view kHealthOncePerStatement = R"sql(
CREATE FUNCTION kith_health_on_new_contacts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO health_dirty(workspace_id, contact_id) SELECT workspace_id, id FROM new_contacts
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
DROP TRIGGER health_on_contact_insert ON contacts;
CREATE TRIGGER health_on_contact_insert AFTER INSERT ON contacts REFERENCING NEW TABLE AS new_contacts
  FOR EACH STATEMENT EXECUTE FUNCTION kith_health_on_new_contacts();
)sql";

// Version 10: stored health per member. Health is the reader's: the
// conversations and facts they see (shared ones and their own private
// ones), their own share of the talking and their own cadence
// (relationship_tables.cpp, ActivityOf). One score per card for the whole
// workspace held whoever had stored it last, so `list --sort health`
// ordered one member's list by another member's view. Now each member
// keeps a sheet of their own: health_sheets says who keeps one (and the
// day it was scored for), contact_health holds each sheet's scores
// (author = the member; personal, like a reminder), and health_dirty the
// marks per sheet. A write that changes what scores are made of marks
// the person on every sheet of the workspace (a team is a few members:
// a few rows per write; a database without accounts has one sheet, "",
// and writes one row as before). A member without a sheet yet has one
// made by their first renewal (PgStore::SaveHealth), which marks every
// card they have no score for.
//
// The old tables are dropped, not emptied: a migration acts as no
// workspace, so row-level security would hide every row from a DELETE.
// Every sheet starts afresh (a list by health scores what it needs).
constexpr std::string_view kHealthPerMember = R"sql(
DROP TABLE health_dirty;
DROP TABLE contact_health;
CREATE TABLE health_sheets(
  workspace_id bigint NOT NULL,
  author text NOT NULL,
  scored_on date NOT NULL,
  PRIMARY KEY (workspace_id, author)
);
CREATE TABLE contact_health(
  workspace_id bigint NOT NULL,
  author text NOT NULL,
  contact_id bigint NOT NULL,
  score integer NOT NULL,
  changes_on date NOT NULL,
  PRIMARY KEY (workspace_id, author, contact_id),
  FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX contact_health_by_score ON contact_health(workspace_id, author, score, contact_id);
CREATE INDEX contact_health_by_change ON contact_health(workspace_id, author, changes_on);
CREATE INDEX contact_health_by_contact ON contact_health(workspace_id, contact_id);
CREATE TABLE health_dirty(
  workspace_id bigint NOT NULL,
  author text NOT NULL,
  contact_id bigint NOT NULL,
  PRIMARY KEY (workspace_id, author, contact_id),
  FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX health_dirty_by_contact ON health_dirty(workspace_id, contact_id);
-- Any member stores their own scores (a viewer lists by health too); a
-- member's scores are theirs alone, like their cadence. Marks are written
-- by whoever writes for every sheet, so they are not personal (a mark is
-- a card id, no score).
SELECT kith_guard_workspace_table('health_sheets', false);
SELECT kith_guard_workspace_table('contact_health', false);
SELECT kith_guard_workspace_table('health_dirty', false);
SELECT kith_guard_personal_rows('contact_health');

CREATE OR REPLACE FUNCTION kith_mark_health(workspace bigint, contact bigint) RETURNS void LANGUAGE sql AS $$
  INSERT INTO health_dirty(workspace_id, author, contact_id)
    SELECT workspace, s.author, contact FROM health_sheets s WHERE s.workspace_id = workspace
      AND EXISTS (SELECT 1 FROM contacts WHERE workspace_id = workspace AND id = contact)
    ON CONFLICT DO NOTHING;
$$;
CREATE OR REPLACE FUNCTION kith_health_on_new_contacts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO health_dirty(workspace_id, author, contact_id)
    SELECT n.workspace_id, s.author, n.id FROM new_contacts n
    JOIN health_sheets s ON s.workspace_id = n.workspace_id
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION kith_health_on_setting() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed settings;
BEGIN
  IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
  IF left(changed.key, 12) = 'cadence.tag.' THEN
    INSERT INTO health_dirty(workspace_id, author, contact_id)
      SELECT DISTINCT t.workspace_id, s.author, t.contact_id FROM contact_labels t
      JOIN health_sheets s ON s.workspace_id = t.workspace_id
      WHERE t.workspace_id = changed.workspace_id AND t.kind = 'tag' AND t.folded = substr(changed.key, 13)
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
)sql";

// Version 11: a new card journaled once per statement instead of once per
// row, as the health mark is (version 9). A bulk write held the row
// trigger back (kith.journal_in_batches) and journaled each batch by a
// second statement that found the batch's cards again by id range
// (JournalNewCards), while PL/pgSQL was still entered for every row. Now
// the statement's new rows, a transition table, are numbered in id order
// after the workspace's last number, which moves once for all of them, as
// JournalNewCards numbered them; a one-card INSERT gets the one next
// number, as before. (ON CONFLICT: a card put back with the id it had,
// whose entry outlived it, takes a new number, as kith_journal_change did.)
constexpr std::string_view kJournalOncePerStatement = R"sql(
CREATE FUNCTION kith_changes_on_new_contacts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH fresh AS (SELECT workspace_id, id, uid,
                        row_number() OVER (PARTITION BY workspace_id ORDER BY id) AS n,
                        count(*) OVER (PARTITION BY workspace_id) AS total
                 FROM new_contacts),
  counted AS (SELECT DISTINCT workspace_id, total FROM fresh),
  next AS (INSERT INTO id_counters(workspace_id, name, last_id)
             SELECT workspace_id, 'contact_changes', total FROM counted ORDER BY workspace_id
           ON CONFLICT (workspace_id, name) DO UPDATE SET last_id = id_counters.last_id + excluded.last_id
           RETURNING workspace_id, last_id)
  INSERT INTO contact_changes(workspace_id, contact_id, sequence, uid)
    SELECT fresh.workspace_id, fresh.id, next.last_id - fresh.total + fresh.n, fresh.uid
    FROM fresh JOIN next USING (workspace_id)
    ON CONFLICT (workspace_id, contact_id) DO UPDATE SET sequence = excluded.sequence, uid = excluded.uid;
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION kith_changes_on_contact() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM kith_journal_change(NEW.workspace_id, NEW.id, NEW.uid);
  RETURN NULL;
END $$;
DROP TRIGGER changes_on_contact_insert ON contacts;
CREATE TRIGGER changes_on_contact_insert AFTER INSERT ON contacts REFERENCING NEW TABLE AS new_contacts
  FOR EACH STATEMENT EXECUTE FUNCTION kith_changes_on_new_contacts();
)sql";

}  // namespace

const std::vector<std::string_view>& Migrations() {
  static const std::vector<std::string_view> kMigrations = {kVersion1,
                                                            kStoredHealth,
                                                            kCardDavAndMerges,
                                                            AccessMigration(),
                                                            kSignInByAccount,
                                                            PrivateRowsMigration(),
                                                            kFoldedKeys,
                                                            kSignInFailures,
                                                            kHealthOncePerStatement,
                                                            kHealthPerMember,
                                                            kJournalOncePerStatement,
                                                            NameTermsMigration(),
                                                            CardChecksMigration(),
                                                            SessionCheckMigration(),
                                                            SessionRefusalMigration()};
  return kMigrations;
}

}  // namespace kith::postgres
