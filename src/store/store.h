// The store: where contacts live. One small interface, so the embedded SQLite
// file and a shared PostgreSQL server are interchangeable to app/.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "domain/contact.h"
#include "domain/contact_merge.h"
#include "domain/give.h"
#include "domain/relationship.h"
#include "domain/result.h"

namespace kith {

enum class ListSort { kName, kMetOn, kLastContact, kCreated };

struct ListQuery {
  std::string tag;    // only contacts with this tag (accents and case ignored)
  std::string event;  // only contacts met at this event (case ignored)
  ListSort sort = ListSort::kName;
  int limit = 50;
  int offset = 0;
  bool trashed = false;  // list the trash instead of the live list
};

// The columns of the search index, in order. Search expressions given to
// MatchSearchIndex use these names in FTS5 column filters ("{company} : acme*").
inline constexpr std::array<std::string_view, 13> kSearchColumns = {
    "name",  "company",  "title", "email", "phone", "place", "tag",
    "skill", "interest", "met",   "web",   "other", "note"};

// The three tiers of the index: names only; every field but the notes; all.
enum class SearchTable { kNames, kCards, kEverything };

// What identifies a person across files: the keys imports match on.
enum class ContactKey {
  kUid,      // the stable uid (a vCard UID, a kith export)
  kEmail,    // an email address, case ignored
  kPhone,    // a phone number in E.164
  kLinkUrl,  // a profile URL (LinkedIn, …), case ignored
  kName,     // the whole name, accents and case ignored
};

// How a contact in a DuplicatePair is named.
struct PairedName {
  std::string display_name;
  std::string given_name;
};

// Two live contacts that share a key, the lower id first, with their names.
struct DuplicatePair {
  ContactId first;
  ContactId second;
  ContactKey key = ContactKey::kEmail;  // kName means: same family name and company
  std::string value;                    // the shared value, as stored
  PairedName first_name;
  PairedName second_name;
};

// What a person's relationship health is computed from, beyond the card,
// read in bulk for one page or the whole list.
struct ContactActivity {
  ContactId contact;
  int contacts_since = 0;  // interactions that made contact since the day asked
  int facts = 0;
  int gives_from_me = 0;
  int gives_to_me = 0;
  std::optional<int> they_talked_average;  // over conversations with a recorded share
  std::optional<int> cadence_days;         // set on the person
  std::optional<int> tag_cadence_days;     // the shortest of their tags' defaults
  std::optional<Date> last_contact;
  std::optional<Date> met_on;
  Date added_on;
  // The oldest interaction counted in contacts_since: the day it leaves the
  // count is a day the health score changes on its own.
  std::optional<Date> oldest_contact_since;
};

// A relationship's health score as stored for sorting the list by it: valid
// from the day it was scored until `changes_on` (nullopt: until a write).
struct StoredHealth {
  ContactId contact;
  int score = 0;
  std::optional<Date> changes_on;
};

// Settings keys for a tag's default cadence: "cadence.tag.<folded tag>".
inline constexpr std::string_view kTagCadencePrefix = "cadence.tag.";

// The few fields that name a person in a list line: cheaper than a card
// (one row of `contacts`, no child rows).
struct ContactSummary {
  ContactId id;
  std::string uid;
  std::string display_name;
  std::string company;
  std::string met_at;
  std::optional<Date> last_contact;
  std::string city;
  std::optional<Date> met_on;
};

// The list line of a card already loaded.
inline ContactSummary SummaryOf(const Contact& contact) {
  return ContactSummary{contact.id,     contact.uid,          contact.display_name, contact.company,
                        contact.met_at, contact.last_contact, contact.city,         contact.met_on};
}

// A reminder with the person it is about, as a calendar line shows it.
struct ReminderOfContact {
  Reminder reminder;
  ContactSummary contact;
};

// What a search-as-you-type line shows of a person, and the fields its
// match snippet comes from: one row, the first email its only child value.
struct ContactGlance {
  ContactId id;
  std::string display_name;
  std::string company;
  std::string title;
  std::string email;
  std::string city;
  std::string met_at;
  std::string notes;
};

// An event with how its follow-ups went.
struct EventSummary {
  Event event;
  int met = 0;          // live contacts met there
  int followed_up = 0;  // of those, how many follow-ups are done
};

struct VocabularyEntry {
  std::string term;   // folded: lower case, no diacritics
  int documents = 0;  // how many live contacts use it
};

// The photo of a business card a contact was scanned from, kept with them.
struct CardImageData {
  std::string mime;  // "image/jpeg", "image/heic", …
  std::vector<std::byte> bytes;
  std::string added_on;  // YYYY-MM-DD
};

// A signed-in browser as the store keeps it: never the session id itself,
// only its SHA-256, so a copy of the database signs nobody in.
struct WebSession {
  std::string id_hash;            // hex SHA-256 of the cookie's value
  std::int64_t created_at = 0;    // Unix seconds
  std::int64_t last_seen_at = 0;  // Unix seconds
  // Who signed in, on a shared database with accounts (in the store's
  // workspace); "" for the one person of a file or a database without.
  std::string account;
};

// CardDAV. A card as a phone sent it (kept byte for byte, since kith does
// not model all of it) and kith's own vCard of the contact at that moment:
// when kith's vCard changes later, only the lines kith changed are patched
// into the client's (docs/sync.md).
struct StoredVCard {
  std::string vcard;      // as the client sent it
  std::string kith_view;  // kith's vCard of the contact when it was stored
};

// One entry of the changes journal: the last change of a contact. Every
// write to a contact renumbers its entry in the same transaction, so the
// entries after a sequence number are exactly what changed since.
struct ContactChange {
  std::int64_t sequence = 0;
  ContactId contact;
  std::string uid;      // kept after the contact is gone, so its href still reads
  bool member = false;  // live, and in the address book asked about
};

// An address book a CardDAV client created: the tag its cards carry.
struct AddressBookEntry {
  std::string segment;  // its name in the URL
  std::string tag;      // its display name, the tag of its cards
};

// A device that syncs (a phone, an address book app) with its own app
// password. The store keeps only the password's argon2id hash; a revoked
// device stays listed, with when it was revoked, and never signs in again.
struct Device {
  std::int64_t id = 0;
  std::string name;           // what the user called it; the Basic-auth user name
  std::string password_hash;  // argon2id, encoded
  std::string created_at;     // ISO UTC timestamp
  std::string last_used_at;   // ISO UTC timestamp; "" when never used
  std::string revoked_at;     // ISO UTC timestamp; "" while it may sync
  // The account that added it, on a shared database with accounts: the
  // member it syncs as. "" on a file or a database without accounts.
  std::string account;
};

// An open transaction. Rolls back when destroyed without Commit(), so an
// early `return` on error leaves the database exactly as it was.
class Transaction {
 public:
  Transaction(std::function<Status()> commit, std::function<void()> rollback)
      : commit_(std::move(commit)), rollback_(std::move(rollback)) {}
  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  // Makes every write since Begin() durable; on error nothing was written.
  [[nodiscard]] Status Commit();

