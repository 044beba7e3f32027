#include "domain/contact.h"

#include <array>
#include <utility>

#include "domain/date.h"

namespace kith {
namespace {

constexpr std::array<std::pair<LinkKind, std::string_view>, 6> kLinkKindNames = {{
    {LinkKind::kLinkedIn, "linkedin"},
    {LinkKind::kTwitter, "twitter"},
    {LinkKind::kFacebook, "facebook"},
    {LinkKind::kInstagram, "instagram"},
    {LinkKind::kGitHub, "github"},
    {LinkKind::kOther, "other"},
}};

}  // namespace

std::string_view LinkKindName(LinkKind kind) {
  for (const auto& [candidate, name] : kLinkKindNames) {
    if (candidate == kind) return name;
  }
  return "other";
}

std::optional<LinkKind> ParseLinkKind(std::string_view name) {
  if (name == "x") return LinkKind::kTwitter;
  for (const auto& [kind, candidate] : kLinkKindNames) {
    if (candidate == name) return kind;
  }
  return std::nullopt;
}

const ValueType* FindValueType(const std::vector<ValueType>& types, std::string_view property,
                               std::string_view value) {
  for (const ValueType& type : types) {
    if (type.property == property && type.value == value) return &type;
  }
  return nullptr;
}

void OrderValueTypes(ContactFields& fields) {
  std::vector<ValueType> ordered;
  ordered.reserve(fields.value_types.size());
  const auto take = [&](std::string_view property, const std::string& value) {
    if (FindValueType(ordered, property, value) != nullptr) return;
    if (const ValueType* type = FindValueType(fields.value_types, property, value)) ordered.push_back(*type);
  };
  for (const std::string& email : fields.emails) take("EMAIL", email);
  for (const Phone& phone : fields.phones) take("TEL", phone.original);
  take("URL", fields.website);
  for (const Link& link : fields.links) take("URL", link.url);
  fields.value_types = std::move(ordered);
}

Date RelationshipDate(const Contact& contact) {
  if (contact.last_contact) return *contact.last_contact;
  if (contact.met_on) return *contact.met_on;
  if (contact.created_at.size() >= 10) {
    if (auto created = ParseIsoDate(std::string_view(contact.created_at).substr(0, 10))) {
      return *created;
    }
  }
  return Date{};
}

}  // namespace kith
