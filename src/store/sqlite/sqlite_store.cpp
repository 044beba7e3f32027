#include "store/sqlite/sqlite_store.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <set>

#include "domain/utf8.h"
#include "store/column_lists.h"
#include "store/search_document.h"
#include "store/sqlite/label_kinds.h"
#include "store/sqlite/list_where.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/row_values.h"
#include "store/sqlite/search_rowid.h"
#include "store/upgrade_notice.h"

namespace kith {

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, OpenIntent intent) {
  KITH_ASSIGN_OR_RETURN(auto store, sqlite::SqliteStore::Open(path, intent));
  return std::unique_ptr<Store>(std::move(store));
}

int CurrentSchemaVersion() { return static_cast<int>(sqlite::Migrations().size()); }

namespace sqlite {
namespace {

// Page caches (PRAGMA cache_size, negative: KiB): 64 MiB inside a write
// transaction, SQLite's own default (about 2 MiB) for reads.
constexpr const char* kWriteCacheSize = "-65536";
constexpr const char* kReadCacheSize = "-2000";

// A rebuild of fewer cards than this takes about a second (BENCHMARKS.md):
// not worth a word.
constexpr std::int64_t kCardsWorthANotice = 10000;

// Says, before it starts, that the upgrade of `path` to `version` indexes
// every card again, when there are enough of them to make the wait long.
void NoticeLongRebuild(Database& database, const std::string& path, int version) {
  auto count = database.Prepare("SELECT count(*) FROM contacts");
  if (!count) return;
  const auto row = count->Step();
  if (!row || !*row || count->Int(0) < kCardsWorthANotice) return;
  NoticeUpgrade("upgrading '" + path + "' to schema version " + std::to_string(version) +
                ": its search index is built again, once, for " + std::to_string(count->Int(0)) +
                " people (a few minutes at a million)");
}

constexpr std::string_view kContactColumns =
    "id, uid, display_name, given_name, family_name, company, title, website, city, "
    "neighborhood, hometown, how_met, met_at, met_on, open_to_opportunities, looking_for, "
    "open_since, notes, last_contact, created_at, updated_at, trashed_at, kind, nickname, role, departments, "
    "birthday, anniversary";

Contact ContactFromRow(const Statement& row) {
  Contact contact;
  contact.id = ContactId{row.Int(0)};
  contact.uid = row.Text(1);
  contact.display_name = row.Text(2);
  contact.given_name = row.Text(3);
  contact.family_name = row.Text(4);
  contact.company = row.Text(5);
  contact.title = row.Text(6);
  contact.website = row.Text(7);
  contact.city = row.Text(8);
  contact.neighborhood = row.Text(9);
  contact.hometown = row.Text(10);
  contact.how_met = row.Text(11);
  contact.met_at = row.Text(12);
  contact.met_on = OptionalDate(row, 13);
  contact.open_to_opportunities = row.Int(14) != 0;
  contact.looking_for = row.Text(15);
  contact.open_since = OptionalDate(row, 16);
  contact.notes = row.Text(17);
  contact.last_contact = OptionalDate(row, 18);
  contact.created_at = row.Text(19);
  contact.updated_at = row.Text(20);
  contact.trashed_at = row.OptionalText(21);
  contact.kind = row.Text(22);
  contact.nickname = row.Text(23);
  contact.role = row.Text(24);
  contact.departments = SplitLines(row.Text(25), '\n');
  contact.birthday = OptionalPartialDate(row, 26);
  contact.anniversary = OptionalPartialDate(row, 27);
  return contact;
}

// The FTS5 table a tier reads: the widest tier asks search_cards for the
// fields or the marked notes (notes_tier.h).
std::string_view TableName(SearchTable table) {
  return table == SearchTable::kNames ? "search_names" : "search_cards";
}

// Where the notes are in a SearchDocument (kSearchColumns).
constexpr std::size_t kNoteColumn = 12;

// Runs a statement without results from the connection's cache: for the
// small ones run again and again, which Execute would parse each time.
Status RunCached(Database& database, std::string_view sql) {
  KITH_ASSIGN_OR_RETURN(auto statement, database.Prepare(sql));
  return statement.Run();
}

}  // namespace

std::string ListWhere(const ListQuery& query, TagJoin join) {
  std::string where = query.trashed ? "trashed_at IS NOT NULL" : "trashed_at IS NULL";
  if (!query.tag.empty()) {
    where += join == TagJoin::kMembers
                 ? " AND id IN (SELECT contact_id FROM contact_labels WHERE " +
                       IsTagFoldedAs("contact_labels", "?1") + ")"
                 : " AND EXISTS (SELECT 1 FROM contact_labels WHERE contact_id = contacts.id AND " +
                       IsTagFoldedAs("contact_labels", "?1") + ")";
  }
  // Met there: first met there (met_at), or met again there (a follow-up
  // for that event), as event mode records someone already on the list.
  if (!query.event.empty()) {
    where +=
        " AND (met_at = ?2 COLLATE NOCASE OR id IN (SELECT r.contact_id FROM reminders r JOIN events e ON "
        "e.id = r.event_id WHERE e.name = ?2 COLLATE NOCASE AND r.kind = 'follow-up'))";
  }
  return where;
}

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path, OpenIntent intent) {
  struct stat info {};
  OpenMode mode = intent == OpenIntent::kReadOnly ? OpenMode::kReadOnly : OpenMode::kReadWrite;
  const bool exists = stat(path.c_str(), &info) == 0;
  if (exists) {
    if (S_ISDIR(info.st_mode)) {
      return Fail(ErrorCode::kIo, "database path '" + path + "' is a directory; give the path of a file",
                  "db");
    }
    if (access(path.c_str(), R_OK) != 0) {
      return Fail(ErrorCode::kIo, "database '" + path + "' cannot be read (permission denied)", "db");
    }
    // A file we may not write is still worth reading: list and search work,
    // and every write says clearly why it cannot happen.
    if (access(path.c_str(), W_OK) != 0) mode = OpenMode::kReadOnly;
  } else if (mode == OpenMode::kReadOnly) {
    return Fail(ErrorCode::kNotFound, "database '" + path + "' does not exist", "db");
  }
  KITH_ASSIGN_OR_RETURN(auto database, Database::Open(path, mode));
  KITH_RETURN_IF_ERROR(database->Execute("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;"));
  if (mode == OpenMode::kReadWrite && (!exists || info.st_size == 0)) {
    // A bulk write's merge of its search segments frees as many pages as
    // the index holds (a quarter of a generated 1M file); in incremental
    // mode the bulk gives them back to the file system at its end
    // (ReclaimFreePages). The mode can only be chosen before the first page
    // is written: before WAL.
    KITH_RETURN_IF_ERROR(database->Execute("PRAGMA auto_vacuum = INCREMENTAL"));
  }
  if (mode == OpenMode::kReadWrite) {
    // WAL lets readers run beside the writer; synchronous=FULL makes every
    // commit that kith reported as saved survive a power cut.
    KITH_RETURN_IF_ERROR(database->Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"));
  }
  // Reads keep SQLite's default page cache; write transactions raise it
  // (BeginTransaction). A read-only connection (the server's readers, a
  // read-only file) maps the file instead of copying each page it reads
  // into its cache: `kith serve`'s typeahead spent a fifth of its time in
  // pread and the copies (BENCHMARKS.md). The mapped pages count in the
  // server's resident size (page cache the kernel may drop), so the map
  // stops at 256 MiB: the server stays under its 300 MB; a larger file is
  // read beyond it as before.
  if (mode == OpenMode::kReadOnly) KITH_RETURN_IF_ERROR(database->Execute("PRAGMA mmap_size = 268435456"));
  KITH_ASSIGN_OR_RETURN(auto tokenizer, FtsTokenizer::Create(*database));
  auto store = std::unique_ptr<SqliteStore>(new SqliteStore(std::move(database), std::move(tokenizer)));
  KITH_RETURN_IF_ERROR(store->Migrate());
  return store;
}

Status SqliteStore::Migrate() {
  int version = 0;
  {
    KITH_ASSIGN_OR_RETURN(auto version_query, database_->Prepare("PRAGMA user_version"));
    KITH_ASSIGN_OR_RETURN(const bool has_version, version_query.Step());
    if (has_version) version = static_cast<int>(version_query.Int(0));
  }  // the query ends here: a step that drops a table waits for every statement to finish
  const int latest = CurrentSchemaVersion();
  const std::string& path = database_->path();
  if (version > latest) {
    return Fail(ErrorCode::kConflict,
                "database '" + path + "' was written by a newer kith (schema version " +
                    std::to_string(version) + "; this kith knows up to " + std::to_string(latest) +
                    "): upgrade kith to open it",
                "db");
  }
  if (version == 0) {
    KITH_ASSIGN_OR_RETURN(auto tables, database_->Prepare("SELECT count(*) FROM sqlite_master"));
    KITH_ASSIGN_OR_RETURN(const bool has_row, tables.Step());
    if (has_row && tables.Int(0) > 0) {
      return Fail(ErrorCode::kIo, "'" + path + "' is an SQLite file but not a kith database", "db");
    }
  }
  if (version == latest) return Ok();
  if (database_->mode() == OpenMode::kReadOnly) {
    return Fail(ErrorCode::kIo,
                "database '" + path + "' needs upgrading to schema version " + std::to_string(latest) +
                    " but is read-only",
                "db");
  }
  const auto& steps = Migrations();
  // All pending steps are one transaction: a failed upgrade leaves the file
  // exactly as it was. The search index is rebuilt once, after the last step,
  // because rebuilding reads cards with this build's code, which expects the
  // latest schema.
  KITH_RETURN_IF_ERROR(database_->Execute("BEGIN IMMEDIATE"));
  bool rebuild = false;
  Status applied = Ok();
  for (int step = version; step < latest && applied; ++step) {
    const Migration& migration = steps.at(static_cast<std::size_t>(step));
    applied = database_->Execute(migration.sql);
    rebuild = rebuild || migration.rebuilds_search_index;
  }
  if (applied && rebuild) {
    NoticeLongRebuild(*database_, path, latest);
    applied = RebuildSearchIndex();
  }
  // A step that copies a table leaves the old one's pages free.
  if (applied) applied = ReclaimFreePages();
  if (applied) applied = database_->Execute("PRAGMA user_version = " + std::to_string(latest));
  if (!applied) {
    (void)database_->Execute("ROLLBACK");
    return Fail(ErrorCode::kInternal, "upgrading '" + path + "' from schema version " +
                                          std::to_string(version) + " to " + std::to_string(latest) +
                                          " failed: " + applied.error().message);
  }
  KITH_RETURN_IF_ERROR(database_->Execute("COMMIT"));
  return Ok();
}

Result<Transaction> SqliteStore::Begin() { return BeginTransaction(false); }

Result<Transaction> SqliteStore::BeginTransaction(bool bulk) {
  if (database_->mode() == OpenMode::kReadOnly) {
    return Fail(ErrorCode::kIo, "database '" + database_->path() + "' is read-only: kith cannot write to it",
                "db");
  }
  if (in_transaction_) return Fail(ErrorCode::kInternal, "a transaction is already open");
  if (snapshot_held_) return Fail(ErrorCode::kInternal, "a write cannot begin inside a read snapshot");
  // A bulk write keeps its temporary data in memory: the staged index
  // entries, and the statement journal SQLite writes for every INSERT that
  // fires a trigger (on disk it was a pwrite per row). It must be set before
  // BEGIN: the journal's place is chosen when the transaction starts.
  if (bulk) KITH_RETURN_IF_ERROR(database_->Execute("PRAGMA temp_store = MEMORY"));
  // A large write re-reads index pages a small cache has dropped: 64 MiB
  // keeps them while it lasts. Reads go back to the small one, so a read
  // that walks every contact (kith ics of 100k reminders) does not hold
  // 64 MiB of pages it reads once.
  KITH_RETURN_IF_ERROR(database_->Execute(std::string("PRAGMA cache_size = ") + kWriteCacheSize));
  const auto read_cache = [this]() {
    (void)database_->Execute(std::string("PRAGMA cache_size = ") + kReadCacheSize);
  };
  if (auto begun = database_->Execute("BEGIN IMMEDIATE"); !begun) {
    if (bulk) (void)database_->Execute("PRAGMA temp_store = DEFAULT");
    read_cache();
    return tl::unexpected(begun.error());
  }
  in_transaction_ = true;
  if (bulk) {
    if (auto started = StartBulk(); !started) {
      (void)database_->Execute("ROLLBACK");
      in_transaction_ = false;
      EndBulk();
      read_cache();
      return tl::unexpected(started.error());
    }
    bulk_.collects_vocabulary = true;
  }
  return Transaction(
      [this, read_cache]() -> Status {
        // The staged index entries go in inside the transaction: a crash
        // before COMMIT leaves neither the cards nor their entries.
        if (bulk_.active) {
          KITH_RETURN_IF_ERROR(IndexStaged());
          KITH_RETURN_IF_ERROR(WriteBulkVocabulary());
        }
        KITH_RETURN_IF_ERROR(database_->Execute("COMMIT"));
        in_transaction_ = false;
        EndBulk();
        read_cache();
        return Ok();
      },
      [this, read_cache]() {
        (void)database_->Execute("ROLLBACK");
        in_transaction_ = false;
        EndBulk();
        read_cache();
      });
}

Result<Transaction> SqliteStore::ReadSnapshot() {
  // A write transaction or an outer snapshot already holds one.
  if (in_transaction_ || snapshot_held_) return Transaction([]() -> Status { return Ok(); }, []() {});
  // Cached statements: kith serve takes a snapshot on every read lease
  // (http/store_pool.cpp), and sqlite3_exec would parse them each time.
  KITH_RETURN_IF_ERROR(RunCached(*database_, "SAVEPOINT kith_snapshot"));
  snapshot_held_ = true;
  const auto release = [this]() -> Status {
    snapshot_held_ = false;
    Status released = RunCached(*database_, "RELEASE kith_snapshot");
    // A snapshot left open would show this connection's later readers the
    // database as it was: whatever failed, it ends here.
    if (!released) (void)database_->Execute("ROLLBACK");
    return released;
  };
  return Transaction(release, [release]() { (void)release(); });
}

std::string SqliteStore::SortName(std::string_view display_name) const {
  return tokenizer_->Folded(display_name);
}

std::vector<std::string> SqliteStore::SearchTerms(std::string_view text) const {
  std::vector<std::string> terms;
  tokenizer_->Tokenize(text, terms);
  return terms;
}

void SqliteStore::BindFields(Statement& statement, const ContactFields& fields, const std::string& sort_name,
                             const std::string& now) {
  statement.Bind(2, fields.display_name)
      .Bind(3, fields.given_name)
      .Bind(4, fields.family_name)
      .Bind(5, sort_name)
      .Bind(6, fields.company)
      .Bind(7, fields.title)
      .Bind(8, fields.website)
      .Bind(9, fields.city)
      .Bind(10, fields.neighborhood)
      .Bind(11, fields.hometown)
      .Bind(12, fields.how_met)
      .Bind(13, fields.met_at)
      .Bind(14, IsoOrNull(fields.met_on))
      .Bind(15, fields.open_to_opportunities ? 1 : 0)
      .Bind(16, fields.looking_for)
      .Bind(17, IsoOrNull(fields.open_since))
      .Bind(18, fields.notes)
      .Bind(19, now)
      .Bind(20, fields.kind)
      .Bind(21, fields.nickname)
      .Bind(22, fields.role)
      .Bind(23, JoinLines(fields.departments, '\n'))
      .Bind(24, IsoOrNull(fields.birthday))
      .Bind(25, IsoOrNull(fields.anniversary));
}

Result<ContactId> SqliteStore::InsertRow(const ContactFields& fields, const std::string& uid,
                                         const std::string& now) {
  KITH_ASSIGN_OR_RETURN(
      auto insert, database_->Prepare(
                       "INSERT INTO contacts(uid, display_name, given_name, family_name, sort_name, company, "
                       "title, website, city, neighborhood, hometown, how_met, met_at, met_on, "
                       "open_to_opportunities, looking_for, open_since, notes, created_at, updated_at, "
                       "kind, nickname, role, departments, birthday, anniversary) "
                       "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
                       "?18, ?19, ?19, ?20, ?21, ?22, ?23, ?24, ?25)"));
  const std::string sort_name = SortName(fields.display_name);
  insert.Bind(1, uid);
  BindFields(insert, fields, sort_name, now);
  KITH_RETURN_IF_ERROR(insert.Run());
  FilterCardKeys(uid, sort_name, fields.company);
  return ContactId{database_->LastInsertRowId()};
}

Status SqliteStore::WriteChildren(ContactId id, const ContactFields& fields) {
  FilterListKeys(fields);
  // A statement is prepared only for a list the card has: most cards of an
  // import have one or two lists of the five, and each statement taken from
  // the cache and reset costs about as much as a short row.
  if (!fields.emails.empty()) {
    KITH_ASSIGN_OR_RETURN(
        auto email,
        database_->Prepare("INSERT INTO contact_emails(contact_id, position, address) VALUES(?1, ?2, ?3)"));
    for (std::size_t i = 0; i < fields.emails.size(); ++i) {
      email.Bind(1, id.value).Bind(2, static_cast<std::int64_t>(i)).Bind(3, fields.emails[i]);
      KITH_RETURN_IF_ERROR(email.Run());
    }
  }
  if (!fields.phones.empty()) {
    KITH_ASSIGN_OR_RETURN(
        auto phone,
        database_->Prepare(
            "INSERT INTO contact_phones(contact_id, position, original, e164) VALUES(?1, ?2, ?3, ?4)"));
    for (std::size_t i = 0; i < fields.phones.size(); ++i) {
      phone.Bind(1, id.value)
          .Bind(2, static_cast<std::int64_t>(i))
          .Bind(3, fields.phones[i].original)
          .Bind(4, fields.phones[i].e164);
      KITH_RETURN_IF_ERROR(phone.Run());
    }
  }
  if (!fields.links.empty()) {
    KITH_ASSIGN_OR_RETURN(
        auto link,
        database_->Prepare("INSERT INTO contact_links(contact_id, position, kind, url, connected, followed, "
                           "connected_on) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    for (std::size_t i = 0; i < fields.links.size(); ++i) {
      const Link& value = fields.links[i];
      link.Bind(1, id.value)
          .Bind(2, static_cast<std::int64_t>(i))
          .Bind(3, LinkKindName(value.kind))
          .Bind(4, value.url)
          .Bind(5, value.connected ? 1 : 0)
          .Bind(6, value.followed ? 1 : 0)
          .Bind(7, IsoOrNull(value.connected_on));
      KITH_RETURN_IF_ERROR(link.Run());
    }
  }
  KITH_RETURN_IF_ERROR(WriteLabels(id, fields));
  KITH_RETURN_IF_ERROR(WriteCardDetails(id, fields));
  return WriteExtras(id, fields);
}

Status SqliteStore::WriteLabels(ContactId id, const ContactFields& fields) {
  if (fields.tags.empty() && fields.skills.empty() && fields.interests.empty()) return Ok();
  KITH_ASSIGN_OR_RETURN(
      auto label,
      database_->Prepare("INSERT INTO contact_labels(contact_id, kind, position, value_id) "
                         "SELECT ?1, ?2, ?3, id FROM label_values WHERE folded = ?4 AND value = ?5"));
  KITH_ASSIGN_OR_RETURN(auto text,
                        database_->Prepare("INSERT INTO label_values(folded, value) VALUES(?1, ?2)"));
  // Each text is written once in label_values (label_kinds.h) and a row
  // names it: the row is written from the text's entry, and a text seen for
  // the first time is added and the row written again (one statement a
  // label when the text is known, as nearly all are). A bulk keeps each
  // text's id (LabelTextInBulk) and writes the row by value.
  KITH_ASSIGN_OR_RETURN(auto row, database_->Prepare("INSERT INTO contact_labels(contact_id, kind, position, "
                                                     "value_id) VALUES(?1, ?2, ?3, ?4)"));
  const auto write_labels = [&](std::int64_t kind, const std::vector<std::string>& values) -> Status {
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (bulk_.active) {
        KITH_ASSIGN_OR_RETURN(const std::int64_t value_id, LabelTextInBulk(values[i]));
        row.Bind(1, id.value).Bind(2, kind).Bind(3, static_cast<std::int64_t>(i)).Bind(4, value_id);
        KITH_RETURN_IF_ERROR(row.Run());
        continue;
      }
      const std::string folded = SortName(values[i]);
      label.Bind(1, id.value)
          .Bind(2, kind)
          .Bind(3, static_cast<std::int64_t>(i))
          .Bind(4, folded)
          .Bind(5, values[i]);
      KITH_RETURN_IF_ERROR(label.Run());
      if (database_->Changes() > 0) continue;
      text.Bind(1, folded).Bind(2, values[i]);
      KITH_RETURN_IF_ERROR(text.Run());
      KITH_RETURN_IF_ERROR(label.Run());
    }
    return Ok();
  };
  KITH_RETURN_IF_ERROR(write_labels(kTagKind, fields.tags));
  if (!fields.tags.empty()) KITH_RETURN_IF_ERROR(MarkTagsChanged(id));
  KITH_RETURN_IF_ERROR(write_labels(kSkillKind, fields.skills));
  return write_labels(kInterestKind, fields.interests);
}

Result<std::int64_t> SqliteStore::LabelTextInBulk(const std::string& value) {
  if (const auto known = bulk_.label_ids.find(value); known != bulk_.label_ids.end()) return known->second;
  const std::string folded = SortName(value);
  std::optional<std::int64_t> text;
  {
    KITH_ASSIGN_OR_RETURN(auto find,
                          database_->Prepare("SELECT id FROM label_values WHERE folded = ?1 AND value = ?2"));
    find.Bind(1, folded).Bind(2, value);
    KITH_ASSIGN_OR_RETURN(const bool found, find.Step());
    if (found) text = find.Int(0);
  }
  if (!text) {
    KITH_ASSIGN_OR_RETURN(auto add,
                          database_->Prepare("INSERT INTO label_values(folded, value) VALUES(?1, ?2)"));
    add.Bind(1, folded).Bind(2, value);
    KITH_RETURN_IF_ERROR(add.Run());
    text = database_->LastInsertRowId();
  }
  bulk_.label_ids.emplace(value, *text);
  return *text;
}

Status SqliteStore::MarkTagsChanged(ContactId id) {
  // health_on_tag_insert does this row by row, except while a bulk write has
  // it deferred (bulk_index.cpp): then a card of before the bulk is marked
  // here; a new card is marked at the bulk's end with the rest. (Today the
  // UPDATE of the card's row that comes before its labels marks it too; the
  // mark should not depend on that.)
  if (bulk_.deferred_schema.empty() || Staged(id)) return Ok();
  KITH_ASSIGN_OR_RETURN(auto mark,
                        database_->Prepare("INSERT OR IGNORE INTO health_dirty(contact_id) VALUES(?1)"));
  mark.Bind(1, id.value);
  return mark.Run();
}

Status SqliteStore::WriteCardDetails(ContactId id, const ContactFields& fields) {
  if (!fields.value_types.empty()) {
    KITH_ASSIGN_OR_RETURN(
        auto type,
        database_->Prepare("INSERT INTO contact_value_types(contact_id, position, property, value, "
                           "types, pref, label) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    for (std::size_t i = 0; i < fields.value_types.size(); ++i) {
      const ValueType& value = fields.value_types[i];
      type.Bind(1, id.value)
          .Bind(2, static_cast<std::int64_t>(i))
          .Bind(3, value.property)
          .Bind(4, value.value)
          .Bind(5, JoinLines(value.types, ','))
          .Bind(6, static_cast<std::int64_t>(value.pref))
          .Bind(7, value.label);
      KITH_RETURN_IF_ERROR(type.Run());
    }
  }
  if (fields.addresses.empty()) return Ok();
  KITH_ASSIGN_OR_RETURN(
      auto address,
      database_->Prepare("INSERT INTO contact_addresses(contact_id, position, types, pref, label, po_box, "
                         "extended, street, locality, region, postal_code, country, delivery_label) "
                         "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"));
  for (std::size_t i = 0; i < fields.addresses.size(); ++i) {
    const Address& value = fields.addresses[i];
    address.Bind(1, id.value)
        .Bind(2, static_cast<std::int64_t>(i))
        .Bind(3, JoinLines(value.types, ','))
        .Bind(4, static_cast<std::int64_t>(value.pref))
        .Bind(5, value.label)
        .Bind(6, value.po_box)
        .Bind(7, value.extended)
        .Bind(8, value.street)
        .Bind(9, value.locality)
        .Bind(10, value.region)
        .Bind(11, value.postal_code)
        .Bind(12, value.country)
        .Bind(13, value.delivery_label);
    KITH_RETURN_IF_ERROR(address.Run());
  }
  return Ok();
}

Status SqliteStore::WriteExtras(ContactId id, const ContactFields& fields) {
  if (fields.custom.empty() && fields.photo.empty() && fields.vcard_properties.empty()) return Ok();
  KITH_ASSIGN_OR_RETURN(
      auto extra, database_->Prepare("INSERT INTO contact_extras(contact_id, kind, position, label, value) "
                                     "VALUES(?1, ?2, ?3, ?4, ?5)"));
  const auto write = [&](std::string_view kind, std::size_t position, std::string_view label,
                         std::string_view value) -> Status {
    extra.Bind(1, id.value)
        .Bind(2, kind)
        .Bind(3, static_cast<std::int64_t>(position))
        .Bind(4, label)
        .Bind(5, value);
    return extra.Run();
  };
  for (std::size_t i = 0; i < fields.custom.size(); ++i) {
    KITH_RETURN_IF_ERROR(write("custom", i, fields.custom[i].label, fields.custom[i].value));
  }
  if (!fields.photo.empty()) KITH_RETURN_IF_ERROR(write("photo", 0, "", fields.photo));
  for (std::size_t i = 0; i < fields.vcard_properties.size(); ++i) {
    KITH_RETURN_IF_ERROR(write("vcard", i, "", fields.vcard_properties[i]));
  }
  return Ok();
}

Status SqliteStore::DeleteChildren(ContactId id) {
  for (std::string_view table : {"contact_emails", "contact_phones", "contact_links", "contact_labels",
                                 "contact_extras", "contact_value_types", "contact_addresses"}) {
    KITH_ASSIGN_OR_RETURN(auto remove,
                          database_->Prepare("DELETE FROM " + std::string(table) + " WHERE contact_id = ?1"));
    remove.Bind(1, id.value);
    KITH_RETURN_IF_ERROR(remove.Run());
  }
  return Ok();
}

Status SqliteStore::LoadChildren(std::map<std::int64_t, Contact>& contacts, const std::string& ids_json) {
  // One query per table for the whole batch: the ids come as a JSON array,
  // and each table is read through its (contact_id, …) key.
  const auto each_row = [&](std::string_view sql, const auto& take) -> Status {
    KITH_ASSIGN_OR_RETURN(auto select, database_->Prepare(sql));
    select.Bind(1, ids_json);
    while (true) {
      KITH_ASSIGN_OR_RETURN(const bool row, select.Step());
      if (!row) break;
      const auto found = contacts.find(select.Int(0));
      if (found == contacts.end()) continue;
      KITH_RETURN_IF_ERROR(take(select, found->second));
    }
    return Ok();
  };
  constexpr std::string_view kInBatch = " WHERE contact_id IN (SELECT value FROM json_each(?1)) ";
  KITH_RETURN_IF_ERROR(each_row(std::string("SELECT contact_id, address FROM contact_emails") +
                                    std::string(kInBatch) + "ORDER BY contact_id, position",
                                [](const Statement& row, Contact& contact) -> Status {
                                  contact.emails.push_back(row.Text(1));
                                  return Ok();
                                }));
  KITH_RETURN_IF_ERROR(each_row(std::string("SELECT contact_id, original, e164 FROM contact_phones") +
                                    std::string(kInBatch) + "ORDER BY contact_id, position",
                                [](const Statement& row, Contact& contact) -> Status {
                                  contact.phones.push_back(Phone{row.Text(1), row.Text(2)});
                                  return Ok();
                                }));
  KITH_RETURN_IF_ERROR(each_row(
      std::string("SELECT contact_id, kind, url, connected, followed, connected_on FROM contact_links") +
          std::string(kInBatch) + "ORDER BY contact_id, position",
      [](const Statement& row, Contact& contact) -> Status {
        Link link;
        KITH_ASSIGN_OR_RETURN(link.kind, EnumColumn(row, 1, "contact_links", "kind", ParseLinkKind));
        link.url = row.Text(2);
        link.connected = row.Int(3) != 0;
        link.followed = row.Int(4) != 0;
        link.connected_on = OptionalDate(row, 5);
        contact.links.push_back(std::move(link));
        return Ok();
      }));
  KITH_RETURN_IF_ERROR(
      each_row(std::string("SELECT l.contact_id, l.kind, v.value FROM contact_labels l "
                           "JOIN label_values v ON v.id = l.value_id WHERE l.contact_id IN "
                           "(SELECT value FROM json_each(?1)) ") +
                   "ORDER BY l.contact_id, l.kind, l.position",
               [](const Statement& row, Contact& contact) -> Status {
                 const std::int64_t kind = row.Int(1);
                 std::vector<std::string>* target = kind == kTagKind        ? &contact.tags
                                                    : kind == kSkillKind    ? &contact.skills
                                                    : kind == kInterestKind ? &contact.interests
                                                                            : nullptr;
                 if (target == nullptr) {
                   return tl::unexpected(UnknownValue("contact_labels", "kind", std::to_string(kind)));
                 }
                 target->push_back(row.Text(2));
                 return Ok();
               }));
  KITH_RETURN_IF_ERROR(each_row(std::string("SELECT contact_id, kind, label, value FROM contact_extras") +
                                    std::string(kInBatch) + "ORDER BY contact_id, kind, position",
                                [](const Statement& row, Contact& contact) -> Status {
                                  const std::string kind = row.Text(1);
                                  if (kind == "custom") {
                                    contact.custom.push_back(CustomField{row.Text(2), row.Text(3)});
                                  } else if (kind == "photo") {
                                    contact.photo = row.Text(3);
                                  } else if (kind == "vcard") {
                                    contact.vcard_properties.push_back(row.Text(3));
                                  } else {
                                    return tl::unexpected(UnknownValue("contact_extras", "kind", kind));
                                  }
                                  return Ok();
                                }));
  KITH_RETURN_IF_ERROR(each_row(
      std::string("SELECT contact_id, property, value, types, pref, label FROM contact_value_types") +
          std::string(kInBatch) + "ORDER BY contact_id, position",
      [](const Statement& row, Contact& contact) -> Status {
        contact.value_types.push_back(ValueType{row.Text(1), row.Text(2), SplitLines(row.Text(3), ','),
                                                static_cast<int>(row.Int(4)), row.Text(5)});
        return Ok();
      }));
  return each_row(
      std::string("SELECT contact_id, types, pref, label, po_box, extended, street, locality, "
                  "region, postal_code, country, delivery_label FROM contact_addresses") +
          std::string(kInBatch) + "ORDER BY contact_id, position",
      [](const Statement& row, Contact& contact) -> Status {
        contact.addresses.push_back(Address{SplitLines(row.Text(1), ','), static_cast<int>(row.Int(2)),
                                            row.Text(3), row.Text(4), row.Text(5), row.Text(6), row.Text(7),
                                            row.Text(8), row.Text(9), row.Text(10), row.Text(11)});
        return Ok();
      });
}

Result<std::map<std::int64_t, Contact>> SqliteStore::LoadContacts(const std::vector<ContactId>& ids) {
  const std::string ids_json = IdsJson(ids);
  KITH_ASSIGN_OR_RETURN(auto select,
                        database_->Prepare("SELECT " + std::string(kContactColumns) +
                                           " FROM contacts WHERE id IN (SELECT value FROM json_each(?1))"));
  select.Bind(1, ids_json);
  std::map<std::int64_t, Contact> contacts;
  while (true) {
    KITH_ASSIGN_OR_RETURN(const bool row, select.Step());
    if (!row) break;
    Contact contact = ContactFromRow(select);
    const std::int64_t id = contact.id.value;
    contacts.emplace(id, std::move(contact));
  }
  KITH_RETURN_IF_ERROR(LoadChildren(contacts, ids_json));
  return contacts;
}

SearchDocument SqliteStore::IndexedDocument(const FtsTokenizer& tokenizer, const Contact& contact,
                                            std::vector<std::string>& terms) {
  // The notes are indexed as marked terms (notes_tier.h): no column may hold
  // the mark of its own, and the vocabulary counts the terms unmarked.
  SearchDocument document = BuildSearchDocument(contact);
  for (auto& column : document) column = WithoutNoteMark(std::move(column));
  for (std::size_t i = 0; i < kNoteColumn; ++i) tokenizer.Tokenize(document.at(i), terms);
  std::vector<std::string> note_terms;
  tokenizer.Tokenize(document[kNoteColumn], note_terms);
  document[kNoteColumn] = MarkedNoteTerms(note_terms);
  terms.insert(terms.end(), note_terms.begin(), note_terms.end());
  return document;
}

Status SqliteStore::IndexContact(const Contact& contact, int sign, VocabularyDelta& vocabulary) {
  if (Staged(contact.id) && bulk_.collects_vocabulary) return StageInBackground({contact}, sign);
  std::vector<std::string> terms;
  const SearchDocument document = IndexedDocument(*tokenizer_, contact, terms);
  const bool remove = sign < 0;
  if (Staged(contact.id)) {
    // Staged keys have the widest layout; IndexStaged lays them out.
    KITH_RETURN_IF_ERROR(StageIndexEntry(contact.id, SearchKey(contact), document, remove));
  } else {
    KITH_ASSIGN_OR_RETURN(const int shift, SearchKeyShift());
    if ((contact.id.value >> shift) != 0) {
      return Fail(ErrorCode::kInternal, "contact " + std::to_string(contact.id.value) +
                                            " does not fit the search index's keys of " +
                                            std::to_string(shift) + " bits: they were not widened first");
    }
    KITH_RETURN_IF_ERROR(WriteIndexEntry(SearchKey(contact, shift), document, remove));
  }
  // A bulk transaction sums its counts until its COMMIT (ApplyVocabulary):
  // counted there at once, each term is not counted twice. A write that
  // fails fails the whole bulk, so nothing counted is ever written alone.
  CountTerms(terms, sign, bulk_.collects_vocabulary ? bulk_.vocabulary : vocabulary);
  return Ok();
}

Status SqliteStore::WriteIndexEntry(std::int64_t key, const SearchDocument& document, bool remove) {
  // Contentless FTS5 tables delete an entry through the 'delete' command with
  // the exact values that were indexed, which the document recomputes.
  KITH_ASSIGN_OR_RETURN(
      auto names, database_->Prepare(
                      remove ? "INSERT INTO search_names(search_names, rowid, name) VALUES('delete', ?1, ?2)"
                             : "INSERT INTO search_names(rowid, name) VALUES(?1, ?2)"));
  const std::int64_t rowid = SearchRowid(key);
  names.Bind(1, rowid).Bind(2, document[0]);
  KITH_RETURN_IF_ERROR(names.Run());

  // search_cards holds every field and the marked notes (migrations.cpp,
  // kLeanSearchIndex); a card without notes leaves the note column empty.
  static const std::string kColumns =
      "name, company, title, email, phone, place, tag, skill, interest, met, web, other, note";
  static const std::string kCardsInsert =
      "INSERT INTO search_cards(rowid, " + kColumns +
      ") VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
  static const std::string kCardsDelete =
      "INSERT INTO search_cards(search_cards, rowid, " + kColumns +
      ") VALUES('delete', ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
  KITH_ASSIGN_OR_RETURN(auto cards, database_->Prepare(remove ? kCardsDelete : kCardsInsert));
  cards.Bind(1, rowid);
  for (int i = 0; i < 13; ++i) cards.Bind(i + 2, document.at(static_cast<std::size_t>(i)));
  return cards.Run();
}

Status SqliteStore::ApplyVocabulary(const VocabularyDelta& vocabulary) {
  // A bulk's new cards bring about one new term each (a profile URL's own
  // suffix, an email's name): written batch by batch, in the hash's order,
  // they landed all over a table of a million terms; summed, they go in once
  // at the end, in the table's order.
  if (bulk_.collects_vocabulary) {
    for (const auto& [term, delta] : vocabulary) bulk_.vocabulary[term] += delta;
    return Ok();
  }
  return WriteVocabulary(vocabulary);
}

Status SqliteStore::WriteBulkVocabulary() {
  bulk_.collects_vocabulary = false;
  if (stager_) stager_->Wait();
  for (const auto& [term, delta] : bulk_.staged_vocabulary) bulk_.vocabulary[term] += delta;
  bulk_.staged_vocabulary.clear();
  KITH_RETURN_IF_ERROR(WriteVocabulary(bulk_.vocabulary));
  bulk_.vocabulary.clear();
  return Ok();
}

Status SqliteStore::WriteVocabulary(const VocabularyDelta& vocabulary) {
  // In the table's order (BINARY: byte by byte, as std::string compares):
  // neighbouring terms share pages.
  std::vector<const VocabularyDelta::value_type*> changed;
  changed.reserve(vocabulary.size());
  for (const auto& entry : vocabulary) {
    if (entry.second != 0) changed.push_back(&entry);
  }
  std::sort(changed.begin(), changed.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
  KITH_ASSIGN_OR_RETURN(
      auto upsert, database_->Prepare(
                       "INSERT INTO search_vocabulary(term, head, length, documents) VALUES(?1, ?2, ?3, ?4) "
                       "ON CONFLICT(term) DO UPDATE SET documents = documents + excluded.documents"));
  KITH_ASSIGN_OR_RETURN(
      auto prune, database_->Prepare("DELETE FROM search_vocabulary WHERE term = ?1 AND documents <= 0"));
  for (const auto* entry : changed) {
    const auto& [term, delta] = *entry;
    const std::string_view head = FirstCharacter(term);
    const int length = CharacterCount(term);
    upsert.Bind(1, term).Bind(2, head).Bind(3, length).Bind(4, delta);
    KITH_RETURN_IF_ERROR(upsert.Run());
    if (delta < 0) {
      prune.Bind(1, term);
      KITH_RETURN_IF_ERROR(prune.Run());
    }
  }
  return Ok();
}

Status SqliteStore::EachIdInOneRead(Statement& select, const std::vector<ContactId>& ids,
                                    const std::function<void(ContactId, const Statement&)>& on_row) {
  // In autocommit mode every lookup would take and drop the WAL read lock
  // (100k reminders: 300k system calls).
  KITH_RETURN_IF_ERROR(database_->Execute("SAVEPOINT kith_read"));
  for (const ContactId id : ids) {
    select.Bind(1, id.value);
    auto found = select.Step();
    if (!found) {
      (void)database_->Execute("RELEASE kith_read");
      return tl::unexpected(found.error());
    }
    if (*found) on_row(id, select);
    select.Reset();
  }
  return database_->Execute("RELEASE kith_read");
}

Result<std::vector<Contact>> SqliteStore::GetContacts(const std::vector<ContactId>& ids) {
  std::vector<Contact> contacts;
  contacts.reserve(ids.size());
  // A batch per query keeps the JSON list of ids, and each table's read,
  // small; one read transaction holds the batches to one snapshot.
  constexpr std::size_t kBatch = 500;
  KITH_RETURN_IF_ERROR(database_->Execute("SAVEPOINT kith_read"));
  const auto release = [this]() { (void)database_->Execute("RELEASE kith_read"); };
  for (std::size_t begin = 0; begin < ids.size(); begin += kBatch) {
    const std::vector<ContactId> batch(
        ids.begin() + static_cast<std::ptrdiff_t>(begin),
        ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), begin + kBatch)));
    auto loaded = LoadContacts(batch);
    if (!loaded) {
      release();
      return tl::unexpected(loaded.error());
    }
    // Each card is moved out once; an id asked for again copies it.
    std::map<std::int64_t, std::size_t> placed;
    for (const ContactId id : batch) {
      if (const auto again = placed.find(id.value); again != placed.end()) {
        Contact copy = contacts[again->second];
        contacts.push_back(std::move(copy));
        continue;
      }
      const auto found = loaded->find(id.value);
      if (found == loaded->end()) continue;
      placed.emplace(id.value, contacts.size());
      contacts.push_back(std::move(found->second));
    }
  }
  release();
  return contacts;
}

