// The embedded SQLite implementation of Store.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/serial_worker.h"
#include "store/card_store.h"
#include "store/search_document.h"
#include "store/sqlite/database.h"
#include "store/sqlite/fts_tokenizer.h"
#include "store/sqlite/key_filter.h"
#include "store/sqlite/notes_tier.h"
#include "store/sqlite/staged_search_entries.h"
#include "store/store.h"

namespace kith::sqlite {

class SqliteStore final : public CardStore {
 public:
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path, OpenIntent intent);

  Result<Transaction> Begin() override;
  Result<Transaction> BeginBulk() override;
  Result<Transaction> ReadSnapshot() override;
  Result<std::vector<Contact>> GetContacts(const std::vector<ContactId>& ids) override;
  Result<std::vector<Contact>> FindContactsByName(std::string_view name) override;
  // In a bulk write into a small list, a key the list cannot hold
  // (KeyFilter) is answered at once, without a query.
  Result<std::vector<ContactId>> FindContactIds(ContactKey key, std::string_view value) override;
  Result<std::vector<ContactId>> FindNamesakes(std::string_view name, std::string_view company) override;
  Result<std::vector<DuplicatePair>> FindDuplicatePairs() override;
  Result<std::vector<JobChange>> JobChanges(ContactId id) override;
  Status AddJobChange(ContactId id, const JobChange& change) override;
  Status MoveContactRecords(ContactId from, ContactId to, MergeId journal) override;
  Result<MergeId> InsertMerge(const Merge& merge, const std::string& snapshot) override;
  Status SealMerge(MergeId id) override;
  Result<std::pair<Merge, std::string>> GetMerge(MergeId id) override;
  Result<bool> MergedCardsUnchanged(MergeId id) override;
  Status UndoMergeMoves(MergeId id, const std::string& now) override;
  Result<std::vector<ContactId>> ContactIdsAfter(ContactId after, int limit, bool include_trashed) override;
  Result<Opportunity> InsertOpportunity(const OpportunityFields& fields, Date created_on) override;
  Result<Opportunity> GetOpportunity(OpportunityId id) override;
  Result<std::vector<Opportunity>> ListOpportunities(bool include_closed) override;
  Status CloseOpportunity(OpportunityId id, Date on) override;
  Result<Event> InsertEvent(const EventFields& fields) override;
  Result<Event> GetEvent(EventId id) override;
  Result<std::optional<Event>> FindEventByName(std::string_view name) override;
  Result<std::vector<EventSummary>> ListEvents(int limit) override;
  Result<std::vector<ContactId>> ContactsMetAt(std::string_view event_name) override;
  Result<Interaction> InsertInteraction(const InteractionFields& fields) override;
  Result<std::vector<Interaction>> InteractionsOf(ContactId id, int limit) override;
  Result<std::vector<Interaction>> RecentInteractions(bool with_talk_share, int limit) override;
  Result<Fact> SetFact(const Fact& fact) override;
  Status RemoveFact(ContactId id, FactKind kind, std::string_view key) override;
  Result<std::vector<Fact>> FactsOf(ContactId id) override;
  Result<Reminder> InsertReminder(const Reminder& reminder) override;
  Result<Reminder> GetReminder(ReminderId id) override;
  Status UpdateReminder(const Reminder& reminder) override;
  Result<std::vector<Reminder>> RemindersOf(ContactId id) override;
  Result<std::vector<Reminder>> OpenReminders(Date day, std::optional<ReminderKind> kind, int limit) override;
  Result<std::int64_t> CountOpenReminders(Date day, std::optional<ReminderKind> kind) override;
  Result<std::vector<ReminderOfContact>> OpenRemindersAfter(ReminderId after, int limit) override;
  Result<std::optional<std::int64_t>> CalendarRevision() override;
  Result<std::optional<int>> CadenceOf(ContactId id) override;
  Status SetCadence(ContactId id, std::optional<int> days) override;
  Result<Post> InsertPost(const PostFields& fields) override;
  Result<std::vector<Post>> ListPosts(int limit) override;
  Result<std::vector<Event>> AllEvents() override;
  Result<std::vector<Interaction>> InteractionsAfter(InteractionId after, int limit) override;
  Result<std::vector<Fact>> FactsAfter(FactId after, int limit) override;
  Result<std::vector<Reminder>> RemindersAfter(ReminderId after, int limit) override;
  Result<std::vector<std::pair<ContactId, int>>> AllCadences() override;
  Result<std::vector<std::pair<ContactId, std::string>>> UidsOf(const std::vector<ContactId>& ids) override;
  Result<std::vector<ContactActivity>> ActivityOf(const std::vector<ContactId>& ids, Date since) override;
  Result<std::vector<ContactActivity>> ActivityOfEveryone(Date since) override;
  Result<std::vector<ContactId>> StaleHealth(const ListQuery& filters, Date today, int limit) override;
  Result<std::vector<StoredHealth>> WeakestStoredHealth(const ListQuery& filters, Date today,
                                                        int count) override;
  Status SaveHealth(const std::vector<StoredHealth>& scores, Date today) override;
  Result<std::optional<Date>> HealthScoredOn() override;
  bool Writable() const override { return database_->mode() != OpenMode::kReadOnly; }
  Result<std::vector<ContactId>> NotYetConnected(Date since, int limit) override;
  Result<std::vector<ContactId>> LastInTouchBetween(Date from, Date to, int limit) override;
  Result<std::vector<ContactSummary>> ContactSummaries(const std::vector<ContactId>& ids) override;
  Result<std::vector<ContactGlance>> ContactGlances(const std::vector<ContactId>& ids) override;
  Result<LedgerEntry> InsertLedgerEntry(const LedgerEntry& entry) override;
  Result<LedgerEntry> GetLedgerEntry(LedgerEntryId id) override;
  Status SetLedgerOutcome(LedgerEntryId id, LedgerOutcome outcome) override;
  Result<std::vector<LedgerEntry>> LedgerOf(ContactId id) override;
  Result<std::vector<LedgerEntry>> AllLedgerEntries() override;
  Result<bool> LabelInUse(std::string_view kind, std::string_view value) override;
  Result<std::vector<ContactId>> OfferedOpportunity(OpportunityId id) override;
  Result<std::vector<std::pair<ContactId, Date>>> LastGiven(const std::vector<ContactId>& ids) override;
  Result<std::vector<ContactId>> OpenToOpportunitiesSince(Date since, int limit) override;
  Status SaveCardImage(ContactId id, const CardImageData& image) override;
  Result<CardImageData> CardImage(ContactId id) override;
  Result<std::vector<ContactId>> WithCardImages(const std::vector<ContactId>& ids) override;
  Result<std::optional<std::string>> GetSetting(std::string_view key) override;
  Status SetSetting(std::string_view key, std::string_view value) override;
  Result<std::vector<std::pair<std::string, std::string>>> AllSettings() override;
  Status InsertWebSession(const WebSession& session) override;
  Result<std::optional<WebSession>> FindWebSession(std::string_view id_hash) override;
  Status TouchWebSession(std::string_view id_hash, std::int64_t last_seen_at) override;
  Status RemoveWebSession(std::string_view id_hash) override;
  Status PruneWebSessions(std::int64_t created_before, std::int64_t seen_before, int keep) override;
  Result<Device> InsertDevice(const Device& device) override;
  Result<std::optional<Device>> FindLiveDevice(std::string_view name) override;
  Result<std::vector<Device>> Devices() override;
  Result<bool> HasLiveDevices() override;
  Status RevokeDevice(std::int64_t id, std::string_view at) override;
  Status TouchDevice(std::int64_t id, std::string_view at) override;
  Result<std::int64_t> DeleteTrashedContacts() override;
  Result<std::int64_t> CountSearchIndex(SearchTable table, const std::string& expression) override;
  Result<std::vector<std::string>> LabelsWithPrefix(std::string_view kind, std::string_view prefix,
                                                    int limit) override;
  Result<std::vector<std::string>> MetAtWithPrefix(std::string_view prefix, int limit) override;
  Result<std::vector<ContactId>> ListContactIds(const ListQuery& query) override;
  Result<std::int64_t> CountContacts(const ListQuery& query) override;
  Result<std::vector<ContactId>> MatchSearchIndex(SearchTable table, const std::string& expression,
                                                  int limit) override;
  Result<std::vector<std::string>> VocabularyWithPrefix(std::string_view prefix, int limit) override;
  Result<std::vector<VocabularyEntry>> VocabularyNear(std::string_view head, int min_length,
                                                      int max_length) override;
  std::vector<std::string> SearchTerms(std::string_view text) const override;
  Result<std::map<std::int64_t, StoredVCard>> StoredVCardsOf(const std::vector<ContactId>& ids) override;
  Status SaveStoredVCard(ContactId id, const StoredVCard& card) override;
  Result<std::int64_t> LatestChange() override;
  Result<std::vector<ContactChange>> ChangesAfter(std::int64_t sequence, std::string_view tag,
                                                  int limit) override;
  Result<std::vector<ContactChange>> ChangesOf(const std::vector<ContactId>& ids,
                                               std::string_view tag) override;
  Result<std::vector<AddressBookEntry>> AddressBooks() override;
  Status InsertAddressBook(const AddressBookEntry& book) override;
  Status RenameAddressBook(std::string_view segment, std::string_view tag) override;
  Status RemoveAddressBook(std::string_view segment) override;
  Result<std::vector<ContactId>> ContactsTagged(std::string_view tag) override;
  std::string FoldLabel(std::string_view label) const override { return SortName(label); }
  Status CopyTo(const std::string& path) override;
  Result<std::vector<std::string>> CheckIntegrity() override;

