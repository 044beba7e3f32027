#include "formats/contact_table.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <tuple>

#include "formats/csv_reader.h"
#include "formats/text_encoding.h"

namespace kith {
namespace {

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
};

struct TargetInfo {
  Target target;
  std::string_view name;
  bool mappable;  // may be named in --map
};

constexpr std::array<TargetInfo, 43> kTargets = {{
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
}};

// Other spellings people type after --map "Column=…".
constexpr std::array<std::pair<std::string_view, Target>, 10> kTargetAliases = {{
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

int ToInt(Target target) { return static_cast<int>(target); }
Target ToTarget(int field) { return static_cast<Target>(field); }

std::string_view TargetName(Target target) {
  for (const auto& info : kTargets) {
    if (info.target == target) return info.name;
  }
  return "custom";
}

// ---------------------------------------------------------------- text

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view TrimView(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

char LowerChar(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string Lower(std::string_view text) {
  std::string lowered(text);
  for (char& c : lowered) c = LowerChar(c);
  return lowered;
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (LowerChar(a[i]) != LowerChar(b[i])) return false;
  }
  return true;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// "E-mail Address" -> "emailaddress": the key synonyms are looked up by, so
// case, spaces and punctuation never matter. Bytes past ASCII are kept.
std::string NormalizedKey(std::string_view header) {
  std::string key;
  for (const char c : header) {
    if (IsDigit(c) || IsLetter(c) || static_cast<unsigned char>(c) >= 0x80) key.push_back(LowerChar(c));
  }
  return key;
}

// A cell that is not UTF-8 comes from a Windows program (Outlook writes
// Windows-1252): decoded as that, it keeps its accents.
bool IsAscii(std::string_view text) {
  // Eight bytes at a time: this runs on every cell of every row.
  constexpr std::uint64_t kHighBits = 0x8080808080808080u;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, text.data() + i, sizeof word);
    if ((word & kHighBits) != 0) return false;
  }
  for (; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0x80u) != 0) return false;
  }
  return true;
}

std::string_view AsUtf8(std::string_view cell, std::string& storage) {
  if (IsAscii(cell) || !FindInvalidUtf8(cell)) return cell;
  storage = Windows1252ToUtf8(cell);
  return storage;
}

std::string JoinForMessage(const std::vector<std::string>& values) {
  std::string joined;
  for (const auto& value : values) {
    if (!joined.empty()) joined += ", ";
    joined += value;
  }
  return joined;
}

// ---------------------------------------------------------------- dates

// "0/0/00": Outlook's way of writing no date.
bool IsNoDate(std::string_view text) {
  bool zero = false;
  bool separator = false;
  for (const char c : text) {
    if (c == '0') {
      zero = true;
    } else if (c == '/' || c == '-' || c == '.') {
      separator = true;
    } else {
      return false;
    }
  }
  return zero && separator;
}

int MonthFromName(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (word.size() < 3) return 0;
  const std::string lowered = Lower(word);
  if (lowered == "sept") return 9;
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (kMonths[i].substr(0, lowered.size()) == lowered) return static_cast<int>(i) + 1;
  }
  return 0;
}

// The date forms exports write: ISO (also with a time, as spreadsheets add),
// "12 Mar 2024", "7-Feb-22", "Mar 12, 2024", "3/14/2024" (month first, as US
// programs write it, unless the first number cannot be a month), "14.03.2024".
// Two-digit years are 20xx.
std::optional<Date> ParseTableDate(std::string_view text) {
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-' &&
      (text.size() == 10 || text[10] == ' ' || text[10] == 'T')) {
    auto iso = ParseIsoDate(text.substr(0, 10));
    if (iso) return *iso;
    return std::nullopt;
  }
  std::array<std::string_view, 3> tokens;
  std::size_t count = 0;
  char separator = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ' || c == '-' || c == '/' || c == '.' || c == ',') {
      if (c != ' ' && c != ',' && separator == 0) separator = c;
      ++i;
      continue;
    }
    const std::size_t start = i;
    const bool digits = IsDigit(c);
    while (i < text.size() && (digits ? IsDigit(text[i]) : IsLetter(text[i]))) ++i;
    if (i == start || count == tokens.size()) return std::nullopt;
    tokens[count++] = text.substr(start, i - start);
  }
  if (count != 3) return std::nullopt;
  const auto number = [](std::string_view token) -> int {
    if (token.empty() || token.size() > 4 || !IsDigit(token.front())) return -1;
    int value = 0;
    for (const char c : token) {
      if (!IsDigit(c)) return -1;
      value = value * 10 + (c - '0');
    }
    return value;
  };
  int year = 0;
  int month = 0;
  int day = 0;
  std::string_view year_token;
  if (number(tokens[1]) < 0) {  // 12 Mar 2024, 7-Feb-22
    day = number(tokens[0]);
    month = MonthFromName(tokens[1]);
    year_token = tokens[2];
  } else if (number(tokens[0]) < 0) {  // Mar 12, 2024
    month = MonthFromName(tokens[0]);
    day = number(tokens[1]);
    year_token = tokens[2];
  } else if (tokens[0].size() == 4) {  // 2024/03/12
    year_token = tokens[0];
    month = number(tokens[1]);
    day = number(tokens[2]);
  } else {
    const int first = number(tokens[0]);
    const int second = number(tokens[1]);
    const bool day_first = separator == '.' || (first > 12 && second <= 12);
    day = day_first ? first : second;
    month = day_first ? second : first;
    year_token = tokens[2];
  }
  year = number(year_token);
  if (year < 0 || (year_token.size() != 2 && year_token.size() != 4)) return std::nullopt;
  if (year_token.size() == 2) year += 2000;
  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) return std::nullopt;
  return Date{year, month, day};
}