 private:
  std::function<Status()> commit_;
  std::function<void()> rollback_;
};

class Store {
 public:
  virtual ~Store() = default;

  // Starts a write transaction. Fails with kIo on a read-only database and
  // kConflict when another writer holds the lock past the busy timeout.
  [[nodiscard]] virtual Result<Transaction> Begin() = 0;
  // Starts a write transaction for many new cards (an import, a generated
  // network): the cards inserted in it are written at once and indexed for
  // search only at Commit, all in one pass in index order, which is several
  // times cheaper than indexing each batch as it comes. It is one
  // transaction, all or nothing, and a write that fails inside it fails it
  // whole: Commit then refuses and nothing lands (there is no partial undo
  // of one write, which would cost a journal copy of every page it touched).
  // Until the commit, search does not find the new cards.
  [[nodiscard]] virtual Result<Transaction> BeginBulk() = 0;
  // Holds one read snapshot until it ends (Commit or destruction): every read
  // in between sees the database as one moment left it, and they all share
  // one read transaction instead of opening one each, which is most of the
  // cost of a small query. Inside a write transaction it adds nothing. No
  // write transaction may begin while it is held.
  [[nodiscard]] virtual Result<Transaction> ReadSnapshot() = 0;

  // Inserts a validated card and indexes it for search. `uid` must be unique
  // (kAlreadyExists otherwise); `now` is the created/updated timestamp.
  [[nodiscard]] virtual Result<Contact> InsertContact(const ContactFields& fields, const std::string& uid,
                                                      const std::string& now) = 0;
  // Inserts many cards in the caller's transaction, faster than one by one
  // (for imports and generated data). Returns the new ids in order.
  [[nodiscard]] virtual Result<std::vector<ContactId>> InsertContacts(
      const std::vector<ContactFields>& fields, const std::vector<std::string>& uids,
      const std::string& now) = 0;

