// Events, interactions, facts, reminders, cadences and posts in SQLite.
#include <string>

#include "store/sqlite/relationship_rows.h"
#include "store/sqlite/row_values.h"
#include "store/sqlite/sqlite_store.h"

namespace kith::sqlite {
namespace {

std::optional<std::string> KindOrNull(std::optional<ReminderKind> kind) {
  if (!kind) return std::nullopt;
  return std::string(ReminderKindName(*kind));
}

}  // namespace

Result<Event> SqliteStore::InsertEvent(const EventFields& fields) {
  KITH_ASSIGN_OR_RETURN(const auto existing, FindEventByName(fields.name));
  if (existing) {
    return Fail(ErrorCode::kAlreadyExists,
                "there is already an event called '" + existing->name + "' (id " +
                    std::to_string(existing->id.value) + ", " + existing->on.ToIso() + ")",
                "name");
  }
  EventId id;
  KITH_RETURN_IF_ERROR(Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(auto insert, database_->Prepare("INSERT INTO events(name, on_date, place, notes) "
                                                          "VALUES(?1, ?2, ?3, ?4)"));
    insert.Bind(1, fields.name).Bind(2, fields.on.ToIso()).Bind(3, fields.place).Bind(4, fields.notes);
    KITH_RETURN_IF_ERROR(insert.Run());
    id = EventId{database_->LastInsertRowId()};
    return Ok();
  }));
  return GetEvent(id);
}

Result<Event> SqliteStore::GetEvent(EventId id) {
  KITH_ASSIGN_OR_RETURN(auto select, database_->Prepare("SELECT " + std::string(kEventColumns) +
                                                        " FROM events t WHERE t.id = ?1"));
  select.Bind(1, id.value);
  KITH_ASSIGN_OR_RETURN(const bool found, select.Step());
  if (!found) return Fail(ErrorCode::kNotFound, "no event with id " + std::to_string(id.value), "event");
  return EventFromRow(select);
}

Result<std::optional<Event>> SqliteStore::FindEventByName(std::string_view name) {
  KITH_ASSIGN_OR_RETURN(auto select, database_->Prepare("SELECT " + std::string(kEventColumns) +
                                                        " FROM events t WHERE t.name = ?1 COLLATE NOCASE"));
  select.Bind(1, name);
  KITH_ASSIGN_OR_RETURN(const bool found, select.Step());
  if (!found) return std::optional<Event>{};
  return std::optional<Event>{EventFromRow(select)};
}

Result<std::vector<EventSummary>> SqliteStore::ListEvents(int limit) {
  // Counted per event through the met_at index: cheap for a page of events.
  KITH_ASSIGN_OR_RETURN(
      auto select,
      database_->Prepare(
          "SELECT e.id, e.name, e.on_date, e.place, e.notes, "
          "(SELECT count(*) FROM contacts c WHERE c.met_at = e.name COLLATE NOCASE AND c.trashed_at IS "
          "NULL) + "
          // People already on the list, met again there: a follow-up for the event.
          "(SELECT count(DISTINCT r.contact_id) FROM reminders r JOIN contacts c ON c.id = r.contact_id "
          "WHERE r.event_id = e.id AND r.kind = 'follow-up' AND c.trashed_at IS NULL AND "
          "NOT (c.met_at = e.name COLLATE NOCASE)), "
          "(SELECT count(DISTINCT t.contact_id) FROM reminders t WHERE t.event_id = e.id AND t.kind = "
          "'follow-up' AND t.state = 'done' AND " +
          std::string(kOfLiveContact) + ") FROM events e ORDER BY e.on_date DESC, e.id DESC LIMIT ?1"));
  select.Bind(1, limit);
  return AllRows<EventSummary>(select, [](const Statement& row) {
    return EventSummary{EventFromRow(row), static_cast<int>(row.Int(5)), static_cast<int>(row.Int(6))};
  });
}

