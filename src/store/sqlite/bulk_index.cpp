// The bulk write: many new cards written first, their search entries after,
// in one pass. FTS5 keeps new entries in memory while rowids ascend and
// writes a segment whenever one goes backwards or the buffer fills; cards
// come in file order, whose keys (recency, then id) jump about, so indexing
// batch by batch wrote many small segments and merged them again and again.
// Staged in memory (staged_search_entries.h) and inserted in rowid order
// (highest key first: search_rowid.h) with a large buffer, the new entries
// become a few large segments.
#include <algorithm>
#include <array>
#include <cstddef>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "domain/validation.h"
#include "store/sqlite/fts5_segments.h"
#include "store/sqlite/key_filter.h"
#include "store/sqlite/search_rowid.h"
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/staged_search_entries.h"

namespace kith::sqlite {
namespace {

// How much new index FTS5 buffers before writing a segment: its default is
// 1 MiB; during the final pass 64 MiB (per table, freed at the commit).
constexpr std::string_view kBulkHashSize = "67108864";
constexpr std::string_view kDefaultHashSize = "1048576";
// FTS5 merges segments a little after every flush once four share a level
// (its default 'automerge' of 4). A bulk of a million cards flushes its
// 64 MiB buffer six or seven times, and the merging that starts after the
// fourth rewrote a third of the index again (seven CPU seconds of a 1M
// import, BENCHMARKS.md import12) and still left a merge half done. With it
// off during the final pass the segments are left as flushed, as many or
// fewer; the writes after the bulk, with the default back, merge them a
// little at a time.
constexpr std::string_view kBulkAutomerge = "0";
constexpr std::string_view kDefaultAutomerge = "4";
// The page cache for a bulk write (negative: in KiB, as the pragma takes
// it): the indexes of a million cards stay in memory. Only pages read take
// memory; the size before comes back at the end.
constexpr std::string_view kBulkCacheSize = "-262144";
// How many hand-overs may wait for the staging thread (StageInBackground):
// a batch of new cards is one, a card rewritten during the bulk another.
// The thread does a tenth of what the writer does, so it seldom has any.
constexpr std::size_t kStagingQueue = 8;

// A bulk write into a list this small (by its highest id) builds the
// indexes below after its rows instead of row by row: built at the end from
// a sort, they cost a third as much, and rebuilding them over the cards
// already there is cheap below this size. Above it, a small import into a
// large list would pay for rebuilding the whole index.
constexpr std::int64_t kDeferIndexesBelow = 20000;
// The indexes that nothing in an import reads (it finds people by uid,
// email, phone, profile and name with company: those stay). The labels'
// index takes a tag, skill or interest in the order of its text, a random
// place for every row: written row by row it was a sixth of `kith gen`.
constexpr std::array<std::string_view, 7> kDeferredIndexes = {
    "contacts_by_sort_name",    "contacts_by_met_on", "contacts_in_trash",
    "contacts_by_last_contact", "contacts_by_met_at", "contacts_by_company_family",
    "contact_labels_by_value"};
// The per-row triggers on a new card, replaced by one statement each over
// the new rows (kEntriesForNewCards) — the same rows, in id order. A new
// card's tags need no trigger of their own: the card is marked already; a
// tag written to an earlier card during the bulk is marked by WriteChildren
// (MarkTagsChanged).
constexpr std::array<std::string_view, 3> kDeferredTriggers = {
    "contact_changes_on_insert", "health_on_contact_insert", "health_on_tag_insert"};
constexpr std::string_view kEntriesForNewCards =
    "INSERT OR REPLACE INTO contact_changes(contact_id) SELECT id FROM contacts "
    "WHERE id >= ?1 ORDER BY id; "
    "INSERT OR IGNORE INTO health_dirty(contact_id) SELECT id FROM contacts WHERE id >= ?1 ORDER BY id;";

constexpr std::array<std::string_view, 2> kSearchTables = {"search_names", "search_cards"};
constexpr std::string_view kEmptySearchTables =
    "INSERT INTO search_names(search_names) VALUES('delete-all');"
    "INSERT INTO search_cards(search_cards) VALUES('delete-all');";
// How many of kSearchColumns each table is given, in the order above (the
// staged note column holds the notes' words marked: notes_tier.h).
constexpr std::array<std::size_t, 2> kColumnsOf = {1, 13};

std::string ColumnList(std::size_t count) {
  std::string list;
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0) list += ", ";
    list += kSearchColumns.at(i);
  }
  return list;
}