Result<std::vector<Contact>> SqliteStore::FindContactsByName(std::string_view name) {
  KITH_ASSIGN_OR_RETURN(
      auto select,
      database_->Prepare(
          "SELECT id FROM contacts WHERE sort_name = ?1 AND trashed_at IS NULL ORDER BY id LIMIT 50"));
  select.Bind(1, SortName(name));
  std::vector<ContactId> ids;
  while (true) {
    KITH_ASSIGN_OR_RETURN(const bool row, select.Step());
    if (!row) break;
    ids.push_back(ContactId{select.Int(0)});
  }
  return GetContacts(ids);
}

Status SqliteStore::InOneWrite(const std::function<Status()>& body) { return Atomically(body); }

Result<std::vector<ContactId>> SqliteStore::InsertCardRows(std::span<const ContactFields> fields,
                                                           std::span<const std::string> uids,
                                                           const std::string& now) {
  std::vector<ContactId> ids;
  ids.reserve(fields.size());
  for (std::size_t i = 0; i < fields.size(); ++i) {
    KITH_ASSIGN_OR_RETURN(const ContactId id, InsertRow(fields[i], uids[i], now));
    KITH_RETURN_IF_ERROR(WriteChildren(id, fields[i]));
    ids.push_back(id);
  }
  return ids;
}

