// Events, interactions, facts, reminders, cadences and posts on PostgreSQL,
// and the reads of them a backup pages through.
#include "store/postgres/pg_store.h"
#include "store/postgres/row_values.h"

namespace kith::postgres {
namespace {

// The row's contact is not in the trash: rows of people in the trash stay,
// but are not shown.
constexpr std::string_view kOfLiveContact =
    "EXISTS (SELECT 1 FROM contacts c WHERE c.workspace_id = t.workspace_id AND c.id = t.contact_id "
    "AND c.trashed_at IS NULL)";

constexpr std::string_view kEventColumns = "t.id, t.name, t.on_date, t.place, t.notes";
constexpr std::string_view kInteractionColumns =
    "t.id, t.contact_id, t.kind, t.on_date, t.summary, t.they_talked, t.author, t.private";
constexpr std::string_view kFactColumns =
    "t.id, t.contact_id, t.kind, t.key, t.value, t.learned_on, t.interaction_id, t.author, t.private";
constexpr std::string_view kReminderColumns =
    "t.id, t.contact_id, t.kind, t.due, t.snoozed_until, t.note, t.state, t.closed_on, t.event_id, "
    "t.created_on, t.author";

// What the member the store acts as may see (docs/team.md), the first of
// the two layers (the second: private_rows_migration.cpp's policies). The
// account is the statement's parameter `account` ($N): every statement
// names whom it reads for, as it names the workspace. Interactions and
// facts: the shared ones and the member's own private ones.
std::string SeenBy(std::string_view alias, int account) {
  return "(NOT " + std::string(alias) + ".private OR " + std::string(alias) + ".author = $" +
         std::to_string(account) + ")";
}
// Reminders and cadences: the member's own (the relationship loop is
// personal).
std::string OwnedBy(std::string_view alias, int account) {
  return std::string(alias) + ".author = $" + std::to_string(account);
}

Visibility VisibilityAt(const Rows& rows, int row, int column) {
  return rows.Bool(row, column) ? Visibility::kPrivate : Visibility::kShared;
}

std::string Columns(std::string_view columns, std::string_view table, std::string_view rest) {
  return "SELECT " + std::string(columns) + " FROM " + std::string(table) + " t WHERE t.workspace_id = $1" +
         std::string(rest);
}

Event EventAt(const Rows& rows, int row) {
  return Event{EventFields{rows.Text(row, 1), DateAt(rows, row, 2).value_or(Date{}), rows.Text(row, 3),
                           rows.Text(row, 4)},
               EventId{rows.Int(row, 0)}};
}

Result<Interaction> InteractionAt(const Rows& rows, int row) {
  Interaction interaction;
  interaction.id = InteractionId{rows.Int(row, 0)};
  interaction.contact = ContactId{rows.Int(row, 1)};
  KITH_ASSIGN_OR_RETURN(interaction.kind, EnumAt(rows, row, 2, "interactions", "kind", ParseInteractionKind));
  interaction.on = DateAt(rows, row, 3).value_or(Date{});
  interaction.summary = rows.Text(row, 4);
  if (!rows.IsNull(row, 5)) interaction.they_talked = static_cast<int>(rows.Int(row, 5));
  interaction.author = rows.Text(row, 6);
  interaction.visibility = VisibilityAt(rows, row, 7);
  return interaction;
}

Result<Fact> FactAt(const Rows& rows, int row) {
  Fact fact;
  fact.id = FactId{rows.Int(row, 0)};
  fact.contact = ContactId{rows.Int(row, 1)};
  KITH_ASSIGN_OR_RETURN(fact.kind, EnumAt(rows, row, 2, "facts", "kind", ParseFactKind));
  fact.key = rows.Text(row, 3);
  fact.value = rows.Text(row, 4);
  fact.learned_on = DateAt(rows, row, 5).value_or(Date{});
  if (!rows.IsNull(row, 6)) fact.interaction = InteractionId{rows.Int(row, 6)};
  fact.author = rows.Text(row, 7);
  fact.visibility = VisibilityAt(rows, row, 8);
  return fact;
}

Result<Reminder> ReminderAt(const Rows& rows, int row) {
  Reminder reminder;
  reminder.id = ReminderId{rows.Int(row, 0)};
  reminder.contact = ContactId{rows.Int(row, 1)};
  KITH_ASSIGN_OR_RETURN(reminder.kind, EnumAt(rows, row, 2, "reminders", "kind", ParseReminderKind));
  reminder.due = DateAt(rows, row, 3).value_or(Date{});
  reminder.snoozed_until = DateAt(rows, row, 4);
  reminder.note = rows.Text(row, 5);
  KITH_ASSIGN_OR_RETURN(reminder.state, EnumAt(rows, row, 6, "reminders", "state", ParseReminderState));
  reminder.closed_on = DateAt(rows, row, 7);
  if (!rows.IsNull(row, 8)) reminder.event = EventId{rows.Int(row, 8)};
  reminder.created_on = DateAt(rows, row, 9).value_or(Date{});
  reminder.author = rows.Text(row, 10);
  return reminder;
}

// A page of a backup: the rows of `table` of live contacts with an id
// above $2, at most $3, by id, that `seen` ($4 the account) lets the
// member see.
std::string PageSql(std::string_view columns, std::string_view table, const std::string& seen) {
  return Columns(
      columns, table,
      " AND t.id > $2 AND " + seen + " AND " + std::string(kOfLiveContact) + " ORDER BY t.id LIMIT $3");
}

// Every row of `rows` read by `read`, which returns a value or a Result.
template <typename T, typename Read>
Result<std::vector<T>> All(const Rows& rows, Read read) {
  std::vector<T> values;
  values.reserve(static_cast<std::size_t>(rows.size()));
  for (int row = 0; row < rows.size(); ++row) {
    if constexpr (std::is_same_v<std::invoke_result_t<Read, const Rows&, int>, Result<T>>) {
      KITH_ASSIGN_OR_RETURN(T value, read(rows, row));
      values.push_back(std::move(value));
    } else {
      values.push_back(read(rows, row));
    }
  }
  return values;
}

}  // namespace

Result<Event> PgStore::InsertEvent(const EventFields& fields) {
  KITH_ASSIGN_OR_RETURN(const auto existing, FindEventByName(fields.name));
  if (existing) {
    return Fail(ErrorCode::kAlreadyExists,
                "there is already an event called '" + existing->name + "' (id " +
                    std::to_string(existing->id.value) + ", " + existing->on.ToIso() + ")",
                "name");
  }
  Event event{fields, EventId{}};
  KITH_RETURN_IF_ERROR(Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(event.id.value, NextIds("events", 1));
    return Write(
        "INSERT INTO events(workspace_id, id, name, on_date, place, notes) VALUES ($1, $2, $3, $4, $5, $6)",
        Params()
            .Add(event.id.value)
            .Add(fields.name)
            .Add(fields.on.ToIso())
            .Add(fields.place)
            .Add(fields.notes));
  }));
  return event;
}

