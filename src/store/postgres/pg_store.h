// The PostgreSQL implementation of Store, one workspace of a shared
// database. Every query is parameterised and names the workspace.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/account_directory.h"
#include "store/batched_lookups.h"
#include "store/candidate_matching.h"
#include "store/card_store.h"
#include "store/file_migration.h"
#include "store/member_sessions.h"
#include "store/passes_in_turn.h"
#include "store/postgres/connection.h"
#include "store/postgres/fts_expression.h"
#include "store/postgres/listed_keys.h"
#include "store/search_document.h"
#include "store/sign_in_failures.h"
#include "store/sqlite/database.h"
#include "store/sqlite/fts_tokenizer.h"
#include "store/store.h"
#include "store/vocabulary_reaches.h"

namespace kith::postgres {

// Every string that starts with `prefix` sorts (byte by byte, COLLATE "C")
// from `prefix` to below `prefix` followed by the last code point: the
// bounds of one btree range. (SQLite's stores use a 0xFF byte, which
// PostgreSQL refuses in text.)
inline std::string PastPrefix(std::string_view prefix) { return std::string(prefix) + "\xf4\x8f\xbf\xbf"; }

// The WHERE over contacts of a list or count (contacts.cpp): the list's
// filters, parameters added to `params` (numbered from $2; $1 is the
// workspace); columns unqualified, so a query of another table probes it
// in a subquery of contacts.
std::string ListWhere(const ListQuery& query, const std::string& folded_tag, Params& params);

class PgStore final : public CardStore,
                      public AccountDirectory,
                      public FileMigration,
                      public BatchedLookups,
                      public CandidateMatching,
                      public MemberSessions,
                      public PassesInTurn,
                      public SignInFailureBook,
                      public VocabularyReaches {
 public:
  // Connects to `uri`, applies pending migrations (under an advisory lock,
  // so servers starting together upgrade once) and opens the default
  // workspace as its owner until ActAs (read only for kReadOnly). kIo when the server cannot be
  // reached; kConflict when the database was written by a newer kith.
  static Result<std::unique_ptr<PgStore>> Open(const std::string& uri, OpenIntent intent);

  Result<Transaction> Begin() override;
  Result<Transaction> BeginBulk() override;
  Result<Transaction> ReadSnapshot() override;
  Result<std::vector<ContactId>> StaleHealth(const ListQuery& filters, Date today, int limit) override;
  Result<std::vector<StoredHealth>> WeakestStoredHealth(const ListQuery& filters, Date today,
                                                        int count) override;
  Status SaveHealth(const std::vector<StoredHealth>& scores, Date today) override;
  Result<std::optional<Date>> HealthScoredOn() override;
  bool Writable() const override { return !read_only_; }
  Result<std::vector<ContactGlance>> ContactGlances(const std::vector<ContactId>& ids) override;
  Result<std::vector<Contact>> GetContacts(const std::vector<ContactId>& ids) override;
  Result<std::vector<Contact>> FindContactsByName(std::string_view name) override;
  Result<std::vector<ContactId>> FindNamesakes(std::string_view name, std::string_view company) override;
  Result<std::vector<std::vector<ContactId>>> FindManyContactIds(
      std::span<const ContactLookup> lookups) override;
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
  Result<std::vector<ContactId>> NotYetConnected(Date since, int limit) override;
  Result<std::vector<ContactId>> LastInTouchBetween(Date from, Date to, int limit) override;
  Result<std::vector<ContactSummary>> ContactSummaries(const std::vector<ContactId>& ids) override;
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
  Result<std::optional<MemberSession>> FindMemberSession(std::int64_t workspace_id,
                                                         std::string_view id_hash) override;
  Status ActAsClaimedMember(const WorkspaceAccess& member, const SessionClaim& claim) override;
  Status ConfirmClaim() override;
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
  Result<std::vector<ContactId>> MatchSearchIndexAmong(SearchTable table, const std::string& expression,
                                                       const std::vector<ContactId>& candidates,
                                                       int limit) override;
  Result<PassesFound> MatchSearchIndexInTurn(SearchTable table, const std::string& first,
                                             const std::string& second, int limit) override;
  Result<std::vector<std::string>> VocabularyWithPrefix(std::string_view prefix, int limit) override;
  Result<std::vector<VocabularyEntry>> VocabularyNear(std::string_view head, int min_length,
                                                      int max_length) override;
  Result<std::vector<std::vector<VocabularyEntry>>> VocabularyNearEach(
      const std::vector<VocabularyReach>& reaches) override;
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

  // The directory of accounts, workspaces and members (accounts.cpp).
  // Failed sign-ins (sign_in_failures.cpp): outside every workspace.
  Result<SignInFailureCount> SignInFailuresOf(const std::string& key,
                                              const SignInFailureMemory& memory) override;
  Result<int> AddSignInFailure(const std::string& key, const SignInFailureMemory& memory,
                               const std::function<std::chrono::seconds(int failures)>& delay_after) override;
  Status ClearSignInFailures(const std::string& key) override;

  Result<bool> HasAccounts() override;
  Result<std::optional<std::string>> MemberCalendarToken() override;
  Status SetMemberCalendarToken(std::string_view token, std::string_view created_at) override;
  Result<bool> RemoveMemberCalendarToken() override;
  Status InsertAccount(std::string_view name, std::string_view password_hash,
                       std::string_view created_at) override;
  Result<std::vector<Account>> Accounts() override;
  Result<std::optional<std::string>> PasswordHashOf(std::string_view account) override;
  Result<Workspace> InsertWorkspace(std::string_view name, std::string_view created_at) override;
  Result<std::optional<Workspace>> FindWorkspace(std::string_view name) override;
  Result<std::vector<Workspace>> Workspaces() override;
  Status LockWorkspace(std::int64_t workspace_id) override;
  Result<std::vector<Membership>> MembersOf(std::int64_t workspace_id) override;
  Result<std::optional<Role>> RoleOf(std::int64_t workspace_id, std::string_view account) override;
  Status SetMember(std::int64_t workspace_id, std::string_view account, Role role) override;
  Status RemoveMember(std::int64_t workspace_id, std::string_view account) override;
  Result<std::optional<WorkspaceAccess>> FindMember(std::int64_t workspace_id,
                                                    std::string_view account) override;
  Status HandOverRowsOfNoOne(std::int64_t workspace_id, std::string_view account) override;
  Status ActAs(const WorkspaceAccess& access) override;
  WorkspaceAccess Access() const override { return access_; }

  // A personal file taken in (file_migration.cpp).
  Result<bool> WorkspaceIsEmpty() override;
  Result<std::vector<MigratedTable>> CopySqliteFile(const std::string& path) override;

 private:
  // The statements of the shared card writes (card_store.h); the search
  // index's in search_index.cpp.
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
  Status IndexContact(const Contact& contact, int sign, VocabularyDelta& vocabulary) override;
  Status ApplyVocabulary(const VocabularyDelta& vocabulary) override;
  Status IndexNewCards(const std::vector<const Contact*>& contacts, VocabularyDelta& vocabulary) override;
  // A card's index entry, "column:term" sorted and distinct; appends every
  // term of it (for the vocabulary) to `all_terms`.
  std::vector<std::string> Lexemes(const Contact& contact, std::vector<std::string>& all_terms) const;

  PgStore(std::unique_ptr<Connection> connection, std::unique_ptr<sqlite::Database> folding,
          std::unique_ptr<sqlite::FtsTokenizer> tokenizer)
      : connection_(std::move(connection)), folding_(std::move(folding)), tokenizer_(std::move(tokenizer)) {}

  Status Migrate();
  // Runs a pending claim's check before the settings deferred with it are
  // replaced (ActAs, ActAsClaimedMember).
  void SettleClaim();
  // Runs `body` as the acting member (acting: true), then acting as each
  // other member of the workspace and as nobody ("") in turn, and as the
  // member again after: the rows one member alone sees (merge_journal.cpp)
  // are moved by statements acting as their author. Call inside Atomically.
  Status AsEachAuthor(const std::function<Status(const std::string& author, bool acting)>& body);
  // Runs `body` inside a savepoint (in the caller's transaction) or a
  // transaction of its own: all of it lands or none of it does.
  template <typename Body>
  Status Atomically(Body&& body);
  // Runs one statement of the workspace: $1 is always the workspace id,
  // `params` are $2 onwards.
  Result<Rows> Run(const std::string& sql, const Params& params = {});
  // Runs one write as Atomically does: a failed one leaves the caller's
  // transaction usable, as on SQLite (PostgreSQL would abort all of it).
  Status Write(const std::string& sql, const Params& params = {});
  // Reserves `count` new ids of `counter` in this workspace; returns the first.
  Result<std::int64_t> NextIds(std::string_view counter, std::int64_t count);
  bool read_only_ = false;

  // Contacts (contacts.cpp).
  Status InsertRow(ContactId id, const ContactFields& fields, const std::string& uid, const std::string& now);
  Status WriteChildren(ContactId id, const ContactFields& fields);
  Status DeleteChildren(ContactId id);
  Result<std::vector<Contact>> LoadContacts(const std::vector<ContactId>& ids);
  Result<std::vector<ContactId>> Ids(const std::string& sql, const Params& params);

  std::string SortName(std::string_view display_name) const;

  // Search (search_index.cpp): the first `limit` of the `newest` cards by
  // search key whose terms match the tsquery `query`, in that order.
  Result<std::vector<ContactId>> NewestMatching(const std::string& query, int limit, int newest);
  // What MatchSearchIndex asks the GIN index (`index`, a tsquery) and what
  // it tests each card the index finds for (`rest`; empty: nothing more),
  // and, when there is a rest, the most cards the index can find for it
  // (the vocabulary's count of the words asked as typed).
  struct GinRead {
    std::string index;
    std::string rest;
    std::optional<std::int64_t> listed;
  };
  // How many cards can hold each of `words` (each a word's forms, the words
  // ANDed), at most, by the vocabulary; nullopt: more than it counts.
  Result<std::vector<std::optional<std::int64_t>>> BoundsOf(const std::vector<std::vector<NameKey>>& words);
  // How the cards matching `query` (`expression`'s tsquery in `table`;
  // `words` its words and `bounds` theirs) are read from the GIN index.
  Result<GinRead> GinReadOf(std::string_view expression, SearchTable table, const std::string& query,
                            const std::vector<std::vector<NameKey>>& words,
                            const std::vector<std::optional<std::int64_t>>& bounds);
  // The first `limit` of the cards `read` finds, by search key, when there
  // are fewer than `most` of them (none: however many); nullopt otherwise.
  Result<std::optional<std::vector<ContactId>>> MatchesRead(const GinRead& read, int limit,
                                                            std::optional<int> most);
  // MatchesRead of at most a short list.
  Result<std::optional<std::vector<ContactId>>> ShortList(const GinRead& read, int limit);
  // Whether each of `words` (each a word's forms) is in someone's name.
  Result<bool> EveryWordNamed(const std::vector<std::vector<NameKey>>& words);
  // The first `limit` of every card `read` finds, by search key.
  Result<std::vector<ContactId>> AllMatching(const GinRead& read, int limit);
  // A names-tier pass for one word in `forms` (`query` is its tsquery):
  // the first `limit` cards by search key.
  Result<std::vector<ContactId>> MatchNames(const std::vector<NameKey>& forms, const std::string& query,
                                            int limit);
  // The same once the range of a prefix in `forms` was found too long to
  // read whole: the newest few thousand cards, then every name of it.
  Result<std::vector<ContactId>> NamesPastALongRange(const std::vector<NameKey>& forms,
                                                     const std::string& query, int limit);
  // The same from name_terms by each name a prefix in `forms` is the start
  // of; nullopt when a prefix starts too many names.
  Result<std::optional<std::vector<ContactId>>> NamesBySpelling(const std::vector<NameKey>& forms, int limit);
  // The same from name_terms alone, reading at most `longest` names of a
  // prefix's range (none: every one); nullopt when a range is longer.
  Result<std::optional<std::vector<ContactId>>> NamesMatching(const std::vector<NameKey>& forms, int limit,
                                                              std::optional<int> longest);

  // Many rows at once (bulk_copy.cpp). CopyInto puts the rows `write`
  // gives (each led by the workspace, then `columns`) into `table` through
  // COPY and a staging table, then `on_conflict`; returns the rows
  // inserted. Inside a bulk transaction a batch of at least a few cards
  // goes in this way (CopiesCards), its lists and search entries too.
  Result<std::int64_t> CopyInto(const std::string& table, const std::string& columns,
                                const std::function<Status(CopyWriter&)>& write,
                                std::string_view on_conflict = "");
  // The staging CopyInto goes through, the rows sent by `send` in the
  // format COPY's `options` name ("" for text).
  Result<std::int64_t> CopyThroughStaging(const std::string& table, const std::string& columns,
                                          std::string_view options, const std::function<Status()>& send,
                                          std::string_view on_conflict = "");
  [[nodiscard]] bool CopiesCards(std::size_t count) const;
  // Gathers the planner's statistics again once the cards a bulk
  // transaction copied (`added` more now) have grown tenfold since.
  Status AnalyzeAsTheCardsGrow(std::int64_t added);
  Status CopyCardRows(ContactId first, std::span<const ContactFields> fields,
                      std::span<const std::string> uids, const std::string& now);
  Result<Transaction> BeginTransaction(bool bulk);

  // A personal file taken in (file_migration.cpp): one table's rows
  // through COPY, and the search index of every live card made afresh.
  Result<std::int64_t> CopyTableFrom(sqlite::Database& file, const std::string& table);
  Status IndexEveryLiveCard();
  Status CarryMergeRevisions(sqlite::Database& file);

  std::unique_ptr<Connection> connection_;
  // SQLite's unicode61 tokenizer, on an in-memory database of its own: both
  // stores fold text into terms by the one function, so a query, a sort
  // name or a label folds the same on either (search/query.cpp folds
  // queries through SearchTerms before the store sees them).
  std::unique_ptr<sqlite::Database> folding_;
  std::unique_ptr<sqlite::FtsTokenizer> tokenizer_;
  std::int64_t workspace_ = 0;
  WorkspaceAccess access_;
  // Where the session ActAsClaimedMember acts on stands: its check not yet
  // run (deferred on the connection), found to hold, or refused.
  enum class Claim { kNone, kPending, kHeld, kRefused };
  Claim claim_ = Claim::kNone;
  int savepoint_depth_ = 0;
  bool in_transaction_ = false;
  bool bulk_ = false;                   // the open transaction is a bulk one (BeginBulk)
  std::int64_t copied_cards_ = 0;       // by the open bulk transaction
  std::int64_t analyzed_at_cards_ = 0;  // copied_cards_ at its last ANALYZE
  // The lookup keys the workspace may hold, while a bulk transaction into a
  // small one is open (ListKeysOfASmallWorkspace); null otherwise.
  std::unique_ptr<ListedKeys> listed_keys_;
  bool keys_listed_ = false;  // the open bulk transaction has tried to list them
  Status ListKeysOfASmallWorkspace();
  // Adds a card's keys to listed_keys_, if kept, as it is written.
  void ListCardKeys(const std::string& uid, std::string_view sort_name, const ContactFields& fields);
  // A bulk transaction's changes to the vocabulary, written when it
  // commits (WriteVocabulary) instead of batch by batch: PostgreSQL keeps
  // every version of a row a transaction updated until it ends, so the
  // common terms' rows, updated by every batch, made each batch's upsert
  // walk the versions of all the batches before it. One map per open
  // savepoint (the first the transaction's): a savepoint rolled back takes
  // its changes with it. Nothing a bulk write does reads the vocabulary.
  std::vector<VocabularyDelta> deferred_vocabulary_;
  Status WriteVocabulary(const VocabularyDelta& vocabulary);

  // Glances (glances.cpp). The search statements bring each card they find
  // with its glance (WithGlances), kept here for the ContactGlances that
  // follows a typeahead's search: the page's rows then cost no statement
  // and no round trip of their own. Kept only until the next
  // ContactGlances, transaction or ActAs, so no glance outlives the
  // request and member that read it.
  std::unordered_map<std::int64_t, ContactGlance> found_glances_;
  // The cards of `rows` (their ids in column `id`, their keys in `key`),
  // the best first; their glances, read from column `glance` on, kept.
  // With `taken`, only the rows it accepts.
  std::vector<ContactId> KeepGlances(const Rows& rows, int id, int key, int glance,
                                     const std::function<bool(int row)>& taken = {});
  // A search statement (its rows cards, best first, with `contact_id` and
  // `search_key`) run with each card's glance after its columns; its ids.
  Result<std::vector<ContactId>> GlancedIds(const std::string& sql, const Params& params);
};

// `sql`, whose rows are cards with their search keys, with each card's
// glance after its own columns (`hit.*`): the card whose id is
// `id` (an expression over `hit`), its id and the columns ContactGlances
// reads, NULL for a card this member cannot see.
std::string WithGlances(std::string_view sql, std::string_view id);

template <typename Body>
inline Status PgStore::Atomically(Body&& body) {
  found_glances_.clear();  // a write may change what they show
  const bool own = !in_transaction_ && savepoint_depth_ == 0;
  const std::string name = "kith_" + std::to_string(savepoint_depth_);
  KITH_RETURN_IF_ERROR(connection_->Execute(own ? std::string("BEGIN") : "SAVEPOINT " + name));
  ++savepoint_depth_;
  if (!deferred_vocabulary_.empty()) deferred_vocabulary_.emplace_back();
  Status status = body();
  if (deferred_vocabulary_.size() > 1) {
    VocabularyDelta inner = std::move(deferred_vocabulary_.back());
    deferred_vocabulary_.pop_back();
    if (status) {
      for (const auto& [term, delta] : inner) deferred_vocabulary_.back()[term] += delta;
    }
  }
  --savepoint_depth_;
  if (!status) {
    (void)connection_->EndTransaction(own ? std::string("ROLLBACK") : "ROLLBACK TO SAVEPOINT " + name);
    if (!own) (void)connection_->EndTransaction("RELEASE SAVEPOINT " + name);
    return status;
  }
  return connection_->EndTransaction(own ? std::string("COMMIT") : "RELEASE SAVEPOINT " + name);
}

}  // namespace kith::postgres
