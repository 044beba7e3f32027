// The flags that qualify a card's values and give its postal addresses:
// --email-type/--phone-type/--link-type VALUE SPEC and --address SPEC,
// read into the domain's values. Only reading: which value a type lands on
// is decided by the app (SetValueTypes), once, for `add` and `edit` alike.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "domain/contact.h"
#include "domain/result.h"

namespace kith::cli {

struct ValueFlags {
  std::vector<std::pair<std::string, std::string>> email_types, phone_types, link_types;
  std::vector<std::string> addresses;
};

void AddValueFlags(CLI::App& command, ValueFlags& flags);

// The types the flags give, each for its value. Errors: kInvalidInput
// naming the flag for a word that is no vCard TYPE or a PREF outside 1–100.
Result<std::vector<ValueType>> ValueTypesFromFlags(const ValueFlags& flags);

// The addresses the --address flags give. Errors: kInvalidInput naming
// --address for an unknown part, a bad TYPE or PREF, or an address with no
// part at all.
Result<std::vector<Address>> AddressesFromFlags(const ValueFlags& flags);

}  // namespace kith::cli