 private:
  // `expression` as the tier's table can answer it: prefixes it has no
  // index for asked as their completions (prefix_completions.h), the widest
  // tier's words asked of the fields or the notes (notes_tier.h).
  Result<std::string> AsIndexed(SearchTable table, std::string_view expression);
  CompletionLookup Completions();
  // Whether a text is one term as the tokenizer folds it.
  IndexTermCheck IndexTerms() const;
  // Steps `select` (whose ?1 is the id) once per id, all in one read
  // transaction, and hands each row found to `on_row`.
  Status EachIdInOneRead(Statement& select, const std::vector<ContactId>& ids,
                         const std::function<void(ContactId, const Statement&)>& on_row);
  // The statements of the shared card writes (card_store.h).
  Status InOneWrite(const std::function<Status()>& body) override;
  Result<std::vector<ContactId>> InsertCardRows(std::span<const ContactFields> fields,
                                                std::span<const std::string> uids,
                                                const std::string& now) override;
  Status UpdateCardRow(ContactId id, const ContactFields& fields, const std::string& now) override;
  Status SetTrashedAt(ContactId id, const std::optional<std::string>& trashed_at,
                      const std::string& now) override;
  Status SetLastContactRow(ContactId id, std::optional<Date> day) override;
  const KeyQueries& KeyLookups() const override;
  Result<std::vector<ContactId>> IdsFor(std::string_view sql, const std::string& value) override;
  // In a bulk write, a card new in it is staged (IndexStaged writes it).
  Status IndexContact(const Contact& contact, int sign, VocabularyDelta& vocabulary) override;
  // Widens the index's keys first when the new ids outgrow them
  // (search_key_shift.cpp).
  Status IndexNewCards(const std::vector<const Contact*>& contacts, VocabularyDelta& vocabulary) override;
  // In a bulk transaction the cards go to the staging thread as they are
  // (StageInBackground).
  Status IndexNewCardsGiven(std::vector<Contact>&& contacts, VocabularyDelta& vocabulary) override;
  // In a bulk transaction the counts are summed until its end
  // (WriteBulkVocabulary); otherwise written at once (WriteVocabulary).
  Status ApplyVocabulary(const VocabularyDelta& vocabulary) override;

