#include <algorithm>
#include <optional>
#include <stop_token>
#include <thread>
#include <utility>
#include <vector>

#include "app/access.h"
#include "app/contacts.h"
#include "app/prepare_fields.h"
#include "app/relationship_support.h"
#include "demo/network_generator.h"
#include "domain/bounded_queue.h"
#include "domain/quiet_thread.h"

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

// Makes and tidies the people on a thread of its own while the caller
// writes the batch made before: the writing is the slow part and keeps one
// core busy, and a person's phone numbers alone (libphonenumber) cost a
// sixth of it on the same thread. The people come out in the order one
// thread would make them, so a seed gives the same network; the generator
// is the caller's again once Finish returns.
class PeopleMaker {
 public:
  PeopleMaker(demo::NetworkGenerator& generator, std::int64_t count, Date today, std::string phone_region)
      : generator_(generator), count_(count), today_(today), phone_region_(std::move(phone_region)) {}
  PeopleMaker(const PeopleMaker&) = delete;
  PeopleMaker& operator=(const PeopleMaker&) = delete;

  void Start() {
    thread_ = StartStoppableThreadWithoutSignals([this](const std::stop_token& stop) {
      made_ = Make(stop);
      batches_.Close();
    });
  }

  // The next batch in order; nullopt once the making has ended.
  std::optional<std::vector<ContactFields>> Next() { return batches_.Pop(); }

  // After Next gave nullopt: whether every person was made.
  Status Finish() {
    thread_.join();
    return std::move(made_);
  }

 private:
  Status Make(const std::stop_token& stop) {
    for (std::int64_t done = 0; done < count_;) {
      const std::int64_t size = std::min(kBatch, count_ - done);
      std::vector<ContactFields> batch;
      batch.reserve(static_cast<std::size_t>(size));
      for (std::int64_t i = 0; i < size; ++i) {
        ContactFields fields = generator_.Next(today_);
        KITH_RETURN_IF_ERROR(PrepareFields(fields, phone_region_));
        batch.push_back(std::move(fields));
      }
      if (!batches_.Push(std::move(batch), stop)) {
        return Fail(ErrorCode::kInternal, "the generation stopped writing");  // the writer has its own error
      }
      done += size;
    }
    return Ok();
  }

  demo::NetworkGenerator& generator_;
  const std::int64_t count_;
  const Date today_;
  const std::string phone_region_;
  BoundedQueue<std::vector<ContactFields>> batches_{kBatchesAhead};
  Status made_ = Fail(ErrorCode::kInternal, "no people were made");
  std::jthread thread_;  // last: stopped and joined before the members it uses go
};

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
    PeopleMaker maker(generator, count, context.clock.Today(), context.phone_region);
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
