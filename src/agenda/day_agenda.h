// The day's agenda: what to do today, each line with the action to take.
// Pure: built from rows the app loaded, so the rules are tested by date.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/contact.h"
#include "domain/date.h"
#include "domain/give.h"
#include "domain/relationship.h"

namespace kith {

enum class AgendaItemKind {
  kFollowUp,    // a follow-up due or overdue
  kReconnect,   // a cadence says: be in touch
  kReminder,    // a custom reminder (a promise)
  kDrifting,    // a relationship whose health fell below kDriftingBelow
  kConnect,     // a profile is known but you are not connected
  kPost,        // you have been quiet: post something
  kOpportunity  // an open opportunity not yet offered to anyone
};
std::string_view AgendaItemKindName(AgendaItemKind kind);
// "follow-up", "reconnect", "reminder", "drifting", "connect", "post", "opportunity"

struct AgendaItem {
  AgendaItemKind kind = AgendaItemKind::kReminder;
  std::optional<ContactId> contact;
  std::string name;  // the person's name, or the opportunity's title
  std::optional<ReminderId> reminder;
  std::optional<OpportunityId> opportunity;
  Date due;
  std::int64_t days_overdue = 0;
  std::string text;    // "Follow up with Ada Okafor (met at RustConf) — 3 days overdue"
  std::string action;  // the command that does it: "kith followup draft 12"
};

struct AgendaInput {
  struct PersonReminder {
    Reminder reminder;
    std::string name;
    std::string event_name;            // for follow-ups
    std::optional<Date> last_contact;  // for reconnects: when you were last in touch
  };
  // Open, showing on or before today; any others are left out.
  std::vector<PersonReminder> reminders;
  struct Drifting {
    ContactId contact;
    std::string name;
    int health = 0;
    std::string why;
  };
  std::vector<Drifting> drifting;
  struct ConnectSuggestion {
    ContactId contact;
    std::string name;
    LinkKind kind = LinkKind::kOther;
    std::string url;
  };
  std::vector<ConnectSuggestion> connect;
  std::optional<Date> last_post;  // empty: you have never logged a post
  int post_every_days = 7;        // 0 or less: no posting nudge
  std::vector<Opportunity> opportunities_to_offer;
};

// Follow-ups first (most overdue first), then custom reminders and
// reconnects (each most overdue first), drifting people (weakest first, and
// only those without a reminder above), connect suggestions, the posting
// nudge (when the last post is `post_every_days` or more ago, or there is
// none), opportunities (nearest deadline first). Reminder lines end in "due
// today" or "N days overdue", counted from the due date even when snoozed.
// Actions, by id: "kith followup draft CONTACT", "kith remind done REMINDER",
// "kith log CONTACT --kind coffee", "kith brief CONTACT", "kith link CONTACT
// --linkedin URL --connected" (--followed for Twitter, Instagram, GitHub),
// "kith post add --channel linkedin --topic TOPIC", "kith match OPPORTUNITY"
// (or "kith opp close OPPORTUNITY" once its deadline has passed).
std::vector<AgendaItem> BuildAgenda(const AgendaInput& input, Date today);

}  // namespace kith