// Sets an FTS5 configuration option (kept in the table's %_config) of both
// search tables.
Status SetSearchOption(Database& database, std::string_view option, std::string_view value) {
  for (const std::string_view table : kSearchTables) {
    std::string sql = "INSERT INTO ";
    sql.append(table)
        .append("(")
        .append(table)
        .append(", rank) VALUES('")
        .append(option)
        .append("', ")
        .append(value)
        .append(")");
    KITH_RETURN_IF_ERROR(database.Execute(sql));
  }
  return Ok();
}

Status SetBulkSearchOptions(Database& database) {
  KITH_RETURN_IF_ERROR(SetSearchOption(database, "hashsize", kBulkHashSize));
  return SetSearchOption(database, "automerge", kBulkAutomerge);
}

Status SetDefaultSearchOptions(Database& database) {
  KITH_RETURN_IF_ERROR(SetSearchOption(database, "hashsize", kDefaultHashSize));
  return SetSearchOption(database, "automerge", kDefaultAutomerge);
}

// The statements that create `names` as the schema holds them, so they
// come back exactly as they were.
Result<std::vector<std::string>> SchemaOf(Database& database, std::string_view type,
                                          std::span<const std::string_view> names) {
  std::vector<std::string> statements;
  for (const std::string_view name : names) {
    KITH_ASSIGN_OR_RETURN(auto select,
                          database.Prepare("SELECT sql FROM sqlite_master WHERE type = ?1 AND name = ?2"));
    select.Bind(1, type).Bind(2, name);
    KITH_ASSIGN_OR_RETURN(const bool row, select.Step());
    if (!row)
      return Fail(ErrorCode::kInternal, "the schema has no " + std::string(type) + " " + std::string(name));
    statements.push_back(select.Text(0));
  }
  return statements;
}

// A pragma's value as a number (`name` is trusted: it is put in the SQL).
Result<std::int64_t> PragmaValue(Database& database, std::string_view name) {
  KITH_ASSIGN_OR_RETURN(auto pragma, database.Prepare("PRAGMA " + std::string(name)));
  KITH_ASSIGN_OR_RETURN(const bool row, pragma.Step());
  return row ? pragma.Int(0) : 0;
}

// The page cache's size now, to give back at the end.
Result<std::int64_t> CacheSizeOf(Database& database) { return PragmaValue(database, "cache_size"); }

// The bulk's page cache.
Status StartStaging(Database& database) {
  return database.Execute("PRAGMA cache_size = " + std::string(kBulkCacheSize));
}

// The INSERT of one entry into `table`, its rowid and first `columns` columns.
std::string EntryInsert(std::string_view table, std::size_t columns) {
  std::string sql = "INSERT INTO ";
  sql.append(table).append("(rowid, ").append(ColumnList(columns)).append(") VALUES(?1");
  for (std::size_t i = 0; i < columns; ++i) sql.append(", ?").append(std::to_string(i + 2));
  return sql + ")";
}

}  // namespace

Status SqliteStore::DeferIndexes() {
  KITH_ASSIGN_OR_RETURN(auto indexes, SchemaOf(*database_, "index", kDeferredIndexes));
  KITH_ASSIGN_OR_RETURN(auto triggers, SchemaOf(*database_, "trigger", kDeferredTriggers));
  std::string drop;
  for (const std::string_view name : kDeferredIndexes) drop.append("DROP INDEX ").append(name).append("; ");
  for (const std::string_view name : kDeferredTriggers)
    drop.append("DROP TRIGGER ").append(name).append("; ");
  KITH_RETURN_IF_ERROR(database_->Execute(drop));
  bulk_.deferred_schema = std::move(indexes);
  for (auto& trigger : triggers) bulk_.deferred_schema.push_back(std::move(trigger));
  return Ok();
}

Status SqliteStore::RestoreDeferredIndexes() {
  if (bulk_.deferred_schema.empty()) return Ok();
  std::string statements(kEntriesForNewCards);
  const std::string first = std::to_string(bulk_.first_new_id);
  for (std::size_t at = statements.find("?1"); at != std::string::npos; at = statements.find("?1", at)) {
    statements.replace(at, 2, first);
  }
  for (const std::string& create : bulk_.deferred_schema) statements.append(create).append(";");
  KITH_RETURN_IF_ERROR(database_->Execute(statements));
  bulk_.deferred_schema.clear();
  return Ok();
}

Result<Transaction> SqliteStore::BeginBulk() { return BeginTransaction(true); }

