#include "app/contacts.h"

namespace kith {

Result<std::vector<Contact>> ListContacts(Context& context, const ListQuery& query) {
  if (query.limit < 1) return Fail(ErrorCode::kInvalidInput, "--limit must be at least 1", "limit");
  if (query.offset < 0) return Fail(ErrorCode::kInvalidInput, "--offset cannot be negative", "offset");
  return context.store.ListContacts(query);
}

Result<std::int64_t> CountContacts(Context& context, const ListQuery& query) {
  return context.store.CountContacts(query);
}

Result<std::vector<JobChange>> JobChangesOf(Context& context, ContactId id) {
  return context.store.JobChanges(id);
}

}  // namespace kith
