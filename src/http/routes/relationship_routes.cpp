// The relationship loop over HTTP: events and event mode, logged meetings
// and facts, briefs and health, cadences and links, follow-ups with their
// drafted emails, reminders, posts, the day's agenda and the calendar feed.
// Each route reads its request, calls the one app action the CLI calls and
// answers with the same JSON (relationship_json.h).
#include <limits>
#include <sstream>

#include "app/contact_pages.h"
#include "app/contacts.h"
#include "app/give.h"
#include "app/relationship_json.h"
#include "app/relationships.h"
#include "formats/give_json.h"
#include "http/routes/routes.h"

namespace kith::http {
namespace {

constexpr int kMaxPage = 1000;

template <typename T, typename ToJson>
nlohmann::json ArrayOf(const std::vector<T>& items, ToJson to_json) {
  nlohmann::json array = nlohmann::json::array();
  for (const auto& item : items) array.push_back(to_json(item));
  return array;
}

// The contact the path names; the app call answers 404 for an unknown one.
ContactId PathContact(const httplib::Request& request) { return ContactId{PathId(request)}; }

Result<std::optional<int>> IntMember(const nlohmann::json& object, const std::string& name) {
  const auto found = object.find(name);
  if (found == object.end() || found->is_null()) return std::optional<int>();
  if (!found->is_number_integer() || found->get<std::int64_t>() < std::numeric_limits<int>::min() ||
      found->get<std::int64_t>() > std::numeric_limits<int>::max()) {
    return Fail(ErrorCode::kInvalidInput, "'" + name + "' should be a whole number", name);
  }
  return std::optional<int>(found->get<int>());
}

Result<std::optional<bool>> BoolMember(const nlohmann::json& object, const std::string& name) {
  const auto found = object.find(name);
  if (found == object.end() || found->is_null()) return std::optional<bool>();
  if (!found->is_boolean())
    return Fail(ErrorCode::kInvalidInput, "'" + name + "' should be true or false", name);
  return std::optional<bool>(found->get<bool>());
}

Result<std::string> RequiredText(const nlohmann::json& object, const std::string& name) {
  KITH_ASSIGN_OR_RETURN(const auto text, TextMember(object, name));
  if (!text || text->empty()) return Fail(ErrorCode::kInvalidInput, "'" + name + "' is required", name);
  return *text;
}

Result<FactKind> FactKindMember(const nlohmann::json& object) {
  KITH_ASSIGN_OR_RETURN(const std::string kind, RequiredText(object, "kind"));
  const auto parsed = ParseFactKind(kind);
  if (!parsed) return Fail(ErrorCode::kInvalidInput, "'kind' should be personal or professional", "kind");
  return *parsed;
}

// --- Events ------------------------------------------------------------------

Result<ApiReply> ListEventsRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const int limit, QueryInt(request, "limit", 100, 1, kMaxPage));
  KITH_ASSIGN_OR_RETURN(const auto events, ListEvents(context, limit));
  return Json(ArrayOf(events, EventSummaryToJson));
}

Result<ApiReply> AddEventRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const nlohmann::json body, JsonObjectBody(request));
  EventFields fields;
  KITH_ASSIGN_OR_RETURN(fields.name, RequiredText(body, "name"));
  KITH_ASSIGN_OR_RETURN(const auto on, DateMember(body, "on"));
  fields.on = on.value_or(context.clock.Today());
  KITH_ASSIGN_OR_RETURN(const auto place, TextMember(body, "place"));
  KITH_ASSIGN_OR_RETURN(const auto notes, TextMember(body, "notes"));
  fields.place = place.value_or("");
  fields.notes = notes.value_or("");
  KITH_ASSIGN_OR_RETURN(const Event event, AddEvent(context, std::move(fields)));
  return Json(EventToJson(event), 201);
}

Result<ApiReply> ShowEventRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const EventReport report, ShowEvent(context, std::to_string(PathId(request))));
  return Json(EventReportToJson(report));
}

