#include <algorithm>
#include <exception>
#include <functional>
#include <unordered_map>
#include <utility>

#include "app/access.h"
#include "app/contacts.h"
#include "app/import_source.h"
#include "app/prepare_import_record.h"
#include "app/relationship_support.h"
#include "app/restore_backup.h"
#include "app/same_person.h"
#include "app/transfer.h"
#include "app/written_profiles.h"
#include "domain/contact_merge.h"
#include "domain/producer_thread.h"
#include "domain/validation.h"
#include "formats/contact_table.h"
#include "formats/kith_json.h"
#include "formats/vcard_reader.h"
#include "formats/xlsx_reader.h"
#include "store/batched_lookups.h"

namespace kith {
namespace {

constexpr std::size_t kBatch = 2000;
// A read ahead of lookups covers at least this many rows (Importer::Forget).
constexpr std::size_t kLeastReadAhead = 16;
constexpr std::string_view kUuidUrn = "urn:uuid:";
// An email or phone held by this many people is shared (see FirstNamed).
constexpr std::size_t kSharedByMany = 10;

std::string_view FormatName(ImportFormat format) {
  switch (format) {
    case ImportFormat::kAuto:
      return "auto";
    case ImportFormat::kLinkedIn:
      return "linkedin";
    case ImportFormat::kGoogle:
      return "google";
    case ImportFormat::kOutlook:
      return "outlook";
    case ImportFormat::kCsv:
      return "csv";
    case ImportFormat::kVCard:
      return "vcard";
    case ImportFormat::kXlsx:
      return "xlsx";
    case ImportFormat::kJson:
      return "json";
  }
  return "auto";
}

// Where a row's person came from, for the job-change rule: only a LinkedIn
// export speaks with authority about someone's current job.
enum class Authority { kNone, kLinkedIn };

// Reads records, matches them against the list and the rows before them,
// and writes in batches inside the caller's transaction.
class Importer {
 public:
  Importer(Context& context, const ImportRequest& request, ImportSummary& summary)
      : context_(context), request_(request), summary_(summary), now_(context.clock.NowTimestamp()) {}

  void set_authority(Authority authority) { authority_ = authority; }

  // Queues a prepared record; the queue is matched every kBatch records.
  Status Add(PreparedRecord&& prepared) {
    queued_.push_back(Queued{std::move(prepared.record), std::move(prepared.match_name)});
    if (queued_.size() >= kBatch) return Drain();
    return Ok();
  }

  Status Flush() {
    KITH_RETURN_IF_ERROR(Drain());
    return FlushPending();
  }

 private:
  struct Pending {
    ContactFields fields;
    std::string uid;
    std::vector<JobChange> job_changes;
    std::string match_name;  // the name as the file gave it (empty when made up)
  };
  // A record read and checked, waiting to be matched.
  struct Queued {
    ImportRecord record;
    std::string match_name;
  };

  // Matches the queued records, in the order read, as if each had been
  // matched when it was read: the lookups read ahead (ReadAhead) answer
  // what the store would have.
  Status Drain() {
    for (cursor_ = 0; cursor_ < queued_.size(); ++cursor_) {
      Queued& next = queued_[cursor_];
      KITH_RETURN_IF_ERROR(Match(next.record, next.match_name));
    }
    queued_.clear();
    cursor_ = 0;
    answers_.clear();  // they were the queued records'
    read_ahead_ = false;
    return Ok();
  }

