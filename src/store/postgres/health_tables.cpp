// Stored relationship health on PostgreSQL: the scores the list is sorted
// by, the people whose score is due again (marked by the triggers of
// migration 2, or aged), and the day the scores were stored for.
#include <algorithm>

#include "store/postgres/pg_store.h"
#include "store/postgres/row_values.h"

namespace kith::postgres {
namespace {

// A score no day will age: only a write changes it.
constexpr std::string_view kNeverChanges = "9999-12-31";
constexpr std::string_view kScoredOnKey = "health.scored_on";

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
  // the most: a renewal in batches reads only what it renews.
  std::vector<ContactId> stale;
  for (const bool marked : {true, false}) {
    Params params;
    std::string sql = marked ? "SELECT d.contact_id FROM health_dirty d WHERE d.workspace_id = $1 AND " +
                                   OnTheList(filters, SortName(filters.tag), params, "d") +
                                   " ORDER BY d.contact_id"
                             : "SELECT h.contact_id FROM contact_health h WHERE h.workspace_id = $1 AND " +
                                   OnTheList(filters, SortName(filters.tag), params, "h");
    if (!marked) {
      sql += " AND h.changes_on <= " + Next(params) + "::date ORDER BY h.changes_on";
      params.Add(today.ToIso());
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
  Params params;
  std::string sql =
      "SELECT h.contact_id, h.score, h.changes_on FROM contact_health h WHERE h.workspace_id = $1 "
      "AND NOT EXISTS (SELECT 1 FROM health_dirty d WHERE d.workspace_id = $1 AND d.contact_id = "
      "h.contact_id) "
      "AND " +
      OnTheList(filters, SortName(filters.tag), params, "h");
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
        Write("INSERT INTO contact_health(workspace_id, contact_id, score, changes_on) "
              "SELECT $1, s.id, s.score, s.changes_on FROM unnest($2::bigint[], $3::int[], $4::date[]) "
              "AS s(id, score, changes_on) WHERE EXISTS (SELECT 1 FROM contacts c WHERE c.workspace_id = $1 "
              "AND c.id = s.id) ON CONFLICT (workspace_id, contact_id) DO UPDATE "
              "SET score = excluded.score, changes_on = excluded.changes_on",
              Params().Add(ArrayLiteral(ids)).Add(ArrayLiteral(values)).Add(ArrayLiteral(changes))));
    KITH_RETURN_IF_ERROR(
        Write("DELETE FROM health_dirty WHERE workspace_id = $1 AND contact_id = ANY($2::bigint[])",
              Params().Add(ArrayLiteral(ids))));
    return Write(
        "INSERT INTO settings(workspace_id, key, value) VALUES ($1, $2, $3) ON CONFLICT (workspace_id, key) "
        "DO UPDATE SET value = greatest(settings.value, excluded.value)",
        Params().Add(kScoredOnKey).Add(today.ToIso()));
  });
}

Result<std::optional<Date>> PgStore::HealthScoredOn() {
  KITH_ASSIGN_OR_RETURN(
      const Rows rows,
      Run("SELECT value FROM settings WHERE workspace_id = $1 AND key = $2", Params().Add(kScoredOnKey)));
  if (rows.empty()) return std::optional<Date>();
  return DateAt(rows, 0, 0);
}

}  // namespace kith::postgres
