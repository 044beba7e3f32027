#include "formats/vcard_reader.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/date.h"
#include "formats/text_encoding.h"
#include "formats/vcard_content_line.h"
#include "formats/vcard_syntax.h"
#include "formats/vcard_values.h"

namespace kith {
namespace {

using vcard::AppendComponent;
using vcard::ContentLine;
using vcard::EqualsIgnoreCase;
using vcard::GroupOf;
using vcard::HasEncoding;
using vcard::IsBlank;
using vcard::IsMarker;
using vcard::Normalized;
using vcard::NormalizeEncoding;
using vcard::Param;
using vcard::ParseContentLine;
using vcard::PhysicalLines;
using vcard::StartsWithIgnoreCase;
using vcard::StripQuotes;
using vcard::TrimSpaces;

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
// The longest property, unfolded: a photo of a few megabytes fits; a longer
// line is not a contact, and is refused before it fills memory.
constexpr std::size_t kMaxLineBytes = std::size_t{8} << 20;

tl::unexpected<Error> LineError(std::size_t line, std::string_view message) {
  std::string where = "line " + std::to_string(line);
  return Fail(ErrorCode::kParseError, where + ": " + std::string(message), where);
}

// A line quoted in an error message, cut (at a character boundary) so a
// megabyte of base64 does not end up on the terminal.
std::string Excerpt(std::string_view text) {
  constexpr std::size_t kMaxBytes = 60;
  if (text.size() <= kMaxBytes) return std::string(text);
  std::size_t cut = kMaxBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "…";
}

std::string AsciiLower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

// --- Links ----------------------------------------------------------------

struct KindName {
  std::string_view name;
  LinkKind kind;
};
constexpr std::array<KindName, 7> kKindNames = {{{"linkedin", LinkKind::kLinkedIn},
                                                 {"twitter", LinkKind::kTwitter},
                                                 {"x", LinkKind::kTwitter},
                                                 {"facebook", LinkKind::kFacebook},
                                                 {"instagram", LinkKind::kInstagram},
                                                 {"github", LinkKind::kGitHub},
                                                 {"other", LinkKind::kOther}}};

std::optional<LinkKind> KindFromName(std::string_view name) {
  for (const auto& [candidate, kind] : kKindNames) {
    if (EqualsIgnoreCase(name, candidate)) return kind;
  }
  return std::nullopt;
}

// Apple wraps its built-in labels: "_$!<HomePage>!$_".
std::string_view LabelName(std::string_view label) {
  constexpr std::string_view kOpen = "_$!<";
  constexpr std::string_view kClose = ">!$_";
  if (label.size() >= kOpen.size() + kClose.size() && label.starts_with(kOpen) && label.ends_with(kClose)) {
    return label.substr(kOpen.size(), label.size() - kOpen.size() - kClose.size());
  }
  return label;
}

bool IsHomepageName(std::string_view name) {
  for (std::string_view candidate : {"homepage", "home page", "website", "web site"}) {
    if (EqualsIgnoreCase(name, candidate)) return true;
  }
  return false;
}

std::string ProfileUrl(LinkKind kind, std::string_view handle) {
  if (handle.starts_with('@')) handle.remove_prefix(1);
  switch (kind) {
    case LinkKind::kLinkedIn:
      return "https://www.linkedin.com/in/" + std::string(handle);
    case LinkKind::kTwitter:
      return "https://x.com/" + std::string(handle);
    case LinkKind::kFacebook:
      return "https://www.facebook.com/" + std::string(handle);
    case LinkKind::kInstagram:
      return "https://www.instagram.com/" + std::string(handle);
    case LinkKind::kGitHub:
      return "https://github.com/" + std::string(handle);
    case LinkKind::kOther:
      break;
  }
  return std::string(handle);
}

// --- Photos ---------------------------------------------------------------

std::string PhotoMediaType(std::string_view type, std::string_view data) {
  if (type.find('/') != std::string_view::npos) return AsciiLower(type);
  if (!type.empty()) return "image/" + AsciiLower(type);
  if (data.starts_with("/9j/")) return "image/jpeg";
  if (data.starts_with("iVBORw0KGgo")) return "image/png";
  if (data.starts_with("R0lGOD")) return "image/gif";
  return "application/octet-stream";
}

// --- Properties -----------------------------------------------------------

enum class Property {
  kDropped,
  kKind,
  kFormattedName,
  kName,
  kEmail,
  kTelephone,
  kOrganization,
  kTitle,
  kRole,
  kUrl,
  kSocialProfile,
  kInstantMessaging,
  kCategories,
  kExpertise,
  kInterest,
  kNote,
  kAddress,
  kPhoto,
  kNickname,
  kBirthday,
  kAnniversary,
  kAppleDate,
  kShowAs,
  kUid,
  kLabel,
  kMetAt,
  kMetOn,
  kHowMet,
  kNeighborhood,
  kHometown,
  kOpenToOpportunities,
  kLookingFor,
  kOpenSince,
  kCustom,
  kCity,
  kOther,
};

struct NamedProperty {
  std::string_view name;
  Property property;
};

constexpr std::array<NamedProperty, 44> kProperties = {{
    {"VERSION", Property::kDropped},
    {"PRODID", Property::kDropped},
    {"REV", Property::kDropped},
    {"CLIENTPIDMAP", Property::kDropped},
    {"KIND", Property::kKind},
    {"X-ADDRESSBOOKSERVER-KIND", Property::kKind},
    {"FN", Property::kFormattedName},
    {"N", Property::kName},
    {"EMAIL", Property::kEmail},
    {"TEL", Property::kTelephone},
    {"ORG", Property::kOrganization},
    {"TITLE", Property::kTitle},
    {"ROLE", Property::kRole},
    {"URL", Property::kUrl},
    {"X-SOCIALPROFILE", Property::kSocialProfile},
    {"IMPP", Property::kInstantMessaging},
    {"CATEGORIES", Property::kCategories},
    {"EXPERTISE", Property::kExpertise},
    {"X-EXPERTISE", Property::kExpertise},
    {"INTEREST", Property::kInterest},
    {"X-INTEREST", Property::kInterest},
    {"HOBBY", Property::kInterest},
    {"X-HOBBY", Property::kInterest},
    {"NOTE", Property::kNote},
    {"ADR", Property::kAddress},
    {"PHOTO", Property::kPhoto},
    {"NICKNAME", Property::kNickname},
    {"BDAY", Property::kBirthday},
    {"ANNIVERSARY", Property::kAnniversary},
    {"X-ANNIVERSARY", Property::kAnniversary},
    {"X-ABDATE", Property::kAppleDate},
    {"X-ABSHOWAS", Property::kShowAs},
    {"UID", Property::kUid},
    {"X-ABLABEL", Property::kLabel},
    {"X-KITH-MET-AT", Property::kMetAt},
    {"X-KITH-MET-ON", Property::kMetOn},
    {"X-KITH-HOW-MET", Property::kHowMet},
    {"X-KITH-NEIGHBORHOOD", Property::kNeighborhood},
    {"X-KITH-HOMETOWN", Property::kHometown},
    {"X-KITH-OPEN-TO-OPPORTUNITIES", Property::kOpenToOpportunities},
    {"X-KITH-LOOKING-FOR", Property::kLookingFor},
    {"X-KITH-OPEN-SINCE", Property::kOpenSince},
    {"X-KITH-CUSTOM", Property::kCustom},
    {"X-KITH-CITY", Property::kCity},
}};

Property Classify(std::string_view name) {
  for (const auto& [candidate, property] : kProperties) {
    if (EqualsIgnoreCase(name, candidate)) return property;
  }
  return Property::kOther;
}

// What becomes of a content line once it is mapped.
enum class Disposition : unsigned char {
  kDrop,      // mapped to a field, or noise (PRODID, REV)
  kPreserve,  // into vcard_properties, as read
  kLabel,     // an X-ABLabel: preserved unless a mapped property of its group used it
  kName,      // N's other parts: preserved first, where the writer puts N
};

std::optional<bool> ParseBool(std::string_view value) {
  value = TrimSpaces(value);
  if (EqualsIgnoreCase(value, "true")) return true;
  if (EqualsIgnoreCase(value, "false")) return false;
  return std::nullopt;
}

std::string CustomLabel(const ContentLine& parsed);
std::string_view PropertyNameOf(Property property);

struct CardLine {
  std::string text;  // unfolded
  std::size_t number = 0;
};

// The state of one card while its lines are mapped.
struct Card {
  ImportRecord record;
  bool seen_formatted_name = false;
  bool seen_name = false;
  bool seen_organization = false;
  bool seen_title = false;
  bool seen_photo = false;
  bool seen_uid = false;
  bool seen_role = false;
  bool seen_note = false;
  bool seen_nickname = false;
  std::string name_from_n;
  std::optional<std::string> address_city;
  bool address_from_city = false;  // the card's one ADR looks as the writer makes it from the city
  std::optional<std::string> kith_city;
  std::vector<std::string_view> used_groups;  // groups whose X-ABLabel a mapped property used
  std::vector<std::size_t> address_lines;     // of each address, its index among the card's lines