  // A live or trashed contact; kNotFound when the id does not exist.
  [[nodiscard]] virtual Result<Contact> GetContact(ContactId id) = 0;
  // Contacts in the order of `ids`; ids that do not exist are skipped.
  [[nodiscard]] virtual Result<std::vector<Contact>> GetContacts(const std::vector<ContactId>& ids) = 0;
  // Live contacts whose whole name equals `name`, accents and case ignored.
  [[nodiscard]] virtual Result<std::vector<Contact>> FindContactsByName(std::string_view name) = 0;

  // Ids of live contacts holding `value` for `key` (at most 50, lowest first);
  // for kUid also a contact in the trash, since a uid stays taken there.
  [[nodiscard]] virtual Result<std::vector<ContactId>> FindContactIds(ContactKey key,
                                                                      std::string_view value) = 0;
  // Ids of live contacts with this whole name (accents and case ignored) at
  // this company (case ignored; empty matches empty), lowest first.
  [[nodiscard]] virtual Result<std::vector<ContactId>> FindNamesakes(std::string_view name,
                                                                     std::string_view company) = 0;
  // Pairs of live contacts that share an email, a phone, a profile URL, or a
  // family name at the same company: the candidates for `kith dupes`. Values
  // shared by ten or more contacts are left out: they identify nobody.
  [[nodiscard]] virtual Result<std::vector<DuplicatePair>> FindDuplicatePairs() = 0;

  // The job changes noticed for a contact, oldest first; and recording one.
  [[nodiscard]] virtual Result<std::vector<JobChange>> JobChanges(ContactId id) = 0;
  [[nodiscard]] virtual Status AddJobChange(ContactId id, const JobChange& change) = 0;
  // Moves everything that hangs off `from` (job changes, ledger entries,
  // interactions, facts, reminders, card images, a cadence) to `to`, as
  // merge `journal` needs, noting each row moved so UndoMergeMoves can move
  // exactly those back.
  [[nodiscard]] virtual Status MoveContactRecords(ContactId from, ContactId to, MergeId journal) = 0;

  // The merge journal. InsertMerge starts an entry (with `snapshot`: the
  // cards as they were, in the app's words) in the caller's transaction;
  // SealMerge records both cards as the merge left them, for
  // MergedCardsUnchanged to compare with later (false once either card was
  // written: edited, restored, trashed or deleted). GetMerge: kNotFound.
  [[nodiscard]] virtual Result<MergeId> InsertMerge(const Merge& merge, const std::string& snapshot) = 0;
  [[nodiscard]] virtual Status SealMerge(MergeId id) = 0;
  [[nodiscard]] virtual Result<std::pair<Merge, std::string>> GetMerge(MergeId id) = 0;
  [[nodiscard]] virtual Result<bool> MergedCardsUnchanged(MergeId id) = 0;
  // Moves the rows MoveContactRecords noted for the merge back to its other
  // card (those still on the kept one), and marks the merge undone at `now`.
  [[nodiscard]] virtual Status UndoMergeMoves(MergeId id, const std::string& now) = 0;

  // Ids of contacts after `after` in id order, at most `limit` (the trash
  // too when `include_trashed`): pages for an export of any size.
  [[nodiscard]] virtual Result<std::vector<ContactId>> ContactIdsAfter(ContactId after, int limit,
                                                                       bool include_trashed) = 0;