Result<std::vector<ContactId>> SqliteStore::ContactsMetAt(std::string_view event_name) {
  // First met there, or met again there (a follow-up for the event).
  KITH_ASSIGN_OR_RETURN(
      auto select,
      database_->Prepare(
          "SELECT id FROM contacts WHERE met_at = ?1 COLLATE NOCASE AND trashed_at IS NULL "
          "UNION SELECT c.id FROM reminders r JOIN events e ON e.id = r.event_id JOIN contacts c "
          "ON c.id = r.contact_id WHERE e.name = ?1 COLLATE NOCASE AND r.kind = 'follow-up' AND "
          "c.trashed_at IS NULL ORDER BY 1"));
  select.Bind(1, event_name);
  return ContactIds(select);
}

Result<Interaction> SqliteStore::InsertInteraction(const InteractionFields& fields) {
  Interaction interaction;  // no author: a personal file has no accounts
  static_cast<InteractionFields&>(interaction) = fields;
  KITH_RETURN_IF_ERROR(Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(auto insert,
                          database_->Prepare("INSERT INTO interactions(contact_id, kind, on_date, summary, "
                                             "they_talked, private) VALUES(?1, ?2, ?3, ?4, ?5, ?6)"));
    insert.Bind(1, fields.contact.value)
        .Bind(2, InteractionKindName(fields.kind))
        .Bind(3, fields.on.ToIso())
        .Bind(4, fields.summary)
        .Bind(6, fields.visibility == Visibility::kPrivate ? 1 : 0);
    if (fields.they_talked) {
      insert.Bind(5, *fields.they_talked);
    } else {
      insert.BindNull(5);
    }
    KITH_RETURN_IF_ERROR(insert.Run());
    interaction.id = InteractionId{database_->LastInsertRowId()};
    return Ok();
  }));
  return interaction;
}

Result<std::vector<Interaction>> SqliteStore::InteractionsOf(ContactId id, int limit) {
  KITH_ASSIGN_OR_RETURN(auto select, database_->Prepare("SELECT " + std::string(kInteractionColumns) +
                                                        " FROM interactions t WHERE contact_id = ?1 "
                                                        "ORDER BY on_date DESC, id DESC LIMIT ?2"));
  select.Bind(1, id.value).Bind(2, limit);
  return AllRows<Interaction>(select, InteractionFromRow);
}

Result<std::vector<Interaction>> SqliteStore::RecentInteractions(bool with_talk_share, int limit) {
  KITH_ASSIGN_OR_RETURN(
      auto select, database_->Prepare("SELECT " + std::string(kInteractionColumns) + " FROM interactions t " +
                                      (with_talk_share ? "WHERE they_talked IS NOT NULL " : "") +
                                      "ORDER BY on_date DESC, id DESC LIMIT ?1"));
  select.Bind(1, limit);
  return AllRows<Interaction>(select, InteractionFromRow);
}

Status SqliteStore::SetLastContactRow(ContactId id, std::optional<Date> day) {
  KITH_ASSIGN_OR_RETURN(auto update,
                        database_->Prepare("UPDATE contacts SET last_contact = ?2 WHERE id = ?1"));
  update.Bind(1, id.value).Bind(2, IsoOrNull(day));
  return update.Run();
}

Result<Fact> SqliteStore::SetFact(const Fact& fact) {
  Fact stored = fact;
  stored.author.clear();  // a personal file has no accounts
  KITH_RETURN_IF_ERROR(Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(
        auto remove,
        database_->Prepare("DELETE FROM facts WHERE contact_id = ?1 AND kind = ?2 AND key = ?3"));
    remove.Bind(1, fact.contact.value).Bind(2, FactKindName(fact.kind)).Bind(3, fact.key);
    KITH_RETURN_IF_ERROR(remove.Run());
    KITH_ASSIGN_OR_RETURN(auto insert,
                          database_->Prepare("INSERT INTO facts(contact_id, kind, key, value, learned_on, "
                                             "interaction_id, private) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    insert.Bind(1, fact.contact.value)
        .Bind(2, FactKindName(fact.kind))
        .Bind(3, fact.key)
        .Bind(4, fact.value)
        .Bind(5, fact.learned_on.ToIso())
        .Bind(7, fact.visibility == Visibility::kPrivate ? 1 : 0);
    if (fact.interaction) {
      insert.Bind(6, fact.interaction->value);
    } else {
      insert.BindNull(6);
    }
    KITH_RETURN_IF_ERROR(insert.Run());
    stored.id = FactId{database_->LastInsertRowId()};
    return Ok();
  }));
  return stored;
}

