#include "agenda/day_agenda.h"

#include <algorithm>
#include <iterator>
#include <set>

#include "agenda/health.h"

namespace kith {
namespace {

using PersonReminder = AgendaInput::PersonReminder;

std::string Counted(std::int64_t count, std::string_view noun) {
  std::string text = std::to_string(count) + " " + std::string(noun);
  if (count != 1) text += "s";
  return text;
}

std::string Timing(std::int64_t days_overdue) {
  return days_overdue > 0 ? Counted(days_overdue, "day") + " overdue" : "due today";
}

std::string Id(std::int64_t value) { return std::to_string(value); }

// URLs carry "?" and "&", which a shell would take for its own: quote
// anything beyond the plainly safe so the action can be pasted as is.
std::string ShellQuoted(std::string_view text) {
  const bool safe = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("_-./:@%+=,").find(c) != std::string_view::npos;
  });
  if (safe) return std::string(text);
  std::string quoted = "'";
  for (const char c : text) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

bool ShowsToday(const PersonReminder& entry, Date today) {
  return entry.reminder.state == ReminderState::kOpen && entry.reminder.ShowsOn() <= today;
}

std::string ReminderText(const PersonReminder& entry, Date today) {
  const Reminder& reminder = entry.reminder;
  std::string text;
  switch (reminder.kind) {
    case ReminderKind::kFollowUp:
      text = "Follow up with " + entry.name;
      if (!entry.event_name.empty()) text += " (met at " + entry.event_name + ")";
      break;
    case ReminderKind::kReconnect:
      text = "Reconnect with " + entry.name;
      if (!reminder.note.empty()) text += ": " + reminder.note;
      if (entry.last_contact)
        text += " (last in touch " + DaysAgo(DaysBetween(*entry.last_contact, today)) + ")";
      break;
    case ReminderKind::kCustom:
      text = reminder.note.empty() ? "Reminder about " + entry.name : entry.name + ": " + reminder.note;
      break;
  }
  return text + " — " + Timing(reminder.DaysOverdue(today));
}

std::string ReminderAction(const Reminder& reminder) {
  switch (reminder.kind) {
    case ReminderKind::kFollowUp:
      return "kith followup draft " + Id(reminder.contact.value);
    case ReminderKind::kReconnect:
      return "kith log " + Id(reminder.contact.value) + " --kind coffee";
    case ReminderKind::kCustom:
      break;
  }
  return "kith remind done " + Id(reminder.id.value);
}

AgendaItemKind ItemKindOf(ReminderKind kind) {
  switch (kind) {
    case ReminderKind::kFollowUp:
      return AgendaItemKind::kFollowUp;
    case ReminderKind::kReconnect:
      return AgendaItemKind::kReconnect;
    case ReminderKind::kCustom:
      break;
  }
  return AgendaItemKind::kReminder;
}

AgendaItem ReminderItem(const PersonReminder& entry, Date today) {
  AgendaItem item;
  item.kind = ItemKindOf(entry.reminder.kind);
  item.contact = entry.reminder.contact;
  item.name = entry.name;
  item.reminder = entry.reminder.id;
  item.due = entry.reminder.due;
  item.days_overdue = entry.reminder.DaysOverdue(today);
  item.text = ReminderText(entry, today);
  item.action = ReminderAction(entry.reminder);
  return item;
}

// One kind of reminder, the longest overdue first.
std::vector<AgendaItem> ReminderItems(const AgendaInput& input, ReminderKind kind, Date today) {
  std::vector<AgendaItem> items;
  for (const auto& entry : input.reminders) {
    if (entry.reminder.kind == kind && ShowsToday(entry, today)) items.push_back(ReminderItem(entry, today));
  }
  std::stable_sort(items.begin(), items.end(), [](const AgendaItem& left, const AgendaItem& right) {
    if (left.due != right.due) return left.due < right.due;
    return left.name < right.name;
  });
  return items;
}

AgendaItem DriftingItem(const AgendaInput::Drifting& person, Date today) {
  AgendaItem item;
  item.kind = AgendaItemKind::kDrifting;
  item.contact = person.contact;
  item.name = person.name;
  item.due = today;
  item.text = person.name + " is drifting (health " + std::to_string(person.health) + ")";
  if (!person.why.empty()) item.text += ": " + person.why;
  item.action = "kith brief " + Id(person.contact.value);
  return item;
}

// A person who already has a reminder today needs no second line saying
// the same thing in other words.
std::vector<AgendaItem> DriftingItems(const AgendaInput& input, const std::set<ContactId>& already_listed,
                                      Date today) {
  std::vector<const AgendaInput::Drifting*> people;
  for (const auto& person : input.drifting) {
    if (person.health < kDriftingBelow && !already_listed.contains(person.contact)) people.push_back(&person);
  }
  std::stable_sort(people.begin(), people.end(), [](const auto* left, const auto* right) {
    if (left->health != right->health) return left->health < right->health;
    return left->name < right->name;
  });
  std::vector<AgendaItem> items;
  items.reserve(people.size());
  for (const auto* person : people) items.push_back(DriftingItem(*person, today));
  return items;
}

std::string_view NetworkName(LinkKind kind) {
  switch (kind) {
    case LinkKind::kLinkedIn:
      return "LinkedIn";
    case LinkKind::kTwitter:
      return "Twitter/X";
    case LinkKind::kFacebook:
      return "Facebook";
    case LinkKind::kInstagram:
      return "Instagram";
    case LinkKind::kGitHub:
      return "GitHub";
    case LinkKind::kOther:
      break;
  }
  return "";
}

// Networks where you follow rather than connect (Link::followed).
bool IsFollowed(LinkKind kind) {
  return kind == LinkKind::kTwitter || kind == LinkKind::kInstagram || kind == LinkKind::kGitHub;
}

AgendaItem ConnectItem(const AgendaInput::ConnectSuggestion& suggestion, Date today) {
  AgendaItem item;
  item.kind = AgendaItemKind::kConnect;
  item.contact = suggestion.contact;
  item.name = suggestion.name;
  item.due = today;
  const bool followed = IsFollowed(suggestion.kind);
  const std::string_view network = NetworkName(suggestion.kind);
  item.text = (followed ? "Follow " : "Connect with ") + suggestion.name;
  item.text += network.empty() ? ": " + suggestion.url : " on " + std::string(network);
  item.action = "kith link " + Id(suggestion.contact.value) + " --" +
                std::string(LinkKindName(suggestion.kind)) + " " + ShellQuoted(suggestion.url) +
                (followed ? " --followed" : " --connected");
  return item;
}

std::optional<AgendaItem> PostItem(const AgendaInput& input, Date today) {
  if (input.post_every_days <= 0) return std::nullopt;
  AgendaItem item;
  item.kind = AgendaItemKind::kPost;
  item.due = today;
  item.text = "Share what you're working on, so people know what you do — no post logged yet";
  if (input.last_post) {
    const std::int64_t quiet_days = DaysBetween(*input.last_post, today);
    if (quiet_days < input.post_every_days) return std::nullopt;
    item.due = input.last_post->AddDays(input.post_every_days);
    item.days_overdue = DaysBetween(item.due, today);
    item.text = "Share what you're working on — your last post was " + DaysAgo(quiet_days);
  }
  item.action = "kith post add --channel linkedin --topic TOPIC";
  return item;
}

AgendaItem OpportunityItem(const Opportunity& opportunity, Date today) {
  AgendaItem item;
  item.kind = AgendaItemKind::kOpportunity;
  item.name = opportunity.title;
  item.opportunity = opportunity.id;
  item.due = opportunity.deadline.value_or(today);
  const std::string title = "“" + opportunity.title + "”";
  const std::string id = Id(opportunity.id.value);
  item.text = "Offer " + title + " to someone it would help";
  item.action = "kith match " + id;
  if (!opportunity.deadline) return item;
  const std::int64_t days_left = DaysBetween(today, *opportunity.deadline);
  if (days_left < 0) {
    // Nobody can take it up any more; what is left to do is close it.
    item.days_overdue = -days_left;
    item.text = title + " — the deadline passed " + DaysAgo(-days_left) + ": close it?";
    item.action = "kith opp close " + id;
  } else {
    item.text += days_left == 0 ? " (deadline today)" : " (by " + opportunity.deadline->ToIso() + ")";
  }
  return item;
}

// Those with a deadline first, the nearest first; those without keep the
// order they came in.
std::vector<AgendaItem> OpportunityItems(const AgendaInput& input, Date today) {
  std::vector<const Opportunity*> opportunities;
  for (const auto& opportunity : input.opportunities_to_offer) opportunities.push_back(&opportunity);
  std::stable_sort(opportunities.begin(), opportunities.end(),
                   [](const Opportunity* left, const Opportunity* right) {
                     if (left->deadline.has_value() != right->deadline.has_value())
                       return left->deadline.has_value();
                     return left->deadline < right->deadline;
                   });
  std::vector<AgendaItem> items;
  items.reserve(opportunities.size());
  for (const auto* opportunity : opportunities) items.push_back(OpportunityItem(*opportunity, today));
  return items;
}

void Append(std::vector<AgendaItem>& agenda, std::vector<AgendaItem> items) {
  agenda.insert(agenda.end(), std::make_move_iterator(items.begin()), std::make_move_iterator(items.end()));
}

}  // namespace