// ---------------------------------------------------------------- lists

// How a dialect separates several values in one cell.
enum class ListStyle : std::uint8_t {
  kGoogle,   // " ::: "
  kOutlook,  // ";" (and " ::: ", which Google's Outlook-shaped export uses)
  kGeneric,  // " ::: ", ";" or ","
  kKith,     // " ::: ", escaped (see JoinKithList)
};

// Calls `add` with each trimmed, non-empty item of `cell`. `separators`
// holds the single characters that separate items besides ":::".
template <typename Add>
void ForEachItem(std::string_view cell, std::string_view separators, const Add& add) {
  std::size_t start = 0;
  const auto flush = [&](std::size_t stop, std::size_t next) {
    const std::string_view item = TrimView(cell.substr(start, stop - start));
    if (!item.empty()) add(item);
    start = next;
  };
  if (separators.empty()) {
    // Only ":::": jump from colon to colon.
    for (std::size_t i = cell.find(':'); i != std::string_view::npos; i = cell.find(':', i + 1)) {
      if (cell.compare(i, 3, ":::") != 0) continue;
      flush(i, i + 3);
      i += 2;
    }
  } else {
    for (std::size_t i = 0; i < cell.size(); ++i) {
      const char c = cell[i];
      if (c == ':' && cell.compare(i, 3, ":::") == 0) {
        flush(i, i + 3);
        i += 2;
      } else if (separators.find(c) != std::string_view::npos) {
        flush(i, i + 1);
      }
    }
  }
  flush(cell.size(), cell.size());
}

// kith's lists are joined with " ::: ". A ":::" inside a value is written
// "\:::", and backslashes just before one are doubled, so any value comes
// back as it was; backslashes elsewhere are left alone.
std::string EscapeKithItem(std::string_view item) {
  std::string out;
  out.reserve(item.size());
  std::size_t i = 0;
  while (i < item.size()) {
    if (item[i] == '\\') {
      std::size_t run = 0;
      while (i + run < item.size() && item[i + run] == '\\') ++run;
      const bool before_colons = item.compare(i + run, 3, ":::") == 0;
      out.append(before_colons ? run * 2 : run, '\\');
      i += run;
    } else if (item.compare(i, 3, ":::") == 0) {
      out += "\\:::";
      i += 3;
    } else {
      out.push_back(item[i]);
      ++i;
    }
  }
  return out;
}

std::string UnescapeKithItem(std::string_view item) {
  std::string out;
  out.reserve(item.size());
  std::size_t i = 0;
  while (i < item.size()) {
    if (item[i] != '\\') {
      out.push_back(item[i]);
      ++i;
      continue;
    }
    std::size_t run = 0;
    while (i + run < item.size() && item[i + run] == '\\') ++run;
    const bool before_colons = item.compare(i + run, 3, ":::") == 0;
    out.append(before_colons ? run / 2 : run, '\\');
    i += run;
  }
  return out;
}

std::string JoinKithList(const std::vector<std::string>& items) {
  std::string joined;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) joined += " ::: ";
    joined += EscapeKithItem(items[i]);
  }
  return joined;
}

// Every item, empty ones too (they keep the E.164 column aligned); an empty
// cell is an empty list.
std::vector<std::string> SplitKithList(std::string_view cell) {
  std::vector<std::string> items;
  if (cell.empty()) return items;
  constexpr std::string_view kSeparator = " ::: ";
  std::size_t start = 0;
  for (;;) {
    const std::size_t found = cell.find(kSeparator, start);
    if (found == std::string_view::npos) break;
    items.push_back(UnescapeKithItem(cell.substr(start, found - start)));
    start = found + kSeparator.size();
  }
  items.push_back(UnescapeKithItem(cell.substr(start)));
  return items;
}

