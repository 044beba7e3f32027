#include "app/written_profiles.h"

#include <algorithm>
#include <functional>

#include "domain/contact_merge.h"

namespace kith {
namespace {

using Entry = std::pair<std::int64_t, std::uint64_t>;

bool IdBelow(const Entry& entry, std::int64_t id) { return entry.first < id; }

}  // namespace

std::string LinkedInProfileKey(const ContactFields& fields) {
  for (const auto& link : fields.links) {
    if (link.kind == LinkKind::kLinkedIn) return ProfileKey(link.url);
  }
  return std::string();
}

std::uint64_t WrittenProfiles::HashOf(const std::string& key) {
  if (key.empty()) return 0;
  const std::uint64_t hash = std::hash<std::string>{}(key);
  return hash == 0 ? 1 : hash;
}

void WrittenProfiles::Remember(ContactId id, const ContactFields& fields) {
  const Entry entry{id.value, HashOf(LinkedInProfileKey(fields))};
  if (profiles_.empty() || profiles_.back().first < id.value) {
    profiles_.push_back(entry);
    return;
  }
  const auto at = std::lower_bound(profiles_.begin(), profiles_.end(), id.value, IdBelow);
  if (at != profiles_.end() && at->first == id.value) {
    at->second = entry.second;
  } else {
    profiles_.insert(at, entry);
  }
}

void WrittenProfiles::Forget(ContactId id) {
  const auto at = std::lower_bound(profiles_.begin(), profiles_.end(), id.value, IdBelow);
  if (at != profiles_.end() && at->first == id.value) at->second = 0;
}

bool WrittenProfiles::HoldsOtherProfile(ContactId id, const std::string& profile_key) const {
  if (profile_key.empty()) return false;
  const auto at = std::lower_bound(profiles_.begin(), profiles_.end(), id.value, IdBelow);
  if (at == profiles_.end() || at->first != id.value || at->second == 0) return false;
  return HashOf(profile_key) != at->second;
}

}  // namespace kith
