#include "store/search_expression.h"

namespace kith {
namespace {

std::string_view Trimmed(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

}  // namespace

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

}  // namespace kith