Status SqliteStore::UpdateCardRow(ContactId id, const ContactFields& fields, const std::string& now) {
  KITH_ASSIGN_OR_RETURN(
      auto update,
      database_->Prepare("UPDATE contacts SET display_name = ?2, given_name = ?3, family_name = ?4, "
                         "sort_name = ?5, company = ?6, title = ?7, website = ?8, city = ?9, "
                         "neighborhood = ?10, hometown = ?11, how_met = ?12, met_at = ?13, met_on = ?14, "
                         "open_to_opportunities = ?15, looking_for = ?16, open_since = ?17, notes = ?18, "
                         "updated_at = ?19, kind = ?20, nickname = ?21, role = ?22, departments = ?23, "
                         "birthday = ?24, anniversary = ?25 WHERE id = ?1"));
  const std::string sort_name = SortName(fields.display_name);
  update.Bind(1, id.value);
  BindFields(update, fields, sort_name, now);
  KITH_RETURN_IF_ERROR(update.Run());
  FilterCardKeys("", sort_name, fields.company);
  KITH_RETURN_IF_ERROR(DeleteChildren(id));
  return WriteChildren(id, fields);
}

Status SqliteStore::SetTrashedAt(ContactId id, const std::optional<std::string>& trashed_at,
                                 const std::string& now) {
  KITH_ASSIGN_OR_RETURN(
      auto update, database_->Prepare("UPDATE contacts SET trashed_at = ?2, updated_at = ?3 WHERE id = ?1"));
  update.Bind(1, id.value).Bind(2, trashed_at).Bind(3, now);
  return update.Run();
}

