#include "domain/contact_merge.h"

#include <algorithm>

#include "domain/validation.h"

namespace kith {
namespace {

bool SameText(std::string_view a, std::string_view b) { return AsciiLower(Trim(a)) == AsciiLower(Trim(b)); }

void AddCustom(ContactFields& fields, std::string label, const std::string& value) {
  const CustomField field{std::move(label), value};
  if (std::find(fields.custom.begin(), fields.custom.end(), field) == fields.custom.end()) {
    fields.custom.push_back(field);
  }
}

void MergeText(ContactFields& merged, std::string ContactFields::*member, const ContactFields& other,
               const char* label) {
  const std::string& theirs = other.*member;
  std::string& ours = merged.*member;
  if (theirs.empty() || SameText(ours, theirs)) return;
  if (ours.empty()) {
    ours = theirs;
    return;
  }
  AddCustom(merged, label, theirs);
}

void UniteFolded(std::vector<std::string>& ours, const std::vector<std::string>& theirs) {
  for (const auto& value : theirs) {
    const bool present =
        std::any_of(ours.begin(), ours.end(), [&](const std::string& mine) { return SameText(mine, value); });
    if (!present) ours.push_back(value);
  }
}

void UniteExact(std::vector<std::string>& ours, const std::vector<std::string>& theirs) {
  for (const auto& value : theirs) {
    if (std::find(ours.begin(), ours.end(), value) == ours.end()) ours.push_back(value);
  }
}

bool SamePhone(const Phone& a, const Phone& b) {
  if (!a.e164.empty() && !b.e164.empty()) return a.e164 == b.e164;
  return Trim(a.original) == Trim(b.original);
}

std::optional<Date> Earlier(const std::optional<Date>& a, const std::optional<Date>& b) {
  if (!a) return b;
  if (!b) return a;
  return std::min(*a, *b);
}

std::string Capitalised(std::string_view word) {
  std::string out(word);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

}  // namespace

ContactFields MergeFields(const ContactFields& keep, const ContactFields& other) {
  ContactFields merged = keep;
  MergeText(merged, &ContactFields::display_name, other, "Other name");
  if (merged.given_name.empty() && merged.family_name.empty()) {
    merged.given_name = other.given_name;
    merged.family_name = other.family_name;
  }
  MergeText(merged, &ContactFields::company, other, "Other company");
  MergeText(merged, &ContactFields::title, other, "Other title");
  MergeText(merged, &ContactFields::website, other, "Other website");
  MergeText(merged, &ContactFields::city, other, "Other city");
  MergeText(merged, &ContactFields::neighborhood, other, "Other neighborhood");
  MergeText(merged, &ContactFields::hometown, other, "Other hometown");
  MergeText(merged, &ContactFields::how_met, other, "Also met");
  MergeText(merged, &ContactFields::met_at, other, "Also met at");
  MergeText(merged, &ContactFields::looking_for, other, "Also looking for");
  MergeText(merged, &ContactFields::photo, other, "Other photo");
  MergeText(merged, &ContactFields::nickname, other, "Other nickname");
  MergeText(merged, &ContactFields::role, other, "Other role");
  if (merged.kind.empty()) merged.kind = other.kind;
  if (merged.departments.empty()) merged.departments = other.departments;
  if (!merged.birthday) merged.birthday = other.birthday;
  if (!merged.anniversary) merged.anniversary = other.anniversary;
  for (const Address& address : other.addresses) {
    if (std::find(merged.addresses.begin(), merged.addresses.end(), address) == merged.addresses.end()) {
      merged.addresses.push_back(address);
    }
  }
  for (const ValueType& type : other.value_types) {
    if (FindValueType(merged.value_types, type.property, type.value) == nullptr) {
      merged.value_types.push_back(type);
    }
  }

  UniteFolded(merged.emails, other.emails);
  for (const auto& phone : other.phones) {
    const bool present = std::any_of(merged.phones.begin(), merged.phones.end(),
                                     [&](const Phone& mine) { return SamePhone(mine, phone); });
    if (!present) merged.phones.push_back(phone);
  }
  for (const auto& link : other.links) {
    auto mine = std::find_if(merged.links.begin(), merged.links.end(), [&](const Link& candidate) {
      return ProfileKey(candidate.url) == ProfileKey(link.url);
    });
    if (mine == merged.links.end()) {
      merged.links.push_back(link);
      continue;
    }
    mine->connected = mine->connected || link.connected;
    mine->followed = mine->followed || link.followed;
    mine->connected_on = Earlier(mine->connected_on, link.connected_on);
  }
  UniteFolded(merged.tags, other.tags);
  UniteFolded(merged.skills, other.skills);
  UniteFolded(merged.interests, other.interests);

  merged.met_on = Earlier(keep.met_on, other.met_on);
  merged.open_to_opportunities = keep.open_to_opportunities || other.open_to_opportunities;
  merged.open_since = Earlier(keep.open_since, other.open_since);

  if (!other.notes.empty() && merged.notes.find(other.notes) == std::string::npos) {
    if (other.notes.find(merged.notes) != std::string::npos) {
      merged.notes = other.notes;
    } else {
      merged.notes += "\n\n" + other.notes;
    }
  }
  for (const auto& field : other.custom) AddCustom(merged, field.label, field.value);
  UniteExact(merged.vcard_properties, other.vcard_properties);
  return merged;
}

std::string ProfileKey(std::string_view url) {
  std::string key = AsciiLower(Trim(url));
  for (std::string_view scheme : {"https://", "http://"}) {
    if (key.starts_with(scheme)) key.erase(0, scheme.size());
  }
  if (key.starts_with("www.")) key.erase(0, 4);
  if (const auto query = key.find_first_of("?#"); query != std::string::npos) key.erase(query);
  while (!key.empty() && key.back() == '/') key.pop_back();
  return key;
}

std::string NameFromEmail(std::string_view email) {
  const auto at = email.find('@');
  if (at == std::string_view::npos || at == 0) return {};
  std::string name;
  std::string word;
  const auto flush = [&]() {
    const bool has_letter = std::any_of(
        word.begin(), word.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
    if (has_letter) {
      if (!name.empty()) name += ' ';
      name += Capitalised(word);
    }
    word.clear();
  };
  for (const char c : email.substr(0, at)) {
    if (c == '.' || c == '_' || c == '-' || c == '+') {
      flush();
    } else {
      word += c;
    }
  }
  flush();
  return name;
}

}  // namespace kith
