#include "store/sqlite/migrations.h"

namespace kith::sqlite {
namespace {

// Version 1: contacts and their lists.
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE contacts(
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL CHECK (display_name <> ''),
  given_name TEXT NOT NULL DEFAULT '',
  family_name TEXT NOT NULL DEFAULT '',
  sort_name TEXT NOT NULL,
  company TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  website TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  neighborhood TEXT NOT NULL DEFAULT '',
  hometown TEXT NOT NULL DEFAULT '',
  how_met TEXT NOT NULL DEFAULT '',
  met_at TEXT NOT NULL DEFAULT '',
  met_on TEXT,
  open_to_opportunities INTEGER NOT NULL DEFAULT 0,
  looking_for TEXT NOT NULL DEFAULT '',
  open_since TEXT,
  notes TEXT NOT NULL DEFAULT '',
  last_contact TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  trashed_at TEXT
);
CREATE INDEX contacts_by_sort_name ON contacts(sort_name, id) WHERE trashed_at IS NULL;
CREATE INDEX contacts_by_met_on ON contacts(met_on DESC, id) WHERE trashed_at IS NULL;
CREATE INDEX contacts_by_last_contact ON contacts(last_contact DESC, id) WHERE trashed_at IS NULL;
CREATE INDEX contacts_by_met_at ON contacts(met_at COLLATE NOCASE) WHERE trashed_at IS NULL;
CREATE INDEX contacts_in_trash ON contacts(trashed_at) WHERE trashed_at IS NOT NULL;

CREATE TABLE contact_emails(
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  address TEXT NOT NULL,
  PRIMARY KEY (contact_id, position)
) WITHOUT ROWID;
CREATE INDEX contact_emails_by_address ON contact_emails(address COLLATE NOCASE);

CREATE TABLE contact_phones(
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  original TEXT NOT NULL,
  e164 TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (contact_id, position)
) WITHOUT ROWID;
CREATE INDEX contact_phones_by_e164 ON contact_phones(e164) WHERE e164 <> '';

CREATE TABLE contact_links(
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL,
  url TEXT NOT NULL,
  connected INTEGER NOT NULL DEFAULT 0,
  followed INTEGER NOT NULL DEFAULT 0,
  connected_on TEXT,
  PRIMARY KEY (contact_id, position)
) WITHOUT ROWID;

CREATE TABLE contact_labels(
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('tag', 'skill', 'interest')),
  position INTEGER NOT NULL,
  value TEXT NOT NULL,
  folded TEXT NOT NULL,
  PRIMARY KEY (contact_id, kind, position)
) WITHOUT ROWID;
CREATE INDEX contact_labels_by_value ON contact_labels(kind, folded, contact_id);

)sql";

// Version 2: the three-tier search index and the vocabulary for typos.
// The FTS5 tables are contentless (the text lives in contacts) with
// detail=column/none: kith ranks by tier and recency, not by term positions,
// so positions would only cost space and insert time. Prefix indexes up to
// six characters make a prefix as typed one doclist read (docs/search.md). Contacts already in
// the file are indexed by the rebuild that follows the step.
constexpr std::string_view kVersion2 = R"sql(
CREATE VIRTUAL TABLE search_names USING fts5(
  name, content='', columnsize=0, detail=none, prefix='1 2 3 4 5 6',
  tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE search_cards USING fts5(
  name, company, title, email, phone, place, tag, skill, interest, met, web, other,
  content='', columnsize=0, detail=column, prefix='1 2 3 4 5 6',
  tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE search_everything USING fts5(
  name, company, title, email, phone, place, tag, skill, interest, met, web, other, note,
  content='', columnsize=0, detail=column, prefix='1 2 3 4 5 6',
  tokenize='unicode61 remove_diacritics 2');

CREATE TABLE search_vocabulary(
  term TEXT PRIMARY KEY,
  head TEXT NOT NULL,
  length INTEGER NOT NULL,
  documents INTEGER NOT NULL
) WITHOUT ROWID;
-- Typo candidates never hold digits ("chen23" from an email is an identifier,
-- not a word): leaving them out keeps a candidate scan to a few hundred rows.
CREATE INDEX search_vocabulary_by_shape ON search_vocabulary(head, length, term, documents)
  WHERE term NOT GLOB '*[0-9]*';
)sql";

// Version 3: what imports bring that has no column of its own (custom fields,
// a photo, vCard properties to write back), lookups that find the same person
// again (a profile URL), and the job changes an import noticed.
constexpr std::string_view kVersion3 = R"sql(
CREATE TABLE contact_extras(
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('custom', 'photo', 'vcard')),
  position INTEGER NOT NULL,
  label TEXT NOT NULL DEFAULT '',
  value TEXT NOT NULL
);
CREATE INDEX contact_extras_by_contact ON contact_extras(contact_id, kind, position);

CREATE INDEX contact_links_by_url ON contact_links(url COLLATE NOCASE);

CREATE TABLE job_changes(
  id INTEGER PRIMARY KEY,
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  noticed_on TEXT NOT NULL,
  source TEXT NOT NULL DEFAULT '',
  old_company TEXT NOT NULL DEFAULT '',
  old_title TEXT NOT NULL DEFAULT '',
  new_company TEXT NOT NULL DEFAULT '',
  new_title TEXT NOT NULL DEFAULT ''
);
CREATE INDEX job_changes_by_contact ON job_changes(contact_id, noticed_on);
)sql";

