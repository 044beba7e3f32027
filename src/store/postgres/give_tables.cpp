// Opportunities and the ledger of gives, asks and introductions on
// PostgreSQL.
#include "store/postgres/pg_store.h"
#include "store/postgres/row_values.h"

namespace kith::postgres {
namespace {

constexpr std::string_view kOpportunityColumns =
    "id, kind, title, description, place, deadline, source, created_on, closed_on";

Result<Opportunity> OpportunityAt(const Rows& rows, int row) {
  Opportunity opportunity;
  opportunity.id = OpportunityId{rows.Int(row, 0)};
  KITH_ASSIGN_OR_RETURN(opportunity.kind,
                        EnumAt(rows, row, 1, "opportunities", "kind", ParseOpportunityKind));
  opportunity.title = rows.Text(row, 2);
  opportunity.description = rows.Text(row, 3);
  opportunity.place = rows.Text(row, 4);
  opportunity.deadline = DateAt(rows, row, 5);
  opportunity.source = rows.Text(row, 6);
  opportunity.created_on = DateAt(rows, row, 7).value_or(Date{});
  opportunity.closed_on = DateAt(rows, row, 8);
  return opportunity;
}

constexpr std::string_view kLedgerColumns =
    "id, contact_id, kind, direction, what, on_date, outcome, opportunity_id, introduced_to, why";

Result<LedgerEntry> LedgerEntryAt(const Rows& rows, int row) {
  LedgerEntry entry;
  entry.id = LedgerEntryId{rows.Int(row, 0)};
  entry.contact = ContactId{rows.Int(row, 1)};
  KITH_ASSIGN_OR_RETURN(entry.kind, EnumAt(rows, row, 2, "ledger", "kind", ParseLedgerKind));
  KITH_ASSIGN_OR_RETURN(entry.direction, EnumAt(rows, row, 3, "ledger", "direction", ParseLedgerDirection));
  entry.what = rows.Text(row, 4);
  entry.on = DateAt(rows, row, 5).value_or(Date{});
  KITH_ASSIGN_OR_RETURN(entry.outcome, EnumAt(rows, row, 6, "ledger", "outcome", ParseLedgerOutcome));
  if (!rows.IsNull(row, 7)) entry.opportunity = OpportunityId{rows.Int(row, 7)};
  if (!rows.IsNull(row, 8)) entry.introduced_to = ContactId{rows.Int(row, 8)};
  entry.why = rows.Text(row, 9);
  return entry;
}

Result<std::vector<LedgerEntry>> LedgerEntries(const Rows& rows) {
  std::vector<LedgerEntry> entries;
  entries.reserve(static_cast<std::size_t>(rows.size()));
  for (int row = 0; row < rows.size(); ++row) {
    KITH_ASSIGN_OR_RETURN(LedgerEntry entry, LedgerEntryAt(rows, row));
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace

Result<Opportunity> PgStore::InsertOpportunity(const OpportunityFields& fields, Date created_on) {
  OpportunityId id;
  KITH_RETURN_IF_ERROR(Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(id.value, NextIds("opportunities", 1));
    KITH_RETURN_IF_ERROR(
        Write("INSERT INTO opportunities(workspace_id, id, kind, title, description, place, "
              "deadline, source, created_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
              Params()
                  .Add(id.value)
                  .Add(OpportunityKindName(fields.kind))
                  .Add(fields.title)
                  .Add(fields.description)
                  .Add(fields.place)
                  .Add(IsoOrNull(fields.deadline))
                  .Add(fields.source)
                  .Add(created_on.ToIso())));
    for (std::size_t i = 0; i < fields.skills.size(); ++i) {
      KITH_RETURN_IF_ERROR(
          Write("INSERT INTO opportunity_skills(workspace_id, opportunity_id, position, value) "
                "VALUES ($1, $2, $3, $4)",
                Params().Add(id.value).Add(static_cast<int>(i)).Add(fields.skills[i])));
    }
    return Ok();
  }));
  return GetOpportunity(id);
}

Result<Opportunity> PgStore::GetOpportunity(OpportunityId id) {
  KITH_ASSIGN_OR_RETURN(const Rows rows, Run("SELECT " + std::string(kOpportunityColumns) +
                                                 " FROM opportunities WHERE workspace_id = $1 AND id = $2",
                                             Params().Add(id.value)));
  if (rows.empty()) {
    return Fail(ErrorCode::kNotFound, "no opportunity with id " + std::to_string(id.value), "opportunity");
  }
  KITH_ASSIGN_OR_RETURN(Opportunity opportunity, OpportunityAt(rows, 0));
  KITH_ASSIGN_OR_RETURN(const Rows skills, Run("SELECT value FROM opportunity_skills WHERE workspace_id = $1 "
                                               "AND opportunity_id = $2 ORDER BY position",
                                               Params().Add(id.value)));
  for (int row = 0; row < skills.size(); ++row) opportunity.skills.push_back(skills.Text(row, 0));
  return opportunity;
}

Result<std::vector<Opportunity>> PgStore::ListOpportunities(bool include_closed) {
  KITH_ASSIGN_OR_RETURN(const Rows ids,
                        Run(include_closed ? "SELECT id FROM opportunities WHERE workspace_id = $1 "
                                             "ORDER BY id DESC"
                                           : "SELECT id FROM opportunities WHERE workspace_id = $1 "
                                             "AND closed_on IS NULL ORDER BY id DESC"));
  std::vector<Opportunity> opportunities;
  for (int row = 0; row < ids.size(); ++row) {
    KITH_ASSIGN_OR_RETURN(Opportunity opportunity, GetOpportunity(OpportunityId{ids.Int(row, 0)}));
    opportunities.push_back(std::move(opportunity));
  }
  return opportunities;
}

Status PgStore::CloseOpportunity(OpportunityId id, Date on) {
  KITH_ASSIGN_OR_RETURN(const Opportunity opportunity, GetOpportunity(id));
  if (opportunity.closed_on) {
    return Fail(
        ErrorCode::kConflict,
        "opportunity " + std::to_string(id.value) + " was closed on " + opportunity.closed_on->ToIso(),
        "opportunity");
  }
  return Write("UPDATE opportunities SET closed_on = $3 WHERE workspace_id = $1 AND id = $2",
               Params().Add(id.value).Add(on.ToIso()));
}

Result<LedgerEntry> PgStore::InsertLedgerEntry(const LedgerEntry& entry) {
  LedgerEntryId id;
  KITH_RETURN_IF_ERROR(Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(id.value, NextIds("ledger", 1));
    return Write(
        "INSERT INTO ledger(workspace_id, id, contact_id, kind, direction, what, on_date, outcome, "
        "opportunity_id, introduced_to, why) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        Params()
            .Add(id.value)
            .Add(entry.contact.value)
            .Add(LedgerKindName(entry.kind))
            .Add(LedgerDirectionName(entry.direction))
            .Add(entry.what)
            .Add(entry.on.ToIso())
            .Add(LedgerOutcomeName(entry.outcome))
            .Add(IdOrNull(entry.opportunity))
            .Add(IdOrNull(entry.introduced_to))
            .Add(entry.why));
  }));
  return GetLedgerEntry(id);
}