  [[nodiscard]] bool UsedGroup(std::string_view group) const {
    return std::any_of(used_groups.begin(), used_groups.end(),
                       [&](std::string_view used) { return EqualsIgnoreCase(used, group); });
  }
};

class VCardReader {
 public:
  explicit VCardReader(const RecordSink& sink) : sink_(sink) {}

  Status AddPhysicalLine(std::string_view line, std::size_t number);
  Status Finish(std::size_t last_number);

 private:
  std::string& Pending() { return lines_[line_count_].text; }
  Status CompleteLogicalLine();
  Status AddAgentLine(std::string_view text, std::size_t colon);
  Status EndCard();
  Status MapCard();
  Result<Disposition> MapLine(CardLine& line);
  Disposition MapName(CardLine& line);
  Disposition MapKithProperty(Property property, std::size_t number);
  bool ParseLine(CardLine& line);
  Disposition MapTelephone(std::size_t number);
  Disposition MapOrganization();
  Disposition MapAddress(const CardLine& line);
  void AttachDeliveryLabels();
  Disposition MapPhoto();
  Disposition MapDate(std::optional<PartialDate>& field);
  void NoteValueType(std::string_view property, const std::string& value, bool url);
  void ReadTypes(ValueType& type, bool url) const;
  [[nodiscard]] std::string GroupLabel() const;
  Result<Disposition> MapLink(std::size_t number, Property property);
  [[nodiscard]] Link ReadLinkFlags(std::size_t number, LinkKind kind, std::string url);
  void SetAside(std::size_t number, std::string_view property, std::string_view value, std::string problem);
  void ReadBool(std::size_t number, std::string_view property, std::string_view value, bool& field);
  void ReadDate(std::size_t number, std::string_view property, std::string_view value,
                std::optional<Date>& field);
  void NoteOrigin(std::size_t number, std::string_view property, const std::string& value);
  [[nodiscard]] std::optional<std::string_view> LabelOf(std::string_view group) const;

