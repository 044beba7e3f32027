#include "formats/vcard_writer.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "formats/vcard_syntax.h"

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
  // The reader turns ORG's unit into a first custom field "Department"; such
  // a field goes back into ORG, where other programs show it.
  [[nodiscard]] bool DepartmentInOrganization() const {
    return !contact_.custom.empty() && contact_.custom.front().label == "Department" &&
           !contact_.custom.front().value.empty();
  }
  [[nodiscard]] const std::string* Preserved(std::string_view name) const;
  void Emit() { AppendFolded(line_, card_); }
  void EmitText(std::string_view head, std::string_view value);
  void WriteName();
  void WriteLinks();
  void WritePhoto();
  void WriteCity();
  void WriteKithFields();

  const Contact& contact_;
  VCardVersion version_;
  std::string line_;
  std::string card_;
};

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
    line_ = vcard::LinkKindFromHost(contact_.website) ? "URL;TYPE=homepage:" : "URL:";
    AppendEscapedUri(contact_.website, line_);
    Emit();
  }
  for (const Link& link : contact_.links) {
    line_ = "URL;TYPE=";
    line_ += LinkKindName(link.kind);
    if (link.connected) line_ += ";X-KITH-CONNECTED=true";
    if (link.connected_on) line_ += ";X-KITH-CONNECTED-ON=" + link.connected_on->ToIso();
    if (link.followed) line_ += ";X-KITH-FOLLOWED=true";
    line_ += ':';
    AppendEscapedUri(link.url, line_);
    Emit();
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

// kith keeps only the city of an address. A card without an address gets a
// minimal one so other programs show the city; a card that came with its own
// addresses keeps them and says which city kith has in X-KITH-CITY.
void CardWriter::WriteCity() {
  if (Preserved("ADR")) {
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
  for (std::size_t i = DepartmentInOrganization() ? 1 : 0; i < contact_.custom.size(); ++i) {
    const CustomField& field = contact_.custom[i];
    line_ = "X-KITH-CUSTOM;X-LABEL=";
    AppendParamValue(field.label, line_);
    line_ += ':';
    AppendEscapedText(field.value, line_);
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
  EmitText("FN", contact_.display_name);
  WriteName();
  // A second ORG, TITLE or PHOTO kept from an import must not read back as
  // the first, so the field is written even when empty.
  if (!contact_.company.empty() || Preserved("ORG") || DepartmentInOrganization()) {
    line_ = "ORG:";
    AppendEscapedText(contact_.company, line_);
    if (DepartmentInOrganization()) {
      line_ += ';';
      AppendEscapedText(contact_.custom.front().value, line_);
    }
    Emit();
  }
  if (!contact_.title.empty() || Preserved("TITLE")) EmitText("TITLE", contact_.title);
  for (const std::string& email : contact_.emails) EmitText(IsV4() ? "EMAIL" : "EMAIL;TYPE=INTERNET", email);
  for (const Phone& phone : contact_.phones) EmitText("TEL", phone.original);
  WriteLinks();
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
    if (&property != name) AppendFolded(property, card_);
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
