// The relationship loop (habits 1, 2 and 5): events and the people met
// there, next-day follow-ups with drafted emails, logged meetings and the
// facts learned, briefs, cadences and reminders, links, posts, health and the
// day's agenda. One function per user action; each validates first and
// writes in one transaction, so a failure leaves the database as it was.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "agenda/cadence.h"
#include "agenda/day_agenda.h"
#include "agenda/followup_template.h"
#include "agenda/health.h"
#include "agenda/listening.h"
#include "app/context.h"
#include "app/give.h"
#include "domain/contact.h"
#include "domain/give.h"
#include "domain/relationship.h"
#include "domain/result.h"
#include "formats/ics_writer.h"
#include "mail/smtp_sender.h"

namespace kith {

// --- Events --------------------------------------------------------------

// kInvalidInput for an empty name; kAlreadyExists when one has that name.
Result<Event> AddEvent(Context& context, EventFields fields);
// By id ("3") or name (case ignored); kNotFound naming it otherwise.
Result<Event> ResolveEvent(Context& context, std::string_view reference);
Result<std::vector<EventSummary>> ListEvents(Context& context, int limit);

struct EventPerson {
  Contact contact;
  std::optional<Reminder> follow_up;  // the follow-up for this meeting, if any
  bool followed_up = false;           // the follow-up is done
};
struct EventReport {
  Event event;
  std::vector<EventPerson> people;  // whom you met there, by name
  int followed_up = 0;
  int follow_up_rate_percent = 0;  // followed_up / people (0 with nobody)
};
Result<EventReport> ShowEvent(Context& context, std::string_view reference);

// Quick capture after an event: finds each person by whole name (creating
// the ones not on the list), records that you met at `event` on `on`
// (default: the event's date; the event is created on the fly when unknown,
// dated `on` or today) and schedules the follow-up for the next day.
// kConflict when a name matches several people (nothing is written).
struct MetPerson {
  Contact contact;
  bool added = false;  // new to the list
  std::optional<Reminder> follow_up;
};
Result<std::vector<MetPerson>> RecordMet(Context& context, const std::vector<std::string>& names,
                                         std::string_view event, std::optional<Date> on);

// What event mode captures at the door about one person: a name, or the id
// of someone already on the list (chosen from the matches, so a common name
// needs no id typed); the ways to reach them; and a note on what to ask
// about, kept as the professional fact `ask_about` that the brief shows and
// the follow-up draft asks about. Everyone is recorded in one transaction.
struct MetCapture {
  std::string name;
  std::optional<ContactId> contact;
  std::string company;
  std::string email;
  std::string phone;
  std::string linkedin;  // a profile URL, or the name in linkedin.com/in/NAME
  std::string note;
};
inline constexpr std::string_view kAskAboutFact = "ask_about";
// `event` by name is made when there is none yet; by id it must exist
// (kNotFound).
Result<std::vector<MetPerson>> RecordCaptures(Context& context, const std::vector<MetCapture>& people,
                                              std::string_view event, std::optional<Date> on);
Result<std::vector<MetPerson>> RecordCaptures(Context& context, const std::vector<MetCapture>& people,
                                              EventId event, std::optional<Date> on);

// A follow-up is scheduled only for a meeting at most this many days ago:
// importing years-old connections must not flood the agenda.
inline constexpr int kFollowUpWindowDays = 30;

// --- Follow-ups ------------------------------------------------------------

struct FollowUpItem {
  Reminder reminder;
  Contact contact;
  std::string event_name;
  std::int64_t days_overdue = 0;
};
// Open follow-ups, the most overdue first (all of them when `due_only` is
// false, else those showing by today).
Result<std::vector<FollowUpItem>> ListFollowUps(Context& context, bool due_only);

struct FollowUpDraft {
  Contact contact;
  std::optional<Reminder> follow_up;  // the open follow-up, when there is one
  DraftEmail email;
  std::string eml;     // the RFC 5322 message
  std::string mailto;  // mailto: link
};
// Drafts the follow-up email for a contact (from the saved template, or the
// default). kInvalidInput when the saved template has an unknown placeholder.
Result<FollowUpDraft> DraftFollowUp(Context& context, ContactId contact);

// Marks the contact's open follow-up done and logs an email to them.
// kNotFound when there is no open follow-up.
Result<Reminder> CompleteFollowUp(Context& context, ContactId contact);

// Sends the drafted email through SMTP, then records it as CompleteFollowUp
// does (when a follow-up is open) or logs the email. kInvalidInput when the
// card has no email or SMTP is not configured; kIo when the server refuses —
// then nothing is written and the reminder stays open.
Result<FollowUpDraft> SendFollowUp(Context& context, ContactId contact, const std::string& smtp_password);

// The follow-up template: the saved one, or the default; saving validates.
Result<std::string> FollowUpTemplate(Context& context);
Status SaveFollowUpTemplate(Context& context, const std::string& text);

// SMTP settings are kept in settings (never the password: that comes from
// the environment, KITH_SMTP_PASSWORD, at send time).
Result<SmtpSettings> LoadSmtpSettings(Context& context);
Status SaveSmtpSettings(Context& context, const SmtpSettings& settings);
// "starttls", "tls", "none" (case ignored); nullopt for anything else.
std::optional<SmtpSecurity> ParseSmtpSecurity(std::string_view name);
std::string_view SmtpSecurityName(SmtpSecurity security);
// A change to the SMTP settings: each field given replaces the stored one.
struct SmtpChange {
  std::optional<std::string> host;
  std::optional<int> port;
  std::optional<SmtpSecurity> security;
  std::optional<std::string> username;
  std::optional<std::string> from;
};
// Applies `change` to the stored settings and saves them (errors as
// SaveSmtpSettings). A security given without a port brings its usual port:
// 465 for tls, 587 otherwise.
Result<SmtpSettings> ChangeSmtpSettings(Context& context, const SmtpChange& change);
// The password to send with: $KITH_SMTP_PASSWORD of this process, "" when
// unset. It is read at send time and never stored or shown.
std::string SmtpPasswordFromEnvironment();

// --- Meetings and facts ------------------------------------------------------

struct LogRequest {
  ContactId contact;
  InteractionKind kind = InteractionKind::kCoffee;
  std::optional<Date> on;  // default today; not in the future
  std::string summary;
  std::optional<int> they_talked;  // 0–100
  std::vector<Fact> facts;         // kind, key and value
  std::string promise;             // something you promised: a reminder in a week
  // Private: only its author sees it, and the facts learned in it.
  Visibility visibility = Visibility::kShared;
};
struct LoggedInteraction {
  Interaction interaction;
  std::vector<Fact> facts;
  std::optional<Reminder> completed_follow_up;
  std::optional<Reminder> next_reconnect;
  std::optional<Reminder> promise;
};
// Records a meeting (or call, email, …): the facts learned, the share of the
// talking, the last-contact date; completes an open follow-up when it makes
// contact; re-plans the reconnect. kInvalidInput for a share outside 0–100,
// a future date, a fact without key or value. In a shared workspace a
// private conversation does not move the card's last contact, which every
// member sees (docs/team.md).
Result<LoggedInteraction> LogInteraction(Context& context, const LogRequest& request);
Result<std::vector<Interaction>> InteractionsOf(Context& context, ContactId contact, int limit);

// Sets (or replaces) a fact learned today, shared with the workspace or
// private to whoever records it; RemoveFact deletes one (in a shared
// workspace: the shared one and the member's own private one) and returns
// the facts left (FactsOf).
Result<Fact> SetFact(Context& context, ContactId contact, FactKind kind, std::string_view key,
                     std::string_view value, Visibility visibility = Visibility::kShared);
Result<std::vector<Fact>> RemoveFact(Context& context, ContactId contact, FactKind kind,
                                     std::string_view key);
Result<std::vector<Fact>> FactsOf(Context& context, ContactId contact);
// SetFact, answered with the fact set and all the person's facts after it.
struct FactNoted {
  Fact fact;
  std::vector<Fact> facts;
};
Result<FactNoted> NoteFact(Context& context, ContactId contact, FactKind kind, std::string_view key,
                           std::string_view value, Visibility visibility);

// Listening: one person's (`contact` given) or everyone's recent
// conversations, of those the acting member logged: the share of the
// talking is each member's own habit.
Result<ListeningStats> Listening(Context& context, std::optional<ContactId> contact);

// --- Cadences and reminders -------------------------------------------------

struct CadenceReport {
  std::optional<int> own_days;
  std::optional<int> tag_days;
  std::optional<NextReconnect> next;
  int effective_days = 0;
};
Result<CadenceReport> CadenceOf(Context& context, ContactId contact);

// A person's own cadence (none: back to their tags' or the staged one);
// kInvalidInput unless 1 ≤ days ≤ 3650. Re-plans the reconnect and returns
// the cadence as it then stands (CadenceOf).
Result<CadenceReport> SetCadence(Context& context, ContactId contact, std::optional<int> days);
// The default cadence for everyone with `tag` (none: removes it); re-plans
// those people's reconnects. Returns how many were re-planned.
Result<int> SetTagCadence(Context& context, std::string_view tag, std::optional<int> days);
// Tag cadences in effect, tag → days.
Result<std::vector<std::pair<std::string, int>>> TagCadences(Context& context);

// Re-computes a contact's reconnect reminder from their history (closing a
// stale one, opening the next). Returns the open reconnect, if any.
Result<std::optional<Reminder>> PlanReconnect(Context& context, ContactId contact);

// A custom reminder ("send her the deck") on `due` (not in the past).
Result<Reminder> AddReminder(Context& context, ContactId contact, Date due, std::string note);
// Open reminders showing by `day` (everything open: a far date), by day.
Result<std::vector<Reminder>> OpenReminders(Context& context, Date day, int limit);
// The same, with the name of each reminder's person (by contact id) read
// in one query, for a list that says whom each is about.
struct NamedReminders {
  std::vector<Reminder> reminders;
  std::map<std::int64_t, std::string> names;
};
Result<NamedReminders> OpenRemindersNamed(Context& context, Date day, int limit);
Result<std::vector<Reminder>> RemindersOf(Context& context, ContactId contact);
// Snooze until a later day (after today); dismiss (not needed) or done.
// kNotFound for an unknown id; kConflict when the reminder is not open.
Result<Reminder> SnoozeReminder(Context& context, ReminderId id, Date until);
Result<Reminder> DismissReminder(Context& context, ReminderId id);
Result<Reminder> CompleteReminder(Context& context, ReminderId id);

// --- Stay connected ---------------------------------------------------------

// Adds or updates a profile link, and whether you are connected/following.
// kInvalidInput when the URL is empty and the card has no link of that kind.
struct LinkRequest {
  ContactId contact;
  LinkKind kind = LinkKind::kLinkedIn;
  std::string url;  // empty: the card's existing link of this kind
  std::optional<bool> connected;
  std::optional<bool> followed;
};
Result<Contact> SetLink(Context& context, const LinkRequest& request);

// Your posts, and how often you mean to post (default weekly).
Result<Post> AddPost(Context& context, PostFields fields);
Result<std::vector<Post>> ListPosts(Context& context, int limit);
Result<int> PostingCadence(Context& context);
Status SetPostingCadence(Context& context, int days);

// --- Health, brief, today, calendar -------------------------------------------

// A person's health today; the id form reads the card first (kNotFound for
// an unknown id).
Result<Health> HealthOf(Context& context, const Contact& contact);
Result<Health> HealthOf(Context& context, ContactId id);
// Live contacts ordered by health, weakest first (who is drifting), with
// their scores; `query.offset`/`query.limit` page the ordering and
// `query.tag`/`query.event` filter it as in ListContacts (`query.sort` is
// not read). kInvalidInput for `query.trashed`: the trash has no health.
struct ContactWithHealth {
  Contact contact;
  Health health;
};
// The order comes from the stored scores (a walk of an index), renewed
// first on a writable connection; a read-only one scores the stale people
// itself, up to `most_scored_on_read` of them. Past that, it ranks
// everyone from scratch when people were written to or never scored, and
// by the scores as stored (aged ones as they stood) when they only aged
// with the day, until the server's upkeep renews them. Writes: the stored
// scores, when the connection can.
inline constexpr int kMostScoredOnRead = 2000;
Result<std::vector<ContactWithHealth>> ListByHealth(Context& context, const ListQuery& query,
                                                    int most_scored_on_read = kMostScoredOnRead);
// Scores again and stores everyone whose stored score is stale today
// (written to, aged, never scored), a batch per transaction. kIo on a
// read-only database; kConflict when the writer is busy past the timeout.
// `stop`, when given, is asked before each batch and ends the renewal early.
Status RefreshHealth(Context& context, const std::function<bool()>& stop = {});
// These contacts with their health, in the order given: the page of the list
// or of the search results shown, whatever it is sorted by.
Result<std::vector<ContactWithHealth>> WithHealth(Context& context, std::vector<Contact> contacts);

struct Brief {
  Contact contact;
  std::string how_met;  // "met at RustConf on 2026-11-20"
  std::vector<Fact> personal;
  std::vector<Fact> professional;
  std::vector<Fact> goals;          // professional facts about goals
  std::vector<Interaction> recent;  // the last few interactions, newest first
  std::optional<std::int64_t> days_since_contact;
  std::vector<Reminder> open_reminders;  // follow-ups and promises
  std::vector<LedgerEntry> ledger;       // what you gave each other
  std::vector<std::string> starters;
  Health health;
  ListeningStats listening;
};
Result<Brief> BriefFor(Context& context, ContactId contact);

// The day's agenda: follow-ups, reminders, reconnects, drifting people,
// connect suggestions, the posting nudge, opportunities waiting. An
// opportunity's item carries the opportunity and the first people to offer
// it to (ranked once, here), so every face shows the same finished agenda.
struct DayAgendaEntry {
  AgendaItem item;
  std::optional<OpportunityToOffer> offer;  // for kOpportunity items
};
struct DayAgenda {
  Date date;
  std::vector<DayAgendaEntry> entries;
};
Result<DayAgenda> Today(Context& context);

// Open reminders as an iCalendar file, streamed a page of reminders at a
// time. Returns how many were written; kIo when `out` fails.
Result<std::int64_t> WriteRemindersCalendar(Context& context, std::ostream& out);
// The same into the file at `path`, written whole or not at all
// (WriteFileDurably; kIo naming the path).
Result<std::int64_t> SaveRemindersCalendar(Context& context, const std::string& path);
// The same reminders as the calendar's events, in reminder order: each page
// in turn to `visit` (whose error stops the walk).
using CalendarPageVisitor = std::function<Status(const std::vector<CalendarReminder>& page)>;
Status ForEachCalendarPage(Context& context, const CalendarPageVisitor& visit);

}  // namespace kith
