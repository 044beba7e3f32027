// QR payloads to card fields: vCards through formats/vcard_reader, MECARDs
// ("MECARD:N:Jäger,Hans;TEL:+49…;;") here.
#include <sstream>

#include "domain/validation.h"
#include "formats/phone_number.h"
#include "formats/vcard_reader.h"
#include "scan/scan.h"
#include "scan/text_patterns.h"

namespace kith {
namespace {

bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && AsciiLower(text.substr(0, prefix.size())) == prefix;
}

void AddWebAddress(ScannedCard& card, const std::string& url) {
  if (url.empty()) return;
  if (const auto kind = scan::ProfileKind(url)) {
    card.links.push_back(scan::MakeLink(*kind, url));
  } else if (card.website.empty()) {
    card.website = url;
  }
}

ScannedCard FromFields(const ContactFields& fields, const std::string& phone_region) {
  ScannedCard card;
  card.source = ScanSource::kQr;
  card.name = fields.display_name;
  if (card.name.empty()) card.name = Trim(fields.given_name + " " + fields.family_name);
  card.title = fields.title;
  card.company = fields.company;
  card.emails = fields.emails;
  for (const auto& phone : fields.phones) {
    Phone placed = NormalizePhone(phone.original, phone_region);
    if (placed.e164.empty()) placed.e164 = phone.e164;
    card.phones.push_back(placed);
  }
  AddWebAddress(card, fields.website);
  for (const auto& link : fields.links) card.links.push_back(link);
  card.address = fields.city;
  // A QR code is read exactly: every field it has is certain.
  const auto certain = [&](const char* key, bool present) {
    if (present) card.confidence[key] = 1.0;
  };
  certain("name", !card.name.empty());
  certain("title", !card.title.empty());
  certain("company", !card.company.empty());
  certain("emails", !card.emails.empty());
  certain("phones", !card.phones.empty());
  certain("website", !card.website.empty());
  certain("links", !card.links.empty());
  certain("address", !card.address.empty());
  return card;
}

// Splits MECARD text at unescaped `separator`, removing the escapes.
std::vector<std::string> SplitEscaped(std::string_view text, char separator) {
  std::vector<std::string> parts(1);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      parts.back() += text[++i];
    } else if (text[i] == separator) {
      parts.emplace_back();
    } else {
      parts.back() += text[i];
    }
  }
  return parts;
}

Result<ContactFields> ParseMecard(std::string_view payload) {
  payload.remove_prefix(std::string_view("MECARD:").size());
  ContactFields fields;
  // Split on unescaped ';' but keep escapes inside values for the ',' of N.
  std::vector<std::string> properties(1);
  for (std::size_t i = 0; i < payload.size(); ++i) {
    if (payload[i] == '\\' && i + 1 < payload.size()) {
      properties.back() += payload.substr(i, 2);
      ++i;
    } else if (payload[i] == ';') {
      properties.emplace_back();
    } else {
      properties.back() += payload[i];
    }
  }
  for (const auto& property : properties) {
    const auto colon = property.find(':');
    if (colon == std::string::npos) continue;
    const std::string key = AsciiLower(property.substr(0, colon));
    const std::string raw = property.substr(colon + 1);
    const std::string value = Trim(SplitEscaped(raw, '\0').front());
    if (key == "n") {
      const auto parts = SplitEscaped(raw, ',');
      fields.family_name = Trim(parts[0]);
      if (parts.size() > 1) fields.given_name = Trim(parts[1]);
      fields.display_name = Trim(fields.given_name + " " + fields.family_name);
    } else if (key == "tel" || key == "tel-av") {
      fields.phones.push_back(Phone{value, ""});
    } else if (key == "email") {
      fields.emails.push_back(value);
    } else if (key == "org") {
      fields.company = value;
    } else if (key == "title") {
      fields.title = value;
    } else if (key == "url") {
      if (scan::ProfileKind(value)) {
        fields.links.push_back(scan::MakeLink(*scan::ProfileKind(value), value));
      } else if (fields.website.empty()) {
        fields.website = value;
      }
    } else if (key == "adr") {
      fields.city = value;
    } else if (key == "note") {
      fields.notes = value;
    }
  }
  return fields;
}

}  // namespace

const char* ScanSourceName(ScanSource source) {
  switch (source) {
    case ScanSource::kOcr:
      return "ocr";
    case ScanSource::kQr:
      return "qr";
  }
  return "ocr";
}

Result<ScannedCard> CardFromQrPayload(const std::string& payload, const std::string& phone_region) {
  std::string_view text = payload;
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  ContactFields fields;
  if (StartsWithIgnoreCase(text, "mecard:")) {
    KITH_ASSIGN_OR_RETURN(fields, ParseMecard(text));
  } else if (StartsWithIgnoreCase(text, "begin:vcard")) {
    std::istringstream in{std::string(text)};
    bool found = false;
    KITH_RETURN_IF_ERROR(ReadVCards(in, [&](ImportRecord&& record) -> Status {
      if (!found) fields = std::move(record.fields);
      found = true;
      return Ok();
    }));
  } else {
    return Fail(ErrorCode::kParseError, "the QR code holds no contact (neither a vCard nor a MECARD)", "qr");
  }
  ScannedCard card = FromFields(fields, phone_region);
  if (card.name.empty() && card.emails.empty() && card.phones.empty()) {
    return Fail(ErrorCode::kParseError, "the QR code's contact has no name, email or phone", "qr");
  }
  card.lines = {std::string(text)};
  return card;
}

}  // namespace kith
