// Relationship health per person, and the list ordered by it.
#include <algorithm>

#include "app/contacts.h"
#include "app/relationship_support.h"
#include "app/relationships.h"

namespace kith {
namespace {

constexpr int kDaysInYear = 365;
// The filtered list is read a page at a time to learn who is on it.
constexpr int kListPage = 1000;

// The activity of everyone the list's filters (tag, event) keep: everyone
// live when there are none.
Result<std::vector<ContactActivity>> ActivityOfListed(Context& context, const ListQuery& query, Date since) {
  if (query.tag.empty() && query.event.empty()) return context.store.ActivityOfEveryone(since);
  ListQuery page = query;
  page.sort = ListSort::kName;
  page.limit = kListPage;
  page.offset = 0;
  std::vector<ContactId> ids;
  for (;;) {
    KITH_ASSIGN_OR_RETURN(const auto contacts, context.store.ListContacts(page));
    for (const auto& contact : contacts) ids.push_back(contact.id);
    if (static_cast<int>(contacts.size()) < kListPage) break;
    page.offset += kListPage;
  }
  return context.store.ActivityOf(ids, since);
}

}  // namespace

Result<Health> HealthOf(Context& context, const Contact& contact) {
  const Date today = context.clock.Today();
  KITH_ASSIGN_OR_RETURN(const auto activity,
                        context.store.ActivityOf({contact.id}, today.AddDays(-kDaysInYear)));
  HealthInput input = HealthInputFrom(activity.front());
  // For one person the cadence can follow their whole history.
  KITH_ASSIGN_OR_RETURN(const CadenceInput cadence, CadenceInputFor(context, contact));
  input.cadence_days = EffectiveCadenceDays(cadence);
  return ComputeHealth(input, today);
}

Result<std::vector<ContactWithHealth>> ListByHealth(Context& context, const ListQuery& query) {
  if (query.trashed) {
    return Fail(ErrorCode::kInvalidInput, "the trash has no health to sort by: list it by name, met or added",
                "sort");
  }
  KITH_RETURN_IF_ERROR(ValidatePage(query));
  const Date today = context.clock.Today();
  // Health changes with the date, so it is computed, not stored: the
  // activity of everyone on the (filtered) list in one pass, then a partial
  // sort for the page.
  KITH_ASSIGN_OR_RETURN(const auto activities, ActivityOfListed(context, query, today.AddDays(-kDaysInYear)));
  std::vector<std::pair<int, std::size_t>> scores;
  scores.reserve(activities.size());
  for (std::size_t i = 0; i < activities.size(); ++i) {
    scores.emplace_back(ComputeHealth(HealthInputFrom(activities[i]), today).score, i);
  }
  const auto offset = static_cast<std::size_t>(std::max(0, query.offset));
  const auto end = std::min(scores.size(), offset + static_cast<std::size_t>(std::max(0, query.limit)));
  if (offset >= end) return std::vector<ContactWithHealth>();
  std::partial_sort(scores.begin(), scores.begin() + static_cast<std::ptrdiff_t>(end), scores.end());
  std::vector<ContactId> ids;
  for (std::size_t i = offset; i < end; ++i) ids.push_back(activities[scores[i].second].contact);
  KITH_ASSIGN_OR_RETURN(auto contacts, context.store.GetContacts(ids));
  std::vector<ContactWithHealth> page;
  for (std::size_t i = 0; i < contacts.size(); ++i) {
    const auto& activity = activities[scores[offset + i].second];
    page.push_back(
        ContactWithHealth{std::move(contacts[i]), ComputeHealth(HealthInputFrom(activity), today)});
  }
  return page;
}

Result<std::vector<ContactWithHealth>> WithHealth(Context& context, std::vector<Contact> contacts) {
  const Date today = context.clock.Today();
  std::vector<ContactId> ids;
  ids.reserve(contacts.size());
  for (const auto& contact : contacts) ids.push_back(contact.id);
  // One pass for the page, as ListByHealth does for everyone.
  KITH_ASSIGN_OR_RETURN(const auto activities, context.store.ActivityOf(ids, today.AddDays(-kDaysInYear)));
  std::vector<ContactWithHealth> page;
  page.reserve(contacts.size());
  for (std::size_t i = 0; i < contacts.size() && i < activities.size(); ++i) {
    page.push_back(
        ContactWithHealth{std::move(contacts[i]), ComputeHealth(HealthInputFrom(activities[i]), today)});
  }
  return page;
}

}  // namespace kith