Result<Event> PgStore::GetEvent(EventId id) {
  KITH_ASSIGN_OR_RETURN(const Rows rows,
                        Run(Columns(kEventColumns, "events", " AND t.id = $2"), Params().Add(id.value)));
  if (rows.empty())
    return Fail(ErrorCode::kNotFound, "no event with id " + std::to_string(id.value), "event");
  return EventAt(rows, 0);
}

Result<std::optional<Event>> PgStore::FindEventByName(std::string_view name) {
  KITH_ASSIGN_OR_RETURN(
      const Rows rows,
      Run(Columns(kEventColumns, "events", " AND lower(t.name) = lower($2)"), Params().Add(name)));
  if (rows.empty()) return std::optional<Event>{};
  return std::optional<Event>{EventAt(rows, 0)};
}

Result<std::vector<EventSummary>> PgStore::ListEvents(int limit) {
  KITH_ASSIGN_OR_RETURN(
      const Rows rows,
      Run("SELECT e.id, e.name, e.on_date, e.place, e.notes, "
          "(SELECT count(*) FROM contacts c WHERE c.workspace_id = $1 AND lower(c.met_at) = lower(e.name) "
          "AND c.trashed_at IS NULL) + "
          // People already on the list, met again there: a follow-up for the event.
          "(SELECT count(DISTINCT r.contact_id) FROM reminders r JOIN contacts c ON c.workspace_id = $1 "
          "AND c.id = r.contact_id WHERE r.workspace_id = $1 AND r.event_id = e.id AND r.kind = 'follow-up' "
          "AND c.trashed_at IS NULL AND lower(c.met_at) <> lower(e.name) AND " +
              OwnedBy("r", 3) +
              "), "
              "(SELECT count(DISTINCT t.contact_id) FROM reminders t WHERE t.workspace_id = $1 AND "
              "t.event_id = "
              "e.id "
              "AND t.kind = 'follow-up' AND t.state = 'done' AND " +
              OwnedBy("t", 3) + " AND " + std::string(kOfLiveContact) +
              ") FROM events e WHERE e.workspace_id = $1 "
              "ORDER BY e.on_date DESC, e.id DESC LIMIT $2",
          Params().Add(limit).Add(access_.account)));
  return All<EventSummary>(rows, [](const Rows& found, int row) {
    return EventSummary{EventAt(found, row), static_cast<int>(found.Int(row, 5)),
                        static_cast<int>(found.Int(row, 6))};
  });
}

