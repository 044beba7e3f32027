#include "app/contacts.h"

#include "app/access.h"

namespace kith {

Result<Contact> RemoveContact(Context& context, ContactId id) {
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "move a card to the trash"));
  KITH_RETURN_IF_ERROR(context.store.TrashContact(id, context.clock.NowTimestamp()));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return context.store.GetContact(id);
}

Result<Contact> RestoreContact(Context& context, ContactId id) {
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "restore a card"));
  KITH_RETURN_IF_ERROR(context.store.RestoreContact(id, context.clock.NowTimestamp()));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return context.store.GetContact(id);
}

Result<std::int64_t> EmptyTrash(Context& context) {
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "empty the trash"));
  KITH_ASSIGN_OR_RETURN(const std::int64_t deleted, context.store.DeleteTrashedContacts());
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return deleted;
}

}  // namespace kith
