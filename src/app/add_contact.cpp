#include "app/contacts.h"
#include "app/prepare_fields.h"

namespace kith {

Result<Contact> AddContact(Context& context, ContactFields request) {
  KITH_RETURN_IF_ERROR(PrepareFields(request, context.phone_region));
  KITH_ASSIGN_OR_RETURN(auto transaction, context.store.Begin());
  KITH_ASSIGN_OR_RETURN(Contact contact,
                        context.store.InsertContact(request, NewUid(), context.clock.NowTimestamp()));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return contact;
}

}  // namespace kith