Result<std::int64_t> SqliteStore::DeleteTrashedContacts() {
  // A trashed card already left the search index and the vocabulary when it
  // was trashed; the foreign keys (ON DELETE CASCADE) take its records.
  std::int64_t deleted = 0;
  KITH_RETURN_IF_ERROR(Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(auto purge,
                          database_->Prepare("DELETE FROM contacts WHERE trashed_at IS NOT NULL"));
    KITH_RETURN_IF_ERROR(purge.Run());
    deleted = database_->Changes();
    return Ok();
  }));
  return deleted;
}

Result<std::vector<ContactId>> SqliteStore::ListContactIds(const ListQuery& query) {
  TagJoin join = TagJoin::kMembers;
  if (!query.tag.empty()) {
    constexpr std::int64_t kFewMembers = 5000;
    KITH_ASSIGN_OR_RETURN(auto members, database_->Prepare("SELECT count(*) FROM contact_labels WHERE " +
                                                           IsTagFoldedAs("contact_labels", "?1")));
    members.Bind(1, SortName(query.tag));
    KITH_ASSIGN_OR_RETURN(const bool row, members.Step());
    if (row && members.Int(0) > kFewMembers) join = TagJoin::kProbe;
  }
  const std::string sql = "SELECT id FROM contacts WHERE " + ListWhere(query, join) + " ORDER BY " +
                          std::string(ListOrderBy(query.sort)) + " LIMIT ?3 OFFSET ?4";
  KITH_ASSIGN_OR_RETURN(auto select, database_->Prepare(sql));
  if (!query.tag.empty()) select.Bind(1, SortName(query.tag));
  if (!query.event.empty()) select.Bind(2, query.event);
  select.Bind(3, query.limit).Bind(4, query.offset);
  std::vector<ContactId> ids;
  while (true) {
    KITH_ASSIGN_OR_RETURN(const bool row, select.Step());
    if (!row) break;
    ids.push_back(ContactId{select.Int(0)});
  }
  return ids;
}