// Version 4: giving. Opportunities that come your way, the ledger of gives,
// asks and introductions, and settings (your own profile).
constexpr std::string_view kVersion4 = R"sql(
CREATE TABLE opportunities(
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('job', 'project', 'tickets', 'intro', 'other')),
  title TEXT NOT NULL CHECK (title <> ''),
  description TEXT NOT NULL DEFAULT '',
  place TEXT NOT NULL DEFAULT '',
  deadline TEXT,
  source TEXT NOT NULL DEFAULT '',
  created_on TEXT NOT NULL,
  closed_on TEXT
);
CREATE TABLE opportunity_skills(
  opportunity_id INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (opportunity_id, position)
) WITHOUT ROWID;

CREATE TABLE ledger(
  id INTEGER PRIMARY KEY,
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('give', 'ask', 'intro')),
  direction TEXT NOT NULL CHECK (direction IN ('from-me', 'to-me')),
  what TEXT NOT NULL,
  on_date TEXT NOT NULL,
  outcome TEXT NOT NULL DEFAULT 'open'
    CHECK (outcome IN ('open', 'accepted', 'declined', 'hired', 'thanked')),
  opportunity_id INTEGER REFERENCES opportunities(id) ON DELETE SET NULL,
  introduced_to INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
  why TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ledger_by_contact ON ledger(contact_id, on_date);
CREATE INDEX ledger_by_opportunity ON ledger(opportunity_id) WHERE opportunity_id IS NOT NULL;

CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
)sql";

// Version 5: the relationship loop. Events where people were met, the
// interactions you log with the facts you learned, reminders (follow-ups,
// reconnects, promises), each person's reconnect cadence, and your posts.
constexpr std::string_view kVersion5 = R"sql(
CREATE TABLE events(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (name <> '') UNIQUE COLLATE NOCASE,
  on_date TEXT NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_by_date ON events(on_date DESC, id);

CREATE TABLE interactions(
  id INTEGER PRIMARY KEY,
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  kind TEXT NOT NULL
    CHECK (kind IN ('coffee', 'meeting', 'call', 'email', 'message', 'event', 'note')),
  on_date TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  they_talked INTEGER CHECK (they_talked BETWEEN 0 AND 100)
);
CREATE INDEX interactions_by_contact ON interactions(contact_id, on_date DESC, id DESC);

CREATE TABLE facts(
  id INTEGER PRIMARY KEY,
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('personal', 'professional')),
  key TEXT NOT NULL CHECK (key <> ''),
  value TEXT NOT NULL,
  learned_on TEXT NOT NULL,
  interaction_id INTEGER REFERENCES interactions(id) ON DELETE SET NULL
);
CREATE INDEX facts_by_contact ON facts(contact_id, kind, key);

CREATE TABLE reminders(
  id INTEGER PRIMARY KEY,
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('follow-up', 'reconnect', 'custom')),
  due TEXT NOT NULL,
  snoozed_until TEXT,
  note TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'dismissed')),
  closed_on TEXT,
  event_id INTEGER REFERENCES events(id) ON DELETE SET NULL,
  created_on TEXT NOT NULL
);
-- The agenda reads open reminders by the day they show; a contact's by kind.
CREATE INDEX reminders_open_by_day ON reminders(coalesce(snoozed_until, due), id) WHERE state = 'open';
CREATE INDEX reminders_by_contact ON reminders(contact_id, kind, state);
CREATE INDEX reminders_by_event ON reminders(event_id) WHERE event_id IS NOT NULL;

CREATE TABLE cadences(
  contact_id INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE,
  days INTEGER NOT NULL CHECK (days > 0)
);

CREATE TABLE posts(
  id INTEGER PRIMARY KEY,
  channel TEXT NOT NULL CHECK (channel <> ''),
  url TEXT NOT NULL DEFAULT '',
  topic TEXT NOT NULL DEFAULT '',
  on_date TEXT NOT NULL
);
CREATE INDEX posts_by_date ON posts(on_date DESC, id DESC);
)sql";

// Version 6: the photo of the business card a contact was scanned from.
constexpr std::string_view kCardImages = R"sql(
CREATE TABLE IF NOT EXISTS card_images(
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  mime TEXT,
  bytes BLOB,
  added_on TEXT
);
CREATE INDEX IF NOT EXISTS card_images_by_contact ON card_images(contact_id);
)sql";

// Version 7: web sessions, kept so a restart of `kith serve` signs nobody
// out. Only the SHA-256 of a session id is stored: a copy of the file signs
// nobody in. Times are Unix seconds.
constexpr std::string_view kWebSessions = R"sql(
CREATE TABLE web_sessions(
  id_hash TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX web_sessions_by_last_seen ON web_sessions(last_seen_at);
)sql";

// Version 8: finding a namesake at the same company is one index lookup,
// however many people share the name (an import asks it for every row that
// has no uid, email, phone or profile kith already knows).
constexpr std::string_view kNamesakeIndex = R"sql(
CREATE INDEX contacts_by_name_and_company ON contacts(sort_name, company COLLATE NOCASE)
  WHERE trashed_at IS NULL;
)sql";

