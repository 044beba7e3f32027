#include "store/sqlite/notes_tier.h"

#include <algorithm>

#include "store/search_expression.h"

namespace kith::sqlite {
namespace {

std::string_view Trimmed(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

// `form` with the mark in front of every string in it: the same question
// of the notes.
std::string Marked(std::string_view form) {
  std::string marked;
  bool in_string = false;
  for (std::size_t at = 0; at < form.size(); ++at) {
    const char c = form[at];
    marked += c;
    if (c != '"') continue;
    if (in_string && at + 1 < form.size() && form[at + 1] == '"') {
      marked += form[++at];  // a doubled quote inside the string
      continue;
    }
    in_string = !in_string;
    if (in_string) marked.append(kNoteMark);
  }
  return marked;
}

// One condition split into the card columns it names and whether it names
// the notes; no filter names every column.
struct Condition {
  std::string card_columns;  // empty: every card column
  bool cards = true;
  bool notes = true;
  std::string_view form;
};

Condition Parse(std::string_view condition) {
  Condition parsed{"", true, true, condition};
  if (condition.empty() || condition.front() != '{') return parsed;
  const std::size_t close = condition.find('}');
  if (close == std::string_view::npos) return parsed;
  std::string_view form = Trimmed(condition.substr(close + 1));
  if (form.empty() || form.front() != ':') return parsed;
  parsed.form = Trimmed(form.substr(1));
  parsed.notes = false;
  std::string_view columns = condition.substr(1, close - 1);
  while (!columns.empty()) {
    columns = Trimmed(columns);
    const std::size_t end = std::min(columns.find(' '), columns.size());
    const std::string_view column = columns.substr(0, end);
    columns.remove_prefix(end);
    if (column == "note") {
      parsed.notes = true;
    } else if (!column.empty()) {
      if (!parsed.card_columns.empty()) parsed.card_columns += ' ';
      parsed.card_columns.append(column);
    }
  }
  parsed.cards = !parsed.card_columns.empty();
  return parsed;
}

}  // namespace

std::string MarkedNoteTerms(const std::vector<std::string>& terms) {
  std::string marked;
  for (const auto& term : terms) {
    if (!marked.empty()) marked += ' ';
    marked.append(kNoteMark).append(term);
  }
  return marked;
}

std::string WithoutNoteMark(std::string text) {
  for (std::size_t at = text.find(kNoteMark); at != std::string::npos; at = text.find(kNoteMark, at)) {
    text.replace(at, kNoteMark.size(), " ");
  }
  return text;
}

Result<std::string> NotesTierExpression(std::string_view expression, PrefixLengths indexed,
                                        const CompletionLookup& completions,
                                        const IndexTermCheck& is_index_term) {
  // A marked prefix of n letters is n + 1 characters long.
  const PrefixLengths indexed_notes = indexed >> 1;
  std::string question;
  for (const std::string_view text : TopLevelConditions(expression)) {
    const Condition condition = Parse(text);
    std::vector<std::string> sides;
    if (condition.cards) {
      KITH_ASSIGN_OR_RETURN(std::string fields,
                            ExpandUnindexedPrefixes(condition.form, indexed, completions, is_index_term));
      if (!condition.card_columns.empty()) fields.insert(0, "{" + condition.card_columns + "} : ");
      sides.push_back(std::move(fields));
    }
    if (condition.notes) {
      KITH_ASSIGN_OR_RETURN(const std::string notes, ExpandUnindexedPrefixes(condition.form, indexed_notes,
                                                                             completions, is_index_term));
      // Marked terms are only ever in the note column: no filter needed.
      sides.push_back(Marked(notes));
    }
    if (!question.empty()) question += " AND ";
    if (sides.empty()) {
      // A filter that names no column: FTS5 says so, as it did before.
      question.append(text);
    } else if (sides.size() == 1) {
      question += sides.front();
    } else {
      question.append("(").append(sides[0]).append(" OR ").append(sides[1]).append(")");
    }
  }
  return question;
}

}  // namespace kith::sqlite
