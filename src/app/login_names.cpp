#include "app/login_names.h"

#include <algorithm>

namespace kith {
namespace {

constexpr std::size_t kMaxNameLength = 64;

bool IsNameCharacter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
         c == '-';
}

}  // namespace

Status ValidateLoginName(const std::string& name, std::string_view what, std::string_view example,
                         std::string_view field) {
  const std::string noun(what);
  if (name.empty()) {
    return Fail(ErrorCode::kInvalidInput, "a " + noun + " needs a name, like " + std::string(example),
                std::string(field));
  }
  if (name.size() > kMaxNameLength) {
    return Fail(ErrorCode::kInvalidInput, "a " + noun + " name has at most 64 characters",
                std::string(field));
  }
  if (!std::all_of(name.begin(), name.end(), IsNameCharacter)) {
    return Fail(
        ErrorCode::kInvalidInput,
        noun + " name '" + name + "' may hold only letters, digits, '.', '_' and '-' (it is a user name)",
        std::string(field));
  }
  return Ok();
}

}  // namespace kith
