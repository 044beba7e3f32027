// The relationship loop as JSON: the `--json` output of the CLI and the
// bodies of the HTTP API, so both speak the same shapes (CLI.md). Every
// object that has an id carries it as "id"; dates are ISO (YYYY-MM-DD) or
// null; enums are their Name strings ("follow-up", "coffee", …). A contact is
// embedded whole (ContactToJson) where one is the subject, and as
// {"id", "name"} inside lists that would otherwise get heavy.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/person_overview.h"
#include "app/relationships.h"

namespace kith {

// {"id", "name"}: a contact inside a list.
nlohmann::json ContactRefToJson(const Contact& contact);

// {"id", "name", "on", "place", "notes"}.
nlohmann::json EventToJson(const Event& event);
// EventToJson plus {"met", "followed_up", "follow_up_rate_percent"}.
nlohmann::json EventSummaryToJson(const EventSummary& summary);
// EventToJson plus {"people": [{"id", "name", "company", "followed_up",
// "follow_up": reminder|null}], "met", "followed_up", "follow_up_rate_percent"}.
nlohmann::json EventReportToJson(const EventReport& report);
// {"id", "name", "added", "follow_up": reminder|null, "contact": contact}.
nlohmann::json MetPersonToJson(const MetPerson& person);

// {"id", "contact_id", "kind", "on", "summary", "they_talked", "author",
//  "private"}: "author" is the account that logged it ("" on a personal
// file), "private" whether only its author sees it.
nlohmann::json InteractionToJson(const Interaction& interaction);
// {"id", "contact_id", "kind", "key", "value", "learned_on", "interaction_id",
//  "author", "private"}, as InteractionToJson.
nlohmann::json FactToJson(const Fact& fact);
// {"id", "contact_id", "kind", "due", "snoozed_until", "shows_on", "note",
//  "state", "closed_on", "event_id", "created_on"}.
nlohmann::json ReminderToJson(const Reminder& reminder);
// {"id", "channel", "url", "topic", "on"}.
nlohmann::json PostToJson(const Post& post);

// {"score", "label", "explanation", "parts": [{"name", "points",
//  "max_points", "why"}]}.
nlohmann::json HealthToJson(const Health& health);
// {"conversations", "average_they_talked", "goal_percent", "trend",
//  "talked_more": [interaction…]}.
nlohmann::json ListeningToJson(const ListeningStats& stats);

// {"kind", "contact_id", "name", "reminder_id", "opportunity_id", "due",
//  "days_overdue", "text", "action"}.
nlohmann::json AgendaItemToJson(const AgendaItem& item);

// {"contact": contact, "how_met", "days_since_contact", "personal": [fact…],
//  "professional": [fact…], "goals": [fact…], "recent": [interaction…],
//  "open_reminders": [reminder…], "ledger": [entry…], "starters": [text…],
//  "health": health, "listening": listening}.
nlohmann::json BriefToJson(const Brief& brief);

// {"contact": {"id", "name"}, "follow_up": reminder|null, "to", "subject",
//  "body", "mailto", "eml"}.
nlohmann::json FollowUpDraftToJson(const FollowUpDraft& draft);
// {"id", "contact_id", "name", "event", "due", "days_overdue", "reminder":
//  reminder}; "id" is the contact's, which the follow-up commands take.
nlohmann::json FollowUpItemToJson(const FollowUpItem& item);

// {"interaction": interaction, "facts": [fact…], "completed_follow_up",
//  "next_reconnect", "promise"} (reminders or null).
nlohmann::json LoggedInteractionToJson(const LoggedInteraction& logged);

// {"host", "port", "security", "user", "from", "password_set"}: the
// password itself is never shown, only whether sending will have one.
nlohmann::json SmtpSettingsToJson(const SmtpSettings& settings, bool password_set);

// [{"tag", "days"}]: the tag cadences (`kith cadence --tags`).
nlohmann::json TagCadencesToJson(const std::vector<std::pair<std::string, int>>& cadences);
// {"tag", "days" (null: none), "replanned"}: a tag cadence just set.
nlohmann::json TagCadenceSetToJson(std::string_view tag, std::optional<int> days, int replanned);
// ListeningToJson plus {"contact_id"} (null: everyone).
nlohmann::json ListeningReportToJson(const ListeningStats& stats, std::optional<ContactId> contact);

// {"stage", "due", "every_days", "note"}.
nlohmann::json NextReconnectToJson(const NextReconnect& next);
// {"own_days", "tag_days", "effective_days", "next": next|null}.
nlohmann::json CadenceReportToJson(const CadenceReport& report);

// ContactToJson plus {"health": health}: `list --sort health`.
nlohmann::json ContactWithHealthToJson(const ContactWithHealth& item);
nlohmann::json ContactsWithHealthToJson(const std::vector<ContactWithHealth>& people);

// ContactToJson with "job_changes", "facts", "interactions", "reminders",
// "cadence" and "health": `kith show --json`.
nlohmann::json PersonOverviewToJson(const PersonOverview& overview);

// {"date", "items": [AgendaItemToJson plus, for an opportunity,
//  {"opportunity": opportunity, "people": [contact plus {"reasons"}]}]}:
// `kith today --json` and GET /agenda.
nlohmann::json DayAgendaToJson(const DayAgenda& agenda);

}  // namespace kith
