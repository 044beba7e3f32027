#include <algorithm>
#include <cctype>

#include "app/contacts.h"

namespace kith {

Result<ListOrder> ParseListOrder(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "name") return ListOrder::kName;
  if (lower == "met") return ListOrder::kMetOn;
  if (lower == "last-contact") return ListOrder::kLastContact;
  if (lower == "added") return ListOrder::kCreated;
  if (lower == "health") return ListOrder::kHealth;
  return Fail(ErrorCode::kInvalidInput,
              "sort '" + std::string(name) + "' should be name, met, last-contact, added or health", "sort");
}

std::optional<ListSort> StoredSort(ListOrder order) {
  switch (order) {
    case ListOrder::kName:
      return ListSort::kName;
    case ListOrder::kMetOn:
      return ListSort::kMetOn;
    case ListOrder::kLastContact:
      return ListSort::kLastContact;
    case ListOrder::kCreated:
      return ListSort::kCreated;
    case ListOrder::kHealth:
      return std::nullopt;
  }
  return std::nullopt;
}

Status ValidatePage(const ListQuery& query) {
  if (query.limit < 1) return Fail(ErrorCode::kInvalidInput, "--limit must be at least 1", "limit");
  if (query.offset < 0) return Fail(ErrorCode::kInvalidInput, "--offset cannot be negative", "offset");
  return Ok();
}

Result<std::vector<Contact>> ListContacts(Context& context, const ListQuery& query) {
  KITH_RETURN_IF_ERROR(ValidatePage(query));
  return context.store.ListContacts(query);
}

Result<std::vector<ContactSummary>> ListContactLines(Context& context, const ListQuery& query) {
  KITH_RETURN_IF_ERROR(ValidatePage(query));
  KITH_ASSIGN_OR_RETURN(const auto ids, context.store.ListContactIds(query));
  return context.store.ContactSummaries(ids);
}

Result<std::int64_t> CountContacts(Context& context, const ListQuery& query) {
  return context.store.CountContacts(query);
}

Result<std::vector<JobChange>> JobChangesOf(Context& context, ContactId id) {
  return context.store.JobChanges(id);
}

}  // namespace kith