  // Opportunities. GetOpportunity: kNotFound for an unknown id.
  [[nodiscard]] virtual Result<Opportunity> InsertOpportunity(const OpportunityFields& fields,
                                                              Date created_on) = 0;
  [[nodiscard]] virtual Result<Opportunity> GetOpportunity(OpportunityId id) = 0;
  // Open ones (and closed ones when asked), the newest first.
  [[nodiscard]] virtual Result<std::vector<Opportunity>> ListOpportunities(bool include_closed) = 0;
  [[nodiscard]] virtual Status CloseOpportunity(OpportunityId id, Date on) = 0;

  // The ledger. InsertLedgerEntry ignores `entry.id` and returns the stored
  // entry; GetLedgerEntry: kNotFound for an unknown id.
  [[nodiscard]] virtual Result<LedgerEntry> InsertLedgerEntry(const LedgerEntry& entry) = 0;
  [[nodiscard]] virtual Result<LedgerEntry> GetLedgerEntry(LedgerEntryId id) = 0;
  [[nodiscard]] virtual Status SetLedgerOutcome(LedgerEntryId id, LedgerOutcome outcome) = 0;
  // A contact's entries, oldest first.
  [[nodiscard]] virtual Result<std::vector<LedgerEntry>> LedgerOf(ContactId id) = 0;
  // Every entry of every contact, by id: for a complete backup.
  [[nodiscard]] virtual Result<std::vector<LedgerEntry>> AllLedgerEntries() = 0;
  // Whether some live contact has `value` (accents and case ignored) as a
  // label of `kind` ("skill", "interest", "tag").
  [[nodiscard]] virtual Result<bool> LabelInUse(std::string_view kind, std::string_view value) = 0;
  // Everyone already offered this opportunity.
  [[nodiscard]] virtual Result<std::vector<ContactId>> OfferedOpportunity(OpportunityId id) = 0;
  // For each of `ids` given anything by you, the day of the latest give.
  [[nodiscard]] virtual Result<std::vector<std::pair<ContactId, Date>>> LastGiven(
      const std::vector<ContactId>& ids) = 0;
  // Live contacts open to opportunities since `since` or later (at most `limit`).
  [[nodiscard]] virtual Result<std::vector<ContactId>> OpenToOpportunitiesSince(Date since, int limit) = 0;

  // The card image kept with a contact (a contact keeps its latest).
  // SaveCardImage: kNotFound for an unknown contact. CardImage: kNotFound
  // when the contact has none.
  [[nodiscard]] virtual Status SaveCardImage(ContactId id, const CardImageData& image) = 0;
  [[nodiscard]] virtual Result<CardImageData> CardImage(ContactId id) = 0;
  // Which of `ids` keep a card image, in no order: one query, no image read
  // (the API says of each card in a page whether it has a photo).
  [[nodiscard]] virtual Result<std::vector<ContactId>> WithCardImages(const std::vector<ContactId>& ids) = 0;

  // Settings: your profile and preferences, as text by key.
  [[nodiscard]] virtual Result<std::optional<std::string>> GetSetting(std::string_view key) = 0;
  [[nodiscard]] virtual Status SetSetting(std::string_view key, std::string_view value) = 0;
  [[nodiscard]] virtual Result<std::vector<std::pair<std::string, std::string>>> AllSettings() = 0;

  // Web sessions, by the hash of their id. InsertWebSession: kConflict when
  // the hash is taken; FindWebSession: none when it is unknown.
  [[nodiscard]] virtual Status InsertWebSession(const WebSession& session) = 0;
  [[nodiscard]] virtual Result<std::optional<WebSession>> FindWebSession(std::string_view id_hash) = 0;
  [[nodiscard]] virtual Status TouchWebSession(std::string_view id_hash, std::int64_t last_seen_at) = 0;
  [[nodiscard]] virtual Status RemoveWebSession(std::string_view id_hash) = 0;
  // Removes sessions created before `created_before` or last seen before
  // `seen_before`, then the least recently seen ones beyond the `keep` most
  // recently seen.
  [[nodiscard]] virtual Status PruneWebSessions(std::int64_t created_before, std::int64_t seen_before,
                                                int keep) = 0;