Result<std::vector<ContactId>> PgStore::ContactsMetAt(std::string_view event_name) {
  // First met there, or met again there (a follow-up for the event).
  return Ids(
      "SELECT id FROM contacts WHERE workspace_id = $1 AND lower(met_at) = lower($2) AND trashed_at IS NULL "
      "UNION SELECT c.id FROM reminders r JOIN events e ON e.workspace_id = $1 AND e.id = r.event_id "
      "JOIN contacts c ON c.workspace_id = $1 AND c.id = r.contact_id WHERE r.workspace_id = $1 "
      "AND lower(e.name) = lower($2) AND r.kind = 'follow-up' AND c.trashed_at IS NULL AND " +
          OwnedBy("r", 3) + " ORDER BY 1",
      Params().Add(event_name).Add(access_.account));
}

Result<Interaction> PgStore::InsertInteraction(const InteractionFields& fields) {
  Interaction interaction;
  static_cast<InteractionFields&>(interaction) = fields;
  interaction.author = access_.account;
  KITH_RETURN_IF_ERROR(Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(interaction.id.value, NextIds("interactions", 1));
    return Write(
        "INSERT INTO interactions(workspace_id, id, contact_id, kind, on_date, summary, they_talked, author, "
        "private) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        Params()
            .Add(interaction.id.value)
            .Add(fields.contact.value)
            .Add(InteractionKindName(fields.kind))
            .Add(fields.on.ToIso())
            .Add(fields.summary)
            .Add(IntOrNull(fields.they_talked))
            .Add(interaction.author)
            .Add(fields.visibility == Visibility::kPrivate));
  }));
  return interaction;
}

Result<std::vector<Interaction>> PgStore::InteractionsOf(ContactId id, int limit) {
  KITH_ASSIGN_OR_RETURN(const Rows rows, Run(Columns(kInteractionColumns, "interactions",
                                                     " AND t.contact_id = $2 AND " + SeenBy("t", 4) +
                                                         " ORDER BY t.on_date DESC, t.id DESC LIMIT $3"),
                                             Params().Add(id.value).Add(limit).Add(access_.account)));
  return All<Interaction>(rows, InteractionAt);
}