// Version 9: CardDAV. The changes journal holds one entry per contact,
// renumbered by triggers on every write to the contact (REPLACE takes a new
// AUTOINCREMENT number, never a reused one), so it is written in the same
// transaction as the change and sync tokens stay valid for ever; contacts
// already here start it in id order.
// dav_cards keeps the vCard a client sent, byte for byte; dav_books the
// address books clients created, each the tag of its cards.
constexpr std::string_view kCardDav = R"sql(
CREATE TABLE contact_changes(
  sequence INTEGER PRIMARY KEY AUTOINCREMENT,
  contact_id INTEGER NOT NULL UNIQUE,
  uid TEXT NOT NULL
);
INSERT INTO contact_changes(contact_id, uid) SELECT id, uid FROM contacts ORDER BY id;
CREATE TRIGGER contact_changes_on_insert AFTER INSERT ON contacts BEGIN
  INSERT OR REPLACE INTO contact_changes(contact_id, uid) VALUES (NEW.id, NEW.uid);
END;
CREATE TRIGGER contact_changes_on_update AFTER UPDATE OF updated_at, trashed_at, uid ON contacts BEGIN
  INSERT OR REPLACE INTO contact_changes(contact_id, uid) VALUES (NEW.id, NEW.uid);
END;
CREATE TRIGGER contact_changes_on_delete AFTER DELETE ON contacts BEGIN
  INSERT OR REPLACE INTO contact_changes(contact_id, uid) VALUES (OLD.id, OLD.uid);
END;
CREATE TABLE dav_cards(
  contact_id INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE,
  vcard TEXT NOT NULL,
  kith_view TEXT NOT NULL
);
CREATE TABLE dav_books(
  segment TEXT PRIMARY KEY,
  tag TEXT NOT NULL
) WITHOUT ROWID;
)sql";

// Version 10: devices that sync (CardDAV, the calendar feed), each with its
// own app password, kept only as an argon2id hash. A revoked device stays
// listed; only one unrevoked device may carry a name (case ignored), which
// is the user name it signs in with. Times are ISO UTC timestamps.
constexpr std::string_view kDevices = R"sql(
CREATE TABLE devices(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (name <> ''),
  password_hash TEXT NOT NULL CHECK (password_hash <> ''),
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
);
CREATE UNIQUE INDEX devices_live_by_name ON devices(name COLLATE NOCASE) WHERE revoked_at IS NULL;
)sql";

// Version 11: likely duplicates by family name at the same company (`kith
// dupes`) look each group up instead of scanning every card per group,
// which took minutes at 100,000 people.
constexpr std::string_view kCompanyFamilyIndex = R"sql(
CREATE INDEX IF NOT EXISTS contacts_by_company_family
  ON contacts(company COLLATE NOCASE, family_name COLLATE NOCASE) WHERE trashed_at IS NULL;
)sql";

// Version 12: what address books write beyond kith's own fields. A card's
// kind (an organisation's), nickname, role, its ORG's departments (one per
// line), birthday and anniversary (YYYY-MM-DD, or --MM-DD without a year);
// the TYPE, PREF and label of each email, phone and web address, kept by
// the value they qualify; and structured postal addresses. The departments
// and roles earlier versions kept as custom fields move to their columns;
// the search index is built again, as it now reads them there (and the
// nickname, departments, role and addresses).
constexpr std::string_view kCardFields = R"sql(
ALTER TABLE contacts ADD COLUMN kind TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN nickname TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN role TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN departments TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN birthday TEXT;
ALTER TABLE contacts ADD COLUMN anniversary TEXT;

CREATE TABLE contact_value_types(
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  property TEXT NOT NULL CHECK (property IN ('EMAIL', 'TEL', 'URL')),
  value TEXT NOT NULL,
  types TEXT NOT NULL DEFAULT '',
  pref INTEGER NOT NULL DEFAULT 0 CHECK (pref BETWEEN 0 AND 100),
  label TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (contact_id, position)
) WITHOUT ROWID;

CREATE TABLE contact_addresses(
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  types TEXT NOT NULL DEFAULT '',
  pref INTEGER NOT NULL DEFAULT 0 CHECK (pref BETWEEN 0 AND 100),
  label TEXT NOT NULL DEFAULT '',
  po_box TEXT NOT NULL DEFAULT '',
  extended TEXT NOT NULL DEFAULT '',
  street TEXT NOT NULL DEFAULT '',
  locality TEXT NOT NULL DEFAULT '',
  region TEXT NOT NULL DEFAULT '',
  postal_code TEXT NOT NULL DEFAULT '',
  country TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (contact_id, position)
) WITHOUT ROWID;

UPDATE contacts SET departments = (
  SELECT value FROM contact_extras e WHERE e.contact_id = contacts.id AND e.kind = 'custom'
    AND e.label = 'Department' ORDER BY e.position LIMIT 1)
WHERE id IN (SELECT contact_id FROM contact_extras WHERE kind = 'custom' AND label = 'Department');
UPDATE contacts SET role = (
  SELECT value FROM contact_extras e WHERE e.contact_id = contacts.id AND e.kind = 'custom'
    AND e.label = 'Role' ORDER BY e.position LIMIT 1)
WHERE id IN (SELECT contact_id FROM contact_extras WHERE kind = 'custom' AND label = 'Role');
DELETE FROM contact_extras WHERE rowid IN (
  SELECT min(rowid) FROM contact_extras WHERE kind = 'custom' AND label IN ('Department', 'Role')
  GROUP BY contact_id, label);
)sql";

