// Relationship health per person, and the list ordered by it.
#include <algorithm>
#include <iterator>

#include "agenda/health.h"
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

// The stored scores are renewed this many at a time.
constexpr int kScoredPerBatch = 10000;
// Asked as of a day before any score was stored, StaleHealth names only the
// people marked (written to) or never scored, and WeakestStoredHealth takes
// every stored score that no write has made stale, aged ones included.
constexpr Date kBeforeAnyScore{1970, 1, 1};

bool WeakerFirst(const StoredHealth& left, const StoredHealth& right) {
  return left.score != right.score ? left.score < right.score : left.contact.value < right.contact.value;
}

// The score of each of `ids` on `today`, with the day it may change.
Result<std::vector<StoredHealth>> ScoresOn(Context& context, const std::vector<ContactId>& ids, Date today) {
  KITH_ASSIGN_OR_RETURN(const auto activities, context.store.ActivityOf(ids, today.AddDays(-kDaysInYear)));
  std::vector<StoredHealth> scores;
  scores.reserve(activities.size());
  for (const auto& activity : activities) {
    const HealthInput input = HealthInputFrom(activity);
    scores.push_back(StoredHealth{activity.contact, HealthScore(input, today),
                                  HealthChangesOn(input, today, activity.oldest_contact_since)});
  }
  return scores;
}

// The people ranked [offset, end) with their whole health.
Result<std::vector<ContactWithHealth>> PageOf(Context& context, const std::vector<StoredHealth>& ranked,
                                              std::size_t offset, std::size_t end) {
  std::vector<ContactId> ids;
  for (std::size_t i = offset; i < std::min(end, ranked.size()); ++i) ids.push_back(ranked[i].contact);
  KITH_ASSIGN_OR_RETURN(auto contacts, context.store.GetContacts(ids));
  return WithHealth(context, std::move(contacts));
}

// Everyone on the (filtered) list scored now, in one pass: the way when
// the stored scores cannot serve (many unscored, or the clock went back).
Result<std::vector<ContactWithHealth>> RankedFromScratch(Context& context, const ListQuery& query,
                                                         Date today) {
  KITH_ASSIGN_OR_RETURN(const auto activities, ActivityOfListed(context, query, today.AddDays(-kDaysInYear)));
  std::vector<StoredHealth> scores;
  scores.reserve(activities.size());
  for (const auto& activity : activities) {
    scores.push_back(StoredHealth{activity.contact, HealthScore(HealthInputFrom(activity), today), {}});
  }
  const auto end =
      std::min(scores.size(), static_cast<std::size_t>(query.offset) + static_cast<std::size_t>(query.limit));
  const auto offset = std::min(end, static_cast<std::size_t>(query.offset));
  std::partial_sort(scores.begin(), scores.begin() + static_cast<std::ptrdiff_t>(end), scores.end(),
                    WeakerFirst);
  return PageOf(context, scores, offset, end);
}

// The page [offset, end) of the walk of the stored scores valid on
// `valid_on`, with `to_score` (the stale people among them) scored on
// `today` and merged in.
Result<std::vector<ContactWithHealth>> RankedWithStored(Context& context, const ListQuery& query, Date today,
                                                        const std::vector<ContactId>& to_score,
                                                        Date valid_on) {
  KITH_ASSIGN_OR_RETURN(auto fresh, ScoresOn(context, to_score, today));
  const auto end = static_cast<std::size_t>(query.offset) + static_cast<std::size_t>(query.limit);
  KITH_ASSIGN_OR_RETURN(const auto stored,
                        context.store.WeakestStoredHealth(query, valid_on, static_cast<int>(end)));
  std::sort(fresh.begin(), fresh.end(), WeakerFirst);
  std::vector<StoredHealth> ranked;
  ranked.reserve(stored.size() + fresh.size());
  std::merge(stored.begin(), stored.end(), fresh.begin(), fresh.end(), std::back_inserter(ranked),
             WeakerFirst);
  return PageOf(context, ranked, static_cast<std::size_t>(query.offset), end);
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

Result<Health> HealthOf(Context& context, ContactId id) {
  KITH_ASSIGN_OR_RETURN(const Contact contact, context.store.GetContact(id));
  return HealthOf(context, contact);
}

Status RefreshHealth(Context& context, const std::function<bool()>& stop) {
  const Date today = context.clock.Today();
  const ListQuery everyone;
  while (!stop || !stop()) {
    // One transaction per batch, reading and storing together, so no write
    // lands between a score's inputs and its storing, and a write waiting
    // meanwhile waits for one batch only.
    KITH_ASSIGN_OR_RETURN(auto transaction, context.store.Begin());
    KITH_ASSIGN_OR_RETURN(const auto stale, context.store.StaleHealth(everyone, today, kScoredPerBatch));
    if (stale.empty()) return transaction.Commit();
    KITH_ASSIGN_OR_RETURN(const auto scores, ScoresOn(context, stale, today));
    KITH_RETURN_IF_ERROR(context.store.SaveHealth(scores, today));
    KITH_RETURN_IF_ERROR(transaction.Commit());
  }
  return Ok();
}

Result<std::vector<ContactWithHealth>> ListByHealth(Context& context, const ListQuery& query,
                                                    int most_scored_on_read) {
  if (query.trashed) {
    return Fail(ErrorCode::kInvalidInput, "the trash has no health to sort by: list it by name, met or added",
                "sort");
  }
  KITH_RETURN_IF_ERROR(ValidatePage(query));
  const Date today = context.clock.Today();
  // Scores stored for a later day than today can be lower than today's
  // (the clock went back): rank from scratch.
  KITH_ASSIGN_OR_RETURN(const auto scored_on, context.store.HealthScoredOn());
  if (scored_on && today < *scored_on) return RankedFromScratch(context, query, today);
  if (context.store.Writable()) KITH_RETURN_IF_ERROR(RefreshHealth(context));
  // A reader (the server's) cannot store: it scores the few stale people
  // itself and merges them into the walk of the stored scores.
  const auto budget = static_cast<std::size_t>(std::max(most_scored_on_read, 0));
  KITH_ASSIGN_OR_RETURN(const auto stale, context.store.StaleHealth(query, today, most_scored_on_read + 1));
  if (stale.size() <= budget) return RankedWithStored(context, query, today, stale, today);
  // Too many to score for one page. People written to or never scored (a
  // large import) have no score to go by: rank everyone from scratch. When
  // most only aged (a new day on a large network: 83,782 of 1,000,000 people
  // with 5M interactions, where ranking everyone took 100 s a request while
  // the upkeep renewed them in 9 CPU s, BENCHMARKS.md), rank by their scores
  // as stored until the upkeep has renewed them; the health shown on the
  // page is still today's.
  KITH_ASSIGN_OR_RETURN(const auto marked,
                        context.store.StaleHealth(query, kBeforeAnyScore, most_scored_on_read + 1));
  if (marked.size() > budget) return RankedFromScratch(context, query, today);
  return RankedWithStored(context, query, today, marked, kBeforeAnyScore);
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
