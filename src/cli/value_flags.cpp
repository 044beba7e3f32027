#include "cli/value_flags.h"

#include <charconv>

#include "domain/validation.h"
#include "domain/value_qualifiers.h"

namespace kith::cli {
namespace {

constexpr int kMaxPref = 100;

tl::unexpected<Error> FlagError(std::string_view flag, const std::string& message) {
  return Fail(ErrorCode::kInvalidInput, std::string(flag) + ": " + message, std::string(flag.substr(2)));
}

// "pref" is the most preferred (1); "pref=N" says how much, 1 to 100.
Result<int> ParsePref(std::string_view item, std::string_view flag) {
  if (item == "pref") return 1;
  const std::string_view number = item.substr(std::string_view("pref=").size());
  int pref = 0;
  const auto [end, problem] = std::from_chars(number.data(), number.data() + number.size(), pref);
  if (problem != std::errc() || end != number.data() + number.size() || pref < 1 || pref > kMaxPref) {
    return FlagError(flag, "'" + std::string(item) + "' should be pref or pref=1 to pref=100");
  }
  return pref;
}

// One TYPE word as typed: lower case; "mobile" is vCard's "cell".
Result<std::string> ParseTypeWord(std::string_view word, std::string_view flag) {
  std::string type = AsciiLower(Trim(word));
  if (type == "mobile") type = "cell";
  if (!IsTypeName(type)) {
    return FlagError(flag, "'" + std::string(word) +
                               "' is not a type (a word of letters, digits and '-', e.g. work, home, cell, "
                               "fax; or pref, pref=N, label=TEXT)");
  }
  return type;
}

// "work,pref,label=Office line": TYPE words, PREF and a label of one's own
// (the rest of the text, commas and all); "" or "none" clears them.
Status ReadSpec(std::string_view spec, std::string_view flag, ValueType& type) {
  while (!spec.empty()) {
    const auto comma = spec.find(',');
    const std::string item = Trim(spec.substr(0, comma));
    const std::string lower = AsciiLower(item);
    if (lower.starts_with("label=")) {
      type.label = Trim(Trim(spec).substr(std::string_view("label=").size()));
      return Ok();
    }
    if (lower == "pref" || lower.starts_with("pref=")) {
      KITH_ASSIGN_OR_RETURN(type.pref, ParsePref(lower, flag));
    } else if (!item.empty() && lower != "none") {
      KITH_ASSIGN_OR_RETURN(std::string word, ParseTypeWord(item, flag));
      type.types.push_back(std::move(word));
    }
    if (comma == std::string_view::npos) break;
    spec.remove_prefix(comma + 1);
  }
  return Ok();
}

// The part of an address a key of --address names, or nullptr.
std::string* AddressPart(Address& address, std::string_view key) {
  if (key == "street") return &address.street;
  if (key == "extended") return &address.extended;
  if (key == "po-box") return &address.po_box;
  if (key == "city") return &address.locality;
  if (key == "region") return &address.region;
  if (key == "postal-code") return &address.postal_code;
  if (key == "country") return &address.country;
  if (key == "label") return &address.label;
  if (key == "delivery-label") return &address.delivery_label;
  return nullptr;
}

// A delivery label's lines are written "\n" on one command line.
std::string WithNewlines(std::string text) {
  for (auto at = text.find("\\n"); at != std::string::npos; at = text.find("\\n", at + 1)) {
    text.replace(at, 2, "\n");
  }
  return text;
}

constexpr std::string_view kAddressKeys =
    "street, extended, po-box, city, region, postal-code, country, type, pref, label, delivery-label";

// "street=1 Main St; city=Springfield; type=work; pref".
Result<Address> ParseAddress(std::string_view spec) {
  constexpr std::string_view kFlag = "--address";
  Address address;
  bool has_part = false;
  while (!spec.empty()) {
    const auto semicolon = spec.find(';');
    const std::string item = Trim(spec.substr(0, semicolon));
    const auto equals = item.find('=');
    const std::string key = AsciiLower(Trim(item.substr(0, equals)));
    const std::string value = equals == std::string::npos ? "" : Trim(item.substr(equals + 1));
    if (key == "pref" || key == "type") {
      // "pref", "pref=2" and "type=work,pref" read as a value's SPEC does.
      const std::string spec_text = key == "pref" ? AsciiLower(item) : value;
      ValueType type;
      KITH_RETURN_IF_ERROR(ReadSpec(spec_text, kFlag, type));
      if (!type.label.empty()) return FlagError(kFlag, "give an address's label as label=TEXT, its own part");
      if (type.pref != 0) address.pref = type.pref;
      address.types.insert(address.types.end(), type.types.begin(), type.types.end());
    } else if (std::string* part = AddressPart(address, key)) {
      if (equals == std::string::npos) {
        std::string message = "'" + item + "' should be ";
        message += key;
        message += "=VALUE";
        return FlagError(kFlag, message);
      }
      *part = key == "delivery-label" ? WithNewlines(value) : value;
      has_part = has_part || (key != "label" && !part->empty());
    } else if (!item.empty()) {
      return FlagError(kFlag,
                       "'" + item + "' is not a part of an address (" + std::string(kAddressKeys) + ")");
    }
    if (semicolon == std::string_view::npos) break;
    spec.remove_prefix(semicolon + 1);
  }
  if (!has_part) {
    return FlagError(kFlag,
                     "an address needs at least one part, e.g. \"street=1 Main St; city=Springfield\"");
  }
  return address;
}

}  // namespace

void AddValueFlags(CLI::App& command, ValueFlags& flags) {
  const std::string spec_help =
      "SPEC: types (work, home, cell or mobile, fax, pager, …), pref or pref=N, label=TEXT last; "
      "\"\" clears";
  command.add_option("--email-type", flags.email_types, "EMAIL SPEC: how an email is labelled. " + spec_help)
      ->type_name("EMAIL SPEC");
  command.add_option("--phone-type", flags.phone_types, "PHONE SPEC: how a phone is labelled. " + spec_help)
      ->type_name("PHONE SPEC");
  command
      .add_option("--link-type", flags.link_types,
                  "URL SPEC: how the website or a link is labelled. " + spec_help)
      ->type_name("URL SPEC");
  command
      .add_option("--address", flags.addresses,
                  "A postal address, its parts as KEY=VALUE separated by ';' (" + std::string(kAddressKeys) +
                      "; a delivery label's lines joined with \\n)")
      ->type_name("PARTS");
}

Result<std::vector<ValueType>> ValueTypesFromFlags(const ValueFlags& flags) {
  std::vector<ValueType> types;
  for (const auto& [property, flag, given] : {std::tuple{"EMAIL", "--email-type", &flags.email_types},
                                              std::tuple{"TEL", "--phone-type", &flags.phone_types},
                                              std::tuple{"URL", "--link-type", &flags.link_types}}) {
    for (const auto& [value, spec] : *given) {
      ValueType type;
      type.property = property;
      type.value = value;
      KITH_RETURN_IF_ERROR(ReadSpec(spec, flag, type));
      types.push_back(std::move(type));
    }
  }
  return types;
}

Result<std::vector<Address>> AddressesFromFlags(const ValueFlags& flags) {
  std::vector<Address> addresses;
  for (const std::string& spec : flags.addresses) {
    KITH_ASSIGN_OR_RETURN(Address address, ParseAddress(spec));
    addresses.push_back(std::move(address));
  }
  return addresses;
}

}  // namespace kith::cli
