#include "formats/table_columns.h"

#include <algorithm>

#include "formats/table_cells.h"

namespace kith::table {

std::string_view TargetName(Target target) {
  for (const auto& info : kTargets) {
    if (info.target == target) return info.name;
  }
  return "custom";
}

std::optional<LinkKind> LinkKindOf(Target target) {
  switch (target) {
    case Target::kLinkedIn:
    case Target::kLinkedInConnection:
      return LinkKind::kLinkedIn;
    case Target::kTwitter:
      return LinkKind::kTwitter;
    case Target::kFacebook:
      return LinkKind::kFacebook;
    case Target::kInstagram:
      return LinkKind::kInstagram;
    case Target::kGitHub:
      return LinkKind::kGitHub;
    case Target::kLink:
      return LinkKind::kOther;
    default:
      return std::nullopt;
  }
}

std::string ValidFieldNames() {
  std::string names;
  for (const auto& info : kTargets) {
    if (!info.mappable) continue;
    if (!names.empty()) names += ", ";
    names += info.name;
  }
  return names;
}

std::optional<Target> ParseTargetName(std::string_view name) {
  std::string key = Lower(TrimView(name));
  std::replace(key.begin(), key.end(), '-', '_');
  std::replace(key.begin(), key.end(), ' ', '_');
  for (const auto& info : kTargets) {
    if (info.mappable && info.name == key) return info.target;
  }
  for (const auto& [alias, target] : kTargetAliases) {
    if (alias == key) return target;
  }
  return std::nullopt;
}

bool IdentifiesSomeone(Target target) {
  return target == Target::kName || target == Target::kGivenName || target == Target::kMiddleName ||
         target == Target::kFamilyName || target == Target::kEmail || target == Target::kPhone;
}

}  // namespace kith::table