  // Devices (app passwords). InsertDevice ignores `device.id` and returns the
  // stored device; FindLiveDevice: the unrevoked device of that name (case
  // ignored), none when there is no such device. Devices() lists every one,
  // revoked too, oldest first. RevokeDevice and TouchDevice: kNotFound for
  // an unknown id.
  [[nodiscard]] virtual Result<Device> InsertDevice(const Device& device) = 0;
  [[nodiscard]] virtual Result<std::optional<Device>> FindLiveDevice(std::string_view name) = 0;
  [[nodiscard]] virtual Result<std::vector<Device>> Devices() = 0;
  [[nodiscard]] virtual Result<bool> HasLiveDevices() = 0;
  [[nodiscard]] virtual Status RevokeDevice(std::int64_t id, std::string_view at) = 0;
  [[nodiscard]] virtual Status TouchDevice(std::int64_t id, std::string_view at) = 0;

  // Events. InsertEvent: kAlreadyExists when the name is taken (case
  // ignored); GetEvent: kNotFound for an unknown id.
  [[nodiscard]] virtual Result<Event> InsertEvent(const EventFields& fields) = 0;
  [[nodiscard]] virtual Result<Event> GetEvent(EventId id) = 0;
  [[nodiscard]] virtual Result<std::optional<Event>> FindEventByName(std::string_view name) = 0;
  // The newest first, each with how many people were met and followed up.
  [[nodiscard]] virtual Result<std::vector<EventSummary>> ListEvents(int limit) = 0;
  // Live contacts met at the event with this name (case ignored), by id:
  // first met there, or met again there (a follow-up for the event).
  [[nodiscard]] virtual Result<std::vector<ContactId>> ContactsMetAt(std::string_view event_name) = 0;

  // What is shared and what is mine (docs/team.md). A store acts as one
  // member of a shared workspace (AccountDirectory::ActAs; on a personal
  // file, its one person): what it writes carries that member as author,
  // and every read of interactions and facts gives the shared ones and the
  // member's own private ones, every read of reminders and cadences the
  // member's own. A personal file has one person: it keeps the private
  // flag and reads everything.
  //
  // Interactions, newest first. RecentInteractions spans everyone the
  // member logged (for their overall listening share): at most `limit`,
  // only those with a talk share when `with_talk_share`.
  [[nodiscard]] virtual Result<Interaction> InsertInteraction(const InteractionFields& fields) = 0;
  [[nodiscard]] virtual Result<std::vector<Interaction>> InteractionsOf(ContactId id, int limit) = 0;
  [[nodiscard]] virtual Result<std::vector<Interaction>> RecentInteractions(bool with_talk_share,
                                                                            int limit) = 0;
  // Sets the day of the last contact (none: never) and re-indexes the card,
  // whose place in search follows the relationship's recency.
  [[nodiscard]] virtual Status SetLastContact(ContactId id, std::optional<Date> day) = 0;

  // Facts. SetFact replaces the value of a contact's fact with the same kind
  // and key, or adds it; RemoveFact: kNotFound when there is none.
  [[nodiscard]] virtual Result<Fact> SetFact(const Fact& fact) = 0;
  [[nodiscard]] virtual Status RemoveFact(ContactId id, FactKind kind, std::string_view key) = 0;
  // A contact's facts, newest first.
  [[nodiscard]] virtual Result<std::vector<Fact>> FactsOf(ContactId id) = 0;

  // Reminders. InsertReminder ignores `reminder.id`; UpdateReminder writes
  // due, snooze, note, state and closed_on; GetReminder: kNotFound.
  [[nodiscard]] virtual Result<Reminder> InsertReminder(const Reminder& reminder) = 0;
  [[nodiscard]] virtual Result<Reminder> GetReminder(ReminderId id) = 0;
  [[nodiscard]] virtual Status UpdateReminder(const Reminder& reminder) = 0;
  // A contact's reminders, open ones first, then by due date.
  [[nodiscard]] virtual Result<std::vector<Reminder>> RemindersOf(ContactId id) = 0;
  // Open reminders of live contacts that show on or before `day`, by the day
  // they show (then id), at most `limit`; `kind` filters when given.
  [[nodiscard]] virtual Result<std::vector<Reminder>> OpenReminders(Date day,
                                                                    std::optional<ReminderKind> kind,
                                                                    int limit) = 0;
  [[nodiscard]] virtual Result<std::int64_t> CountOpenReminders(Date day,
                                                                std::optional<ReminderKind> kind) = 0;
  // Open reminders of live contacts in id order after `after`, each with its
  // contact's summary (one read of the contact per reminder): every one, in
  // pages, for the calendar feed.
  [[nodiscard]] virtual Result<std::vector<ReminderOfContact>> OpenRemindersAfter(ReminderId after,
                                                                                  int limit) = 0;
  // A number that moves with every write to a reminder or to a contact (so
  // to what the calendar feed shows of them): the same number, the same
  // calendar. nullopt when this store keeps no such number, and only the
  // reminders themselves can tell.
  [[nodiscard]] virtual Result<std::optional<std::int64_t>> CalendarRevision() = 0;

