#include "domain/contact_edit.h"

#include <algorithm>

namespace kith {
namespace {

// The items to add and to remove to turn `before` into `after`.
void Diff(const std::vector<std::string>& before, const std::vector<std::string>& after,
          std::vector<std::string>& additions, std::vector<std::string>& removals) {
  for (const auto& value : after) {
    if (std::find(before.begin(), before.end(), value) == before.end()) additions.push_back(value);
  }
  for (const auto& value : before) {
    if (std::find(after.begin(), after.end(), value) == after.end()) removals.push_back(value);
  }
}

std::vector<std::string> PhonesAsTyped(const std::vector<Phone>& phones) {
  std::vector<std::string> typed;
  typed.reserve(phones.size());
  for (const auto& phone : phones) typed.push_back(phone.original);
  return typed;
}

// A link of a kind other than "other" is replaced by a new one of its kind,
// so only links neither kept nor replaced are removed.
void DiffLinks(const std::vector<Link>& before, const std::vector<Link>& after, ContactEdit& edit) {
  for (const auto& link : before) {
    const bool kept = std::find(after.begin(), after.end(), link) != after.end();
    const bool replaced = std::any_of(after.begin(), after.end(), [&](const Link& other) {
      return other.kind == link.kind && link.kind != LinkKind::kOther;
    });
    if (!kept && !replaced) edit.remove_links.push_back(link.kind);
  }
  for (const auto& link : after) {
    if (std::find(before.begin(), before.end(), link) == before.end()) edit.add_links.push_back(link);
  }
}

}  // namespace

ContactEdit EditForPatch(const ContactPatch& patch, const Contact& current) {
  ContactEdit edit;
  const ContactFields& wanted = patch.fields;
  const auto has = [&](const char* key) { return patch.present.count(key) > 0; };
  const auto text = [&](const char* key, std::optional<std::string>& target, const std::string& value,
                        const std::string& now) {
    if (has(key) && value != now) target = value;
  };
  text("name", edit.display_name, wanted.display_name, current.display_name);
  text("given_name", edit.given_name, wanted.given_name, current.given_name);
  text("family_name", edit.family_name, wanted.family_name, current.family_name);
  text("company", edit.company, wanted.company, current.company);
  text("title", edit.title, wanted.title, current.title);
  text("website", edit.website, wanted.website, current.website);
  text("city", edit.city, wanted.city, current.city);
  text("neighborhood", edit.neighborhood, wanted.neighborhood, current.neighborhood);
  text("hometown", edit.hometown, wanted.hometown, current.hometown);
  text("how_met", edit.how_met, wanted.how_met, current.how_met);
  text("met_at", edit.met_at, wanted.met_at, current.met_at);
  text("looking_for", edit.looking_for, wanted.looking_for, current.looking_for);
  text("notes", edit.notes, wanted.notes, current.notes);
  text("nickname", edit.nickname, wanted.nickname, current.nickname);
  text("role", edit.role, wanted.role, current.role);
  if (has("departments") && wanted.departments != current.departments) edit.departments = wanted.departments;
  if (has("birthday") && wanted.birthday != current.birthday) edit.birthday = wanted.birthday;
  if (has("anniversary") && wanted.anniversary != current.anniversary) edit.anniversary = wanted.anniversary;
  if (has("met_on") && wanted.met_on != current.met_on) edit.met_on = wanted.met_on;
  if (has("open_to_opportunities") && wanted.open_to_opportunities != current.open_to_opportunities) {
    edit.open_to_opportunities = wanted.open_to_opportunities;
  }
  if (has("emails")) Diff(current.emails, wanted.emails, edit.add_emails, edit.remove_emails);
  if (has("phones")) {
    Diff(PhonesAsTyped(current.phones), PhonesAsTyped(wanted.phones), edit.add_phones, edit.remove_phones);
  }
  if (has("tags")) Diff(current.tags, wanted.tags, edit.add_tags, edit.remove_tags);
  if (has("skills")) Diff(current.skills, wanted.skills, edit.add_skills, edit.remove_skills);
  if (has("interests")) Diff(current.interests, wanted.interests, edit.add_interests, edit.remove_interests);
  if (has("links")) DiffLinks(current.links, wanted.links, edit);
  return edit;
}

bool ContactEdit::Empty() const {
  return !display_name && !given_name && !family_name && !company && !title && !website && !city &&
         !neighborhood && !hometown && !how_met && !met_at && !met_on && !open_to_opportunities &&
         !looking_for && !notes && !nickname && !role && !departments && !birthday && !anniversary &&
         add_emails.empty() && remove_emails.empty() && add_phones.empty() && remove_phones.empty() &&
         add_links.empty() && remove_links.empty() && add_tags.empty() && remove_tags.empty() &&
         add_skills.empty() && remove_skills.empty() && add_interests.empty() && remove_interests.empty() &&
         set_value_types.empty() && add_addresses.empty() && remove_addresses.empty() &&
         remove_custom.empty();
}

}  // namespace kith
