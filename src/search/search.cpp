#include "search/search.h"

#include <algorithm>
#include <unordered_set>

#include "domain/utf8.h"
#include "search/edit_distance.h"
#include "search/query.h"

namespace kith {
namespace {

constexpr int kCorrectionsPerTerm = 6;
constexpr int kShortestCorrectableTerm = 3;
// Words up to this long get one typo forgiven, longer ones two: two edits
// turn most short names into other real names ("okafr" into "omar").
constexpr int kLongestOneTypoTerm = 5;

// FTS5 string literal: double quotes inside are doubled.
std::string Quote(const std::string& term) {
  std::string quoted = "\"";
  for (const char c : term) {
    quoted += c;
    if (c == '"') quoted += '"';
  }
  return quoted + "\"";
}

// One free word of the query as an FTS5 expression: the word itself for an
// exact pass, the word as a prefix otherwise, and its typo corrections too.
std::string TermExpression(const std::string& term, MatchQuality quality,
                           const std::vector<std::string>& corrections) {
  if (quality == MatchQuality::kExact) return Quote(term);
  if (quality == MatchQuality::kPrefix || corrections.empty()) return Quote(term) + "*";
  std::string group = "(" + Quote(term) + "*";
  for (const auto& correction : corrections) group += " OR " + Quote(correction);
  return group + ")";
}

struct Pass {
  MatchTier tier;
  MatchQuality quality;
};

class SearchRun {
 public:
  SearchRun(Store& store, const ParsedQuery& query, int wanted)
      : store_(store), query_(query), wanted_(wanted) {}

  Status RunPass(const Pass& pass, const std::vector<std::vector<std::string>>& corrections) {
    if (Full()) return Ok();
    const bool has_filters = !query_.filters.empty();
    // Notes live only in the widest table; a note: filter takes every tier there.
    const bool needs_notes = std::any_of(query_.filters.begin(), query_.filters.end(),
                                         [](const QueryFilter& filter) { return filter.column == "note"; });
    const SearchTable cards = needs_notes ? SearchTable::kEverything : SearchTable::kCards;
    SearchTable table = SearchTable::kEverything;
    std::string scope;  // column filter for free terms
    switch (pass.tier) {
      case MatchTier::kName:
        table = has_filters ? cards : SearchTable::kNames;
        scope = has_filters ? "{name} : " : "";
        break;
      case MatchTier::kField:
        table = cards;
        if (needs_notes) scope = "{name company title email phone place tag skill interest met web other} : ";
        break;
      case MatchTier::kNote:
        table = SearchTable::kEverything;
        break;
    }
    std::string expression;
    const auto append = [&expression](const std::string& part) {
      if (!expression.empty()) expression += " AND ";
      expression += part;
    };
    for (std::size_t i = 0; i < query_.terms.size(); ++i) {
      append(scope + TermExpression(query_.terms[i], pass.quality, corrections[i]));
    }
    for (const auto& filter : query_.filters) {
      for (const auto& term : filter.terms) {
        const MatchQuality filter_quality =
            pass.quality == MatchQuality::kExact ? MatchQuality::kExact : MatchQuality::kPrefix;
        append("{" + filter.column + "} : " + TermExpression(term, filter_quality, {}));
      }
    }
    // Asking for as many more as were already found guarantees `wanted_`
    // new ones when they exist: earlier passes' hits may come back again.
    const int ask = wanted_ - static_cast<int>(hits_.size()) + static_cast<int>(seen_.size());
    KITH_ASSIGN_OR_RETURN(const auto ids, store_.MatchSearchIndex(table, expression, ask));
    for (const ContactId id : ids) {
      if (Full()) break;
      if (seen_.insert(id.value).second) hits_.push_back(SearchHit{id, pass.tier, pass.quality});
    }
    return Ok();
  }

  [[nodiscard]] bool Full() const { return static_cast<int>(hits_.size()) >= wanted_; }
  std::vector<SearchHit> TakeHits() { return std::move(hits_); }

