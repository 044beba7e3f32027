// What each column of a contacts table feeds, shared by the table's reader
// (contact_table.cpp), its dialects and kith's own export. Internal to formats/.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "domain/contact.h"

namespace kith::table {

// What a column feeds. The numbering is private: ContactTableMapper keeps
// these as ints so its header need not know them.
enum class Target : std::uint8_t {
  kIgnore,
  kCustom,
  kName,
  kGivenName,
  kMiddleName,
  kFamilyName,
  kEmail,
  kPhone,
  kPhoneE164,
  kCompany,
  kTitle,
  kTitleIfEmpty,  // Google's Occupation, Outlook's Profession: the title when no column gave one
  kWebsite,       // a web address, sorted by host: LinkedIn/X/… become links
  kLinkedIn,
  kLinkedInConnection,  // LinkedIn's own URL column: you are connected
  kTwitter,
  kFacebook,
  kInstagram,
  kGitHub,
  kLink,  // links of any kind, sorted by host
  kCity,
  kNeighborhood,
  kHometown,
  kHowMet,
  kMetAt,
  kMetOn,
  kConnectedOn,  // met_on, and the day the LinkedIn link was made
  kTags,
  kSkills,
  kInterests,
  kOpenToOpportunities,
  kLookingFor,
  kOpenSince,
  kNotes,
  kPhoto,
  kUid,
  kCustomFields,  // "label: value ::: label: value"
  kVcardProperties,
  kLabel,                // a group's label column, read by its value column
  kLabeledCustom,        // a group's value, a custom field named by its label column
  kAddressPart,          // a part of an address: kept only when there is no full address
  kCustomUnlessDefault,  // Outlook's Gender/Priority/Sensitivity/Private: custom unless the default
  kNickname,
  kRole,
  kDepartment,
  kBirthday,
  kAnniversary,
  kKind,
  kAddress,     // a part of a numbered address (Google's "Address 1 - Street"), by the column's part
  kRelation,    // Google's "Relation 1 - Value": a vCard RELATED named by its label column
  kEvent,       // Google's "Event 1 - Value": the anniversary, or a custom field by its label
  kAddresses,   // kith's own table: each address as a vCard ADR line
  kValueTypes,  // kith's own table: each TYPE/PREF/label as a vCard line
};

struct TargetInfo {
  Target target;
  std::string_view name;
  bool mappable;  // may be named in --map
};

inline constexpr std::array<TargetInfo, 54> kTargets = {{
    {Target::kIgnore, "ignore", true},
    {Target::kCustom, "custom", true},
    {Target::kName, "name", true},
    {Target::kGivenName, "given_name", true},
    {Target::kMiddleName, "middle_name", true},
    {Target::kFamilyName, "family_name", true},
    {Target::kEmail, "email", true},
    {Target::kPhone, "phone", true},
    {Target::kPhoneE164, "phone_e164", false},
    {Target::kCompany, "company", true},
    {Target::kTitle, "title", true},
    {Target::kTitleIfEmpty, "title_if_empty", false},
    {Target::kWebsite, "website", true},
    {Target::kLinkedIn, "linkedin", true},
    {Target::kLinkedInConnection, "linkedin", false},
    {Target::kTwitter, "twitter", true},
    {Target::kFacebook, "facebook", true},
    {Target::kInstagram, "instagram", true},
    {Target::kGitHub, "github", true},
    {Target::kLink, "link", true},
    {Target::kCity, "city", true},
    {Target::kNeighborhood, "neighborhood", true},
    {Target::kHometown, "hometown", true},
    {Target::kHowMet, "how_met", true},
    {Target::kMetAt, "met_at", true},
    {Target::kMetOn, "met_on", true},
    {Target::kConnectedOn, "connected_on", true},
    {Target::kTags, "tags", true},
    {Target::kSkills, "skills", true},
    {Target::kInterests, "interests", true},
    {Target::kOpenToOpportunities, "open_to_opportunities", true},
    {Target::kLookingFor, "looking_for", true},
    {Target::kOpenSince, "open_since", true},
    {Target::kNotes, "notes", true},
    {Target::kPhoto, "photo", true},
    {Target::kUid, "uid", true},
    {Target::kCustomFields, "custom_fields", true},
    {Target::kVcardProperties, "vcard_properties", false},
    {Target::kLabel, "label", false},
    {Target::kLabeledCustom, "custom", false},
    {Target::kAddressPart, "custom", false},
    {Target::kCustomUnlessDefault, "custom", false},
    {Target::kNickname, "nickname", true},
    {Target::kRole, "role", true},
    {Target::kDepartment, "department", true},
    {Target::kBirthday, "birthday", true},
    {Target::kAnniversary, "anniversary", true},
    {Target::kKind, "kind", false},
    {Target::kAddress, "address", false},
    {Target::kRelation, "relation", false},
    {Target::kEvent, "event", false},
    {Target::kAddresses, "addresses", false},
    {Target::kValueTypes, "value_types", false},
}};

// Other spellings people type after --map "Column=…".
inline constexpr std::array<std::pair<std::string_view, Target>, 10> kTargetAliases = {{
    {"emails", Target::kEmail},
    {"phones", Target::kPhone},
    {"first_name", Target::kGivenName},
    {"last_name", Target::kFamilyName},
    {"surname", Target::kFamilyName},
    {"tag", Target::kTags},
    {"skill", Target::kSkills},
    {"interest", Target::kInterests},
    {"links", Target::kLink},
    {"x", Target::kTwitter},
}};

inline int ToInt(Target target) { return static_cast<int>(target); }
inline Target ToTarget(int field) { return static_cast<Target>(field); }

// The field name a target shows as in a mapping ("email"; "custom" for
// the kinds of custom field).
std::string_view TargetName(Target target);

// A --map field name ("email", "first-name", "x") to its target.
std::optional<Target> ParseTargetName(std::string_view name);

// The field names --map accepts, for error messages.
std::string ValidFieldNames();

// Whether a column of this target can say who a row is.
bool IdentifiesSomeone(Target target);

// The kind of link a link target makes, nullopt for other targets.
std::optional<LinkKind> LinkKindOf(Target target);

struct KithColumn {
  std::string_view header;
  Target target;
};

// kith's own table, in export order; docs/formats-csv.md describes each column.
inline constexpr std::array<KithColumn, 40> kKithColumns = {{
    {"Name", Target::kName},
    {"Given Name", Target::kGivenName},
    {"Family Name", Target::kFamilyName},
    {"Emails", Target::kEmail},
    {"Phones", Target::kPhone},
    {"Phones (E.164)", Target::kPhoneE164},
    {"Company", Target::kCompany},
    {"Title", Target::kTitle},
    {"Website", Target::kWebsite},
    {"LinkedIn", Target::kLinkedIn},
    {"Twitter", Target::kTwitter},
    {"Facebook", Target::kFacebook},
    {"Instagram", Target::kInstagram},
    {"GitHub", Target::kGitHub},
    {"Other Links", Target::kLink},
    {"City", Target::kCity},
    {"Neighborhood", Target::kNeighborhood},
    {"Hometown", Target::kHometown},
    {"How Met", Target::kHowMet},
    {"Met At", Target::kMetAt},
    {"Met On", Target::kMetOn},
    {"Tags", Target::kTags},
    {"Skills", Target::kSkills},
    {"Interests", Target::kInterests},
    {"Open To Opportunities", Target::kOpenToOpportunities},
    {"Looking For", Target::kLookingFor},
    {"Open Since", Target::kOpenSince},
    {"Notes", Target::kNotes},
    {"Custom Fields", Target::kCustomFields},
    {"Photo", Target::kPhoto},
    {"vCard Properties", Target::kVcardProperties},
    {"UID", Target::kUid},
    {"Kind", Target::kKind},
    {"Nickname", Target::kNickname},
    {"Role", Target::kRole},
    {"Departments", Target::kDepartment},
    {"Birthday", Target::kBirthday},
    {"Anniversary", Target::kAnniversary},
    {"Addresses", Target::kAddresses},
    {"Value Types", Target::kValueTypes},
}};

// The text field a one-value target fills (for ContactFields and const
// ContactFields alike), or nullptr for the other targets.
template <typename Fields>
auto TextFieldOf(Target target, Fields& fields) -> decltype(&fields.display_name) {
  switch (target) {
    case Target::kName:
      return &fields.display_name;
    case Target::kGivenName:
      return &fields.given_name;
    case Target::kFamilyName:
      return &fields.family_name;
    case Target::kCompany:
      return &fields.company;
    case Target::kTitle:
      return &fields.title;
    case Target::kCity:
      return &fields.city;
    case Target::kNeighborhood:
      return &fields.neighborhood;
    case Target::kHometown:
      return &fields.hometown;
    case Target::kHowMet:
      return &fields.how_met;
    case Target::kMetAt:
      return &fields.met_at;
    case Target::kLookingFor:
      return &fields.looking_for;
    case Target::kNotes:
      return &fields.notes;
    case Target::kPhoto:
      return &fields.photo;
    case Target::kNickname:
      return &fields.nickname;
    case Target::kRole:
      return &fields.role;
    case Target::kKind:
      return &fields.kind;
    default:
      return nullptr;
  }
}

// The list of text a target adds to, or nullptr.
template <typename Fields>
auto ListFieldOf(Target target, Fields& fields) -> decltype(&fields.emails) {
  switch (target) {
    case Target::kEmail:
      return &fields.emails;
    case Target::kTags:
      return &fields.tags;
    case Target::kSkills:
      return &fields.skills;
    case Target::kInterests:
      return &fields.interests;
    case Target::kVcardProperties:
      return &fields.vcard_properties;
    case Target::kDepartment:
      return &fields.departments;
    default:
      return nullptr;
  }
}

}  // namespace kith::table
