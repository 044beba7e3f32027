#include "app/transfer.h"
#include "domain/contact_merge.h"

namespace kith {

Result<Contact> MergeContacts(Context& context, ContactId keep, ContactId other) {
  if (keep == other) return Fail(ErrorCode::kInvalidInput, "a contact cannot be merged with itself", "id");
  KITH_ASSIGN_OR_RETURN(const Contact kept, context.store.GetContact(keep));
  KITH_ASSIGN_OR_RETURN(const Contact merged_away, context.store.GetContact(other));
  for (const Contact* contact : {&kept, &merged_away}) {
    if (contact->trashed_at) {
      return Fail(ErrorCode::kConflict,
                  "contact " + std::to_string(contact->id.value) + " (" + contact->display_name +
                      ") is in the trash: restore it first",
                  "id");
    }
  }
  const ContactFields fields = MergeFields(kept, merged_away);
  const std::string now = context.clock.NowTimestamp();
  KITH_ASSIGN_OR_RETURN(auto transaction, context.store.Begin());
  KITH_RETURN_IF_ERROR(context.store.UpdateContact(keep, fields, now));
  KITH_RETURN_IF_ERROR(context.store.MoveContactRecords(other, keep));
  KITH_RETURN_IF_ERROR(context.store.TrashContact(other, now));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return context.store.GetContact(keep);
}

}  // namespace kith
