#include "search/search.h"

#include <algorithm>
#include <unordered_set>
#include <utility>

#include "domain/utf8.h"
#include "search/edit_distance.h"
#include "search/query.h"
#include "store/candidate_matching.h"
#include "store/passes_in_turn.h"
#include "store/vocabulary_reaches.h"

namespace kith {
namespace {

constexpr int kCorrectionsPerTerm = 6;
constexpr int kShortestCorrectableTerm = 3;
// Words up to this long get one typo forgiven, longer ones two: two edits
// turn most short names into other real names ("okafr" into "omar").
constexpr int kLongestOneTypoTerm = 5;
// The index keeps ready-made doclists for prefixes of up to six characters.
// A longer prefix is turned into its completions from the vocabulary, which
// FTS5 walks lazily in rowid order; a native "word"* on a longer prefix would
// merge the whole doclist of every completion before returning one row.
constexpr int kLongestIndexedPrefix = 6;
constexpr int kMostCompletions = 64;

// FTS5 string literal: double quotes inside are doubled.
std::string Quote(const std::string& term) {
  std::string quoted = "\"";
  for (const char c : term) {
    quoted += c;
    if (c == '"') quoted += '"';
  }
  return quoted + "\"";
}

bool AllDigits(const std::string& term) {
  return std::all_of(term.begin(), term.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int AllowedTypos(const std::string& term) {
  const int length = CharacterCount(term);
  if (length < kShortestCorrectableTerm || AllDigits(term)) return 0;
  return length <= kLongestOneTypoTerm ? 1 : 2;
}

// One word of the query in the shapes the passes ask for it.
struct WordForms {
  std::string exact;                    // "john"
  std::vector<std::string> prefix;      // "jo"*, or the completions of "john"
  std::vector<Correction> corrections;  // filled only when typos are looked for

  [[nodiscard]] std::string Exact() const { return exact; }
  [[nodiscard]] std::string Prefix() const { return Group(prefix); }
  // The prefix and the corrections up to `distance` edits away.
  [[nodiscard]] std::string Corrected(int distance) const {
    std::vector<std::string> parts = prefix;
    for (const auto& correction : corrections) {
      if (correction.distance <= distance) parts.push_back(Quote(correction.term));
    }
    return Group(parts);
  }
  // The corrections up to `distance` edits away alone; empty when there are none.
  [[nodiscard]] std::string CorrectionsOnly(int distance) const {
    std::vector<std::string> parts;
    for (const auto& correction : corrections) {
      if (correction.distance <= distance) parts.push_back(Quote(correction.term));
    }
    return parts.empty() ? std::string() : Group(parts);
  }

 private:
  static std::string Group(const std::vector<std::string>& parts) {
    if (parts.size() == 1) return parts.front();
    std::string group = "(";
    for (const auto& part : parts) group += (group.size() > 1 ? " OR " : "") + part;
    return group + ")";
  }
};

Result<WordForms> FormsOf(Store& store, const std::string& term) {
  WordForms forms;
  forms.exact = Quote(term);
  if (CharacterCount(term) > kLongestIndexedPrefix && !AllDigits(term)) {
    KITH_ASSIGN_OR_RETURN(auto completions, store.VocabularyWithPrefix(term, kMostCompletions + 1));
    if (!completions.empty() && static_cast<int>(completions.size()) <= kMostCompletions) {
      for (const auto& completion : completions) forms.prefix.push_back(Quote(completion));
      return forms;
    }
  }
  forms.prefix.push_back(Quote(term) + "*");
  return forms;
}

// What a pass asks of each word.
enum class Shape { kExact, kPrefix, kCorrected };

struct Pass {
  MatchTier tier;
  Shape shape;
  int distance = 0;  // for kCorrected
};

MatchQuality QualityOf(Shape shape) {
  switch (shape) {
    case Shape::kExact:
      return MatchQuality::kExact;
    case Shape::kPrefix:
      return MatchQuality::kPrefix;
    case Shape::kCorrected:
      return MatchQuality::kCorrected;
  }
  return MatchQuality::kCorrected;
}

std::string Form(const WordForms& forms, const Pass& pass) {
  switch (pass.shape) {
    case Shape::kExact:
      return forms.Exact();
    case Shape::kPrefix:
      return forms.Prefix();
    case Shape::kCorrected:
      return forms.Corrected(pass.distance);
  }
  return forms.Prefix();
}

struct PreparedFilter {
  std::string column;
  std::vector<WordForms> words;
};

class SearchRun {
 public:
  SearchRun(Store& store, std::vector<WordForms> words, std::vector<PreparedFilter> filters, int wanted)
      : store_(store),
        among_(CandidateMatchingOf(store)),
        in_turn_(PassesInTurnOf(store)),
        words_(std::move(words)),
        filters_(std::move(filters)),
        wanted_(wanted) {}

  // Runs `pass`; with `then`, the pass that will follow it, asks both at
  // once where the store can (PassesInTurn) and keeps what `then` finds
  // for its own Run.
  Status Run(const Pass& pass, std::optional<Pass> then = std::nullopt) {
    const std::optional<Ahead> ahead = std::exchange(ahead_, std::nullopt);
    if (Full()) return Ok();
    const auto [table, expression] = Query(pass);
    // Every pass asks for the whole page: the hits of earlier passes may come
    // back first, and asking for all `wanted_` still leaves room for the
    // new ones that are missing.
    std::vector<ContactId> ids;
    if (ahead && ahead->table == table && ahead->expression == expression && !candidates_) {
      ids = ahead->ids;
    } else if (then && in_turn_ != nullptr && !candidates_ && hits_.empty() && Query(*then).first == table) {
      // With no hit before it, the first pass leaves the page unfilled
      // exactly when it finds fewer than a page: the store's condition.
      std::string then_expression = Query(*then).second;
      KITH_ASSIGN_OR_RETURN(PassesFound found,
                            in_turn_->MatchSearchIndexInTurn(table, expression, then_expression, wanted_));
      ids = std::move(found.first);
      if (static_cast<int>(ids.size()) < wanted_)
        ahead_ = Ahead{table, std::move(then_expression), std::move(found.second)};
    } else {
      KITH_ASSIGN_OR_RETURN(ids, Match(table, expression));
    }
    for (const ContactId id : ids) {
      if (Full()) break;
      if (seen_.insert(id.value).second) hits_.push_back(SearchHit{id, pass.tier, QualityOf(pass.shape)});
    }
    return Ok();
  }

  // Everyone one pass finds when they are fewer than a page; nullopt when
  // they fill it (there may be more).
  Result<std::optional<std::vector<ContactId>>> FindsFewerThanAPage(const Pass& pass) {
    const auto [table, expression] = Query(pass);
    KITH_ASSIGN_OR_RETURN(auto ids, store_.MatchSearchIndex(table, expression, wanted_));
    if (static_cast<int>(ids.size()) >= wanted_) return std::nullopt;
    return ids;
  }

  // FindsFewerThanAPage of `tier` by prefix. With two words or more, the
  // words as typed are asked first: everyone they find, the prefixes find
  // too, so when they fill a page the prefixes would, and the prefixes'
  // question is not asked. That one reads every card of the rarest word
  // and tests it for the other words' prefixes ("john chicago": Chicago's
  // 1,084 cards tested for john*, 3.5 ms at 1M people on PostgreSQL),
  // where the words as typed are a walk of their short lists that skips.
  // One word's question is its own list either way.
  Result<std::optional<std::vector<ContactId>>> FindsFewerThanAPageByPrefix(MatchTier tier) {
    if (words_.size() > 1) {
      KITH_ASSIGN_OR_RETURN(const auto as_typed, FindsFewerThanAPage({tier, Shape::kExact}));
      if (!as_typed) return std::nullopt;
    }
    return FindsFewerThanAPage({tier, Shape::kPrefix});
  }

  // Everyone the corrected pass `pass` finds, given `as_typed`: everyone
  // the same pass as typed (by prefix) finds. Anyone else matches a
  // correction of some word, so the pass is asked once for each word with
  // corrections, that word by its corrections alone: a question the index
  // answers from their short lists, where the whole pass reads every list
  // of the words' prefixes again. nullopt when one of the questions fills
  // a page (there may be more).
  Result<std::optional<std::vector<ContactId>>> FindsCorrectedFewerThanAPage(
      const Pass& pass, std::vector<ContactId> as_typed) {
    std::vector<ContactId> everyone = std::move(as_typed);
    for (std::size_t word = 0; word < words_.size(); ++word) {
      if (words_[word].CorrectionsOnly(pass.distance).empty()) continue;
      const auto [table, expression] = Query(pass, word);
      KITH_ASSIGN_OR_RETURN(const auto ids, store_.MatchSearchIndex(table, expression, wanted_));
      if (static_cast<int>(ids.size()) >= wanted_) return std::nullopt;
      everyone.insert(everyone.end(), ids.begin(), ids.end());
    }
    return everyone;
  }

  // Whether the store can test a few known cards for a pass more cheaply
  // than it can ask its index (CandidateMatching).
  [[nodiscard]] bool TestsFewCards() const { return among_ != nullptr; }

  // The passes that follow test only `people` (none: they ask the index),
  // who must be everyone those passes could find; a store that cannot
  // test a few cards asks its index all the same.
  void OnlyAmong(std::optional<std::vector<ContactId>> people) { candidates_ = std::move(people); }

  // Whether every one of `people` is among the hits already.
  [[nodiscard]] bool HasFound(const std::vector<ContactId>& people) const {
    return std::all_of(people.begin(), people.end(),
                       [this](const ContactId id) { return seen_.contains(id.value); });
  }

  // How many people one pass finds, however many that is.
  Result<std::int64_t> Count(const Pass& pass) {
    const auto [table, expression] = Query(pass);
    return store_.CountSearchIndex(table, expression);
  }

  std::vector<WordForms>& words() { return words_; }
  [[nodiscard]] bool Full() const { return static_cast<int>(hits_.size()) >= wanted_; }
  [[nodiscard]] bool FoundAnyone() const { return !hits_.empty(); }
  std::vector<SearchHit> TakeHits() { return std::move(hits_); }

 private:
  Result<std::vector<ContactId>> Match(SearchTable table, const std::string& expression) {
    if (candidates_ && among_ != nullptr)
      return among_->MatchSearchIndexAmong(table, expression, *candidates_, wanted_);
    return store_.MatchSearchIndex(table, expression, wanted_);
  }

  // The table a pass reads and the FTS5 expression it asks there; with
  // `corrected_word`, that word by its corrections alone.
  [[nodiscard]] std::pair<SearchTable, std::string> Query(
      const Pass& pass, std::optional<std::size_t> corrected_word = std::nullopt) const {
    const auto [table, scope] = Target(pass.tier);
    std::string expression;
    const auto append = [&expression](const std::string& part) {
      if (!expression.empty()) expression += " AND ";
      expression += part;
    };
    for (std::size_t word = 0; word < words_.size(); ++word) {
      const bool corrections_only = corrected_word == word;
      append(scope +
             (corrections_only ? words_[word].CorrectionsOnly(pass.distance) : Form(words_[word], pass)));
    }
    // Filters never take typo corrections: "company:acme" means Acme.
    const Pass filter_pass{pass.tier, pass.shape == Shape::kExact ? Shape::kExact : Shape::kPrefix};
    for (const auto& filter : filters_) {
      for (const auto& word : filter.words) append("{" + filter.column + "} : " + Form(word, filter_pass));
    }
    return {table, expression};
  }

  // The table a tier reads and the column filter its free words take.
  [[nodiscard]] std::pair<SearchTable, std::string> Target(MatchTier tier) const {
    const bool has_filters = !filters_.empty();
    // Notes live only in the widest table; a note: filter takes every tier there.
    const bool needs_notes = std::any_of(filters_.begin(), filters_.end(), [](const PreparedFilter& filter) {
      return filter.column == "note";
    });
    const SearchTable cards = needs_notes ? SearchTable::kEverything : SearchTable::kCards;
    switch (tier) {
      case MatchTier::kName:
        if (!has_filters) return {SearchTable::kNames, ""};
        return {cards, "{name} : "};
      case MatchTier::kField:
        if (!needs_notes) return {cards, ""};
        return {cards, "{name company title email phone place tag skill interest met web other} : "};
      case MatchTier::kNote:
        return {SearchTable::kEverything, ""};
    }
    return {SearchTable::kEverything, ""};
  }

  // What a pass asked ahead of its turn found (Run's `then`).
  struct Ahead {
    SearchTable table;
    std::string expression;
    std::vector<ContactId> ids;
  };

  Store& store_;
  CandidateMatching* among_;
  PassesInTurn* in_turn_;
  std::optional<Ahead> ahead_;
  std::optional<std::vector<ContactId>> candidates_;
  std::vector<WordForms> words_;
  std::vector<PreparedFilter> filters_;
  int wanted_;
  std::vector<SearchHit> hits_;
  std::unordered_set<std::int64_t> seen_;
};

// Where a term's typos are looked for: the vocabulary of its length, give
// or take `distance`, under its first letter and, for a swap of the first
// two (the common typo that hits the first letter), its second.
std::vector<VocabularyReach> ReachesOf(const std::string& term, int distance) {
  const int length = CharacterCount(term);
  const std::string_view first = FirstCharacter(term);
  const std::string_view second = FirstCharacter(std::string_view(term).substr(first.size()));
  std::vector<VocabularyReach> reaches = {{std::string(first), length - distance, length + distance}};
  if (!second.empty() && second != first)
    reaches.push_back({std::string(second), length - distance, length + distance});
  return reaches;
}

bool SameReach(const VocabularyReach& a, const VocabularyReach& b) {
  return a.head == b.head && a.min_length == b.min_length && a.max_length == b.max_length;
}

// The corrections of `term` among `entries`, closest and most used first,
// at most `limit`.
std::vector<Correction> ClosestOf(const std::string& term, int distance,
                                  const std::vector<const std::vector<VocabularyEntry>*>& entries,
                                  int limit) {
  std::vector<Correction> candidates;
  for (const auto* near : entries) {
    for (const auto& entry : *near) {
      // Numbered words ("maria2" from an email) are identifiers, not typos.
      if (entry.term == term ||
          std::any_of(entry.term.begin(), entry.term.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        continue;
      }
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

// Corrections(store, term, limit) for each of `terms`, the vocabulary read
// once for all of them where the store can (VocabularyReaches: on
// PostgreSQL one round trip instead of two a word).
Result<std::vector<std::vector<Correction>>> CorrectionsOfEach(Store& store,
                                                               const std::vector<std::string>& terms,
                                                               int limit) {
  std::vector<VocabularyReach> reaches;
  std::vector<std::vector<std::size_t>> reaches_of(terms.size());
  for (std::size_t i = 0; i < terms.size(); ++i) {
    const int distance = AllowedTypos(terms[i]);
    if (distance == 0) continue;
    for (VocabularyReach& reach : ReachesOf(terms[i], distance)) {
      const auto same = std::find_if(reaches.begin(), reaches.end(), [&reach](const VocabularyReach& other) {
        return SameReach(reach, other);
      });
      reaches_of[i].push_back(static_cast<std::size_t>(same - reaches.begin()));
      if (same == reaches.end()) reaches.push_back(std::move(reach));
    }
  }
  std::vector<std::vector<VocabularyEntry>> entries;
  if (VocabularyReaches* batched = VocabularyReachesOf(store); batched != nullptr && !reaches.empty()) {
    KITH_ASSIGN_OR_RETURN(entries, batched->VocabularyNearEach(reaches));
  } else {
    for (const VocabularyReach& reach : reaches) {
      KITH_ASSIGN_OR_RETURN(auto near, store.VocabularyNear(reach.head, reach.min_length, reach.max_length));
      entries.push_back(std::move(near));
    }
  }
  std::vector<std::vector<Correction>> corrections(terms.size());
  for (std::size_t i = 0; i < terms.size(); ++i) {
    if (reaches_of[i].empty()) continue;
    std::vector<const std::vector<VocabularyEntry>*> near;
    for (const std::size_t reach : reaches_of[i]) near.push_back(&entries.at(reach));
    corrections[i] = ClosestOf(terms[i], AllowedTypos(terms[i]), near, limit);
  }
  return corrections;
}

}  // namespace

Result<std::vector<Correction>> Corrections(Store& store, const std::string& term, int limit) {
  KITH_ASSIGN_OR_RETURN(auto each, CorrectionsOfEach(store, {term}, limit));
  return std::move(each.front());
}

namespace {

// A run over the words and filters of `query`, each with the forms the
// index is asked for, wanting `wanted` hits.
Result<SearchRun> StartRun(Store& store, const ParsedQuery& query, int wanted) {
  std::vector<WordForms> words;
  for (const auto& term : query.terms) {
    KITH_ASSIGN_OR_RETURN(auto forms, FormsOf(store, term));
    words.push_back(std::move(forms));
  }
  std::vector<PreparedFilter> filters;
  for (const auto& filter : query.filters) {
    PreparedFilter prepared{filter.column, {}};
    for (const auto& term : filter.terms) {
      KITH_ASSIGN_OR_RETURN(auto forms, FormsOf(store, term));
      prepared.words.push_back(std::move(forms));
    }
    filters.push_back(std::move(prepared));
  }
  return SearchRun(store, std::move(words), std::move(filters), wanted);
}

}  // namespace

Result<std::int64_t> CountSearchMatches(Store& store, const std::string& text) {
  const ParsedQuery query = ParseQuery(text, store);
  if (query.Empty()) return 0;
  KITH_ASSIGN_OR_RETURN(SearchRun run, StartRun(store, query, 0));
  // The widest pass as typed (every field and the notes, by prefix) finds
  // everyone the narrower passes find; with filters alone, the card fields.
  const MatchTier widest = query.terms.empty() ? MatchTier::kField : MatchTier::kNote;
  return run.Count({widest, Shape::kPrefix});
}

Result<std::vector<SearchHit>> Search(Store& store, const SearchRequest& request) {
  const ParsedQuery query = ParseQuery(request.query, store);
  if (query.Empty() || request.limit <= 0) return std::vector<SearchHit>{};
  KITH_ASSIGN_OR_RETURN(SearchRun run, StartRun(store, query, request.offset + request.limit));

  constexpr MatchTier kTiers[] = {MatchTier::kName, MatchTier::kField, MatchTier::kNote};
  // Each pass as typed finds some of the people the widest one finds (every
  // field and the notes, by prefix). When the first tier finds nobody, as
  // typed or as a prefix, one question to the widest says whom any pass
  // would: when it finds nobody too — a typo, mostly — the corrections are
  // asked at once instead of four more passes in vain; when it finds fewer
  // than a page, the passes stop once they have found all of them ("john
  // chicago": the one John in Chicago, found among the card fields, needs
  // not be looked for in the notes). A query whose first tier finds
  // someone (most: a name as it is typed, "ok", "oka") pays nothing for
  // it; the first tier's prefix pass comes before the question because it
  // is as cheap as the exact one. (With filters alone the first tier is
  // the widest: its own answer says.) On a store that can test a few cards
  // (PostgreSQL), the passes after that answer test only the people in it.
  const MatchTier widest_tier = query.terms.empty() ? MatchTier::kField : MatchTier::kNote;
  std::optional<std::vector<ContactId>> everyone;
  const auto run_as_typed = [&]() -> Status {
    bool asked_widest = false;
    for (const MatchTier tier : kTiers) {
      // With filters only, every tier would ask the same question.
      if (query.terms.empty() && tier != MatchTier::kField) continue;
      for (const Shape shape : {Shape::kExact, Shape::kPrefix}) {
        if (everyone && run.HasFound(*everyone)) return Ok();
        // As typed, then as a prefix: one question where the store can.
        const std::optional<Pass> then =
            shape == Shape::kExact ? std::optional<Pass>(Pass{tier, Shape::kPrefix}) : std::nullopt;
        KITH_RETURN_IF_ERROR(run.Run({tier, shape}, then));
        if (asked_widest || run.FoundAnyone() || shape == Shape::kExact || tier == widest_tier) continue;
        asked_widest = true;
        KITH_ASSIGN_OR_RETURN(everyone, run.FindsFewerThanAPageByPrefix(widest_tier));
        if (everyone && everyone->empty()) return Ok();
        run.OnlyAmong(everyone);
      }
    }
    return Ok();
  };
  KITH_RETURN_IF_ERROR(run_as_typed());
  if (!run.Full() && !query.terms.empty()) {
    int widest = 0;
    KITH_ASSIGN_OR_RETURN(auto corrections, CorrectionsOfEach(store, query.terms, kCorrectionsPerTerm));
    for (std::size_t i = 0; i < query.terms.size(); ++i) {
      run.words()[i].corrections = std::move(corrections[i]);
      for (const auto& correction : run.words()[i].corrections)
        widest = std::max(widest, correction.distance);
    }
    // The corrected passes find people the passes as typed could not.
    // When those found some but fewer than a page (two rare words, "john
    // chicago"), the corrections are likely few too: on a store that can
    // test a few cards, the widest corrected pass (every field and the
    // notes, every correction) is asked whom it finds, the passes test
    // only them, and they stop once all are found. A query as typed that
    // found nobody is mostly a typo whose corrections fill the page, and
    // there the question would be one more.
    run.OnlyAmong(std::nullopt);
    std::optional<std::vector<ContactId>> corrected;
    if (run.TestsFewCards() && everyone && !everyone->empty() && widest > 0) {
      KITH_ASSIGN_OR_RETURN(
          corrected, run.FindsCorrectedFewerThanAPage({widest_tier, Shape::kCorrected, widest}, *everyone));
      run.OnlyAmong(corrected);
    }
    // Closer corrections first: a one-letter slip beats a two-letter one
    // whatever the tier, since the person most likely meant it.
    for (int distance = 1; distance <= widest; ++distance) {
      for (const MatchTier tier : kTiers) {
        if (corrected && run.HasFound(*corrected)) break;
        KITH_RETURN_IF_ERROR(run.Run({tier, Shape::kCorrected, distance}));
      }
    }
  }
  std::vector<SearchHit> hits = run.TakeHits();
  const auto skip = std::min<std::size_t>(static_cast<std::size_t>(request.offset), hits.size());
  hits.erase(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(skip));
  return hits;
}

}  // namespace kith