Status SqliteStore::FilterListedKeys() {
  bulk_.keys = std::make_unique<KeyFilter>();
  KeyFilter& keys = *bulk_.keys;
  const auto each_row = [&](std::string_view sql,
                            const std::function<void(const Statement&)>& take) -> Status {
    KITH_ASSIGN_OR_RETURN(auto select, database_->Prepare(sql));
    while (true) {
      KITH_ASSIGN_OR_RETURN(const bool row, select.Step());
      if (!row) return Ok();
      take(select);
    }
  };
  KITH_RETURN_IF_ERROR(each_row("SELECT uid, sort_name, company FROM contacts", [&](const Statement& row) {
    keys.Add(FilteredKey::kUid, row.Text(0));
    keys.Add(FilteredKey::kNamesake, NamesakeKey(row.Text(1), row.Text(2)));
  }));
  KITH_RETURN_IF_ERROR(each_row("SELECT address FROM contact_emails", [&](const Statement& row) {
    keys.Add(FilteredKey::kEmail, AsciiLower(row.Text(0)));
  }));
  KITH_RETURN_IF_ERROR(each_row("SELECT e164 FROM contact_phones WHERE e164 <> ''",
                                [&](const Statement& row) { keys.Add(FilteredKey::kPhone, row.Text(0)); }));
  return each_row("SELECT url FROM contact_links",
                  [&](const Statement& row) { keys.Add(FilteredKey::kLinkUrl, AsciiLower(row.Text(0))); });
}

void SqliteStore::FilterCardKeys(const std::string& uid, const std::string& sort_name,
                                 const std::string& company) {
  if (!bulk_.keys) return;
  if (!uid.empty()) bulk_.keys->Add(FilteredKey::kUid, uid);
  bulk_.keys->Add(FilteredKey::kNamesake, NamesakeKey(sort_name, company));
}

void SqliteStore::FilterListKeys(const ContactFields& fields) {
  if (!bulk_.keys) return;
  for (const std::string& email : fields.emails) bulk_.keys->Add(FilteredKey::kEmail, AsciiLower(email));
  for (const Phone& phone : fields.phones) {
    if (!phone.e164.empty()) bulk_.keys->Add(FilteredKey::kPhone, phone.e164);
  }
  for (const Link& link : fields.links) bulk_.keys->Add(FilteredKey::kLinkUrl, AsciiLower(link.url));
}

Status SqliteStore::StartBulk() {
  {
    KITH_ASSIGN_OR_RETURN(auto next, database_->Prepare("SELECT coalesce(max(id), 0) + 1 FROM contacts"));
    KITH_ASSIGN_OR_RETURN(const bool row, next.Step());
    bulk_.first_new_id = row ? next.Int(0) : 1;
  }  // the query ends here: a schema change waits for every statement to finish
  KITH_ASSIGN_OR_RETURN(bulk_.cache_size_before, CacheSizeOf(*database_));
  if (bulk_.first_new_id <= kDeferIndexesBelow) {
    KITH_RETURN_IF_ERROR(DeferIndexes());
    KITH_RETURN_IF_ERROR(FilterListedKeys());
  }
  KITH_RETURN_IF_ERROR(StartStaging(*database_));
  bulk_.active = true;
  return Ok();
}

Status SqliteStore::StageInBackground(std::vector<Contact>&& contacts, int sign) {
  if (!stager_) {
    // unicode61 keeps its folding buffer in the tokenizer: the staging
    // thread has one of its own.
    if (!staging_tokenizer_) {
      KITH_ASSIGN_OR_RETURN(staging_tokenizer_, FtsTokenizer::Create(*database_));
    }
    stager_ = std::make_unique<SerialWorker>(kStagingQueue);
  }
  // The staged entries and the staged cards' counts are the staging
  // thread's until IndexStaged and WriteBulkVocabulary wait for it.
  stager_->Post([this, given = std::make_shared<std::vector<Contact>>(std::move(contacts)), sign]() {
    std::vector<std::string> terms;
    for (const Contact& contact : *given) {
      terms.clear();
      const SearchDocument document = IndexedDocument(*staging_tokenizer_, contact, terms);
      if (sign < 0) {
        bulk_.staged.Remove(contact.id.value);
      } else {
        bulk_.staged.Put(contact.id.value, SearchKey(contact), document);
      }
      CountTerms(terms, sign, bulk_.staged_vocabulary);
    }
  });
  return Ok();
}