Result<std::vector<Interaction>> PgStore::RecentInteractions(bool with_talk_share, int limit) {
  KITH_ASSIGN_OR_RETURN(
      const Rows rows,
      Run(Columns(kInteractionColumns, "interactions",
                  " AND " + OwnedBy("t", 3) + (with_talk_share ? " AND t.they_talked IS NOT NULL" : "") +
                      " ORDER BY t.on_date DESC, t.id DESC LIMIT $2"),
          Params().Add(limit).Add(access_.account)));
  return All<Interaction>(rows, InteractionAt);
}

Status PgStore::SetLastContactRow(ContactId id, std::optional<Date> day) {
  return Write("UPDATE contacts SET last_contact = $3 WHERE workspace_id = $1 AND id = $2",
               Params().Add(id.value).Add(IsoOrNull(day)));
}

Result<Fact> PgStore::SetFact(const Fact& fact) {
  Fact stored = fact;
  stored.author = access_.account;
  KITH_RETURN_IF_ERROR(Atomically([&]() -> Status {
    // The fact it replaces is the one of that key the member sees: a
    // shared fact is the workspace's (whoever learns better replaces it), a
    // private one only its author's.
    KITH_RETURN_IF_ERROR(Write(
        "DELETE FROM facts t WHERE workspace_id = $1 AND contact_id = $2 AND kind = $3 "
        "AND key = $4 AND " +
            SeenBy("t", 5),
        Params().Add(fact.contact.value).Add(FactKindName(fact.kind)).Add(fact.key).Add(access_.account)));
    KITH_ASSIGN_OR_RETURN(stored.id.value, NextIds("facts", 1));
    return Write(
        "INSERT INTO facts(workspace_id, id, contact_id, kind, key, value, learned_on, interaction_id, "
        "author, "
        "private) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        Params()
            .Add(stored.id.value)
            .Add(fact.contact.value)
            .Add(FactKindName(fact.kind))
            .Add(fact.key)
            .Add(fact.value)
            .Add(fact.learned_on.ToIso())
            .Add(IdOrNull(fact.interaction))
            .Add(stored.author)
            .Add(fact.visibility == Visibility::kPrivate));
  }));
  return stored;
}

Status PgStore::RemoveFact(ContactId id, FactKind kind, std::string_view key) {
  return Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(const Rows removed,
                          Run("DELETE FROM facts t WHERE workspace_id = $1 AND contact_id = $2 AND kind = $3 "
                              "AND key = $4 AND " +
                                  SeenBy("t", 5),
                              Params().Add(id.value).Add(FactKindName(kind)).Add(key).Add(access_.account)));
    if (removed.Affected() == 0) {
      return Fail(ErrorCode::kNotFound,
                  "contact " + std::to_string(id.value) + " has no " + std::string(FactKindName(kind)) +
                      " fact '" + std::string(key) + "'",
                  "fact");
    }
    return Ok();
  });
}

Result<std::vector<Fact>> PgStore::FactsOf(ContactId id) {
  KITH_ASSIGN_OR_RETURN(const Rows rows, Run(Columns(kFactColumns, "facts",
                                                     " AND t.contact_id = $2 AND " + SeenBy("t", 3) +
                                                         " ORDER BY t.learned_on DESC, t.id DESC"),
                                             Params().Add(id.value).Add(access_.account)));
  return All<Fact>(rows, FactAt);
}

Result<Reminder> PgStore::InsertReminder(const Reminder& reminder) {
  Reminder stored = reminder;
  stored.author = access_.account;
  KITH_RETURN_IF_ERROR(Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(stored.id.value, NextIds("reminders", 1));
    return Write(
        "INSERT INTO reminders(workspace_id, id, contact_id, kind, due, snoozed_until, note, state, "
        "closed_on, event_id, created_on, author) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        Params()
            .Add(stored.id.value)
            .Add(reminder.contact.value)
            .Add(ReminderKindName(reminder.kind))
            .Add(reminder.due.ToIso())
            .Add(IsoOrNull(reminder.snoozed_until))
            .Add(reminder.note)
            .Add(ReminderStateName(reminder.state))
            .Add(IsoOrNull(reminder.closed_on))
            .Add(IdOrNull(reminder.event))
            .Add(reminder.created_on.ToIso())
            .Add(stored.author));
  }));
  return stored;
}

