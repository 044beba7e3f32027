// What a vCard property kith does not model becomes in another vCard
// version: kept lines are written back as they came when they are valid in
// the version written, and translated when they are not (vCard 2.1's bare
// types, 3.0's PROFILE and ENCODING=b, 4.0's RELATED and PREF=).
// Internal to formats/.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "formats/vcard_writer.h"

namespace kith {

// `line` (an unfolded content line, as the reader kept it) as it must be
// written in a vCard of `version`; nullopt when the property has no place
// there at all (2.1/3.0's PROFILE, NAME and MAILER in 4.0).
std::optional<std::string> KeptLineFor(std::string_view line, VCardVersion version);

}  // namespace kith
