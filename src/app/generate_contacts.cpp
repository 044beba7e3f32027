#include "app/contacts.h"
#include "app/prepare_fields.h"
#include "demo/network_generator.h"

namespace kith {

Result<std::int64_t> GenerateContacts(Context& context, std::int64_t count, std::uint64_t seed) {
  if (count < 1) return Fail(ErrorCode::kInvalidInput, "give a number of people of at least 1", "count");
  constexpr std::int64_t kBatch = 5000;
  demo::NetworkGenerator generator(seed);
  UidGenerator uids_for_batch;
  const Date today = context.clock.Today();
  const std::string now = context.clock.NowTimestamp();
  KITH_ASSIGN_OR_RETURN(auto transaction, context.store.Begin());
  std::vector<ContactFields> batch;
  std::vector<std::string> uids;
  for (std::int64_t done = 0; done < count;) {
    const std::int64_t size = std::min(kBatch, count - done);
    batch.clear();
    uids.clear();
    for (std::int64_t i = 0; i < size; ++i) {
      ContactFields fields = generator.Next(today);
      KITH_RETURN_IF_ERROR(PrepareFields(fields, context.phone_region));
      batch.push_back(std::move(fields));
      uids.push_back(uids_for_batch.Next());
    }
    KITH_RETURN_IF_ERROR(context.store.InsertContacts(batch, uids, now));
    done += size;
  }
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return count;
}

}  // namespace kith
