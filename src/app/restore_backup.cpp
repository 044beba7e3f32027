#include "app/restore_backup.h"

#include <algorithm>
#include <limits>
#include <map>
#include <unordered_map>

namespace kith {
namespace {

Result<std::optional<ContactId>> ByUid(Store& store, const std::string& uid) {
  if (uid.empty()) return std::optional<ContactId>();
  KITH_ASSIGN_OR_RETURN(const auto ids, store.FindContactIds(ContactKey::kUid, uid));
  if (ids.empty()) return std::optional<ContactId>();
  return std::optional<ContactId>(ids.front());
}

bool SameEntry(const LedgerEntry& a, const LedgerEntry& b) {
  return a.kind == b.kind && a.direction == b.direction && a.what == b.what && a.on == b.on;
}

constexpr int kEverything = std::numeric_limits<int>::max();
constexpr int kBackupPage = 1000;

// "interactions[12]": a row of a backup table, as messages name it.
std::string RowName(const char* table, std::size_t index) {
  return std::string(table) + "[" + std::to_string(index) + "]";
}

// The people of this database by uid, each looked up once: a backup names
// the same person in many rows.
class PeopleByUid {
 public:
  explicit PeopleByUid(Store& store) : store_(store) {}

  // kParseError naming the row when nobody here has the uid.
  Result<ContactId> Find(const std::string& uid, const char* table, std::size_t index) {
    const auto known = found_.find(uid);
    if (known != found_.end()) return known->second;
    KITH_ASSIGN_OR_RETURN(const auto id, ByUid(store_, uid));
    if (!id)
      return Fail(ErrorCode::kParseError, RowName(table, index) + ": no contact with uid '" + uid + "'");
    found_.emplace(uid, *id);
    return *id;
  }

 private:
  Store& store_;
  std::unordered_map<std::string, ContactId> found_;
};

// What a person already has here, read the first time the backup names them,
// so rows restored before are recognised (and consumed: two equal rows in
// the backup match two here, not one).
template <typename Row>
class Existing {
 public:
  template <typename Read>
  Result<std::vector<Row>*> Of(ContactId contact, Read read) {
    auto [rows, first_time] = rows_.try_emplace(contact.value);
    if (first_time) {
      KITH_ASSIGN_OR_RETURN(rows->second, read(contact));
    }
    return &rows->second;
  }

 private:
  std::unordered_map<std::int64_t, std::vector<Row>> rows_;
};

// Removes the first row that `same` accepts; whether there was one.
template <typename Row, typename Same>
bool Consume(std::vector<Row>& rows, Same same) {
  const auto found = std::find_if(rows.begin(), rows.end(), same);
  if (found == rows.end()) return false;
  rows.erase(found);
  return true;
}

// Puts the relationship loop of a backup back, in the order its links need:
// events, then interactions (facts point at them), facts, reminders (they
// point at events), cadences, posts, and last the days of last contact.
class RelationshipRestore {
 public:
  RelationshipRestore(Store& store, const KithBackupTables& tables)
      : store_(store), tables_(tables), people_(store) {}

  Status Run() {
    KITH_RETURN_IF_ERROR(RestoreEvents());
    KITH_RETURN_IF_ERROR(RestoreInteractions());
    KITH_RETURN_IF_ERROR(RestoreFacts());
    KITH_RETURN_IF_ERROR(RestoreReminders());
    KITH_RETURN_IF_ERROR(RestoreCadences());
    KITH_RETURN_IF_ERROR(RestorePosts());
    return MoveLastContacts();
  }

 private:
  Status RestoreEvents() {
    for (const Event& event : tables_.events) {
      KITH_ASSIGN_OR_RETURN(const auto same, store_.FindEventByName(event.name));
      if (same) {
        event_ids_[event.id.value] = same->id;
        continue;
      }
      KITH_ASSIGN_OR_RETURN(const Event stored, store_.InsertEvent(event));
      event_ids_[event.id.value] = stored.id;
    }
    return Ok();
  }

