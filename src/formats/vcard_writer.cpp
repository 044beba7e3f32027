#include "formats/vcard_writer.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "formats/vcard_content_line.h"
#include "formats/vcard_syntax.h"
#include "formats/vcard_values.h"
#include "formats/vcard_versions.h"

namespace kith {
namespace {

using vcard::AppendEscapedText;
using vcard::EqualsIgnoreCase;

// RFC 6350 §3.2: lines SHOULD NOT be longer than 75 octets, line break excluded.
constexpr std::size_t kMaxLineOctets = 75;

bool IsUtf8Continuation(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

// Appends `line` with CRLF, folded so that no physical line passes 75 octets
// and no UTF-8 character is split between two of them.
void AppendFolded(std::string_view line, std::string& out) {
  std::size_t limit = kMaxLineOctets;
  while (line.size() > limit) {
    std::size_t cut = limit;
    // A physical line ending in '=' would read as a quoted-printable soft
    // line break if the line is a vCard 2.1 one kept as it came.
    while (cut > 0 && (IsUtf8Continuation(line[cut]) || line[cut - 1] == '=')) --cut;
    if (cut == 0) cut = limit;  // not UTF-8, or all '=': any cut is as good as another
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = kMaxLineOctets - 1;  // the continuation's leading space counts
  }
  out.append(line);
  out += "\r\n";
}

// URIs are not text: their commas and semicolons stay as they are. Only a
// backslash and a line break, which would change what a reader sees, are
// escaped.
void AppendEscapedUri(std::string_view uri, std::string& out) {
  for (std::size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '\\') {
      out += "\\\\";
    } else if (uri[i] == '\r' || uri[i] == '\n') {
      if (uri[i] == '\r' && i + 1 < uri.size() && uri[i + 1] == '\n') ++i;
      out += "\\n";
    } else {
      out.push_back(uri[i]);
    }
  }
}

// A quoted parameter value, with RFC 6868's caret escapes for what quotes
// cannot hold.
void AppendParamValue(std::string_view value, std::string& out) {
  out.push_back('"');
  for (std::size_t i = 0; i < value.size(); ++i) {
    switch (value[i]) {
      case '^':
        out += "^^";
        break;
      case '"':
        out += "^'";
        break;
      case '\r':
        if (i + 1 < value.size() && value[i + 1] == '\n') ++i;
        out += "^n";
        break;
      case '\n':
        out += "^n";
        break;
      default:
        out.push_back(value[i]);
    }
  }
  out.push_back('"');
}

// "data:image/jpeg;base64,<data>" → subtype "jpeg" and the data, when vCard
// 3.0's inline form (ENCODING=b;TYPE=JPEG) gives back exactly this URI.
bool SplitInlineImage(std::string_view uri, std::string_view& subtype, std::string_view& data) {
  constexpr std::string_view kPrefix = "data:image/";
  constexpr std::string_view kBase64 = ";base64,";
  if (!uri.starts_with(kPrefix)) return false;
  const std::size_t marker = uri.find(kBase64);
  if (marker == std::string_view::npos) return false;
  subtype = uri.substr(kPrefix.size(), marker - kPrefix.size());
  data = uri.substr(marker + kBase64.size());
  if (subtype.empty() || data.empty()) return false;
  for (char c : subtype) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    if (!allowed) return false;
  }
  for (char c : data) {
    const bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                         c == '+' || c == '/' || c == '=';
    if (!allowed) return false;
  }
  return true;
}

// "2026-11-26T13:35:00Z" → "20261126T133500Z"; empty for anything else.
std::string RevisionTimestamp(std::string_view iso) {
  if (iso.size() != 20 || iso[4] != '-' || iso[7] != '-' || iso[10] != 'T' || iso[13] != ':' ||
      iso[16] != ':' || iso[19] != 'Z') {
    return {};
  }
  std::string basic;
  for (char c : iso) {
    if (c != '-' && c != ':') basic.push_back(c);
  }
  return basic;
}

class CardWriter {
 public:
  CardWriter(const Contact& contact, VCardVersion version) : contact_(contact), version_(version) {}

  std::string Write();

