#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "app/access.h"
#include "app/contacts.h"
#include "app/prepare_fields.h"
#include "app/relationship_support.h"
#include "demo/network_generator.h"
#include "domain/producer_thread.h"

namespace kith {
namespace {

// A demo network comes with a little history, so a new user's Today shows
// the loop at once: a few people met at a conference yesterday (follow-ups
// due today) and some you had coffee with months ago, a few of them on a
// monthly cadence (reconnects due, and drifting).
constexpr std::int64_t kMetYesterday = 5;
constexpr std::int64_t kMostCoffees = 30;
constexpr std::int64_t kOnCadence = 4;
constexpr int kCadenceDays = 30;

Status MeetYesterday(Context& context, const std::vector<ContactId>& people, const EventFields& event,
                     const std::string& now) {
  for (const ContactId id : people) {
    KITH_ASSIGN_OR_RETURN(Contact contact, context.store.GetContact(id));
    contact.met_at = event.name;
    contact.met_on = event.on;
    KITH_RETURN_IF_ERROR(context.store.UpdateContact(id, contact, now));
    KITH_ASSIGN_OR_RETURN(const auto follow_up, ScheduleFollowUpWithin(context, contact));
    (void)follow_up;
  }
  return Ok();
}

Status HadCoffee(Context& context, ContactId id, Date on, bool on_cadence) {
  InteractionFields coffee;
  coffee.contact = id;
  coffee.kind = InteractionKind::kCoffee;
  coffee.on = on;
  KITH_ASSIGN_OR_RETURN(const Interaction stored, context.store.InsertInteraction(coffee));
  (void)stored;
  KITH_RETURN_IF_ERROR(context.store.SetLastContact(id, on));
  if (!on_cadence) return Ok();
  KITH_RETURN_IF_ERROR(context.store.SetCadence(id, kCadenceDays));
  KITH_ASSIGN_OR_RETURN(const Contact contact, context.store.GetContact(id));
  KITH_ASSIGN_OR_RETURN(const auto reconnect, PlanReconnectWithin(context, contact));
  (void)reconnect;
  return Ok();
}

Status AddDemoHistory(Context& context, demo::NetworkGenerator& generator, const std::vector<ContactId>& ids,
                      std::uint64_t seed, const std::string& now) {
  const Date today = context.clock.Today();
  const auto count = static_cast<std::int64_t>(ids.size());
  const std::int64_t met = std::min(kMetYesterday, count);
  const std::vector<ContactId> newest(ids.end() - met, ids.end());
  KITH_RETURN_IF_ERROR(MeetYesterday(context, newest, generator.RecentEvent(today), now));
  // Coffees spread over the rest of the list, 40 to 240 days ago.
  const std::int64_t coffees = std::min(kMostCoffees, (count - met) / 10);
  demo::Random random(seed ^ 0xc0ffeeULL);
  for (std::int64_t i = 0; i < coffees; ++i) {
    const ContactId id = ids[static_cast<std::size_t>(i * (count - met) / coffees)];
    const Date on = today.AddDays(-40 - static_cast<std::int64_t>(random.Below(200)));
    KITH_RETURN_IF_ERROR(HadCoffee(context, id, on, i < kOnCadence));
  }
  return Ok();
}

constexpr std::int64_t kBatch = 5000;
// Batches the maker may be ahead by: one ready while one is written.
constexpr std::size_t kBatchesAhead = 2;

using PeopleMaker = ProducerThread<std::vector<ContactFields>, Status>;

// Makes and tidies `count` people a batch at a time, on a thread of their
// own (PeopleMaker) while the caller writes the batch made before: the
// writing is the slow part and keeps one core busy, and a person's phone
// numbers alone (libphonenumber) cost a sixth of it on the same thread. One
// thread makes them in order, so a seed gives the same network; the
// generator is the caller's again once the maker has finished.
Status MakePeople(demo::NetworkGenerator& generator, std::int64_t count, Date today,
                  const std::string& phone_region, const PeopleMaker::HandOver& hand_over) {
  for (std::int64_t done = 0; done < count;) {
    const std::int64_t size = std::min(kBatch, count - done);
    std::vector<ContactFields> batch;
    batch.reserve(static_cast<std::size_t>(size));
    for (std::int64_t i = 0; i < size; ++i) {
      ContactFields fields = generator.Next(today);
      KITH_RETURN_IF_ERROR(PrepareFields(fields, phone_region));
      batch.push_back(std::move(fields));
    }
    if (!hand_over(std::move(batch))) {
      return Fail(ErrorCode::kInternal, "the generation stopped writing");  // the writer has its own error
    }
    done += size;
  }
  return Ok();
}

}  // namespace

Result<std::int64_t> GenerateContacts(Context& context, std::int64_t count, std::uint64_t seed) {
  if (count < 1) return Fail(ErrorCode::kInvalidInput, "give a number of people of at least 1", "count");
  demo::NetworkGenerator generator(seed);
  UidGenerator uids_for_batch(context.clock);
  const std::string now = context.clock.NowTimestamp();
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginBulkWrite(context, "add generated cards"));
  std::vector<ContactId> ids;
  ids.reserve(static_cast<std::size_t>(count));
  {
    PeopleMaker maker(
        kBatchesAhead,
        [&, today = context.clock.Today()](const PeopleMaker::HandOver& hand_over) {
          return MakePeople(generator, count, today, context.phone_region, hand_over);
        },
        Fail(ErrorCode::kInternal, "no people were made"));
    maker.Start();
    std::vector<std::string> uids;
    while (std::optional<std::vector<ContactFields>> batch = maker.Next()) {
      uids.clear();
      for (std::size_t i = 0; i < batch->size(); ++i) uids.push_back(uids_for_batch.Next());
      KITH_ASSIGN_OR_RETURN(const auto added, context.store.InsertContacts(*batch, uids, now));
      ids.insert(ids.end(), added.begin(), added.end());
    }
    KITH_RETURN_IF_ERROR(maker.Finish());
  }
  KITH_RETURN_IF_ERROR(AddDemoHistory(context, generator, ids, seed, now));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return count;
}

}  // namespace kith