// Version 13: the merge journal, so a merge can be undone. Each merge keeps
// the cards as they were (the app's snapshot, JSON), each card's revision
// (its contact_changes sequence) as the merge left them, and in
// merge_moves every row it moved from the other card to the kept one. No
// foreign keys: the journal outlives a card deleted for good, and says so.
constexpr std::string_view kMergeJournal = R"sql(
CREATE TABLE merges(
  id INTEGER PRIMARY KEY,
  kept_id INTEGER NOT NULL,
  other_id INTEGER NOT NULL,
  merged_at TEXT NOT NULL,
  snapshot TEXT NOT NULL,
  kept_revision INTEGER NOT NULL DEFAULT 0,
  other_revision INTEGER NOT NULL DEFAULT 0,
  undone_at TEXT
);
CREATE TABLE merge_moves(
  merge_id INTEGER NOT NULL,
  record TEXT NOT NULL,
  row_id INTEGER NOT NULL,
  PRIMARY KEY (merge_id, record, row_id)
) WITHOUT ROWID;
)sql";

// Version 14: an address's delivery label (vCard's LABEL), which the
// structured ADR had no column for.
constexpr std::string_view kDeliveryLabel = R"sql(
ALTER TABLE contact_addresses ADD COLUMN delivery_label TEXT NOT NULL DEFAULT '';
)sql";

// Version 15: relationship health as a stored value, so sorting the list by
// health is a walk of contact_health_by_score instead of scoring everyone
// on each request. A score is valid from the day it was computed until
// `changes_on` (the day it may first fall on its own; '9999-12-31' when
// only a write can change it). Triggers mark a person in health_dirty on
// every write that changes what their score is made of, so no write path
// can forget it; the app scores the marked and the aged again (lazily, and
// on a read counts them without storing).
constexpr std::string_view kStoredHealth = R"sql(
CREATE TABLE contact_health(
  contact_id INTEGER PRIMARY KEY,
  score INTEGER NOT NULL,
  changes_on TEXT NOT NULL
);
CREATE INDEX contact_health_by_score ON contact_health(score, contact_id);
CREATE INDEX contact_health_by_change ON contact_health(changes_on);
CREATE TABLE health_dirty(contact_id INTEGER PRIMARY KEY);
INSERT INTO health_dirty(contact_id) SELECT id FROM contacts;

CREATE TRIGGER health_on_contact_insert AFTER INSERT ON contacts BEGIN
  INSERT INTO health_dirty(contact_id) SELECT NEW.id WHERE NOT EXISTS (SELECT 1 FROM health_dirty WHERE contact_id = NEW.id);
END;
CREATE TRIGGER health_on_contact_update AFTER UPDATE OF met_on, last_contact, created_at ON contacts BEGIN
  INSERT INTO health_dirty(contact_id) SELECT NEW.id WHERE NOT EXISTS (SELECT 1 FROM health_dirty WHERE contact_id = NEW.id);
END;
CREATE TRIGGER health_on_contact_delete AFTER DELETE ON contacts BEGIN
  DELETE FROM contact_health WHERE contact_id = OLD.id;
  DELETE FROM health_dirty WHERE contact_id = OLD.id;
END;

-- Whatever a score is made of: conversations, facts, gives, cadences, tags
-- and the tags' default cadences. A mark is inserted only where none is:
-- INSERT OR IGNORE would take the conflict clause of the statement that
-- fired the trigger (an upsert of a setting) and fail on a second mark.
CREATE TRIGGER health_on_interactions_insert AFTER INSERT ON interactions BEGIN
  INSERT INTO health_dirty(contact_id) SELECT NEW.contact_id WHERE NOT EXISTS (SELECT 1 FROM health_dirty WHERE contact_id = NEW.contact_id);
END;
CREATE TRIGGER health_on_interactions_update AFTER UPDATE ON interactions BEGIN
  INSERT INTO health_dirty(contact_id) SELECT OLD.contact_id WHERE NOT EXISTS (SELECT 1 FROM health_dirty WHERE contact_id = OLD.contact_id);
  INSERT INTO health_dirty(contact_id) SELECT NEW.contact_id WHERE NOT EXISTS (SELECT 1 FROM health_dirty WHERE contact_id = NEW.contact_id);
END;
CREATE TRIGGER health_on_interactions_delete AFTER DELETE ON interactions BEGIN
  INSERT INTO health_dirty(contact_id) SELECT OLD.contact_id WHERE NOT EXISTS (SELECT 1 FROM health_dirty WHERE contact_id = OLD.contact_id);
END;
CREATE TRIGGER health_on_facts_insert AFTER INSERT ON facts BEGIN
  INSERT INTO health_dirty(contact_id) SELECT NEW.contact_id WHERE NOT EXISTS (SELECT 1 FROM health_dirty WHERE contact_id = NEW.contact_id);
END;
CREATE TRIGGER health_on_facts_update AFTER UPDATE ON facts BEGIN
  INSERT INTO health_dirty(contact_id) SELECT OLD.contact_id WHERE NOT EXISTS (SELECT 1 FROM health_dirty WHERE contact_id = OLD.contact_id);
  INSERT INTO health_dirty(contact_id) SELECT NEW.contact_id WHERE NOT EXISTS (SELECT 1 FROM health_dirty WHERE contact_id = NEW.contact_id);