// Event mode, with the follow-ups for the next day: "names" (several at
// once; new ones are added), or one person as captured at the door: "name"
// or "contact_id" (someone already on the list), with company, email, phone,
// linkedin and a note (what to ask about).
Result<ApiReply> MetRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const nlohmann::json body, JsonObjectBody(request));
  KITH_ASSIGN_OR_RETURN(const auto names, TextsMember(body, "names"));
  KITH_ASSIGN_OR_RETURN(const auto on, DateMember(body, "on"));
  KITH_ASSIGN_OR_RETURN(const auto name, TextMember(body, "name"));
  KITH_ASSIGN_OR_RETURN(const auto contact_id, IdMember(body, "contact_id"));
  MetCapture capture;
  bool details = false;
  for (const auto& [key, target] :
       std::vector<std::pair<std::string, std::string*>>{{"company", &capture.company},
                                                         {"email", &capture.email},
                                                         {"phone", &capture.phone},
                                                         {"linkedin", &capture.linkedin},
                                                         {"note", &capture.note}}) {
    KITH_ASSIGN_OR_RETURN(const auto value, TextMember(body, key));
    if (value && !value->empty()) {
      *target = *value;
      details = true;
    }
  }
  std::vector<MetCapture> people;
  for (const auto& each : names) {
    MetCapture one;
    one.name = each;
    people.push_back(std::move(one));
  }
  if (name || contact_id) {
    capture.name = name.value_or("");
    if (contact_id) capture.contact = ContactId{*contact_id};
    people.push_back(capture);
  }
  if (people.empty())
    return Fail(ErrorCode::kInvalidInput, "'names' should name at least one person", "names");
  if (details && people.size() != 1) {
    return Fail(ErrorCode::kInvalidInput,
                "'company', 'email', 'phone', 'linkedin' and 'note' go with one person", "names");
  }
  if (details && !name && !contact_id) {
    capture.name = people.front().name;
    people.front() = capture;
  }
  KITH_ASSIGN_OR_RETURN(const auto met, RecordCaptures(context, people, EventId{PathId(request)}, on));
  return Json(ArrayOf(met, MetPersonToJson), 201);
}

// --- Meetings, facts, brief, health -------------------------------------------

Result<ApiReply> InteractionsRoute(const httplib::Request& request, Context& context) {
  const ContactId contact = PathContact(request);
  KITH_ASSIGN_OR_RETURN(const int limit, QueryInt(request, "limit", 100, 1, kMaxPage));
  KITH_ASSIGN_OR_RETURN(const auto interactions, InteractionsOf(context, contact, limit));
  return Json(ArrayOf(interactions, InteractionToJson));
}

Result<Fact> FactFromJson(const nlohmann::json& item) {
  if (!item.is_object()) {
    return Fail(ErrorCode::kInvalidInput, "each fact should be {\"kind\", \"key\", \"value\"}", "facts");
  }
  Fact fact;
  KITH_ASSIGN_OR_RETURN(fact.kind, FactKindMember(item));
  KITH_ASSIGN_OR_RETURN(fact.key, RequiredText(item, "key"));
  KITH_ASSIGN_OR_RETURN(fact.value, RequiredText(item, "value"));
  return fact;
}

