// Habits 1, 2 and 5 as plain values: the events where you meet people, the
// interactions you log with the facts you learned, the reminders that bring
// you back, and your own posts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/contact.h"
#include "domain/date.h"
#include "domain/result.h"

namespace kith {

struct EventId {
  std::int64_t value = 0;
  auto operator<=>(const EventId&) const = default;  // NOLINT(modernize-use-nullptr)
};

// A networking event, conference, dinner: where people were met. Contacts
// point at it by name (`met_at`), so an event is also created on the fly.
struct EventFields {
  std::string name;
  Date on;
  std::string place;
  std::string notes;
  bool operator==(const EventFields&) const = default;
};

struct Event : EventFields {
  EventId id;
};

// Who in a shared workspace may see a fact or an interaction (and the notes
// it carries): everyone in it, or only the member who wrote it
// (docs/team.md). Cards are always shared; on a personal file there is
// one person, and the flag is only kept.
enum class Visibility { kShared, kPrivate };

enum class InteractionKind { kCoffee, kMeeting, kCall, kEmail, kMessage, kEvent, kNote };
// "coffee", "meeting", "call", "email", "message", "event", "note".
std::string_view InteractionKindName(InteractionKind kind);
std::optional<InteractionKind> ParseInteractionKind(std::string_view name);
// Kinds where you talk together (coffee, meeting, call, event): these carry a
// share of the talking and move a staged cadence past "meet for coffee?".
bool IsConversation(InteractionKind kind);
// Kinds that count as being in touch: everything but a note to yourself.
bool IsContactMade(InteractionKind kind);

struct InteractionId {
  std::int64_t value = 0;
  auto operator<=>(const InteractionId&) const = default;  // NOLINT(modernize-use-nullptr)
};

struct InteractionFields {
  ContactId contact;
  InteractionKind kind = InteractionKind::kNote;
  Date on;
  std::string summary;
  // How much of the talking the other person did, 0–100; empty when unknown.
  std::optional<int> they_talked;
  Visibility visibility = Visibility::kShared;
  bool operator==(const InteractionFields&) const = default;
};

struct Interaction : InteractionFields {
  InteractionId id;
  // The account that logged it; "" on a personal file or a database
  // without accounts. The store sets it from whom it acts as.
  std::string author{};
};

// Facts: what you learned about someone. Personal (neighbourhood, hometown,
// hobbies, family…) and professional (how they got into their work, current
// work, goals…). Keys are short lower-case words: "hometown", "goal".
enum class FactKind { kPersonal, kProfessional };
std::string_view FactKindName(FactKind kind);  // "personal", "professional"
std::optional<FactKind> ParseFactKind(std::string_view name);

struct FactId {
  std::int64_t value = 0;
  auto operator<=>(const FactId&) const = default;  // NOLINT(modernize-use-nullptr)
};

struct Fact {
  FactId id;
  ContactId contact;
  FactKind kind = FactKind::kPersonal;
  std::string key;
  std::string value;
  Date learned_on;
  std::optional<InteractionId> interaction;  // the meeting it came from
  Visibility visibility = Visibility::kShared;
  std::string author{};  // who recorded it, as Interaction::author; set by the store
  bool operator==(const Fact&) const = default;
};

// Parses "personal:hometown=Pilsen" / "professional:goal=Open a studio".
// kInvalidInput naming the problem: a kind that is neither, no "=", an empty
// key or value.
Result<Fact> ParseFactSpec(std::string_view spec);
// Keys are folded to lower case, spaces and dashes to underscores
// ("Current Work" -> "current_work"); kInvalidInput for an empty key.
Result<std::string> NormalizeFactKey(std::string_view key);

// kInvalidInput unless 0 <= percent <= 100: "--they-talked 140 is not a
// share between 0 and 100".
Status ValidateTalkShare(int percent);

enum class ReminderKind {
  kFollowUp,   // the day after you met: write to them
  kReconnect,  // the cadence says it is time to be in touch again
  kCustom,     // anything else: a promise you made, a date to remember
};
std::string_view ReminderKindName(ReminderKind kind);  // "follow-up", "reconnect", "custom"
std::optional<ReminderKind> ParseReminderKind(std::string_view name);

enum class ReminderState { kOpen, kDone, kDismissed };
std::string_view ReminderStateName(ReminderState state);  // "open", "done", "dismissed"
std::optional<ReminderState> ParseReminderState(std::string_view name);

struct ReminderId {
  std::int64_t value = 0;
  auto operator<=>(const ReminderId&) const = default;  // NOLINT(modernize-use-nullptr)
};

struct Reminder {
  ReminderId id;
  ContactId contact;
  ReminderKind kind = ReminderKind::kCustom;
  Date due;
  std::optional<Date> snoozed_until;  // shown again from this day
  std::string note;                   // what to do ("meet for coffee?")
  ReminderState state = ReminderState::kOpen;
  std::optional<Date> closed_on;
  std::optional<EventId> event;  // for a follow-up: where you met
  Date created_on;
  // Whose reminder it is: the relationship loop is each member's own, so
  // only this account sees it ("" as Interaction::author). Set by the store.
  std::string author{};
  bool operator==(const Reminder&) const = default;

  // The day the reminder shows: the snooze date when snoozed, else the due date.
  [[nodiscard]] Date ShowsOn() const { return snoozed_until.value_or(due); }
  // Days past the due date on `today` (0 when not yet due). Snoozing moves
  // when it shows, not how late it is.
  [[nodiscard]] std::int64_t DaysOverdue(Date today) const;
};

struct PostId {
  std::int64_t value = 0;
  auto operator<=>(const PostId&) const = default;  // NOLINT(modernize-use-nullptr)
};

// Your own posts (LinkedIn, a blog, a newsletter): people should know what
// you do.
struct PostFields {
  std::string channel;  // "linkedin", "blog", …
  std::string url;
  std::string topic;
  Date on;
  bool operator==(const PostFields&) const = default;
};

struct Post : PostFields {
  PostId id;
};

}  // namespace kith