Status SqliteStore::IndexNewCardsGiven(std::vector<Contact>&& contacts, VocabularyDelta& vocabulary) {
  const bool all_staged = std::all_of(contacts.begin(), contacts.end(),
                                      [this](const Contact& contact) { return Staged(contact.id); });
  if (bulk_.collects_vocabulary && all_staged) return StageInBackground(std::move(contacts), +1);
  return CardStore::IndexNewCardsGiven(std::move(contacts), vocabulary);
}

Status SqliteStore::StageIndexEntry(ContactId id, std::int64_t key, const SearchDocument& document,
                                    bool remove) {
  if (remove) {
    bulk_.staged.Remove(id.value);
  } else {
    bulk_.staged.Put(id.value, key, document);
  }
  return Ok();
}

// The whole index again (an upgrade whose step changed its tables), by the
// bulk write's path: every live card staged, read a page at a time, then
// each table filled in one pass in key order with a large buffer. Card by
// card into the tables, an upgrade of a 100k-person file took a minute.
Status SqliteStore::RebuildSearchIndex() {
  KITH_RETURN_IF_ERROR(
      database_->Execute(std::string(kEmptySearchTables) + "DELETE FROM search_vocabulary;"));
  // Empty, the index takes the keys KeyShiftFor gives the highest id.
  KITH_ASSIGN_OR_RETURN(const int shift, KeyShiftForHighestId());
  KITH_RETURN_IF_ERROR(SetSearchKeyShift(shift));
  std::vector<ContactId> ids;
  {
    KITH_ASSIGN_OR_RETURN(auto select,
                          database_->Prepare("SELECT id FROM contacts WHERE trashed_at IS NULL ORDER BY id"));
    while (true) {
      KITH_ASSIGN_OR_RETURN(const bool row, select.Step());
      if (!row) break;
      ids.push_back(ContactId{select.Int(0)});
    }
  }
  KITH_ASSIGN_OR_RETURN(const std::int64_t cache_size_before, CacheSizeOf(*database_));
  KITH_RETURN_IF_ERROR(StartStaging(*database_));
  // Every card counts as new (Staged), so IndexContact stages its entry.
  bulk_ = BulkWrite{};
  bulk_.cache_size_before = cache_size_before;
  bulk_.active = true;
  Status rebuilt = [&]() -> Status {
    constexpr std::size_t kPage = 1000;
    VocabularyDelta vocabulary;
    for (std::size_t at = 0; at < ids.size(); at += kPage) {
      const std::vector<ContactId> page(
          ids.begin() + static_cast<std::ptrdiff_t>(at),
          ids.begin() + static_cast<std::ptrdiff_t>(std::min(at + kPage, ids.size())));
      KITH_ASSIGN_OR_RETURN(const auto contacts, GetContacts(page));
      for (const Contact& contact : contacts) KITH_RETURN_IF_ERROR(IndexContact(contact, +1, vocabulary));
    }
    KITH_RETURN_IF_ERROR(IndexStaged());
    return ApplyVocabulary(vocabulary);
  }();
  EndBulk();
  return rebuilt;
}

