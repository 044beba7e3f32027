// kith's edits carried into a vCard a client sent, touching nothing else:
// the groups, labels, photos and X- lines a phone wrote stay byte for byte.
#pragma once

#include <string>
#include <string_view>

namespace kith {

// `stored` is the card as the client sent it; `kith_before` is kith's own
// vCard of the contact when it was stored, `kith_after` kith's vCard now
// (both from WriteVCard in the stored card's version). For each property
// whose lines differ between before and after, the stored lines of that
// property whose kith value is gone are removed (with their group's label
// lines), the ones still there are kept as the client wrote them, and the
// new values are added where that property was. Every other line is
// returned exactly as stored. Identical before and after return `stored`.
std::string PatchVCard(std::string_view stored, std::string_view kith_before, std::string_view kith_after);

// The VERSION of a single vCard ("3.0", "4.0"; "" when it has none).
std::string VCardVersionOf(std::string_view vcard);

}  // namespace kith