  // The record against the rows before it, then against the list.
  // (Read ahead may still read `record`: it is moved from only once its
  // lookups are done.)
  Status Match(ImportRecord& record, const std::string& match_name) {
    ContactFields& fields = record.fields;
    const std::vector<std::string> keys = Keys(record);
    for (const auto& key : keys) {
      const auto found = pending_keys_.find(key);
      if (found == pending_keys_.end()) continue;
      Pending& earlier = pending_[found->second];
      if (key.starts_with("n:") && DifferentProfiles(earlier.fields, fields)) continue;
      if (SharedContactDetail(key) && !NamesMayMatch(context_.store, earlier.match_name, match_name)) {
        continue;
      }
      earlier.fields = MergeFields(earlier.fields, fields);
      for (auto& change : record.job_changes) earlier.job_changes.push_back(std::move(change));
      Remember(keys, found->second);
      ++summary_.merged;
      return Ok();
    }
    KITH_ASSIGN_OR_RETURN(const std::optional<Contact> existing, FindExisting(record, match_name));
    if (existing && existing->trashed_at) {
      record.uid.clear();  // a trashed card keeps its uid; this person is new
    } else if (existing) {
      return UpdateExisting(*existing, std::move(record));
    }
    pending_.push_back(
        Pending{std::move(record.fields), std::move(record.uid), std::move(record.job_changes), match_name});
    Remember(keys, pending_.size() - 1);
    if (pending_.size() >= kBatch) return FlushPending();
    return Ok();
  }

  Status FlushPending() {
    if (pending_.empty()) return Ok();
    Forget(false);  // the new cards change what the lookups find
    std::vector<ContactFields> fields;
    std::vector<std::string> uids;
    fields.reserve(pending_.size());
    uids.reserve(pending_.size());
    for (auto& entry : pending_) {
      fields.push_back(std::move(entry.fields));
      uids.push_back(entry.uid.empty() ? uids_.Next() : std::move(entry.uid));
    }
    KITH_ASSIGN_OR_RETURN(const auto ids, context_.store.InsertContacts(fields, uids, now_));
    for (std::size_t i = 0; i < ids.size(); ++i) {
      written_.Remember(ids[i], fields[i]);
      KITH_RETURN_IF_ERROR(FollowUpMeeting(ids[i], fields[i]));
      for (const auto& change : pending_[i].job_changes) {
        KITH_RETURN_IF_ERROR(context_.store.AddJobChange(ids[i], change));
      }
    }
    summary_.added += static_cast<std::int64_t>(ids.size());
    pending_.clear();
    pending_keys_.clear();
    return Ok();
  }

  std::string NameKey(const ContactFields& fields) const {
    std::string key;
    for (const auto& term : context_.store.SearchTerms(fields.display_name)) key += term + ' ';
    return "n:" + key + "|" + AsciiLower(fields.company);
  }

  std::vector<std::string> Keys(const ImportRecord& record) const {
    std::vector<std::string> keys;
    if (!record.uid.empty()) keys.push_back("u:" + record.uid);
    for (const auto& email : record.fields.emails) keys.push_back("e:" + AsciiLower(email));
    for (const auto& phone : record.fields.phones) {
      if (!phone.e164.empty()) keys.push_back("p:" + phone.e164);
    }
    for (const auto& link : record.fields.links) keys.push_back("l:" + ProfileKey(link.url));
    // A record with its own uid (a vCard, a kith export) is an entry its
    // address book keeps apart from the others: a namesake at the same
    // company is not reason enough to fold it into another.
    if (record.uid.empty()) keys.push_back(NameKey(record.fields));
    return keys;
  }

  void Remember(const std::vector<std::string>& keys, std::size_t index) {
    for (const auto& key : keys) pending_keys_.emplace(key, index);
  }

  // Two LinkedIn profiles are two people, whatever their names: namesakes at
  // one big company are common in a large network.
  static bool DifferentProfiles(const ContactFields& a, const ContactFields& b) {
    const std::string first = LinkedInProfileKey(a);
    const std::string second = LinkedInProfileKey(b);
    return !first.empty() && !second.empty() && first != second;
  }

  // An email or phone can be an office's, shared by colleagues.
  static bool SharedContactDetail(const std::string& key) {
    return key.starts_with("e:") || key.starts_with("p:");
  }

  Result<std::optional<Contact>> First(const std::vector<ContactId>& ids) {
    if (ids.empty()) return std::optional<Contact>();
    KITH_ASSIGN_OR_RETURN(Contact contact, context_.store.GetContact(ids.front()));
    return std::optional<Contact>(std::move(contact));
  }

