#include "cli/contact_flags.h"

#include <utility>

namespace kith::cli {
namespace {

struct LinkFlag {
  LinkKind kind;
  std::string ContactFlags::*url;
  const char* flag;
};

constexpr LinkFlag kLinkFlags[] = {
    {LinkKind::kLinkedIn, &ContactFlags::linkedin, "--linkedin"},
    {LinkKind::kTwitter, &ContactFlags::twitter, "--twitter"},
    {LinkKind::kFacebook, &ContactFlags::facebook, "--facebook"},
    {LinkKind::kInstagram, &ContactFlags::instagram, "--instagram"},
    {LinkKind::kGitHub, &ContactFlags::github, "--github"},
    {LinkKind::kOther, &ContactFlags::other_link, "--link"},
};

bool Given(const ContactFlags& flags, const char* name) { return flags.command->count(name) > 0; }

// A date flag's value read by `parse` (nothing when empty); a bad one is
// refused naming the flag.
template <typename T>
Result<std::optional<T>> OptionalDateFlag(const std::string& text, std::string_view flag,
                                          Result<T> (*parse)(std::string_view)) {
  if (text.empty()) return std::optional<T>();
  auto date = parse(text);
  if (!date) {
    return Fail(ErrorCode::kInvalidInput, std::string(flag) + " " + date.error().message,
                std::string(flag.substr(2)));
  }
  return std::optional<T>(*date);
}

// --birthday, --anniversary: "1985-04-12", or "--04-12" when the year is not known.
Result<PartialDate> ParseDayOfYear(std::string_view text) { return ParsePartialDate(text); }

// ORG's units, outermost first; `--department ""` leaves none.
std::vector<std::string> Departments(const ContactFlags& flags) {
  std::vector<std::string> units = flags.departments;
  std::erase_if(units, [](const std::string& unit) { return unit.empty(); });
  return units;
}

Link MakeLink(LinkKind kind, const std::string& url, bool connected) {
  Link link;
  link.kind = kind;
  link.url = url;
  // LinkedIn and Facebook connect; the others follow.
  if (kind == LinkKind::kLinkedIn || kind == LinkKind::kFacebook) {
    link.connected = connected;
  } else if (kind != LinkKind::kOther) {
    link.followed = connected;
  }
  return link;
}

}  // namespace

void AddContactFlags(CLI::App& command, ContactFlags& flags) {
  flags.command = &command;
  command.add_option("--name", flags.name, "Full name as you say it, e.g. \"Ada Okafor\"");
  command.add_option("--given-name", flags.given_name, "Given (first) name, when not the first word");
  command.add_option("--family-name", flags.family_name, "Family (last) name, when not the last word");
  command.add_option("--email", flags.emails, "Email address (repeat for several)");
  command.add_option("--phone", flags.phones,
                     "Phone number; +country code, or set KITH_REGION (e.g. US) for local numbers");
  command.add_option("--company", flags.company, "Company or organisation");
  command.add_option("--title", flags.title, "Job title");
  command.add_option("--website", flags.website, "Web site, https://…");
  command.add_option("--linkedin", flags.linkedin, "LinkedIn profile URL");
  command.add_option("--twitter,--x", flags.twitter, "Twitter/X profile URL");
  command.add_option("--facebook", flags.facebook, "Facebook profile URL");
  command.add_option("--instagram", flags.instagram, "Instagram profile URL");
  command.add_option("--github", flags.github, "GitHub profile URL");
  command.add_option("--link", flags.other_link, "Any other profile URL");
  command.add_flag("--connected", flags.connected, "The links given are ones you are connected to / follow");
  command.add_option("--city", flags.city, "City they live in");
  command.add_option("--neighborhood,--neighbourhood", flags.neighborhood, "Their neighbourhood");
  command.add_option("--hometown", flags.hometown, "Where they grew up");
  command.add_option("--how-met", flags.how_met, "How you met, e.g. \"intro from Sam\"");
  command.add_option("--met-at", flags.met_at, "The event where you met");
  command.add_option("--met-on", flags.met_on, "The day you met, YYYY-MM-DD");
  command.add_option("--tag", flags.tags, "Tag (repeat, or separate with commas)")->delimiter(',');
  command.add_option("--skill", flags.skills, "Skill (repeat, or separate with commas)")->delimiter(',');
  command.add_option("--interest", flags.interests, "Interest (repeat, or separate with commas)")
      ->delimiter(',');
  command.add_flag("--open-to-opportunities", flags.open_to_opportunities,
                   "They are open to opportunities (use =false to clear)");
  command.add_option("--looking-for", flags.looking_for, "What they are looking for");
  command.add_option("--note", flags.note, "Notes about them");
}

void AddCardFlags(CLI::App& command, ContactFlags& flags) {
  command.add_option("--nickname", flags.nickname, "What they go by, e.g. \"Ace\"");
  command.add_option("--role", flags.role, "The part they play beside the title, e.g. \"Mentor\"");
  command.add_option("--department,--departments", flags.departments,
                     "Department within the company (repeat for sub-units, outermost first)");
  command.add_option("--birthday", flags.birthday, "Birthday, YYYY-MM-DD, or --MM-DD without the year");
  command.add_option("--anniversary", flags.anniversary,
                     "Anniversary, YYYY-MM-DD, or --MM-DD without the year");
  AddValueFlags(command, flags.values);
}

Result<ContactFields> FieldsFromFlags(const ContactFlags& flags) {
  ContactFields fields;
  fields.display_name = flags.name;
  fields.given_name = flags.given_name;
  fields.family_name = flags.family_name;
  fields.emails = flags.emails;
  for (const auto& phone : flags.phones) fields.phones.push_back(Phone{phone, ""});
  fields.nickname = flags.nickname;
  fields.company = flags.company;
  fields.title = flags.title;
  fields.role = flags.role;
  fields.departments = Departments(flags);
  KITH_ASSIGN_OR_RETURN(fields.birthday, OptionalDateFlag(flags.birthday, "--birthday", ParseDayOfYear));
  KITH_ASSIGN_OR_RETURN(fields.anniversary,
                        OptionalDateFlag(flags.anniversary, "--anniversary", ParseDayOfYear));
  fields.website = flags.website;
  for (const auto& link_flag : kLinkFlags) {
    const std::string& url = flags.*(link_flag.url);
    if (!url.empty()) fields.links.push_back(MakeLink(link_flag.kind, url, flags.connected));
  }
  fields.city = flags.city;
  fields.neighborhood = flags.neighborhood;
  fields.hometown = flags.hometown;
  fields.how_met = flags.how_met;
  fields.met_at = flags.met_at;
  KITH_ASSIGN_OR_RETURN(fields.met_on, OptionalDateFlag(flags.met_on, "--met-on", ParseIsoDate));
  fields.tags = flags.tags;
  fields.skills = flags.skills;
  fields.interests = flags.interests;
  fields.open_to_opportunities = flags.open_to_opportunities;
  fields.looking_for = flags.looking_for;
  fields.notes = flags.note;
  KITH_ASSIGN_OR_RETURN(fields.value_types, ValueTypesFromFlags(flags.values));
  KITH_ASSIGN_OR_RETURN(fields.addresses, AddressesFromFlags(flags.values));
  return fields;
}

Result<ContactEdit> EditFromFlags(const ContactFlags& flags) {
  ContactEdit edit;
  const auto set = [&](const char* flag, const std::string& value, std::optional<std::string>& target) {
    if (Given(flags, flag)) target = value;
  };
  set("--name", flags.name, edit.display_name);
  set("--given-name", flags.given_name, edit.given_name);
  set("--family-name", flags.family_name, edit.family_name);
  set("--company", flags.company, edit.company);
  set("--title", flags.title, edit.title);
  set("--website", flags.website, edit.website);
  set("--city", flags.city, edit.city);
  set("--neighborhood", flags.neighborhood, edit.neighborhood);
  set("--hometown", flags.hometown, edit.hometown);
  set("--how-met", flags.how_met, edit.how_met);
  set("--met-at", flags.met_at, edit.met_at);
  set("--looking-for", flags.looking_for, edit.looking_for);
  set("--note", flags.note, edit.notes);
  set("--nickname", flags.nickname, edit.nickname);
  set("--role", flags.role, edit.role);
  if (Given(flags, "--department")) edit.departments = Departments(flags);
  if (Given(flags, "--met-on")) {
    KITH_ASSIGN_OR_RETURN(edit.met_on, OptionalDateFlag(flags.met_on, "--met-on", ParseIsoDate));
  }
  if (Given(flags, "--birthday")) {
    KITH_ASSIGN_OR_RETURN(edit.birthday, OptionalDateFlag(flags.birthday, "--birthday", ParseDayOfYear));
  }
  if (Given(flags, "--anniversary")) {
    KITH_ASSIGN_OR_RETURN(edit.anniversary,
                          OptionalDateFlag(flags.anniversary, "--anniversary", ParseDayOfYear));
  }
  if (Given(flags, "--open-to-opportunities")) edit.open_to_opportunities = flags.open_to_opportunities;
  edit.add_emails = flags.emails;
  edit.add_phones = flags.phones;
  edit.add_tags = flags.tags;
  edit.add_skills = flags.skills;
  edit.add_interests = flags.interests;
  for (const auto& link_flag : kLinkFlags) {
    if (Given(flags, link_flag.flag)) {
      edit.add_links.push_back(MakeLink(link_flag.kind, flags.*(link_flag.url), flags.connected));
    }
  }
  KITH_ASSIGN_OR_RETURN(edit.set_value_types, ValueTypesFromFlags(flags.values));
  KITH_ASSIGN_OR_RETURN(edit.add_addresses, AddressesFromFlags(flags.values));
  return edit;
}

}  // namespace kith::cli