  // A person's own reconnect cadence, in days (none: not set).
  [[nodiscard]] virtual Result<std::optional<int>> CadenceOf(ContactId id) = 0;
  [[nodiscard]] virtual Status SetCadence(ContactId id, std::optional<int> days) = 0;

  // Your posts, newest first.
  [[nodiscard]] virtual Result<Post> InsertPost(const PostFields& fields) = 0;
  [[nodiscard]] virtual Result<std::vector<Post>> ListPosts(int limit) = 0;

  // For a complete backup: the relationship tables read whole or in pages,
  // in id order. Rows of people in the trash are left out, as the export
  // leaves those people out.
  // Every event, by id.
  [[nodiscard]] virtual Result<std::vector<Event>> AllEvents() = 0;
  // Interactions, facts and reminders (in every state) of live contacts with
  // an id above `after`, at most `limit`, by id: a page shorter than `limit`
  // is the last one.
  [[nodiscard]] virtual Result<std::vector<Interaction>> InteractionsAfter(InteractionId after,
                                                                           int limit) = 0;
  [[nodiscard]] virtual Result<std::vector<Fact>> FactsAfter(FactId after, int limit) = 0;
  [[nodiscard]] virtual Result<std::vector<Reminder>> RemindersAfter(ReminderId after, int limit) = 0;
  // Every live contact's own cadence, (contact, days), by contact id.
  [[nodiscard]] virtual Result<std::vector<std::pair<ContactId, int>>> AllCadences() = 0;
  // The uids of `ids` (live or trashed), as (id, uid) in the order given;
  // ids that do not exist are skipped.
  [[nodiscard]] virtual Result<std::vector<std::pair<ContactId, std::string>>> UidsOf(
      const std::vector<ContactId>& ids) = 0;

  // Health inputs for these contacts (in the order given), counting
  // interactions since `since`; ActivityOfEveryone does every live contact.
  [[nodiscard]] virtual Result<std::vector<ContactActivity>> ActivityOf(const std::vector<ContactId>& ids,
                                                                        Date since) = 0;
  [[nodiscard]] virtual Result<std::vector<ContactActivity>> ActivityOfEveryone(Date since) = 0;

  // Stored health (ListByHealth). Every write that changes what a score is
  // made of marks the person (triggers in the schema), so a stored score is
  // valid until it is marked or its changes_on day comes.
  // StaleHealth: up to `limit` people on the list `filters` describes (live
  // only; its tag and event) whose stored score is not valid on `today`
  // (never scored, marked, or aged), by id.
  [[nodiscard]] virtual Result<std::vector<ContactId>> StaleHealth(const ListQuery& filters, Date today,
                                                                   int limit) = 0;
  // The first `count` people of that list by stored score, weakest first
  // (score, then id), among those whose score is valid on `today`.
  [[nodiscard]] virtual Result<std::vector<StoredHealth>> WeakestStoredHealth(const ListQuery& filters,
                                                                              Date today, int count) = 0;
  // Stores scores computed on `today` and clears their people's marks, all
  // or nothing; kIo on a read-only database.
  [[nodiscard]] virtual Status SaveHealth(const std::vector<StoredHealth>& scores, Date today) = 0;
  // The latest day scores were stored for (nullopt before the first): a
  // score stored for a later day than today may be too low for today.
  [[nodiscard]] virtual Result<std::optional<Date>> HealthScoredOn() = 0;
  // False on a connection opened read-only (the server's readers).
  [[nodiscard]] virtual bool Writable() const = 0;
  // Names for these contacts, in the order given; unknown ids are skipped.
  [[nodiscard]] virtual Result<std::vector<ContactSummary>> ContactSummaries(
      const std::vector<ContactId>& ids) = 0;
  // Glances at these contacts (live or trashed), in the order given;
  // unknown ids are skipped.
  [[nodiscard]] virtual Result<std::vector<ContactGlance>> ContactGlances(
      const std::vector<ContactId>& ids) = 0;
  // Live contacts last in touch between `from` and `to` (inclusive), the
  // most recent first: where drifting relationships are found.
  [[nodiscard]] virtual Result<std::vector<ContactId>> LastInTouchBetween(Date from, Date to, int limit) = 0;
  // Live contacts met on or after `since`, the most recent first, who have a
  // LinkedIn/Twitter/… profile you are neither connected to nor following.
  [[nodiscard]] virtual Result<std::vector<ContactId>> NotYetConnected(Date since, int limit) = 0;

