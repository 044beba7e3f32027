// Steps the relationship actions share, run inside the caller's transaction
// (the store does not nest transactions). Internal to app/.
#pragma once

#include <optional>
#include <string>

#include "agenda/cadence.h"
#include "agenda/health.h"
#include "app/context.h"
#include "domain/contact.h"
#include "domain/relationship.h"
#include "domain/result.h"
#include "store/store.h"

namespace kith {

// kInvalidInput when `day` is after today: kith records what happened.
Status CheckNotFuture(std::optional<Date> day, Date today, std::string_view field);
// The contact, kConflict when it is in the trash.
Result<Contact> LiveContact(Context& context, ContactId id);

// The event called `name`, created (dated `on`) when there is none.
Result<Event> FindOrCreateEvent(Context& context, std::string_view name, Date on);

// Opens the next-day follow-up for someone met on `contact.met_on` (at
// `contact.met_at`), unless the meeting is older than kFollowUpWindowDays or
// a follow-up for it is already open or done. Returns the follow-up opened.
Result<std::optional<Reminder>> ScheduleFollowUpWithin(Context& context, const Contact& contact);

// The contact's open follow-up, if any.
Result<std::optional<Reminder>> OpenFollowUp(Context& context, ContactId contact);

// What the cadence rules need, read from the store.
Result<CadenceInput> CadenceInputFor(Context& context, const Contact& contact);
// Closes a stale open reconnect and opens the one the rules call for.
Result<std::optional<Reminder>> PlanReconnectWithin(Context& context, const Contact& contact);

// Health from the bulk activity row of a contact.
HealthInput HealthInputFrom(const ContactActivity& activity);

// The settings key of a tag's default cadence ("cadence.tag.mentor").
std::string TagCadenceKey(const Store& store, std::string_view tag);

}  // namespace kith
