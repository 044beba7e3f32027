#include "store/postgres/name_terms_migration.h"

namespace kith::postgres {
namespace {

// Version 12. A search's first passes ask the names alone ("j", "jo",
// "john" as typed, a typo's corrections), and most typeaheads are answered
// there. Through the GIN index a rare name read its matches' heap pages
// for their search keys and sorted them, or the newest cards were tested
// one by one: 0.2-2 ms a pass (BENCHMARKS.md, "Typeahead on PostgreSQL:
// the names from a btree"). name_terms holds each name term of each card
// beside the card's search key, in a btree led by the workspace: the
// newest cards named "john" are the last rows of one range, and the
// cards with a name starting "okaf" one short range, read from the index
// alone and sorted. Whole terms only, no prefixes: a card's two or three
// rows cost an import's database about 5 % more; each prefix of up to six
// letters as well, about thirteen rows a card, made inserting the search
// entries five to seven times dearer (measured, BENCHMARKS.md).
//
// It is derived from search_entries (its "name:" lexemes) by statement
// triggers, so every write of the index keeps it in step: a card added,
// edited, trashed, restored, merged or deleted, an import's batch of
// thousands (one INSERT … SELECT), a foreign-key cascade. Like
// search_entries it is outside the row-level policies
// (access_migration.cpp): it holds only what the search index holds, every
// statement names its workspace, and a search gives only ids, loaded
// through contacts under the policies. COLLATE "C": a prefix is a range of
// bytes, as in search_vocabulary.
constexpr std::string_view kNameTerms = R"sql(
CREATE TABLE name_terms(
  workspace_id bigint NOT NULL,
  term text COLLATE "C" NOT NULL,
  search_key bigint NOT NULL,
  PRIMARY KEY (workspace_id, term, search_key)
);

-- The name terms of a search entry: its "name:" lexemes without the
-- column. A plain SQL function, inlined where it is called.
CREATE FUNCTION kith_name_terms(terms tsvector) RETURNS SETOF text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT substr(lexeme, 6) FROM unnest(tsvector_to_array(terms)) lexeme WHERE starts_with(lexeme, 'name:')
$$;

CREATE FUNCTION kith_name_terms_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM name_terms n USING old_entries e, kith_name_terms(e.terms) named(term)
    WHERE n.workspace_id = e.workspace_id AND n.term = named.term AND n.search_key = e.search_key;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO name_terms(workspace_id, term, search_key)
      SELECT e.workspace_id, named.term, e.search_key FROM new_entries e, kith_name_terms(e.terms) named(term);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER name_terms_on_insert AFTER INSERT ON search_entries
  REFERENCING NEW TABLE AS new_entries FOR EACH STATEMENT EXECUTE FUNCTION kith_name_terms_follow();
CREATE TRIGGER name_terms_on_update AFTER UPDATE ON search_entries
  REFERENCING OLD TABLE AS old_entries NEW TABLE AS new_entries
  FOR EACH STATEMENT EXECUTE FUNCTION kith_name_terms_follow();
CREATE TRIGGER name_terms_on_delete AFTER DELETE ON search_entries
  REFERENCING OLD TABLE AS old_entries FOR EACH STATEMENT EXECUTE FUNCTION kith_name_terms_follow();

INSERT INTO name_terms(workspace_id, term, search_key)
  SELECT e.workspace_id, named.term, e.search_key FROM search_entries e, kith_name_terms(e.terms) named(term);
)sql";

}  // namespace

std::string_view NameTermsMigration() { return kNameTerms; }

}  // namespace kith::postgres