Result<ApiReply> LogRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const nlohmann::json body, JsonObjectBody(request));
  const ContactId contact = PathContact(request);
  LogRequest log;
  log.contact = contact;
  KITH_ASSIGN_OR_RETURN(const auto kind, TextMember(body, "kind"));
  if (kind) {
    const auto parsed = ParseInteractionKind(*kind);
    if (!parsed) {
      return Fail(ErrorCode::kInvalidInput,
                  "'kind' should be coffee, meeting, call, email, message, event or note", "kind");
    }
    log.kind = *parsed;
  }
  KITH_ASSIGN_OR_RETURN(log.on, DateMember(body, "on"));
  KITH_ASSIGN_OR_RETURN(const auto summary, TextMember(body, "summary"));
  log.summary = summary.value_or("");
  KITH_ASSIGN_OR_RETURN(log.they_talked, IntMember(body, "they_talked"));
  KITH_ASSIGN_OR_RETURN(const auto promise, TextMember(body, "promise"));
  log.promise = promise.value_or("");
  KITH_ASSIGN_OR_RETURN(const auto is_private, BoolMember(body, "private"));
  if (is_private.value_or(false)) log.visibility = Visibility::kPrivate;
  if (const auto facts = body.find("facts"); facts != body.end() && !facts->is_null()) {
    if (!facts->is_array()) return Fail(ErrorCode::kInvalidInput, "'facts' should be a list", "facts");
    for (const auto& item : *facts) {
      KITH_ASSIGN_OR_RETURN(Fact fact, FactFromJson(item));
      log.facts.push_back(std::move(fact));
    }
  }
  KITH_ASSIGN_OR_RETURN(const LoggedInteraction logged, LogInteraction(context, log));
  return Json(LoggedInteractionToJson(logged), 201);
}

Result<ApiReply> FactsRoute(const httplib::Request& request, Context& context) {
  const ContactId contact = PathContact(request);
  KITH_ASSIGN_OR_RETURN(const auto facts, FactsOf(context, contact));
  return Json(ArrayOf(facts, FactToJson));
}

Result<ApiReply> SetFactRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const nlohmann::json body, JsonObjectBody(request));
  const ContactId contact = PathContact(request);
  KITH_ASSIGN_OR_RETURN(const Fact wanted, FactFromJson(body));
  KITH_ASSIGN_OR_RETURN(const auto is_private, BoolMember(body, "private"));
  KITH_ASSIGN_OR_RETURN(const Fact fact,
                        SetFact(context, contact, wanted.kind, wanted.key, wanted.value,
                                is_private.value_or(false) ? Visibility::kPrivate : Visibility::kShared));
  return Json(FactToJson(fact));
}

Result<ApiReply> RemoveFactRoute(const httplib::Request& request, Context& context) {
  const ContactId contact = PathContact(request);
  const auto kind = ParseFactKind(QueryText(request, "kind"));
  if (!kind) return Fail(ErrorCode::kInvalidInput, "kind should be personal or professional", "kind");
  const std::string key = QueryText(request, "key");
  if (key.empty()) return Fail(ErrorCode::kInvalidInput, "key is required", "key");
  KITH_ASSIGN_OR_RETURN(const auto facts, RemoveFact(context, contact, *kind, key));
  return Json(ArrayOf(facts, FactToJson));
}

Result<ApiReply> BriefRoute(const httplib::Request& request, Context& context) {
  const ContactId contact = PathContact(request);
  KITH_ASSIGN_OR_RETURN(const Brief brief, BriefFor(context, contact));
  return Json(BriefToJson(brief));
}

Result<ApiReply> HealthRoute(const httplib::Request& request, Context& context) {
  const ContactId contact = PathContact(request);
  KITH_ASSIGN_OR_RETURN(const Health health, HealthOf(context, contact));
  return Json(HealthToJson(health));
}

// --- Cadence and links ----------------------------------------------------------

Result<ApiReply> CadenceRoute(const httplib::Request& request, Context& context) {
  const ContactId contact = PathContact(request);
  KITH_ASSIGN_OR_RETURN(const CadenceReport report, CadenceOf(context, contact));
  return Json(CadenceReportToJson(report));
}

Result<ApiReply> SetCadenceRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const nlohmann::json body, JsonObjectBody(request));
  const ContactId contact = PathContact(request);
  if (!body.contains("days")) {
    return Fail(ErrorCode::kInvalidInput, "'days' is required: a number of days, or null for the default",
                "days");
  }
  KITH_ASSIGN_OR_RETURN(const auto days, IntMember(body, "days"));
  KITH_ASSIGN_OR_RETURN(const CadenceReport report, SetCadence(context, contact, days));
  return Json(CadenceReportToJson(report));
}