END;
CREATE TRIGGER health_on_facts_delete AFTER DELETE ON facts BEGIN
  INSERT INTO health_dirty(contact_id) SELECT OLD.contact_id WHERE NOT EXISTS (SELECT 1 FROM health_dirty WHERE contact_id = OLD.contact_id);
END;
CREATE TRIGGER health_on_ledger_insert AFTER INSERT ON ledger BEGIN
  INSERT INTO health_dirty(contact_id) SELECT NEW.contact_id WHERE NOT EXISTS (SELECT 1 FROM health_dirty WHERE contact_id = NEW.contact_id);
END;
CREATE TRIGGER health_on_ledger_update AFTER UPDATE ON ledger BEGIN
  INSERT INTO health_dirty(contact_id) SELECT OLD.contact_id WHERE NOT EXISTS (SELECT 1 FROM health_dirty WHERE contact_id = OLD.contact_id);
  INSERT INTO health_dirty(contact_id) SELECT NEW.contact_id WHERE NOT EXISTS (SELECT 1 FROM health_dirty WHERE contact_id = NEW.contact_id);
END;
CREATE TRIGGER health_on_ledger_delete AFTER DELETE ON ledger BEGIN
  INSERT INTO health_dirty(contact_id) SELECT OLD.contact_id WHERE NOT EXISTS (SELECT 1 FROM health_dirty WHERE contact_id = OLD.contact_id);
END;
CREATE TRIGGER health_on_cadences_insert AFTER INSERT ON cadences BEGIN
  INSERT INTO health_dirty(contact_id) SELECT NEW.contact_id WHERE NOT EXISTS (SELECT 1 FROM health_dirty WHERE contact_id = NEW.contact_id);
END;
CREATE TRIGGER health_on_cadences_update AFTER UPDATE ON cadences BEGIN
  INSERT INTO health_dirty(contact_id) SELECT OLD.contact_id WHERE NOT EXISTS (SELECT 1 FROM health_dirty WHERE contact_id = OLD.contact_id);
  INSERT INTO health_dirty(contact_id) SELECT NEW.contact_id WHERE NOT EXISTS (SELECT 1 FROM health_dirty WHERE contact_id = NEW.contact_id);
END;
CREATE TRIGGER health_on_cadences_delete AFTER DELETE ON cadences BEGIN
  INSERT INTO health_dirty(contact_id) SELECT OLD.contact_id WHERE NOT EXISTS (SELECT 1 FROM health_dirty WHERE contact_id = OLD.contact_id);
END;
CREATE TRIGGER health_on_tag_insert AFTER INSERT ON contact_labels WHEN NEW.kind = 'tag' BEGIN
  INSERT INTO health_dirty(contact_id) SELECT NEW.contact_id WHERE NOT EXISTS (SELECT 1 FROM health_dirty WHERE contact_id = NEW.contact_id);
END;
CREATE TRIGGER health_on_tag_update AFTER UPDATE ON contact_labels WHEN OLD.kind = 'tag' OR NEW.kind = 'tag' BEGIN
  INSERT INTO health_dirty(contact_id) SELECT OLD.contact_id WHERE NOT EXISTS (SELECT 1 FROM health_dirty WHERE contact_id = OLD.contact_id);
  INSERT INTO health_dirty(contact_id) SELECT NEW.contact_id WHERE NOT EXISTS (SELECT 1 FROM health_dirty WHERE contact_id = NEW.contact_id);
END;
CREATE TRIGGER health_on_tag_delete AFTER DELETE ON contact_labels WHEN OLD.kind = 'tag' BEGIN
  INSERT INTO health_dirty(contact_id) SELECT OLD.contact_id WHERE NOT EXISTS (SELECT 1 FROM health_dirty WHERE contact_id = OLD.contact_id);
END;
CREATE TRIGGER health_on_tag_cadence_insert AFTER INSERT ON settings
WHEN substr(NEW.key, 1, 12) = 'cadence.tag.' BEGIN
  INSERT INTO health_dirty(contact_id)
    SELECT DISTINCT contact_id FROM contact_labels WHERE kind = 'tag' AND folded = substr(NEW.key, 13)
    AND contact_id NOT IN (SELECT contact_id FROM health_dirty);
END;
CREATE TRIGGER health_on_tag_cadence_update AFTER UPDATE ON settings
WHEN substr(NEW.key, 1, 12) = 'cadence.tag.' BEGIN
  INSERT INTO health_dirty(contact_id)
    SELECT DISTINCT contact_id FROM contact_labels WHERE kind = 'tag' AND folded = substr(NEW.key, 13)
    AND contact_id NOT IN (SELECT contact_id FROM health_dirty);
END;
CREATE TRIGGER health_on_tag_cadence_delete AFTER DELETE ON settings
WHEN substr(OLD.key, 1, 12) = 'cadence.tag.' BEGIN
  INSERT INTO health_dirty(contact_id)
    SELECT DISTINCT contact_id FROM contact_labels WHERE kind = 'tag' AND folded = substr(OLD.key, 13)
    AND contact_id NOT IN (SELECT contact_id FROM health_dirty);
END;
)sql";

}  // namespace

// Version 16: the subscribed calendar's revision, so a calendar app polling
// it learns "unchanged" without kith reading every reminder. Every write to
// reminders counts one; the contacts they name count in the CardDAV changes
// journal (CalendarRevision adds the two).
constexpr std::string_view kCalendarRevision = R"sql(
CREATE TABLE calendar_revision(id INTEGER PRIMARY KEY CHECK (id = 1), revision INTEGER NOT NULL);
INSERT INTO calendar_revision(id, revision) VALUES (1, 0);
CREATE TRIGGER calendar_on_reminders_insert AFTER INSERT ON reminders BEGIN
  UPDATE calendar_revision SET revision = revision + 1 WHERE id = 1;
