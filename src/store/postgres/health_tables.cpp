// Stored relationship health on PostgreSQL: the scores the list is sorted
// by, the people whose score is due again (marked by the triggers of
// migrations 2 and 10, or aged), and the day the scores were stored for —
// each the acting member's own sheet (migration 10): health is scored as
// its reader sees the person.
#include <algorithm>

#include "store/postgres/pg_store.h"
#include "store/postgres/row_values.h"

namespace kith::postgres {
namespace {

// A score no day will age: only a write changes it.
constexpr std::string_view kNeverChanges = "9999-12-31";

// "$n", the next parameter after those in `params` ($1 is the workspace).
std::string Next(const Params& params) { return "$" + std::to_string(params.values().size() + 2); }

// A card of `alias`'s row that passes the list's filters.
std::string OnTheList(const ListQuery& filters, const std::string& folded_tag, Params& params,
                      std::string_view alias) {
  return "EXISTS (SELECT 1 FROM contacts WHERE " + ListWhere(filters, folded_tag, params) +
         " AND id = " + std::string(alias) + ".contact_id)";
}

}  // namespace

Result<std::vector<ContactId>> PgStore::StaleHealth(const ListQuery& filters, Date today, int limit) {
  // The marked in id order and the aged by their day, `limit` of each at
  // the most: a renewal in batches reads only what it renews. A member
  // without a sheet yet has nothing marked: everyone they have no score
  // for is due (their first renewal makes the sheet and marks the rest).
  KITH_ASSIGN_OR_RETURN(const auto scored_on, HealthScoredOn());
  std::vector<ContactId> stale;
  for (const std::string_view kind : {"marked", "aged", "unscored"}) {
    if (kind == "unscored" && scored_on) break;
    // The list's filters first: ListWhere numbers its parameters from $2.
    Params params;
    std::string sql;
    if (kind == "marked") {
      sql = "SELECT d.contact_id FROM health_dirty d WHERE d.workspace_id = $1 AND " +
            OnTheList(filters, SortName(filters.tag), params, "d");
      sql += " AND d.author = " + Next(params) + " ORDER BY d.contact_id";
      params.Add(access_.account);
    } else if (kind == "aged") {
      sql = "SELECT h.contact_id FROM contact_health h WHERE h.workspace_id = $1 AND " +
            OnTheList(filters, SortName(filters.tag), params, "h");
      sql += " AND h.author = " + Next(params);
      params.Add(access_.account);
      sql += " AND h.changes_on <= " + Next(params) + "::date ORDER BY h.changes_on";
      params.Add(today.ToIso());
    } else {
      sql = "SELECT c.id FROM contacts c WHERE " + ListWhere(filters, SortName(filters.tag), params);
      sql += " AND NOT EXISTS (SELECT 1 FROM contact_health h WHERE h.workspace_id = $1 AND h.author = " +
             Next(params) + " AND h.contact_id = c.id) ORDER BY c.id";
      params.Add(access_.account);
    }
    sql += " LIMIT " + Next(params);
    params.Add(limit);
    KITH_ASSIGN_OR_RETURN(const auto ids, Ids(sql, params));
    stale.insert(stale.end(), ids.begin(), ids.end());
  }
  return LowestDistinct(std::move(stale), limit);
}

Result<std::vector<StoredHealth>> PgStore::WeakestStoredHealth(const ListQuery& filters, Date today,
                                                               int count) {
  // The list's filters first: ListWhere numbers its parameters from $2.
  Params params;
  std::string sql =
      "SELECT h.contact_id, h.score, h.changes_on FROM contact_health h WHERE h.workspace_id = $1 AND " +
      OnTheList(filters, SortName(filters.tag), params, "h");
  const std::string account = Next(params);
  params.Add(access_.account);
  sql += " AND h.author = " + account +
         " AND NOT EXISTS (SELECT 1 FROM health_dirty d WHERE d.workspace_id = $1 AND d.author = " + account +
         " AND d.contact_id = h.contact_id)";
  sql += " AND h.changes_on > " + Next(params) + "::date";
  params.Add(today.ToIso());
  sql += " ORDER BY h.score, h.contact_id LIMIT " + Next(params);
  params.Add(count);
  KITH_ASSIGN_OR_RETURN(const Rows rows, Run(sql, params));
  std::vector<StoredHealth> scores;
  scores.reserve(static_cast<std::size_t>(rows.size()));
  for (int row = 0; row < rows.size(); ++row) {
    scores.push_back(StoredHealth{ContactId{rows.Int(row, 0)}, static_cast<int>(rows.Int(row, 1)),
                                  rows.Text(row, 2) == kNeverChanges ? std::nullopt : DateAt(rows, row, 2)});
  }
  return scores;
}

Status PgStore::SaveHealth(const std::vector<StoredHealth>& scores, Date today) {
  std::vector<std::int64_t> ids;
  std::vector<std::int64_t> values;
  std::vector<std::string> changes;
  ids.reserve(scores.size());
  values.reserve(scores.size());
  changes.reserve(scores.size());
  for (const StoredHealth& health : scores) {
    ids.push_back(health.contact.value);
    values.push_back(health.score);
    changes.push_back(health.changes_on ? health.changes_on->ToIso() : std::string(kNeverChanges));
  }
  return Atomically([&]() -> Status {
    // A card deleted since it was scored is left out, not an error.
    KITH_RETURN_IF_ERROR(
        Write("INSERT INTO contact_health(workspace_id, author, contact_id, score, changes_on) "
              "SELECT $1, $2, s.id, s.score, s.changes_on FROM unnest($3::bigint[], $4::int[], $5::date[]) "
              "AS s(id, score, changes_on) WHERE EXISTS (SELECT 1 FROM contacts c WHERE c.workspace_id = $1 "
              "AND c.id = s.id) ON CONFLICT (workspace_id, author, contact_id) DO UPDATE "
              "SET score = excluded.score, changes_on = excluded.changes_on",
              Params()
                  .Add(access_.account)
                  .Add(ArrayLiteral(ids))
                  .Add(ArrayLiteral(values))
                  .Add(ArrayLiteral(changes))));
    // The member's sheet: made by their first renewal, which then marks
    // everyone it did not score, so the writes' marks and these carry the
    // rest (a sheet nobody marks would stay incomplete).
    KITH_ASSIGN_OR_RETURN(
        const Rows made,
        Run("INSERT INTO health_sheets(workspace_id, author, scored_on) VALUES ($1, $2, $3::date) "
            "ON CONFLICT (workspace_id, author) DO UPDATE SET scored_on = greatest(health_sheets.scored_on, "
            "excluded.scored_on) RETURNING xmax = 0",
            Params().Add(access_.account).Add(today.ToIso())));
    if (!made.empty() && made.Bool(0, 0)) {
      KITH_RETURN_IF_ERROR(Write(
          "INSERT INTO health_dirty(workspace_id, author, contact_id) SELECT $1, $2, c.id FROM contacts c "
          "WHERE c.workspace_id = $1 AND NOT EXISTS (SELECT 1 FROM contact_health h WHERE "
          "h.workspace_id = $1 AND h.author = $2 AND h.contact_id = c.id) ON CONFLICT DO NOTHING",
          Params().Add(access_.account)));
    }
    return Write(
        "DELETE FROM health_dirty WHERE workspace_id = $1 AND author = $2 AND contact_id = ANY($3::bigint[])",
        Params().Add(access_.account).Add(ArrayLiteral(ids)));
  });
}

Result<std::optional<Date>> PgStore::HealthScoredOn() {
  KITH_ASSIGN_OR_RETURN(const Rows rows,
                        Run("SELECT scored_on FROM health_sheets WHERE workspace_id = $1 AND author = $2",
                            Params().Add(access_.account)));
  if (rows.empty()) return std::optional<Date>();
  return DateAt(rows, 0, 0);
}

}  // namespace kith::postgres