Result<Reminder> PgStore::GetReminder(ReminderId id) {
  KITH_ASSIGN_OR_RETURN(const Rows rows,
                        Run(Columns(kReminderColumns, "reminders", " AND t.id = $2 AND " + OwnedBy("t", 3)),
                            Params().Add(id.value).Add(access_.account)));
  if (rows.empty())
    return Fail(ErrorCode::kNotFound, "no reminder with id " + std::to_string(id.value), "reminder");
  return ReminderAt(rows, 0);
}

Status PgStore::UpdateReminder(const Reminder& reminder) {
  return Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(
        const Rows updated,
        Run("UPDATE reminders t SET due = $3, snoozed_until = $4, note = $5, state = $6, closed_on = $7 "
            "WHERE workspace_id = $1 AND id = $2 AND " +
                OwnedBy("t", 8),
            Params()
                .Add(reminder.id.value)
                .Add(reminder.due.ToIso())
                .Add(IsoOrNull(reminder.snoozed_until))
                .Add(reminder.note)
                .Add(ReminderStateName(reminder.state))
                .Add(IsoOrNull(reminder.closed_on))
                .Add(access_.account)));
    if (updated.Affected() == 0) {
      return Fail(ErrorCode::kNotFound, "no reminder with id " + std::to_string(reminder.id.value),
                  "reminder");
    }
    return Ok();
  });
}

Result<std::vector<Reminder>> PgStore::RemindersOf(ContactId id) {
  KITH_ASSIGN_OR_RETURN(const Rows rows, Run(Columns(kReminderColumns, "reminders",
                                                     " AND t.contact_id = $2 AND " + OwnedBy("t", 3) +
                                                         " ORDER BY t.state <> 'open', "
                                                         "coalesce(t.snoozed_until, t.due), t.id"),
                                             Params().Add(id.value).Add(access_.account)));
  return All<Reminder>(rows, ReminderAt);
}

Result<std::vector<Reminder>> PgStore::OpenReminders(Date day, std::optional<ReminderKind> kind, int limit) {
  const std::optional<std::string> kind_name =
      kind ? std::optional<std::string>(std::string(ReminderKindName(*kind))) : std::nullopt;
  KITH_ASSIGN_OR_RETURN(const Rows rows,
                        Run(Columns(kReminderColumns, "reminders",
                                    " AND t.state = 'open' AND coalesce(t.snoozed_until, t.due) <= $2 "
                                    "AND ($3::text IS NULL OR t.kind = $3) AND " +
                                        OwnedBy("t", 5) + " AND " + std::string(kOfLiveContact) +
                                        " ORDER BY coalesce(t.snoozed_until, t.due), t.id LIMIT $4"),
                            Params().Add(day.ToIso()).Add(kind_name).Add(limit).Add(access_.account)));
  return All<Reminder>(rows, ReminderAt);
}

Result<std::int64_t> PgStore::CountOpenReminders(Date day, std::optional<ReminderKind> kind) {
  const std::optional<std::string> kind_name =
      kind ? std::optional<std::string>(std::string(ReminderKindName(*kind))) : std::nullopt;
  KITH_ASSIGN_OR_RETURN(
      const Rows rows,
      Run("SELECT count(*) FROM reminders t WHERE t.workspace_id = $1 AND t.state = 'open' "
          "AND coalesce(t.snoozed_until, t.due) <= $2 AND ($3::text IS NULL OR t.kind = $3) AND " +
              OwnedBy("t", 4) + " AND " + std::string(kOfLiveContact),
          Params().Add(day.ToIso()).Add(kind_name).Add(access_.account)));
  return rows.Int(0, 0);
}