 private:
  [[nodiscard]] bool IsV4() const { return version_ == VCardVersion::k40; }
  [[nodiscard]] const std::string* Preserved(std::string_view name) const;
  void Emit() { AppendFolded(line_, card_); }
  void EmitText(std::string_view head, std::string_view value);
  // Starts line_ with a property's group (when it has a label), name, TYPE and PREF.
  void StartQualified(std::string_view name, const std::vector<std::string>& types, int pref,
                      std::string_view label, std::string_view first_type = {});
  // The X-ABLabel line of the group StartQualified opened, if any.
  void EmitLabel();
  void StartValue(std::string_view property, std::string_view name, std::string_view value,
                  std::string_view first_type = {});
  void WriteKind();
  void WriteName();
  void WriteOrganization();
  void WriteDates();
  void WriteAddresses();
  void WriteLinks();
  void WritePhoto();
  void WriteCity();
  void WriteKithFields();

  const Contact& contact_;
  VCardVersion version_;
  std::string line_;
  std::string card_;
  std::string group_;  // the group StartQualified gave the line, empty for none
  std::string label_;  // its label
  int groups_ = 0;     // item1, item2, … used so far
};

void CardWriter::StartQualified(std::string_view name, const std::vector<std::string>& types, int pref,
                                std::string_view label, std::string_view first_type) {
  group_.clear();
  label_ = label;
  if (!label.empty()) {
    // A group no kept line uses already: item1.X-ABDATE's label must stay its own.
    do {
      group_ = "item" + std::to_string(++groups_);
    } while (
        std::any_of(contact_.vcard_properties.begin(), contact_.vcard_properties.end(),
                    [&](const std::string& kept) { return EqualsIgnoreCase(vcard::GroupOf(kept), group_); }));
  }
  line_ = group_;
  if (!group_.empty()) line_ += '.';
  line_ += name;
  vcard::AppendTypeParams(types, pref, IsV4(), first_type, line_);
}

void CardWriter::EmitLabel() {
  if (group_.empty()) return;
  EmitText(group_ + ".X-ABLabel", label_);
}

void CardWriter::StartValue(std::string_view property, std::string_view name, std::string_view value,
                            std::string_view first_type) {
  static const ValueType kNone;
  const ValueType* type = FindValueType(contact_.value_types, property, value);
  if (type == nullptr) type = &kNone;
  StartQualified(name, type->types, type->pref, type->label, first_type);
}

const std::string* CardWriter::Preserved(std::string_view name) const {
  for (const std::string& line : contact_.vcard_properties) {
    if (EqualsIgnoreCase(vcard::PropertyName(line), name)) return &line;
  }
  return nullptr;
}

void CardWriter::EmitText(std::string_view head, std::string_view value) {
  line_.assign(head);
  line_ += ':';
  AppendEscapedText(value, line_);
  Emit();
}

// The reader keeps the parts of N kith has no field for as "N:;;middle;
// prefix;suffix"; they are merged back here around the names kith edits.
void CardWriter::WriteName() {
  const std::string* kept = Preserved("N");
  const std::size_t colon = kept ? vcard::FindValueColon(*kept) : std::string::npos;
  if (colon == std::string::npos) {
    line_ = "N:";
  } else {
    line_.assign(*kept, 0, colon + 1);
  }
  AppendEscapedText(contact_.family_name, line_);
  line_ += ';';
  AppendEscapedText(contact_.given_name, line_);
  if (colon == std::string::npos) {
    line_ += ";;;";
  } else {
    std::size_t index = 0;
    vcard::ForEachComponent(std::string_view(*kept).substr(colon + 1), ';', [&](std::string_view part) {
      if (index >= 2 && index <= 4) {
        line_ += ';';
        line_.append(part);
      }
      ++index;
    });
    for (; index < 5; ++index) line_ += ';';
  }
  Emit();
}

void CardWriter::WriteLinks() {
  if (!contact_.website.empty()) {
    // A website on a social network's host would read back as a link.
    StartValue("URL", "URL", contact_.website,
               vcard::LinkKindFromHost(contact_.website) ? "homepage" : std::string_view());
    line_ += ':';
    AppendEscapedUri(contact_.website, line_);
    Emit();
    EmitLabel();
  }
  for (const Link& link : contact_.links) {
    StartValue("URL", "URL", link.url, LinkKindName(link.kind));
    if (link.connected) line_ += ";X-KITH-CONNECTED=true";
    if (link.connected_on) line_ += ";X-KITH-CONNECTED-ON=" + link.connected_on->ToIso();
    if (link.followed) line_ += ";X-KITH-FOLLOWED=true";
    line_ += ':';
    AppendEscapedUri(link.url, line_);
    Emit();
    EmitLabel();
  }
}

void CardWriter::WritePhoto() {
  if (contact_.photo.empty() && !Preserved("PHOTO")) return;
  std::string_view subtype;
  std::string_view data;
  if (IsV4()) {
    line_ = "PHOTO:";
    AppendEscapedUri(contact_.photo, line_);
  } else if (SplitInlineImage(contact_.photo, subtype, data)) {
    line_ = "PHOTO;ENCODING=b;TYPE=";
    for (char c : subtype) line_.push_back(vcard::AsciiUpper(c));
    line_ += ':';
    line_.append(data);
  } else {
    line_ = "PHOTO;VALUE=uri:";
    AppendEscapedUri(contact_.photo, line_);
  }
  Emit();
}

// A card without an address gets a minimal one from the city so other
// programs show it; a card with its own addresses says which city kith has
// in X-KITH-CITY.
void CardWriter::WriteCity() {
  if (!contact_.addresses.empty() || Preserved("ADR")) {
    EmitText("X-KITH-CITY", contact_.city);
  } else if (!contact_.city.empty()) {
    line_ = "ADR;TYPE=home:;;;";
    AppendEscapedText(contact_.city, line_);
    line_ += ";;;";
    Emit();
  }
}

void CardWriter::WriteKithFields() {
  if (!contact_.met_at.empty()) EmitText("X-KITH-MET-AT", contact_.met_at);
  if (contact_.met_on) EmitText("X-KITH-MET-ON", contact_.met_on->ToIso());
  if (!contact_.how_met.empty()) EmitText("X-KITH-HOW-MET", contact_.how_met);
  if (!contact_.neighborhood.empty()) EmitText("X-KITH-NEIGHBORHOOD", contact_.neighborhood);
  if (!contact_.hometown.empty()) EmitText("X-KITH-HOMETOWN", contact_.hometown);
  if (contact_.open_to_opportunities) EmitText("X-KITH-OPEN-TO-OPPORTUNITIES", "true");
  if (!contact_.looking_for.empty()) EmitText("X-KITH-LOOKING-FOR", contact_.looking_for);
  if (contact_.open_since) EmitText("X-KITH-OPEN-SINCE", contact_.open_since->ToIso());
  for (const CustomField& field : contact_.custom) {
    line_ = "X-KITH-CUSTOM;X-LABEL=";
    AppendParamValue(field.label, line_);
    line_ += ':';
    AppendEscapedText(field.value, line_);
    Emit();
  }
}

// KIND: vCard 4.0's own; Apple's X-ABShowAs and X-ADDRESSBOOKSERVER-KIND in 3.0.
void CardWriter::WriteKind() {
  if (contact_.kind.empty()) return;
  if (IsV4()) {
    EmitText("KIND", contact_.kind);
  } else if (contact_.kind == "org") {
    EmitText("X-ABShowAs", "COMPANY");
  } else {
    EmitText("X-ADDRESSBOOKSERVER-KIND", contact_.kind);
  }
}

// ORG: the company and each department as a unit of its own. A second ORG
// kept from an import must not read back as the first, so ORG is written
// even when empty.
void CardWriter::WriteOrganization() {
  if (contact_.company.empty() && contact_.departments.empty() && !Preserved("ORG")) return;
  line_ = "ORG:";
  AppendEscapedText(contact_.company, line_);
  for (const std::string& unit : contact_.departments) {
    line_ += ';';
    AppendEscapedText(unit, line_);
  }
  Emit();
}

// BDAY and ANNIVERSARY: vCard 4.0 writes dates in ISO 8601's basic form
// ("19850412", "--0412"); 3.0 in the extended one ("1985-04-12", "--04-12"),
// and has no ANNIVERSARY: X-ANNIVERSARY is what its writers use.
void CardWriter::WriteDates() {
  const auto date = [this](const PartialDate& value) { return IsV4() ? value.ToBasic() : value.ToIso(); };
  if (contact_.birthday) EmitText("BDAY", date(*contact_.birthday));
  if (contact_.anniversary) EmitText(IsV4() ? "ANNIVERSARY" : "X-ANNIVERSARY", date(*contact_.anniversary));
}

// ADR, with its delivery label: 4.0's LABEL parameter, or in 3.0 a LABEL
// property of the same types right after it.
void CardWriter::WriteAddresses() {
  for (const Address& address : contact_.addresses) {
    StartQualified("ADR", address.types, address.pref, address.label);
    if (IsV4()) vcard::AppendDeliveryLabelParam(address.delivery_label, line_);
    line_ += ':';
    vcard::AppendAddressValue(address, line_);
    Emit();
    EmitLabel();
    if (IsV4() || address.delivery_label.empty()) continue;
    line_ = "LABEL";
    vcard::AppendTypeParams(address.types, address.pref, false, {}, line_);
    line_ += ':';
    AppendEscapedText(address.delivery_label, line_);
    Emit();
  }
}

std::string CardWriter::Write() {
  line_ = "BEGIN:VCARD";
  Emit();
  line_ = IsV4() ? "VERSION:4.0" : "VERSION:3.0";
  Emit();
  line_ = "PRODID:-//kith//kith//EN";
  Emit();
  if (!contact_.uid.empty()) {
    // Byte for byte: a sync client knows the card by it.
    line_ = "UID:";
    AppendEscapedText(contact_.uid, line_);
    Emit();
  }
  WriteKind();
  EmitText("FN", contact_.display_name);
  // vCard 4.0 makes N optional: an organisation's card is given none rather
  // than an invented person's name. 3.0 requires it, empty.
  if (!(IsV4() && !contact_.kind.empty() && contact_.given_name.empty() && contact_.family_name.empty() &&
        !Preserved("N"))) {
    WriteName();
  }
  if (!contact_.nickname.empty()) {
    line_ = "NICKNAME:";
    bool first = true;
    vcard::ForEachComponent(contact_.nickname, ',', [&](std::string_view part) {
      if (!first) line_ += ',';
      first = false;
      AppendEscapedText(vcard::TrimSpaces(part), line_);
    });
    Emit();
  }
  WriteOrganization();
  // A second TITLE or ROLE kept from an import must not read back as the
  // first, so the field is written even when empty.
  if (!contact_.title.empty() || Preserved("TITLE")) EmitText("TITLE", contact_.title);
  if (!contact_.role.empty() || Preserved("ROLE")) EmitText("ROLE", contact_.role);
  WriteDates();
  for (const std::string& email : contact_.emails) {
    StartValue("EMAIL", "EMAIL", email, IsV4() ? "" : "INTERNET");
    line_ += ':';
    AppendEscapedText(email, line_);
    Emit();
    EmitLabel();
  }
  for (const Phone& phone : contact_.phones) {
    StartValue("TEL", "TEL", phone.original);
    line_ += ':';
    AppendEscapedText(phone.original, line_);
    Emit();
    EmitLabel();
  }
  WriteLinks();
  WriteAddresses();
  line_.clear();
  for (const std::string& tag : contact_.tags) {
    if (tag.empty()) continue;
    line_ += line_.empty() ? "CATEGORIES:" : ",";
    AppendEscapedText(tag, line_);
  }
  if (!line_.empty()) Emit();
  for (const std::string& skill : contact_.skills) EmitText(IsV4() ? "EXPERTISE" : "X-EXPERTISE", skill);
  for (const std::string& interest : contact_.interests)
    EmitText(IsV4() ? "INTEREST" : "X-INTEREST", interest);
  if (!contact_.notes.empty()) EmitText("NOTE", contact_.notes);
  WritePhoto();
  WriteCity();
  WriteKithFields();
  const std::string revision = RevisionTimestamp(contact_.updated_at);
  if (!revision.empty()) {
    line_ = "REV:" + revision;
    Emit();
  }
  const std::string* name = Preserved("N");
  for (const std::string& property : contact_.vcard_properties) {
    if (&property == name) continue;
    // As it came when it is valid in this version, else translated.
    if (const auto line = KeptLineFor(property, version_)) AppendFolded(*line, card_);
  }
  line_ = "END:VCARD";
  Emit();
  return std::move(card_);
}

}  // namespace

void WriteVCard(const Contact& contact, VCardVersion version, std::ostream& out) {
  const std::string card = CardWriter(contact, version).Write();
  out.write(card.data(), static_cast<std::streamsize>(card.size()));
}

}  // namespace kith