  const RecordSink& sink_;
  std::vector<CardLine> lines_ = std::vector<CardLine>(1);  // lines_[line_count_] is the line being read
  std::size_t line_count_ = 0;
  bool has_pending_ = false;
  std::size_t pending_number_ = 0;
  bool in_card_ = false;
  std::size_t card_start_ = 0;
  std::size_t cards_ = 0;
  int agent_depth_ = 0;  // > 0 inside a vCard 2.1 AGENT's nested card
  std::string agent_value_;

  ContentLine parsed_;  // reused: its parameter list keeps its capacity
  std::vector<std::size_t> label_lines_;
  std::vector<Disposition> dispositions_;
  Card card_;
};

Status VCardReader::AddPhysicalLine(std::string_view line, std::size_t number) {
  // Checked before a line is added: a property grows at most one line past the bound.
  if (line.size() > kMaxLineBytes || (has_pending_ && Pending().size() > kMaxLineBytes)) {
    return LineError(has_pending_ && Pending().size() > kMaxLineBytes ? pending_number_ : number,
                     "a property longer than 8 MiB; a contact's lines are far shorter");
  }
  if (has_pending_) {
    std::string& pending = Pending();
    // A quoted-printable soft line break: "=" at the end continues the value
    // with the next line as it is, leading spaces included.
    if (!pending.empty() && pending.back() == '=' && HasEncoding(pending, "QUOTED-PRINTABLE")) {
      pending.pop_back();
      pending.append(line);
      return Ok();
    }
    if (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
      pending.append(line.substr(1));
      return Ok();
    }
    // Some vCard 2.1 writers put base64 data on unindented lines.
    if (in_card_ && agent_depth_ == 0 && !line.empty() && line.find(':') == std::string_view::npos &&
        (HasEncoding(pending, "BASE64") || HasEncoding(pending, "B"))) {
      pending.append(line);
      return Ok();
    }
    KITH_RETURN_IF_ERROR(CompleteLogicalLine());
  }
  // A folded line with nothing before it to continue (after a blank line):
  // read as the line it spells, never kept with its leading blank, which
  // would fold it into another property when written back.
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  if (line.empty()) return Ok();
  Pending().assign(line);
  pending_number_ = number;
  has_pending_ = true;
  return Ok();
}

Status VCardReader::CompleteLogicalLine() {
  has_pending_ = false;
  const std::string_view text = Pending();
  const std::size_t number = pending_number_;
  if (IsBlank(text)) return Ok();
  const std::size_t colon = vcard::FindValueColon(text);
  const bool begin = IsMarker(text, colon, "BEGIN", "VCARD");
  const bool end = !begin && IsMarker(text, colon, "END", "VCARD");
  if (!in_card_) {
    if (end) return LineError(number, "END:VCARD without BEGIN:VCARD");
    if (!begin) return LineError(number, "text outside a vCard: '" + Excerpt(text) + "'");
    in_card_ = true;
    card_start_ = number;
    ++cards_;
    return Ok();
  }
  if (agent_depth_ > 0) return AddAgentLine(text, colon);
  if (begin) {
    // vCard 2.1 nests the card of an AGENT right after an empty AGENT line.
    const bool after_agent = line_count_ > 0 &&
                             EqualsIgnoreCase(vcard::PropertyName(lines_[line_count_ - 1].text), "AGENT") &&
                             lines_[line_count_ - 1].text.ends_with(':');
    if (!after_agent) {
      return LineError(number, "BEGIN:VCARD on line " + std::to_string(card_start_) + " has no END:VCARD");
    }
    agent_depth_ = 1;
    agent_value_ = "BEGIN:VCARD";
    return Ok();
  }
  if (end) return EndCard();
  lines_[line_count_].number = number;
  ++line_count_;
  if (lines_.size() == line_count_) lines_.emplace_back();
  return Ok();
}

// Keeps a nested AGENT card as the escaped text value vCard 3.0 gives AGENT.
Status VCardReader::AddAgentLine(std::string_view text, std::size_t colon) {
  if (IsMarker(text, colon, "BEGIN", "VCARD")) ++agent_depth_;
  if (IsMarker(text, colon, "END", "VCARD")) --agent_depth_;
  agent_value_ += "\\n";
  vcard::AppendEscapedText(text, agent_value_);
  if (agent_depth_ == 0) lines_[line_count_ - 1].text += agent_value_;
  return Ok();
}

Status VCardReader::Finish(std::size_t last_number) {
  if (has_pending_) KITH_RETURN_IF_ERROR(CompleteLogicalLine());
  if (in_card_) {
    return LineError(last_number, "BEGIN:VCARD on line " + std::to_string(card_start_) + " has no END:VCARD");
  }
  if (cards_ == 0) return Fail(ErrorCode::kParseError, "no vCard found (expected BEGIN:VCARD)");
  return Ok();
}

Status VCardReader::EndCard() {
  in_card_ = false;
  card_ = Card{};
  card_.record.line = card_start_;
  KITH_RETURN_IF_ERROR(MapCard());
  line_count_ = 0;
  return sink_(std::move(card_.record));
}

std::optional<std::string_view> VCardReader::LabelOf(std::string_view group) const {
  for (std::size_t index : label_lines_) {
    const std::string_view text = lines_[index].text;
    if (!EqualsIgnoreCase(GroupOf(text), group)) continue;
    const std::size_t colon = vcard::FindValueColon(text);
    if (colon != std::string_view::npos) return text.substr(colon + 1);
  }
  return std::nullopt;
}

Status VCardReader::MapCard() {
  // Apple writes a URL's label on a line of its own after it (item1.URL,
  // item1.X-ABLabel), so the labels are found before anything is mapped.
  label_lines_.clear();
  for (std::size_t i = 0; i < line_count_; ++i) {
    const std::string_view text = lines_[i].text;
    if (!GroupOf(text).empty() && EqualsIgnoreCase(vcard::PropertyName(text), "X-ABLABEL")) {
      label_lines_.push_back(i);
    }
  }
  dispositions_.clear();
  for (std::size_t i = 0; i < line_count_; ++i) {
    KITH_ASSIGN_OR_RETURN(const Disposition disposition, MapLine(lines_[i]));
    dispositions_.push_back(disposition);
  }
  ContactFields& fields = card_.record.fields;
  // The writer makes "ADR;TYPE=home:;;;<city>;;;" when kith has no address
  // of the card's and then writes no X-KITH-CITY; that ADR adds nothing.
  if (fields.addresses.size() == 1 && card_.address_from_city && !card_.kith_city) fields.addresses.clear();
  AttachDeliveryLabels();
  for (std::size_t i = 0; i < line_count_; ++i) {
    if (dispositions_[i] == Disposition::kName) fields.vcard_properties.push_back(lines_[i].text);
  }
  for (std::size_t i = 0; i < line_count_; ++i) {
    const Disposition disposition = dispositions_[i];
    if (disposition == Disposition::kDrop || disposition == Disposition::kName) continue;
    const std::string& text = lines_[i].text;
    if (disposition == Disposition::kLabel && card_.UsedGroup(GroupOf(text))) continue;
    fields.vcard_properties.push_back(text);
  }
  if (!card_.seen_formatted_name) fields.display_name = std::move(card_.name_from_n);
  OrderValueTypes(fields);
  if (card_.kith_city) {
    fields.city = std::move(*card_.kith_city);
  } else if (card_.address_city) {
    fields.city = std::move(*card_.address_city);
  }
  return Ok();
}

// Cuts the line into parsed_, its 2.1 encodings decoded first; false (the
// line set aside) when it has no value at all.
bool VCardReader::ParseLine(CardLine& line) {
  std::size_t colon = vcard::FindValueColon(line.text);
  if (colon == std::string_view::npos) {
    SetAside(line.number, {}, line.text, "has no ':' (not a property line)");
    return false;
  }
  const Normalized normalized = NormalizeEncoding(line.text, colon, parsed_);
  if (normalized != Normalized::kAsRead) colon = vcard::FindValueColon(line.text);
  ParseContentLine(line.text, colon, parsed_);
  if (normalized == Normalized::kRepaired) {
    card_.record.repaired.push_back(SetAsideValue{
        line.number, std::string(parsed_.name), vcard::UnescapeText(parsed_.value),
        "was not UTF-8 after quoted-printable decoding: its stray bytes were read as Windows-1252"});
  }
  return true;
}

Result<Disposition> VCardReader::MapLine(CardLine& line) {
  if (!ParseLine(line)) return Disposition::kDrop;
  const ContentLine& parsed = parsed_;
  ContactFields& fields = card_.record.fields;
  const std::string_view value = parsed.value;
  const std::size_t number = line.number;

  switch (Classify(parsed.name)) {
    case Property::kDropped:
      return Disposition::kDrop;
    case Property::kKind: {
      const std::string kind = AsciiLower(TrimSpaces(value));
      if (kind != "individual") fields.kind = kind;
      return Disposition::kDrop;
    }
    case Property::kShowAs:
      // Apple's way of saying a 3.0 card is a company's.
      if (!EqualsIgnoreCase(TrimSpaces(value), "COMPANY")) return Disposition::kPreserve;
      fields.kind = "org";
      return Disposition::kDrop;
    case Property::kNickname:
      if (card_.seen_nickname) return Disposition::kPreserve;
      card_.seen_nickname = true;
      vcard::ForEachComponent(value, ',', [&](std::string_view part) {
        if (part.empty()) return;
        if (!fields.nickname.empty()) fields.nickname += ", ";
        vcard::AppendUnescapedText(part, fields.nickname);
      });
      return Disposition::kDrop;
    case Property::kBirthday:
      return MapDate(fields.birthday);
    case Property::kAnniversary:
      return MapDate(fields.anniversary);
    case Property::kAppleDate: {
      // item1.X-ABDATE with the label _$!<Anniversary>!$_ is Apple's anniversary.
      const auto label = parsed.group.empty() ? std::nullopt : LabelOf(parsed.group);
      if (!label || !EqualsIgnoreCase(LabelName(*label), "Anniversary")) return Disposition::kPreserve;
      const Disposition disposition = MapDate(fields.anniversary);
      if (disposition == Disposition::kDrop) card_.used_groups.push_back(parsed.group);
      return disposition;
    }
    case Property::kFormattedName:
      if (card_.seen_formatted_name) return Disposition::kPreserve;  // another language's FN
      card_.seen_formatted_name = true;
      fields.display_name = vcard::UnescapeText(value);
      return Disposition::kDrop;
    case Property::kName:
      return MapName(line);
    case Property::kEmail:
      fields.emails.push_back(vcard::UnescapeText(value));
      NoteOrigin(number, "EMAIL", fields.emails.back());
      NoteValueType("EMAIL", fields.emails.back(), false);
      if (!parsed.group.empty()) card_.used_groups.push_back(parsed.group);
      return Disposition::kDrop;
    case Property::kTelephone:
      return MapTelephone(number);
    case Property::kOrganization:
      return MapOrganization();
    case Property::kTitle:
      if (card_.seen_title) return Disposition::kPreserve;
      card_.seen_title = true;
      fields.title = vcard::UnescapeText(value);
      return Disposition::kDrop;
    case Property::kRole:
      if (card_.seen_role) return Disposition::kPreserve;
      card_.seen_role = true;
      fields.role = vcard::UnescapeText(value);
      return Disposition::kDrop;
    case Property::kUrl:
    case Property::kSocialProfile:
      return MapLink(number, Classify(parsed.name));
    case Property::kInstantMessaging:
      // An IM address (xmpp:, skype:, sip:, x-apple:) is no web link: kept
      // verbatim with its service type and label, and written back as it came.
      return Disposition::kPreserve;
    case Property::kCategories:
      vcard::ForEachComponent(value, ',', [&](std::string_view tag) {
        if (!tag.empty()) fields.tags.push_back(vcard::UnescapeText(tag));
      });
      return Disposition::kDrop;
    case Property::kExpertise:
      fields.skills.push_back(vcard::UnescapeText(value));
      return Disposition::kDrop;
    case Property::kInterest:
      fields.interests.push_back(vcard::UnescapeText(value));
      return Disposition::kDrop;
    case Property::kNote:
      // Each NOTE is a note of its own: the first is kith's, the others are
      // kept and written back as separate NOTEs, never merged into one.
      if (card_.seen_note) return Disposition::kPreserve;
      card_.seen_note = true;
      fields.notes = vcard::UnescapeText(value);
      return Disposition::kDrop;
    case Property::kAddress:
      return MapAddress(line);
    case Property::kPhoto:
      return MapPhoto();
    case Property::kUid: {
      if (card_.seen_uid) return Disposition::kDrop;
      card_.seen_uid = true;
      card_.record.uid = vcard::UnescapeText(value);  // byte for byte: it is the card's identity
      return Disposition::kDrop;
    }
    case Property::kLabel:
      return parsed.group.empty() ? Disposition::kPreserve : Disposition::kLabel;
    case Property::kMetAt:
    case Property::kMetOn:
    case Property::kHowMet:
    case Property::kNeighborhood:
    case Property::kHometown:
    case Property::kOpenToOpportunities:
    case Property::kLookingFor:
    case Property::kOpenSince:
    case Property::kCustom:
    case Property::kCity:
      return MapKithProperty(Classify(parsed.name), number);
    case Property::kOther:
      return Disposition::kPreserve;
  }
  return Disposition::kPreserve;
}

// The X-KITH- properties kith writes for what vCard has no property for
// (where and how you met, openness to opportunities, custom fields).
Disposition VCardReader::MapKithProperty(Property property, std::size_t number) {
  ContactFields& fields = card_.record.fields;
  const ContentLine& parsed = parsed_;
  const std::string_view value = parsed.value;
  switch (property) {
    case Property::kMetAt:
      fields.met_at = vcard::UnescapeText(value);
      return Disposition::kDrop;
    case Property::kMetOn:
      ReadDate(number, parsed.name, value, fields.met_on);
      return Disposition::kDrop;
    case Property::kHowMet:
      fields.how_met = vcard::UnescapeText(value);
      return Disposition::kDrop;
    case Property::kNeighborhood:
      fields.neighborhood = vcard::UnescapeText(value);
      return Disposition::kDrop;
    case Property::kHometown:
      fields.hometown = vcard::UnescapeText(value);
      return Disposition::kDrop;
    case Property::kOpenToOpportunities:
      ReadBool(number, parsed.name, value, fields.open_to_opportunities);
      return Disposition::kDrop;
    case Property::kLookingFor:
      fields.looking_for = vcard::UnescapeText(value);
      return Disposition::kDrop;
    case Property::kOpenSince:
      ReadDate(number, parsed.name, value, fields.open_since);
      return Disposition::kDrop;
    case Property::kCustom:
      fields.custom.push_back({CustomLabel(parsed), vcard::UnescapeText(value)});
      return Disposition::kDrop;
    case Property::kCity:
      card_.kith_city = vcard::UnescapeText(value);
      return Disposition::kDrop;
    default:
      break;
  }
  return Disposition::kPreserve;
}

// N: the two names kith edits, and the display name when the card has no FN.
Disposition VCardReader::MapName(CardLine& line) {
  if (card_.seen_name) return Disposition::kDrop;  // a card has one N
  card_.seen_name = true;
  ContactFields& fields = card_.record.fields;
  std::array<std::string_view, 5> parts{};
  std::size_t count = 0;
  vcard::ForEachComponent(parsed_.value, ';', [&](std::string_view part) {
    if (count < parts.size()) parts[count] = part;
    ++count;
  });
  fields.family_name = vcard::UnescapeText(parts[0]);
  fields.given_name = vcard::UnescapeText(parts[1]);
  // Prefix, given, middle, family, suffix: "Dr. Jane Q. Public PhD".
  constexpr std::array<std::size_t, 5> kReadingOrder = {3, 1, 2, 0, 4};
  for (std::size_t index : kReadingOrder) {
    if (parts[index].empty()) continue;
    if (!card_.name_from_n.empty()) card_.name_from_n += ' ';
    vcard::AppendUnescapedText(parts[index], card_.name_from_n);
  }
  if (parts[2].empty() && parts[3].empty() && parts[4].empty()) return Disposition::kDrop;
  // Middle names, prefixes and suffixes have no field; they are kept as an
  // N line without the two names kith edits, which the writer fills in.
  std::string kept(parsed_.head);
  kept += ":;;";
  for (std::size_t index = 2; index < 5; ++index) {
    if (index > 2) kept += ';';
    AppendComponent(parts[index], kept);
  }
  line.text = std::move(kept);
  return Disposition::kName;
}

Disposition VCardReader::MapTelephone(std::size_t number) {
  const auto value_type = parsed_.Find("VALUE");
  std::string phone = value_type && EqualsIgnoreCase(*value_type, "uri") ? std::string(parsed_.value)
                                                                         : vcard::UnescapeText(parsed_.value);
  if (StartsWithIgnoreCase(phone, "tel:")) phone.erase(0, 4);
  NoteOrigin(number, "TEL", phone);
  NoteValueType("TEL", phone, false);
  card_.record.fields.phones.push_back(Phone{std::move(phone), {}});
  if (!parsed_.group.empty()) card_.used_groups.push_back(parsed_.group);
  return Disposition::kDrop;
}

// ORG: the company, and each of its units (departments), outermost first.
Disposition VCardReader::MapOrganization() {
  if (card_.seen_organization) return Disposition::kPreserve;
  card_.seen_organization = true;
  ContactFields& fields = card_.record.fields;
  bool first = true;
  vcard::ForEachComponent(parsed_.value, ';', [&](std::string_view part) {
    if (first) {
      fields.company = vcard::UnescapeText(part);
      first = false;
    } else if (!part.empty()) {
      fields.departments.push_back(vcard::UnescapeText(part));
    }
  });
  return Disposition::kDrop;
}

// BDAY, ANNIVERSARY: a date with or without its year. A value that is no
// date ("BDAY;VALUE=text:circa 1980") is kept as written.
Disposition VCardReader::MapDate(std::optional<PartialDate>& field) {
  if (field) return Disposition::kPreserve;
  std::optional<int> omitted_year;
  if (const auto omit = parsed_.Find("X-APPLE-OMIT-YEAR")) {
    int year = 0;
    for (char c : *omit) year = c >= '0' && c <= '9' ? year * 10 + (c - '0') : year;
    omitted_year = year;
  }
  const auto date = ParsePartialDate(TrimSpaces(parsed_.value), omitted_year);
  if (!date) return Disposition::kPreserve;
  field = *date;
  return Disposition::kDrop;
}

// The custom label a grouped property's X-ABLabel gives it, as written.
std::string VCardReader::GroupLabel() const {
  if (parsed_.group.empty()) return {};
  const auto label = LabelOf(parsed_.group);
  return label ? vcard::UnescapeText(*label) : std::string();
}

// TYPE, PREF and the group's label of an EMAIL, TEL or URL. A URL's kind
// (TYPE=linkedin, homepage) is no type: the link says it already. vCard
// 3.0's EMAIL TYPE=internet is what every email is, and TYPE=pref is PREF=1.
void VCardReader::NoteValueType(std::string_view property, const std::string& value, bool url) {
  ValueType type{std::string(property), value, {}, 0, GroupLabel()};
  ReadTypes(type, url);
  if (url && !type.label.empty()) {
    // A label that names the link's kind ("LinkedIn", "HomePage") is the kind, not a label.
    const std::string name = std::string(LabelName(type.label));
    if (KindFromName(name) || IsHomepageName(name) || EqualsIgnoreCase(name, "other")) type.label.clear();
  }
  if (type.types.empty() && type.pref == 0 && type.label.empty()) return;
  card_.record.fields.value_types.push_back(std::move(type));
}

void VCardReader::ReadTypes(ValueType& type, bool url) const {
  std::string ignored_label;
  vcard::ReadTypeParams(std::string(parsed_.head) + ':', type.types, type.pref, ignored_label);
  std::erase_if(type.types, [url](const std::string& lower) {
    return url ? KindFromName(lower) || IsHomepageName(lower) : lower == "internet" || lower == "x400";
  });
}

// ADR: its seven parts, TYPE, PREF and label; its locality is the city
// when the card has none.
Disposition VCardReader::MapAddress(const CardLine& line) {
  Address address;
  const std::array<std::string*, 7> parts = {&address.po_box,   &address.extended, &address.street,
                                             &address.locality, &address.region,   &address.postal_code,
                                             &address.country};
  std::size_t index = 0;
  vcard::ForEachComponent(parsed_.value, ';', [&](std::string_view part) {
    if (index < parts.size()) *parts[index] = vcard::UnescapeText(part);
    ++index;
  });
  ValueType type;
  ReadTypes(type, false);
  address.types = std::move(type.types);
  address.pref = type.pref;
  address.label = GroupLabel();
  if (const auto delivery_label = parsed_.Find("LABEL")) {
    address.delivery_label = vcard::DeliveryLabelOf(*delivery_label);
  }
  card_.address_lines.push_back(static_cast<std::size_t>(&line - lines_.data()));
  if (!parsed_.group.empty() && !address.label.empty()) card_.used_groups.push_back(parsed_.group);
  std::string from_city = "ADR;TYPE=home:;;;";
  vcard::AppendEscapedText(address.locality, from_city);
  from_city += ";;;";
  card_.address_from_city = !address.locality.empty() && line.text == from_city;
  if (!card_.address_city && !address.locality.empty()) card_.address_city = address.locality;
  card_.record.fields.addresses.push_back(std::move(address));
  return Disposition::kDrop;
}

// vCard 2.1 and 3.0 write an address's delivery label as a LABEL property
// of its own, with the TYPE of its ADR (4.0 as ADR's LABEL parameter). Each
// goes to the address with the same types that has none yet, the nearest
// before it first; to the only address when there is one; else it is kept
// as it came.
void VCardReader::AttachDeliveryLabels() {
  std::vector<Address>& addresses = card_.record.fields.addresses;
  if (addresses.size() != card_.address_lines.size()) return;  // the city's own ADR was dropped
  for (std::size_t i = 0; i < line_count_; ++i) {
    if (dispositions_[i] != Disposition::kPreserve) continue;
    const std::string& text = lines_[i].text;
    if (!EqualsIgnoreCase(vcard::PropertyName(text), "LABEL")) continue;
    const std::size_t colon = vcard::FindValueColon(text);
    if (colon == std::string::npos) continue;
    ContentLine label_line;
    vcard::ParseContentLine(text, colon, label_line);
    // Still encoded (in a charset kith cannot decode): kept as it came.
    if (label_line.Find("ENCODING")) continue;
    std::vector<std::string> types;
    int pref = 0;
    std::string ignored;
    vcard::ReadTypeParams(text, types, pref, ignored);
    std::sort(types.begin(), types.end());
    std::optional<std::size_t> chosen;
    for (std::size_t a = 0; a < addresses.size(); ++a) {
      std::vector<std::string> address_types = addresses[a].types;
      std::sort(address_types.begin(), address_types.end());
      if (!addresses[a].delivery_label.empty() || address_types != types) continue;
      if (!chosen || (card_.address_lines[a] < i && card_.address_lines[a] > card_.address_lines[*chosen])) {
        chosen = a;
      }
    }
    if (!chosen && addresses.size() == 1 && addresses.front().delivery_label.empty()) chosen = 0;
    if (!chosen) continue;
    std::string delivery_label = vcard::UnescapeText(std::string_view(text).substr(colon + 1));
    // One line break however the writer wrote it ("\r\n" after quoted-printable).
    for (std::size_t at = delivery_label.find('\r'); at != std::string::npos;
         at = delivery_label.find('\r', at)) {
      const bool pair = at + 1 < delivery_label.size() && delivery_label[at + 1] == '\n';
      delivery_label.replace(at, pair ? 2 : 1, "\n");
    }
    addresses[*chosen].delivery_label = std::move(delivery_label);
    dispositions_[i] = Disposition::kDrop;
  }
}

// PHOTO: inline data becomes a data: URI; a URI is kept as it is.
Disposition VCardReader::MapPhoto() {
  if (card_.seen_photo) return Disposition::kPreserve;
  card_.seen_photo = true;
  ContactFields& fields = card_.record.fields;
  const auto encoding = parsed_.Find("ENCODING");
  if (encoding && (EqualsIgnoreCase(*encoding, "b") || EqualsIgnoreCase(*encoding, "BASE64"))) {
    std::string data;
    data.reserve(parsed_.value.size());
    for (char c : parsed_.value) {
      if (c != ' ' && c != '\t') data.push_back(c);
    }
    std::string_view type;
    parsed_.ForEachType([&](std::string_view candidate) {
      if (type.empty()) type = candidate;
    });
    if (const auto media_type = parsed_.Find("MEDIATYPE")) type = *media_type;
    // Some writers put a whole data: URI after ENCODING=b; it is the photo as it is.
    fields.photo = StartsWithIgnoreCase(data, "data:")
                       ? std::move(data)
                       : "data:" + PhotoMediaType(type, data) + ";base64," + data;
  } else {
    fields.photo = vcard::UnescapeText(parsed_.value);
  }
  return Disposition::kDrop;
}

// X-KITH-CUSTOM's label, with RFC 6868 caret escapes undone: ^n newline,
// ^' double quote, ^^ caret.
std::string CustomLabel(const ContentLine& parsed) {
  std::string label;
  for (const Param& param : parsed.params) {
    if (!EqualsIgnoreCase(param.name, "X-LABEL")) continue;
    const std::string_view raw = StripQuotes(param.value);
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '^' && i + 1 < raw.size() &&
          (raw[i + 1] == 'n' || raw[i + 1] == '\'' || raw[i + 1] == '^')) {
        label.push_back(raw[i + 1] == 'n' ? '\n' : raw[i + 1] == '\'' ? '"' : '^');
        ++i;
      } else {
        label.push_back(raw[i]);
      }
    }
    break;
  }
  return label;
}

