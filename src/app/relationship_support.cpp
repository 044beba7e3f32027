#include "app/relationship_support.h"

#include <algorithm>

#include "app/relationships.h"

namespace kith {

Status CheckNotFuture(std::optional<Date> day, Date today, std::string_view field) {
  if (day && *day > today) {
    return Fail(ErrorCode::kInvalidInput,
                day->ToIso() + " is in the future (today is " + today.ToIso() + "): record what happened",
                std::string(field));
  }
  return Ok();
}

Result<Contact> LiveContact(Context& context, ContactId id) {
  KITH_ASSIGN_OR_RETURN(Contact contact, context.store.GetContact(id));
  if (contact.trashed_at) {
    return Fail(ErrorCode::kConflict,
                "contact " + std::to_string(id.value) + " (" + contact.display_name + ") is in the trash",
                "id");
  }
  return contact;
}

Result<Event> FindOrCreateEvent(Context& context, std::string_view name, Date on) {
  KITH_ASSIGN_OR_RETURN(auto existing, context.store.FindEventByName(name));
  if (existing) return *existing;
  EventFields fields;
  fields.name = std::string(name);
  fields.on = on;
  return context.store.InsertEvent(fields);
}

Result<std::optional<Reminder>> OpenFollowUp(Context& context, ContactId contact) {
  KITH_ASSIGN_OR_RETURN(const auto reminders, context.store.RemindersOf(contact));
  for (const auto& reminder : reminders) {
    if (reminder.kind == ReminderKind::kFollowUp && reminder.state == ReminderState::kOpen) {
      return std::optional<Reminder>{reminder};
    }
  }
  return std::optional<Reminder>{};
}

Result<std::optional<Reminder>> ScheduleFollowUpWithin(Context& context, const Contact& contact) {
  const Date today = context.clock.Today();
  if (!contact.met_on && contact.met_at.empty()) return std::optional<Reminder>{};
  const Date met_on = contact.met_on.value_or(today);
  if (DaysBetween(met_on, today) > kFollowUpWindowDays) return std::optional<Reminder>{};
  // One follow-up per meeting: an open or finished one for the same day
  // means this person has been (or is being) followed up already.
  KITH_ASSIGN_OR_RETURN(const auto reminders, context.store.RemindersOf(contact.id));
  for (const auto& reminder : reminders) {
    if (reminder.kind != ReminderKind::kFollowUp) continue;
    if (reminder.state == ReminderState::kOpen || reminder.due == met_on.AddDays(kFollowUpDelayDays)) {
      return std::optional<Reminder>{};
    }
  }
  Reminder follow_up;
  follow_up.contact = contact.id;
  follow_up.kind = ReminderKind::kFollowUp;
  follow_up.due = met_on.AddDays(kFollowUpDelayDays);
  follow_up.created_on = today;
  follow_up.note = contact.met_at.empty() ? "write to say it was good to meet"
                                          : "write to say it was good to meet at " + contact.met_at;
  if (!contact.met_at.empty()) {
    KITH_ASSIGN_OR_RETURN(const Event event, FindOrCreateEvent(context, contact.met_at, met_on));
    follow_up.event = event.id;
  }
  KITH_ASSIGN_OR_RETURN(Reminder stored, context.store.InsertReminder(follow_up));
  return std::optional<Reminder>{stored};
}

std::string TagCadenceKey(const Store& store, std::string_view tag) {
  std::string folded;
  for (const auto& term : store.SearchTerms(tag)) {
    if (!folded.empty()) folded += ' ';
    folded += term;
  }
  return std::string(kTagCadencePrefix) + folded;
}

Result<CadenceInput> CadenceInputFor(Context& context, const Contact& contact) {
  CadenceInput input;
  input.met_on = contact.met_on;
  input.added_on = RelationshipDate(contact);
  KITH_ASSIGN_OR_RETURN(input.cadence_days, context.store.CadenceOf(contact.id));
  for (const auto& tag : contact.tags) {
    KITH_ASSIGN_OR_RETURN(const auto value, context.store.GetSetting(TagCadenceKey(context.store, tag)));
    if (!value) continue;
    const int days = std::atoi(value->c_str());
    if (days > 0 && (!input.tag_cadence_days || days < *input.tag_cadence_days))
      input.tag_cadence_days = days;
  }
  // The rules look at the latest contacts; a few dozen say all they need.
  constexpr int kHistory = 50;
  KITH_ASSIGN_OR_RETURN(const auto interactions, context.store.InteractionsOf(contact.id, kHistory));
  for (const auto& interaction : interactions) {
    if (IsContactMade(interaction.kind)) input.interactions.push_back(interaction);
  }
  return input;
}

Result<std::optional<Reminder>> PlanReconnectWithin(Context& context, const Contact& contact) {
  const Date today = context.clock.Today();
  KITH_ASSIGN_OR_RETURN(const CadenceInput input, CadenceInputFor(context, contact));
  const std::optional<NextReconnect> next = ComputeNextReconnect(input);
  KITH_ASSIGN_OR_RETURN(const auto reminders, context.store.RemindersOf(contact.id));
  std::optional<Reminder> open;
  for (const auto& reminder : reminders) {
    if (reminder.kind == ReminderKind::kReconnect && reminder.state == ReminderState::kOpen) open = reminder;
  }
  if (open && next && open->due == next->due) return open;  // already planned; keep any snooze
  if (open) {
    // A reconnect whose day has passed and that contact has since answered
    // is done; one that the rules no longer call for is dismissed.
    open->state = next && next->due > open->due ? ReminderState::kDone : ReminderState::kDismissed;
    open->closed_on = today;
    KITH_RETURN_IF_ERROR(context.store.UpdateReminder(*open));
  }
  if (!next) return std::optional<Reminder>{};
  Reminder reconnect;
  reconnect.contact = contact.id;
  reconnect.kind = ReminderKind::kReconnect;
  reconnect.due = next->due;
  reconnect.note = next->note;
  reconnect.created_on = today;
  KITH_ASSIGN_OR_RETURN(Reminder stored, context.store.InsertReminder(reconnect));
  return std::optional<Reminder>{stored};
}

HealthInput HealthInputFrom(const ContactActivity& activity) {
  HealthInput input;
  input.last_contact = activity.last_contact;
  input.met_on = activity.met_on;
  input.added_on = activity.added_on;
  input.contacts_last_year = activity.contacts_since;
  input.gives_from_me = activity.gives_from_me;
  input.gives_to_me = activity.gives_to_me;
  input.they_talked_average = activity.they_talked_average;
  input.facts_known = activity.facts;
  CadenceInput cadence;
  cadence.met_on = activity.met_on;
  cadence.added_on = activity.added_on;
  cadence.cadence_days = activity.cadence_days;
  cadence.tag_cadence_days = activity.tag_cadence_days;
  input.cadence_days = EffectiveCadenceDays(cadence);
  return input;
}

}  // namespace kith
