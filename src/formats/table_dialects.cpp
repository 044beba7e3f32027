#include "formats/table_dialects.h"

#include <algorithm>
#include <array>

#include "formats/table_cells.h"
#include "formats/vcard_syntax.h"

namespace kith::table {

namespace {

struct HeaderTarget {
  std::string_view header;  // lower case
  Target target;
};

constexpr std::array<HeaderTarget, 7> kLinkedInColumns = {{
    {"first name", Target::kGivenName},
    {"last name", Target::kFamilyName},
    {"url", Target::kLinkedInConnection},
    {"email address", Target::kEmail},
    {"company", Target::kCompany},
    {"position", Target::kTitle},
    {"connected on", Target::kConnectedOn},
}};

// Google's columns outside the numbered groups (current and legacy exports).
constexpr std::array<HeaderTarget, 19> kGoogleColumns = {{
    {"name", Target::kName},
    {"first name", Target::kGivenName},
    {"given name", Target::kGivenName},
    {"middle name", Target::kMiddleName},
    {"additional name", Target::kMiddleName},
    {"last name", Target::kFamilyName},
    {"family name", Target::kFamilyName},
    {"organization name", Target::kCompany},
    {"organization title", Target::kTitle},
    {"organization department", Target::kDepartment},
    {"nickname", Target::kNickname},
    {"birthday", Target::kBirthday},
    {"occupation", Target::kTitleIfEmpty},
    {"hobby", Target::kInterests},
    {"location", Target::kCity},
    {"notes", Target::kNotes},
    {"photo", Target::kPhoto},
    {"labels", Target::kTags},
    {"group membership", Target::kTags},
}};

// Outlook desktop and Outlook.com (also Google's "Outlook CSV" export).
// "Title" is the honorific (Mr., Dr.), so it stays a custom field.
constexpr std::array<HeaderTarget, 39> kOutlookColumns = {{
    {"first name", Target::kGivenName},
    {"middle name", Target::kMiddleName},
    {"last name", Target::kFamilyName},
    {"company", Target::kCompany},
    {"job title", Target::kTitle},
    {"profession", Target::kTitleIfEmpty},
    {"business city", Target::kCity},
    {"home city", Target::kCity},
    {"other city", Target::kCity},
    {"location", Target::kCity},
    {"e-mail address", Target::kEmail},
    {"e-mail 2 address", Target::kEmail},
    {"e-mail 3 address", Target::kEmail},
    {"e-mail type", Target::kIgnore},
    {"e-mail 2 type", Target::kIgnore},
    {"e-mail 3 type", Target::kIgnore},
    {"e-mail display name", Target::kIgnore},
    {"e-mail 2 display name", Target::kIgnore},
    {"e-mail 3 display name", Target::kIgnore},
    {"initials", Target::kIgnore},  // Outlook derives them from the name
    {"primary phone", Target::kPhone},
    {"mobile phone", Target::kPhone},
    {"business phone", Target::kPhone},
    {"business phone 2", Target::kPhone},
    {"home phone", Target::kPhone},
    {"home phone 2", Target::kPhone},
    {"other phone", Target::kPhone},
    {"company main phone", Target::kPhone},
    {"car phone", Target::kPhone},
    {"callback", Target::kPhone},
    {"pager", Target::kPhone},
    {"radio phone", Target::kPhone},
    {"isdn", Target::kPhone},
    {"tty/tdd phone", Target::kPhone},
    {"categories", Target::kTags},
    {"hobby", Target::kInterests},
    {"notes", Target::kNotes},
    {"web page", Target::kWebsite},
    {"personal web page", Target::kWebsite},
}};

// The values Outlook writes into every row; they say nothing about the person.
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kOutlookDefaults = {{
    {"gender", "unspecified"},
    {"priority", "normal"},
    {"sensitivity", "normal"},
    {"private", "false"},
}};

// Any other header: for each target, the normalised keys (see NormalizedKey)
// that feed it, separated by spaces.
constexpr std::array<std::pair<std::string_view, Target>, 32> kSynonyms = {{
    {"name fullname displayname contactname", Target::kName},
    {"firstname givenname first forename", Target::kGivenName},
    {"middlename additionalname", Target::kMiddleName},
    {"lastname surname familyname last", Target::kFamilyName},
    {"email emails mail emailaddress workemail homeemail personalemail", Target::kEmail},
    {"phone phones mobile tel telephone cell cellphone mobilephone workphone homephone phonenumber "
     "mobilenumber",
     Target::kPhone},
    {"company companyname organisation organization org employer", Target::kCompany},
    {"title jobtitle position role", Target::kTitle},
    {"website web url homepage webpage", Target::kWebsite},
    {"linkedin linkedinurl linkedinprofile", Target::kLinkedIn},
    {"twitter x", Target::kTwitter},
    {"facebook", Target::kFacebook},
    {"instagram", Target::kInstagram},
    {"github", Target::kGitHub},
    {"links otherlinks", Target::kLink},
    {"city town location", Target::kCity},
    {"neighborhood neighbourhood", Target::kNeighborhood},
    {"hometown", Target::kHometown},
    {"howmet howwemet", Target::kHowMet},
    {"metat event", Target::kMetAt},
    {"meton datemet", Target::kMetOn},
    {"connectedon", Target::kConnectedOn},
    {"tags labels groups categories", Target::kTags},
    {"skills expertise", Target::kSkills},
    {"interests hobbies", Target::kInterests},
    {"lookingfor", Target::kLookingFor},
    {"opentoopportunities opentowork", Target::kOpenToOpportunities},
    {"opensince", Target::kOpenSince},
    {"notes note comments", Target::kNotes},
    {"photo", Target::kPhoto},
    {"uid", Target::kUid},
    {"customfields", Target::kCustomFields},
}};

template <std::size_t N>
std::optional<Target> Lookup(const std::array<HeaderTarget, N>& table, std::string_view lower) {
  for (const auto& entry : table) {
    if (entry.header == lower) return entry.target;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Target> KithTarget(std::string_view header) {
  for (const auto& column : kKithColumns) {
    if (EqualsIgnoringCase(column.header, header)) return column.target;
  }
  return std::nullopt;
}

std::optional<Target> SynonymTarget(std::string_view header) {
  std::string key = NormalizedKey(header);
  for (int pass = 0; pass < 2; ++pass) {
    for (const auto& [synonyms, target] : kSynonyms) {
      std::string_view rest = synonyms;
      while (!rest.empty()) {
        const std::size_t space = rest.find(' ');
        if (rest.substr(0, space) == key) return target;
        rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
      }
    }
    // "Email 2", "Phone3": numbered copies of a column.
    while (!key.empty() && IsDigit(key.back())) key.pop_back();
  }
  return std::nullopt;
}

std::optional<GroupColumn> SplitGroupColumn(std::string_view lower) {
  const std::size_t dash = lower.find(" - ");
  if (dash == std::string_view::npos) return std::nullopt;
  const std::string_view left = lower.substr(0, dash);
  const std::size_t space = left.rfind(' ');
  if (space == std::string_view::npos) return std::nullopt;
  const std::string_view number = left.substr(space + 1);
  if (number.empty() || !std::all_of(number.begin(), number.end(), IsDigit)) return std::nullopt;
  return GroupColumn{std::string(left.substr(0, space)), std::string(number),
                     std::string(lower.substr(dash + 3))};
}

bool IsLabelPart(std::string_view part) { return part == "label" || part == "type"; }

std::pair<Target, std::string> GoogleGroupTarget(const GroupColumn& column) {
  const std::string& kind = column.kind;
  const std::string& part = column.part;
  const bool label = IsLabelPart(part);
  if (kind == "e-mail" || kind == "email" || kind == "phone" || kind == "website") {
    if (label) return {Target::kLabel, ""};
    if (part != "value") return {Target::kCustom, ""};
    if (kind == "phone") return {Target::kPhone, ""};
    return {kind == "website" ? Target::kWebsite : Target::kEmail, ""};
  }
  if (kind == "address") {
    if (label) return {Target::kLabel, ""};
    return {Target::kAddress, part};
  }
  if (kind == "organization") {
    if (part == "name") return {Target::kCompany, ""};
    if (part == "title") return {Target::kTitle, ""};
    if (part == "department") return {Target::kDepartment, ""};
    if (label) return {Target::kIgnore, ""};
    return {Target::kCustom, ""};
  }
  if (kind == "custom field" || kind == "relation" || kind == "event" || kind == "im") {
    if (label) return {Target::kLabel, ""};
    if (part != "value") return {Target::kCustom, ""};
    if (kind == "custom field") return {Target::kLabeledCustom, ""};
    if (kind == "im") return {Target::kLabeledCustom, "IM"};
    return {kind == "relation" ? Target::kRelation : Target::kEvent, ""};
  }
  return {Target::kCustom, ""};
}

namespace {

struct LabelTypes {
  std::string_view label;  // lower case
  std::string_view types;  // comma-separated vCard TYPE values
};

// Google's built-in labels and the vCard types its own vCard export gives them.
constexpr std::array<LabelTypes, 11> kGoogleLabelTypes = {{
    {"mobile", "cell"},
    {"home", "home"},
    {"work", "work"},
    {"other", ""},
    {"home fax", "home,fax"},
    {"work fax", "work,fax"},
    {"other fax", "fax"},
    {"fax", "fax"},
    {"pager", "pager"},
    {"iphone", "iphone"},
    {"home page", ""},
}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 19> kRelationTypes = {{
    {"spouse", "spouse"},       {"wife", "spouse"},
    {"husband", "spouse"},      {"child", "child"},
    {"son", "child"},           {"daughter", "child"},
    {"parent", "parent"},       {"mother", "parent"},
    {"father", "parent"},       {"sibling", "sibling"},
    {"brother", "sibling"},     {"sister", "sibling"},
    {"friend", "friend"},       {"relative", "kin"},
    {"partner", "sweetheart"},  {"domestic partner", "sweetheart"},
    {"assistant", "agent"},     {"co-worker", "co-worker"},
    {"colleague", "colleague"},
}};

}  // namespace

ValueType TypeFromGoogleLabel(std::string_view property, std::string_view label) {
  ValueType type;
  type.property = std::string(property);
  label = TrimView(label);
  if (label.starts_with("* ")) {
    type.pref = 1;
    label = TrimView(label.substr(2));
  }
  if (label.empty()) return type;
  const std::string lower = Lower(label);
  for (const auto& [name, types] : kGoogleLabelTypes) {
    if (name != lower) continue;
    std::string_view rest = types;
    while (!rest.empty()) {
      const std::size_t comma = rest.find(',');
      type.types.emplace_back(rest.substr(0, comma));
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
    return type;
  }
  type.label = std::string(label);
  return type;
}

std::optional<std::string_view> RelationTypeOf(std::string_view label) {
  const std::string lower = Lower(TrimView(label));
  for (const auto& [name, type] : kRelationTypes) {
    if (name == lower) return type;
  }
  return std::nullopt;
}

void AppendRelated(std::string_view label, std::string_view value, const std::string& group,
                   std::vector<std::string>& lines) {
  label = TrimView(label);
  const auto type = RelationTypeOf(label);
  const bool labelled = !label.empty() && !(type && EqualsIgnoringCase(*type, label));
  std::string line = labelled ? group + ".RELATED" : std::string("RELATED");
  if (type) line.append(";TYPE=").append(*type);
  line += ";VALUE=text:";
  vcard::AppendEscapedText(value, line);
  lines.push_back(std::move(line));
  if (!labelled) return;
  std::string label_line = group + ".X-ABLabel:";
  vcard::AppendEscapedText(label, label_line);
  lines.push_back(std::move(label_line));
}

Target DialectTarget(TableDialect dialect, std::string_view lower) {
  switch (dialect) {
    case TableDialect::kLinkedIn:
      return Lookup(kLinkedInColumns, lower).value_or(Target::kCustom);
    case TableDialect::kGoogle:
    case TableDialect::kGoogleLegacy:
      return Lookup(kGoogleColumns, lower).value_or(Target::kCustom);
    case TableDialect::kOutlook:
    case TableDialect::kOutlookWeb: {
      const bool has_default = std::any_of(kOutlookDefaults.begin(), kOutlookDefaults.end(),
                                           [lower](const auto& entry) { return entry.first == lower; });
      if (has_default) return Target::kCustomUnlessDefault;
      return Lookup(kOutlookColumns, lower).value_or(Target::kCustom);
    }
    case TableDialect::kKith:
      return KithTarget(lower).value_or(Target::kCustom);
    case TableDialect::kGeneric:
      return SynonymTarget(lower).value_or(Target::kCustom);
  }
  return Target::kCustom;
}

namespace {

bool Contains(const std::vector<std::string>& lower, std::string_view header) {
  return std::find(lower.begin(), lower.end(), header) != lower.end();
}

bool IsKithHeader(const std::vector<std::string>& header) {
  if (header.size() < 2) return false;
  bool has_uid = false;
  for (const auto& cell : header) {
    if (cell.empty()) continue;
    const auto target = KithTarget(cell);
    if (!target) return false;
    has_uid = has_uid || *target == Target::kUid;
  }
  return has_uid;
}

}  // namespace

TableDialect DetectDialect(const std::vector<std::string>& lower) {
  if (IsKithHeader(lower)) return TableDialect::kKith;
  // LinkedIn's exports before 2019 have no URL column.
  if (Contains(lower, "connected on") && Contains(lower, "first name") &&
      (Contains(lower, "url") || (Contains(lower, "email address") && Contains(lower, "position")))) {
    return TableDialect::kLinkedIn;
  }
  if (Contains(lower, "group membership") ||
      (Contains(lower, "given name") && Contains(lower, "additional name") &&
       Contains(lower, "family name"))) {
    return TableDialect::kGoogleLegacy;
  }
  const bool google_groups = std::any_of(lower.begin(), lower.end(), [](const std::string& cell) {
    const auto group = SplitGroupColumn(cell);
    return group && (group->kind == "e-mail" || group->kind == "phone") && IsLabelPart(group->part);
  });
  if (Contains(lower, "first name") &&
      (google_groups || Contains(lower, "file as") || Contains(lower, "phonetic first name"))) {
    return TableDialect::kGoogle;
  }
  if (Contains(lower, "e-mail address") && Contains(lower, "job title") &&
      (Contains(lower, "business city") || Contains(lower, "home city") || Contains(lower, "mobile phone"))) {
    return !lower.empty() && lower.front() == "title" ? TableDialect::kOutlook : TableDialect::kOutlookWeb;
  }
  return TableDialect::kGeneric;
}

ListStyle StyleOf(TableDialect dialect) {
  switch (dialect) {
    case TableDialect::kLinkedIn:
    case TableDialect::kGoogle:
    case TableDialect::kGoogleLegacy:
      return ListStyle::kGoogle;
    case TableDialect::kOutlook:
    case TableDialect::kOutlookWeb:
      return ListStyle::kOutlook;
    case TableDialect::kKith:
      return ListStyle::kKith;
    case TableDialect::kGeneric:
      return ListStyle::kGeneric;
  }
  return ListStyle::kGeneric;
}

std::string_view ListSeparators(ListStyle style, Target target) {
  const bool plain_list = target == Target::kTags || target == Target::kSkills ||
                          target == Target::kInterests || target == Target::kEmail;
  switch (style) {
    case ListStyle::kGoogle:
    case ListStyle::kKith:
      return "";
    case ListStyle::kOutlook:
      return plain_list || target == Target::kPhone ? ";" : "";
    case ListStyle::kGeneric:
      if (plain_list) return ";,";
      return target == Target::kPhone ? ";" : "";
  }
  return "";
}

bool IsOutlookDefault(std::string_view label, std::string_view value) {
  return std::any_of(kOutlookDefaults.begin(), kOutlookDefaults.end(), [&](const auto& entry) {
    return EqualsIgnoringCase(entry.first, label) && EqualsIgnoringCase(entry.second, value);
  });
}

}  // namespace kith::table