  SqliteStore(std::unique_ptr<Database> database, std::unique_ptr<FtsTokenizer> tokenizer)
      : database_(std::move(database)), tokenizer_(std::move(tokenizer)) {}

  Status Migrate();
  // Empties the search index and indexes every live contact again.
  Status RebuildSearchIndex();
  // Runs `body` inside a savepoint: all of it lands or none of it does, also
  // when no transaction was begun by the caller. In a bulk write the whole
  // bulk is the unit instead: a failure here makes its Commit refuse.
  template <typename Body>
  Status Atomically(Body&& body);

  Result<ContactId> InsertRow(const ContactFields& fields, const std::string& uid, const std::string& now);
  // Binds a card's columns as ?2…?18 and ?20…?25 (`sort_name`, SortName of
  // its display name, as ?5), and `now` as ?19, the numbering the contact
  // INSERT and UPDATE share.
  static void BindFields(Statement& statement, const ContactFields& fields, const std::string& sort_name,
                         const std::string& now);
  Status WriteChildren(ContactId id, const ContactFields& fields);
  // The tags, skills and interests (label_kinds.h).
  Status WriteLabels(ContactId id, const ContactFields& fields);
  Status WriteExtras(ContactId id, const ContactFields& fields);
  Status WriteCardDetails(ContactId id, const ContactFields& fields);
  Status DeleteChildren(ContactId id);
  // Reads the emails, phones, links, labels, extras, value types and
  // addresses of every contact in `contacts` (keyed by id), whose ids
  // `ids_json` lists as a JSON array.
  Status LoadChildren(std::map<std::int64_t, Contact>& contacts, const std::string& ids_json);
  // The cards of `ids` that exist, live or trashed, keyed by id: one query
  // per table however many ids.
  Result<std::map<std::int64_t, Contact>> LoadContacts(const std::vector<ContactId>& ids);
  // One entry of the two search tables, added or removed.
  Status WriteIndexEntry(std::int64_t key, const SearchDocument& document, bool remove);
  // What the two search tables are given for a card (the notes marked),
  // and the terms the vocabulary counts for it, as `tokenizer` splits them.
  static SearchDocument IndexedDocument(const FtsTokenizer& tokenizer, const Contact& contact,
                                        std::vector<std::string>& terms);