  // The first of `ids` whose name does not contradict the record's. A detail
  // that many people share is an office line or an info@ address: it
  // identifies nobody.
  Result<std::optional<Contact>> FirstNamed(const std::vector<ContactId>& ids, const std::string& name) {
    if (ids.empty() || ids.size() >= kSharedByMany) return std::optional<Contact>();
    KITH_ASSIGN_OR_RETURN(auto candidates, context_.store.GetContacts(ids));
    for (auto& candidate : candidates) {
      if (NamesMayMatch(context_.store, candidate.display_name, name)) {
        return std::optional<Contact>(std::move(candidate));
      }
    }
    return std::optional<Contact>();
  }

  // Every lookup FindExisting may make for `record`, in its order.
  static void LookupsOf(const ImportRecord& record, std::vector<ContactLookup>& lookups) {
    if (!record.uid.empty()) {
      lookups.push_back(ContactLookup::ByKey(ContactKey::kUid, record.uid));
      if (record.uid.starts_with(kUuidUrn)) {
        lookups.push_back(ContactLookup::ByKey(ContactKey::kUid, record.uid.substr(kUuidUrn.size())));
      }
    }
    for (const auto& email : record.fields.emails)
      lookups.push_back(ContactLookup::ByKey(ContactKey::kEmail, email));
    for (const auto& phone : record.fields.phones) {
      if (!phone.e164.empty()) lookups.push_back(ContactLookup::ByKey(ContactKey::kPhone, phone.e164));
    }
    for (const auto& link : record.fields.links)
      lookups.push_back(ContactLookup::ByKey(ContactKey::kLinkUrl, link.url));
    if (record.uid.empty()) {
      lookups.push_back(ContactLookup::Namesakes(record.fields.display_name, record.fields.company));
    }
  }

  static std::string AnswerKey(const ContactLookup& lookup) {
    std::string key(1, lookup.namesakes ? 'n' : static_cast<char>('0' + static_cast<int>(lookup.key)));
    key += lookup.value;
    key += '\0';
    key += lookup.company;
    return key;
  }

  // Asks the store at once for the lookups of the next queued records, so
  // that a database across a socket answers a batch in one round trip, not
  // three per row. The answers hold until the import writes a card (Forget).
  Status ReadAhead() {
    if (read_ahead_) span_ = std::min(kBatch, span_ * 2);  // the last span was used up
    answers_.clear();
    read_from_ = cursor_;
    read_until_ = std::min(queued_.size(), cursor_ + span_);
    std::vector<ContactLookup> lookups;
    for (std::size_t at = read_from_; at < read_until_; ++at) LookupsOf(queued_[at].record, lookups);
    KITH_ASSIGN_OR_RETURN(auto found, batched_->FindManyContactIds(lookups));
    for (std::size_t i = 0; i < lookups.size(); ++i)
      answers_.emplace(AnswerKey(lookups[i]), std::move(found[i]));
    read_ahead_ = true;
    return Ok();
  }

  // The answers read ahead are stale once a card is written. After an
  // update of someone on the list the next read ahead covers twice the
  // rows the last one served: an import that updates person after person
  // reads little ahead in vain. A batch of new cards (`shrink` false)
  // comes every few thousand rows and says nothing of the rows to come.
  void Forget(bool shrink = true) {
    if (read_ahead_ && shrink) span_ = std::clamp(2 * (cursor_ + 1 - read_from_), kLeastReadAhead, kBatch);
    answers_.clear();
    read_ahead_ = false;
  }

  // What the store answers to `lookup` now.
  Result<std::vector<ContactId>> Ids(const ContactLookup& lookup) {
    Store& store = context_.store;
    if (batched_ != nullptr && cursor_ < queued_.size()) {
      if (!read_ahead_ || cursor_ >= read_until_) KITH_RETURN_IF_ERROR(ReadAhead());
      if (const auto found = answers_.find(AnswerKey(lookup)); found != answers_.end()) return found->second;
    }
    return lookup.namesakes ? store.FindNamesakes(lookup.value, lookup.company)
                            : store.FindContactIds(lookup.key, lookup.value);
  }