// A custom field is "label: value"; a ':' or '\' in the label is escaped
// with '\' so the first unescaped ": " always ends the label.
std::string CustomFieldItem(const CustomField& field) {
  std::string item;
  for (const char c : field.label) {
    if (c == ':' || c == '\\') item.push_back('\\');
    item.push_back(c);
  }
  item += ": ";
  item += field.value;
  return item;
}

// Without a ": " the whole item is the value.
CustomField ParseCustomFieldItem(std::string_view item) {
  std::string label;
  for (std::size_t i = 0; i < item.size(); ++i) {
    const char c = item[i];
    if (c == '\\' && i + 1 < item.size()) {
      label.push_back(item[++i]);
    } else if (c == ':' && i + 1 < item.size() && item[i + 1] == ' ') {
      return CustomField{std::move(label), std::string(item.substr(i + 2))};
    } else {
      label.push_back(c);
    }
  }
  return CustomField{"", std::string(item)};
}

// ---------------------------------------------------------------- links

bool HostIs(std::string_view host, std::string_view domain) {
  if (host.size() < domain.size()) return false;
  if (host.substr(host.size() - domain.size()) != domain) return false;
  return host.size() == domain.size() || host[host.size() - domain.size() - 1] == '.';
}

// The kind of link a web address is, from its host.
LinkKind KindFromHost(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  const std::string host = Lower(url.substr(0, url.find_first_of("/?#:")));
  if (HostIs(host, "linkedin.com") || HostIs(host, "lnkd.in")) return LinkKind::kLinkedIn;
  if (HostIs(host, "twitter.com") || HostIs(host, "x.com")) return LinkKind::kTwitter;
  if (HostIs(host, "facebook.com") || HostIs(host, "fb.com")) return LinkKind::kFacebook;
  if (HostIs(host, "instagram.com")) return LinkKind::kInstagram;
  if (HostIs(host, "github.com")) return LinkKind::kGitHub;
  return LinkKind::kOther;
}

// Exports keep web addresses as typed ("www.kovacs.design"); kith stores
// them with a scheme. Anything that does not look like a host is kept as is.
std::string WithScheme(std::string_view url) {
  if (url.find("://") != std::string_view::npos) return std::string(url);
  const std::string_view host = url.substr(0, url.find_first_of("/?#"));
  const bool looks_like_host = host.find('.') != std::string_view::npos &&
                               host.find_first_of(" @") == std::string_view::npos && host.front() != '.';
  if (!looks_like_host) return std::string(url);
  return "https://" + std::string(url);
}

// kith writes a link's flags after its address: "https://… [connected
// 2024-03-12, followed]"; "on DATE" is a connection date without the flag.
std::string AnnotatedLink(const Link& link) {
  std::string flags;
  const auto add = [&flags](const std::string& flag) {
    if (!flags.empty()) flags += ", ";
    flags += flag;
  };
  if (link.connected) {
    add(link.connected_on ? "connected " + link.connected_on->ToIso() : "connected");
  } else if (link.connected_on) {
    add("on " + link.connected_on->ToIso());
  }
  if (link.followed) add("followed");
  // An address that itself ends like flags gets an empty pair, which reads back as none.
  const bool looks_annotated =
      !link.url.empty() && link.url.back() == ']' && link.url.find(" [") != std::string::npos;
  if (flags.empty() && !looks_annotated) return link.url;
  return link.url + " [" + flags + "]";
}

Link ParseAnnotatedLink(std::string_view item, LinkKind kind) {
  Link whole{kind, std::string(item), false, false, std::nullopt};
  const std::size_t open = item.rfind(" [");
  if (item.empty() || item.back() != ']' || open == std::string_view::npos) return whole;
  Link link{kind, std::string(item.substr(0, open)), false, false, std::nullopt};
  std::string_view flags = item.substr(open + 2, item.size() - open - 3);
  while (!flags.empty()) {
    const std::size_t comma = flags.find(',');
    const std::string_view flag = TrimView(flags.substr(0, comma));
    flags = comma == std::string_view::npos ? std::string_view() : flags.substr(comma + 1);
    if (flag == "connected") {
      link.connected = true;
    } else if (flag == "followed") {
      link.followed = true;
    } else if (flag.rfind("connected ", 0) == 0 || flag.rfind("on ", 0) == 0) {
      const bool connected = flag.front() == 'c';
      auto date = ParseIsoDate(TrimView(flag.substr(connected ? 10 : 3)));
      if (!date) return whole;
      link.connected = link.connected || connected;
      link.connected_on = *date;
    } else {
      return whole;  // not kith's flags: the brackets belong to the address
    }
  }
  return link;
}