  // How many low bits of a search rowid hold the contact id
  // (search_layout; store/search_document.h), and the one KeyShiftFor gives
  // the highest id of any card, live or trashed (search_key_shift.cpp).
  Result<int> SearchKeyShift();
  Status SetSearchKeyShift(int shift);
  Result<int> KeyShiftForHighestId();
  // Stages the entry of every live card below `below` (the cards the index
  // holds outside a bulk's new ones), keyed with the widest layout.
  Status RestageIndexed(std::int64_t below);
  // Lays the whole index out again with the shift the highest id needs,
  // outside a bulk write: every card below `below` restaged and written
  // again (the cards from `below` on are new in this write, not indexed yet).
  Status WidenSearchKeys(std::int64_t below);

  // The bulk write (bulk_index.cpp). Cards with an id of `first_new_id` or
  // more were inserted during it: their index entries wait in `staged`
  // until IndexStaged writes them, in key order, just before COMMIT.
  struct BulkWrite {
    bool active = false;
    bool failed = false;  // a write in it failed: it may only roll back
    std::int64_t first_new_id = 0;
    std::int64_t cache_size_before = 0;  // PRAGMA cache_size, to restore
    StagedSearchEntries staged;
    // The CREATE statements of the indexes and triggers dropped for the
    // bulk (DeferIndexes), run again before its COMMIT.
    std::vector<std::string> deferred_schema;
    // The vocabulary's counts of a bulk transaction (not of an upgrade's
    // rebuild, which writes its own at its end), summed until its COMMIT.
    bool collects_vocabulary = false;
    VocabularyDelta vocabulary;
    // The counts of the new cards' terms, kept by the staging thread
    // (StageInBackground) and added to `vocabulary` before it is written.
    VocabularyDelta staged_vocabulary;
    // The lookup keys the list may hold, kept while a bulk writes into a
    // small list (bulk_index.cpp): every key of its cards before, and of
    // each row the bulk writes. Null: every lookup is asked of the tables.
    std::unique_ptr<KeyFilter> keys;
    // The id of each label text the bulk has written or looked up, by the
    // text as typed (its folded form follows from it): a few hundred texts
    // carry millions of labels. Safe for the bulk's length alone, which has
    // no savepoint to roll back to: a failed bulk rolls back whole and drops
    // the map too.
    std::unordered_map<std::string, std::int64_t> label_ids;
  };
  Result<Transaction> BeginTransaction(bool bulk);
  Status StartBulk();
  bool Staged(ContactId id) const { return bulk_.active && id.value >= bulk_.first_new_id; }
  Status StageIndexEntry(ContactId id, std::int64_t key, const SearchDocument& document, bool remove);
  // New cards' entries built, staged (sign +1) or unstaged (-1), and their
  // terms counted on the staging thread, in order, after every card handed
  // to it before: the writer goes on with the next rows meanwhile.
  Status StageInBackground(std::vector<Contact>&& contacts, int sign);
  Status IndexStaged();
  // Drops the indexes and triggers on contacts that a bulk builds at its end
  // (bulk_index.cpp says which), inside the bulk's transaction: a crash or a
  // rollback brings them back with everything else.
  Status DeferIndexes();
  // Writes the trigger rows of the new cards in one statement each, then
  // creates the deferred indexes and triggers again from their stored SQL.
  Status RestoreDeferredIndexes();
  // Gives the pages a bulk left free back to the file system, in a file in
  // incremental auto-vacuum mode (every file kith makes); others keep them
  // for their next writes.
  Status ReclaimFreePages();
  void EndBulk();
  // Fills bulk_.keys with the keys of every card the list holds, live or
  // trashed (a card may come back from the trash during the bulk).
  Status FilterListedKeys();
  // Adds a card's own keys, or its lists' (WriteChildren), to bulk_.keys
  // when the bulk keeps them.
  void FilterCardKeys(const std::string& uid, const std::string& sort_name, const std::string& company);
  void FilterListKeys(const ContactFields& fields);
  // Adds `vocabulary`'s counts to the table, term by term in its order.
  Status WriteVocabulary(const VocabularyDelta& vocabulary);
  // Writes what a bulk transaction summed, just before its COMMIT.
  Status WriteBulkVocabulary();
  // The id in label_values of a label text, added when new, remembered for
  // the rest of the bulk (BulkWrite::label_ids).
  Result<std::int64_t> LabelTextInBulk(const std::string& value);
  // Marks the card's health to be worked out again after its tags were
  // written, while a bulk write has the trigger that does it deferred.
  Status MarkTagsChanged(ContactId id);
  std::string SortName(std::string_view display_name) const;

