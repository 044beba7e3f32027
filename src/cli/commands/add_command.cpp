#include <iostream>
#include <memory>

#include "app/contacts.h"
#include "cli/commands/commands.h"
#include "cli/contact_flags.h"
#include "cli/printing.h"
#include "formats/contact_json.h"

namespace kith::cli {

Command AddAddCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("add", "Add a person to your list");
  command->footer(R"(Examples:
  kith add --name "Ada Okafor" --email ada@acme.com --company "Acme Robotics" --tag mentor
  kith add --name "Ravi Menon" --met-at "PyCon US 2026" --met-on 2026-05-15 --note "Asked about Rust"
  kith add --name "Bea Kovács" --phone "+36 30 555 0101" --linkedin https://www.linkedin.com/in/bea --connected
  kith add --name "Ada Okafor" --phone "+1 312 555 0100" --phone-type "+1 312 555 0100" mobile,pref \
           --email ada@acme.com --email-type ada@acme.com "work,label=Office" \
           --address "street=1 Main St; city=Chicago; region=IL; postal-code=60601; type=work")");
  auto flags = std::make_shared<ContactFlags>();
  AddContactFlags(*command, *flags);
  AddCardFlags(*command, *flags);
  return {command, [flags, &globals]() {
            return RunWithSession("add", globals, [&](Session& session) {
              auto fields = FieldsFromFlags(*flags);
              if (!fields) return ReportError("add", fields.error());
              auto contact = AddContact(session.context(), std::move(*fields));
              if (!contact) return ReportError("add", contact.error());
              if (globals.json) {
                PrintJson(std::cout, ContactToJson(*contact));
              } else {
                std::cout << "Added " << contact->display_name << " (id " << contact->id.value << ").\n";
              }
              return 0;
            });
          }};
}

}  // namespace kith::cli
