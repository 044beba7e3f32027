#include "store/postgres/fts_expression.h"

#include <algorithm>

namespace kith::postgres {
namespace {

// A lexeme that never exists (every real one has a column and a colon):
// what a phrase with no terms in it matches.
constexpr std::string_view kNothing = "'-'";

// tsquery quoting: inside '…', a quote is doubled and a backslash escaped.
std::string QuoteLexeme(std::string_view lexeme) {
  std::string quoted = "'";
  for (const char c : lexeme) {
    if (c == '\'') quoted += '\'';
    if (c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "'";
}

class Parser {
 public:
  Parser(std::string_view text, const std::function<std::vector<std::string>(std::string_view)>& terms_of)
      : text_(text), terms_of_(terms_of) {}

  Result<std::string> Parse(const std::vector<std::string_view>& columns) {
    KITH_ASSIGN_OR_RETURN(std::string query, Or(columns));
    SkipSpace();
    if (position_ != text_.size()) return Bad("unexpected '" + std::string(text_.substr(position_, 1)) + "'");
    return query;
  }

 private:
  Result<std::string> Or(const std::vector<std::string_view>& columns) {
    KITH_ASSIGN_OR_RETURN(std::string query, And(columns));
    while (Keyword("OR")) {
      KITH_ASSIGN_OR_RETURN(const std::string next, And(columns));
      query.insert(0, "(");
      query += " | ";
      query += next;
      query += ")";
    }
    return query;
  }

  Result<std::string> And(const std::vector<std::string_view>& columns) {
    KITH_ASSIGN_OR_RETURN(std::string query, Unary(columns));
    while (true) {
      SkipSpace();
      if (position_ >= text_.size() || text_[position_] == ')' || Peek("OR")) break;
      (void)Keyword("AND");
      KITH_ASSIGN_OR_RETURN(const std::string next, Unary(columns));
      query.insert(0, "(");
      query += " & ";
      query += next;
      query += ")";
    }
    return query;
  }

  Result<std::string> Unary(const std::vector<std::string_view>& columns) {
    SkipSpace();
    if (position_ < text_.size() && text_[position_] == '{') {
      const std::size_t close = text_.find('}', position_);
      if (close == std::string_view::npos) return Bad("a column filter without '}'");
      std::vector<std::string_view> narrowed;
      std::string_view names = text_.substr(position_ + 1, close - position_ - 1);
      while (!names.empty()) {
        const std::size_t space = names.find(' ');
        const std::string_view name = names.substr(0, space);
        if (!name.empty()) {
          if (std::find(columns.begin(), columns.end(), name) != columns.end()) narrowed.push_back(name);
          if (std::find(kSearchColumns.begin(), kSearchColumns.end(), name) == kSearchColumns.end()) {
            return Bad("no column '" + std::string(name) + "'");
          }
        }
        names = space == std::string_view::npos ? std::string_view() : names.substr(space + 1);
      }
      position_ = close + 1;
      SkipSpace();
      if (position_ >= text_.size() || text_[position_] != ':') return Bad("a column filter without ':'");
      ++position_;
      return Unary(narrowed);
    }
    if (position_ < text_.size() && text_[position_] == '(') {
      ++position_;
      KITH_ASSIGN_OR_RETURN(std::string inner, Or(columns));
      SkipSpace();
      if (position_ >= text_.size() || text_[position_] != ')') return Bad("a '(' without ')'");
      ++position_;
      return inner;
    }
    return Phrase(columns);
  }

  Result<std::string> Phrase(const std::vector<std::string_view>& columns) {
    std::string content;
    if (position_ < text_.size() && text_[position_] == '"') {
      ++position_;
      while (true) {
        if (position_ >= text_.size()) return Bad("a '\"' without its closing quote");
        const char c = text_[position_++];
        if (c == '"') {
          if (position_ < text_.size() && text_[position_] == '"') {
            content += '"';
            ++position_;
            continue;
          }
          break;
        }
        content += c;
      }
    } else {
      while (position_ < text_.size() &&
             std::string_view(" ()\"*{}:").find(text_[position_]) == std::string_view::npos) {
        content += text_[position_++];
      }
      if (content.empty()) return Bad("a term was expected");
    }
    const bool prefix = position_ < text_.size() && text_[position_] == '*';
    if (prefix) ++position_;
    const std::vector<std::string> terms = terms_of_(content);
    if (terms.empty() || columns.empty()) return std::string(kNothing);
    // Every term of the phrase in one of the columns (the index keeps no
    // positions, so a phrase of several terms asks for all of them there).
    std::string any_column;
    for (const std::string_view column : columns) {
      std::string all_terms;
      for (std::size_t i = 0; i < terms.size(); ++i) {
        const bool last = i + 1 == terms.size();
        std::string lexeme = QuoteLexeme(Lexeme(column, terms[i]));
        if (last && prefix) lexeme += ":*";
        all_terms += (all_terms.empty() ? "" : " & ") + lexeme;
      }
      if (terms.size() > 1) {
        all_terms.insert(0, "(");
        all_terms += ")";
      }
      any_column += (any_column.empty() ? "" : " | ") + all_terms;
    }
    return columns.size() > 1 ? "(" + any_column + ")" : any_column;
  }

  void SkipSpace() {
    while (position_ < text_.size() && text_[position_] == ' ') ++position_;
  }

  [[nodiscard]] bool Peek(std::string_view keyword) const {
    if (text_.substr(position_, keyword.size()) != keyword) return false;
    const std::size_t after = position_ + keyword.size();
    return after < text_.size() && text_[after] == ' ';
  }

  bool Keyword(std::string_view keyword) {
    SkipSpace();
    if (!Peek(keyword)) return false;
    position_ += keyword.size();
    return true;
  }

  tl::unexpected<Error> Bad(const std::string& what) const {
    return Fail(ErrorCode::kInternal, "search expression not understood on PostgreSQL: " + what + " in '" +
                                          std::string(text_) + "'");
  }

  std::string_view text_;
  const std::function<std::vector<std::string>(std::string_view)>& terms_of_;
  std::size_t position_ = 0;
};

}  // namespace

std::vector<std::string_view> ColumnsOf(SearchTable table) {
  switch (table) {
    case SearchTable::kNames:
      return {kSearchColumns.front()};
    case SearchTable::kCards:
      return {kSearchColumns.begin(), kSearchColumns.end() - 1};
    case SearchTable::kEverything:
      return {kSearchColumns.begin(), kSearchColumns.end()};
  }
  return {kSearchColumns.begin(), kSearchColumns.end()};
}

std::string Lexeme(std::string_view column, std::string_view term) {
  std::string lexeme(column);
  lexeme += ':';
  lexeme += term;
  return lexeme;
}

std::optional<std::vector<NameKey>> OneWordForms(
    std::string_view expression, const std::function<std::vector<std::string>(std::string_view)>& terms_of) {
  std::size_t position = 0;
  const auto skip_space = [&]() {
    while (position < expression.size() && expression[position] == ' ') ++position;
  };
  // One "quoted" form with its optional *, as search.cpp's Quote writes it.
  const auto form = [&]() -> std::optional<NameKey> {
    skip_space();
    if (position >= expression.size() || expression[position] != '"') return std::nullopt;
    std::string content;
    for (++position;; ++position) {
      if (position >= expression.size()) return std::nullopt;
      if (expression[position] != '"') {
        content += expression[position];
      } else if (position + 1 < expression.size() && expression[position + 1] == '"') {
        content += '"';
        ++position;
      } else {
        break;
      }
    }
    ++position;
    const bool prefix = position < expression.size() && expression[position] == '*';
    if (prefix) ++position;
    std::vector<std::string> terms = terms_of(content);
    if (terms.size() != 1) return std::nullopt;
    return NameKey{std::move(terms.front()), !prefix};
  };
  std::vector<NameKey> forms;
  skip_space();
  const bool grouped = position < expression.size() && expression[position] == '(';
  if (grouped) ++position;
  while (true) {
    std::optional<NameKey> next = form();
    if (!next) return std::nullopt;
    forms.push_back(std::move(*next));
    skip_space();
    if (!grouped || expression.substr(position, 3) != "OR ") break;
    position += 3;
  }
  if (grouped) {
    if (position >= expression.size() || expression[position] != ')') return std::nullopt;
    ++position;
    skip_space();
  }
  if (position != expression.size()) return std::nullopt;
  return forms;
}

Result<std::string> ToTsQuery(std::string_view expression, SearchTable table,
                              const std::function<std::vector<std::string>(std::string_view)>& terms_of) {
  return Parser(expression, terms_of).Parse(ColumnsOf(table));
}

}  // namespace kith::postgres
