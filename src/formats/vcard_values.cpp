#include "formats/vcard_values.h"

#include <algorithm>
#include <array>

#include "formats/vcard_content_line.h"
#include "formats/vcard_syntax.h"

namespace kith::vcard {
namespace {

std::string AsciiLowerCopy(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

// A quoted parameter value with RFC 6868's caret escapes.
void AppendQuotedParam(std::string_view value, std::string& out) {
  out.push_back('"');
  for (char c : value) {
    if (c == '^') {
      out += "^^";
    } else if (c == '"') {
      out += "^'";
    } else if (c == '\n') {
      out += "^n";
    } else if (c != '\r') {
      out.push_back(c);
    }
  }
  out.push_back('"');
}

std::string UnquoteParam(std::string_view raw) {
  raw = StripQuotes(raw);
  std::string value;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '^' && i + 1 < raw.size() &&
        (raw[i + 1] == 'n' || raw[i + 1] == '\'' || raw[i + 1] == '^')) {
      value.push_back(raw[i + 1] == 'n' ? '\n' : raw[i + 1] == '\'' ? '"' : '^');
      ++i;
    } else {
      value.push_back(raw[i]);
    }
  }
  return value;
}

void AppendLabelParam(std::string_view label, std::string& out) {
  if (label.empty()) return;
  out += ";X-ABLABEL=";
  AppendQuotedParam(label, out);
}

}  // namespace

void AppendDeliveryLabelParam(std::string_view delivery_label, std::string& out) {
  if (delivery_label.empty()) return;
  out += ";LABEL=";
  AppendQuotedParam(delivery_label, out);
}

std::string DeliveryLabelOf(std::string_view param_value) {
  const std::string unquoted = UnquoteParam(param_value);
  std::string text;
  for (std::size_t i = 0; i < unquoted.size(); ++i) {
    if (unquoted[i] == '\\' && i + 1 < unquoted.size() &&
        (unquoted[i + 1] == 'n' || unquoted[i + 1] == 'N')) {
      text.push_back('\n');
      ++i;
    } else {
      text.push_back(unquoted[i]);
    }
  }
  return text;
}

void AppendTypeParams(const std::vector<std::string>& types, int pref, bool v4, std::string_view first_type,
                      std::string& out) {
  std::string list(first_type);
  for (const std::string& type : types) {
    if (!list.empty()) list += ',';
    list += type;
  }
  if (pref > 0 && !v4) list += list.empty() ? "pref" : ",pref";
  if (!list.empty()) out += ";TYPE=" + list;
  if (pref > 0 && v4) out += ";PREF=" + std::to_string(pref);
}

void AppendAddressValue(const Address& address, std::string& out) {
  bool first = true;
  for (const std::string* part : {&address.po_box, &address.extended, &address.street, &address.locality,
                                  &address.region, &address.postal_code, &address.country}) {
    if (!first) out += ';';
    first = false;
    AppendEscapedText(*part, out);
  }
}

void ReadTypeParams(std::string_view line, std::vector<std::string>& types, int& pref, std::string& label) {
  const std::size_t colon = FindValueColon(line);
  if (colon == std::string_view::npos) return;
  ContentLine parsed;
  ParseContentLine(line, colon, parsed);
  parsed.ForEachType([&](std::string_view written) {
    std::string lower = AsciiLowerCopy(written);
    if (lower == "pref") {
      pref = pref == 0 ? 1 : pref;
    } else if (std::find(types.begin(), types.end(), lower) == types.end()) {
      types.push_back(std::move(lower));
    }
  });
  if (const auto rank = parsed.Find("PREF")) {
    int value = 0;
    for (char c : *rank) value = c >= '0' && c <= '9' ? value * 10 + (c - '0') : value;
    if (value >= 1 && value <= 100) pref = value;
  }
  for (const Param& param : parsed.params) {
    if (EqualsIgnoreCase(param.name, "X-ABLABEL")) label = UnquoteParam(param.value);
  }
}

std::string ValueTypeLine(const ValueType& type) {
  std::string line = type.property;
  AppendTypeParams(type.types, type.pref, true, {}, line);
  AppendLabelParam(type.label, line);
  line += ':';
  AppendEscapedText(type.value, line);
  return line;
}

std::optional<ValueType> ParseValueTypeLine(std::string_view line) {
  const std::size_t colon = FindValueColon(line);
  if (colon == std::string_view::npos) return std::nullopt;
  ValueType type;
  type.property = AsciiLowerCopy(PropertyName(line));
  for (char& c : type.property) c = AsciiUpper(c);
  if (type.property != "EMAIL" && type.property != "TEL" && type.property != "URL") return std::nullopt;
  ReadTypeParams(line, type.types, type.pref, type.label);
  type.value = UnescapeText(line.substr(colon + 1));
  return type;
}

std::string AddressLine(const Address& address) {
  std::string line = "ADR";
  AppendTypeParams(address.types, address.pref, true, {}, line);
  AppendLabelParam(address.label, line);
  AppendDeliveryLabelParam(address.delivery_label, line);
  line += ':';
  AppendAddressValue(address, line);
  return line;
}

std::optional<Address> ParseAddressLine(std::string_view line) {
  const std::size_t colon = FindValueColon(line);
  if (colon == std::string_view::npos || !EqualsIgnoreCase(PropertyName(line), "ADR")) return std::nullopt;
  Address address;
  ReadTypeParams(line, address.types, address.pref, address.label);
  ContentLine parsed;
  ParseContentLine(line, colon, parsed);
  if (const auto delivery_label = parsed.Find("LABEL"))
    address.delivery_label = DeliveryLabelOf(*delivery_label);
  const std::array<std::string*, 7> parts = {&address.po_box,   &address.extended, &address.street,
                                             &address.locality, &address.region,   &address.postal_code,
                                             &address.country};
  std::size_t index = 0;
  ForEachComponent(line.substr(colon + 1), ';', [&](std::string_view part) {
    if (index < parts.size()) *parts[index] = UnescapeText(part);
    ++index;
  });
  return address;
}

}  // namespace kith::vcard
