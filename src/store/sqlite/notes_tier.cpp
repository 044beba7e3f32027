#include "store/sqlite/notes_tier.h"

#include <algorithm>
#include <iterator>
#include <limits>
#include <memory>

namespace kith::sqlite {
namespace {

std::string_view Trimmed(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

// The conditions of `expression`: split on AND outside strings, brackets
// and column filters.
std::vector<std::string_view> TopLevelConditions(std::string_view expression) {
  constexpr std::string_view kAnd = " AND ";
  std::vector<std::string_view> conditions;
  int depth = 0;
  bool in_string = false;
  std::size_t start = 0;
  for (std::size_t at = 0; at < expression.size(); ++at) {
    const char c = expression[at];
    if (in_string) {
      // A doubled quote is a quote inside the string; the second one opens
      // it again at once.
      if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '(' || c == '{') {
      ++depth;
    } else if (c == ')' || c == '}') {
      --depth;
    } else if (depth == 0 && expression.substr(at, kAnd.size()) == kAnd) {
      conditions.push_back(Trimmed(expression.substr(start, at - start)));
      start = at + kAnd.size();
      at = start - 1;
    }
  }
  conditions.push_back(Trimmed(expression.substr(start)));
  return conditions;
}

TierCondition ConditionFor(std::string_view condition) {
  const std::string whole(condition);
  if (condition.empty() || condition.front() != '{') return {whole, whole};
  const std::size_t close = condition.find('}');
  if (close == std::string_view::npos) return {whole, whole};
  std::string_view form = Trimmed(condition.substr(close + 1));
  if (form.empty() || form.front() != ':') return {whole, whole};
  form = Trimmed(form.substr(1));
  std::string card_columns;
  bool note = false;
  std::string_view columns = condition.substr(1, close - 1);
  while (!columns.empty()) {
    columns = Trimmed(columns);
    const std::size_t end = std::min(columns.find(' '), columns.size());
    const std::string_view column = columns.substr(0, end);
    columns.remove_prefix(end);
    if (column == "note") {
      note = true;
    } else if (!column.empty()) {
      if (!card_columns.empty()) card_columns += ' ';
      card_columns.append(column);
    }
  }
  TierCondition split;
  if (!card_columns.empty()) split.cards = "{" + card_columns + "} : " + std::string(form);
  if (note) split.notes = std::string(form);
  return split;
}

// The keys of one table that match an expression, greatest first, read as
// far as asked.
class KeyCursor {
 public:
  static Result<std::unique_ptr<KeyCursor>> Open(Database& database, std::string_view table,
                                                 const std::string& expression) {
    const std::string name(table);
    KITH_ASSIGN_OR_RETURN(auto select, database.Prepare("SELECT rowid FROM " + name + " WHERE " + name +
                                                        " MATCH ?1 AND rowid <= ?2 ORDER BY rowid DESC"));
    select.Bind(1, expression);
    return std::unique_ptr<KeyCursor>(new KeyCursor(std::move(select)));
  }

  // The greatest matching key not above `bound`; bounds never grow. A key
  // a little below the last is reached by reading on, one far below by
  // asking FTS5 again from there (it seeks each doclist to the bound).
  Result<std::optional<std::int64_t>> AtMost(std::int64_t bound) {
    constexpr int kReadsBeforeSeeking = 8;
    if (done_) return std::nullopt;
    if (started_ && head_ <= bound) return head_;
    if (started_) {
      for (int read = 0; read < kReadsBeforeSeeking; ++read) {
        KITH_ASSIGN_OR_RETURN(const bool row, select_.Step());
        if (!row) return Finish();
        head_ = select_.Int(0);
        if (head_ <= bound) return head_;
      }
      select_.Reset();
    }
    started_ = true;
    select_.Bind(2, bound);
    KITH_ASSIGN_OR_RETURN(const bool row, select_.Step());
    if (!row) return Finish();
    head_ = select_.Int(0);
    return head_;
  }

 private:
  explicit KeyCursor(Statement select) : select_(std::move(select)) {}
  std::optional<std::int64_t> Finish() {
    done_ = true;
    return std::nullopt;
  }

  Statement select_;
  std::int64_t head_ = 0;
  bool started_ = false;
  bool done_ = false;
};

// A condition as the cursors of its tables: it matches a key when one of
// them does.
class ConditionCursor {
 public:
  static Result<ConditionCursor> Open(Database& database, const TierCondition& condition) {
    ConditionCursor cursor;
    if (condition.cards) {
      KITH_ASSIGN_OR_RETURN(auto cards, KeyCursor::Open(database, kCardsTable, *condition.cards));
      cursor.tables_.push_back(std::move(cards));
    }
    if (condition.notes) {
      KITH_ASSIGN_OR_RETURN(auto notes, KeyCursor::Open(database, kNotesTable, *condition.notes));
      cursor.tables_.push_back(std::move(notes));
    }
    return cursor;
  }

  Result<std::optional<std::int64_t>> AtMost(std::int64_t bound) {
    std::optional<std::int64_t> greatest;
    for (const auto& table : tables_) {
      KITH_ASSIGN_OR_RETURN(const auto head, table->AtMost(bound));
      if (head && (!greatest || *head > *greatest)) greatest = head;
    }
    return greatest;
  }

 private:
  std::vector<std::unique_ptr<KeyCursor>> tables_;
};

// Every key of one table that matches `expression`, in ascending order.
Result<std::vector<std::int64_t>> AllKeys(Database& database, std::string_view table,
                                          const std::string& expression) {
  const std::string name(table);
  KITH_ASSIGN_OR_RETURN(auto select, database.Prepare("SELECT rowid FROM " + name + " WHERE " + name +
                                                      " MATCH ?1 ORDER BY rowid"));
  select.Bind(1, expression);
  std::vector<std::int64_t> keys;
  while (true) {
    KITH_ASSIGN_OR_RETURN(const bool row, select.Step());
    if (!row) break;
    keys.push_back(select.Int(0));
  }
  return keys;
}

}  // namespace

std::vector<TierCondition> SplitNotesTierConditions(std::string_view expression) {
  std::vector<TierCondition> conditions;
  for (const std::string_view condition : TopLevelConditions(expression)) {
    conditions.push_back(ConditionFor(condition));
  }
  return conditions;
}

Result<std::vector<std::int64_t>> MatchEveryCondition(Database& database,
                                                      const std::vector<TierCondition>& conditions,
                                                      int limit) {
  std::vector<std::int64_t> keys;
  if (limit <= 0 || conditions.empty()) return keys;
  std::vector<ConditionCursor> cursors;
  cursors.reserve(conditions.size());
  for (const auto& condition : conditions) {
    KITH_ASSIGN_OR_RETURN(auto cursor, ConditionCursor::Open(database, condition));
    cursors.push_back(std::move(cursor));
  }
  // Leapfrog: each condition in turn lowers the bound to its greatest key
  // under it, until every condition has the bound itself.
  std::int64_t bound = std::numeric_limits<std::int64_t>::max();
  while (static_cast<int>(keys.size()) < limit) {
    std::size_t agreeing = 0;
    for (std::size_t at = 0; agreeing < cursors.size(); at = (at + 1) % cursors.size()) {
      KITH_ASSIGN_OR_RETURN(const auto head, cursors[at].AtMost(bound));
      if (!head) return keys;
      if (*head == bound) {
        ++agreeing;
      } else {
        bound = *head;
        agreeing = 1;
      }
    }
    keys.push_back(bound);
    if (bound == std::numeric_limits<std::int64_t>::min()) break;
    --bound;
  }
  return keys;
}

Result<std::int64_t> CountEveryCondition(Database& database, const std::vector<TierCondition>& conditions) {
  std::vector<std::int64_t> common;
  bool first = true;
  for (const auto& condition : conditions) {
    std::vector<std::int64_t> either;
    if (condition.cards) {
      KITH_ASSIGN_OR_RETURN(either, AllKeys(database, kCardsTable, *condition.cards));
    }
    if (condition.notes) {
      KITH_ASSIGN_OR_RETURN(const auto notes, AllKeys(database, kNotesTable, *condition.notes));
      std::vector<std::int64_t> merged;
      merged.reserve(either.size() + notes.size());
      std::set_union(either.begin(), either.end(), notes.begin(), notes.end(), std::back_inserter(merged));
      either = std::move(merged);
    }
    if (first) {
      common = std::move(either);
      first = false;
    } else {
      std::vector<std::int64_t> both;
      std::set_intersection(common.begin(), common.end(), either.begin(), either.end(),
                            std::back_inserter(both));
      common = std::move(both);
    }
    if (common.empty()) break;
  }
  return static_cast<std::int64_t>(common.size());
}

}  // namespace kith::sqlite
