#include <algorithm>

#include "app/contacts.h"

namespace kith {

Result<FilterField> ParseFilterField(std::string_view name) {
  if (name == "tag") return FilterField::kTag;
  if (name == "event") return FilterField::kEvent;
  return Fail(ErrorCode::kInvalidInput, "'" + std::string(name) + "' is no filter: use tag or event",
              "field");
}

Result<std::vector<std::string>> SuggestFilterValues(Context& context, FilterField field,
                                                     std::string_view prefix, int limit) {
  constexpr std::size_t kLongestPrefix = 200;
  if (prefix.size() > kLongestPrefix) {
    return Fail(ErrorCode::kInvalidInput, "the text to complete is over 200 characters", "prefix");
  }
  if (limit < 1) return Fail(ErrorCode::kInvalidInput, "limit must be at least 1", "limit");
  switch (field) {
    case FilterField::kTag:
      return context.store.LabelsWithPrefix("tag", prefix, limit);
    case FilterField::kEvent:
      return context.store.MetAtWithPrefix(prefix, limit);
  }
  return Fail(ErrorCode::kInternal, "unknown filter", "field");
}

}  // namespace kith