  // Replaces the fields of an existing contact and re-indexes it.
  [[nodiscard]] virtual Status UpdateContact(ContactId id, const ContactFields& fields,
                                             const std::string& now) = 0;
  // Moves a contact to the trash (out of lists and search) or back.
  [[nodiscard]] virtual Status TrashContact(ContactId id, const std::string& now) = 0;
  [[nodiscard]] virtual Status RestoreContact(ContactId id, const std::string& now) = 0;
  // Deletes every contact in the trash for good, with all that hangs off
  // them (facts, interactions, reminders, …); live contacts are untouched.
  // Returns how many were deleted.
  [[nodiscard]] virtual Result<std::int64_t> DeleteTrashedContacts() = 0;

  // Up to `limit` values of labels of `kind` ("tag", "skill", "interest")
  // that start with `prefix` (accents and case ignored), the most used first.
  [[nodiscard]] virtual Result<std::vector<std::string>> LabelsWithPrefix(std::string_view kind,
                                                                          std::string_view prefix,
                                                                          int limit) = 0;
  // Up to `limit` events (kith's events and the "met at" of live cards) whose
  // name starts with `prefix` (case ignored), the most people met first.
  [[nodiscard]] virtual Result<std::vector<std::string>> MetAtWithPrefix(std::string_view prefix,
                                                                         int limit) = 0;

  // The ids of one page of the list, in its order; ListContacts loads their
  // cards, ContactSummaries only their list lines.
  [[nodiscard]] virtual Result<std::vector<ContactId>> ListContactIds(const ListQuery& query) = 0;
  [[nodiscard]] virtual Result<std::vector<Contact>> ListContacts(const ListQuery& query) = 0;
  [[nodiscard]] virtual Result<std::int64_t> CountContacts(const ListQuery& query) = 0;

  // Ids of live contacts matching `expression` (FTS5 query syntax over
  // kSearchColumns) in `table`, the most recent relationship first.
  [[nodiscard]] virtual Result<std::vector<ContactId>> MatchSearchIndex(SearchTable table,
                                                                        const std::string& expression,
                                                                        int limit) = 0;
  // How many live contacts match `expression` in `table`.
  [[nodiscard]] virtual Result<std::int64_t> CountSearchIndex(SearchTable table,
                                                              const std::string& expression) = 0;
  // The vocabulary holds every term of a live contact that has three or more
  // characters and is not all digits, with how many contacts use it.
  // Up to `limit` vocabulary terms that start with `prefix` (folded), in order.
  [[nodiscard]] virtual Result<std::vector<std::string>> VocabularyWithPrefix(std::string_view prefix,
                                                                              int limit) = 0;
  // Vocabulary terms without digits that start with the character `head` and
  // have between `min_length` and `max_length` characters: typo candidates.
  [[nodiscard]] virtual Result<std::vector<VocabularyEntry>> VocabularyNear(std::string_view head,
                                                                            int min_length,
                                                                            int max_length) = 0;
  // Splits text into terms exactly as the index does.
  [[nodiscard]] virtual std::vector<std::string> SearchTerms(std::string_view text) const = 0;