Status SqliteStore::RemoveFact(ContactId id, FactKind kind, std::string_view key) {
  return Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(
        auto remove,
        database_->Prepare("DELETE FROM facts WHERE contact_id = ?1 AND kind = ?2 AND key = ?3"));
    remove.Bind(1, id.value).Bind(2, FactKindName(kind)).Bind(3, key);
    KITH_RETURN_IF_ERROR(remove.Run());
    if (database_->Changes() == 0) {
      return Fail(ErrorCode::kNotFound,
                  "contact " + std::to_string(id.value) + " has no " + std::string(FactKindName(kind)) +
                      " fact '" + std::string(key) + "'",
                  "fact");
    }
    return Ok();
  });
}

Result<std::vector<Fact>> SqliteStore::FactsOf(ContactId id) {
  KITH_ASSIGN_OR_RETURN(auto select, database_->Prepare("SELECT " + std::string(kFactColumns) +
                                                        " FROM facts t WHERE contact_id = ?1 "
                                                        "ORDER BY learned_on DESC, id DESC"));
  select.Bind(1, id.value);
  return AllRows<Fact>(select, FactFromRow);
}

Result<Reminder> SqliteStore::InsertReminder(const Reminder& reminder) {
  Reminder stored = reminder;
  stored.author.clear();  // a personal file has no accounts
  KITH_RETURN_IF_ERROR(Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(
        auto insert, database_->Prepare("INSERT INTO reminders(contact_id, kind, due, snoozed_until, note, "
                                        "state, closed_on, event_id, created_on) "
                                        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
    insert.Bind(1, reminder.contact.value)
        .Bind(2, ReminderKindName(reminder.kind))
        .Bind(3, reminder.due.ToIso())
        .Bind(4, IsoOrNull(reminder.snoozed_until))
        .Bind(5, reminder.note)
        .Bind(6, ReminderStateName(reminder.state))
        .Bind(7, IsoOrNull(reminder.closed_on))
        .Bind(9, reminder.created_on.ToIso());
    if (reminder.event) {
      insert.Bind(8, reminder.event->value);
    } else {
      insert.BindNull(8);
    }
    KITH_RETURN_IF_ERROR(insert.Run());
    stored.id = ReminderId{database_->LastInsertRowId()};
    return Ok();
  }));
  return stored;
}

Result<Reminder> SqliteStore::GetReminder(ReminderId id) {
  KITH_ASSIGN_OR_RETURN(auto select, database_->Prepare("SELECT " + std::string(kReminderColumns) +
                                                        " FROM reminders t WHERE t.id = ?1"));
  select.Bind(1, id.value);
  KITH_ASSIGN_OR_RETURN(const bool found, select.Step());
  if (!found) {
    return Fail(ErrorCode::kNotFound, "no reminder with id " + std::to_string(id.value), "reminder");
  }
  return ReminderFromRow(select);
}

Status SqliteStore::UpdateReminder(const Reminder& reminder) {
  return Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(auto update,
                          database_->Prepare("UPDATE reminders SET due = ?2, snoozed_until = ?3, note = ?4, "
                                             "state = ?5, closed_on = ?6 WHERE id = ?1"));
    update.Bind(1, reminder.id.value)
        .Bind(2, reminder.due.ToIso())
        .Bind(3, IsoOrNull(reminder.snoozed_until))
        .Bind(4, reminder.note)
        .Bind(5, ReminderStateName(reminder.state))
        .Bind(6, IsoOrNull(reminder.closed_on));
    KITH_RETURN_IF_ERROR(update.Run());
    if (database_->Changes() == 0) {
      return Fail(ErrorCode::kNotFound, "no reminder with id " + std::to_string(reminder.id.value),
                  "reminder");
    }
    return Ok();
  });
}

