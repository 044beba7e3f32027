// The rows of the relationship tables read into domain values: one reader
// per table, used by every query that reads it (relationship_tables.cpp for
// the day's work, relationship_backup.cpp for a backup). Each reads the
// columns its k...Columns names, in that order, from a table aliased `t`.
// Internal to store/sqlite/.
#pragma once

#include <string_view>

#include "domain/relationship.h"
#include "domain/result.h"
#include "store/sqlite/database.h"

namespace kith::sqlite {

// The row's contact is not in the trash: rows of people in the trash stay,
// but are not shown.
inline constexpr std::string_view kOfLiveContact =
    "EXISTS (SELECT 1 FROM contacts c WHERE c.id = t.contact_id AND c.trashed_at IS NULL)";

inline constexpr std::string_view kEventColumns = "t.id, t.name, t.on_date, t.place, t.notes";
inline constexpr std::string_view kInteractionColumns =
    "t.id, t.contact_id, t.kind, t.on_date, t.summary, t.they_talked, t.private";
inline constexpr std::string_view kFactColumns =
    "t.id, t.contact_id, t.kind, t.key, t.value, t.learned_on, t.interaction_id, t.private";
inline constexpr std::string_view kReminderColumns =
    "t.id, t.contact_id, t.kind, t.due, t.snoozed_until, t.note, t.state, t.closed_on, t.event_id, "
    "t.created_on";

Event EventFromRow(const Statement& row);
// Each kInternal when the row holds a kind or state kith does not know.
Result<Interaction> InteractionFromRow(const Statement& row);
Result<Fact> FactFromRow(const Statement& row);
Result<Reminder> ReminderFromRow(const Statement& row);

}  // namespace kith::sqlite