Status SqliteStore::IndexStaged() {
  if (bulk_.failed) {
    return Fail(ErrorCode::kInternal, "a write in this bulk transaction failed: it cannot be committed");
  }
  if (stager_) stager_->Wait();  // every new card's entry staged
  // The new ids may have outgrown the keys' layout: the entries the index
  // holds already are then staged with the new ones and all written again.
  KITH_ASSIGN_OR_RETURN(int shift, SearchKeyShift());
  KITH_ASSIGN_OR_RETURN(const int needed, KeyShiftForHighestId());
  if (needed > shift) {
    KITH_RETURN_IF_ERROR(RestageIndexed(bulk_.first_new_id));
    KITH_RETURN_IF_ERROR(database_->Execute(kEmptySearchTables));
    KITH_RETURN_IF_ERROR(SetSearchKeyShift(needed));
    shift = needed;
  }
  // Staged keys have the widest layout: the same order in any. One
  // single-row INSERT per entry and table, in rowid order: FTS5 flushes its
  // buffer at a statement that may need a savepoint (an INSERT … SELECT),
  // not at these, so the entries are buffered as one pass would buffer them.
  const std::vector<const StagedSearchEntries::Entry*> entries = bulk_.staged.InRowidOrder();
  KITH_RETURN_IF_ERROR(SetBulkSearchOptions(*database_));
  for (std::size_t t = 0; t < kSearchTables.size(); ++t) {
    const std::size_t columns = kColumnsOf.at(t);
    // The merge below only makes searches faster: should a later SQLite keep
    // FTS5's structure record in a form kith cannot read, the import goes on
    // without it rather than fail.
    const Result<Fts5Segments> before = ReadFts5Segments(*database_, kSearchTables.at(t));
    KITH_ASSIGN_OR_RETURN(auto insert, database_->Prepare(EntryInsert(kSearchTables.at(t), columns)));
    for (const StagedSearchEntries::Entry* entry : entries) {
      insert.Bind(1, SearchRowid(ReshiftedSearchKey(entry->key(), kWidestKeyShift, shift)));
      // The staged texts stay put until the bulk ends.
      for (std::size_t i = 0; i < columns; ++i)
        insert.BindBorrowed(static_cast<int>(i) + 2, entry->Column(i));
      KITH_RETURN_IF_ERROR(insert.Run());
    }
    // FTS5 writes what its buffer holds at a savepoint: flushed here, a
    // table's last segment is written while merging is still off (left to
    // the COMMIT, its flush would start merging the segments again), and
    // one table's buffer is freed before the next fills.
    KITH_RETURN_IF_ERROR(database_->Execute("SAVEPOINT kith_search_flush; RELEASE kith_search_flush;"));
    // A search reads a term from every segment: the pass's own, one per
    // flush of the buffer (six in a 1M LinkedIn import), become one.
    if (before) KITH_RETURN_IF_ERROR(MergeSegmentsWrittenSince(*database_, kSearchTables.at(t), *before));
  }
  KITH_RETURN_IF_ERROR(SetDefaultSearchOptions(*database_));
  // After the search tables: a merge frees the pages of the segments it
  // read, and the indexes built here take those pages instead of growing
  // the file.
  KITH_RETURN_IF_ERROR(RestoreDeferredIndexes());
  return ReclaimFreePages();
}

Status SqliteStore::ReclaimFreePages() {
  constexpr std::int64_t kIncremental = 2;
  KITH_ASSIGN_OR_RETURN(const std::int64_t mode, PragmaValue(*database_, "auto_vacuum"));
  if (mode != kIncremental) return Ok();  // a file made before kith chose the mode keeps them
  KITH_ASSIGN_OR_RETURN(const std::int64_t free_pages, PragmaValue(*database_, "freelist_count"));
  if (free_pages == 0) return Ok();
  // Moves the pages at the end of the file into the free ones and cuts the
  // file short at the commit, in this transaction.
  return database_->Execute("PRAGMA incremental_vacuum");
}

Status SqliteStore::RestageIndexed(std::int64_t below) {
  std::vector<ContactId> ids;
  {
    KITH_ASSIGN_OR_RETURN(
        auto select,
        database_->Prepare("SELECT id FROM contacts WHERE trashed_at IS NULL AND id < ?1 ORDER BY id"));
    select.Bind(1, below);
    while (true) {
      KITH_ASSIGN_OR_RETURN(const bool row, select.Step());
      if (!row) break;
      ids.push_back(ContactId{select.Int(0)});
    }
  }
  constexpr std::size_t kPage = 1000;
  for (std::size_t at = 0; at < ids.size(); at += kPage) {
    const std::vector<ContactId> page(
        ids.begin() + static_cast<std::ptrdiff_t>(at),
        ids.begin() + static_cast<std::ptrdiff_t>(std::min(at + kPage, ids.size())));
    KITH_ASSIGN_OR_RETURN(const auto contacts, GetContacts(page));
    for (const Contact& contact : contacts) {
      std::vector<std::string> terms;  // the vocabulary counts them already
      KITH_RETURN_IF_ERROR(StageIndexEntry(contact.id, SearchKey(contact),
                                           IndexedDocument(*tokenizer_, contact, terms), false));
    }
  }
  return Ok();
}

Status SqliteStore::WidenSearchKeys(std::int64_t below) {
  KITH_ASSIGN_OR_RETURN(const std::int64_t cache_size_before, CacheSizeOf(*database_));
  KITH_RETURN_IF_ERROR(StartStaging(*database_));
  bulk_ = BulkWrite{};
  bulk_.cache_size_before = cache_size_before;
  bulk_.active = true;
  bulk_.first_new_id = below;
  Status widened = IndexStaged();
  EndBulk();
  return widened;
}

void SqliteStore::EndBulk() {
  stager_.reset();  // its tasks use bulk_
  if (!bulk_.active) return;
  (void)database_->Execute("PRAGMA cache_size = " + std::to_string(bulk_.cache_size_before) +
                           "; PRAGMA temp_store = DEFAULT;");
  bulk_ = BulkWrite{};
}

}  // namespace kith::sqlite