Result<std::vector<Reminder>> SqliteStore::RemindersOf(ContactId id) {
  KITH_ASSIGN_OR_RETURN(
      auto select, database_->Prepare("SELECT " + std::string(kReminderColumns) +
                                      " FROM reminders t WHERE t.contact_id = ?1 "
                                      "ORDER BY t.state <> 'open', coalesce(t.snoozed_until, t.due), t.id"));
  select.Bind(1, id.value);
  return AllRows<Reminder>(select, ReminderFromRow);
}

Result<std::vector<Reminder>> SqliteStore::OpenReminders(Date day, std::optional<ReminderKind> kind,
                                                         int limit) {
  // The expression matches the partial index reminders_open_by_day, so the
  // agenda reads only what shows by `day`, however many people there are.
  KITH_ASSIGN_OR_RETURN(
      auto select,
      database_->Prepare(
          "SELECT " + std::string(kReminderColumns) +
          " FROM reminders t WHERE t.state = 'open' AND coalesce(t.snoozed_until, t.due) <= ?1 "
          "AND (?2 IS NULL OR t.kind = ?2) AND " +
          std::string(kOfLiveContact) + " ORDER BY coalesce(t.snoozed_until, t.due), t.id LIMIT ?3"));
  select.Bind(1, day.ToIso()).Bind(2, KindOrNull(kind)).Bind(3, limit);
  return AllRows<Reminder>(select, ReminderFromRow);
}

Result<std::int64_t> SqliteStore::CountOpenReminders(Date day, std::optional<ReminderKind> kind) {
  KITH_ASSIGN_OR_RETURN(
      auto select,
      database_->Prepare("SELECT count(*) FROM reminders t WHERE t.state = 'open' AND "
                         "coalesce(t.snoozed_until, t.due) <= ?1 AND (?2 IS NULL OR t.kind = ?2) AND " +
                         std::string(kOfLiveContact)));
  select.Bind(1, day.ToIso()).Bind(2, KindOrNull(kind));
  KITH_ASSIGN_OR_RETURN(const bool row, select.Step());
  return row ? select.Int(0) : 0;
}

Result<std::vector<ReminderOfContact>> SqliteStore::OpenRemindersAfter(ReminderId after, int limit) {
  KITH_ASSIGN_OR_RETURN(
      auto select,
      database_->Prepare("SELECT " + std::string(kReminderColumns) +
                         ", c.uid, c.display_name, c.company, c.met_at, c.last_contact, "
                         "c.city, c.met_on FROM reminders t JOIN contacts c ON c.id = t.contact_id "
                         "WHERE t.id > ?1 AND t.state = 'open' AND c.trashed_at IS NULL "
                         "ORDER BY t.id LIMIT ?2"));
  select.Bind(1, after.value).Bind(2, limit);
  return AllRows<ReminderOfContact>(select, [](const Statement& row) -> Result<ReminderOfContact> {
    KITH_ASSIGN_OR_RETURN(Reminder reminder, ReminderFromRow(row));
    ContactSummary contact{reminder.contact, row.Text(10),          row.Text(11), row.Text(12),
                           row.Text(13),     OptionalDate(row, 14), row.Text(15), OptionalDate(row, 16)};
    return ReminderOfContact{std::move(reminder), std::move(contact)};
  });
}

Result<std::optional<std::int64_t>> SqliteStore::CalendarRevision() {
  // Both counters only grow, so their sum moves whenever either does.
  KITH_ASSIGN_OR_RETURN(auto select,
                        database_->Prepare("SELECT (SELECT revision FROM calendar_revision) + "
                                           "(SELECT coalesce(max(sequence), 0) FROM contact_changes)"));
  KITH_ASSIGN_OR_RETURN(const bool found, select.Step());
  if (!found) return Fail(ErrorCode::kInternal, "the calendar's revision is missing");
  return std::optional<std::int64_t>(select.Int(0));
}

Result<std::optional<int>> SqliteStore::CadenceOf(ContactId id) {
  KITH_ASSIGN_OR_RETURN(auto select, database_->Prepare("SELECT days FROM cadences WHERE contact_id = ?1"));
  select.Bind(1, id.value);
  KITH_ASSIGN_OR_RETURN(const bool found, select.Step());
  if (!found) return std::optional<int>{};
  return std::optional<int>{static_cast<int>(select.Int(0))};
}

