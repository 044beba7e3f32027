#include "app/relationship_json.h"

#include "formats/contact_json.h"
#include "formats/give_json.h"

namespace kith {
namespace {

using nlohmann::json;

json DateOrNull(const std::optional<Date>& date) {
  if (!date) return nullptr;
  return date->ToIso();
}

template <typename Id>
json IdOrNull(const std::optional<Id>& id) {
  if (!id) return nullptr;
  return id->value;
}

json ReminderOrNull(const std::optional<Reminder>& reminder) {
  if (!reminder) return nullptr;
  return ReminderToJson(*reminder);
}

template <typename T, typename ToJson>
json ArrayOf(const std::vector<T>& values, ToJson to_json) {
  json array = json::array();
  for (const auto& value : values) array.push_back(to_json(value));
  return array;
}

int RatePercent(int done, int of) { return of > 0 ? (done * 100 + of / 2) / of : 0; }

}  // namespace

json ContactRefToJson(const Contact& contact) {
  return {{"id", contact.id.value}, {"name", contact.display_name}};
}

json EventToJson(const Event& event) {
  return {{"id", event.id.value},
          {"name", event.name},
          {"on", event.on.ToIso()},
          {"place", event.place},
          {"notes", event.notes}};
}

json EventSummaryToJson(const EventSummary& summary) {
  json object = EventToJson(summary.event);
  object["met"] = summary.met;
  object["followed_up"] = summary.followed_up;
  object["follow_up_rate_percent"] = RatePercent(summary.followed_up, summary.met);
  return object;
}

json EventReportToJson(const EventReport& report) {
  json object = EventToJson(report.event);
  json people = json::array();
  for (const auto& person : report.people) {
    people.push_back({{"id", person.contact.id.value},
                      {"name", person.contact.display_name},
                      {"company", person.contact.company},
                      {"followed_up", person.followed_up},
                      {"follow_up", ReminderOrNull(person.follow_up)}});
  }
  object["people"] = std::move(people);
  object["met"] = report.people.size();
  object["followed_up"] = report.followed_up;
  object["follow_up_rate_percent"] = report.follow_up_rate_percent;
  return object;
}

json MetPersonToJson(const MetPerson& person) {
  return {{"id", person.contact.id.value},
          {"name", person.contact.display_name},
          {"added", person.added},
          {"follow_up", ReminderOrNull(person.follow_up)},
          {"contact", ContactToJson(person.contact)}};
}

json InteractionToJson(const Interaction& interaction) {
  return {{"id", interaction.id.value},
          {"contact_id", interaction.contact.value},
          {"kind", InteractionKindName(interaction.kind)},
          {"on", interaction.on.ToIso()},
          {"summary", interaction.summary},
          {"they_talked", interaction.they_talked ? json(*interaction.they_talked) : json(nullptr)},
          {"author", interaction.author},
          {"private", interaction.visibility == Visibility::kPrivate}};
}

json FactToJson(const Fact& fact) {
  return {{"id", fact.id.value},
          {"contact_id", fact.contact.value},
          {"kind", FactKindName(fact.kind)},
          {"key", fact.key},
          {"value", fact.value},
          {"learned_on", fact.learned_on.ToIso()},
          {"interaction_id", IdOrNull(fact.interaction)},
          {"author", fact.author},
          {"private", fact.visibility == Visibility::kPrivate}};
}

json ReminderToJson(const Reminder& reminder) {
  return {{"id", reminder.id.value},
          {"contact_id", reminder.contact.value},
          {"kind", ReminderKindName(reminder.kind)},
          {"due", reminder.due.ToIso()},
          {"snoozed_until", DateOrNull(reminder.snoozed_until)},
          {"shows_on", reminder.ShowsOn().ToIso()},
          {"note", reminder.note},
          {"state", ReminderStateName(reminder.state)},
          {"closed_on", DateOrNull(reminder.closed_on)},
          {"event_id", IdOrNull(reminder.event)},
          {"created_on", reminder.created_on.ToIso()}};
}

json PostToJson(const Post& post) {
  return {{"id", post.id.value},
          {"channel", post.channel},
          {"url", post.url},
          {"topic", post.topic},
          {"on", post.on.ToIso()}};
}

json HealthToJson(const Health& health) {
  json parts = json::array();
  for (const auto& part : health.parts) {
    parts.push_back(
        {{"name", part.name}, {"points", part.points}, {"max_points", part.max_points}, {"why", part.why}});
  }
  return {{"score", health.score},
          {"label", health.label},
          {"explanation", health.explanation},
          {"parts", std::move(parts)}};
}

json ListeningToJson(const ListeningStats& stats) {
  return {
      {"conversations", stats.conversations},
      {"average_they_talked", stats.average_they_talked ? json(*stats.average_they_talked) : json(nullptr)},
      {"goal_percent", kListeningGoalPercent},
      {"trend", ListeningTrendName(stats.trend)},
      {"talked_more", ArrayOf(stats.talked_more, InteractionToJson)}};
}

json AgendaItemToJson(const AgendaItem& item) {
  return {{"kind", AgendaItemKindName(item.kind)},
          {"contact_id", IdOrNull(item.contact)},
          {"name", item.name},
          {"reminder_id", IdOrNull(item.reminder)},
          {"opportunity_id", IdOrNull(item.opportunity)},
          {"due", item.due.ToIso()},
          {"days_overdue", item.days_overdue},
          {"text", item.text},
          {"action", item.action}};
}

json BriefToJson(const Brief& brief) {
  return {{"contact", ContactToJson(brief.contact)},
          {"how_met", brief.how_met},
          {"days_since_contact", brief.days_since_contact ? json(*brief.days_since_contact) : json(nullptr)},
          {"personal", ArrayOf(brief.personal, FactToJson)},
          {"professional", ArrayOf(brief.professional, FactToJson)},
          {"goals", ArrayOf(brief.goals, FactToJson)},
          {"recent", ArrayOf(brief.recent, InteractionToJson)},
          {"open_reminders", ArrayOf(brief.open_reminders, ReminderToJson)},
          {"ledger", ArrayOf(brief.ledger, LedgerEntryToJson)},
          {"starters", brief.starters},
          {"health", HealthToJson(brief.health)},
          {"listening", ListeningToJson(brief.listening)}};
}

json FollowUpDraftToJson(const FollowUpDraft& draft) {
  return {{"contact", ContactRefToJson(draft.contact)},
          {"follow_up", ReminderOrNull(draft.follow_up)},
          {"to", draft.email.to},
          {"subject", draft.email.subject},
          {"body", draft.email.body},
          {"mailto", draft.mailto},
          {"eml", draft.eml}};
}

json FollowUpItemToJson(const FollowUpItem& item) {
  return {{"id", item.contact.id.value},
          {"contact_id", item.contact.id.value},
          {"name", item.contact.display_name},
          {"event", item.event_name},
          {"due", item.reminder.due.ToIso()},
          {"days_overdue", item.days_overdue},
          {"reminder", ReminderToJson(item.reminder)}};
}

json LoggedInteractionToJson(const LoggedInteraction& logged) {
  return {{"interaction", InteractionToJson(logged.interaction)},
          {"facts", ArrayOf(logged.facts, FactToJson)},
          {"completed_follow_up", ReminderOrNull(logged.completed_follow_up)},
          {"next_reconnect", ReminderOrNull(logged.next_reconnect)},
          {"promise", ReminderOrNull(logged.promise)}};
}

json NextReconnectToJson(const NextReconnect& next) {
  return {{"stage", CadenceStageName(next.stage)},
          {"due", next.due.ToIso()},
          {"every_days", next.every_days},
          {"note", next.note}};
}

json CadenceReportToJson(const CadenceReport& report) {
  return {{"own_days", report.own_days ? json(*report.own_days) : json(nullptr)},
          {"tag_days", report.tag_days ? json(*report.tag_days) : json(nullptr)},
          {"effective_days", report.effective_days},
          {"next", report.next ? NextReconnectToJson(*report.next) : json(nullptr)}};
}

json ContactWithHealthToJson(const ContactWithHealth& item) {
  json object = ContactToJson(item.contact);
  object["health"] = HealthToJson(item.health);
  return object;
}

json ContactsWithHealthToJson(const std::vector<ContactWithHealth>& people) {
  json array = json::array();
  for (const auto& person : people) array.push_back(ContactWithHealthToJson(person));
  return array;
}

json PersonOverviewToJson(const PersonOverview& overview) {
  json object = ContactToJson(overview.contact);
  object["job_changes"] = ArrayOf(overview.job_changes, JobChangeToJson);
  object["facts"] = ArrayOf(overview.facts, FactToJson);
  object["interactions"] = ArrayOf(overview.interactions, InteractionToJson);
  object["reminders"] = ArrayOf(overview.reminders, ReminderToJson);
  object["cadence"] = CadenceReportToJson(overview.cadence);
  object["health"] = HealthToJson(overview.health);
  return object;
}

json DayAgendaToJson(const DayAgenda& agenda) {
  json items = json::array();
  for (const auto& entry : agenda.entries) {
    json item = AgendaItemToJson(entry.item);
    if (entry.offer) {
      item["opportunity"] = OpportunityToJson(entry.offer->opportunity);
      json people = json::array();
      for (const auto& match : entry.offer->people) {
        json person = ContactToJson(match.contact);
        person["reasons"] = match.reasons;
        people.push_back(std::move(person));
      }
      item["people"] = std::move(people);
    }
    items.push_back(std::move(item));
  }
  return {{"date", agenda.date.ToIso()}, {"items", items}};
}

json SmtpSettingsToJson(const SmtpSettings& settings, bool password_set) {
  return {
      {"host", settings.host},     {"port", settings.port}, {"security", SmtpSecurityName(settings.security)},
      {"user", settings.username}, {"from", settings.from}, {"password_set", password_set}};
}

json TagCadencesToJson(const std::vector<std::pair<std::string, int>>& cadences) {
  json array = json::array();
  for (const auto& [name, every] : cadences) array.push_back({{"tag", name}, {"days", every}});
  return array;
}

json TagCadenceSetToJson(std::string_view tag, std::optional<int> days, int replanned) {
  return {{"tag", tag}, {"days", days ? json(*days) : json(nullptr)}, {"replanned", replanned}};
}

json ListeningReportToJson(const ListeningStats& stats, std::optional<ContactId> contact) {
  json object = ListeningToJson(stats);
  object["contact_id"] = contact ? json(contact->value) : json(nullptr);
  return object;
}

}  // namespace kith