  Result<std::optional<Contact>> FindExisting(const ImportRecord& record, const std::string& match_name) {
    const ContactFields& fields = record.fields;
    if (!record.uid.empty()) {
      KITH_ASSIGN_OR_RETURN(const auto ids, Ids(ContactLookup::ByKey(ContactKey::kUid, record.uid)));
      if (!ids.empty()) return First(ids);
      // kith's vCard 4.0 exports before uids were kept byte for byte wrote
      // its own uids as urn:uuid:<uid>.
      if (record.uid.starts_with(kUuidUrn)) {
        KITH_ASSIGN_OR_RETURN(
            const auto bare, Ids(ContactLookup::ByKey(ContactKey::kUid, record.uid.substr(kUuidUrn.size()))));
        if (!bare.empty()) return First(bare);
      }
    }
    for (const auto& email : fields.emails) {
      KITH_ASSIGN_OR_RETURN(const auto ids, Ids(ContactLookup::ByKey(ContactKey::kEmail, email)));
      KITH_ASSIGN_OR_RETURN(auto found, FirstNamed(ids, match_name));
      if (found) return found;
    }
    for (const auto& phone : fields.phones) {
      if (phone.e164.empty()) continue;
      KITH_ASSIGN_OR_RETURN(const auto ids, Ids(ContactLookup::ByKey(ContactKey::kPhone, phone.e164)));
      KITH_ASSIGN_OR_RETURN(auto found, FirstNamed(ids, match_name));
      if (found) return found;
    }
    for (const auto& link : fields.links) {
      KITH_ASSIGN_OR_RETURN(const auto ids, Ids(ContactLookup::ByKey(ContactKey::kLinkUrl, link.url)));
      if (!ids.empty()) return First(ids);
    }
    if (!record.uid.empty()) return std::optional<Contact>();
    KITH_ASSIGN_OR_RETURN(auto ids, Ids(ContactLookup::Namesakes(fields.display_name, fields.company)));
    // The namesakes this import wrote with another profile are other
    // people: known without reading their cards.
    const std::string profile = LinkedInProfileKey(fields);
    std::erase_if(ids, [&](ContactId id) { return written_.HoldsOtherProfile(id, profile); });
    if (ids.empty()) return std::optional<Contact>();
    KITH_ASSIGN_OR_RETURN(auto candidates, context_.store.GetContacts(ids));
    for (auto& candidate : candidates) {
      if (!DifferentProfiles(candidate, fields)) return std::optional<Contact>(std::move(candidate));
    }
    return std::optional<Contact>();
  }

  // A later LinkedIn export with another company or position for the same
  // profile: the person changed jobs. The new job replaces the old one on
  // the card, and the change is recorded.
  std::optional<JobChange> NoticeJobChange(ContactFields& current, const ContactFields& incoming) const {
    if (authority_ != Authority::kLinkedIn) return std::nullopt;
    const bool same_profile =
        std::any_of(incoming.links.begin(), incoming.links.end(), [&](const Link& link) {
          return std::any_of(current.links.begin(), current.links.end(),
                             [&](const Link& mine) { return ProfileKey(mine.url) == ProfileKey(link.url); });
        });
    if (!same_profile || (incoming.company.empty() && incoming.title.empty())) return std::nullopt;
    const bool company_differs = AsciiLower(current.company) != AsciiLower(incoming.company);
    const bool title_differs = AsciiLower(current.title) != AsciiLower(incoming.title);
    if (!company_differs && !title_differs) return std::nullopt;
    if (current.company.empty() && current.title.empty()) return std::nullopt;  // first time we learn it
    JobChange change{context_.clock.Today(), SourceName(),     current.company,
                     current.title,          incoming.company, incoming.title};
    current.company = incoming.company;
    current.title = incoming.title;
    return change;
  }

  std::string SourceName() const {
    const auto slash = request_.path.find_last_of('/');
    return slash == std::string::npos ? request_.path : request_.path.substr(slash + 1);
  }

