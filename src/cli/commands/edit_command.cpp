#include <iostream>
#include <memory>

#include "app/contacts.h"
#include "app/for_person.h"
#include "cli/commands/commands.h"
#include "cli/contact_flags.h"
#include "cli/printing.h"
#include "formats/contact_json.h"

namespace kith::cli {
namespace {

struct RemovalFlags {
  std::vector<std::string> emails, phones, tags, skills, interests, links;
  std::vector<int> addresses;
  std::vector<std::string> fields;
};

}  // namespace

Command AddEditCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("edit", "Change a card: set fields, add or remove list items");
  command->footer(R"(Flags that set a single field replace it; --email, --phone, --tag, --skill,
--interest and --address add to the lists, and --remove-… takes an item away.
--email-type, --phone-type and --link-type set how a value on the card (or given
in the same command) is labelled, replacing its types, PREF and label.

Examples:
  kith edit 42 --title "VP Engineering" --company "Kite Labs"
  kith edit 42 --tag investor --remove-tag mentor
  kith edit "Ada Okafor" --email ada@kite.dev --remove-email ada@acme.com
  kith edit 42 --open-to-opportunities --looking-for "staff roles in Chicago"
  kith edit 42 --nickname Ace --department Platform --department Compilers --birthday=--04-12
  kith edit 42 --birthday ""          # clears it
  kith edit 42 --phone-type "+1 312 555 0100" mobile,pref --email-type ada@kite.dev "work,label=Office"
  kith edit 42 --link-type https://ada.dev "home,pref" --phone-type "+1 312 555 0100" ""   # "" clears
  kith edit 42 --address "street=1 Main St; extended=Suite 5; po-box=12; city=Chicago; region=IL;
                          postal-code=60601; country=USA; type=work; pref; delivery-label=1 Main St\nChicago IL"
  kith edit 42 --remove-address 2     # its number in `kith show`)");
  auto reference = std::make_shared<std::string>();
  command->add_option("contact", *reference, "Id or name")->required();
  auto flags = std::make_shared<ContactFlags>();
  AddContactFlags(*command, *flags);
  AddCardFlags(*command, *flags);
  auto removals = std::make_shared<RemovalFlags>();
  command->add_option("--remove-email", removals->emails, "Email to remove");
  command->add_option("--remove-phone", removals->phones, "Phone to remove");
  command->add_option("--remove-tag", removals->tags, "Tag to remove")->delimiter(',');
  command->add_option("--remove-skill", removals->skills, "Skill to remove")->delimiter(',');
  command->add_option("--remove-interest", removals->interests, "Interest to remove")->delimiter(',');
  command->add_option("--remove-link", removals->links,
                      "Link kind to remove: linkedin, twitter, facebook, instagram, github, other");
  command->add_option("--remove-address", removals->addresses,
                      "Address to remove, by its number in `kith show` (address 1, 2, …)");
  command->add_option(
      "--remove-field", removals->fields,
      "Other field to remove, by its label in `kith show` (e.g. \"raw EMAIL\", a value set aside)");
  return {command, [reference, flags, removals, &globals]() {
            return RunWithSession("edit", globals, [&](Session& session) {
              auto edit = EditFromFlags(*flags);
              if (!edit) return ReportError("edit", edit.error());
              edit->remove_emails = removals->emails;
              edit->remove_phones = removals->phones;
              edit->remove_tags = removals->tags;
              edit->remove_skills = removals->skills;
              edit->remove_interests = removals->interests;
              edit->remove_addresses = removals->addresses;
              edit->remove_custom = removals->fields;
              for (const auto& name : removals->links) {
                const auto kind = ParseLinkKind(name);
                if (!kind) {
                  return ReportError("edit",
                                     Error{ErrorCode::kInvalidInput,
                                           "--remove-link: unknown link kind '" + name +
                                               "' (linkedin, twitter, facebook, instagram, github, other)",
                                           "link"});
                }
                edit->remove_links.push_back(*kind);
              }
              auto edited = ForPerson(session.context(), *reference, EditContact, *edit);
              if (!edited) return ReportError("edit", edited.error());
              const Contact& contact = edited->value;
              if (globals.json) {
                PrintJson(std::cout, ContactToJson(contact));
              } else {
                std::cout << "Updated " << contact.display_name << " (id " << contact.id.value << ").\n";
              }
              return 0;
            });
          }};
}

}  // namespace kith::cli
