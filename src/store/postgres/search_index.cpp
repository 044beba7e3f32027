// The search index on PostgreSQL: one tsvector of "column:term" lexemes per
// live card (GIN-indexed with its workspace), ordered by the card's search
// key; and the vocabulary that completions and typo corrections read.
#include <algorithm>

#include "domain/utf8.h"
#include "store/postgres/fts_expression.h"
#include "store/postgres/pg_store.h"
#include "store/postgres/row_values.h"
#include "store/search_expression.h"

namespace kith::postgres {
namespace {

// PostgreSQL refuses a lexeme over 2 KiB; a term that long (a pasted blob
// in a note) is no word anyone types.
constexpr std::size_t kLongestLexeme = 2000;

// The steps of MatchSearchIndex: the newest cards a search tests one by one
// first (about 0.2 ms), how many matches make a list short enough to read
// whole from the GIN index and sort, and the newest cards tested before a
// longer list is.
//
// How each statement passes its step decides whether PostgreSQL plans it
// on every call or once per connection (a prepared statement's generic
// plan, taken once it looks no dearer than the plans made for the values
// given). Planned per call, a prefix tsquery's selectivity estimate walks
// the column statistics' common elements for each lexeme: 0.1-0.3 ms a
// pass, more than the pass over the newest 128 itself (BENCHMARKS.md,
// "Typeahead on PostgreSQL, per request"). The plans are the same either
// way. The newest few or many are written into the statement's text (as a
// parameter, the generic plan's guess at the limit made it look dearer);
// the short list's limit stays a parameter (written in, the plans made for
// rare words looked cheaper than the generic one).
constexpr int kNewestFew = 128;
constexpr int kShortList = 1000;
constexpr int kNewestMany = 4096;
// The most name terms a prefix's range in name_terms is read and sorted
// for first (about 0.3 ms at 100k): a prefix more names share ("mar": 3,487
// at 100k, 2 ms to sort) is found faster among the newest cards, tested
// one by one until the page is full.
constexpr int kLongestNameRange = 1000;

// The test of a card's terms through the GIN index, in the workspace $1.
// The workspace is tested on the rows the index finds, never asked of the
// index itself: as a key of the GIN index, the workspace's posting tree
// (every card of it) is decoded a leaf page at a time for each card the
// terms find, which cost a prepared statement's generic plan more than the
// terms did — 1.4 against 0.75 ms for "john chicago"'s short list at 100,000
// people, 0.19 against 0.08 at 10,000 (EXPLAIN ANALYZE, BENCHMARKS.md,
// pgserve6). The price is paid by a database of many workspaces, where a
// word's matches in the others are read and passed over. The tsquery is
// read through a scalar subquery, as the arrays in NamesMatching: with the
// workspace out of the index's keys, each call's own plan looked cheaper
// than the generic one and the statement was planned on every call (0.3-0.5
// ms). The plan is the same.
constexpr std::string_view kTermsInWorkspace = "workspace_id + 0 = $1 AND terms @@ (SELECT $2::tsquery)";

// The most completions a prefix may have for the vocabulary to count its
// cards (BoundsOf); a prefix with more is counted as common.
constexpr int kMostCompletions = 256;

// How much dearer a card read from the table and tested there is than one
// a prefix's range in the GIN index adds to its bitmap: at 1M people, about
// 1.7 µs against 0.5 (a GIN index collects every card of every completion
// of a prefix, in each column, before it can skip to the cards the other
// words hold; BENCHMARKS.md, "Typeahead on PostgreSQL at 1M").
constexpr int kReadCostOverCollected = 3;

// A statement's text with `limit` in place of {limit}; none: LIMIT ALL.
std::string WithLimit(std::string_view sql, std::optional<int> limit) {
  std::string text(sql);
  constexpr std::string_view kMark = "{limit}";
  text.replace(text.find(kMark), kMark.size(), limit ? std::to_string(*limit) : "ALL");
  return text;
}

// Whether the tsquery asks for a prefix of one or two characters
// ('name:j':*): thousands of words share it, and the GIN index reads every
// one of their lists before it can answer (10 ms and more at 100k), so the
// newest thousands are tested first. Only the order of the steps depends on
// this, never the answer.
bool HasShortPrefix(std::string_view query) {
  constexpr int kShortPrefix = 2;
  for (std::size_t end = query.find("':*"); end != std::string_view::npos; end = query.find("':*", end + 1)) {
    const std::size_t open = query.rfind('\'', end - 1);
    if (open == std::string_view::npos) continue;
    const std::string_view lexeme = query.substr(open + 1, end - open - 1);
    const std::size_t colon = lexeme.find(':');
    if (colon != std::string_view::npos && CharacterCount(lexeme.substr(colon + 1)) <= kShortPrefix)
      return true;
  }
  return false;
}

// A condition without the column filter that leads it ("{company} :
// "acme"" → ""acme""), as it is when it has none.
std::string_view WithoutColumnFilter(std::string_view condition) {
  constexpr std::string_view kFilterEnd = "} : ";
  if (!condition.starts_with('{')) return condition;
  const std::size_t end = condition.find(kFilterEnd);
  return end == std::string_view::npos ? condition : condition.substr(end + kFilterEnd.size());
}

// The words of an expression search/ wrote, each with its forms, when
// every top-level condition is one word (OneWordForms), in every column
// or in the few a column filter names; empty otherwise (a phrase, a
// nested filter). The vocabulary counts a word's cards whatever the
// column, so what it says of a word bounds the cards that hold it in a
// few columns too; the names probe reads no filtered condition (search/
// asks the names table none).
std::vector<std::vector<NameKey>> WordsOf(
    std::string_view expression, const std::function<std::vector<std::string>(std::string_view)>& terms_of) {
  std::vector<std::vector<NameKey>> words;
  for (const std::string_view part : TopLevelConditions(expression)) {
    std::optional<std::vector<NameKey>> word = OneWordForms(WithoutColumnFilter(part), terms_of);
    if (!word) return {};
    words.push_back(*std::move(word));
  }
  return words;
}

// Each form of each word as the range of terms it covers (the term alone,
// or a prefix's completions), flattened into the three arrays a statement
// takes; only the words `counted` accepts, keeping their numbers.
struct FormRanges {
  std::vector<std::int64_t> word_of;
  std::vector<std::string> firsts;
  std::vector<std::string> lasts;
};

FormRanges RangesOf(const std::vector<std::vector<NameKey>>& words,
                    const std::function<bool(const std::vector<NameKey>&)>& counted) {
  FormRanges ranges;
  for (std::size_t word = 0; word < words.size(); ++word) {
    if (!counted(words[word])) continue;
    for (const NameKey& form : words[word]) {
      ranges.word_of.push_back(static_cast<std::int64_t>(word));
      ranges.firsts.push_back(form.term);
      ranges.lasts.push_back(form.whole ? form.term : PastPrefix(form.term));
    }
  }
  return ranges;
}

// The forms of one word as NamesMatching reads them from name_terms: whole
// terms, and the ranges of prefixes (first term and past the last).
struct NameRanges {
  std::vector<std::string> wholes;
  std::vector<std::string> starts;
  std::vector<std::string> ends;
};

NameRanges NameRangesOf(const std::vector<NameKey>& forms) {
  NameRanges ranges;
  for (const NameKey& form : forms) {
    if (form.whole) {
      ranges.wholes.push_back(form.term);
    } else {
      ranges.starts.push_back(form.term);
      ranges.ends.push_back(PastPrefix(form.term));
    }
  }
  return ranges;
}

// The parameters of a statement that reads the names of `ranges` (the
// wholes, starts and ends as $2-$4), `limit` cards a name ($5).
Params NameRangeParams(const NameRanges& ranges, int limit) {
  Params params;
  params.Add(ArrayLiteral(ranges.wholes))
      .Add(ArrayLiteral(ranges.starts))
      .Add(ArrayLiteral(ranges.ends))
      .Add(limit);
  return params;
}

// A card's id in a row of name_terms: the low half of its search key.
std::string IdOfSearchKey() {
  return "search_key & " + std::to_string((std::int64_t{1} << kWidestKeyShift) - 1) + " AS contact_id";
}

// The names found for one word (NamesMatching): each whole term's newest
// $5 keys, and the keys of each prefix's range, with how many rows the
// range holds up to `longest` (none: every key, and no count); the wholes,
// starts and ends in the parameters from $`first` on. A range of `longest`
// rows or more gives one row of key 0 in place of its keys: its rows are
// counted first, from the index alone, and not read (at 1M people,
// "okaf"'s 2,500 rows: 0.2 ms counted up to a thousand, where a thousand
// read, counted and sorted cost 0.6-0.9 ms for the caller to pass over).
// A `gate` (a condition without columns) reads nothing unless it holds.
std::string NamesFoundSql(int first, std::optional<int> longest, std::string_view gate) {
  const auto param = [first](int offset) { return "$" + std::to_string(first + offset); };
  const std::string where = gate.empty() ? "" : " WHERE " + std::string(gate);
  const std::string range =
      " FROM name_terms n WHERE n.workspace_id = $1 AND n.term >= asked.start AND n.term < asked.past";
  std::string ranged = " CROSS JOIN LATERAL (SELECT search_key, 0::bigint AS range_rows" + range + ") ranged";
  if (longest) {
    const std::string cap = std::to_string(*longest);
    ranged = " CROSS JOIN LATERAL (SELECT count(*) AS rows FROM (SELECT 1" + range + " LIMIT " + cap +
             ") counted) sized CROSS JOIN LATERAL (SELECT search_key, sized.rows AS range_rows" + range +
             " AND sized.rows < " + cap +
             " UNION ALL SELECT 0::bigint, sized.rows WHERE sized.rows >= " + cap + ") ranged";
  }
  return "SELECT whole.search_key, 0::bigint AS range_rows FROM unnest((SELECT " + param(0) +
         "::text[])) AS asked(term) CROSS JOIN LATERAL (SELECT search_key FROM name_terms n "
         "WHERE n.workspace_id = $1 AND n.term = asked.term ORDER BY n.search_key DESC "
         "LIMIT (SELECT $5::bigint)) whole" +
         where + " UNION ALL SELECT ranged.search_key, ranged.range_rows FROM unnest((SELECT " + param(1) +
         "::text[]), (SELECT " + param(2) + "::text[])) AS asked(start, past)" + ranged + where;
}

}  // namespace

std::vector<std::string> PgStore::Lexemes(const Contact& contact, std::vector<std::string>& all_terms) const {
  const SearchDocument document = BuildSearchDocument(contact);
  std::vector<std::string> lexemes;
  for (std::size_t column = 0; column < document.size(); ++column) {
    std::vector<std::string> terms;
    tokenizer_->Tokenize(document.at(column), terms);
    for (const std::string& term : terms) {
      if (term.size() <= kLongestLexeme) lexemes.push_back(Lexeme(kSearchColumns.at(column), term));
      all_terms.push_back(term);
    }
  }
  std::sort(lexemes.begin(), lexemes.end());
  lexemes.erase(std::unique(lexemes.begin(), lexemes.end()), lexemes.end());
  return lexemes;
}

Status PgStore::IndexContact(const Contact& contact, int sign, VocabularyDelta& vocabulary) {
  std::vector<std::string> all_terms;
  const std::vector<std::string> lexemes = Lexemes(contact, all_terms);
  if (sign < 0) {
    KITH_RETURN_IF_ERROR(Run("DELETE FROM search_entries WHERE workspace_id = $1 AND contact_id = $2",
                             Params().Add(contact.id.value)));
  } else {
    KITH_RETURN_IF_ERROR(
        Run("INSERT INTO search_entries(workspace_id, contact_id, search_key, terms) "
            "VALUES ($1, $2, $3, array_to_tsvector($4::text[])) "
            "ON CONFLICT (workspace_id, contact_id) DO UPDATE "
            "SET search_key = excluded.search_key, terms = excluded.terms",
            Params().Add(contact.id.value).Add(SearchKey(contact)).Add(ArrayLiteral(lexemes))));
  }
  CountTerms(all_terms, sign, vocabulary);
  return Ok();
}

Status PgStore::ApplyVocabulary(const VocabularyDelta& vocabulary) {
  if (!deferred_vocabulary_.empty()) {
    for (const auto& [term, delta] : vocabulary) deferred_vocabulary_.back()[term] += delta;
    return Ok();
  }
  return WriteVocabulary(vocabulary);
}

Status PgStore::WriteVocabulary(const VocabularyDelta& vocabulary) {
  // In one statement per write, in term order: two writers that share terms
  // lock them in the same order and never deadlock.
  std::vector<std::pair<std::string, int>> changes;
  for (const auto& [term, delta] : vocabulary) {
    if (delta != 0) changes.emplace_back(term, delta);
  }
  if (changes.empty()) return Ok();
  std::sort(changes.begin(), changes.end());
  std::vector<std::string> terms;
  std::vector<std::string> heads;
  std::vector<std::int64_t> lengths;
  std::vector<std::int64_t> deltas;
  for (const auto& [term, delta] : changes) {
    terms.push_back(term);
    heads.emplace_back(FirstCharacter(term));
    lengths.push_back(CharacterCount(term));
    deltas.push_back(delta);
  }
  KITH_RETURN_IF_ERROR(
      Run("INSERT INTO search_vocabulary(workspace_id, term, head, length, documents) "
          "SELECT $1, * FROM unnest($2::text[], $3::text[], $4::int[], $5::int[]) "
          "ON CONFLICT (workspace_id, term) DO UPDATE "
          "SET documents = search_vocabulary.documents + excluded.documents",
          Params()
              .Add(ArrayLiteral(terms))
              .Add(ArrayLiteral(heads))
              .Add(ArrayLiteral(lengths))
              .Add(ArrayLiteral(deltas))));
  return Run("DELETE FROM search_vocabulary WHERE workspace_id = $1 AND term = ANY($2::text[]) AND documents "
             "<= 0",
             Params().Add(ArrayLiteral(terms)))
      .map([](const Rows&) {});
}

Result<std::vector<ContactId>> PgStore::MatchSearchIndex(SearchTable table, const std::string& expression,
                                                         int limit) {
  const auto terms_of = [this](std::string_view text) { return SearchTerms(text); };
  KITH_ASSIGN_OR_RETURN(const std::string query, ToTsQuery(expression, table, terms_of));
  if (table == SearchTable::kNames) {
    const std::optional<std::vector<NameKey>> forms = OneWordForms(expression, terms_of);
    if (forms) return MatchNames(*forms, query, limit);
  }
  const std::vector<std::vector<NameKey>> words = WordsOf(expression, terms_of);
  // Several words asked of the names ("john chicago"): when one of them is
  // in nobody's name, in any of its forms, nobody is found, and a few
  // probes of name_terms say so instead of the GIN index (which reads every
  // list of the other words' prefixes first). A statement of its own: in
  // the statement of the steps after it, it cost more than it saved when
  // it found a word missing (0.15 against 0.05 ms: the executor starts
  // every step's plan, needed or not; BENCHMARKS.md, pgserve7), which is
  // what it does for a name beside a city ("john chicago").
  if (table == SearchTable::kNames && words.size() > 1) {
    KITH_ASSIGN_OR_RETURN(const bool named, EveryWordNamed(words));
    if (!named) return std::vector<ContactId>{};
  }
  // The plans are fixed by each statement's form rather than left to the
  // planner, whose guess at how many cards a prefix or a dozen ORed columns
  // match is blind: it guessed "many" for a typo that matches none and
  // walked the whole workspace newest first, testing every card (0.3 s a
  // pass at 100k). Instead, cheapest first: a word many cards hold is among
  // the newest few; a rare one has a short list in the GIN index, read
  // whole and sorted; a word in between is among the newest few thousand.
  // Each step that does not fill the page hands over to the next, and the
  // last one, the whole list sorted, always answers. A prefix of one or two
  // letters skips the short list (HasShortPrefix).
  //
  // What the vocabulary says bounds the list (BoundsOf): words it counts
  // in fewer cards than a short list skip the newest few, which could only
  // fill the page if nearly all of those cards were new; words it counts in
  // fewer cards than the newest many are read whole after the newest few —
  // no more cards than the newest many, and an answer, where a capped short
  // list and then the newest many read both for a word a thousand cards
  // hold (8.3 ms at 1M people for a typo of a city). Either way only the
  // order of the steps changes, never the answer — but for a word the
  // vocabulary counts in no card at all, in any of its forms: then nobody
  // holds every word, and nothing is read ("gertrude chicago", or a
  // `tag:` filter on a network without that tag: the GIN index collected
  // the other words' prefixes to find nobody, 0.4-1.1 ms at 1M). Not in a
  // bulk, whose vocabulary is written at its end.
  KITH_ASSIGN_OR_RETURN(const std::vector<std::optional<std::int64_t>> bounds, BoundsOf(words));
  std::optional<std::int64_t> most;
  for (const std::optional<std::int64_t>& bound : bounds) {
    if (bound && (!most || *bound < *most)) most = bound;
  }
  if (most == 0 && deferred_vocabulary_.empty()) return std::vector<ContactId>{};
  KITH_ASSIGN_OR_RETURN(const GinRead read, GinReadOf(expression, table, query, words, bounds));
  if (HasShortPrefix(query)) {
    // Beside a word as typed that fewer cards hold than the newest many
    // ("jo chicago": Chicago's 1,084 cards at 1M people), the word's list,
    // each card tested for the prefix, is read after the newest few: 2.5
    // ms, where the newest 4,096 tested one by one took 5 ms and then the
    // whole question, every card of every "jo" word collected by the GIN
    // index, 27-34 ms. Beside a word many more cards hold ("ma software":
    // 137,403) the steps stay as they were: its list tested whole cost
    // more than the whole question.
    KITH_ASSIGN_OR_RETURN(std::vector<ContactId> newest, NewestMatching(query, limit, kNewestFew));
    if (static_cast<int>(newest.size()) >= limit) return newest;
    if (read.listed && *read.listed < kNewestMany) return AllMatching(read, limit);
    KITH_ASSIGN_OR_RETURN(newest, NewestMatching(query, limit, kNewestMany));
    if (static_cast<int>(newest.size()) >= limit) return newest;
    return AllMatching(GinRead{query, "", std::nullopt}, limit);
  }
  if (!most || *most >= kShortList) {
    KITH_ASSIGN_OR_RETURN(std::vector<ContactId> newest, NewestMatching(query, limit, kNewestFew));
    if (static_cast<int>(newest.size()) >= limit) return newest;
  }
  if (!most || *most >= kNewestMany) {
    KITH_ASSIGN_OR_RETURN(std::optional<std::vector<ContactId>> listed, ShortList(read, limit));
    if (listed) return *std::move(listed);
    KITH_ASSIGN_OR_RETURN(std::vector<ContactId> newest, NewestMatching(query, limit, kNewestMany));
    if (static_cast<int>(newest.size()) >= limit) return newest;
  }
  return AllMatching(read, limit);
}

Result<std::vector<ContactId>> PgStore::MatchSearchIndexAmong(SearchTable table,
                                                              const std::string& expression,
                                                              const std::vector<ContactId>& candidates,
                                                              int limit) {
  KITH_ASSIGN_OR_RETURN(const std::string query, ToTsQuery(expression, table, [this](std::string_view text) {
                          return SearchTerms(text);
                        }));
  // The candidates' entries first, by their primary key, and only then the
  // test: given a rare word, the planner could otherwise prefer the GIN
  // index, which is what this is here to spare. The ids and the limit are
  // hidden from the planner as in NamesMatching, for one plan a connection.
  return GlancedIds(
      "WITH asked AS MATERIALIZED (SELECT contact_id, search_key, terms FROM search_entries "
      "WHERE workspace_id = $1 AND contact_id = ANY((SELECT $2::bigint[])::bigint[])) "
      "SELECT contact_id, search_key FROM asked WHERE terms @@ $3::tsquery ORDER BY search_key DESC "
      "LIMIT (SELECT $4::bigint)",
      Params().Add(IdArray(candidates)).Add(query).Add(limit));
}

Result<std::vector<ContactId>> PgStore::MatchNames(const std::vector<NameKey>& forms,
                                                   const std::string& query, int limit) {
  // One word asked of the names — as typed, as a prefix, with its
  // corrections: most passes of a typeahead — is a few ranges of the btree
  // of name_terms, never the GIN index. A prefix of one or two letters,
  // which thousands of names share, is first looked for among the newest
  // cards; so is a longer one whose range is long. The last step, every
  // name of the range sorted, always answers.
  const bool short_prefix = HasShortPrefix(query);
  std::vector<ContactId> newest;
  if (short_prefix) {
    KITH_ASSIGN_OR_RETURN(newest, NewestMatching(query, limit, kNewestFew));
    if (static_cast<int>(newest.size()) >= limit) return newest;
  }
  KITH_ASSIGN_OR_RETURN(std::optional<std::vector<ContactId>> named,
                        NamesMatching(forms, limit, kLongestNameRange));
  if (named) return *std::move(named);
  return NamesPastALongRange(forms, query, limit);
}

Result<std::vector<ContactId>> PgStore::NamesPastALongRange(const std::vector<NameKey>& forms,
                                                            const std::string& query, int limit) {
  KITH_ASSIGN_OR_RETURN(std::optional<std::vector<ContactId>> spelled, NamesBySpelling(forms, limit));
  if (spelled) return *std::move(spelled);
  KITH_ASSIGN_OR_RETURN(std::vector<ContactId> newest, NewestMatching(query, limit, kNewestMany));
  if (static_cast<int>(newest.size()) >= limit) return newest;
  KITH_ASSIGN_OR_RETURN(std::optional<std::vector<ContactId>> named,
                        NamesMatching(forms, limit, std::nullopt));
  return named.value_or(std::vector<ContactId>{});
}

Result<std::optional<std::vector<ContactId>>> PgStore::NamesBySpelling(const std::vector<NameKey>& forms,
                                                                       int limit) {
  // A prefix many names start with is mostly a few names many people share
  // ("okaf": 2,500 Okafors at 1M people, one name): each name's newest
  // `limit` are the last rows of its range in name_terms, a few index
  // pages, where the newest few thousand cards tested one by one cost 2 ms.
  // The names are found by a skip scan (a recursive walk from each name to
  // the next, one index descent each), at most kMostSpellings a prefix;
  // nullopt when a prefix has more. Each card once, as in NamesMatching.
  constexpr int kMostSpellings = 64;
  const NameRanges ranges = NameRangesOf(forms);
  const std::string most = std::to_string(kMostSpellings);
  KITH_ASSIGN_OR_RETURN(
      const Rows rows,
      Run(WithGlances(
              "WITH RECURSIVE spelled(past, term, n) AS (SELECT asked.past, (SELECT min(n.term) FROM "
              "name_terms n "
              "WHERE n.workspace_id = $1 AND n.term >= asked.start AND n.term < asked.past), 1 "
              "FROM unnest((SELECT $3::text[]), (SELECT $4::text[])) AS asked(start, past) "
              "UNION ALL SELECT s.past, (SELECT min(n.term) FROM name_terms n WHERE n.workspace_id = $1 "
              "AND n.term > s.term AND n.term < s.past), s.n + 1 FROM spelled s "
              "WHERE s.term IS NOT NULL AND s.n <= " +
                  most + "), too_many AS MATERIALIZED (SELECT EXISTS (SELECT 1 FROM spelled WHERE n > " +
                  most +
                  " AND term IS NOT NULL) AS yes), found AS MATERIALIZED (SELECT newest.search_key FROM "
                  "(SELECT term FROM spelled WHERE term IS NOT NULL UNION SELECT unnest((SELECT "
                  "$2::text[]))) "
                  "named CROSS JOIN LATERAL (SELECT search_key FROM name_terms n WHERE n.workspace_id = $1 "
                  "AND n.term = named.term ORDER BY n.search_key DESC LIMIT (SELECT $5::bigint)) newest "
                  "WHERE NOT (SELECT yes FROM too_many)) "
                  "(SELECT DISTINCT ON (search_key) search_key, 0 AS too_many, " +
                  IdOfSearchKey() +
                  " FROM found ORDER BY search_key DESC LIMIT (SELECT $5::bigint)) "
                  "UNION ALL SELECT 0, 1, 0 WHERE (SELECT yes FROM too_many)",
              "hit.contact_id"),
          NameRangeParams(ranges, limit)));
  constexpr int kTooMany = 1;
  for (int row = 0; row < rows.size(); ++row) {
    if (rows.Int(row, kTooMany) != 0) return std::nullopt;
  }
  return std::optional<std::vector<ContactId>>(KeepGlances(rows, 2, 0, 3));
}

Result<PassesFound> PgStore::MatchSearchIndexInTurn(SearchTable table, const std::string& first,
                                                    const std::string& second, int limit) {
  const auto terms_of = [this](std::string_view text) { return SearchTerms(text); };
  KITH_ASSIGN_OR_RETURN(const std::string first_query, ToTsQuery(first, table, terms_of));
  KITH_ASSIGN_OR_RETURN(const std::string second_query, ToTsQuery(second, table, terms_of));
  const std::optional<std::vector<NameKey>> first_forms =
      table == SearchTable::kNames ? OneWordForms(first, terms_of) : std::nullopt;
  const std::optional<std::vector<NameKey>> second_forms =
      table == SearchTable::kNames ? OneWordForms(second, terms_of) : std::nullopt;
  PassesFound found;
  // One word asked of the names twice, as typed and as a prefix (a
  // typeahead's first two passes), each first a range or two of
  // name_terms: both ranges in one statement, the second read only when
  // the first did not fill the page (a one-time filter), instead of a
  // round trip each. Anything else, or a range too long to read whole, is
  // asked as MatchSearchIndex asks it.
  if (!first_forms || !second_forms || HasShortPrefix(first_query) || HasShortPrefix(second_query)) {
    KITH_ASSIGN_OR_RETURN(found.first, MatchSearchIndex(table, first, limit));
    if (static_cast<int>(found.first.size()) >= limit) return found;
    KITH_ASSIGN_OR_RETURN(found.second, MatchSearchIndex(table, second, limit));
    return found;
  }
  const NameRanges first_ranges = NameRangesOf(*first_forms);
  const NameRanges second_ranges = NameRangesOf(*second_forms);
  const std::string key_mask = std::to_string((std::int64_t{1} << kWidestKeyShift) - 1);
  const std::string statement =
      "WITH found AS MATERIALIZED (" + NamesFoundSql(2, kLongestNameRange, "") +
      "), first_page AS MATERIALIZED (SELECT DISTINCT ON (search_key) search_key, "
      "(SELECT max(range_rows) FROM found) AS range_rows FROM found ORDER BY search_key DESC "
      "LIMIT (SELECT $5::bigint)), then_found AS MATERIALIZED (" +
      NamesFoundSql(6, kLongestNameRange,
                    "(SELECT count(*) FROM first_page) < $5 AND (SELECT coalesce(max(range_rows), 0) FROM "
                    "first_page) < " +
                        std::to_string(kLongestNameRange)) +
      ") SELECT 0 AS pass, search_key, range_rows, search_key & " + key_mask +
      " AS contact_id FROM first_page UNION ALL (SELECT DISTINCT ON (search_key) 1, search_key, "
      "(SELECT max(range_rows) FROM then_found), search_key & " +
      key_mask + " FROM then_found ORDER BY search_key DESC LIMIT (SELECT $5::bigint))";
  KITH_ASSIGN_OR_RETURN(const Rows rows, Run(WithGlances(statement, "hit.contact_id"),
                                             Params()
                                                 .Add(ArrayLiteral(first_ranges.wholes))
                                                 .Add(ArrayLiteral(first_ranges.starts))
                                                 .Add(ArrayLiteral(first_ranges.ends))
                                                 .Add(limit)
                                                 .Add(ArrayLiteral(second_ranges.wholes))
                                                 .Add(ArrayLiteral(second_ranges.starts))
                                                 .Add(ArrayLiteral(second_ranges.ends))));
  constexpr int kPass = 0;
  constexpr int kRangeRows = 2;
  const auto range_too_long = [&rows](std::int64_t pass) {
    for (int row = 0; row < rows.size(); ++row) {
      if (rows.Int(row, kPass) == pass && rows.Int(row, kRangeRows) >= kLongestNameRange) return true;
    }
    return false;
  };
  if (range_too_long(0)) {
    KITH_ASSIGN_OR_RETURN(found.first, NamesPastALongRange(*first_forms, first_query, limit));
    if (static_cast<int>(found.first.size()) >= limit) return found;
    KITH_ASSIGN_OR_RETURN(found.second, MatchSearchIndex(table, second, limit));
    return found;
  }
  found.first = KeepGlances(rows, 3, 1, 4, [&rows](int row) { return rows.Int(row, kPass) == 0; });
  if (static_cast<int>(found.first.size()) >= limit) return found;
  if (range_too_long(1)) {
    KITH_ASSIGN_OR_RETURN(found.second, NamesPastALongRange(*second_forms, second_query, limit));
    return found;
  }
  found.second = KeepGlances(rows, 3, 1, 4, [&rows](int row) { return rows.Int(row, kPass) == 1; });
  return found;
}

Result<std::optional<std::vector<ContactId>>> PgStore::NamesMatching(const std::vector<NameKey>& forms,
                                                                     int limit, std::optional<int> longest) {
  // A whole term's newest `limit` are the last rows of its range (the key
  // orders them); a prefix's range, at most `longest` rows (none: all of
  // it), is read from the index alone and sorted. A card found twice counts
  // once, found by two forms ("jon" and "john") or by two of its names in one
  // prefix's range (both starting "ma"); its id is the low half of its key.
  //
  // The arrays and the limits are read through scalar subqueries so that
  // the planner sees their values in no plan: given them, it counted the
  // forms and the page and found each call's own plan cheaper than the
  // prepared statement's generic one, and planned this statement on every
  // call (0.2 ms, three times a typo's execution). The plan is the same.
  const NameRanges ranges = NameRangesOf(forms);
  KITH_ASSIGN_OR_RETURN(
      const Rows rows,
      Run(WithGlances("WITH found AS MATERIALIZED (" + NamesFoundSql(2, longest, "") +
                          ") SELECT DISTINCT ON (search_key) search_key, (SELECT max(range_rows) FROM "
                          "found) AS range_rows, " +
                          IdOfSearchKey() + " FROM found ORDER BY search_key DESC LIMIT (SELECT $5::bigint)",
                      "hit.contact_id"),
          NameRangeParams(ranges, limit)));
  if (longest && !rows.empty() && rows.Int(0, 1) >= *longest) return std::nullopt;
  // Each card once, by DISTINCT ON over the sorted keys: a card's rows are
  // side by side there. (Asking for the first limit × forms rows missed
  // cards behind one found twice in a range; a GROUP BY hashed the keys,
  // and keys whose day and id halves agree collide in PostgreSQL's hash of
  // a bigint.)
  return std::optional<std::vector<ContactId>>(KeepGlances(rows, 2, 0, 3));
}

Result<std::vector<ContactId>> PgStore::AllMatching(const GinRead& read, int limit) {
  // Uncapped, the read always answers.
  KITH_ASSIGN_OR_RETURN(std::optional<std::vector<ContactId>> all, MatchesRead(read, limit, std::nullopt));
  return all.value_or(std::vector<ContactId>{});
}

Result<std::optional<std::vector<ContactId>>> PgStore::ShortList(const GinRead& read, int limit) {
  return MatchesRead(read, limit, kShortList);
}

Result<std::optional<std::vector<ContactId>>> PgStore::MatchesRead(const GinRead& read, int limit,
                                                                   std::optional<int> most) {
  // The matches first, each as the GIN index finds it and then tested for
  // the rest of the query, at most `most` (the short list), and only then
  // sorted. The rest is tested by the function behind @@, which the planner
  // cannot hand to the index (given the operator, it could ask the index
  // for both). The tsqueries and the cap through scalar subqueries, as in
  // kTermsInWorkspace: one plan a connection.
  Params params;
  params.Add(read.index);
  std::string tested;
  std::string capped;
  int next = 3;
  if (!read.rest.empty()) {
    tested = " AND ts_match_vq(terms, (SELECT $" + std::to_string(next++) + "::tsquery))";
    params.Add(read.rest);
  }
  if (most) {
    capped = " LIMIT (SELECT $" + std::to_string(next++) + "::bigint)";
    params.Add(*most);
  }
  params.Add(limit);
  KITH_ASSIGN_OR_RETURN(
      const Rows rows,
      Run(WithGlances(
              "WITH matches AS MATERIALIZED (SELECT contact_id, search_key FROM search_entries WHERE " +
                  std::string(kTermsInWorkspace) + tested + capped +
                  ") SELECT contact_id, search_key, count(*) OVER () AS matched FROM matches "
                  "ORDER BY search_key DESC LIMIT (SELECT $" +
                  std::to_string(next) + "::bigint)",
              "hit.contact_id"),
          params));
  if (most && !rows.empty() && rows.Int(0, 2) >= *most) return std::nullopt;
  return std::optional<std::vector<ContactId>>(KeepGlances(rows, 0, 1, 3));
}

Result<std::vector<ContactId>> PgStore::NewestMatching(const std::string& query, int limit, int newest) {
  return GlancedIds(
      WithLimit("SELECT contact_id, search_key FROM (SELECT contact_id, search_key, terms "
                "FROM search_entries WHERE workspace_id = $1 ORDER BY search_key DESC LIMIT {limit}) newest "
                "WHERE terms @@ $2::tsquery ORDER BY search_key DESC LIMIT $3",
                newest),
      Params().Add(query).Add(limit));
}

Result<bool> PgStore::EveryWordNamed(const std::vector<std::vector<NameKey>>& words) {
  const FormRanges ranges = RangesOf(words, [](const std::vector<NameKey>&) { return true; });
  // The arrays through scalar subqueries: one plan a connection, as in
  // NamesMatching.
  KITH_ASSIGN_OR_RETURN(
      const Rows named,
      Run("SELECT count(DISTINCT asked.word) FROM unnest((SELECT $2::bigint[]), (SELECT $3::text[]), "
          "(SELECT $4::text[])) AS asked(word, first, last) WHERE EXISTS (SELECT 1 FROM name_terms n "
          "WHERE n.workspace_id = $1 AND n.term >= asked.first AND n.term <= asked.last)",
          Params()
              .Add(ArrayLiteral(ranges.word_of))
              .Add(ArrayLiteral(ranges.firsts))
              .Add(ArrayLiteral(ranges.lasts))));
  return named.Int(0, 0) == static_cast<std::int64_t>(words.size());
}

Result<std::vector<std::optional<std::int64_t>>> PgStore::BoundsOf(
    const std::vector<std::vector<NameKey>>& words) {
  // How many cards can hold each word, at most: the cards its forms are
  // counted in (search_vocabulary.documents, a prefix's every completion).
  // Only words whose every form the vocabulary keeps are counted
  // (KeptInVocabulary: no digits alone, three letters or more, so a
  // prefix's completions are kept too); a prefix with more than
  // kMostCompletions completions is counted as common (nullopt). The
  // vocabulary counts a word's cards whatever the column, so what it says
  // bounds the cards that hold it in a few columns too. The arrays through
  // scalar subqueries, as in NamesMatching: one plan a connection.
  std::vector<std::optional<std::int64_t>> bounds(words.size());
  const FormRanges counted = RangesOf(words, [](const std::vector<NameKey>& forms) {
    return std::all_of(forms.begin(), forms.end(),
                       [](const NameKey& form) { return KeptInVocabulary(form.term); });
  });
  if (counted.word_of.empty()) return bounds;
  KITH_ASSIGN_OR_RETURN(
      const Rows rows,
      Run("SELECT asked.word, CASE WHEN count(form.documents) = count(*) THEN sum(form.documents) END "
          "FROM unnest((SELECT $2::bigint[]), (SELECT $3::text[]), (SELECT $4::text[])) "
          "AS asked(word, first, last) "
          "CROSS JOIN LATERAL (SELECT CASE WHEN count(*) > " +
              std::to_string(kMostCompletions) +
              " THEN NULL ELSE coalesce(sum(capped.documents), 0) END AS documents "
              "FROM (SELECT v.documents FROM search_vocabulary v WHERE v.workspace_id = $1 "
              "AND v.term >= asked.first AND v.term <= asked.last LIMIT " +
              std::to_string(kMostCompletions + 1) + ") capped) form GROUP BY asked.word",
          Params()
              .Add(ArrayLiteral(counted.word_of))
              .Add(ArrayLiteral(counted.firsts))
              .Add(ArrayLiteral(counted.lasts))));
  for (int row = 0; row < rows.size(); ++row) {
    const auto word = static_cast<std::size_t>(rows.Int(row, 0));
    if (word < bounds.size() && !rows.IsNull(row, 1)) bounds[word] = rows.Int(row, 1);
  }
  return bounds;
}

Result<PgStore::GinRead> PgStore::GinReadOf(std::string_view expression, SearchTable table,
                                            const std::string& query,
                                            const std::vector<std::vector<NameKey>>& words,
                                            const std::vector<std::optional<std::int64_t>>& bounds) {
  // A prefix is a range of the GIN index's keys, one in each column, and
  // the index collects every card of every key in it before it can skip to
  // the cards the other words hold: "john"* beside "chicago" collected the
  // 12,500 cards of john, johnson, john42… to find the 11 in Chicago (5.5
  // ms at 1M). When the words asked as they are typed bound the matches
  // well below what the prefixes' ranges hold, the index is asked for those
  // words alone — a walk of their short lists that skips — and each card
  // it finds is tested for the prefixes (2.1 ms). With no such word, or
  // prefixes that hold few cards, the index is asked for all of it.
  const std::vector<std::string_view> conditions = TopLevelConditions(expression);
  if (words.size() < 2 || conditions.size() != words.size()) return GinRead{query, "", std::nullopt};
  std::optional<std::int64_t> fewest_exact;
  bool dear_prefix = false;
  std::vector<bool> exact(words.size());
  for (std::size_t word = 0; word < words.size(); ++word) {
    exact[word] =
        std::all_of(words[word].begin(), words[word].end(), [](const NameKey& form) { return form.whole; });
    if (exact[word] && bounds[word] && (!fewest_exact || *bounds[word] < *fewest_exact))
      fewest_exact = bounds[word];
  }
  if (!fewest_exact) return GinRead{query, "", std::nullopt};
  for (std::size_t word = 0; word < words.size(); ++word) {
    if (!exact[word] && (!bounds[word] || *bounds[word] > kReadCostOverCollected * *fewest_exact))
      dear_prefix = true;
  }
  if (!dear_prefix) return GinRead{query, "", std::nullopt};
  std::string indexed;
  std::string rest;
  for (std::size_t word = 0; word < words.size(); ++word) {
    std::string& part = exact[word] ? indexed : rest;
    if (!part.empty()) part += " AND ";
    part += conditions[word];
  }
  const auto terms_of = [this](std::string_view text) { return SearchTerms(text); };
  KITH_ASSIGN_OR_RETURN(std::string index_query, ToTsQuery(indexed, table, terms_of));
  KITH_ASSIGN_OR_RETURN(std::string rest_query, ToTsQuery(rest, table, terms_of));
  return GinRead{std::move(index_query), std::move(rest_query), fewest_exact};
}

Result<std::int64_t> PgStore::CountSearchIndex(SearchTable table, const std::string& expression) {
  KITH_ASSIGN_OR_RETURN(const std::string query, ToTsQuery(expression, table, [this](std::string_view text) {
                          return SearchTerms(text);
                        }));
  KITH_ASSIGN_OR_RETURN(const Rows count,
                        Run("SELECT count(*) FROM search_entries WHERE " + std::string(kTermsInWorkspace),
                            Params().Add(query)));
  return count.Int(0, 0);
}

Result<std::vector<std::string>> PgStore::VocabularyWithPrefix(std::string_view prefix, int limit) {
  KITH_ASSIGN_OR_RETURN(const Rows rows, Run("SELECT term FROM search_vocabulary WHERE workspace_id = $1 "
                                             "AND term >= $2 AND term < $3 ORDER BY term LIMIT $4",
                                             Params().Add(prefix).Add(PastPrefix(prefix)).Add(limit)));
  return TextColumn(rows);
}

Result<std::vector<VocabularyEntry>> PgStore::VocabularyNear(std::string_view head, int min_length,
                                                             int max_length) {
  KITH_ASSIGN_OR_RETURN(
      const Rows rows,
      Run("SELECT term, documents FROM search_vocabulary WHERE workspace_id = $1 AND head = $2 "
          "AND length BETWEEN $3 AND $4 AND term !~ '[0-9]'",
          Params().Add(head).Add(min_length).Add(max_length)));
  std::vector<VocabularyEntry> entries;
  entries.reserve(static_cast<std::size_t>(rows.size()));
  for (int row = 0; row < rows.size(); ++row) {
    entries.push_back(VocabularyEntry{rows.Text(row, 0), static_cast<int>(rows.Int(row, 1))});
  }
  return entries;
}

Result<std::vector<std::vector<VocabularyEntry>>> PgStore::VocabularyNearEach(
    const std::vector<VocabularyReach>& reaches) {
  // Every reach in one statement: a query's corrections asked two
  // look-ups a word (its first letter and its second), each a round trip.
  // The arrays through scalar subqueries: one plan a connection, as in
  // NamesMatching.
  std::vector<std::string> heads;
  std::vector<std::int64_t> shortest;
  std::vector<std::int64_t> longest;
  for (const VocabularyReach& reach : reaches) {
    heads.push_back(reach.head);
    shortest.push_back(reach.min_length);
    longest.push_back(reach.max_length);
  }
  KITH_ASSIGN_OR_RETURN(
      const Rows rows,
      Run("SELECT asked.reach, v.term, v.documents FROM unnest((SELECT $2::text[]), (SELECT $3::int[]), "
          "(SELECT $4::int[])) WITH ORDINALITY AS asked(head, shortest, longest, reach) "
          "CROSS JOIN LATERAL (SELECT term, documents FROM search_vocabulary v WHERE v.workspace_id = $1 "
          "AND v.head = asked.head AND v.length BETWEEN asked.shortest AND asked.longest "
          "AND v.term !~ '[0-9]') v",
          Params().Add(ArrayLiteral(heads)).Add(ArrayLiteral(shortest)).Add(ArrayLiteral(longest))));
  std::vector<std::vector<VocabularyEntry>> entries(reaches.size());
  for (int row = 0; row < rows.size(); ++row) {
    const std::int64_t reach = rows.Int(row, 0) - 1;
    if (reach < 0 || reach >= static_cast<std::int64_t>(entries.size())) continue;
    entries[static_cast<std::size_t>(reach)].push_back(
        VocabularyEntry{rows.Text(row, 1), static_cast<int>(rows.Int(row, 2))});
  }
  return entries;
}

}  // namespace kith::postgres
