// Events: add, find, list, and the report of whom you met there.
#include <algorithm>
#include <charconv>

#include "app/contacts.h"
#include "app/prepare_fields.h"
#include "app/relationship_support.h"
#include "app/relationships.h"
#include "domain/validation.h"

namespace kith {

Result<Event> AddEvent(Context& context, EventFields fields) {
  fields.name = Trim(fields.name);
  fields.place = Trim(fields.place);
  if (fields.name.empty()) return Fail(ErrorCode::kInvalidInput, "an event needs a name", "name");
  KITH_ASSIGN_OR_RETURN(auto transaction, context.store.Begin());
  KITH_ASSIGN_OR_RETURN(Event event, context.store.InsertEvent(fields));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return event;
}

Result<Event> ResolveEvent(Context& context, std::string_view reference) {
  const std::string text = Trim(reference);
  if (text.empty()) return Fail(ErrorCode::kInvalidInput, "give an event's id or name", "event");
  std::int64_t id = 0;
  const auto [end, status] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (status == std::errc() && end == text.data() + text.size()) {
    return context.store.GetEvent(EventId{id});
  }
  KITH_ASSIGN_OR_RETURN(auto event, context.store.FindEventByName(text));
  if (!event) {
    return Fail(ErrorCode::kNotFound,
                "no event called '" + text + "' (see `kith event list`, or add it with `kith event add`)",
                "event");
  }
  return *event;
}

Result<std::vector<EventSummary>> ListEvents(Context& context, int limit) {
  return context.store.ListEvents(limit);
}

Result<EventReport> ShowEvent(Context& context, std::string_view reference) {
  EventReport report;
  KITH_ASSIGN_OR_RETURN(report.event, ResolveEvent(context, reference));
  KITH_ASSIGN_OR_RETURN(const auto ids, context.store.ContactsMetAt(report.event.name));
  KITH_ASSIGN_OR_RETURN(auto contacts, context.store.GetContacts(ids));
  std::sort(contacts.begin(), contacts.end(),
            [](const Contact& a, const Contact& b) { return a.display_name < b.display_name; });
  for (auto& contact : contacts) {
    EventPerson person;
    KITH_ASSIGN_OR_RETURN(const auto reminders, context.store.RemindersOf(contact.id));
    for (const auto& reminder : reminders) {
      if (reminder.kind != ReminderKind::kFollowUp) continue;
      if (reminder.event && *reminder.event != report.event.id) continue;
      person.follow_up = reminder;
      person.followed_up = reminder.state == ReminderState::kDone;
      if (person.followed_up) break;
    }
    report.followed_up += person.followed_up ? 1 : 0;
    person.contact = std::move(contact);
    report.people.push_back(std::move(person));
  }
  if (!report.people.empty()) {
    report.follow_up_rate_percent =
        static_cast<int>((report.followed_up * 100 + static_cast<int>(report.people.size()) / 2) /
                         static_cast<int>(report.people.size()));
  }
  return report;
}

Result<std::vector<MetPerson>> RecordMet(Context& context, const std::vector<std::string>& names,
                                         std::string_view event_name, std::optional<Date> on) {
  const Date today = context.clock.Today();
  KITH_RETURN_IF_ERROR(CheckNotFuture(on, today, "on"));
  const std::string event_text = Trim(event_name);
  if (event_text.empty()) return Fail(ErrorCode::kInvalidInput, "say where you met (--at EVENT)", "at");
  if (names.empty()) return Fail(ErrorCode::kInvalidInput, "name at least one person you met", "name");
  // Resolve everyone before writing anything: an ambiguous name stops it all.
  std::vector<std::optional<Contact>> found;
  for (const auto& raw : names) {
    const std::string name = Trim(raw);
    if (name.empty()) return Fail(ErrorCode::kInvalidInput, "a name is empty", "name");
    KITH_ASSIGN_OR_RETURN(auto matches, context.store.FindContactsByName(name));
    if (matches.size() > 1) {
      std::string message =
          "'" + name + "' matches " + std::to_string(matches.size()) + " people; use an id:";
      for (const auto& match : matches) {
        message += "\n  " + std::to_string(match.id.value) + "  " + match.display_name;
        if (!match.company.empty()) message += " (" + match.company + ")";
      }
      return Fail(ErrorCode::kConflict, message, "name");
    }
    found.push_back(matches.empty() ? std::nullopt : std::optional<Contact>(matches.front()));
  }
  KITH_ASSIGN_OR_RETURN(auto transaction, context.store.Begin());
  KITH_ASSIGN_OR_RETURN(auto existing_event, context.store.FindEventByName(event_text));
  Event event;
  if (existing_event) {
    event = *existing_event;
  } else {
    KITH_ASSIGN_OR_RETURN(event, FindOrCreateEvent(context, event_text, on.value_or(today)));
  }
  const Date met_on = on.value_or(existing_event ? event.on : today);
  KITH_RETURN_IF_ERROR(CheckNotFuture(met_on, today, "on"));
  std::vector<MetPerson> people;
  for (std::size_t i = 0; i < names.size(); ++i) {
    MetPerson person;
    if (found[i]) {
      Contact contact = *found[i];
      // The first meeting is the one the card remembers.
      if (contact.met_at.empty() && !contact.met_on) {
        contact.met_at = event.name;
        contact.met_on = met_on;
        KITH_RETURN_IF_ERROR(context.store.UpdateContact(contact.id, contact, context.clock.NowTimestamp()));
      }
      person.contact = contact;
    } else {
      ContactFields fields;
      fields.display_name = Trim(names[i]);
      fields.met_at = event.name;
      fields.met_on = met_on;
      KITH_RETURN_IF_ERROR(PrepareFields(fields, context.phone_region));
      KITH_ASSIGN_OR_RETURN(person.contact,
                            context.store.InsertContact(fields, NewUid(), context.clock.NowTimestamp()));
      person.added = true;
    }
    Contact meeting = person.contact;
    meeting.met_at = event.name;
    meeting.met_on = met_on;
    KITH_ASSIGN_OR_RETURN(person.follow_up, ScheduleFollowUpWithin(context, meeting));
    if (!person.follow_up) {
      KITH_ASSIGN_OR_RETURN(person.follow_up, OpenFollowUp(context, person.contact.id));
    }
    people.push_back(std::move(person));
  }
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return people;
}

Result<std::vector<MetPerson>> RecordMet(Context& context, const std::vector<std::string>& names,
                                         std::string_view event, std::optional<Date> on,
                                         const MetDetails& details) {
  if (details.company.empty() && details.note.empty()) return RecordMet(context, names, event, on);
  if (names.size() != 1) {
    return Fail(ErrorCode::kInvalidInput, "a company and a note go with exactly one name", "names");
  }
  KITH_ASSIGN_OR_RETURN(auto met, RecordMet(context, names, event, on));
  MetPerson& person = met.front();
  ContactEdit edit;
  if (!details.company.empty() && details.company != person.contact.company) edit.company = details.company;
  if (!details.note.empty()) {
    edit.notes = person.contact.notes.empty() ? details.note : person.contact.notes + "\n" + details.note;
  }
  if (!edit.Empty()) {
    KITH_ASSIGN_OR_RETURN(person.contact, EditContact(context, person.contact.id, edit));
  }
  return met;
}

}  // namespace kith
