#include "domain/card_patch.h"

#include <algorithm>
#include <iterator>
#include <string_view>
#include <utility>

namespace kith {
namespace {

std::vector<ValueType> TypesOf(const std::vector<ValueType>& types, std::string_view property) {
  std::vector<ValueType> of_property;
  std::copy_if(types.begin(), types.end(), std::back_inserter(of_property),
               [&](const ValueType& type) { return type.property == property; });
  return of_property;
}

}  // namespace

bool ApplyCardFieldsPatch(const ContactPatch& patch, ContactFields& fields) {
  const ContactFields& wanted = patch.fields;
  bool changed = false;
  const auto set = [&](const char* key, auto& field, const auto& value) {
    if (!patch.present.contains(key) || field == value) return;
    field = value;
    changed = true;
  };
  set("nickname", fields.nickname, wanted.nickname);
  set("role", fields.role, wanted.role);
  set("departments", fields.departments, wanted.departments);
  set("birthday", fields.birthday, wanted.birthday);
  set("anniversary", fields.anniversary, wanted.anniversary);
  set("addresses", fields.addresses, wanted.addresses);
  // A list's types come beside it ("emails" and "email_types"), one for
  // each value, and replace the types of that property.
  for (const auto& beside : {std::pair{"email_types", "EMAIL"}, std::pair{"phone_types", "TEL"}}) {
    if (!patch.present.contains(beside.first)) continue;
    const std::string_view property = beside.second;
    std::vector<ValueType> types = TypesOf(wanted.value_types, property);
    if (types == TypesOf(fields.value_types, property)) continue;
    std::erase_if(fields.value_types,
                  [property](const ValueType& type) { return type.property == property; });
    fields.value_types.insert(fields.value_types.end(), types.begin(), types.end());
    changed = true;
  }
  return changed;
}

}  // namespace kith
