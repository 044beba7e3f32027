// The fields address books write beyond kith's own that a PATCH sets
// outside ContactEdit: postal addresses, custom (raw) fields, and the
// TYPE/PREF/label of emails, phones and web addresses. Each key named replaces its field as a whole;
// keys not named leave theirs alone.
#pragma once

#include "domain/contact.h"
#include "domain/contact_edit.h"

namespace kith {

// Sets in `fields` (the card as it is) each card field `patch` names by its
// JSON key: "addresses"; "custom" (the raw fields, as a whole); "email_types" / "phone_types", which replace
// the types of every email / phone; "website_type", which replaces the type of the website (the one the patch
// sets, else the card's); and "links", whose items carry their own types (an item that says nothing of
// "types", "pref" or "label" keeps the type its URL had). Returns true when one of them changed.
bool ApplyCardFieldsPatch(const ContactPatch& patch, ContactFields& fields);

}  // namespace kith