void VCardReader::SetAside(std::size_t number, std::string_view property, std::string_view value,
                           std::string problem) {
  card_.record.set_aside.push_back(
      SetAsideValue{number, std::string(property), std::string(value), std::move(problem)});
}

void VCardReader::ReadBool(std::size_t number, std::string_view property, std::string_view value,
                           bool& field) {
  if (const auto parsed = ParseBool(value)) {
    field = *parsed;
  } else {
    SetAside(number, property, value, "is not true or false");
  }
}

void VCardReader::ReadDate(std::size_t number, std::string_view property, std::string_view value,
                           std::optional<Date>& field) {
  const auto date = ParseIsoDate(TrimSpaces(value));
  if (date) {
    field = *date;
  } else {
    SetAside(number, property, value, "is not a date (expected YYYY-MM-DD)");
  }
}

void VCardReader::NoteOrigin(std::size_t number, std::string_view property, const std::string& value) {
  card_.record.origins.push_back(ValueOrigin{number, std::string(property), value});
}

Link VCardReader::ReadLinkFlags(std::size_t number, LinkKind kind, std::string url) {
  Link link{kind, std::move(url), false, false, std::nullopt};
  for (const Param& param : parsed_.params) {
    const std::string_view value = StripQuotes(param.value);
    if (EqualsIgnoreCase(param.name, "X-KITH-CONNECTED")) {
      ReadBool(number, param.name, value, link.connected);
    } else if (EqualsIgnoreCase(param.name, "X-KITH-FOLLOWED")) {
      ReadBool(number, param.name, value, link.followed);
    } else if (EqualsIgnoreCase(param.name, "X-KITH-CONNECTED-ON")) {
      ReadDate(number, param.name, value, link.connected_on);
    }
  }
  return link;
}