END;
CREATE TRIGGER calendar_on_reminders_update AFTER UPDATE ON reminders BEGIN
  UPDATE calendar_revision SET revision = revision + 1 WHERE id = 1;
END;
CREATE TRIGGER calendar_on_reminders_delete AFTER DELETE ON reminders BEGIN
  UPDATE calendar_revision SET revision = revision + 1 WHERE id = 1;
END;
)sql";

// Version 17: a fact or an interaction may be private to its author. A
// personal file has one person, who sees everything; the flag is kept so
// a file moved into a shared workspace keeps what was private private
// (docs/team.md).
constexpr std::string_view kPrivateRows = R"sql(
ALTER TABLE interactions ADD COLUMN private INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1));
ALTER TABLE facts ADD COLUMN private INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1));
)sql";

// Version 18: the widest search tier holds only the cards that have notes.
// search_everything repeated search_cards, column for column, for every
// card, and a card without notes (every LinkedIn row) matched there exactly
// as in search_cards: half the work of indexing an import, for nothing.
// search_notes now holds every column of the cards with notes; search_cards
// gains an always-empty note column, so a `{note}` filter asked of it finds
// nobody instead of failing. The store asks both tables for the widest tier
// (SqliteStore::MatchSearchIndex). The index is built again by the rebuild
// that follows the step (on the bulk path: bulk_index.cpp).
constexpr std::string_view kNotesTier = R"sql(
DROP TABLE search_everything;
DROP TABLE search_cards;
CREATE VIRTUAL TABLE search_cards USING fts5(
  name, company, title, email, phone, place, tag, skill, interest, met, web, other, note,
  content='', columnsize=0, detail=column, prefix='1 2 3 4 5 6',
  tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE search_notes USING fts5(
  name, company, title, email, phone, place, tag, skill, interest, met, web, other, note,
  content='', columnsize=0, detail=column, prefix='1 2 3 4 5 6',
  tokenize='unicode61 remove_diacritics 2');
)sql";

// Version 19: the index at two fifths of its size. Prefix indexes were
// three quarters of the card and notes tables: each token was written once
// for itself and once per prefix length up to six. The card table keeps the
// lengths up to four, which the vocabulary cannot stand in for (it holds no
// terms under three characters, and a common four-letter start has
// hundreds of completions); a longer prefix is asked as the OR of its
// completions (prefix_completions.h). And search_notes, which repeated every
// field of every card with notes, is gone: search_cards' note column holds
// each word of the notes marked, so a question for the fields never matches
// a note and the widest tier is still one FTS5 question of one table
// (notes_tier.h). The index is built again by the rebuild that follows.
constexpr std::string_view kLeanSearchIndex = R"sql(
DROP TABLE search_notes;
DROP TABLE search_cards;
CREATE VIRTUAL TABLE search_cards USING fts5(
  name, company, title, email, phone, place, tag, skill, interest, met, web, other, note,
  content='', columnsize=0, detail=column, prefix='1 2 3 4',
  tokenize='unicode61 remove_diacritics 2');
)sql";

// The width of the id in search_cards' and search_names' rowids
// (store/search_document.h): relationship day << key_shift | contact id. At
// 32 bits every step of a doclist from one day to the next took five bytes;
// the rebuild that follows this step lays the index out with the shift
// KeyShiftFor gives the highest id, and a write whose ids outgrow it lays it
// out again (search_key_shift.cpp). 32 describes the index as version 19
// left it, until the rebuild.
constexpr std::string_view kSearchKeyShift = R"sql(
CREATE TABLE search_layout(
  id INTEGER PRIMARY KEY CHECK (id = 1),
  key_shift INTEGER NOT NULL CHECK (key_shift BETWEEN 1 AND 32)
);
INSERT INTO search_layout(id, key_shift) VALUES(1, 32);
)sql";

// Version 21: the labels and the changes journal, each kept once. A label's
// text was written in every row that carried it, twice (as typed and
// folded) and again in the index, with its kind as a word: a few hundred
// distinct tags, skills and interests made a sixth of a file. The texts now
// live once in label_values; a row names its text by id and its kind by
// number (label_kinds.h: 0 and 1 take no bytes in a record). Texts nobody
// uses any more stay (each a few bytes); every reader goes through a row of
// contact_labels, so they are never shown. The journal kept each live card's
// uid, which the card itself holds: it is kept only for a card deleted for
// good (a tombstone), and read from the card otherwise. The index by value
// holds the tags alone: a list, a book or a cadence asks for the people
// with a tag, but nothing asks for the people with a skill or an interest
// except the search index, and skills and interests were four fifths of it.
// The triggers that name either table are made again over the new columns.
constexpr std::string_view kSharedLabelTexts = R"sql(
DROP TRIGGER health_on_tag_cadence_insert;
DROP TRIGGER health_on_tag_cadence_update;
DROP TRIGGER health_on_tag_cadence_delete;
DROP TRIGGER contact_changes_on_insert;
DROP TRIGGER contact_changes_on_update;
DROP TRIGGER contact_changes_on_delete;

