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

// Replaces the types of `property` in `fields` by `types`; true when they differ.
bool ReplaceTypes(ContactFields& fields, std::string_view property, const std::vector<ValueType>& types) {
  if (types == TypesOf(fields.value_types, property)) return false;
  std::erase_if(fields.value_types, [property](const ValueType& type) { return type.property == property; });
  fields.value_types.insert(fields.value_types.end(), types.begin(), types.end());
  return true;
}

// The URL types the card has after the patch: the website's and each
// link's, from the patch where it speaks of them, else as they were.
std::vector<ValueType> UrlTypesAfter(const ContactPatch& patch, const ContactFields& current) {
  const ContactFields& wanted = patch.fields;
  std::vector<ValueType> types;
  const auto keep = [&](const ValueType* type, const std::string& value) {
    if (type == nullptr || value.empty() || FindValueType(types, "URL", value) != nullptr) return;
    ValueType kept = *type;
    kept.value = value;
    types.push_back(std::move(kept));
  };
  const bool website_sent = patch.present.contains("website");
  const std::string& website = website_sent ? wanted.website : current.website;
  keep(patch.present.contains("website_type") ? FindValueType(wanted.value_types, "URL", wanted.website)
                                              : FindValueType(current.value_types, "URL", website),
       website);
  const bool links_sent = patch.present.contains("links");
  for (const Link& link : links_sent ? wanted.links : current.links) {
    const bool untyped = std::find(patch.links_without_types.begin(), patch.links_without_types.end(),
                                   link.url) != patch.links_without_types.end();
    keep(links_sent && !untyped ? FindValueType(wanted.value_types, "URL", link.url)
                                : FindValueType(current.value_types, "URL", link.url),
         link.url);
  }
  return types;
}

}  // namespace

bool ApplyCardFieldsPatch(const ContactPatch& patch, ContactFields& fields) {
  bool changed = false;
  if (patch.present.contains("addresses") && fields.addresses != patch.fields.addresses) {
    fields.addresses = patch.fields.addresses;
    changed = true;
  }
  // The raw fields an import or a phone's card set aside, removed once fixed.
  if (patch.present.contains("custom") && fields.custom != patch.fields.custom) {
    fields.custom = patch.fields.custom;
    changed = true;
  }
  // A list's types come beside it ("emails" and "email_types"), one for
  // each value, and replace the types of that property.
  for (const auto& beside : {std::pair{"email_types", "EMAIL"}, std::pair{"phone_types", "TEL"}}) {
    if (!patch.present.contains(beside.first)) continue;
    changed =
        ReplaceTypes(fields, beside.second, TypesOf(patch.fields.value_types, beside.second)) || changed;
  }
  if (patch.present.contains("website_type") || patch.present.contains("links")) {
    changed = ReplaceTypes(fields, "URL", UrlTypesAfter(patch, fields)) || changed;
  }
  return changed;
}

}  // namespace kith