Result<std::optional<std::int64_t>> PgStore::CalendarRevision() {
  // Both counters only grow, so their sum moves whenever either does
  // (migration 3's triggers move them).
  KITH_ASSIGN_OR_RETURN(
      const Rows rows,
      Run("SELECT coalesce((SELECT last_id FROM id_counters WHERE workspace_id = $1 AND name = "
          "'calendar_revision'), 0) + "
          "(SELECT coalesce(max(sequence), 0) FROM contact_changes WHERE workspace_id = $1)"));
  return std::optional<std::int64_t>(rows.Int(0, 0));
}

Result<std::vector<ReminderOfContact>> PgStore::OpenRemindersAfter(ReminderId after, int limit) {
  KITH_ASSIGN_OR_RETURN(
      const Rows rows,
      Run("SELECT " + std::string(kReminderColumns) +
              ", c.uid, c.display_name, c.company, c.met_at, c.last_contact, c.city, c.met_on FROM reminders "
              "t "
              "JOIN contacts c "
              "ON c.workspace_id = t.workspace_id AND c.id = t.contact_id WHERE t.workspace_id = $1 AND "
              "t.id > $2 AND t.state = 'open' AND " +
              OwnedBy("t", 4) + " AND c.trashed_at IS NULL ORDER BY t.id LIMIT $3",
          Params().Add(after.value).Add(limit).Add(access_.account)));
  return All<ReminderOfContact>(rows, [](const Rows& found, int row) -> Result<ReminderOfContact> {
    KITH_ASSIGN_OR_RETURN(Reminder reminder, ReminderAt(found, row));
    ContactSummary contact{reminder.contact,    found.Text(row, 11),   found.Text(row, 12),
                           found.Text(row, 13), found.Text(row, 14),   DateAt(found, row, 15),
                           found.Text(row, 16), DateAt(found, row, 17)};
    return ReminderOfContact{std::move(reminder), std::move(contact)};
  });
}

Result<std::optional<int>> PgStore::CadenceOf(ContactId id) {
  KITH_ASSIGN_OR_RETURN(
      const Rows rows,
      Run("SELECT days FROM cadences t WHERE workspace_id = $1 AND contact_id = $2 AND " + OwnedBy("t", 3),
          Params().Add(id.value).Add(access_.account)));
  if (rows.empty()) return std::optional<int>{};
  return std::optional<int>{static_cast<int>(rows.Int(0, 0))};
}

Status PgStore::SetCadence(ContactId id, std::optional<int> days) {
  if (!days) {
    return Write("DELETE FROM cadences t WHERE workspace_id = $1 AND contact_id = $2 AND " + OwnedBy("t", 3),
                 Params().Add(id.value).Add(access_.account));
  }
  return Write(
      "INSERT INTO cadences(workspace_id, contact_id, author, days) VALUES ($1, $2, $3, $4) "
      "ON CONFLICT (workspace_id, contact_id, author) DO UPDATE SET days = excluded.days",
      Params().Add(id.value).Add(access_.account).Add(*days));
}

Result<Post> PgStore::InsertPost(const PostFields& fields) {
  Post post;
  static_cast<PostFields&>(post) = fields;
  KITH_RETURN_IF_ERROR(Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(post.id.value, NextIds("posts", 1));
    return Write(
        "INSERT INTO posts(workspace_id, id, channel, url, topic, on_date) VALUES ($1, $2, $3, $4, $5, $6)",
        Params()
            .Add(post.id.value)
            .Add(fields.channel)
            .Add(fields.url)
            .Add(fields.topic)
            .Add(fields.on.ToIso()));
  }));
  return post;
}

Result<std::vector<Post>> PgStore::ListPosts(int limit) {
  KITH_ASSIGN_OR_RETURN(const Rows rows,
                        Run("SELECT id, channel, url, topic, on_date FROM posts WHERE workspace_id = $1 "
                            "ORDER BY on_date DESC, id DESC LIMIT $2",
                            Params().Add(limit)));
  return All<Post>(rows, [](const Rows& found, int row) {
    Post post;
    post.id = PostId{found.Int(row, 0)};
    post.channel = found.Text(row, 1);
    post.url = found.Text(row, 2);
    post.topic = found.Text(row, 3);
    post.on = DateAt(found, row, 4).value_or(Date{});
    return post;
  });
}

