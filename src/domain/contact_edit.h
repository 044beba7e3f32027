// A change to a card: scalars to set, list items to add or remove.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/contact.h"

namespace kith {

struct ContactEdit {
  std::optional<std::string> display_name;
  std::optional<std::string> given_name;
  std::optional<std::string> family_name;
  std::optional<std::string> company;
  std::optional<std::string> title;
  std::optional<std::string> website;
  std::optional<std::string> city;
  std::optional<std::string> neighborhood;
  std::optional<std::string> hometown;
  std::optional<std::string> how_met;
  std::optional<std::string> met_at;
  std::optional<std::optional<Date>> met_on;  // nullopt inside clears it
  std::optional<bool> open_to_opportunities;
  std::optional<std::string> looking_for;
  std::optional<std::string> notes;
  std::optional<std::string> nickname;
  std::optional<std::string> role;
  std::optional<std::vector<std::string>> departments;    // ORG's units, replaced as a whole
  std::optional<std::optional<PartialDate>> birthday;     // nullopt inside clears it
  std::optional<std::optional<PartialDate>> anniversary;  // nullopt inside clears it

  std::vector<std::string> add_emails, remove_emails;
  std::vector<std::string> add_phones, remove_phones;  // as typed
  std::vector<Link> add_links;
  std::vector<LinkKind> remove_links;
  std::vector<std::string> add_tags, remove_tags;
  std::vector<std::string> add_skills, remove_skills;
  std::vector<std::string> add_interests, remove_interests;
  // The TYPE/PREF/label of one email, phone or web address each, found by
  // its value (SetValueTypes), set after the values above are added.
  std::vector<ValueType> set_value_types;
  std::vector<Address> add_addresses;
  // Addresses by their number on the card, from 1 (as `kith show` lists
  // them), taken away before add_addresses are added.
  std::vector<int> remove_addresses;
  // Other fields by their label ("raw EMAIL", an import's unmapped column):
  // the first with each label is taken away.
  std::vector<std::string> remove_custom;

  [[nodiscard]] bool Empty() const;
};

// A partial card, as a PATCH sends it: each field named in `present` (by
// its JSON key: "name", "emails", "met_on", …) replaces that field of the
// card, lists as a whole; fields not named are left alone.
struct ContactPatch {
  ContactFields fields;
  std::set<std::string> present;
  // The URLs of "links" items that said nothing of their type (no "types",
  // "pref" or "label"): they keep the type they had.
  std::vector<std::string> links_without_types;
};

// The edit that turns `current` into what `patch` asks for: only what
// differs, so a patch that repeats the card is an Empty() edit.
ContactEdit EditForPatch(const ContactPatch& patch, const Contact& current);

}  // namespace kith
