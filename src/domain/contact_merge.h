// Two cards for one person become one, and nothing either said is lost.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "domain/contact.h"

namespace kith {

struct MergeId {
  std::int64_t value = 0;
  auto operator<=>(const MergeId&) const = default;  // NOLINT(modernize-use-nullptr)
};

// A merge as kith keeps it, so that it can be taken back: `other` went into
// `kept` and to the trash at `merged_at`; `undone_at` once it was undone.
struct Merge {
  MergeId id;
  ContactId kept;
  ContactId other;
  std::string merged_at;
  std::optional<std::string> undone_at;
};

// Folds `other` into `keep`:
// - a field `keep` leaves empty takes `other`'s value; where both have a
//   different value, `keep`'s stays and `other`'s is kept as a custom field
//   ("Other company: Initech");
// - lists are united (emails and tags case-insensitively, phones by E.164,
//   links by URL with their connected/followed flags combined);
// - met on and open since take the earlier date; notes are joined unless
//   one already contains the other.
ContactFields MergeFields(const ContactFields& keep, const ContactFields& other);

// A LinkedIn-style profile URL reduced to what identifies it: lower case,
// no scheme, no "www.", no query or trailing slash
// ("https://www.linkedin.com/in/Ada/" -> "linkedin.com/in/ada").
std::string ProfileKey(std::string_view url);

// A name for a card that has none: from an email's local part
// ("ada.okafor@x.org" -> "Ada Okafor"), else empty.
std::string NameFromEmail(std::string_view email);

}  // namespace kith