CREATE TABLE label_values(
  id INTEGER PRIMARY KEY,
  folded TEXT NOT NULL,
  value TEXT NOT NULL,
  UNIQUE (folded, value)
);
INSERT INTO label_values(folded, value)
  SELECT DISTINCT folded, value FROM contact_labels ORDER BY folded, value;
CREATE TABLE contact_labels_v21(
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  kind INTEGER NOT NULL CHECK (kind IN (0, 1, 2)),
  position INTEGER NOT NULL,
  value_id INTEGER NOT NULL,
  PRIMARY KEY (contact_id, kind, position)
) WITHOUT ROWID;
INSERT INTO contact_labels_v21(contact_id, kind, position, value_id)
  SELECT l.contact_id, CASE l.kind WHEN 'interest' THEN 0 WHEN 'skill' THEN 1 ELSE 2 END, l.position, v.id
  FROM contact_labels l JOIN label_values v ON v.folded = l.folded AND v.value = l.value
  ORDER BY l.contact_id, l.kind, l.position;
DROP TABLE contact_labels;
ALTER TABLE contact_labels_v21 RENAME TO contact_labels;
CREATE INDEX contact_labels_by_value ON contact_labels(value_id, contact_id) WHERE kind = 2;

CREATE TABLE contact_changes_v21(
  sequence INTEGER PRIMARY KEY AUTOINCREMENT,
  contact_id INTEGER NOT NULL UNIQUE,
  uid TEXT
);
INSERT INTO contact_changes_v21(sequence, contact_id, uid)
  SELECT j.sequence, j.contact_id, CASE WHEN c.id IS NULL THEN j.uid END
  FROM contact_changes j LEFT JOIN contacts c ON c.id = j.contact_id ORDER BY j.sequence;
DELETE FROM sqlite_sequence WHERE name = 'contact_changes_v21';
UPDATE sqlite_sequence SET name = 'contact_changes_v21' WHERE name = 'contact_changes';
DROP TABLE contact_changes;
ALTER TABLE contact_changes_v21 RENAME TO contact_changes;

CREATE TRIGGER contact_changes_on_insert AFTER INSERT ON contacts BEGIN
  INSERT OR REPLACE INTO contact_changes(contact_id) VALUES (NEW.id);
END;
CREATE TRIGGER contact_changes_on_update AFTER UPDATE OF updated_at, trashed_at, uid ON contacts BEGIN
  INSERT OR REPLACE INTO contact_changes(contact_id) VALUES (NEW.id);
END;
CREATE TRIGGER contact_changes_on_delete AFTER DELETE ON contacts BEGIN
  INSERT OR REPLACE INTO contact_changes(contact_id, uid) VALUES (OLD.id, OLD.uid);
END;

CREATE TRIGGER health_on_tag_insert AFTER INSERT ON contact_labels WHEN NEW.kind = 2 BEGIN
  INSERT INTO health_dirty(contact_id) SELECT NEW.contact_id WHERE NOT EXISTS (SELECT 1 FROM health_dirty WHERE contact_id = NEW.contact_id);
END;
CREATE TRIGGER health_on_tag_update AFTER UPDATE ON contact_labels WHEN OLD.kind = 2 OR NEW.kind = 2 BEGIN
  INSERT INTO health_dirty(contact_id) SELECT OLD.contact_id WHERE NOT EXISTS (SELECT 1 FROM health_dirty WHERE contact_id = OLD.contact_id);
  INSERT INTO health_dirty(contact_id) SELECT NEW.contact_id WHERE NOT EXISTS (SELECT 1 FROM health_dirty WHERE contact_id = NEW.contact_id);
END;
CREATE TRIGGER health_on_tag_delete AFTER DELETE ON contact_labels WHEN OLD.kind = 2 BEGIN
  INSERT INTO health_dirty(contact_id) SELECT OLD.contact_id WHERE NOT EXISTS (SELECT 1 FROM health_dirty WHERE contact_id = OLD.contact_id);
END;
CREATE TRIGGER health_on_tag_cadence_insert AFTER INSERT ON settings
WHEN substr(NEW.key, 1, 12) = 'cadence.tag.' BEGIN
  INSERT INTO health_dirty(contact_id)
    SELECT DISTINCT contact_id FROM contact_labels WHERE kind = 2
    AND value_id IN (SELECT id FROM label_values WHERE folded = substr(NEW.key, 13))
    AND contact_id NOT IN (SELECT contact_id FROM health_dirty);
END;
CREATE TRIGGER health_on_tag_cadence_update AFTER UPDATE ON settings
WHEN substr(NEW.key, 1, 12) = 'cadence.tag.' BEGIN
  INSERT INTO health_dirty(contact_id)
    SELECT DISTINCT contact_id FROM contact_labels WHERE kind = 2
    AND value_id IN (SELECT id FROM label_values WHERE folded = substr(NEW.key, 13))
    AND contact_id NOT IN (SELECT contact_id FROM health_dirty);
END;
CREATE TRIGGER health_on_tag_cadence_delete AFTER DELETE ON settings
WHEN substr(OLD.key, 1, 12) = 'cadence.tag.' BEGIN
  INSERT INTO health_dirty(contact_id)
    SELECT DISTINCT contact_id FROM contact_labels WHERE kind = 2
    AND value_id IN (SELECT id FROM label_values WHERE folded = substr(OLD.key, 13))
    AND contact_id NOT IN (SELECT contact_id FROM health_dirty);