Result<ApiReply> SetLinkRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const nlohmann::json body, JsonObjectBody(request));
  const ContactId contact = PathContact(request);
  LinkRequest link;
  link.contact = contact;
  KITH_ASSIGN_OR_RETURN(const std::string kind, RequiredText(body, "kind"));
  const auto parsed = ParseLinkKind(kind);
  if (!parsed) {
    return Fail(ErrorCode::kInvalidInput,
                "'kind' should be linkedin, twitter, facebook, instagram, github or other", "kind");
  }
  link.kind = *parsed;
  KITH_ASSIGN_OR_RETURN(const auto url, TextMember(body, "url"));
  link.url = url.value_or("");
  KITH_ASSIGN_OR_RETURN(link.connected, BoolMember(body, "connected"));
  KITH_ASSIGN_OR_RETURN(link.followed, BoolMember(body, "followed"));
  KITH_ASSIGN_OR_RETURN(nlohmann::json json, PersonAfter(context, SetLink, link));
  return Json(std::move(json));
}

// --- Follow-ups -------------------------------------------------------------------

Result<ApiReply> FollowUpsRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const bool due_only, QueryBool(request, "due"));
  KITH_ASSIGN_OR_RETURN(const auto items, ListFollowUps(context, due_only));
  return Json(ArrayOf(items, FollowUpItemToJson));
}

Result<ApiReply> DraftRoute(const httplib::Request& request, Context& context) {
  const ContactId contact = PathContact(request);
  KITH_ASSIGN_OR_RETURN(const FollowUpDraft draft, DraftFollowUp(context, contact));
  return Json(FollowUpDraftToJson(draft));
}

Result<ApiReply> DraftEmlRoute(const httplib::Request& request, Context& context) {
  const ContactId contact = PathContact(request);
  KITH_ASSIGN_OR_RETURN(const FollowUpDraft draft, DraftFollowUp(context, contact));
  ApiReply reply;
  reply.raw = draft.eml;
  reply.content_type = "message/rfc822";
  reply.filename = "follow-up-" + std::to_string(contact.value) + ".eml";
  return reply;
}

Result<ApiReply> FollowUpDoneRoute(const httplib::Request& request, Context& context) {
  const ContactId contact = PathContact(request);
  KITH_ASSIGN_OR_RETURN(const Reminder reminder, CompleteFollowUp(context, contact));
  return Json(ReminderToJson(reminder));
}

// Sends the drafted follow-up through the SMTP server (`kith smtp`), with
// the password from the server's $KITH_SMTP_PASSWORD, as `followup send`.
Result<ApiReply> FollowUpSendRoute(const httplib::Request& request, Context& context) {
  const ContactId contact = PathContact(request);
  KITH_ASSIGN_OR_RETURN(const FollowUpDraft sent,
                        SendFollowUp(context, contact, SmtpPasswordFromEnvironment()));
  return Json(FollowUpDraftToJson(sent));
}

Result<ApiReply> TemplateRoute(const httplib::Request& /*request*/, Context& context) {
  KITH_ASSIGN_OR_RETURN(const std::string text, FollowUpTemplate(context));
  return Json({{"template", text}});
}

// {"template": text} saves one; {"template": null} goes back to the default.
Result<ApiReply> SaveTemplateRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const nlohmann::json body, JsonObjectBody(request));
  if (!body.contains("template")) {
    return Fail(ErrorCode::kInvalidInput, "'template' is required: the text, or null for the default",
                "template");
  }
  KITH_ASSIGN_OR_RETURN(const auto text, TextMember(body, "template"));
  KITH_RETURN_IF_ERROR(SaveFollowUpTemplate(context, text.value_or(std::string(kDefaultFollowUpTemplate))));
  return TemplateRoute(request, context);
}

Result<ApiReply> SmtpRoute(const httplib::Request& /*request*/, Context& context) {
  KITH_ASSIGN_OR_RETURN(const SmtpSettings settings, LoadSmtpSettings(context));
  return Json(SmtpSettingsToJson(settings, !SmtpPasswordFromEnvironment().empty()));
}

