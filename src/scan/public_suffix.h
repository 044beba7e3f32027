// The public suffix list (publicsuffix.org, Debian's `publicsuffix`
// package): which endings of a host name are open to registration ("com",
// "co.uk", "com.au"), so that a domain read from a card can be checked for a
// real ending and split into the name its owner chose and that ending.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace kith::scan {

// Where Debian keeps the list.
inline constexpr const char* kPublicSuffixFile = "/usr/share/publicsuffix/public_suffix_list.dat";

// kIo when the list cannot be read (the message names the Debian package).
// Loaded once per process; later calls return the first answer.
Status LoadPublicSuffixes();

// The public suffix of `host` (lower case, no trailing dot) by the list's
// rules (longest match, wildcards and exceptions, ICANN section only): "co.uk"
// for "mail.acme.co.uk". nullopt when no rule matches, so the host does not end
// like any registrable domain, or the list is not loaded.
std::optional<std::string> PublicSuffixOf(std::string_view host);

// The label the owner registered, just left of the public suffix: "acme" for
// "www.acme.co.uk"; nullopt when the host is a bare suffix or has none.
std::optional<std::string> RegisteredLabel(std::string_view host);

// Whether `host` is a registrable name under a public suffix ("acme.fi" yes,
// "acme.xq" and "fi" no).
bool HasPublicSuffix(std::string_view host);

}  // namespace kith::scan