END;
)sql";

// Version 22: the search tables' rowids are the keys negated
// (search_rowid.h), so that FTS5 reads a doclist forwards, the most recent
// first, instead of parsing it backwards page by page. The tables stay as
// they are; the rebuild that follows writes every entry with its new rowid.
constexpr std::string_view kForwardSearchRowids = "-- the rebuild that follows lays the index out again";

// Version 23: a label's kind is checked by its range. SQLite checks `kind
// IN (0, 1, 2)` by building a table of the three values for every row it
// writes: 1.25 µs a row, more than the rest of the row's insert (0.75 µs),
// and 6 s of a million-person generated network's five million labels.
// The rows are copied into the same table with the new check, its index
// and triggers made again (the triggers on settings that name it are
// dropped first so the rename can take its name). The triggers' text is
// repeated from version 21 on purpose: each step is the schema as it was
// then.
constexpr std::string_view kLabelKindRange = R"sql(
DROP TRIGGER health_on_tag_cadence_insert;
DROP TRIGGER health_on_tag_cadence_update;
DROP TRIGGER health_on_tag_cadence_delete;

CREATE TABLE contact_labels_v23(
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  kind INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 2),
  position INTEGER NOT NULL,
  value_id INTEGER NOT NULL,
  PRIMARY KEY (contact_id, kind, position)
) WITHOUT ROWID;
INSERT INTO contact_labels_v23(contact_id, kind, position, value_id)
  SELECT contact_id, kind, position, value_id FROM contact_labels ORDER BY contact_id, kind, position;
DROP TABLE contact_labels;
ALTER TABLE contact_labels_v23 RENAME TO contact_labels;
CREATE INDEX contact_labels_by_value ON contact_labels(value_id, contact_id) WHERE kind = 2;

CREATE TRIGGER health_on_tag_insert AFTER INSERT ON contact_labels WHEN NEW.kind = 2 BEGIN
  INSERT INTO health_dirty(contact_id) SELECT NEW.contact_id WHERE NOT EXISTS (SELECT 1 FROM health_dirty WHERE contact_id = NEW.contact_id);
END;
CREATE TRIGGER health_on_tag_update AFTER UPDATE ON contact_labels WHEN OLD.kind = 2 OR NEW.kind = 2 BEGIN
  INSERT INTO health_dirty(contact_id) SELECT OLD.contact_id WHERE NOT EXISTS (SELECT 1 FROM health_dirty WHERE contact_id = OLD.contact_id);
  INSERT INTO health_dirty(contact_id) SELECT NEW.contact_id WHERE NOT EXISTS (SELECT 1 FROM health_dirty WHERE contact_id = NEW.contact_id);
END;
CREATE TRIGGER health_on_tag_delete AFTER DELETE ON contact_labels WHEN OLD.kind = 2 BEGIN
  INSERT INTO health_dirty(contact_id) SELECT OLD.contact_id WHERE NOT EXISTS (SELECT 1 FROM health_dirty WHERE contact_id = OLD.contact_id);
END;
CREATE TRIGGER health_on_tag_cadence_insert AFTER INSERT ON settings
WHEN substr(NEW.key, 1, 12) = 'cadence.tag.' BEGIN
  INSERT INTO health_dirty(contact_id)
    SELECT DISTINCT contact_id FROM contact_labels WHERE kind = 2
    AND value_id IN (SELECT id FROM label_values WHERE folded = substr(NEW.key, 13))
    AND contact_id NOT IN (SELECT contact_id FROM health_dirty);
END;
CREATE TRIGGER health_on_tag_cadence_update AFTER UPDATE ON settings
WHEN substr(NEW.key, 1, 12) = 'cadence.tag.' BEGIN
  INSERT INTO health_dirty(contact_id)
    SELECT DISTINCT contact_id FROM contact_labels WHERE kind = 2
    AND value_id IN (SELECT id FROM label_values WHERE folded = substr(NEW.key, 13))
    AND contact_id NOT IN (SELECT contact_id FROM health_dirty);
END;
CREATE TRIGGER health_on_tag_cadence_delete AFTER DELETE ON settings
WHEN substr(OLD.key, 1, 12) = 'cadence.tag.' BEGIN
  INSERT INTO health_dirty(contact_id)
    SELECT DISTINCT contact_id FROM contact_labels WHERE kind = 2
    AND value_id IN (SELECT id FROM label_values WHERE folded = substr(OLD.key, 13))
    AND contact_id NOT IN (SELECT contact_id FROM health_dirty);
END;
)sql";

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = {
      {kVersion1, false},
      {kVersion2, true},
      {kVersion3, false},
      {kVersion4, false},
      {kVersion5, false},
      {kCardImages, false},
      {kWebSessions, false},
      {kNamesakeIndex, false},
      {kCardDav, false},
      {kDevices, false},
      {kCompanyFamilyIndex, false},
      {kCardFields, true},
      {kMergeJournal, false},
      {kDeliveryLabel, false},
      {kStoredHealth, false},
      {kCalendarRevision, false},
      {kPrivateRows, false},
      {kNotesTier, true},
      {kLeanSearchIndex, true},
      {kSearchKeyShift, true},
      {kSharedLabelTexts, false},
      {kForwardSearchRowids, true},
      {kLabelKindRange, false},
  };
  return kMigrations;
}

}  // namespace kith::sqlite
