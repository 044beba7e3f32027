// Opportunities, the ledger and settings in SQLite.
#include "store/sqlite/label_kinds.h"
#include "store/sqlite/row_values.h"
#include "store/sqlite/sqlite_store.h"

namespace kith::sqlite {
namespace {

constexpr std::string_view kOpportunityColumns =
    "id, kind, title, description, place, deadline, source, created_on, closed_on";

Result<Opportunity> OpportunityFromRow(const Statement& row) {
  Opportunity opportunity;
  opportunity.id = OpportunityId{row.Int(0)};
  KITH_ASSIGN_OR_RETURN(opportunity.kind, EnumColumn(row, 1, "opportunities", "kind", ParseOpportunityKind));
  opportunity.title = row.Text(2);
  opportunity.description = row.Text(3);
  opportunity.place = row.Text(4);
  opportunity.deadline = OptionalDate(row, 5);
  opportunity.source = row.Text(6);
  opportunity.created_on = OptionalDate(row, 7).value_or(Date{});
  opportunity.closed_on = OptionalDate(row, 8);
  return opportunity;
}

constexpr std::string_view kLedgerColumns =
    "id, contact_id, kind, direction, what, on_date, outcome, opportunity_id, introduced_to, why";

Result<LedgerEntry> LedgerEntryFromRow(const Statement& row) {
  LedgerEntry entry;
  entry.id = LedgerEntryId{row.Int(0)};
  entry.contact = ContactId{row.Int(1)};
  KITH_ASSIGN_OR_RETURN(entry.kind, EnumColumn(row, 2, "ledger", "kind", ParseLedgerKind));
  KITH_ASSIGN_OR_RETURN(entry.direction, EnumColumn(row, 3, "ledger", "direction", ParseLedgerDirection));
  entry.what = row.Text(4);
  entry.on = OptionalDate(row, 5).value_or(Date{});
  KITH_ASSIGN_OR_RETURN(entry.outcome, EnumColumn(row, 6, "ledger", "outcome", ParseLedgerOutcome));
  if (!row.IsNull(7)) entry.opportunity = OpportunityId{row.Int(7)};
  if (!row.IsNull(8)) entry.introduced_to = ContactId{row.Int(8)};
  entry.why = row.Text(9);
  return entry;
}

}  // namespace

Result<Opportunity> SqliteStore::InsertOpportunity(const OpportunityFields& fields, Date created_on) {
  OpportunityId id;
  KITH_RETURN_IF_ERROR(Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(auto insert,
                          database_->Prepare("INSERT INTO opportunities(kind, title, description, "
                                             "place, deadline, source, created_on) "
                                             "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    insert.Bind(1, OpportunityKindName(fields.kind))
        .Bind(2, fields.title)
        .Bind(3, fields.description)
        .Bind(4, fields.place)
        .Bind(5, IsoOrNull(fields.deadline))
        .Bind(6, fields.source)
        .Bind(7, created_on.ToIso());
    KITH_RETURN_IF_ERROR(insert.Run());
    id = OpportunityId{database_->LastInsertRowId()};
    KITH_ASSIGN_OR_RETURN(auto skill, database_->Prepare("INSERT INTO opportunity_skills(opportunity_id, "
                                                         "position, value) VALUES(?1, ?2, ?3)"));
    for (std::size_t i = 0; i < fields.skills.size(); ++i) {
      skill.Bind(1, id.value).Bind(2, static_cast<std::int64_t>(i)).Bind(3, fields.skills[i]);
      KITH_RETURN_IF_ERROR(skill.Run());
    }
    return Ok();
  }));
  return GetOpportunity(id);
}

Result<Opportunity> SqliteStore::GetOpportunity(OpportunityId id) {
  KITH_ASSIGN_OR_RETURN(auto select, database_->Prepare("SELECT " + std::string(kOpportunityColumns) +
                                                        " FROM opportunities WHERE id = ?1"));
  select.Bind(1, id.value);
  KITH_ASSIGN_OR_RETURN(const bool found, select.Step());
  if (!found) {
    return Fail(ErrorCode::kNotFound, "no opportunity with id " + std::to_string(id.value), "opportunity");
  }
  KITH_ASSIGN_OR_RETURN(Opportunity opportunity, OpportunityFromRow(select));
  KITH_ASSIGN_OR_RETURN(auto skills, database_->Prepare("SELECT value FROM opportunity_skills "
                                                        "WHERE opportunity_id = ?1 ORDER BY position"));
  skills.Bind(1, id.value);
  KITH_ASSIGN_OR_RETURN(opportunity.skills,
                        AllRows<std::string>(skills, [](const Statement& row) { return row.Text(0); }));
  return opportunity;
}

Result<std::vector<Opportunity>> SqliteStore::ListOpportunities(bool include_closed) {
  KITH_ASSIGN_OR_RETURN(
      auto select, database_->Prepare(include_closed ? "SELECT id FROM opportunities ORDER BY id DESC"
                                                     : "SELECT id FROM opportunities WHERE closed_on IS NULL "
                                                       "ORDER BY id DESC"));
  std::vector<OpportunityId> ids;
  while (true) {
    KITH_ASSIGN_OR_RETURN(const bool row, select.Step());
    if (!row) break;
    ids.push_back(OpportunityId{select.Int(0)});
  }
  std::vector<Opportunity> opportunities;
  for (const OpportunityId id : ids) {
    KITH_ASSIGN_OR_RETURN(Opportunity opportunity, GetOpportunity(id));
    opportunities.push_back(std::move(opportunity));
  }
  return opportunities;
}

Status SqliteStore::CloseOpportunity(OpportunityId id, Date on) {
  KITH_ASSIGN_OR_RETURN(const Opportunity opportunity, GetOpportunity(id));
  if (opportunity.closed_on) {
    return Fail(
        ErrorCode::kConflict,
        "opportunity " + std::to_string(id.value) + " was closed on " + opportunity.closed_on->ToIso(),
        "opportunity");
  }
  return Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(auto close,
                          database_->Prepare("UPDATE opportunities SET closed_on = ?2 WHERE id = ?1"));
    close.Bind(1, id.value).Bind(2, on.ToIso());
    return close.Run();
  });
}

