#include "app/import_problems.h"

#include <algorithm>

#include "domain/validation.h"

namespace kith {
namespace {

// Long values (a photo, a pasted paragraph) are cut in messages, at a
// character boundary.
std::string Excerpt(const std::string& text) {
  constexpr std::size_t kMaxBytes = 80;
  if (text.size() <= kMaxBytes) return text;
  std::size_t cut = kMaxBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "…";
}

std::string AsciiUpper(std::string text) {
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return text;
}

// The check's message without its "email 'x'" opening, which the problem
// says again with the property's own name.
std::string WhatIsWrong(const InvalidValue& invalid) {
  const std::string& message = invalid.error.message;
  const std::string opening = invalid.error.field + " '" + invalid.value + "'";
  if (!message.starts_with(opening)) return message;
  return Trim(std::string_view(message).substr(opening.size()));
}

// The origin a tidied value came from: the same text, or the text with the
// scheme tidying added ("acme.com" became "https://acme.com").
const ValueOrigin* FindOrigin(const std::vector<ValueOrigin>& origins, std::vector<bool>& used,
                              const std::string& value) {
  for (std::size_t i = 0; i < origins.size(); ++i) {
    if (used[i]) continue;
    const std::string written = Trim(origins[i].value);
    if (written.empty() || !(written == value || value.ends_with(written))) continue;
    used[i] = true;
    return &origins[i];
  }
  return nullptr;
}

}  // namespace

std::string ImportProblem::Describe() const {
  std::string where = line == 0 ? std::string() : "line " + std::to_string(line) + ": ";
  std::string what = property.empty() ? "'" + Excerpt(value) + "'" : property + " '" + Excerpt(value) + "'";
  return where + what + " " + problem;
}

CustomField ImportProblem::RawField() const {
  return CustomField{"raw " + (property.empty() ? std::string("line") : property), value};
}

std::vector<ImportProblem> ProblemsOf(const ImportRecord& record, std::vector<InvalidValue> invalid) {
  std::vector<ImportProblem> problems;
  problems.reserve(record.set_aside.size() + invalid.size());
  for (const SetAsideValue& aside : record.set_aside) {
    problems.push_back(
        ImportProblem{aside.line, aside.property, aside.value, aside.problem, ErrorCode::kParseError});
  }
  std::vector<bool> used(record.origins.size(), false);
  for (InvalidValue& value : invalid) {
    ImportProblem problem;
    problem.problem = WhatIsWrong(value);
    problem.code = value.error.code;
    if (const ValueOrigin* origin = FindOrigin(record.origins, used, value.value)) {
      problem.line = origin->line;
      problem.property = origin->property;
      problem.value = origin->value;
    } else {
      problem.line = record.line;
      problem.property = AsciiUpper(value.error.field);
      problem.value = std::move(value.value);
    }
    problems.push_back(std::move(problem));
  }
  std::stable_sort(problems.begin(), problems.end(),
                   [](const ImportProblem& a, const ImportProblem& b) { return a.line < b.line; });
  return problems;
}

void KeepOnCard(const std::vector<ImportProblem>& problems, ContactFields& fields) {
  for (const ImportProblem& problem : problems) {
    CustomField raw = problem.RawField();
    if (std::find(fields.custom.begin(), fields.custom.end(), raw) == fields.custom.end()) {
      fields.custom.push_back(std::move(raw));
    }
  }
}

Error AsError(const ImportProblem& problem) {
  return Error{problem.code, problem.Describe(), problem.property};
}

}  // namespace kith