std::string_view AgendaItemKindName(AgendaItemKind kind) {
  switch (kind) {
    case AgendaItemKind::kFollowUp:
      return "follow-up";
    case AgendaItemKind::kReconnect:
      return "reconnect";
    case AgendaItemKind::kReminder:
      return "reminder";
    case AgendaItemKind::kDrifting:
      return "drifting";
    case AgendaItemKind::kConnect:
      return "connect";
    case AgendaItemKind::kPost:
      return "post";
    case AgendaItemKind::kOpportunity:
      return "opportunity";
  }
  return "reminder";
}

std::vector<AgendaItem> BuildAgenda(const AgendaInput& input, Date today) {
  std::vector<AgendaItem> agenda;
  Append(agenda, ReminderItems(input, ReminderKind::kFollowUp, today));
  Append(agenda, ReminderItems(input, ReminderKind::kCustom, today));
  Append(agenda, ReminderItems(input, ReminderKind::kReconnect, today));
  std::set<ContactId> already_listed;
  for (const auto& item : agenda) already_listed.insert(*item.contact);
  Append(agenda, DriftingItems(input, already_listed, today));
  for (const auto& suggestion : input.connect) agenda.push_back(ConnectItem(suggestion, today));
  if (auto post = PostItem(input, today)) agenda.push_back(std::move(*post));
  Append(agenda, OpportunityItems(input, today));
  return agenda;
}

}  // namespace kith