  Status UpdateExisting(const Contact& existing, ImportRecord&& record) {
    ContactFields current = existing;
    const std::optional<JobChange> change = NoticeJobChange(current, record.fields);
    ContactFields merged = MergeFields(current, record.fields);
    std::vector<JobChange> history;
    if (!record.job_changes.empty()) {
      KITH_ASSIGN_OR_RETURN(history, context_.store.JobChanges(existing.id));
    }
    bool history_grew = false;
    for (const auto& old_change : record.job_changes) {
      if (std::find(history.begin(), history.end(), old_change) != history.end()) continue;
      KITH_RETURN_IF_ERROR(context_.store.AddJobChange(existing.id, old_change));
      history_grew = true;
    }
    if (change) {
      KITH_RETURN_IF_ERROR(context_.store.AddJobChange(existing.id, *change));
      summary_.job_changes.push_back(ImportedJobChange{existing.id, existing.display_name, *change});
    }
    if (merged == static_cast<const ContactFields&>(existing)) {
      if (history_grew) {
        ++summary_.updated;
      } else {
        ++summary_.unchanged;
      }
      return Ok();
    }
    Forget();  // the card's new values change what the lookups find
    written_.Forget(existing.id);
    KITH_RETURN_IF_ERROR(context_.store.UpdateContact(existing.id, merged, now_));
    KITH_RETURN_IF_ERROR(FollowUpMeeting(existing.id, merged));
    ++summary_.updated;
    return Ok();
  }

  // Everyone met at the event the import names gets the next-day follow-up.
  Status FollowUpMeeting(ContactId id, const ContactFields& fields) {
    if (request_.event.empty()) return Ok();
    Contact met;
    met.id = id;
    met.met_at = request_.event;
    met.met_on = fields.met_on;
    return ScheduleFollowUpWithin(context_, met).map([](const auto&) {});
  }

