// The fields address books write beyond kith's own (nickname, role, ORG's
// units, birthday and anniversary, postal addresses, the TYPE/PREF/label of
// emails and phones) as a PATCH sets them: each key named replaces its
// field as a whole; keys not named leave theirs alone.
#pragma once

#include "domain/contact.h"
#include "domain/contact_edit.h"

namespace kith {

// Sets in `fields` each card field `patch` names by its JSON key
// ("nickname", "role", "departments", "birthday", "anniversary",
// "addresses", and "email_types" / "phone_types", which replace the types
// of every email / phone). Returns true when one of them changed.
bool ApplyCardFieldsPatch(const ContactPatch& patch, ContactFields& fields);

}  // namespace kith
