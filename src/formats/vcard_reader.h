// vCard 2.1, 3.0 and 4.0 (RFC 2426, RFC 6350, RFC 6715) to contacts, streamed.
#pragma once

#include <istream>

#include "domain/result.h"
#include "formats/import_record.h"

namespace kith {

// Reads every BEGIN:VCARD … END:VCARD in `in`, one record per card.
// kParseError with the line: "line 40: BEGIN:VCARD on line 31 has no
// END:VCARD", "line 12: property line has no ':'", "line 3: text outside a
// vCard", "line 9: a property longer than 8 MiB …".
Status ReadVCards(std::istream& in, const RecordSink& sink);

}  // namespace kith