  // Copies the whole database, as it stood at one moment, into a new file at
  // `path` (SQLite's online backup: writers on other connections go on
  // meanwhile and the copy holds none of their half-done work). The copy is
  // written but not flushed to the disk: the caller does that. kIo naming
  // `path` when it cannot be written (a full disk, an I/O error).
  [[nodiscard]] virtual Status CopyTo(const std::string& path) = 0;
  // CardDAV. StoredVCardsOf: the vCards clients sent for any of `ids`, by
  // contact id (one query for the batch; a contact whose card never came
  // from a client has none). SaveStoredVCard replaces one; kNotFound for an
  // unknown contact.
  [[nodiscard]] virtual Result<std::map<std::int64_t, StoredVCard>> StoredVCardsOf(
      const std::vector<ContactId>& ids) = 0;
  [[nodiscard]] virtual Status SaveStoredVCard(ContactId id, const StoredVCard& card) = 0;
  // The newest sequence number of the changes journal (0 when empty).
  [[nodiscard]] virtual Result<std::int64_t> LatestChange() = 0;
  // Journal entries after `sequence`, oldest first, at most `limit`; each
  // says whether the contact is live and carries `tag` (folded; empty: any).
  [[nodiscard]] virtual Result<std::vector<ContactChange>> ChangesAfter(std::int64_t sequence,
                                                                        std::string_view tag, int limit) = 0;
  // The journal entry of each of `ids` that has one (member as above), in
  // the order of `ids`; one query for the batch.
  [[nodiscard]] virtual Result<std::vector<ContactChange>> ChangesOf(const std::vector<ContactId>& ids,
                                                                     std::string_view tag) = 0;
  // Address books by segment. InsertAddressBook: kAlreadyExists when the
  // segment is taken. Rename and Remove: kNotFound for an unknown segment.
  [[nodiscard]] virtual Result<std::vector<AddressBookEntry>> AddressBooks() = 0;
  [[nodiscard]] virtual Status InsertAddressBook(const AddressBookEntry& book) = 0;
  [[nodiscard]] virtual Status RenameAddressBook(std::string_view segment, std::string_view tag) = 0;
  [[nodiscard]] virtual Status RemoveAddressBook(std::string_view segment) = 0;
  // Live contacts carrying the tag `folded` (as the store folds labels).
  [[nodiscard]] virtual Result<std::vector<ContactId>> ContactsTagged(std::string_view tag) = 0;
  // A tag folded as the store compares labels (accents and case ignored).
  [[nodiscard]] virtual std::string FoldLabel(std::string_view label) const = 0;
  // Checks the file from top to bottom: its pages and indexes (SQLite's
  // integrity_check), every foreign key, and each search table against the
  // cards it indexes. Returns what is wrong, each a sentence; empty when the
  // database is sound. kIo when the checks themselves cannot run.
  [[nodiscard]] virtual Result<std::vector<std::string>> CheckIntegrity() = 0;
};

enum class OpenIntent { kReadWrite, kReadOnly };

// Opens or creates the SQLite database at `path`, applying pending
// migrations. Errors: kIo when the path is a directory, unreadable, or the
// file is not a kith database; kConflict when the file was written by a newer
// kith (its schema version is higher than this build knows).
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               OpenIntent intent = OpenIntent::kReadWrite);

// Connects to the PostgreSQL database at `uri` (any libpq URI; an empty
// host takes libpq's PG* environment), applying pending migrations, and
// opens its default workspace. Errors: kIo when the server cannot be
// reached or refuses; kConflict when a newer kith wrote the schema.
Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& uri,
                                                 OpenIntent intent = OpenIntent::kReadWrite);

// Whether `location` (a --db value) names a PostgreSQL database
// ("postgresql://…" or "postgres://…") rather than an SQLite file.
bool IsPostgresLocation(std::string_view location);

// `location` as it may be printed or logged: a PostgreSQL URI without its
// password (user:secret@ and password=… are masked); a file path as it is.
std::string PrintableLocation(std::string_view location);

// Opens the store `location` names: a PostgreSQL URI or an SQLite file.
Result<std::unique_ptr<Store>> OpenStore(const std::string& location,
                                         OpenIntent intent = OpenIntent::kReadWrite);

// The schema version this build creates and understands.
int CurrentSchemaVersion();

}  // namespace kith
