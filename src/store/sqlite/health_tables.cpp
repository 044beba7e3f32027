// Stored relationship health: the scores the list is sorted by, the people
// whose score is due again, and the day the scores were stored for.
#include <algorithm>

#include "store/sqlite/list_where.h"
#include "store/sqlite/row_values.h"
#include "store/sqlite/sqlite_store.h"

namespace kith::sqlite {
namespace {

// A score no day will age: only a write changes it.
constexpr std::string_view kNeverChanges = "9999-12-31";
constexpr std::string_view kScoredOnKey = "health.scored_on";

}  // namespace

Result<std::vector<ContactId>> SqliteStore::StaleHealth(const ListQuery& filters, Date today, int limit) {
  // Two walks that stop after `limit` people each, the marked ones in id
  // order and the aged ones by their day, each probing contacts for the
  // list's filters: a renewal in batches must not read every mark per batch.
  const std::string where = ListWhere(filters, TagJoin::kProbe);
  std::vector<ContactId> stale;
  for (const std::string& sql :
       {"SELECT d.contact_id FROM health_dirty d CROSS JOIN contacts ON contacts.id = d.contact_id WHERE " +
            where + " ORDER BY d.contact_id LIMIT ?3",
        "SELECT h.contact_id FROM contact_health h CROSS JOIN contacts ON contacts.id = h.contact_id WHERE "
        "h.changes_on <= ?5 AND " +
            where + " ORDER BY h.changes_on LIMIT ?3"}) {
    KITH_ASSIGN_OR_RETURN(auto select, database_->Prepare(sql));
    if (!filters.tag.empty()) select.Bind(1, SortName(filters.tag));
    if (!filters.event.empty()) select.Bind(2, filters.event);
    select.Bind(3, limit).Bind(5, today.ToIso());
    KITH_ASSIGN_OR_RETURN(const auto ids, ContactIds(select));
    stale.insert(stale.end(), ids.begin(), ids.end());
  }
  return LowestDistinct(std::move(stale), limit);
}

Result<std::vector<StoredHealth>> SqliteStore::WeakestStoredHealth(const ListQuery& filters, Date today,
                                                                   int count) {
  // CROSS JOIN keeps contact_health outermost: the walk follows the score
  // index and stops after `count` rows, whatever the list's size.
  KITH_ASSIGN_OR_RETURN(
      auto select, database_->Prepare(
                       "SELECT h.contact_id, h.score, h.changes_on FROM contact_health h CROSS JOIN contacts "
                       "ON contacts.id = h.contact_id WHERE h.changes_on > ?5 AND NOT EXISTS (SELECT 1 FROM "
                       "health_dirty d WHERE d.contact_id = h.contact_id) AND " +
                       ListWhere(filters, TagJoin::kProbe) + " ORDER BY h.score, h.contact_id LIMIT ?3"));
  if (!filters.tag.empty()) select.Bind(1, SortName(filters.tag));
  if (!filters.event.empty()) select.Bind(2, filters.event);
  select.Bind(3, count).Bind(5, today.ToIso());
  return AllRows<StoredHealth>(select, [](const Statement& row) {
    return StoredHealth{ContactId{row.Int(0)}, static_cast<int>(row.Int(1)),
                        row.Text(2) == kNeverChanges ? std::nullopt : OptionalDate(row, 2)};
  });
}

Status SqliteStore::SaveHealth(const std::vector<StoredHealth>& scores, Date today) {
  return Atomically([&]() -> Status {
    KITH_ASSIGN_OR_RETURN(auto save, database_->Prepare("INSERT OR REPLACE INTO contact_health(contact_id, "
                                                        "score, changes_on) VALUES (?1, ?2, ?3)"));
    KITH_ASSIGN_OR_RETURN(auto clean, database_->Prepare("DELETE FROM health_dirty WHERE contact_id = ?1"));
    for (const StoredHealth& health : scores) {
      save.Bind(1, health.contact.value)
          .Bind(2, health.score)
          .Bind(3, health.changes_on ? health.changes_on->ToIso() : std::string(kNeverChanges));
      KITH_RETURN_IF_ERROR(save.Run());
      clean.Bind(1, health.contact.value);
      KITH_RETURN_IF_ERROR(clean.Run());
    }
    KITH_ASSIGN_OR_RETURN(
        auto scored_on,
        database_->Prepare("INSERT INTO settings(key, value) VALUES (?1, ?2) ON CONFLICT(key) "
                           "DO UPDATE SET value = max(value, excluded.value)"));
    scored_on.Bind(1, kScoredOnKey).Bind(2, today.ToIso());
    return scored_on.Run();
  });
}

Result<std::optional<Date>> SqliteStore::HealthScoredOn() {
  KITH_ASSIGN_OR_RETURN(auto select, database_->Prepare("SELECT value FROM settings WHERE key = ?1"));
  select.Bind(1, kScoredOnKey);
  KITH_ASSIGN_OR_RETURN(const bool row, select.Step());
  if (!row) return std::optional<Date>();
  return OptionalDate(select, 0);
}

}  // namespace kith::sqlite
