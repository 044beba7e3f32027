#include "app/access.h"
#include "app/add_contact_within.h"
#include "app/contacts.h"
#include "app/prepare_fields.h"
#include "app/relationship_support.h"
#include "domain/value_qualifiers.h"

namespace kith {

Result<Contact> AddContactWithin(Context& context, ContactFields request) {
  // Each type must qualify a value the card has, however it was typed.
  const std::vector<ValueType> types = std::move(request.value_types);
  request.value_types.clear();
  KITH_RETURN_IF_ERROR(SetValueTypes(request, types));
  KITH_RETURN_IF_ERROR(PrepareFields(request, context.phone_region));
  // "Open to opportunities" expires unless confirmed, so it needs a start.
  if (request.open_to_opportunities && !request.open_since) request.open_since = context.clock.Today();
  KITH_ASSIGN_OR_RETURN(Contact contact, context.store.InsertContact(request, NewUid(context.clock),
                                                                     context.clock.NowTimestamp()));
  // Someone you just met gets the next-day follow-up (habit 1).
  KITH_RETURN_IF_ERROR(ScheduleFollowUpWithin(context, contact));
  return contact;
}

Result<Contact> AddContact(Context& context, ContactFields request) {
  KITH_ASSIGN_OR_RETURN(auto transaction, BeginWrite(context, "add a card"));
  KITH_ASSIGN_OR_RETURN(Contact contact, AddContactWithin(context, std::move(request)));
  KITH_RETURN_IF_ERROR(transaction.Commit());
  return contact;
}

}  // namespace kith