Result<std::vector<Event>> PgStore::AllEvents() {
  KITH_ASSIGN_OR_RETURN(const Rows rows, Run(Columns(kEventColumns, "events", " ORDER BY t.id")));
  return All<Event>(rows, EventAt);
}

Result<std::vector<Interaction>> PgStore::InteractionsAfter(InteractionId after, int limit) {
  KITH_ASSIGN_OR_RETURN(const Rows rows, Run(PageSql(kInteractionColumns, "interactions", SeenBy("t", 4)),
                                             Params().Add(after.value).Add(limit).Add(access_.account)));
  return All<Interaction>(rows, InteractionAt);
}

Result<std::vector<Fact>> PgStore::FactsAfter(FactId after, int limit) {
  KITH_ASSIGN_OR_RETURN(const Rows rows, Run(PageSql(kFactColumns, "facts", SeenBy("t", 4)),
                                             Params().Add(after.value).Add(limit).Add(access_.account)));
  return All<Fact>(rows, FactAt);
}

Result<std::vector<Reminder>> PgStore::RemindersAfter(ReminderId after, int limit) {
  KITH_ASSIGN_OR_RETURN(const Rows rows, Run(PageSql(kReminderColumns, "reminders", OwnedBy("t", 4)),
                                             Params().Add(after.value).Add(limit).Add(access_.account)));
  return All<Reminder>(rows, ReminderAt);
}

Result<std::vector<std::pair<ContactId, int>>> PgStore::AllCadences() {
  KITH_ASSIGN_OR_RETURN(
      const Rows rows,
      Run("SELECT t.contact_id, t.days FROM cadences t WHERE t.workspace_id = $1 AND " + OwnedBy("t", 2) +
              " AND " + std::string(kOfLiveContact) + " ORDER BY t.contact_id",
          Params().Add(access_.account)));
  return All<std::pair<ContactId, int>>(rows, [](const Rows& found, int row) {
    return std::pair<ContactId, int>{ContactId{found.Int(row, 0)}, static_cast<int>(found.Int(row, 1))};
  });
}

Result<std::vector<ContactId>> PgStore::NotYetConnected(Date since, int limit) {
  return Ids(
      "SELECT c.id FROM contacts c WHERE c.workspace_id = $1 AND c.trashed_at IS NULL AND c.met_on >= $2 "
      "AND EXISTS (SELECT 1 FROM contact_links l WHERE l.workspace_id = $1 AND l.contact_id = c.id "
      "AND l.kind <> 'other' AND NOT l.connected AND NOT l.followed) "
      "ORDER BY c.met_on DESC, c.id LIMIT $3",
      Params().Add(since.ToIso()).Add(limit));
}

Result<std::vector<ContactId>> PgStore::LastInTouchBetween(Date from, Date to, int limit) {
  return Ids(
      "SELECT id FROM contacts WHERE workspace_id = $1 AND trashed_at IS NULL AND last_contact "
      "BETWEEN $2 AND $3 ORDER BY last_contact DESC, id LIMIT $4",
      Params().Add(from.ToIso()).Add(to.ToIso()).Add(limit));
}

