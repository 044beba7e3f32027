// Events: add, find, list, and the report of whom you met there.
#include <algorithm>
#include <charconv>

#include "app/access.h"
#include "app/contacts.h"
#include "app/prepare_fields.h"
#include "app/relationship_support.h"
#include "app/relationships.h"
#include "domain/validation.h"
#include "formats/phone_number.h"

namespace kith {

Result<Event> AddEvent(Context& context, EventFields fields) {
  fields.name = Trim(fields.name);
  fields.place = Trim(fields.place);
  if (fields.name.empty()) return Fail(ErrorCode::kInvalidInput, "an event needs a name", "name");
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "add an event"));
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

namespace {

// "https://www.linkedin.com/in/ada", "linkedin.com/in/ada" or just "ada".
std::string LinkedInUrl(std::string_view text) {
  std::string trimmed = Trim(text);
  if (trimmed.starts_with("https://") || trimmed.starts_with("http://")) return trimmed;
  if (trimmed.find('/') != std::string::npos) return "https://" + trimmed;
  return "https://www.linkedin.com/in/" + trimmed;
}

// Adds what was captured at the door to a card; true when anything changed.
bool AddCaptured(ContactFields& fields, const MetCapture& capture, std::string_view region) {
  bool changed = false;
  const std::string company = Trim(capture.company);
  if (!company.empty() && company != fields.company) {
    fields.company = company;
    changed = true;
  }
  const std::string email = Trim(capture.email);
  if (!email.empty()) {
    const std::string folded = AsciiLower(email);
    if (std::none_of(fields.emails.begin(), fields.emails.end(),
                     [&](const std::string& known) { return AsciiLower(known) == folded; })) {
      fields.emails.push_back(email);
      changed = true;
    }
  }
  const std::string phone = Trim(capture.phone);
  if (!phone.empty()) {
    const Phone wanted = NormalizePhone(phone, region);
    if (std::none_of(fields.phones.begin(), fields.phones.end(), [&](const Phone& known) {
          return known.original == phone || (!wanted.e164.empty() && known.e164 == wanted.e164);
        })) {
      fields.phones.push_back(Phone{phone, ""});
      changed = true;
    }
  }
  if (!Trim(capture.linkedin).empty()) {
    const std::string url = LinkedInUrl(capture.linkedin);
    // One LinkedIn link per card: the one given at the door replaces an old one.
    const auto same = [&](const Link& link) { return link.kind == LinkKind::kLinkedIn && link.url == url; };
    if (std::none_of(fields.links.begin(), fields.links.end(), same)) {
      std::erase_if(fields.links, [](const Link& link) { return link.kind == LinkKind::kLinkedIn; });
      Link link;
      link.kind = LinkKind::kLinkedIn;
      link.url = url;
      fields.links.push_back(std::move(link));
      changed = true;
    }
  }
  // The note is kept on the card too, as event mode always did.
  const std::string note = Trim(capture.note);
  if (!note.empty() && fields.notes.find(note) == std::string::npos) {
    fields.notes = fields.notes.empty() ? note : fields.notes + "\n" + note;
    changed = true;
  }
  return changed;
}

// Someone met, resolved and checked before anything is written.
struct ResolvedCapture {
  std::optional<Contact> known;  // already on the list
  ContactFields fields;          // the card as it will be written
  bool changed = false;
  std::string note;
};

Result<ResolvedCapture> Resolve(Context& context, const MetCapture& capture) {
  ResolvedCapture resolved;
  if (capture.contact) {
    KITH_ASSIGN_OR_RETURN(resolved.known, LiveContact(context, *capture.contact));
  } else {
    const std::string name = Trim(capture.name);
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
    if (!matches.empty()) resolved.known = matches.front();
    if (!resolved.known) resolved.fields.display_name = name;
  }
  if (resolved.known) resolved.fields = *resolved.known;
  resolved.changed = AddCaptured(resolved.fields, capture, context.phone_region);
  KITH_RETURN_IF_ERROR(PrepareFields(resolved.fields, context.phone_region));
  resolved.note = Trim(capture.note);
  return resolved;
}

}  // namespace