Status SqliteStore::SetCadence(ContactId id, std::optional<int> days) {
  return Atomically([&]() -> Status {
    if (!days) {
      KITH_ASSIGN_OR_RETURN(auto remove, database_->Prepare("DELETE FROM cadences WHERE contact_id = ?1"));
      remove.Bind(1, id.value);
      return remove.Run();
    }
    KITH_ASSIGN_OR_RETURN(auto upsert,
                          database_->Prepare("INSERT INTO cadences(contact_id, days) VALUES(?1, "
                                             "?2) ON CONFLICT(contact_id) DO UPDATE SET days = ?2"));
    upsert.Bind(1, id.value).Bind(2, *days);
    return upsert.Run();
  });
}

Result<Post> SqliteStore::InsertPost(const PostFields& fields) {
  Post post;
  static_cast<PostFields&>(post) = fields;
  KITH_RETURN_IF_ERROR(Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(auto insert, database_->Prepare("INSERT INTO posts(channel, url, topic, on_date) "
                                                          "VALUES(?1, ?2, ?3, ?4)"));
    insert.Bind(1, fields.channel).Bind(2, fields.url).Bind(3, fields.topic).Bind(4, fields.on.ToIso());
    KITH_RETURN_IF_ERROR(insert.Run());
    post.id = PostId{database_->LastInsertRowId()};
    return Ok();
  }));
  return post;
}

Result<std::vector<Post>> SqliteStore::ListPosts(int limit) {
  KITH_ASSIGN_OR_RETURN(auto select, database_->Prepare("SELECT id, channel, url, topic, on_date FROM posts "
                                                        "ORDER BY on_date DESC, id DESC LIMIT ?1"));
  select.Bind(1, limit);
  return AllRows<Post>(select, [](const Statement& row) {
    Post post;
    post.id = PostId{row.Int(0)};
    post.channel = row.Text(1);
    post.url = row.Text(2);
    post.topic = row.Text(3);
    post.on = OptionalDate(row, 4).value_or(Date{});
    return post;
  });
}

namespace {

// One row per contact: the aggregates health needs. `{ids}` is replaced by
// the set of contacts to read (a list, or every live contact).
constexpr std::string_view kActivitySql = R"sql(
SELECT c.id,
  (SELECT count(*) FROM interactions i WHERE i.contact_id = c.id AND i.kind <> 'note' AND i.on_date >= ?1),
  (SELECT count(*) FROM facts f WHERE f.contact_id = c.id),
  (SELECT count(*) FROM ledger l WHERE l.contact_id = c.id AND l.kind <> 'ask' AND l.direction = 'from-me'),
  (SELECT count(*) FROM ledger l WHERE l.contact_id = c.id AND l.kind <> 'ask' AND l.direction = 'to-me'),
  (SELECT round(avg(i.they_talked)) FROM interactions i WHERE i.contact_id = c.id AND i.they_talked IS NOT NULL),
  (SELECT days FROM cadences k WHERE k.contact_id = c.id),
  (SELECT min(CAST(s.value AS INTEGER)) FROM contact_labels t JOIN label_values v ON v.id = t.value_id
     JOIN settings s ON s.key = 'cadence.tag.' || v.folded WHERE t.contact_id = c.id AND t.kind = 2),
  c.last_contact, c.met_on, substr(c.created_at, 1, 10),
  (SELECT min(i.on_date) FROM interactions i WHERE i.contact_id = c.id AND i.kind <> 'note' AND i.on_date >= ?1)
FROM contacts c WHERE {ids}
)sql";