// ---------------------------------------------------------------- dialects

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
constexpr std::array<HeaderTarget, 16> kGoogleColumns = {{
    {"name", Target::kName},
    {"first name", Target::kGivenName},
    {"given name", Target::kGivenName},
    {"middle name", Target::kMiddleName},
    {"additional name", Target::kMiddleName},
    {"last name", Target::kFamilyName},
    {"family name", Target::kFamilyName},
    {"organization name", Target::kCompany},
    {"organization title", Target::kTitle},
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

struct KithColumn {
  std::string_view header;
  Target target;
};

// kith's own table, in export order; docs/formats-csv.md describes each column.
constexpr std::array<KithColumn, 32> kKithColumns = {{
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
}};

template <std::size_t N>
std::optional<Target> Lookup(const std::array<HeaderTarget, N>& table, std::string_view lower) {
  for (const auto& entry : table) {
    if (entry.header == lower) return entry.target;
  }
  return std::nullopt;
}

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

// Google's numbered groups: "E-mail 1 - Value" is kind "e-mail", part "value".
struct GroupColumn {
  std::string kind;
  std::string number;
  std::string part;
};

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

// The target of a group column and, for labelled values, the group's name.
std::pair<Target, std::string> GoogleGroupTarget(const GroupColumn& column) {
  const std::string& kind = column.kind;
  const std::string& part = column.part;
  const bool label = IsLabelPart(part);
  if (kind == "e-mail" || kind == "email" || kind == "phone" || kind == "website") {
    if (label) return {Target::kIgnore, ""};
    if (part != "value") return {Target::kCustom, ""};
    if (kind == "phone") return {Target::kPhone, ""};
    return {kind == "website" ? Target::kWebsite : Target::kEmail, ""};
  }
  if (kind == "address") {
    if (label) return {Target::kLabel, ""};
    if (part == "formatted") return {Target::kLabeledCustom, "Address"};
    if (part == "city") return {Target::kCity, ""};
    return {Target::kAddressPart, ""};
  }
  if (kind == "organization") {
    if (part == "name") return {Target::kCompany, ""};
    if (part == "title") return {Target::kTitle, ""};
    if (label) return {Target::kIgnore, ""};
    return {Target::kCustom, ""};
  }
  if (kind == "custom field" || kind == "relation" || kind == "event" || kind == "im") {
    if (label) return {Target::kLabel, ""};
    if (part != "value") return {Target::kCustom, ""};
    if (kind == "custom field") return {Target::kLabeledCustom, ""};
    if (kind == "im") return {Target::kLabeledCustom, "IM"};
    return {Target::kLabeledCustom, kind == "relation" ? "Relation" : "Event"};
  }
  return {Target::kCustom, ""};
}

// The target of a column outside Google's numbered groups.
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

TableDialect DetectDialect(const std::vector<std::string>& lower) {
  if (IsKithHeader(lower)) return TableDialect::kKith;
  if (Contains(lower, "connected on") && Contains(lower, "url") && Contains(lower, "first name")) {
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

// The characters besides ":::" that separate list items in a cell.
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

// Google marks its own groups with "* ": "* myContacts" is every contact
// and says nothing, so it is dropped; "* starred" and the others become the
// plain tag ("starred", "Friends").
std::optional<std::string> TagFromLabel(std::string_view label) {
  if (label.rfind("* ", 0) == 0) label = TrimView(label.substr(2));
  if (label.empty() || EqualsIgnoringCase(label, "myContacts")) return std::nullopt;
  return std::string(label);
}

// Fills a text field; a second, different value from another column is
// kept as a custom field rather than dropped.
void SetText(std::string& field, std::string_view value, const std::string& label,
             std::vector<CustomField>& custom) {
  if (field.empty()) {
    field = value;
  } else if (field != value) {
    custom.push_back(CustomField{label, std::string(value)});
  }
}

void AddWebAddress(ContactFields& fields, std::string_view value, bool website_first) {
  std::string url = WithScheme(value);
  const LinkKind kind = KindFromHost(url);
  if (kind == LinkKind::kOther && website_first && fields.website.empty()) {
    fields.website = std::move(url);
  } else if (kind != LinkKind::kOther || fields.website != url) {
    fields.links.push_back(Link{kind, std::move(url), false, false, std::nullopt});
  }
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
    default:
      return nullptr;
  }
}

// A cell that cannot be read goes to the importer to report; the row
// still comes in.
void SetAside(ImportRecord& record, const std::string& label, std::string_view value, std::string problem) {
  record.set_aside.push_back(SetAsideValue{record.line, label, std::string(value), std::move(problem)});
}

std::optional<bool> ParseYesNo(std::string_view value) {
  const std::string lowered = Lower(value);
  for (const std::string_view yes : {"yes", "y", "true", "1", "x", "open"}) {
    if (lowered == yes) return true;
  }
  for (const std::string_view no : {"no", "n", "false", "0"}) {
    if (lowered == no) return false;
  }
  return std::nullopt;
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

// `--map "Column=field"`, as the person typed it, for error messages.
std::string MapOption(std::string_view column, std::string_view field) {
  std::string shown = "--map \"";
  shown.append(column).append("=").append(field).append("\"");
  return shown;
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

// A row that can be a header: two or more cells, or one that names a column
// kith knows ("Email" over a list of addresses).
bool LooksLikeHeader(const std::vector<std::string>& row, bool after_preamble) {
  std::size_t filled = 0;
  bool known = false;
  for (const auto& cell : row) {
    const std::string_view trimmed = TrimView(cell);
    if (trimmed.empty()) continue;
    ++filled;
    known = known || SynonymTarget(trimmed).has_value() || KithTarget(trimmed).has_value();
  }
  // After LinkedIn's "Notes:" comes prose, which a comma can split in two.
  if (after_preamble) return known;
  return filled >= 2 || known;
}

bool IsNotesPreamble(const std::vector<std::string>& row) {
  std::size_t filled = 0;
  bool notes = false;
  for (const auto& cell : row) {
    const std::string_view trimmed = TrimView(cell);
    if (trimmed.empty()) continue;
    ++filled;
    notes = EqualsIgnoringCase(trimmed, "notes:");
  }
  return filled == 1 && notes;
}

}  // namespace

std::string_view TableDialectName(TableDialect dialect) {
  switch (dialect) {
    case TableDialect::kLinkedIn:
      return "linkedin";
    case TableDialect::kGoogle:
      return "google";
    case TableDialect::kGoogleLegacy:
      return "google-legacy";
    case TableDialect::kOutlook:
      return "outlook";
    case TableDialect::kOutlookWeb:
      return "outlook-web";
    case TableDialect::kKith:
      return "kith";
    case TableDialect::kGeneric:
      return "csv";
  }
  return "csv";
}

Result<ContactTableMapper> ContactTableMapper::FromHeader(const std::vector<std::string>& header,
                                                          const TableOptions& options) {
  std::vector<std::string> labels;
  std::vector<std::string> lower;
  labels.reserve(header.size());
  lower.reserve(header.size());
  for (std::size_t i = 0; i < header.size(); ++i) {
    std::string storage;
    std::string label(TrimView(AsUtf8(header[i], storage)));
    if (label.empty()) label = "Column " + std::to_string(i + 1);
    lower.push_back(Lower(TrimView(header[i])));
    labels.push_back(std::move(label));
  }

  ContactTableMapper mapper;
  mapper.dialect_ = options.dialect ? *options.dialect : DetectDialect(lower);
  std::vector<std::optional<GroupColumn>> groups(header.size());
  for (std::size_t i = 0; i < header.size(); ++i) {
    Column column;
    column.label = labels[i];
    Target target = Target::kCustom;
    if (mapper.dialect_ == TableDialect::kGoogle || mapper.dialect_ == TableDialect::kGoogleLegacy) {
      groups[i] = SplitGroupColumn(lower[i]);
    }
    if (groups[i]) {
      std::tie(target, column.prefix) = GoogleGroupTarget(*groups[i]);
    } else {
      target = DialectTarget(mapper.dialect_, lower[i]);
    }
    column.field = ToInt(target);
    mapper.columns_.push_back(std::move(column));
  }

  // A group's value column reads its label (or full address) column.
  for (std::size_t i = 0; i < groups.size(); ++i) {
    if (!groups[i]) continue;
    const Target target = ToTarget(mapper.columns_[i].field);
    const bool wants_label = target == Target::kLabeledCustom;
    const bool wants_address = target == Target::kCity || target == Target::kAddressPart;
    if (!wants_label && !wants_address) continue;
    for (std::size_t j = 0; j < groups.size(); ++j) {
      if (!groups[j] || groups[j]->kind != groups[i]->kind || groups[j]->number != groups[i]->number)
        continue;
      const bool match = wants_label ? IsLabelPart(groups[j]->part) : groups[j]->part == "formatted";
      if (match) mapper.columns_[i].sibling = static_cast<int>(j);
    }
  }

  for (const auto& [column_name, field_name] : options.map) {
    const auto target = ParseTargetName(field_name);
    if (!target) {
      return Fail(ErrorCode::kInvalidInput,
                  MapOption(column_name, field_name)
                      .append(": unknown field '")
                      .append(field_name)
                      .append("'; fields: ")
                      .append(ValidFieldNames()),
                  "map");
    }
    const std::string wanted = Lower(TrimView(column_name));
    const auto found = std::find(lower.begin(), lower.end(), wanted);
    if (found == lower.end()) {
      return Fail(ErrorCode::kInvalidInput,
                  MapOption(column_name, field_name)
                      .append(": the header has no column '")
                      .append(column_name)
                      .append("'; columns: ")
                      .append(JoinForMessage(labels)),
                  "map");
    }
    Column& column = mapper.columns_[static_cast<std::size_t>(found - lower.begin())];
    column.field = ToInt(*target);
    column.sibling = -1;
    column.prefix.clear();
  }

  const bool identifies =
      std::any_of(mapper.columns_.begin(), mapper.columns_.end(),
                  [](const Column& column) { return IdentifiesSomeone(ToTarget(column.field)); });
  if (!identifies) {
    return Fail(ErrorCode::kInvalidInput,
                "no column holds a name, email or phone; header: " + JoinForMessage(labels) +
                    " (name one with --map \"Column=name\")",
                "header");
  }
  for (const Column& column : mapper.columns_) {
    mapper.mapping_.emplace_back(column.label, std::string(TargetName(ToTarget(column.field))));
  }
  return mapper;
}

Result<ImportRecord> ContactTableMapper::Map(const std::vector<std::string>& row, std::size_t line) const {
  // Built in place and returned by one statement, so the compiler elides the
  // copy: a record is a few hundred bytes of strings and vectors, and a
  // million rows make every move count.
  Result<ImportRecord> result(tl::in_place);
  result->line = line;
  if (Status status = MapInto(row, *result); !status) result = tl::unexpected(std::move(status.error()));
  return result;
}

Status ContactTableMapper::MapInto(const std::vector<std::string>& row, ImportRecord& record) const {
  const std::size_t line = record.line;
  ContactFields& fields = record.fields;
  const ListStyle style = StyleOf(dialect_);
  const bool kith = style == ListStyle::kKith;
  const bool outlook = dialect_ == TableDialect::kOutlook || dialect_ == TableDialect::kOutlookWeb;
  std::string middle_name;
  std::string title_if_empty;
  std::string title_if_empty_label;
  std::string middle_name_label;
  std::optional<Date> connected_on;
  std::vector<std::string> phones_e164;
  std::string storage;
  std::string sibling_storage;

  // The trimmed cell of column `index` ("" past the row's end).
  const auto cell_at = [&](std::size_t index, std::string& buffer) -> std::string_view {
    if (index >= row.size()) return {};
    const std::string_view cell = AsUtf8(row[index], buffer);
    return kith ? cell : TrimView(cell);
  };

  for (std::size_t i = 0; i < columns_.size(); ++i) {
    const std::string_view value = cell_at(i, storage);
    if (value.empty()) continue;
    if (outlook && IsNoDate(value)) continue;
    const Column& column = columns_[i];
    const Target target = ToTarget(column.field);
    const std::string_view separators = ListSeparators(style, target);
    const auto for_each_item = [&](const auto& add) {
      if (kith) {
        for (const std::string& item : SplitKithList(value)) add(std::string_view(item));
      } else {
        ForEachItem(value, separators, add);
      }
    };
    const auto read_date = [&](std::optional<Date>& date) {
      if (IsNoDate(value)) return;
      const auto parsed = ParseTableDate(TrimView(value));
      if (!parsed) {
        SetAside(record, column.label, value, "is not a date");
      } else if (!date) {
        date = parsed;
      } else if (*date != *parsed) {
        fields.custom.push_back(CustomField{column.label, std::string(value)});
      }
    };
    const auto note_origin = [&](std::string_view item) {
      record.origins.push_back(ValueOrigin{line, column.label, std::string(item)});
    };

    switch (target) {
      case Target::kIgnore:
      case Target::kLabel:
        break;
      case Target::kCustom:
        fields.custom.push_back(CustomField{column.label, std::string(value)});
        break;
      case Target::kCustomUnlessDefault: {
        const bool is_default =
            std::any_of(kOutlookDefaults.begin(), kOutlookDefaults.end(), [&](const auto& entry) {
              return EqualsIgnoringCase(entry.first, column.label) && EqualsIgnoringCase(entry.second, value);
            });
        if (!is_default) fields.custom.push_back(CustomField{column.label, std::string(value)});
        break;
      }
      case Target::kLabeledCustom: {
        std::string label = column.prefix;
        if (column.sibling >= 0) {
          std::string_view name = cell_at(static_cast<std::size_t>(column.sibling), sibling_storage);
          if (name.rfind("* ", 0) == 0) name = TrimView(name.substr(2));
          if (!name.empty() && label.empty()) {
            label = name;
          } else if (!name.empty()) {
            label.append(" (").append(name).append(")");
          }
        }
        if (label.empty()) label = column.label;
        fields.custom.push_back(CustomField{std::move(label), std::string(value)});
        break;
      }
      case Target::kAddressPart: {
        const bool has_full_address =
            column.sibling >= 0 &&
            !cell_at(static_cast<std::size_t>(column.sibling), sibling_storage).empty();
        if (!has_full_address) fields.custom.push_back(CustomField{column.label, std::string(value)});
        break;
      }
      case Target::kName:
      case Target::kGivenName:
      case Target::kFamilyName:
      case Target::kCompany:
      case Target::kTitle:
      case Target::kNeighborhood:
      case Target::kHometown:
      case Target::kHowMet:
      case Target::kMetAt:
      case Target::kLookingFor:
      case Target::kNotes:
      case Target::kPhoto:
        SetText(*TextFieldOf(target, fields), value, column.label, fields.custom);
        break;
      case Target::kMiddleName:
        if (middle_name.empty()) middle_name_label = column.label;
        SetText(middle_name, value, column.label, fields.custom);
        break;
      case Target::kTitleIfEmpty:
        if (title_if_empty.empty()) title_if_empty_label = column.label;
        SetText(title_if_empty, value, column.label, fields.custom);
        break;
      case Target::kCity: {
        // A second address's city is already in that address's custom field.
        const bool in_address = column.sibling >= 0 &&
                                !cell_at(static_cast<std::size_t>(column.sibling), sibling_storage).empty();
        if (fields.city.empty() || !in_address) SetText(fields.city, value, column.label, fields.custom);
        break;
      }
      case Target::kUid:
        SetText(record.uid, value, column.label, fields.custom);
        break;
      case Target::kMetOn:
        read_date(fields.met_on);
        break;
      case Target::kOpenSince:
        read_date(fields.open_since);
        break;
      case Target::kConnectedOn:
        read_date(connected_on);
        break;
      case Target::kOpenToOpportunities: {
        const auto open = ParseYesNo(TrimView(value));
        if (!open) {
          SetAside(record, column.label, value, "is not yes or no");
        } else {
          fields.open_to_opportunities = fields.open_to_opportunities || *open;
        }
        break;
      }
      case Target::kEmail:
        for_each_item([&](std::string_view item) {
          fields.emails.emplace_back(item);
          note_origin(item);
        });
        break;
      case Target::kSkills:
      case Target::kInterests:
      case Target::kVcardProperties: {
        std::vector<std::string>& list = *ListFieldOf(target, fields);
        for_each_item([&list](std::string_view item) { list.emplace_back(item); });
        break;
      }
      case Target::kTags:
        for_each_item([&](std::string_view item) {
          if (kith) {
            fields.tags.emplace_back(item);
          } else if (auto tag = TagFromLabel(item)) {
            fields.tags.push_back(std::move(*tag));
          }
        });
        break;
      case Target::kPhone:
        for_each_item([&](std::string_view item) {
          fields.phones.push_back(Phone{std::string(item), ""});
          note_origin(item);
        });
        break;
      case Target::kPhoneE164:
        for_each_item([&](std::string_view item) { phones_e164.emplace_back(item); });
        break;
      case Target::kCustomFields:
        for_each_item([&](std::string_view item) { fields.custom.push_back(ParseCustomFieldItem(item)); });
        break;
      case Target::kWebsite:
        if (kith) {
          fields.website = value;
          note_origin(value);
        } else {
          for_each_item([&](std::string_view item) {
            AddWebAddress(fields, item, true);
            note_origin(item);
          });
        }
        break;
      case Target::kLink:
        for_each_item([&](std::string_view item) {
          note_origin(item);
          if (kith) {
            fields.links.push_back(ParseAnnotatedLink(item, LinkKind::kOther));
          } else {
            AddWebAddress(fields, item, false);
          }
        });
        break;
      case Target::kLinkedIn:
      case Target::kLinkedInConnection:
      case Target::kTwitter:
      case Target::kFacebook:
      case Target::kInstagram:
      case Target::kGitHub: {
        const LinkKind kind = LinkKindOf(target).value_or(LinkKind::kOther);
        const bool connected = target == Target::kLinkedInConnection;
        for_each_item([&](std::string_view item) {
          note_origin(item);
          if (kith) {
            fields.links.push_back(ParseAnnotatedLink(item, kind));
          } else {
            fields.links.push_back(Link{kind, WithScheme(item), connected, false, std::nullopt});
          }
        });
        break;
      }
    }
  }

  // Cells past the header's last column: kept, named by position.
  for (std::size_t i = columns_.size(); i < row.size(); ++i) {
    const std::string_view value = cell_at(i, storage);
    if (!value.empty())
      fields.custom.push_back(CustomField{"Column " + std::to_string(i + 1), std::string(value)});
  }

  if (connected_on) {
    if (!fields.met_on) fields.met_on = connected_on;
    for (Link& link : fields.links) {
      if (link.kind != LinkKind::kLinkedIn || link.connected_on) continue;
      link.connected = true;
      link.connected_on = connected_on;
    }
  }
  if (!middle_name.empty()) {
    if (fields.display_name.empty()) {
      for (const std::string* part : {&fields.given_name, &middle_name, &fields.family_name}) {
        if (part->empty()) continue;
        if (!fields.display_name.empty()) fields.display_name += ' ';
        fields.display_name += *part;
      }
    } else {
      fields.custom.push_back(CustomField{middle_name_label, middle_name});
    }
  }
  if (!title_if_empty.empty()) SetText(fields.title, title_if_empty, title_if_empty_label, fields.custom);
  for (std::size_t i = 0; i < phones_e164.size() && i < fields.phones.size(); ++i) {
    fields.phones[i].e164 = std::move(phones_e164[i]);
  }
  return Ok();
}

Result<TableDialect> ReadContactsCsv(std::istream& in, const TableOptions& options, const RecordSink& sink) {
  CsvReader reader(in);
  std::vector<std::string> row;
  bool after_preamble = false;
  for (;;) {
    KITH_ASSIGN_OR_RETURN(const bool more, reader.Next(row));
    if (!more) {
      return Fail(ErrorCode::kParseError, "the file has no header row (a line naming the columns)", "header");
    }
    if (IsNotesPreamble(row)) {
      after_preamble = true;
      continue;
    }
    if (LooksLikeHeader(row, after_preamble)) break;
  }
  KITH_ASSIGN_OR_RETURN(const ContactTableMapper mapper, ContactTableMapper::FromHeader(row, options));
  if (options.on_dialect) options.on_dialect(mapper.dialect());
  for (;;) {
    KITH_ASSIGN_OR_RETURN(const bool more, reader.Next(row));
    if (!more) break;
    Result<ImportRecord> record = mapper.Map(row, reader.line());
    if (!record) return tl::unexpected(std::move(record.error()));
    KITH_RETURN_IF_ERROR(sink(std::move(*record)));
  }
  return mapper.dialect();
}

const std::vector<std::string>& ContactTableHeader() {
  static const std::vector<std::string> header = [] {
    std::vector<std::string> names;
    names.reserve(kKithColumns.size());
    for (const auto& column : kKithColumns) names.emplace_back(column.header);
    return names;
  }();
  return header;
}

std::vector<std::string> ContactTableRow(const Contact& contact) {
  const auto links_of = [&contact](LinkKind kind) {
    std::vector<std::string> items;
    for (const Link& link : contact.links) {
      if (link.kind == kind) items.push_back(AnnotatedLink(link));
    }
    return JoinKithList(items);
  };
  const auto date = [](const std::optional<Date>& value) { return value ? value->ToIso() : std::string(); };
  std::vector<std::string> originals;
  std::vector<std::string> e164;
  bool any_e164 = false;
  for (const Phone& phone : contact.phones) {
    originals.push_back(phone.original);
    e164.push_back(phone.e164);
    any_e164 = any_e164 || !phone.e164.empty();
  }
  std::vector<std::string> custom;
  custom.reserve(contact.custom.size());
  for (const CustomField& field : contact.custom) custom.push_back(CustomFieldItem(field));

  std::vector<std::string> row;
  row.reserve(kKithColumns.size());
  for (const auto& column : kKithColumns) {
    if (const std::string* text = TextFieldOf(column.target, contact)) {
      row.push_back(*text);
    } else if (const std::vector<std::string>* list = ListFieldOf(column.target, contact)) {
      row.push_back(JoinKithList(*list));
    } else if (const auto kind = LinkKindOf(column.target)) {
      row.push_back(links_of(*kind));
    } else {
      switch (column.target) {
        case Target::kPhone:
          row.push_back(JoinKithList(originals));
          break;
        case Target::kPhoneE164:
          row.push_back(any_e164 ? JoinKithList(e164) : std::string());
          break;
        case Target::kWebsite:
          row.push_back(contact.website);
          break;
        case Target::kMetOn:
          row.push_back(date(contact.met_on));
          break;
        case Target::kOpenSince:
          row.push_back(date(contact.open_since));
          break;
        case Target::kOpenToOpportunities:
          row.emplace_back(contact.open_to_opportunities ? "yes" : "no");
          break;
        case Target::kCustomFields:
          row.push_back(JoinKithList(custom));
          break;
        case Target::kUid:
          row.push_back(contact.uid);
          break;
        default:
          row.emplace_back();
          break;
      }
    }
  }
  return row;
}

}  // namespace kith
