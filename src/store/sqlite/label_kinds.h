// How the SQLite file writes a label's kind and text (migration 21): the
// kind as a number in contact_labels, the text once in label_values, named
// by id. The numbers follow the names' alphabetical order, so rows read in
// (contact, kind, position) order come out as they did when the kind was
// its name; the two most common kinds take 0 and 1, which a record stores
// in no bytes. Internal to store/ (the move of a file into PostgreSQL reads
// the labels back in their named form).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kith::sqlite {

inline constexpr std::int64_t kInterestKind = 0;
inline constexpr std::int64_t kSkillKind = 1;
inline constexpr std::int64_t kTagKind = 2;
// Statements and triggers that ask for tags write `kind = 2` as it is: the
// index by value holds the tags alone (WHERE kind = 2), and SQLite answers
// from a partial index only a statement that names its condition, not a
// bound parameter.
static_assert(kTagKind == 2, "the statements and migration 21 write a tag's kind as 2");
// The condition that a row of contact_labels (`row`: the table's name or
// its alias) is a tag whose text folds to `folded` (a placeholder, "?1"),
// as every statement that asks for a tag's people writes it.
inline std::string IsTagFoldedAs(std::string_view row, std::string_view folded) {
  const std::string table(row);
  return table + ".kind = 2 AND " + table +
         ".value_id IN (SELECT id FROM label_values WHERE folded = " + std::string(folded) + ")";
}

// What a kind that is none of the three is asked as: it matches no row,
// as an unknown name did.
inline constexpr std::int64_t kNoKind = -1;

// The number of kind `name` ("tag", "skill", "interest"); kNoKind for any
// other name.
constexpr std::int64_t LabelKindCode(std::string_view name) {
  if (name == "interest") return kInterestKind;
  if (name == "skill") return kSkillKind;
  if (name == "tag") return kTagKind;
  return kNoKind;
}

// The labels as rows of (contact_id, kind, position, value, folded), the
// kind by name: what the file held before migration 21, and what
// PostgreSQL's contact_labels holds.
inline constexpr std::string_view kLabelRowsWithText =
    "SELECT l.contact_id AS contact_id, CASE l.kind WHEN 0 THEN 'interest' WHEN 1 THEN 'skill' "
    "WHEN 2 THEN 'tag' END AS kind, l.position AS position, v.value AS value, v.folded AS folded "
    "FROM contact_labels l JOIN label_values v ON v.id = l.value_id";

}  // namespace kith::sqlite
