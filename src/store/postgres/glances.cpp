// Glances at contacts on PostgreSQL: the few columns a search-as-you-type
// line shows, for a page of ids in one query, in the order asked.
#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "store/postgres/pg_store.h"
#include "store/postgres/row_values.h"

namespace kith::postgres {
namespace {

// What a glance shows of the card `c` (contacts), after its id.
constexpr std::string_view kGlanceColumns =
    "c.display_name, c.company, c.title, (SELECT e.address FROM contact_emails e "
    "WHERE e.workspace_id = c.workspace_id AND e.contact_id = c.id ORDER BY e.position LIMIT 1), "
    "c.city, c.met_at, c.notes";

// The glance in `row` from column `first` on (the card's id, then kGlanceColumns).
ContactGlance GlanceAt(const Rows& rows, int row, int first) {
  return ContactGlance{ContactId{rows.Int(row, first)}, rows.Text(row, first + 1), rows.Text(row, first + 2),
                       rows.Text(row, first + 3),       rows.Text(row, first + 4), rows.Text(row, first + 5),
                       rows.Text(row, first + 6),       rows.Text(row, first + 7)};
}

}  // namespace

std::string WithGlances(std::string_view sql, std::string_view id) {
  // A nested loop over the few cards found, each by its primary key. The
  // LIMIT keeps PostgreSQL from pulling the LATERAL subquery up into a plain
  // join, which a generic plan ran as a hash over every card: at 10,000
  // people the name probe went from 0.09 to 2.5 ms (pg_stat_statements).
  return "SELECT hit.*, glance.* FROM (" + std::string(sql) + ") hit LEFT JOIN LATERAL (SELECT c.id, " +
         std::string(kGlanceColumns) +
         " FROM contacts c WHERE c.workspace_id = $1 AND c.id = " + std::string(id) +
         " LIMIT 1) glance ON true";
}

std::vector<ContactId> PgStore::KeepGlances(const Rows& rows, int id, int key, int glance,
                                            const std::function<bool(int row)>& taken) {
  // Few rows; the join is not asked to keep the search's order.
  std::vector<int> order(static_cast<std::size_t>(rows.size()));
  std::iota(order.begin(), order.end(), 0);
  if (taken) std::erase_if(order, [&taken](int row) { return !taken(row); });
  std::stable_sort(order.begin(), order.end(),
                   [&rows, key](int a, int b) { return rows.Int(a, key) > rows.Int(b, key); });
  // A search that never asks for its glances keeps no more than a few pages.
  constexpr std::size_t kMostKept = 1000;
  if (found_glances_.size() > kMostKept) found_glances_.clear();
  std::vector<ContactId> ids;
  ids.reserve(order.size());
  for (const int row : order) {
    ids.push_back(ContactId{rows.Int(row, id)});
    if (!rows.IsNull(row, glance))
      found_glances_.insert_or_assign(rows.Int(row, glance), GlanceAt(rows, row, glance));
  }
  return ids;
}

Result<std::vector<ContactId>> PgStore::GlancedIds(const std::string& sql, const Params& params) {
  KITH_ASSIGN_OR_RETURN(const Rows rows, Run(WithGlances(sql, "hit.contact_id"), params));
  return KeepGlances(rows, 0, 1, 2);
}

Result<std::vector<ContactGlance>> PgStore::ContactGlances(const std::vector<ContactId>& ids) {
  // The page a search just found came with its glances (KeepGlances).
  std::unordered_map<std::int64_t, ContactGlance> kept;
  kept.swap(found_glances_);
  if (std::all_of(ids.begin(), ids.end(), [&kept](ContactId id) { return kept.contains(id.value); })) {
    std::vector<ContactGlance> glances;
    glances.reserve(ids.size());
    for (const ContactId id : ids) glances.push_back(kept.at(id.value));
    return glances;
  }
  // The LIMIT (as many rows as ids: it never cuts) is what lets PostgreSQL
  // plan this once per connection: without it the plan for a typeahead's 8
  // ids looked cheaper than the prepared statement's generic plan (which
  // guesses 10), and the statement was planned again on every call, RLS
  // policies and all (0.2 ms, more than running it). The plan is the same.
  KITH_ASSIGN_OR_RETURN(
      const Rows rows,
      Run("SELECT c.id, " + std::string(kGlanceColumns) +
              " FROM contacts c WHERE c.workspace_id = $1 AND c.id = ANY($2::bigint[]) LIMIT $3",
          Params().Add(IdArray(ids)).Add(static_cast<std::int64_t>(ids.size()))));
  std::unordered_map<std::int64_t, int> row_of;
  for (int row = 0; row < rows.size(); ++row) row_of.emplace(rows.Int(row, 0), row);
  std::vector<ContactGlance> glances;
  glances.reserve(ids.size());
  for (const ContactId id : ids) {
    const auto found = row_of.find(id.value);
    if (found == row_of.end()) continue;
    glances.push_back(GlanceAt(rows, found->second, 0));
  }
  return glances;
}

}  // namespace kith::postgres