Result<LedgerEntry> PgStore::GetLedgerEntry(LedgerEntryId id) {
  KITH_ASSIGN_OR_RETURN(const Rows rows, Run("SELECT " + std::string(kLedgerColumns) +
                                                 " FROM ledger WHERE workspace_id = $1 AND id = $2",
                                             Params().Add(id.value)));
  if (rows.empty())
    return Fail(ErrorCode::kNotFound, "no ledger entry with id " + std::to_string(id.value), "entry");
  return LedgerEntryAt(rows, 0);
}

Status PgStore::SetLedgerOutcome(LedgerEntryId id, LedgerOutcome outcome) {
  KITH_RETURN_IF_ERROR(GetLedgerEntry(id));
  return Write("UPDATE ledger SET outcome = $3 WHERE workspace_id = $1 AND id = $2",
               Params().Add(id.value).Add(LedgerOutcomeName(outcome)));
}

Result<std::vector<LedgerEntry>> PgStore::LedgerOf(ContactId id) {
  KITH_ASSIGN_OR_RETURN(const Rows rows, Run("SELECT " + std::string(kLedgerColumns) +
                                                 " FROM ledger WHERE workspace_id = $1 AND contact_id = $2 "
                                                 "ORDER BY on_date, id",
                                             Params().Add(id.value)));
  return LedgerEntries(rows);
}

Result<std::vector<LedgerEntry>> PgStore::AllLedgerEntries() {
  KITH_ASSIGN_OR_RETURN(const Rows rows, Run("SELECT " + std::string(kLedgerColumns) +
                                             " FROM ledger WHERE workspace_id = $1 ORDER BY id"));
  return LedgerEntries(rows);
}

Result<std::vector<ContactId>> PgStore::OfferedOpportunity(OpportunityId id) {
  return Ids(
      "SELECT DISTINCT contact_id FROM ledger WHERE workspace_id = $1 AND opportunity_id = $2 "
      "ORDER BY contact_id",
      Params().Add(id.value));
}

Result<std::vector<std::pair<ContactId, Date>>> PgStore::LastGiven(const std::vector<ContactId>& ids) {
  KITH_ASSIGN_OR_RETURN(const Rows rows,
                        Run("SELECT contact_id, max(on_date) FROM ledger WHERE workspace_id = $1 "
                            "AND contact_id = ANY($2::bigint[]) AND kind IN ('give', 'intro') "
                            "AND direction = 'from-me' GROUP BY contact_id",
                            Params().Add(IdArray(ids))));
  std::unordered_map<std::int64_t, Date> found;
  for (int row = 0; row < rows.size(); ++row) {
    if (auto day = DateAt(rows, row, 1)) found.emplace(rows.Int(row, 0), *day);
  }
  std::vector<std::pair<ContactId, Date>> last;
  for (const ContactId id : ids) {
    if (const auto day = found.find(id.value); day != found.end()) last.emplace_back(id, day->second);
  }
  return last;
}

Result<std::vector<ContactId>> PgStore::OpenToOpportunitiesSince(Date since, int limit) {
  return Ids(
      "SELECT id FROM contacts WHERE workspace_id = $1 AND open_to_opportunities AND trashed_at IS NULL "
      "AND (open_since IS NULL OR open_since >= $2) ORDER BY id DESC LIMIT $3",
      Params().Add(since.ToIso()).Add(limit));
}

}  // namespace kith::postgres