  Status RestoreInteractions() {
    Existing<Interaction> existing;
    for (std::size_t index = 0; index < tables_.interactions.size(); ++index) {
      const BackupInteraction& row = tables_.interactions[index];
      KITH_ASSIGN_OR_RETURN(const ContactId contact, people_.Find(row.contact_uid, "interactions", index));
      InteractionFields fields = row.interaction;
      fields.contact = contact;
      KITH_ASSIGN_OR_RETURN(auto* here, existing.Of(contact, [&](ContactId id) {
        return store_.InteractionsOf(id, kEverything);
      }));
      const auto same = std::find_if(here->begin(), here->end(), [&](const Interaction& mine) {
        return static_cast<const InteractionFields&>(mine) == fields;
      });
      if (same != here->end()) {
        interaction_ids_[row.interaction.id.value] = same->id;
        here->erase(same);
        continue;
      }
      KITH_ASSIGN_OR_RETURN(const Interaction stored, store_.InsertInteraction(fields));
      interaction_ids_[row.interaction.id.value] = stored.id;
      if (IsContactMade(fields.kind)) {
        const auto [latest, first] = latest_contact_.try_emplace(contact.value, fields.on);
        if (!first) latest->second = std::max(latest->second, fields.on);
      }
    }
    return Ok();
  }

  Status RestoreFacts() {
    Existing<Fact> existing;
    for (std::size_t index = 0; index < tables_.facts.size(); ++index) {
      const BackupFact& row = tables_.facts[index];
      KITH_ASSIGN_OR_RETURN(const ContactId contact, people_.Find(row.contact_uid, "facts", index));
      Fact fact = row.fact;
      fact.contact = contact;
      if (fact.interaction) {
        const auto mapped = interaction_ids_.find(fact.interaction->value);
        if (mapped == interaction_ids_.end()) {
          return Fail(ErrorCode::kParseError, RowName("facts", index) + ": no interaction with id " +
                                                  std::to_string(fact.interaction->value) + " in the backup");
        }
        fact.interaction = mapped->second;
      }
      KITH_ASSIGN_OR_RETURN(auto* here,
                            existing.Of(contact, [&](ContactId id) { return store_.FactsOf(id); }));
      // A person has one value per fact: the one learned later stays, on the
      // same day the one already here.
      const bool newer_here = std::any_of(here->begin(), here->end(), [&](const Fact& mine) {
        return mine.kind == fact.kind && mine.key == fact.key && mine.learned_on >= fact.learned_on;
      });
      if (newer_here) continue;
      KITH_ASSIGN_OR_RETURN(Fact stored, store_.SetFact(fact));
      std::erase_if(*here, [&](const Fact& mine) { return mine.kind == fact.kind && mine.key == fact.key; });
      here->push_back(std::move(stored));
    }
    return Ok();
  }

  Status RestoreReminders() {
    Existing<Reminder> existing;
    for (std::size_t index = 0; index < tables_.reminders.size(); ++index) {
      const BackupReminder& row = tables_.reminders[index];
      KITH_ASSIGN_OR_RETURN(const ContactId contact, people_.Find(row.contact_uid, "reminders", index));
      Reminder reminder = row.reminder;
      reminder.contact = contact;
      if (reminder.event) {
        const auto mapped = event_ids_.find(reminder.event->value);
        if (mapped == event_ids_.end()) {
          return Fail(ErrorCode::kParseError, RowName("reminders", index) + ": no event with id " +
                                                  std::to_string(reminder.event->value) + " in the backup");
        }
        reminder.event = mapped->second;
      }
      KITH_ASSIGN_OR_RETURN(auto* here,
                            existing.Of(contact, [&](ContactId id) { return store_.RemindersOf(id); }));
      // The same reminder is the one created the same day for the same
      // thing; its state here is the more recent, so it stays.
      const bool known = Consume(*here, [&](const Reminder& mine) {
        return mine.kind == reminder.kind && mine.due == reminder.due && mine.note == reminder.note &&
               mine.created_on == reminder.created_on;
      });
      if (!known) KITH_RETURN_IF_ERROR(store_.InsertReminder(reminder));
    }
    return Ok();
  }

  Status RestoreCadences() {
    for (std::size_t index = 0; index < tables_.cadences.size(); ++index) {
      const BackupCadence& row = tables_.cadences[index];
      KITH_ASSIGN_OR_RETURN(const ContactId contact, people_.Find(row.contact_uid, "cadences", index));
      KITH_ASSIGN_OR_RETURN(const auto mine, store_.CadenceOf(contact));
      if (!mine) KITH_RETURN_IF_ERROR(store_.SetCadence(contact, row.days));
    }
    return Ok();
  }