namespace {

// One row per contact: the aggregates health needs, for the contacts in
// the array $4 (or every live one), as the member $3 sees them: the
// interactions and facts they see, their own share of the talking and
// their own cadence.
constexpr std::string_view kActivitySql = R"sql(
SELECT c.id,
  (SELECT count(*) FROM interactions i WHERE i.workspace_id = $1 AND i.contact_id = c.id AND i.kind <> 'note'
     AND i.on_date >= $2 AND (NOT i.private OR i.author = $3)),
  (SELECT count(*) FROM facts f WHERE f.workspace_id = $1 AND f.contact_id = c.id
     AND (NOT f.private OR f.author = $3)),
  (SELECT count(*) FROM ledger l WHERE l.workspace_id = $1 AND l.contact_id = c.id AND l.kind <> 'ask'
     AND l.direction = 'from-me'),
  (SELECT count(*) FROM ledger l WHERE l.workspace_id = $1 AND l.contact_id = c.id AND l.kind <> 'ask'
     AND l.direction = 'to-me'),
  (SELECT round(avg(i.they_talked)) FROM interactions i WHERE i.workspace_id = $1 AND i.contact_id = c.id
     AND i.they_talked IS NOT NULL AND i.author = $3),
  (SELECT days FROM cadences k WHERE k.workspace_id = $1 AND k.contact_id = c.id AND k.author = $3),
  (SELECT min(s.value::integer) FROM contact_labels t JOIN settings s ON s.workspace_id = $1
     AND s.key = 'cadence.tag.' || t.folded WHERE t.workspace_id = $1 AND t.contact_id = c.id AND t.kind = 'tag'
     AND s.value ~ '^[0-9]{1,9}$'),
  c.last_contact, c.met_on, substr(c.created_at, 1, 10),
  (SELECT min(i.on_date) FROM interactions i WHERE i.workspace_id = $1 AND i.contact_id = c.id
     AND i.kind <> 'note' AND i.on_date >= $2 AND (NOT i.private OR i.author = $3))
FROM contacts c WHERE c.workspace_id = $1 AND
)sql";

ContactActivity ActivityAt(const Rows& rows, int row) {
  ContactActivity activity;
  activity.contact = ContactId{rows.Int(row, 0)};
  activity.contacts_since = static_cast<int>(rows.Int(row, 1));
  activity.facts = static_cast<int>(rows.Int(row, 2));
  activity.gives_from_me = static_cast<int>(rows.Int(row, 3));
  activity.gives_to_me = static_cast<int>(rows.Int(row, 4));
  if (!rows.IsNull(row, 5)) activity.they_talked_average = static_cast<int>(std::stod(rows.Text(row, 5)));
  if (!rows.IsNull(row, 6)) activity.cadence_days = static_cast<int>(rows.Int(row, 6));
  if (!rows.IsNull(row, 7)) activity.tag_cadence_days = static_cast<int>(rows.Int(row, 7));
  activity.last_contact = DateAt(rows, row, 8);
  activity.met_on = DateAt(rows, row, 9);
  activity.added_on = DateAt(rows, row, 10).value_or(Date{});
  activity.oldest_contact_since = DateAt(rows, row, 11);
  return activity;
}

}  // namespace

Result<std::vector<ContactActivity>> PgStore::ActivityOf(const std::vector<ContactId>& ids, Date since) {
  KITH_ASSIGN_OR_RETURN(const Rows rows,
                        Run(std::string(kActivitySql) + " c.id = ANY($4::bigint[])",
                            Params().Add(since.ToIso()).Add(access_.account).Add(IdArray(ids))));
  std::unordered_map<std::int64_t, ContactActivity> found;
  for (int row = 0; row < rows.size(); ++row) {
    ContactActivity activity = ActivityAt(rows, row);
    found.emplace(activity.contact.value, activity);
  }
  std::vector<ContactActivity> activities;
  activities.reserve(ids.size());
  for (const ContactId id : ids) {
    const auto activity = found.find(id.value);
    ContactActivity unknown;
    unknown.contact = id;
    activities.push_back(activity != found.end() ? activity->second : unknown);
  }
  return activities;
}

Result<std::vector<ContactActivity>> PgStore::ActivityOfEveryone(Date since) {
  KITH_ASSIGN_OR_RETURN(const Rows rows,
                        Run(std::string(kActivitySql) + " c.trashed_at IS NULL ORDER BY c.id",
                            Params().Add(since.ToIso()).Add(access_.account)));
  return All<ContactActivity>(rows, ActivityAt);
}

}  // namespace kith::postgres
