// The day's agenda: everything due, and what to do about it.
#include <algorithm>
#include <unordered_map>

#include "app/give.h"
#include "app/relationship_support.h"
#include "app/relationships.h"

namespace kith {
namespace {

// Enough to fill a morning; the rest waits in `kith followup list` and co.
constexpr int kMostReminders = 200;
constexpr int kDriftingCandidates = 100;
constexpr int kDriftingShown = 5;
// In touch within this many days: not drifting, whatever the score says.
constexpr int kQuietDays = 30;
constexpr int kConnectShown = 5;
constexpr int kConnectWindowDays = 60;
// Enough to choose from at a glance; `kith match ID` lists them all.
constexpr int kPeoplePerOpportunity = 3;
constexpr int kDaysInYear = 365;

// People you were in touch with in the last year but not the last month,
// whose health has fallen below the drifting line, the weakest first. (Those
// with a reminder today are left to it by BuildAgenda.)
Result<std::vector<AgendaInput::Drifting>> Drifting(Context& context) {
  const Date today = context.clock.Today();
  KITH_ASSIGN_OR_RETURN(const auto ids,
                        context.store.LastInTouchBetween(today.AddDays(-kDaysInYear),
                                                         today.AddDays(-kQuietDays), kDriftingCandidates));
  KITH_ASSIGN_OR_RETURN(const auto activities, context.store.ActivityOf(ids, today.AddDays(-kDaysInYear)));
  std::vector<std::pair<ContactId, Health>> weak;
  for (const auto& activity : activities) {
    Health health = ComputeHealth(HealthInputFrom(activity), today);
    if (health.score < kDriftingBelow) weak.emplace_back(activity.contact, std::move(health));
  }
  std::sort(weak.begin(), weak.end(),
            [](const auto& a, const auto& b) { return a.second.score < b.second.score; });
  if (weak.size() > kDriftingShown) weak.resize(kDriftingShown);
  std::vector<ContactId> weak_ids;
  weak_ids.reserve(weak.size());
  for (const auto& candidate : weak) weak_ids.push_back(candidate.first);
  KITH_ASSIGN_OR_RETURN(const auto contacts, context.store.GetContacts(weak_ids));
  std::vector<AgendaInput::Drifting> drifting;
  for (std::size_t i = 0; i < contacts.size() && i < weak.size(); ++i) {
    drifting.push_back(
        {contacts[i].id, contacts[i].display_name, weak[i].second.score, weak[i].second.explanation});
  }
  return drifting;
}

}  // namespace

Result<DayAgenda> Today(Context& context) {
  const Date today = context.clock.Today();
  AgendaInput input;
  KITH_ASSIGN_OR_RETURN(const auto reminders,
                        context.store.OpenReminders(today, std::nullopt, kMostReminders));
  std::vector<ContactId> ids;
  for (const auto& reminder : reminders) ids.push_back(reminder.contact);
  KITH_ASSIGN_OR_RETURN(const auto contacts, context.store.ContactSummaries(ids));
  std::unordered_map<std::int64_t, ContactSummary> people;
  for (const auto& contact : contacts) people.emplace(contact.id.value, contact);
  std::unordered_map<std::int64_t, std::string> event_names;
  for (const auto& reminder : reminders) {
    const auto person = people.find(reminder.contact.value);
    if (person == people.end()) continue;
    AgendaInput::PersonReminder item{reminder, person->second.display_name, person->second.met_at,
                                     person->second.last_contact};
    if (reminder.event) {
      auto cached = event_names.find(reminder.event->value);
      if (cached == event_names.end()) {
        KITH_ASSIGN_OR_RETURN(const Event event, context.store.GetEvent(*reminder.event));
        cached = event_names.emplace(reminder.event->value, event.name).first;
      }
      item.event_name = cached->second;
    }
    input.reminders.push_back(std::move(item));
  }
  KITH_ASSIGN_OR_RETURN(input.drifting, Drifting(context));

  KITH_ASSIGN_OR_RETURN(const auto unconnected,
                        context.store.NotYetConnected(today.AddDays(-kConnectWindowDays), kConnectShown));
  KITH_ASSIGN_OR_RETURN(const auto to_connect, context.store.GetContacts(unconnected));
  for (const auto& contact : to_connect) {
    for (const auto& link : contact.links) {
      if (link.kind == LinkKind::kOther || link.connected || link.followed) continue;
      input.connect.push_back({contact.id, contact.display_name, link.kind, link.url});
      break;
    }
  }

  KITH_ASSIGN_OR_RETURN(const auto posts, context.store.ListPosts(1));
  if (!posts.empty()) input.last_post = posts.front().on;
  KITH_ASSIGN_OR_RETURN(input.post_every_days, PostingCadence(context));

  // Ranked once: the opportunities waiting, each with its first people.
  KITH_ASSIGN_OR_RETURN(auto offers, OpportunitiesToOffer(context, kPeoplePerOpportunity));
  for (const auto& offer : offers) input.opportunities_to_offer.push_back(offer.opportunity);

  DayAgenda agenda{today, {}};
  for (AgendaItem& item : BuildAgenda(input, today)) {
    DayAgendaEntry entry{std::move(item), std::nullopt};
    if (entry.item.opportunity) {
      const auto offer = std::find_if(offers.begin(), offers.end(), [&](const OpportunityToOffer& candidate) {
        return candidate.opportunity.id == *entry.item.opportunity;
      });
      if (offer != offers.end()) entry.offer = *offer;
    }
    // Name the people to offer each opportunity to: the line is then an action.
    if (entry.item.kind == AgendaItemKind::kOpportunity && entry.offer && !entry.offer->people.empty()) {
      std::string names;
      for (const auto& match : entry.offer->people) {
        names += (names.empty() ? "" : ", ") + match.contact.display_name;
      }
      entry.item.text += " — try " + names;
    }
    agenda.entries.push_back(std::move(entry));
  }
  return agenda;
}

}  // namespace kith
