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
  // Who asks is not signed in: wrong or missing credentials.
  kUnauthorized,
  // The input is fine, but who acts may not do it (a viewer's write).
  kForbidden,
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

// A value or the Error that stopped it. [[nodiscard]] on the type: a call
// whose Result is dropped does not compile (-Werror=unused-result), so an
// error cannot pass silently. Where dropping one is right, cast the call to
// (void) with a comment that says why.
template <typename T>
class [[nodiscard]] Result : public tl::expected<T, Error> {
 public:
  using tl::expected<T, Error>::expected;
  Result() = default;
  // From the plain tl::expected that the monadic calls (map, and_then) give.
  Result(tl::expected<T, Error> other)  // NOLINT(google-explicit-constructor): a Result is one
      : tl::expected<T, Error>(std::move(other)) {}
};

// Result<void> reads badly at call sites; Status is the same thing.
using Status = Result<void>;

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