  std::unique_ptr<Database> database_;
  std::unique_ptr<FtsTokenizer> tokenizer_;
  int savepoint_depth_ = 0;
  bool in_transaction_ = false;
  bool snapshot_held_ = false;
  BulkWrite bulk_;
  // The staging thread of a bulk transaction (StageInBackground), started
  // with its first new card and stopped with the bulk (EndBulk); its
  // tokenizer is kept for the next bulk.
  std::unique_ptr<FtsTokenizer> staging_tokenizer_;  // before stager_: it outlives the thread
  std::unique_ptr<SerialWorker> stager_;
};

// In the header so every file that implements part of SqliteStore can use it.
template <typename Body>
inline Status SqliteStore::Atomically(Body&& body) {
  if (database_->mode() == OpenMode::kReadOnly) {
    return Fail(ErrorCode::kIo, "database '" + database_->path() + "' is read-only: kith cannot write to it",
                "db");
  }
  if (bulk_.active) {
    // A savepoint copies every page it first changes into a journal of its
    // own, which made the savepoint round each batch of an import cost more
    // than the rows it wrote. A bulk write is all or nothing instead: a
    // write that fails in it fails the whole bulk, whose Commit refuses.
    Status status = body();
    if (!status) bulk_.failed = true;
    return status;
  }
  const std::string name = "kith_" + std::to_string(savepoint_depth_);
  KITH_RETURN_IF_ERROR(database_->Execute("SAVEPOINT " + name));
  ++savepoint_depth_;
  Status status = body();
  --savepoint_depth_;
  if (!status) {
    (void)database_->Execute("ROLLBACK TO " + name);
    (void)database_->Execute("RELEASE " + name);
    return status;
  }
  KITH_RETURN_IF_ERROR(database_->Execute("RELEASE " + name));
  return Ok();
}

}  // namespace kith::sqlite