  Context& context_;
  const ImportRequest& request_;
  ImportSummary& summary_;
  std::string now_;
  Authority authority_ = Authority::kNone;
  UidGenerator uids_{context_.clock};
  std::vector<Pending> pending_;
  std::unordered_map<std::string, std::size_t> pending_keys_;
  WrittenProfiles written_;                                     // the cards this import added
  BatchedLookups* batched_ = BatchedLookupsOf(context_.store);  // nullptr: one at a time (SQLite)
  std::vector<Queued> queued_;
  std::size_t cursor_ = 0;  // the queued record being matched
  // The lookups read ahead, by AnswerKey, for queued_[read_from_, read_until_).
  std::unordered_map<std::string, std::vector<ContactId>> answers_;
  bool read_ahead_ = false;
  std::size_t read_from_ = 0;
  std::size_t read_until_ = 0;
  std::size_t span_ = kBatch;
};

std::optional<TableDialect> DialectFor(ImportFormat format) {
  switch (format) {
    case ImportFormat::kLinkedIn:
      return TableDialect::kLinkedIn;
    case ImportFormat::kCsv:
      return TableDialect::kGeneric;
    default:
      return std::nullopt;
  }
}

// --format google or outlook checks what the header says instead of forcing
// a shape onto it: both come in two versions.
Status CheckFamily(ImportFormat format, TableDialect dialect) {
  if (format == ImportFormat::kGoogle && dialect != TableDialect::kGoogle &&
      dialect != TableDialect::kGoogleLegacy) {
    return Fail(ErrorCode::kParseError, "the header is not a Google Contacts export's (it reads as '" +
                                            std::string(TableDialectName(dialect)) + "')");
  }
  if (format == ImportFormat::kOutlook && dialect != TableDialect::kOutlook &&
      dialect != TableDialect::kOutlookWeb) {
    return Fail(ErrorCode::kParseError, "the header is not an Outlook export's (it reads as '" +
                                            std::string(TableDialectName(dialect)) + "')");
  }
  return Ok();
}

// Spreadsheets count rows, not lines.
Error AsRow(Error error) {
  if (error.message.starts_with("line ")) error.message.replace(0, 4, "row");
  return error;
}

Result<std::string> ReadTable(ImportSource& source, const ImportRequest& request, const RecordSink& sink,
                              const std::function<void(Authority)>& on_authority) {
  TableOptions options;
  options.dialect = DialectFor(request.format);
  options.map = request.map;
  options.on_dialect = [&](TableDialect dialect) {
    on_authority(dialect == TableDialect::kLinkedIn ? Authority::kLinkedIn : Authority::kNone);
  };
  if (source.format == ImportFormat::kXlsx) {
    std::optional<ContactTableMapper> mapper;
    const auto read =
        ReadXlsxRows(request.path, [&](std::size_t row, std::vector<std::string>&& cells) -> Status {
          if (!mapper) {
            KITH_ASSIGN_OR_RETURN(auto made, ContactTableMapper::FromHeader(cells, options));
            mapper = std::move(made);
            options.on_dialect(mapper->dialect());
            return Ok();
          }
          KITH_ASSIGN_OR_RETURN(ImportRecord record, mapper->Map(cells, row));
          return sink(std::move(record));
        });
    if (!read) return tl::unexpected(AsRow(read.error()));
    if (!mapper) return Fail(ErrorCode::kParseError, "the first sheet is empty: no contacts to import");
    KITH_RETURN_IF_ERROR(CheckFamily(request.format, mapper->dialect()));
    return std::string("xlsx");
  }
  KITH_ASSIGN_OR_RETURN(const TableDialect dialect, ReadContactsCsv(*source.text, options, sink));
  KITH_RETURN_IF_ERROR(CheckFamily(request.format, dialect));
  return std::string(TableDialectName(dialect));
}

// What reading a file gives besides its records.
struct FileRead {
  std::string format;                      // ImportSummary::format
  std::optional<KithBackupTables> backup;  // the rest of a kith JSON backup
};

Result<FileRead> ReadRecords(ImportSource& source, const ImportRequest& request, const RecordSink& sink,
                             const std::function<void(Authority)>& on_authority) {
  switch (source.format) {
    case ImportFormat::kVCard: {
      KITH_RETURN_IF_ERROR(ReadVCards(*source.text, sink));
      return FileRead{"vcard", std::nullopt};
    }
    case ImportFormat::kJson: {
      KITH_ASSIGN_OR_RETURN(KithBackupTables backup, ReadKithJson(*source.text, sink));
      return FileRead{"json", std::move(backup)};
    }
    default: {
      KITH_ASSIGN_OR_RETURN(std::string format, ReadTable(source, request, sink, on_authority));
      return FileRead{std::move(format), std::nullopt};
    }
  }
}

// Records read and prepared, handed from the reading thread to the writing
// one a group at a time: a hand-over per record would wake a thread per row.
struct PreparedGroup {
  Authority authority = Authority::kNone;  // the file's, known from its header
  std::vector<PreparedRecord> records;
};
constexpr std::size_t kGroup = 256;
// The groups the reader may be ahead by: a writer's batch (kBatch) and as
// much again, so it always has the next batch ready while one is written.
constexpr std::size_t kGroupsAhead = 2 * kBatch / kGroup;

// Reads and prepares the file's records on a thread of its own, while the
// caller matches and writes the records read before. The caller takes the
// groups in file order (Next) and, once they run out, what the reading
// came to (Finish). The records reach the caller as they would have one at
// a time, so matching sees every earlier row of the file; an error while
// reading or preparing ends the groups after the records before it.
class RecordReader {
 public:
  RecordReader(ImportSource& source, const ImportRequest& request, ImportRecordPreparer preparer)
      : source_(source), request_(request), preparer_(std::move(preparer)) {}
  RecordReader(const RecordReader&) = delete;
  RecordReader& operator=(const RecordReader&) = delete;

  void Start() { groups_.Start(); }

  // The next group in file order; nullopt once the reading has ended.
  std::optional<PreparedGroup> Next() { return groups_.Next(); }

  // After Next gave nullopt: the reading's outcome, and the preparer's
  // report of skipped rows and set-aside values.
  Result<FileRead> Finish(PreparationReport& report) {
    Result<FileRead> read = groups_.Finish();
    report = preparer_.TakeReport();
    return read;
  }

 private:
  using Groups = ProducerThread<PreparedGroup, Result<FileRead>>;