std::string_view PropertyNameOf(Property property) {
  return property == Property::kSocialProfile ? "X-SOCIALPROFILE" : "URL";
}

// URL and X-SOCIALPROFILE: a website or links. The kind comes from
// what the line says (TYPE=linkedin, Apple's label), else from the host.
Result<Disposition> VCardReader::MapLink(std::size_t number, Property property) {
  const ContentLine& parsed = parsed_;
  ContactFields& fields = card_.record.fields;
  std::optional<LinkKind> kind;
  bool homepage = false;
  parsed.ForEachType([&](std::string_view type) {
    if (!kind) kind = KindFromName(type);
    homepage = homepage || IsHomepageName(type);
  });
  if (!kind && !homepage && !parsed.group.empty()) {
    if (const auto label = LabelOf(parsed.group)) {
      const std::string label_name = vcard::UnescapeText(LabelName(*label));
      kind = KindFromName(label_name);
      // Apple's "_$!<Other>!$_" is no kind at all: such a URL may be the website.
      if (kind == LinkKind::kOther) kind.reset();
      homepage = IsHomepageName(label_name);
    }
  }
  std::string url = vcard::UnescapeText(parsed.value);
  if (!kind && !homepage) kind = vcard::LinkKindFromHost(url);

  if (property == Property::kSocialProfile && url.find("://") == std::string::npos) {
    // Apple: X-SOCIALPROFILE;type=twitter;x-user=ada:x-apple:ada
    std::string_view handle = url;
    if (StartsWithIgnoreCase(handle, "x-apple:")) handle.remove_prefix(8);
    if (const auto user = parsed.Find("X-USER"); user && !user->empty()) handle = *user;
    if (!kind || *kind == LinkKind::kOther || handle.empty()) return Disposition::kPreserve;
    url = ProfileUrl(*kind, handle);
  }
  if (!parsed.group.empty()) card_.used_groups.push_back(parsed.group);

  NoteOrigin(number, PropertyNameOf(property), url);
  NoteValueType("URL", url, true);
  Link link = ReadLinkFlags(number, kind.value_or(LinkKind::kOther), std::move(url));
  if (!kind && property == Property::kUrl && fields.website.empty()) {
    fields.website = std::move(link.url);
  } else {
    fields.links.push_back(std::move(link));
  }
  return Disposition::kDrop;
}

}  // namespace

Status ReadVCards(std::istream& in, const RecordSink& sink) {
  VCardReader reader(sink);
  PhysicalLines lines(in, kMaxLineBytes);
  std::string line;
  std::size_t number = 0;
  while (lines.Next(line)) {
    ++number;
    std::string_view view = line;
    if (number == 1 && view.starts_with(kUtf8Bom)) view.remove_prefix(kUtf8Bom.size());
    if (number == 1 && (view.starts_with("\xFF\xFE") || view.starts_with("\xFE\xFF"))) {
      return LineError(1, "the file is UTF-16; save it as UTF-8 (vCard 3.0 and 4.0 are UTF-8)");
    }
    KITH_RETURN_IF_ERROR(reader.AddPhysicalLine(view, number));
  }
  if (in.bad()) {
    return Fail(ErrorCode::kIo, "reading the vCard file failed after line " + std::to_string(number));
  }
  return reader.Finish(number);
}

}  // namespace kith