  Status RestorePosts() {
    KITH_ASSIGN_OR_RETURN(auto here, store_.ListPosts(kEverything));
    for (const Post& post : tables_.posts) {
      const PostFields& fields = post;
      const bool known =
          Consume(here, [&](const Post& mine) { return static_cast<const PostFields&>(mine) == fields; });
      if (!known) KITH_RETURN_IF_ERROR(store_.InsertPost(fields));
    }
    return Ok();
  }

  // As logging does: the last contact only ever moves later.
  Status MoveLastContacts() {
    std::vector<ContactId> ids;
    ids.reserve(latest_contact_.size());
    for (const auto& [id, day] : latest_contact_) ids.push_back(ContactId{id});
    KITH_ASSIGN_OR_RETURN(const auto activities, store_.ActivityOf(ids, Date{}));
    for (const ContactActivity& activity : activities) {
      const Date latest = latest_contact_.at(activity.contact.value);
      if (!activity.last_contact || *activity.last_contact < latest) {
        KITH_RETURN_IF_ERROR(store_.SetLastContact(activity.contact, latest));
      }
    }
    return Ok();
  }

  Store& store_;
  const KithBackupTables& tables_;
  PeopleByUid people_;
  std::unordered_map<std::int64_t, EventId> event_ids_;              // the backup's -> this database's
  std::unordered_map<std::int64_t, InteractionId> interaction_ids_;  // the backup's -> this database's
  std::map<std::int64_t, Date> latest_contact_;                      // person -> latest restored contact made
};

// The uids of the people rows concern (a page, or every cadence).
ContactId ContactOf(const std::pair<ContactId, int>& cadence) { return cadence.first; }
template <typename Row>
ContactId ContactOf(const Row& row) {
  return row.contact;
}

template <typename Row>
Result<std::unordered_map<std::int64_t, std::string>> UidsOfPage(Store& store, const std::vector<Row>& page) {
  std::vector<ContactId> ids;
  ids.reserve(page.size());
  for (const Row& row : page) ids.push_back(ContactOf(row));
  std::sort(ids.begin(), ids.end(), [](ContactId a, ContactId b) { return a.value < b.value; });
  ids.erase(std::unique(ids.begin(), ids.end(), [](ContactId a, ContactId b) { return a.value == b.value; }),
            ids.end());
  KITH_ASSIGN_OR_RETURN(const auto uids, store.UidsOf(ids));
  std::unordered_map<std::int64_t, std::string> uid_of;
  for (const auto& [id, uid] : uids) uid_of.emplace(id.value, uid);
  return uid_of;
}

// Reads a table a page at a time (`read_page(after id, limit)`) and hands
// each row with its person's uid to `write`.
template <typename Row, typename Id, typename ReadPage, typename Write>
Status StreamPages(Store& store, ReadPage read_page, Write write) {
  Id after{0};
  while (true) {
    KITH_ASSIGN_OR_RETURN(const std::vector<Row> page, read_page(after, kBackupPage));
    KITH_ASSIGN_OR_RETURN(const auto uid_of, UidsOfPage(store, page));
    for (const Row& row : page) {
      const auto uid = uid_of.find(row.contact.value);
      if (uid == uid_of.end()) {
        return Fail(ErrorCode::kInternal, "contact " + std::to_string(row.contact.value) + " has no uid");
      }
      write(row, uid->second);
    }
    if (page.size() < static_cast<std::size_t>(kBackupPage)) return Ok();
    after = page.back().id;
  }
}

}  // namespace

Status RestoreBackupTables(Context& context, const KithBackupTables& tables, ImportSummary& summary) {
  Store& store = context.store;
  std::map<std::int64_t, OpportunityId> opportunity_ids;  // the backup's id -> this database's
  KITH_ASSIGN_OR_RETURN(const auto present, store.ListOpportunities(true));
  for (const auto& opportunity : tables.opportunities) {
    const auto same = std::find_if(present.begin(), present.end(), [&](const Opportunity& mine) {
      return mine.kind == opportunity.kind && mine.title == opportunity.title &&
             mine.created_on == opportunity.created_on;
    });
    if (same != present.end()) {
      opportunity_ids[opportunity.id.value] = same->id;
      continue;
    }
    KITH_ASSIGN_OR_RETURN(const Opportunity stored,
                          store.InsertOpportunity(opportunity, opportunity.created_on));
    if (opportunity.closed_on)
      KITH_RETURN_IF_ERROR(store.CloseOpportunity(stored.id, *opportunity.closed_on));
    opportunity_ids[opportunity.id.value] = stored.id;
    ++summary.opportunities;
  }
  for (const auto& item : tables.ledger) {
    KITH_ASSIGN_OR_RETURN(const auto contact, ByUid(store, item.contact_uid));
    if (!contact) {
      return Fail(ErrorCode::kParseError, "the ledger names a person (uid " + item.contact_uid +
                                              ") who is not among the backup's contacts");
    }
    LedgerEntry entry = item.entry;
    entry.contact = *contact;
    KITH_ASSIGN_OR_RETURN(entry.introduced_to, ByUid(store, item.introduced_to_uid));
    if (entry.opportunity) {
      const auto mapped = opportunity_ids.find(entry.opportunity->value);
      entry.opportunity = mapped == opportunity_ids.end() ? std::nullopt : std::optional(mapped->second);
    }
    KITH_ASSIGN_OR_RETURN(const auto existing, store.LedgerOf(*contact));
    const bool known = std::any_of(existing.begin(), existing.end(),
                                   [&](const LedgerEntry& mine) { return SameEntry(mine, entry); });
    if (known) continue;
    KITH_RETURN_IF_ERROR(store.InsertLedgerEntry(entry));
    ++summary.ledger_entries;
  }
  for (const auto& [key, value] : tables.settings) {
    KITH_ASSIGN_OR_RETURN(const auto mine, store.GetSetting(key));
    if (!mine) KITH_RETURN_IF_ERROR(store.SetSetting(key, value));
  }
  return RelationshipRestore(store, tables).Run();
}

Result<KithBackupTables> BackupTables(Context& context) {
  Store& store = context.store;
  KithBackupTables tables;
  KITH_ASSIGN_OR_RETURN(tables.opportunities, store.ListOpportunities(true));
  std::reverse(tables.opportunities.begin(), tables.opportunities.end());  // oldest first, as they were added
  KITH_ASSIGN_OR_RETURN(const auto entries, store.AllLedgerEntries());
  std::map<std::int64_t, std::string> uids;
  const auto uid_of = [&](ContactId id) -> Result<std::string> {
    const auto found = uids.find(id.value);
    if (found != uids.end()) return found->second;
    KITH_ASSIGN_OR_RETURN(const Contact contact, store.GetContact(id));
    uids[id.value] = contact.uid;
    return contact.uid;
  };
  for (const auto& entry : entries) {
    BackupLedgerEntry item{entry, {}, {}};
    KITH_ASSIGN_OR_RETURN(item.contact_uid, uid_of(entry.contact));
    if (entry.introduced_to) {
      KITH_ASSIGN_OR_RETURN(item.introduced_to_uid, uid_of(*entry.introduced_to));
    }
    tables.ledger.push_back(std::move(item));
  }
  KITH_ASSIGN_OR_RETURN(tables.settings, store.AllSettings());
  KITH_ASSIGN_OR_RETURN(tables.events, store.AllEvents());
  KITH_ASSIGN_OR_RETURN(const auto cadences, store.AllCadences());
  KITH_ASSIGN_OR_RETURN(const auto cadence_uids, UidsOfPage(store, cadences));
  for (const auto& [id, days] : cadences) {
    const auto uid = cadence_uids.find(id.value);
    if (uid != cadence_uids.end()) tables.cadences.push_back(BackupCadence{uid->second, days});
  }
  KITH_ASSIGN_OR_RETURN(tables.posts, store.ListPosts(kEverything));
  std::reverse(tables.posts.begin(), tables.posts.end());  // oldest first, as they were added
  return tables;
}

Status WriteRelationshipRows(Context& context, KithJsonWriter& writer) {
  Store& store = context.store;
  KITH_RETURN_IF_ERROR((StreamPages<Interaction, InteractionId>(
      store, [&](InteractionId after, int limit) { return store.InteractionsAfter(after, limit); },
      [&](const Interaction& row, const std::string& uid) {
        writer.Write(BackupInteraction{row, uid});
      })));
  KITH_RETURN_IF_ERROR((StreamPages<Fact, FactId>(
      store, [&](FactId after, int limit) { return store.FactsAfter(after, limit); },
      [&](const Fact& row, const std::string& uid) {
        writer.Write(BackupFact{row, uid});
      })));
  return StreamPages<Reminder, ReminderId>(
      store, [&](ReminderId after, int limit) { return store.RemindersAfter(after, limit); },
      [&](const Reminder& row, const std::string& uid) {
        writer.Write(BackupReminder{row, uid});
      });
}

}  // namespace kith
