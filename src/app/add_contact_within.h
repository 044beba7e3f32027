// AddContact's steps without its transaction, for an action that writes more
// beside the new person in the same transaction (a scanned card's photo).
// Internal to app/.
#pragma once

#include "app/context.h"
#include "domain/contact.h"
#include "domain/result.h"

namespace kith {

// Tidies and validates `request`, inserts the person and opens the next-day
// follow-up when they were met lately, inside the caller's transaction.
// Errors as AddContact.
Result<Contact> AddContactWithin(Context& context, ContactFields request);

}  // namespace kith