 private:
  Store& store_;
  const ParsedQuery& query_;
  int wanted_;
  std::vector<SearchHit> hits_;
  std::unordered_set<std::int64_t> seen_;
};

}  // namespace

namespace {

int AllowedTypos(const std::string& term) {
  const int length = CharacterCount(term);
  if (length < kShortestCorrectableTerm) return 0;
  return length <= kLongestOneTypoTerm ? 1 : 2;
}

}  // namespace

Result<std::vector<Correction>> Corrections(Store& store, const std::string& term, int limit) {
  const int distance = AllowedTypos(term);
  if (distance == 0) return std::vector<Correction>{};
  const int length = CharacterCount(term);
  std::vector<Correction> candidates;
  // Typos rarely hit the first letter; a swap of the first two is the
  // common exception, so look under the second letter as well.
  const std::string_view first = FirstCharacter(term);
  const std::string_view second = FirstCharacter(std::string_view(term).substr(first.size()));
  std::vector<std::string_view> heads = {first};
  if (!second.empty() && second != first) heads.push_back(second);
  for (const std::string_view head : heads) {
    KITH_ASSIGN_OR_RETURN(const auto entries,
                          store.VocabularyNear(head, length - distance, length + distance));
    for (const auto& entry : entries) {
      if (entry.term == term) continue;
      const int found = EditDistance(term, entry.term, distance);
      if (found <= distance) candidates.push_back(Correction{entry.term, found, entry.documents});
    }
  }
  std::sort(candidates.begin(), candidates.end(), [](const Correction& a, const Correction& b) {
    if (a.distance != b.distance) return a.distance < b.distance;
    if (a.documents != b.documents) return a.documents > b.documents;
    return a.term < b.term;
  });
  if (static_cast<int>(candidates.size()) > limit) candidates.resize(static_cast<std::size_t>(limit));
  return candidates;
}

Result<std::vector<SearchHit>> Search(Store& store, const SearchRequest& request) {
  const ParsedQuery query = ParseQuery(request.query, store);
  if (query.Empty() || request.limit <= 0) return std::vector<SearchHit>{};
  const int wanted = request.offset + request.limit;
  SearchRun run(store, query, wanted);
  std::vector<std::vector<std::string>> no_corrections(query.terms.size());
  constexpr MatchTier kTiers[] = {MatchTier::kName, MatchTier::kField, MatchTier::kNote};
  for (const MatchTier tier : kTiers) {
    // With filters only, every tier would ask the same question.
    if (query.terms.empty() && tier != MatchTier::kField) continue;
    KITH_RETURN_IF_ERROR(run.RunPass({tier, MatchQuality::kExact}, no_corrections));
    KITH_RETURN_IF_ERROR(run.RunPass({tier, MatchQuality::kPrefix}, no_corrections));
  }
  if (!run.Full() && !query.terms.empty()) {
    std::vector<std::vector<Correction>> found(query.terms.size());
    int widest = 0;
    for (std::size_t i = 0; i < query.terms.size(); ++i) {
      KITH_ASSIGN_OR_RETURN(found[i], Corrections(store, query.terms[i], kCorrectionsPerTerm));
      for (const auto& correction : found[i]) widest = std::max(widest, correction.distance);
    }
    // Closer corrections first: a one-letter slip beats a two-letter one
    // whatever the tier, since the person most likely meant it.
    for (int distance = 1; distance <= widest; ++distance) {
      std::vector<std::vector<std::string>> corrections(query.terms.size());
      for (std::size_t i = 0; i < query.terms.size(); ++i) {
        for (const auto& correction : found[i]) {
          if (correction.distance <= distance) corrections[i].push_back(correction.term);
        }
      }
      for (const MatchTier tier : kTiers) {
        KITH_RETURN_IF_ERROR(run.RunPass({tier, MatchQuality::kCorrected}, corrections));
      }
    }
  }
  std::vector<SearchHit> hits = run.TakeHits();
  const auto skip = std::min<std::size_t>(static_cast<std::size_t>(request.offset), hits.size());
  hits.erase(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(skip));
  return hits;
}

}  // namespace kith
