// What an import sets aside instead of refusing the file: a value that
// failed its check or could not be read. It is reported with its line and
// property, and kept on its card as a raw field the person can see and fix.
// Internal to app/.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "app/prepare_fields.h"
#include "domain/contact.h"
#include "domain/result.h"
#include "formats/import_record.h"

namespace kith {

struct ImportProblem {
  std::size_t line = 0;  // 0 when the file gave none
  std::string property;  // "EMAIL", a column's header; empty for a whole line
  std::string value;     // as the file wrote it
  std::string problem;   // "has no '@'"
  ErrorCode code = ErrorCode::kInvalidInput;

  // "line 44: EMAIL 'x' has no '@'"
  [[nodiscard]] std::string Describe() const;
  // The raw field that keeps the value on the card: "raw EMAIL" = "x".
  [[nodiscard]] CustomField RawField() const;
};

// The record's set-aside values and `invalid` (from TakeOutInvalidValues),
// each placed at the property and line it was read from, in line order.
std::vector<ImportProblem> ProblemsOf(const ImportRecord& record, std::vector<InvalidValue> invalid);

// Keeps each problem's value on the card as its raw field (RawField), once:
// a raw field the card already has is not added again, so a card sent
// twice with the same bad value keeps it once.
void KeepOnCard(const std::vector<ImportProblem>& problems, ContactFields& fields);

// The error a strict import stops at: Describe() with the problem's code.
Error AsError(const ImportProblem& problem);

}  // namespace kith
