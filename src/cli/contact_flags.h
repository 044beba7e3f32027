// The card flags shared by `add` and `edit` (--email, --company, --tag, …).
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/value_flags.h"
#include "domain/contact.h"
#include "domain/contact_edit.h"
#include "domain/result.h"

namespace kith::cli {

struct ContactFlags {
  std::string name, given_name, family_name, company, title, website;
  std::string linkedin, twitter, facebook, instagram, github, other_link;
  std::string city, neighborhood, hometown, how_met, met_at, met_on, looking_for, note;
  std::string nickname, role, birthday, anniversary;
  std::vector<std::string> departments;
  std::vector<std::string> emails, phones, tags, skills, interests;
  bool open_to_opportunities = false;
  bool connected = false;
  ValueFlags values;  // --email-type, --phone-type, --link-type, --address
  CLI::App* command = nullptr;
};

void AddContactFlags(CLI::App& command, ContactFlags& flags);

// The fields address books write that `add` and `edit` take too
// (--nickname, --role, --department, --birthday, --anniversary), the types
// of values and postal addresses (--email-type, --phone-type, --link-type,
// --address).
void AddCardFlags(CLI::App& command, ContactFlags& flags);

// The card `add` creates from the flags. Errors: a date that is not a date,
// a bad type or address (kInvalidInput naming the flag).
Result<ContactFields> FieldsFromFlags(const ContactFlags& flags);

// The edit the flags ask for: only flags that were given change anything
// (an empty value clears its field). Errors: as FieldsFromFlags.
Result<ContactEdit> EditFromFlags(const ContactFlags& flags);

}  // namespace kith::cli