Result<std::int64_t> SqliteStore::CountContacts(const ListQuery& query) {
  KITH_ASSIGN_OR_RETURN(auto count, database_->Prepare("SELECT count(*) FROM contacts WHERE " +
                                                       ListWhere(query, TagJoin::kMembers)));
  if (!query.tag.empty()) count.Bind(1, SortName(query.tag));
  if (!query.event.empty()) count.Bind(2, query.event);
  KITH_ASSIGN_OR_RETURN(const bool row, count.Step());
  return row ? count.Int(0) : 0;
}

CompletionLookup SqliteStore::Completions() {
  return [this](std::string_view prefix, int limit) { return VocabularyWithPrefix(prefix, limit); };
}

IndexTermCheck SqliteStore::IndexTerms() const {
  return [this](std::string_view text) {
    std::vector<std::string> terms;
    tokenizer_->Tokenize(text, terms);
    return terms.size() == 1 && terms.front() == text;
  };
}

Result<std::string> SqliteStore::AsIndexed(SearchTable table, std::string_view expression) {
  switch (table) {
    case SearchTable::kNames:
      return ExpandUnindexedPrefixes(expression, kNamesPrefixLengths, Completions(), IndexTerms());
    case SearchTable::kCards:
      return ExpandUnindexedPrefixes(expression, kCardsPrefixLengths, Completions(), IndexTerms());
    case SearchTable::kEverything:
      break;
  }
  return NotesTierExpression(expression, kCardsPrefixLengths, Completions(), IndexTerms());
}

