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
    std::string event_name;  // for follow-ups
  };
  std::vector<PersonReminder> reminders;  // open, showing on or before today
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
  int post_every_days = 7;
  std::vector<Opportunity> opportunities_to_offer;
};

// Follow-ups first (most overdue first), then custom reminders, reconnects,
// drifting people, connect suggestions, the posting nudge (when the last post
// is `post_every_days` or more ago, or there is none), opportunities.
std::vector<AgendaItem> BuildAgenda(const AgendaInput& input, Date today);

}  // namespace kith