// Each key given replaces that setting, as the flags of `kith smtp` do.
Result<ApiReply> SaveSmtpRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const nlohmann::json body, JsonObjectBody(request));
  SmtpChange change;
  KITH_ASSIGN_OR_RETURN(change.host, TextMember(body, "host"));
  KITH_ASSIGN_OR_RETURN(change.port, IntMember(body, "port"));
  KITH_ASSIGN_OR_RETURN(const auto security, TextMember(body, "security"));
  if (security) {
    change.security = ParseSmtpSecurity(*security);
    if (!change.security) {
      return Fail(ErrorCode::kInvalidInput, "'security' should be starttls, tls or none", "security");
    }
  }
  KITH_ASSIGN_OR_RETURN(change.username, TextMember(body, "user"));
  KITH_ASSIGN_OR_RETURN(change.from, TextMember(body, "from"));
  KITH_ASSIGN_OR_RETURN(const SmtpSettings settings, ChangeSmtpSettings(context, change));
  return Json(SmtpSettingsToJson(settings, !SmtpPasswordFromEnvironment().empty()));
}

// --- Tag cadences and listening ---------------------------------------------------

Result<ApiReply> TagCadencesRoute(const httplib::Request& /*request*/, Context& context) {
  KITH_ASSIGN_OR_RETURN(const auto cadences, TagCadences(context));
  return Json(TagCadencesToJson(cadences));
}

// {"tag", "days"}: everyone with the tag, re-planned; "days": null removes it.
Result<ApiReply> SetTagCadenceRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const nlohmann::json body, JsonObjectBody(request));
  KITH_ASSIGN_OR_RETURN(const std::string tag, RequiredText(body, "tag"));
  if (!body.contains("days")) {
    return Fail(ErrorCode::kInvalidInput, "'days' is required: a number of days, or null for none", "days");
  }
  KITH_ASSIGN_OR_RETURN(const auto days, IntMember(body, "days"));
  KITH_ASSIGN_OR_RETURN(const int replanned, SetTagCadence(context, tag, days));
  return Json(TagCadenceSetToJson(tag, days, replanned));
}

Result<ApiReply> ListeningRoute(const httplib::Request& /*request*/, Context& context) {
  KITH_ASSIGN_OR_RETURN(const ListeningStats stats, Listening(context, std::nullopt));
  return Json(ListeningReportToJson(stats, std::nullopt));
}

Result<ApiReply> ContactListeningRoute(const httplib::Request& request, Context& context) {
  const ContactId contact = PathContact(request);
  KITH_ASSIGN_OR_RETURN(const ListeningStats stats, Listening(context, contact));
  return Json(ListeningReportToJson(stats, contact));
}

// --- Reminders ----------------------------------------------------------------------

Result<ApiReply> RemindersRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const int limit, QueryInt(request, "limit", 200, 1, kMaxPage));
  KITH_ASSIGN_OR_RETURN(const bool due_only, QueryBool(request, "due"));
  constexpr int kFarYear = 9999;
  const Date until = due_only ? context.clock.Today() : Date{kFarYear, 12, 31};
  KITH_ASSIGN_OR_RETURN(const auto reminders, OpenReminders(context, until, limit));
  return Json(ArrayOf(reminders, ReminderToJson));
}

Result<ApiReply> ContactRemindersRoute(const httplib::Request& request, Context& context) {
  const ContactId contact = PathContact(request);
  KITH_ASSIGN_OR_RETURN(const auto reminders, RemindersOf(context, contact));
  return Json(ArrayOf(reminders, ReminderToJson));
}

Result<ApiReply> AddReminderRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const nlohmann::json body, JsonObjectBody(request));
  const ContactId contact = PathContact(request);
  KITH_ASSIGN_OR_RETURN(const auto due, DateMember(body, "due"));
  if (!due) return Fail(ErrorCode::kInvalidInput, "'due' is required (YYYY-MM-DD)", "due");
  KITH_ASSIGN_OR_RETURN(std::string note, RequiredText(body, "note"));
  KITH_ASSIGN_OR_RETURN(const Reminder reminder, AddReminder(context, contact, *due, std::move(note)));
  return Json(ReminderToJson(reminder), 201);
}