ContactActivity ActivityFromRow(const Statement& row) {
  ContactActivity activity;
  activity.contact = ContactId{row.Int(0)};
  activity.contacts_since = static_cast<int>(row.Int(1));
  activity.facts = static_cast<int>(row.Int(2));
  activity.gives_from_me = static_cast<int>(row.Int(3));
  activity.gives_to_me = static_cast<int>(row.Int(4));
  if (!row.IsNull(5)) activity.they_talked_average = static_cast<int>(row.Int(5));
  if (!row.IsNull(6)) activity.cadence_days = static_cast<int>(row.Int(6));
  if (!row.IsNull(7)) activity.tag_cadence_days = static_cast<int>(row.Int(7));
  activity.last_contact = OptionalDate(row, 8);
  activity.met_on = OptionalDate(row, 9);
  activity.added_on = OptionalDate(row, 10).value_or(Date{});
  activity.oldest_contact_since = OptionalDate(row, 11);
  return activity;
}

std::string ActivitySql(std::string_view ids) {
  std::string sql(kActivitySql);
  sql.replace(sql.find("{ids}"), 5, ids);
  return sql;
}

}  // namespace

Result<std::vector<ContactActivity>> SqliteStore::ActivityOf(const std::vector<ContactId>& ids, Date since) {
  KITH_ASSIGN_OR_RETURN(auto select, database_->Prepare(ActivitySql("c.id = ?2")));
  std::vector<ContactActivity> activities;
  activities.reserve(ids.size());
  KITH_RETURN_IF_ERROR(database_->Execute("SAVEPOINT kith_read"));
  const auto release = [this]() { (void)database_->Execute("RELEASE kith_read"); };
  for (const ContactId id : ids) {
    select.Bind(1, since.ToIso()).Bind(2, id.value);
    auto step = select.Step();
    if (!step) {
      release();
      return tl::unexpected(step.error());
    }
    const bool found = *step;
    ContactActivity activity;
    activity.contact = id;
    activities.push_back(found ? ActivityFromRow(select) : activity);
    select.Reset();
  }
  release();
  return activities;
}

Result<std::vector<ContactActivity>> SqliteStore::ActivityOfEveryone(Date since) {
  KITH_ASSIGN_OR_RETURN(auto select, database_->Prepare(ActivitySql("c.trashed_at IS NULL ORDER BY c.id")));
  select.Bind(1, since.ToIso());
  return AllRows<ContactActivity>(select, ActivityFromRow);
}

Result<std::vector<ContactId>> SqliteStore::NotYetConnected(Date since, int limit) {
  KITH_ASSIGN_OR_RETURN(
      auto select, database_->Prepare(
                       "SELECT c.id FROM contacts c WHERE c.trashed_at IS NULL AND c.met_on >= ?1 AND EXISTS "
                       "(SELECT 1 FROM contact_links l WHERE l.contact_id = c.id AND l.kind <> 'other' "
                       "AND l.connected = 0 AND l.followed = 0) ORDER BY c.met_on DESC, c.id LIMIT ?2"));
  select.Bind(1, since.ToIso()).Bind(2, limit);
  return ContactIds(select);
}

Result<std::vector<ContactId>> SqliteStore::LastInTouchBetween(Date from, Date to, int limit) {
  KITH_ASSIGN_OR_RETURN(
      auto select, database_->Prepare("SELECT id FROM contacts WHERE trashed_at IS NULL AND last_contact "
                                      "BETWEEN ?1 AND ?2 ORDER BY last_contact DESC, id LIMIT ?3"));
  select.Bind(1, from.ToIso()).Bind(2, to.ToIso()).Bind(3, limit);
  return ContactIds(select);
}

Result<std::vector<ContactSummary>> SqliteStore::ContactSummaries(const std::vector<ContactId>& ids) {
  KITH_ASSIGN_OR_RETURN(auto select,
                        database_->Prepare("SELECT uid, display_name, company, met_at, last_contact, "
                                           "city, met_on FROM contacts WHERE id = ?1"));
  std::vector<ContactSummary> summaries;
  summaries.reserve(ids.size());
  KITH_RETURN_IF_ERROR(EachIdInOneRead(select, ids, [&summaries](ContactId id, const Statement& row) {
    summaries.push_back(ContactSummary{id, row.Text(0), row.Text(1), row.Text(2), row.Text(3),
                                       OptionalDate(row, 4), row.Text(5), OptionalDate(row, 6)});
  }));
  return summaries;
}

}  // namespace kith::sqlite
