// The OpenAPI schemas of the relationship loop: the shapes relationship_json.h
// writes, and the bodies its routes read.
#include "http/openapi.h"

namespace kith::http {
namespace {

using nlohmann::json;

json Ref(const std::string& name) { return {{"$ref", "#/components/schemas/" + name}}; }
json ArrayOf(const json& items) { return {{"type", "array"}, {"items", items}}; }
json Nullable(json schema) {
  if (schema.contains("$ref")) return {{"allOf", {schema}}, {"nullable", true}};
  schema["nullable"] = true;
  return schema;
}

json Object(json properties, const std::vector<std::string>& required = {}) {
  json schema = {{"type", "object"}, {"properties", std::move(properties)}};
  if (!required.empty()) schema["required"] = required;
  return schema;
}

const json kText = {{"type", "string"}};
const json kDate = {{"type", "string"}, {"format", "date"}, {"nullable", true}};
const json kId = {{"type", "integer"}, {"format", "int64"}};
const json kNullableId = {{"type", "integer"}, {"format", "int64"}, {"nullable", true}};
const json kInteger = {{"type", "integer"}};
const json kNullableInteger = {{"type", "integer"}, {"nullable", true}};
const json kBoolean = {{"type", "boolean"}};

json EventProperties() {
  return {{"id", kId}, {"name", kText}, {"on", kDate}, {"place", kText}, {"notes", kText}};
}

// Events, who you met there, what you talked about and learned.
json MeetingSchemas() {
  json summary = EventProperties();
  summary["met"] = kInteger;
  summary["followed_up"] = kInteger;
  summary["follow_up_rate_percent"] = kInteger;
  json report = summary;
  report["people"] = ArrayOf(Object({{"id", kId},
                                     {"name", kText},
                                     {"company", kText},
                                     {"followed_up", kBoolean},
                                     {"follow_up", Nullable(Ref("Reminder"))}}));
  const json fact_kind = {{"type", "string"}, {"enum", {"personal", "professional"}}};
  const json interaction_kind = {
      {"type", "string"}, {"enum", {"coffee", "meeting", "call", "email", "message", "event", "note"}}};
  const json fact_request =
      Object({{"kind", fact_kind}, {"key", kText}, {"value", kText}}, {"kind", "key", "value"});
  return {
      {"Event", Object(EventProperties())},
      {"EventSummary", Object(summary)},
      {"EventReport", Object(report)},
      {"NewEvent", Object({{"name", kText}, {"on", kDate}, {"place", kText}, {"notes", kText}}, {"name"})},
      {"Met", Object({{"names", ArrayOf(kText)},
                      {"name", kText},
                      {"contact_id", kId},
                      {"on", kDate},
                      {"company", kText},
                      {"email", kText},
                      {"phone", kText},
                      {"linkedin", kText},
                      {"note", kText}})},
      {"MetPerson", Object({{"id", kId},
                            {"name", kText},
                            {"added", kBoolean},
                            {"follow_up", Nullable(Ref("Reminder"))},
                            {"contact", Ref("Contact")}})},
      {"Interaction", Object({{"id", kId},
                              {"contact_id", kId},
                              {"kind", interaction_kind},
                              {"on", kDate},
                              {"summary", kText},
                              {"they_talked", kNullableInteger},
                              {"author", kText},
                              {"private", kBoolean}})},
      {"Fact", Object({{"id", kId},
                       {"contact_id", kId},
                       {"kind", fact_kind},
                       {"key", kText},
                       {"value", kText},
                       {"learned_on", kDate},
                       {"interaction_id", kNullableId},
                       {"author", kText},
                       {"private", kBoolean}})},
      {"FactRequest", Object({{"kind", fact_kind}, {"key", kText}, {"value", kText}, {"private", kBoolean}},
                             {"kind", "key", "value"})},
      {"LogRequest", Object({{"kind", interaction_kind},
                             {"on", kDate},
                             {"summary", kText},
                             {"they_talked", {{"type", "integer"}, {"minimum", 0}, {"maximum", 100}}},
                             {"facts", ArrayOf(fact_request)},
                             {"promise", kText},
                             {"private", kBoolean}})},
      {"LoggedInteraction", Object({{"interaction", Ref("Interaction")},
                                    {"facts", ArrayOf(Ref("Fact"))},
                                    {"completed_follow_up", Nullable(Ref("Reminder"))},
                                    {"next_reconnect", Nullable(Ref("Reminder"))},
                                    {"promise", Nullable(Ref("Reminder"))}})},
  };
}

// Reminders, health, follow-ups, cadences, posts: keeping in touch.
json KeepingInTouchSchemas() {
  return {
      {"Reminder", Object({{"id", kId},
                           {"contact_id", kId},
                           {"kind", {{"type", "string"}, {"enum", {"follow-up", "reconnect", "custom"}}}},
                           {"due", kDate},
                           {"snoozed_until", kDate},
                           {"shows_on", kDate},
                           {"note", kText},
                           {"state", {{"type", "string"}, {"enum", {"open", "done", "dismissed"}}}},
                           {"closed_on", kDate},
                           {"event_id", kNullableId},
                           {"created_on", kDate}})},
      {"NewReminder", Object({{"due", kDate}, {"note", kText}}, {"due", "note"})},
      {"Snooze", Object({{"until", kDate}, {"days", kInteger}})},
      {"Post", Object({{"id", kId}, {"channel", kText}, {"url", kText}, {"topic", kText}, {"on", kDate}})},
      {"NewPost", Object({{"channel", kText}, {"url", kText}, {"topic", kText}, {"on", kDate}})},
      {"Health",
       Object({{"score", kInteger},
               {"label", kText},
               {"explanation", kText},
               {"parts",
                ArrayOf(Object(
                    {{"name", kText}, {"points", kInteger}, {"max_points", kInteger}, {"why", kText}}))}})},
      {"Listening", Object({{"conversations", kInteger},
                            {"average_they_talked", kNullableInteger},
                            {"goal_percent", kInteger},
                            {"trend", kText},
                            {"talked_more", ArrayOf(Ref("Interaction"))}})},
      {"Brief", Object({{"contact", Ref("Contact")},
                        {"how_met", kText},
                        {"days_since_contact", kNullableInteger},
                        {"personal", ArrayOf(Ref("Fact"))},
                        {"professional", ArrayOf(Ref("Fact"))},
                        {"goals", ArrayOf(Ref("Fact"))},
                        {"recent", ArrayOf(Ref("Interaction"))},
                        {"open_reminders", ArrayOf(Ref("Reminder"))},
                        {"ledger", ArrayOf(Ref("LedgerEntry"))},
                        {"starters", ArrayOf(kText)},
                        {"health", Ref("Health")},
                        {"listening", Ref("Listening")}})},
      {"CadenceRequest", Object({{"days", kNullableInteger}}, {"days"})},
      {"CadenceReport",
       Object(
           {{"own_days", kNullableInteger},
            {"tag_days", kNullableInteger},
            {"effective_days", kInteger},
            {"next", Nullable(Object(
                         {{"stage", kText}, {"due", kDate}, {"every_days", kInteger}, {"note", kText}}))}})},
      {"LinkRequest",
       Object({{"kind", kText}, {"url", kText}, {"connected", kBoolean}, {"followed", kBoolean}}, {"kind"})},
      {"AgendaItem",
       Object({{"kind",
                {{"type", "string"},
                 {"enum",
                  {"follow-up", "reconnect", "reminder", "drifting", "connect", "post", "opportunity"}}}},
               {"contact_id", kNullableId},
               {"name", kText},
               {"reminder_id", kNullableId},
               {"opportunity_id", kNullableId},
               {"due", kDate},
               {"days_overdue", kInteger},
               {"text", kText},
               {"action", kText},
               {"opportunity", Ref("Opportunity")},
               {"people", ArrayOf(Ref("Match"))}})},
      {"Agenda", Object({{"date", kDate}, {"items", ArrayOf(Ref("AgendaItem"))}})},
      {"TagCadence", Object({{"tag", kText}, {"days", kNullableInteger}}, {"tag", "days"})},
      {"TagCadenceSet", Object({{"tag", kText}, {"days", kNullableInteger}, {"replanned", kInteger}})},
      {"ListeningReport", Object({{"conversations", kInteger},
                                  {"average_they_talked", kNullableInteger},
                                  {"goal_percent", kInteger},
                                  {"trend", kText},
                                  {"talked_more", ArrayOf(Ref("Interaction"))},
                                  {"contact_id", kNullableId}})},
      {"PostingCadence", Object({{"days", kInteger}}, {"days"})},
  };
}

// The follow-up the day after: the list, the draft, its template, the mail server.
json FollowUpSchemas() {
  const json contact_ref = Object({{"id", kId}, {"name", kText}});
  return {
      {"FollowUpItem", Object({{"id", kId},
                               {"contact_id", kId},
                               {"name", kText},
                               {"event", kText},
                               {"due", kDate},
                               {"days_overdue", kInteger},
                               {"reminder", Ref("Reminder")}})},
      {"FollowUpDraft", Object({{"contact", contact_ref},
                                {"follow_up", Nullable(Ref("Reminder"))},
                                {"to", kText},
                                {"subject", kText},
                                {"body", kText},
                                {"mailto", kText},
                                {"eml", kText}})},
      {"FollowUpTemplate", Object({{"template", {{"type", "string"}, {"nullable", true}}}}, {"template"})},
      {"SmtpSettings", Object({{"host", kText},
                               {"port", kInteger},
                               {"security", {{"type", "string"}, {"enum", {"starttls", "tls", "none"}}}},
                               {"user", kText},
                               {"from", kText},
                               {"password_set", kBoolean}})},
      {"SmtpChange", Object({{"host", kText},
                             {"port", kInteger},
                             {"security", {{"type", "string"}, {"enum", {"starttls", "tls", "none"}}}},
                             {"user", kText},
                             {"from", kText}})},
  };
}

}  // namespace

json RelationshipSchemas() {
  json schemas = MeetingSchemas();
  schemas.update(KeepingInTouchSchemas());
  schemas.update(FollowUpSchemas());
  return schemas;
}

}  // namespace kith::http
