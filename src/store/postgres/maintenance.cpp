// `kith check` on PostgreSQL. The server keeps its own pages and foreign
// keys sound; what it cannot know is whether the search index and the
// vocabulary, which kith writes beside the cards, still describe them.
#include <algorithm>
#include <map>

#include "store/postgres/pg_store.h"
#include "store/postgres/row_values.h"
#include "store/search_document.h"

namespace kith::postgres {
namespace {

// A broken index tends to be broken everywhere: a few examples of each
// finding say enough.
constexpr int kExamples = 20;
constexpr int kBatch = 500;

}  // namespace

Result<std::vector<std::string>> PgStore::CheckIntegrity() {
  std::vector<std::string> problems;
  KITH_ASSIGN_OR_RETURN(
      const Rows unindexed,
      Run("SELECT c.id FROM contacts c LEFT JOIN search_entries s ON s.workspace_id = c.workspace_id "
          "AND s.contact_id = c.id WHERE c.workspace_id = $1 AND c.trashed_at IS NULL "
          "AND s.contact_id IS NULL ORDER BY c.id LIMIT $2",
          Params().Add(kExamples)));
  problems.reserve(static_cast<std::size_t>(unindexed.size()));
  for (int row = 0; row < unindexed.size(); ++row) {
    problems.push_back("contact " + std::to_string(unindexed.Int(row, 0)) + " is not in the search index");
  }
  KITH_ASSIGN_OR_RETURN(
      const Rows stray,
      Run("SELECT s.contact_id FROM search_entries s LEFT JOIN contacts c ON c.workspace_id = s.workspace_id "
          "AND c.id = s.contact_id AND c.trashed_at IS NULL WHERE s.workspace_id = $1 AND c.id IS NULL "
          "ORDER BY s.contact_id LIMIT $2",
          Params().Add(kExamples)));
  for (int row = 0; row < stray.size(); ++row) {
    problems.push_back("the search index holds contact " + std::to_string(stray.Int(row, 0)) +
                       ", which is not a live card");
  }

  // The names' btree against the entries it is derived from (by triggers,
  // PostgreSQL migration 12): each card whose name terms differ, once.
  KITH_ASSIGN_OR_RETURN(
      const Rows misnamed,
      Run("WITH derived AS (SELECT named.term, e.search_key FROM search_entries e, "
          "kith_name_terms(e.terms) named(term) WHERE e.workspace_id = $1), "
          "held AS (SELECT term, search_key FROM name_terms WHERE workspace_id = $1) "
          "SELECT DISTINCT search_key FROM ((SELECT * FROM derived EXCEPT SELECT * FROM held) "
          "UNION ALL (SELECT * FROM held EXCEPT SELECT * FROM derived)) differing "
          "ORDER BY search_key LIMIT $2",
          Params().Add(kExamples)));
  for (int row = 0; row < misnamed.size(); ++row) {
    problems.push_back("the name terms of contact " +
                       std::to_string(ContactIdFromSearchKey(misnamed.Int(row, 0)).value) +
                       " do not match its search index entry");
  }

  // Each live card's entry against the one its values make now, and the
  // vocabulary's counts against the cards, a batch of cards at a time.
  VocabularyDelta expected;
  int mismatched = 0;
  ContactId after{0};
  while (true) {
    KITH_ASSIGN_OR_RETURN(const auto ids, ContactIdsAfter(after, kBatch, false));
    if (ids.empty()) break;
    after = ids.back();
    KITH_ASSIGN_OR_RETURN(const auto cards, GetContacts(ids));
    KITH_ASSIGN_OR_RETURN(
        const Rows stored,
        Run("SELECT contact_id, search_key, unnest(tsvector_to_array(terms)) "
            "FROM search_entries WHERE workspace_id = $1 AND contact_id = ANY($2::bigint[])",
            Params().Add(IdArray(ids))));
    std::map<std::int64_t, std::pair<std::int64_t, std::vector<std::string>>> entries;
    for (int row = 0; row < stored.size(); ++row) {
      auto& entry = entries[stored.Int(row, 0)];
      entry.first = stored.Int(row, 1);
      entry.second.push_back(stored.Text(row, 2));
    }
    for (const Contact& card : cards) {
      std::vector<std::string> terms;
      const std::vector<std::string> lexemes = Lexemes(card, terms);
      CountTerms(terms, +1, expected);
      const auto entry = entries.find(card.id.value);
      if (entry == entries.end()) continue;  // reported above
      std::vector<std::string> held = entry->second.second;
      std::sort(held.begin(), held.end());
      if ((entry->second.first != SearchKey(card) || held != lexemes) && mismatched++ < kExamples) {
        problems.push_back("the search index entry of contact " + std::to_string(card.id.value) +
                           " does not match the card");
      }
    }
  }
  KITH_ASSIGN_OR_RETURN(const Rows vocabulary,
                        Run("SELECT term, documents FROM search_vocabulary WHERE workspace_id = $1"));
  int miscounted = 0;
  const auto report = [&](const std::string& term, std::int64_t held, int actual) {
    if (held != actual && miscounted++ < kExamples) {
      problems.push_back("the vocabulary counts " + std::to_string(held) + " cards with the term '" + term +
                         "', " + std::to_string(actual) + " have it");
    }
  };
  for (int row = 0; row < vocabulary.size(); ++row) {
    const std::string term = vocabulary.Text(row, 0);
    const auto counted = expected.find(term);
    report(term, vocabulary.Int(row, 1), counted == expected.end() ? 0 : counted->second);
    if (counted != expected.end()) expected.erase(counted);
  }
  for (const auto& [term, count] : expected) report(term, 0, count);
  return problems;
}

}  // namespace kith::postgres