Result<std::vector<ContactId>> SqliteStore::MatchSearchIndex(SearchTable table, const std::string& expression,
                                                             int limit) {
  const std::string name(TableName(table));
  KITH_ASSIGN_OR_RETURN(const std::string indexed, AsIndexed(table, expression));
  // The keys' layout is read by the same statement, so from the same
  // snapshot: a write in another process may have widened it since. The
  // rowids are the keys negated (search_rowid.h): ascending, FTS5 reads
  // forwards, the most recent first.
  KITH_ASSIGN_OR_RETURN(
      auto select, database_->Prepare("SELECT rowid, (SELECT key_shift FROM search_layout) FROM " + name +
                                      " WHERE " + name + " MATCH ?1 ORDER BY rowid LIMIT ?2"));
  select.Bind(1, indexed).Bind(2, limit);
  std::vector<ContactId> ids;
  while (true) {
    KITH_ASSIGN_OR_RETURN(const bool row, select.Step());
    if (!row) break;
    ids.push_back(ContactIdFromSearchKey(SearchKeyOfRowid(select.Int(0)), static_cast<int>(select.Int(1))));
  }
  return ids;
}

Result<std::int64_t> SqliteStore::CountSearchIndex(SearchTable table, const std::string& expression) {
  const std::string name(TableName(table));
  KITH_ASSIGN_OR_RETURN(const std::string indexed, AsIndexed(table, expression));
  KITH_ASSIGN_OR_RETURN(auto select,
                        database_->Prepare("SELECT count(*) FROM " + name + " WHERE " + name + " MATCH ?1"));
  select.Bind(1, indexed);
  KITH_ASSIGN_OR_RETURN(const bool row, select.Step());
  return row ? select.Int(0) : 0;
}

