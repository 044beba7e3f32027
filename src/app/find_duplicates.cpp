#include <algorithm>
#include <map>

#include "app/same_person.h"
#include "app/transfer.h"
#include "domain/validation.h"
#include "search/edit_distance.h"

namespace kith {
namespace {

// Shown at most: a list longer than this is worked through in rounds.
constexpr std::size_t kMostPairs = 500;

// Same family name at the same company is only a duplicate when the given
// names agree too: equal, one a prefix of the other ("Rob"/"Robert", "A."),
// or one typo apart.
bool SimilarGivenNames(const std::string& a, const std::string& b, Store& store) {
  const auto fold = [&](const std::string& name) {
    std::string folded;
    for (const auto& term : store.SearchTerms(name)) folded += term;
    return folded;
  };
  const std::string first = fold(a);
  const std::string second = fold(b);
  if (first.empty() || second.empty()) return first == second;
  if (first.starts_with(second) || second.starts_with(first)) return true;
  return EditDistance(first, second, 1) <= 1;
}

std::string Reason(const DuplicatePair& pair) {
  switch (pair.key) {
    case ContactKey::kEmail:
      return "same email " + pair.value;
    case ContactKey::kPhone:
      return "same phone " + pair.value;
    case ContactKey::kLinkUrl:
      return "same profile " + pair.value;
    case ContactKey::kName:
      return "similar name at " + pair.value;
    case ContactKey::kUid:
      return "same uid " + pair.value;
  }
  return "";
}

}  // namespace

Result<std::vector<LikelyDuplicate>> FindDuplicates(Context& context) {
  KITH_ASSIGN_OR_RETURN(const auto pairs, context.store.FindDuplicatePairs());
  std::map<std::pair<std::int64_t, std::int64_t>, std::vector<const DuplicatePair*>> by_pair;
  for (const auto& pair : pairs) by_pair[{pair.first.value, pair.second.value}].push_back(&pair);

  std::vector<LikelyDuplicate> found;
  for (const auto& [ids, reasons] : by_pair) {
    if (found.size() == kMostPairs) break;
    KITH_ASSIGN_OR_RETURN(auto contacts,
                          context.store.GetContacts({ContactId{ids.first}, ContactId{ids.second}}));
    if (contacts.size() != 2) continue;
    LikelyDuplicate duplicate{std::move(contacts[0]), std::move(contacts[1]), {}};
    for (const DuplicatePair* pair : reasons) {
      if (pair->key == ContactKey::kName &&
          !SimilarGivenNames(duplicate.first.given_name, duplicate.second.given_name, context.store)) {
        continue;
      }
      const bool shared_detail = pair->key == ContactKey::kEmail || pair->key == ContactKey::kPhone;
      if (shared_detail &&
          !NamesMayMatch(context.store, duplicate.first.display_name, duplicate.second.display_name)) {
        continue;  // colleagues on one office line
      }
      std::string reason = Reason(*pair);
      if (std::find(duplicate.reasons.begin(), duplicate.reasons.end(), reason) == duplicate.reasons.end()) {
        duplicate.reasons.push_back(std::move(reason));
      }
    }
    if (!duplicate.reasons.empty()) found.push_back(std::move(duplicate));
  }
  // Most reasons first: two cards sharing an email and a phone are surer
  // than two sharing a company and a family name.
  std::stable_sort(found.begin(), found.end(), [](const LikelyDuplicate& a, const LikelyDuplicate& b) {
    return a.reasons.size() > b.reasons.size();
  });
  return found;
}

}  // namespace kith
