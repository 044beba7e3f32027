// Contacts to vCard 4.0 (RFC 6350) or 3.0 (RFC 2426).
#pragma once

#include <ostream>

#include "domain/contact.h"

namespace kith {

enum class VCardVersion { k30, k40 };

// One BEGIN:VCARD … END:VCARD with CRLF line endings, lines folded at 75
// octets without splitting a UTF-8 character. Unknown properties the card
// was imported with are written back as they came.
void WriteVCard(const Contact& contact, VCardVersion version, std::ostream& out);

}  // namespace kith
