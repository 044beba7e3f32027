#include <algorithm>
#include <map>
#include <unordered_map>

#include "app/same_person.h"
#include "app/transfer.h"
#include "domain/validation.h"
#include "search/edit_distance.h"

namespace kith {
namespace {

// How sure a pair is, surest first: a shared email, phone or profile is
// one person's; the same whole name at one company nearly so; a family name
// at one company with a similar given name ("Rob"/"Robert") least.
enum class Strength { kSharedDetail = 0, kSameName = 1, kSimilarName = 2 };

// A pair that passed its checks, before its cards are read.
struct Candidate {
  ContactId first;
  ContactId second;
  Strength strength = Strength::kSimilarName;
  std::vector<std::pair<Strength, std::string>> reasons;
};

// Folds each name once however many pairs it is in (a name is in up to
// eight pairs at a company): the words of a display name, and a given name
// run together.
class NameFolds {
 public:
  explicit NameFolds(const Store& store) : store_(store) {}

  const std::vector<std::string>& Words(ContactId id, const std::string& display_name) {
    auto [place, added] = words_.try_emplace(id.value);
    if (added) place->second = store_.SearchTerms(display_name);
    return place->second;
  }

  const std::string& Given(ContactId id, const std::string& given_name) {
    auto [place, added] = given_.try_emplace(id.value);
    if (added) {
      for (const auto& term : store_.SearchTerms(given_name)) place->second += term;
    }
    return place->second;
  }

 private:
  const Store& store_;
  std::unordered_map<std::int64_t, std::vector<std::string>> words_;
  std::unordered_map<std::int64_t, std::string> given_;
};

// Same family name at the same company is only a duplicate when the given
// names agree too: equal, one a prefix of the other ("Rob"/"Robert", "A."),
// or one typo apart.
bool SimilarGivenNames(const std::string& first, const std::string& second) {
  if (first.empty() || second.empty()) return first == second;
  if (first.starts_with(second) || second.starts_with(first)) return true;
  return EditDistance(first, second, 1) <= 1;
}

// The pair's reason, or none when the names say it is two people.
std::optional<std::pair<Strength, std::string>> Weigh(const DuplicatePair& pair, NameFolds& folds) {
  switch (pair.key) {
    case ContactKey::kEmail:
    case ContactKey::kPhone:
    case ContactKey::kLinkUrl:
    case ContactKey::kUid: {
      const bool names_fit = WordsMayMatch(folds.Words(pair.first, pair.first_name.display_name),
                                           folds.Words(pair.second, pair.second_name.display_name));
      // An email or phone shared by colleagues (one office line) is no reason.
      if (!names_fit && pair.key != ContactKey::kLinkUrl && pair.key != ContactKey::kUid) return std::nullopt;
      const std::string what = pair.key == ContactKey::kEmail   ? "same email "
                               : pair.key == ContactKey::kPhone ? "same phone "
                               : pair.key == ContactKey::kUid   ? "same uid "
                                                                : "same profile ";
      return std::pair{Strength::kSharedDetail, what + pair.value};
    }
    case ContactKey::kName: {
      if (!SimilarGivenNames(folds.Given(pair.first, pair.first_name.given_name),
                             folds.Given(pair.second, pair.second_name.given_name))) {
        return std::nullopt;
      }
      if (folds.Words(pair.first, pair.first_name.display_name) ==
          folds.Words(pair.second, pair.second_name.display_name)) {
        return std::pair{Strength::kSameName, "same name at " + pair.value};
      }
      return std::pair{Strength::kSimilarName, "similar name at " + pair.value};
    }
  }
  return std::nullopt;
}

// Every pair that passes, surest first, then most reasons, then by id so
// pages stay put between requests.
std::vector<Candidate> RankCandidates(const std::vector<DuplicatePair>& pairs, const Store& store) {
  NameFolds folds(store);
  std::map<std::pair<std::int64_t, std::int64_t>, Candidate> by_pair;
  for (const auto& pair : pairs) {
    auto reason = Weigh(pair, folds);
    if (!reason) continue;
    auto [place, added] = by_pair.try_emplace({pair.first.value, pair.second.value});
    Candidate& candidate = place->second;
    if (added) {
      candidate.first = pair.first;
      candidate.second = pair.second;
      candidate.strength = reason->first;
    }
    candidate.strength = std::min(candidate.strength, reason->first);
    if (std::find(candidate.reasons.begin(), candidate.reasons.end(), *reason) == candidate.reasons.end()) {
      candidate.reasons.push_back(std::move(*reason));
    }
  }
  std::vector<Candidate> ranked;
  ranked.reserve(by_pair.size());
  for (auto& [ids, candidate] : by_pair) {
    std::stable_sort(candidate.reasons.begin(), candidate.reasons.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    ranked.push_back(std::move(candidate));
  }
  // by_pair is in id order already: a stable sort keeps it within a rank.
  std::stable_sort(ranked.begin(), ranked.end(), [](const Candidate& a, const Candidate& b) {
    if (a.strength != b.strength) return a.strength < b.strength;
    return a.reasons.size() > b.reasons.size();
  });
  return ranked;
}

}  // namespace

Result<DuplicatesPage> FindDuplicates(Context& context, const DuplicatesRequest& request) {
  if (request.limit < 1 || request.limit > kMostDuplicatesPerPage) {
    return Fail(ErrorCode::kInvalidInput,
                "limit " + std::to_string(request.limit) + " should be from 1 to " +
                    std::to_string(kMostDuplicatesPerPage),
                "limit");
  }
  if (request.offset < 0) {
    return Fail(ErrorCode::kInvalidInput, "offset " + std::to_string(request.offset) + " should be 0 or more",
                "offset");
  }
  KITH_ASSIGN_OR_RETURN(const auto pairs, context.store.FindDuplicatePairs());
  const std::vector<Candidate> ranked = RankCandidates(pairs, context.store);

  DuplicatesPage page;
  page.total = static_cast<std::int64_t>(ranked.size());
  const auto begin = std::min(ranked.size(), static_cast<std::size_t>(request.offset));
  const auto end = std::min(ranked.size(), begin + static_cast<std::size_t>(request.limit));
  // The page's cards in one batch, not two reads a pair.
  std::vector<ContactId> ids;
  for (auto at = begin; at < end; ++at) {
    ids.push_back(ranked[at].first);
    ids.push_back(ranked[at].second);
  }
  KITH_ASSIGN_OR_RETURN(auto contacts, context.store.GetContacts(ids));
  std::unordered_map<std::int64_t, const Contact*> by_id;
  for (const Contact& contact : contacts) by_id.emplace(contact.id.value, &contact);
  for (auto at = begin; at < end; ++at) {
    const auto first = by_id.find(ranked[at].first.value);
    const auto second = by_id.find(ranked[at].second.value);
    if (first == by_id.end() || second == by_id.end()) continue;
    LikelyDuplicate duplicate{*first->second, *second->second, {}};
    for (const auto& reason : ranked[at].reasons) duplicate.reasons.push_back(reason.second);
    page.pairs.push_back(std::move(duplicate));
  }
  return page;
}

}  // namespace kith