Result<LedgerEntry> SqliteStore::InsertLedgerEntry(const LedgerEntry& entry) {
  LedgerEntryId id;
  KITH_RETURN_IF_ERROR(Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(auto insert,
                          database_->Prepare("INSERT INTO ledger(contact_id, kind, direction, what, on_date, "
                                             "outcome, opportunity_id, introduced_to, why) "
                                             "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
    insert.Bind(1, entry.contact.value)
        .Bind(2, LedgerKindName(entry.kind))
        .Bind(3, LedgerDirectionName(entry.direction))
        .Bind(4, entry.what)
        .Bind(5, entry.on.ToIso())
        .Bind(6, LedgerOutcomeName(entry.outcome))
        .Bind(9, entry.why);
    if (entry.opportunity) {
      insert.Bind(7, entry.opportunity->value);
    } else {
      insert.BindNull(7);
    }
    if (entry.introduced_to) {
      insert.Bind(8, entry.introduced_to->value);
    } else {
      insert.BindNull(8);
    }
    KITH_RETURN_IF_ERROR(insert.Run());
    id = LedgerEntryId{database_->LastInsertRowId()};
    return Ok();
  }));
  return GetLedgerEntry(id);
}

Result<LedgerEntry> SqliteStore::GetLedgerEntry(LedgerEntryId id) {
  KITH_ASSIGN_OR_RETURN(auto select, database_->Prepare("SELECT " + std::string(kLedgerColumns) +
                                                        " FROM ledger WHERE id = ?1"));
  select.Bind(1, id.value);
  KITH_ASSIGN_OR_RETURN(const bool found, select.Step());
  if (!found)
    return Fail(ErrorCode::kNotFound, "no ledger entry with id " + std::to_string(id.value), "entry");
  return LedgerEntryFromRow(select);
}

Status SqliteStore::SetLedgerOutcome(LedgerEntryId id, LedgerOutcome outcome) {
  KITH_RETURN_IF_ERROR(GetLedgerEntry(id));
  return Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(auto update, database_->Prepare("UPDATE ledger SET outcome = ?2 WHERE id = ?1"));
    update.Bind(1, id.value).Bind(2, LedgerOutcomeName(outcome));
    return update.Run();
  });
}

Result<std::vector<LedgerEntry>> SqliteStore::LedgerOf(ContactId id) {
  KITH_ASSIGN_OR_RETURN(auto select,
                        database_->Prepare("SELECT " + std::string(kLedgerColumns) +
                                           " FROM ledger WHERE contact_id = ?1 ORDER BY on_date, id"));
  select.Bind(1, id.value);
  return AllRows<LedgerEntry>(select, LedgerEntryFromRow);
}

