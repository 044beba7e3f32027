#include "domain/value_qualifiers.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <utility>

#include "domain/validation.h"

namespace kith {
namespace {

std::string DigitsOf(std::string_view text) {
  std::string digits;
  std::copy_if(text.begin(), text.end(), std::back_inserter(digits),
               [](unsigned char c) { return std::isdigit(c) != 0; });
  return digits;
}

bool SameText(std::string_view a, std::string_view b) { return AsciiLower(Trim(a)) == AsciiLower(Trim(b)); }

// "acme.com" names "https://acme.com": the scheme is how kith stores it,
// not how people type it.
bool SameUrl(std::string_view stored, std::string_view typed) {
  if (SameText(stored, typed)) return true;
  const auto scheme_end = stored.find("://");
  return scheme_end != std::string_view::npos && SameText(stored.substr(scheme_end + 3), typed);
}

bool SamePhone(const Phone& phone, std::string_view typed) {
  if (SameText(phone.original, typed)) return true;
  const std::string digits = DigitsOf(typed);
  if (digits.empty()) return false;
  return DigitsOf(phone.original) == digits || (!phone.e164.empty() && DigitsOf(phone.e164) == digits);
}

// The card's own spelling of `typed` under `property`, or nothing.
std::optional<std::string> FindValue(const ContactFields& fields, std::string_view property,
                                     std::string_view typed) {
  if (property == "EMAIL") {
    const auto found = std::find_if(fields.emails.begin(), fields.emails.end(),
                                    [&](const std::string& email) { return SameText(email, typed); });
    if (found != fields.emails.end()) return *found;
  } else if (property == "TEL") {
    const auto found = std::find_if(fields.phones.begin(), fields.phones.end(),
                                    [&](const Phone& phone) { return SamePhone(phone, typed); });
    if (found != fields.phones.end()) return found->original;
  } else if (property == "URL") {
    if (!fields.website.empty() && SameUrl(fields.website, typed)) return fields.website;
    const auto found = std::find_if(fields.links.begin(), fields.links.end(),
                                    [&](const Link& link) { return SameUrl(link.url, typed); });
    if (found != fields.links.end()) return found->url;
  }
  return std::nullopt;
}

// What the value is called, and the JSON key its types have.
std::pair<std::string, std::string> NamesOf(std::string_view property) {
  if (property == "EMAIL") return {"email", "email_types"};
  if (property == "TEL") return {"phone", "phone_types"};
  return {"web address", "links"};
}

}  // namespace

bool IsTypeName(std::string_view name) {
  constexpr std::size_t kMaxTypeName = 64;
  return !name.empty() && name.size() <= kMaxTypeName &&
         std::all_of(name.begin(), name.end(),
                     [](unsigned char c) { return std::isalnum(c) != 0 || c == '-'; });
}

Status SetValueTypes(ContactFields& fields, const std::vector<ValueType>& wanted) {
  for (const ValueType& type : wanted) {
    const std::optional<std::string> value = FindValue(fields, type.property, type.value);
    if (!value) {
      const auto [name, field] = NamesOf(type.property);
      std::string message = name + " type for '" + type.value + "': there is no such ";
      message += name;
      message += " on this card";
      return Fail(ErrorCode::kInvalidInput, std::move(message), field);
    }
    std::erase_if(fields.value_types, [&](const ValueType& existing) {
      return existing.property == type.property && existing.value == *value;
    });
    if (type.types.empty() && type.pref == 0 && type.label.empty()) continue;
    ValueType set = type;
    set.value = *value;
    fields.value_types.push_back(std::move(set));
  }
  // Not ordered here: values are tidied later (a scheme added, a LinkedIn
  // URL made canonical) and ordering first would drop their types.
  return Ok();
}

}  // namespace kith