// {"until": date} or {"days": n} (from today).
Result<ApiReply> SnoozeRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const nlohmann::json body, JsonObjectBody(request));
  KITH_ASSIGN_OR_RETURN(auto until, DateMember(body, "until"));
  KITH_ASSIGN_OR_RETURN(const auto days, IntMember(body, "days"));
  constexpr int kMaxSnoozeDays = 3650;
  if (!until && days) {
    if (*days < 1 || *days > kMaxSnoozeDays) {
      return Fail(ErrorCode::kInvalidInput, "'days' should be from 1 to 3650", "days");
    }
    until = context.clock.Today().AddDays(*days);
  }
  if (!until) return Fail(ErrorCode::kInvalidInput, "give 'until' (YYYY-MM-DD) or 'days'", "until");
  KITH_ASSIGN_OR_RETURN(const Reminder reminder,
                        SnoozeReminder(context, ReminderId{PathId(request)}, *until));
  return Json(ReminderToJson(reminder));
}

Result<ApiReply> DismissRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const Reminder reminder, DismissReminder(context, ReminderId{PathId(request)}));
  return Json(ReminderToJson(reminder));
}

Result<ApiReply> DoneRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const Reminder reminder, CompleteReminder(context, ReminderId{PathId(request)}));
  return Json(ReminderToJson(reminder));
}

Result<ApiReply> CalendarRoute(const httplib::Request& /*request*/, Context& context) {
  std::ostringstream out;
  KITH_ASSIGN_OR_RETURN(const std::int64_t written, WriteRemindersCalendar(context, out));
  ApiReply reply;
  reply.raw = out.str();
  reply.content_type = "text/calendar; charset=utf-8";
  reply.headers.emplace_back("X-Reminder-Count", std::to_string(written));
  return reply;
}

// --- Posts and the agenda ------------------------------------------------------------

Result<ApiReply> PostsRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const int limit, QueryInt(request, "limit", 50, 1, kMaxPage));
  KITH_ASSIGN_OR_RETURN(const auto posts, ListPosts(context, limit));
  return Json(ArrayOf(posts, PostToJson));
}

Result<ApiReply> AddPostRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const nlohmann::json body, JsonObjectBody(request));
  PostFields fields;
  KITH_ASSIGN_OR_RETURN(const auto channel, TextMember(body, "channel"));
  KITH_ASSIGN_OR_RETURN(const auto url, TextMember(body, "url"));
  KITH_ASSIGN_OR_RETURN(const auto topic, TextMember(body, "topic"));
  KITH_ASSIGN_OR_RETURN(const auto on, DateMember(body, "on"));
  fields.channel = channel.value_or("linkedin");
  fields.url = url.value_or("");
  fields.topic = topic.value_or("");
  fields.on = on.value_or(context.clock.Today());
  KITH_ASSIGN_OR_RETURN(const Post post, AddPost(context, std::move(fields)));
  return Json(PostToJson(post), 201);
}

Result<ApiReply> PostingCadenceRoute(const httplib::Request& /*request*/, Context& context) {
  KITH_ASSIGN_OR_RETURN(const int every, PostingCadence(context));
  return Json({{"days", every}});
}

// {"days": n}: post every n days (1 to 365), as `kith post cadence`.
Result<ApiReply> SetPostingCadenceRoute(const httplib::Request& request, Context& context) {
  KITH_ASSIGN_OR_RETURN(const nlohmann::json body, JsonObjectBody(request));
  KITH_ASSIGN_OR_RETURN(const auto days, IntMember(body, "days"));
  if (!days) return Fail(ErrorCode::kInvalidInput, "'days' is required: post every this many days", "days");
  KITH_RETURN_IF_ERROR(SetPostingCadence(context, *days));
  return PostingCadenceRoute(request, context);
}

