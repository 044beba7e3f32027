#include "search/query.h"

#include <array>
#include <utility>

#include "domain/validation.h"

namespace kith {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 27> kFilterNames = {{
    {"name", "name"},
    {"company", "company"},
    {"org", "company"},
    {"organization", "company"},
    {"organisation", "company"},
    {"title", "title"},
    {"email", "email"},
    {"phone", "phone"},
    {"city", "place"},
    {"place", "place"},
    {"neighborhood", "place"},
    {"neighbourhood", "place"},
    {"hometown", "place"},
    {"tag", "tag"},
    {"skill", "skill"},
    {"interest", "interest"},
    {"met", "met"},
    {"event", "met"},
    {"web", "web"},
    {"website", "web"},
    {"link", "web"},
    {"linkedin", "web"},
    {"url", "web"},
    {"note", "note"},
    {"notes", "note"},
    {"looking", "other"},
    {"looking-for", "other"},
}};

// Splits on white space outside double quotes; the quotes are dropped.
std::vector<std::string> SplitWords(std::string_view query) {
  std::vector<std::string> words;
  std::string current;
  bool quoted = false;
  for (const char c : query) {
    if (c == '"') {
      quoted = !quoted;
      continue;
    }
    if (!quoted && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
      if (!current.empty()) words.push_back(std::move(current));
      current.clear();
      continue;
    }
    current += c;
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

}  // namespace

std::string_view FilterColumn(std::string_view field) {
  const std::string lowered = AsciiLower(field);
  for (const auto& [name, column] : kFilterNames) {
    if (name == lowered) return column;
  }
  return {};
}

ParsedQuery ParseQuery(std::string_view query, const Store& store) {
  ParsedQuery parsed;
  for (const std::string& word : SplitWords(query)) {
    const auto colon = word.find(':');
    if (colon != std::string::npos && colon > 0) {
      const std::string_view column = FilterColumn(std::string_view(word).substr(0, colon));
      if (!column.empty()) {
        auto terms = store.SearchTerms(std::string_view(word).substr(colon + 1));
        if (!terms.empty()) parsed.filters.push_back(QueryFilter{std::string(column), std::move(terms)});
        continue;
      }
    }
    for (auto& term : store.SearchTerms(word)) parsed.terms.push_back(std::move(term));
  }
  return parsed;
}

}  // namespace kith