Result<std::vector<MetPerson>> RecordMet(Context& context, const std::vector<std::string>& names,
                                         std::string_view event_name, std::optional<Date> on) {
  std::vector<MetCapture> people;
  people.reserve(names.size());
  for (const auto& name : names) {
    MetCapture capture;
    capture.name = name;
    people.push_back(std::move(capture));
  }
  return RecordCaptures(context, people, event_name, on);
}

Result<std::vector<MetPerson>> RecordCaptures(Context& context, const std::vector<MetCapture>& people,
                                              EventId event, std::optional<Date> on) {
  KITH_ASSIGN_OR_RETURN(const Event found, context.store.GetEvent(event));
  return RecordCaptures(context, people, found.name, on);
}

Result<std::vector<MetPerson>> RecordCaptures(Context& context, const std::vector<MetCapture>& people,
                                              std::string_view event_name, std::optional<Date> on) {
  const Date today = context.clock.Today();
  KITH_RETURN_IF_ERROR(CheckNotFuture(on, today, "on"));
  const std::string event_text = Trim(event_name);
  if (event_text.empty()) return Fail(ErrorCode::kInvalidInput, "say where you met (--at EVENT)", "at");
  if (people.empty()) return Fail(ErrorCode::kInvalidInput, "name at least one person you met", "name");
  // Resolve and check everyone before writing anything: an ambiguous name
  // or a bad email stops it all.
  std::vector<ResolvedCapture> found;
  for (const auto& capture : people) {
    KITH_ASSIGN_OR_RETURN(auto resolved, Resolve(context, capture));
    found.push_back(std::move(resolved));
  }
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "record whom you met"));
  KITH_ASSIGN_OR_RETURN(auto existing_event, context.store.FindEventByName(event_text));
  Event event;
  if (existing_event) {
    event = *existing_event;
  } else {
    KITH_ASSIGN_OR_RETURN(event, FindOrCreateEvent(context, event_text, on.value_or(today)));
  }
  const Date met_on = on.value_or(existing_event ? event.on : today);
  KITH_RETURN_IF_ERROR(CheckNotFuture(met_on, today, "on"));
  std::vector<MetPerson> met;
  for (auto& resolved : found) {
    MetPerson person;
    ContactFields& fields = resolved.fields;
    if (resolved.known) {
      // The first meeting is the one the card remembers.
      if (fields.met_at.empty() && !fields.met_on) {
        fields.met_at = event.name;
        fields.met_on = met_on;
        resolved.changed = true;
      }
      if (resolved.changed) {
        KITH_RETURN_IF_ERROR(
            context.store.UpdateContact(resolved.known->id, fields, context.clock.NowTimestamp()));
        KITH_ASSIGN_OR_RETURN(person.contact, context.store.GetContact(resolved.known->id));
      } else {
        person.contact = *resolved.known;
      }
    } else {
      fields.met_at = event.name;
      fields.met_on = met_on;
      KITH_ASSIGN_OR_RETURN(person.contact, context.store.InsertContact(fields, NewUid(context.clock),
                                                                        context.clock.NowTimestamp()));
      person.added = true;
    }
    if (!resolved.note.empty()) {
      Fact fact;
      fact.contact = person.contact.id;
      fact.kind = FactKind::kProfessional;
      fact.key = std::string(kAskAboutFact);
      fact.value = resolved.note;
      fact.learned_on = today;
      KITH_RETURN_IF_ERROR(context.store.SetFact(fact));
    }
    Contact meeting = person.contact;
    meeting.met_at = event.name;
    meeting.met_on = met_on;
    KITH_ASSIGN_OR_RETURN(person.follow_up, ScheduleFollowUpWithin(context, meeting));
    if (!person.follow_up) {
      KITH_ASSIGN_OR_RETURN(person.follow_up, OpenFollowUp(context, person.contact.id));
    }
    met.push_back(std::move(person));
  }
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return met;
}

}  // namespace kith
