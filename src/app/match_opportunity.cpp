#include <algorithm>
#include <map>

#include "app/give.h"
#include "app/rank_opportunity.h"

namespace kith {
namespace {

// Candidates read in full and scored; found through the search index first,
// so a million people cost a few index reads, not a scan.
constexpr std::size_t kScored = 400;
constexpr int kPerQuery = 2000;

// One FTS5 group for a skill or topic: every word must be there, as a word
// or a word's beginning ("manag*" finds management and manager). The words
// are joined by an explicit AND, as search/ joins its conditions: the store
// may ask a long prefix as the OR of its completions, and FTS5 takes no
// implicit AND beside a bracketed OR ("(a OR b) c" is a syntax error).
std::string Group(const Store& store, const std::vector<std::string>& stems) {
  std::string group;
  for (const auto& stem : stems) {
    for (const auto& term : store.SearchTerms(stem)) {
      if (!group.empty()) group += " AND ";
      group += '"' + term + '"';
      // One or two letters ("c", "go") as a prefix would match half the list.
      if (term.size() > 2) group += '*';
    }
  }
  return group;
}

struct Hits {
  int weight = 0;
  int order = 0;  // when first seen: the index's recency order
  bool in_notes = false;
};

class CandidateFinder {
 public:
  CandidateFinder(Store& store, const SkillMatcher& skills) : store_(store), skills_(skills) {}

  Status Look(SearchTable table, const std::string& columns, const std::string& text, int weight,
              bool notes) {
    // Any one way of writing it will do: "ML" finds "machine learning" and "ML".
    std::string group;
    for (const auto& form : skills_.Forms(text)) {
      const std::string words = Group(store_, form);
      if (words.empty()) continue;
      group += (group.empty() ? "(" : " OR (") + words + ")";
    }
    if (group.empty()) return Ok();
    KITH_ASSIGN_OR_RETURN(const auto ids,
                          store_.MatchSearchIndex(table, "{" + columns + "} : (" + group + ")", kPerQuery));
    for (const ContactId id : ids) {
      Hits& hits = hits_[id.value];
      if (hits.weight == 0 && !hits.in_notes) hits.order = next_++;
      hits.weight += weight;
      hits.in_notes = hits.in_notes || notes;
    }
    return Ok();
  }

  // The best-supported candidates, most index hits first, then recency.
  std::vector<std::pair<ContactId, bool>> Best(std::size_t count) const {
    std::vector<std::pair<std::int64_t, Hits>> all(hits_.begin(), hits_.end());
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
      if (a.second.weight != b.second.weight) return a.second.weight > b.second.weight;
      return a.second.order < b.second.order;
    });
    std::vector<std::pair<ContactId, bool>> best;
    for (std::size_t i = 0; i < all.size() && i < count; ++i) {
      best.emplace_back(ContactId{all[i].first}, all[i].second.in_notes);
    }
    return best;
  }

 private:
  Store& store_;
  const SkillMatcher& skills_;
  std::map<std::int64_t, Hits> hits_;
  int next_ = 0;
};

bool UsesInterests(OpportunityKind kind) {
  return kind == OpportunityKind::kTickets || kind == OpportunityKind::kIntro ||
         kind == OpportunityKind::kOther;
}

// The index columns that the words of the title and description are looked
// for in. Without skills given, the words stand for the skills wanted, so
// skills and job titles are read too ("photographer" finds photography).
std::string ColumnsForWords(const Opportunity& opportunity) {
  std::string columns = "other";
  if (UsesInterests(opportunity.kind)) columns += " interest";
  if (opportunity.skills.empty()) columns += " skill title";
  return columns;
}

}  // namespace

Result<std::vector<RankedMatch>> RankForOpportunity(Context& context, const Opportunity& opportunity,
                                                    int limit) {
  // One per thread: the stemmer inside keeps state between calls, and kith
  // serve ranks on many threads at once.
  static thread_local const SkillMatcher skills;
  CandidateFinder finder(context.store, skills);
  const bool interests = UsesInterests(opportunity.kind);
  for (const auto& skill : opportunity.skills) {
    KITH_RETURN_IF_ERROR(
        finder.Look(SearchTable::kCards, interests ? "skill interest" : "skill", skill, 3, false));
    KITH_RETURN_IF_ERROR(finder.Look(SearchTable::kEverything, "note", skill, 1, true));
  }
  // The words of the title and description, one at a time: interests, what
  // people say they are looking for, and the skills they name.
  const std::string columns = ColumnsForWords(opportunity);
  for (const auto& word : TextWords(opportunity.title + " " + opportunity.description)) {
    if (word.size() < 3) continue;
    KITH_RETURN_IF_ERROR(finder.Look(SearchTable::kCards, columns, word, 1, false));
  }
  KITH_ASSIGN_OR_RETURN(const auto offered, context.store.OfferedOpportunity(opportunity.id));
  std::vector<ContactId> ids;
  std::map<std::int64_t, bool> mentioned;
  for (const auto& [id, in_notes] : finder.Best(kScored + offered.size())) {
    if (std::find(offered.begin(), offered.end(), id) != offered.end()) continue;
    ids.push_back(id);
    mentioned[id.value] = in_notes;
  }
  KITH_ASSIGN_OR_RETURN(auto contacts, context.store.GetContacts(ids));
  KITH_ASSIGN_OR_RETURN(const auto last_given, context.store.LastGiven(ids));
  std::map<std::int64_t, Date> given;
  for (const auto& [id, date] : last_given) given[id.value] = date;
  std::vector<MatchCandidate> candidates;
  candidates.reserve(contacts.size());
  for (auto& contact : contacts) {
    if (contact.trashed_at) continue;
    MatchCandidate candidate;
    const auto found = given.find(contact.id.value);
    if (found != given.end()) candidate.last_given = found->second;
    candidate.mentioned = mentioned[contact.id.value];
    candidate.contact = std::move(contact);
    candidates.push_back(std::move(candidate));
  }
  return RankCandidates(opportunity, std::move(candidates), context.clock.Today(), skills,
                        static_cast<std::size_t>(limit));
}

Result<std::vector<RankedMatch>> MatchOpportunity(Context& context, OpportunityId id, int limit) {
  if (limit < 1) return Fail(ErrorCode::kInvalidInput, "--limit must be at least 1", "limit");
  KITH_ASSIGN_OR_RETURN(const Opportunity opportunity, context.store.GetOpportunity(id));
  if (opportunity.closed_on) {
    return Fail(
        ErrorCode::kConflict,
        "opportunity " + std::to_string(id.value) + " was closed on " + opportunity.closed_on->ToIso(),
        "opportunity");
  }
  return RankForOpportunity(context, opportunity, limit);
}

Result<std::vector<OpportunityToOffer>> OpportunitiesToOffer(Context& context, int per_opportunity) {
  KITH_ASSIGN_OR_RETURN(auto open, context.store.ListOpportunities(false));
  std::vector<OpportunityToOffer> offers;
  for (auto& opportunity : open) {
    KITH_ASSIGN_OR_RETURN(auto people, RankForOpportunity(context, opportunity, per_opportunity));
    offers.push_back(OpportunityToOffer{std::move(opportunity), std::move(people)});
  }
  return offers;
}

}  // namespace kith