  Result<FileRead> Read(const Groups::HandOver& hand_over_group) {
    PreparedGroup group;
    Authority authority = Authority::kNone;
    const auto hand_over = [&]() -> Status {
      if (group.records.empty()) return Ok();
      group.authority = authority;
      if (!hand_over_group(std::exchange(group, PreparedGroup{}))) {
        return Fail(ErrorCode::kInternal, "the import stopped writing");  // the writer has its own error
      }
      return Ok();
    };
    const RecordSink sink = [&](ImportRecord&& record) -> Status {
      auto prepared = preparer_.Prepare(std::move(record));
      if (!prepared) {
        // The records before this one are matched first, as they were read.
        KITH_RETURN_IF_ERROR(hand_over());
        return tl::unexpected(std::move(prepared.error()));
      }
      if (*prepared) group.records.push_back(std::move(**prepared));
      if (group.records.size() >= kGroup) return hand_over();
      return Ok();
    };
    try {
      auto read = ReadRecords(source_, request_, sink, [&](Authority found) { authority = found; });
      KITH_RETURN_IF_ERROR(hand_over());
      return read;
    } catch (const std::exception& thrown) {
      // Nothing may escape a thread; the import fails instead.
      return Fail(ErrorCode::kInternal, std::string("reading the file failed: ") + thrown.what());
    }
  }

  ImportSource& source_;
  const ImportRequest& request_;
  ImportRecordPreparer preparer_;
  // Last: its thread is stopped and joined before the members it uses go.
  Groups groups_{kGroupsAhead, [this](const Groups::HandOver& hand_over) { return Read(hand_over); },
                 Fail(ErrorCode::kInternal, "the file was not read")};
};

}  // namespace

std::optional<ImportFormat> ParseImportFormat(std::string_view name) {
  for (const ImportFormat format :
       {ImportFormat::kAuto, ImportFormat::kLinkedIn, ImportFormat::kGoogle, ImportFormat::kOutlook,
        ImportFormat::kCsv, ImportFormat::kVCard, ImportFormat::kXlsx, ImportFormat::kJson}) {
    if (AsciiLower(name) == FormatName(format)) return format;
  }
  return std::nullopt;
}

std::optional<TextEncoding> ParseTextEncoding(std::string_view name) {
  const std::string folded = AsciiLower(name);
  if (folded == "utf-8" || folded == "utf8") return TextEncoding::kUtf8;
  if (folded == "windows-1252" || folded == "cp1252") return TextEncoding::kWindows1252;
  if (folded == "latin-1" || folded == "latin1" || folded == "iso-8859-1") return TextEncoding::kLatin1;
  return std::nullopt;
}

Result<ImportSummary> ImportContacts(Context& context, const ImportRequest& request) {
  KITH_ASSIGN_OR_RETURN(ImportSource source, OpenImportSource(request));
  ImportSummary summary;
  summary.dry_run = request.dry_run;
  const auto in_file = [&](const Error& error) {
    Error located = error;
    located.message = "'" + request.path + "': " + error.message;
    return tl::unexpected(located);
  };
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginBulkWrite(context, "import cards"));
  RecordReader reader(
      source, request,
      ImportRecordPreparer(request, context.phone_region, context.clock.Today(), std::move(source.notice)));
  reader.Start();
  Importer importer(context, request, summary);
  while (std::optional<PreparedGroup> group = reader.Next()) {
    importer.set_authority(group->authority);
    for (PreparedRecord& record : group->records) {
      if (auto added = importer.Add(std::move(record)); !added) return in_file(added.error());
    }
  }
  PreparationReport report;
  Result<FileRead> read = reader.Finish(report);
  if (!read) return in_file(read.error());
  std::move(report).MoveInto(summary);
  summary.format = read->format;
  if (auto flushed = importer.Flush(); !flushed) return in_file(flushed.error());
  if (read->backup) {
    if (auto restored = RestoreBackupTables(context, *read->backup, summary); !restored)
      return in_file(restored.error());
  }
  if (summary.added + summary.updated + summary.unchanged + summary.merged + summary.skipped == 0) {
    return in_file(Error{ErrorCode::kParseError, "no contacts found in the file", "file"});
  }
  if (!request.dry_run) KITH_RETURN_IF_ERROR(transaction.Commit());
  return summary;
}

}  // namespace kith