Result<std::vector<std::string>> SqliteStore::VocabularyWithPrefix(std::string_view prefix, int limit) {
  // 0xFF never occurs in UTF-8, so prefix + 0xFF bounds every completion.
  std::string end(prefix);
  end += '\xff';
  KITH_ASSIGN_OR_RETURN(auto select, database_->Prepare("SELECT term FROM search_vocabulary "
                                                        "WHERE term >= ?1 AND term < ?2 LIMIT ?3"));
  select.Bind(1, prefix).Bind(2, end).Bind(3, limit);
  std::vector<std::string> terms;
  while (true) {
    KITH_ASSIGN_OR_RETURN(const bool row, select.Step());
    if (!row) break;
    terms.push_back(select.Text(0));
  }
  return terms;
}

Result<std::vector<VocabularyEntry>> SqliteStore::VocabularyNear(std::string_view head, int min_length,
                                                                 int max_length) {
  KITH_ASSIGN_OR_RETURN(
      auto select,
      database_->Prepare("SELECT term, documents FROM search_vocabulary "
                         "WHERE head = ?1 AND length BETWEEN ?2 AND ?3 AND term NOT GLOB '*[0-9]*'"));
  select.Bind(1, head).Bind(2, min_length).Bind(3, max_length);
  std::vector<VocabularyEntry> entries;
  while (true) {
    KITH_ASSIGN_OR_RETURN(const bool row, select.Step());
    if (!row) break;
    entries.push_back(VocabularyEntry{select.Text(0), static_cast<int>(select.Int(1))});
  }
  return entries;
}

}  // namespace sqlite
}  // namespace kith