Result<std::vector<LedgerEntry>> SqliteStore::AllLedgerEntries() {
  KITH_ASSIGN_OR_RETURN(
      auto select, database_->Prepare("SELECT " + std::string(kLedgerColumns) + " FROM ledger ORDER BY id"));
  return AllRows<LedgerEntry>(select, LedgerEntryFromRow);
}

Result<bool> SqliteStore::LabelInUse(std::string_view kind, std::string_view value) {
  const std::string folded = SortName(value);
  if (folded.empty()) return false;
  // The texts that fold so first (none: no label is read), then a row of
  // each, the kind as a number in the statement: a tag's rows are found in
  // the index of tags, a skill's or an interest's, which nothing indexes by
  // value, by reading the labels until one matches.
  KITH_ASSIGN_OR_RETURN(
      auto select, database_->Prepare("SELECT EXISTS (SELECT 1 FROM label_values v WHERE v.folded = ?1 "
                                      "AND EXISTS (SELECT 1 FROM contact_labels l WHERE l.value_id = v.id "
                                      "AND l.kind = " +
                                      std::to_string(LabelKindCode(kind)) + "))"));
  select.Bind(1, folded);
  KITH_ASSIGN_OR_RETURN(const bool row, select.Step());
  const bool used = row && select.Int(0) != 0;
  KITH_ASSIGN_OR_RETURN(const bool more, select.Step());
  (void)more;
  return used;
}

Result<std::vector<ContactId>> SqliteStore::OfferedOpportunity(OpportunityId id) {
  KITH_ASSIGN_OR_RETURN(auto select, database_->Prepare("SELECT DISTINCT contact_id FROM ledger "
                                                        "WHERE opportunity_id = ?1 ORDER BY contact_id"));
  select.Bind(1, id.value);
  return ContactIds(select);
}

Result<std::vector<std::pair<ContactId, Date>>> SqliteStore::LastGiven(const std::vector<ContactId>& ids) {
  KITH_ASSIGN_OR_RETURN(auto select,
                        database_->Prepare("SELECT max(on_date) FROM ledger WHERE contact_id = ?1 "
                                           "AND kind IN ('give', 'intro') AND direction = 'from-me'"));
  std::vector<std::pair<ContactId, Date>> last;
  for (const ContactId id : ids) {
    select.Bind(1, id.value);
    KITH_ASSIGN_OR_RETURN(const bool row, select.Step());
    if (row) {
      if (auto date = OptionalDate(select, 0)) last.emplace_back(id, *date);
    }
    KITH_ASSIGN_OR_RETURN(const bool more, select.Step());
    (void)more;
  }
  return last;
}

Result<std::vector<ContactId>> SqliteStore::OpenToOpportunitiesSince(Date since, int limit) {
  KITH_ASSIGN_OR_RETURN(auto select,
                        database_->Prepare("SELECT id FROM contacts WHERE open_to_opportunities = 1 AND "
                                           "trashed_at IS NULL AND (open_since IS NULL OR open_since >= ?1) "
                                           "ORDER BY id DESC LIMIT ?2"));
  select.Bind(1, since.ToIso()).Bind(2, limit);
  return ContactIds(select);
}

Result<std::optional<std::string>> SqliteStore::GetSetting(std::string_view key) {
  KITH_ASSIGN_OR_RETURN(auto select, database_->Prepare("SELECT value FROM settings WHERE key = ?1"));
  select.Bind(1, key);
  KITH_ASSIGN_OR_RETURN(const bool found, select.Step());
  if (!found) return std::optional<std::string>();
  std::optional<std::string> value = select.Text(0);
  KITH_ASSIGN_OR_RETURN(const bool more, select.Step());
  (void)more;
  return value;
}

Status SqliteStore::SetSetting(std::string_view key, std::string_view value) {
  return Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(auto upsert,
                          database_->Prepare("INSERT INTO settings(key, value) VALUES(?1, ?2) "
                                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    upsert.Bind(1, key).Bind(2, value);
    return upsert.Run();
  });
}

Result<std::vector<std::pair<std::string, std::string>>> SqliteStore::AllSettings() {
  KITH_ASSIGN_OR_RETURN(auto select, database_->Prepare("SELECT key, value FROM settings ORDER BY key"));
  return AllRows<std::pair<std::string, std::string>>(select, [](const Statement& row) {
    return std::pair<std::string, std::string>{row.Text(0), row.Text(1)};
  });
}

}  // namespace kith::sqlite
