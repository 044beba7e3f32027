// What an import remembers of the cards it wrote, so that telling a row
// from its namesakes does not read their cards back.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "domain/contact.h"

namespace kith {

// The key of the first LinkedIn profile among `fields`' links (ProfileKey),
// or empty when there is none.
std::string LinkedInProfileKey(const ContactFields& fields);

// The LinkedIn profile of each card an import wrote, by id: in a large
// network most new rows have namesakes at the same company, each a person of
// their own by their profile, and reading every namesake's card to see that
// made the import slower with every row it wrote. Kept as a hash (16 bytes a
// card): a different hash is a different profile for certain; the same hash
// is checked on the card itself.
class WrittenProfiles {
 public:
  // The card `id` was written with `fields`.
  void Remember(ContactId id, const ContactFields& fields);
  // The card `id` was written again: its profile is no longer known here.
  void Forget(ContactId id);
  // True when the card `id` is known to hold a LinkedIn profile other than
  // the one of `profile_key` (LinkedInProfileKey), so it is another person;
  // false when it may be the same person, or when this import did not write it.
  [[nodiscard]] bool HoldsOtherProfile(ContactId id, const std::string& profile_key) const;

 private:
  // 0 stands for "no profile or not known"; a key's hash is never 0.
  static std::uint64_t HashOf(const std::string& key);

  // (id, hash), ascending by id: an import's new ids come in order.
  std::vector<std::pair<std::int64_t, std::uint64_t>> profiles_;
};

}  // namespace kith