// The same agenda as `kith today --json`.
Result<ApiReply> AgendaRoute(const httplib::Request& /*request*/, Context& context) {
  KITH_ASSIGN_OR_RETURN(const DayAgenda agenda, Today(context));
  return Json(DayAgendaToJson(agenda));
}

}  // namespace

void AddRelationshipRoutes(std::vector<Route>& routes) {
  const auto add = [&routes](Method method, std::string path, Access access, RouteHandler handler,
                             std::string summary, std::string request_schema, std::string response_schema,
                             std::vector<std::string> query = {}) {
    const std::string tag = path.starts_with("/events") ? "events" : "relationships";
    routes.emplace_back(method, std::move(path), access, std::move(handler), std::move(summary), tag,
                        std::move(request_schema), std::move(response_schema), std::move(query));
  };
  add(Method::kGet, "/events", Access::kRead, ListEventsRoute,
      "Events, the latest first, with follow-up rates", "", "EventSummary[]", {"limit"});
  add(Method::kPost, "/events", Access::kWrite, AddEventRoute, "Add an event (kith event add)", "NewEvent",
      "Event");
  add(Method::kGet, "/events/{id}", Access::kRead, ShowEventRoute,
      "Who you met at an event and the follow-up rate (kith event show)", "", "EventReport");
  add(Method::kPost, "/events/{id}/met", Access::kWrite, MetRoute,
      "Event mode: people met there, added when new, follow-ups for the next day (kith met)", "Met",
      "MetPerson[]");
  add(Method::kGet, "/contacts/{id}/interactions", Access::kRead, InteractionsRoute,
      "The interaction timeline, newest first", "", "Interaction[]", {"limit"});
  add(Method::kPost, "/contacts/{id}/interactions", Access::kWrite, LogRoute,
      "Log a coffee, call, email…: facts learned, who talked (kith log)", "LogRequest", "LoggedInteraction");
  add(Method::kGet, "/contacts/{id}/facts", Access::kRead, FactsRoute, "What you know about them", "",
      "Fact[]");
  add(Method::kPut, "/contacts/{id}/facts", Access::kWrite, SetFactRoute,
      "Set or replace one fact (kith fact)", "FactRequest", "Fact");
  add(Method::kDelete, "/contacts/{id}/facts", Access::kWrite, RemoveFactRoute,
      "Remove the fact of ?kind=…&key=…; answers the facts left", "", "Fact[]", {"kind", "key"});
  add(Method::kGet, "/contacts/{id}/brief", Access::kRead, BriefRoute,
      "The brief before you meet again (kith brief)", "", "Brief");
  add(Method::kGet, "/contacts/{id}/health", Access::kRead, HealthRoute, "The relationship's health, and why",
      "", "Health");
  add(Method::kGet, "/contacts/{id}/cadence", Access::kRead, CadenceRoute,
      "How often to be in touch, and the next reconnect", "", "CadenceReport");
  add(Method::kPut, "/contacts/{id}/cadence", Access::kWrite, SetCadenceRoute,
      "Their own cadence in days (null: the default); re-plans the reconnect", "CadenceRequest",
      "CadenceReport");
  add(Method::kPut, "/contacts/{id}/links", Access::kWrite, SetLinkRoute,
      "Add or update a profile link and whether you are connected (kith link)", "LinkRequest", "Contact");
  add(Method::kGet, "/followups", Access::kRead, FollowUpsRoute,
      "Open follow-ups, the most overdue first (due=true: those due by today)", "", "FollowUpItem[]",
      {"due"});
  add(Method::kGet, "/contacts/{id}/followup", Access::kRead, DraftRoute,
      "The drafted follow-up email, with a mailto: link and the .eml text", "", "FollowUpDraft");
  add(Method::kGet, "/contacts/{id}/followup.eml", Access::kRead, DraftEmlRoute,
      "The drafted follow-up as an .eml file (message/rfc822)", "", "Download");
  add(Method::kPost, "/contacts/{id}/followup/done", Access::kWrite, FollowUpDoneRoute,
      "Mark the open follow-up done and log the email", "", "Reminder");
  add(Method::kPost, "/contacts/{id}/followup/send", Access::kWrite, FollowUpSendRoute,
      "Send the drafted follow-up through your SMTP server, then mark it done (kith followup send)", "",
      "FollowUpDraft");
  add(Method::kGet, "/followup/template", Access::kRead, TemplateRoute, "The follow-up template", "",
      "FollowUpTemplate");
  add(Method::kPut, "/followup/template", Access::kWrite, SaveTemplateRoute,
      "Save the follow-up template (null: back to the default) (kith followup template)", "FollowUpTemplate",
      "FollowUpTemplate");
  add(Method::kGet, "/smtp", Access::kRead, SmtpRoute,
      "Your mail server for sending follow-ups (no password)", "", "SmtpSettings");
  add(Method::kPut, "/smtp", Access::kWrite, SaveSmtpRoute,
      "Change the mail server: each key given replaces that setting (kith smtp)", "SmtpChange",
      "SmtpSettings");
  add(Method::kGet, "/cadences", Access::kRead, TagCadencesRoute, "The tag cadences (kith cadence --tags)",
      "", "TagCadence[]");
  add(Method::kPut, "/cadences", Access::kWrite, SetTagCadenceRoute,
      "Set or remove the cadence of a tag; re-plans everyone with it (kith cadence --tag)", "TagCadence",
      "TagCadenceSet");
  add(Method::kGet, "/listening", Access::kRead, ListeningRoute,
      "How much of the talking they had, over everyone (kith listening)", "", "ListeningReport");
  add(Method::kGet, "/contacts/{id}/listening", Access::kRead, ContactListeningRoute,
      "How much of the talking one person had (kith listening ID)", "", "ListeningReport");
  add(Method::kGet, "/contacts/{id}/reminders", Access::kRead, ContactRemindersRoute,
      "A person's reminders, open and closed", "", "Reminder[]");
  add(Method::kPost, "/contacts/{id}/reminders", Access::kWrite, AddReminderRoute,
      "A reminder about them on a day (kith remind add)", "NewReminder", "Reminder");
  add(Method::kGet, "/reminders", Access::kRead, RemindersRoute,
      "Open reminders by day (due=true: those showing by today)", "", "Reminder[]", {"limit", "due"});
  add(Method::kPost, "/reminders/{id}/snooze", Access::kWrite, SnoozeRoute,
      "Snooze until a later day ({until} or {days})", "Snooze", "Reminder");
  add(Method::kPost, "/reminders/{id}/dismiss", Access::kWrite, DismissRoute, "Dismiss: not needed", "",
      "Reminder");
  add(Method::kPost, "/reminders/{id}/done", Access::kWrite, DoneRoute, "Mark a reminder done", "",
      "Reminder");
  add(Method::kGet, "/reminders.ics", Access::kRead, CalendarRoute,
      "Open reminders as an iCalendar file (kith ics)", "", "Download");
  add(Method::kGet, "/posts", Access::kRead, PostsRoute, "Your posts, the latest first", "", "Post[]",
      {"limit"});
  add(Method::kPost, "/posts", Access::kWrite, AddPostRoute, "Record a post of yours (kith post add)",
      "NewPost", "Post");
  add(Method::kGet, "/posts/cadence", Access::kRead, PostingCadenceRoute, "How often you mean to post", "",
      "PostingCadence");
  add(Method::kPut, "/posts/cadence", Access::kWrite, SetPostingCadenceRoute,
      "How often you mean to post, in days (kith post cadence)", "PostingCadence", "PostingCadence");
  add(Method::kGet, "/agenda", Access::kRead, AgendaRoute,
      "The day's agenda, the same items as `kith today --json`", "", "Agenda");
}

}  // namespace kith::http
