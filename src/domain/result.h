// Errors as values: every layer boundary returns Result<T>.
#pragma once

#include <string>
#include <utility>

#include <tl/expected.hpp>

namespace kith {

// A small closed set: each code maps to exactly one exit code (cli) and one
// HTTP status (http); both mappings are switches without default.
enum class ErrorCode {
  kInvalidInput,
  kNotFound,
  kAlreadyExists,
  kConflict,
  kParseError,
  kIo,
  kInternal,
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;  // a sentence a person can act on
  std::string field;    // the field or line it concerns, when there is one
};

template <typename T>
using Result = tl::expected<T, Error>;

// Result<void> reads badly at call sites; Status is the same thing.
using Status = tl::expected<void, Error>;

inline tl::unexpected<Error> Fail(ErrorCode code, std::string message, std::string field = {}) {
  return tl::unexpected<Error>(Error{code, std::move(message), std::move(field)});
}

inline Status Ok() { return {}; }

}  // namespace kith

// The macros take identifiers and declarations, which parentheses would break.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define KITH_CONCAT_INNER(a, b) a##b
#define KITH_CONCAT(a, b) KITH_CONCAT_INNER(a, b)

#define KITH_RETURN_IF_ERROR_IMPL(tmp, expr)      \
  do {                                            \
    auto&& tmp = (expr);                          \
    if (!tmp) return tl::unexpected(tmp.error()); \
  } while (false)

// Returns the error of a failed Status/Result from the enclosing function.
#define KITH_RETURN_IF_ERROR(expr) KITH_RETURN_IF_ERROR_IMPL(KITH_CONCAT(kith_status_, __COUNTER__), expr)

#define KITH_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto&& tmp = (expr);                             \
  if (!tmp) return tl::unexpected(tmp.error());    \
  lhs = std::move(*tmp)

// Declares `lhs` from a successful Result, or returns its error.
#define KITH_ASSIGN_OR_RETURN(lhs, expr) \
  KITH_ASSIGN_OR_RETURN_IMPL(KITH_CONCAT(kith_result_, __COUNTER__), lhs, expr)
// NOLINTEND(bugprone-macro-parentheses)
