#include <iostream>
#include <memory>

#include "app/contacts.h"
#include "app/for_person.h"
#include "cli/commands/commands.h"
#include "cli/printing.h"
#include "formats/contact_json.h"

namespace kith::cli {

Command AddRemoveCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("rm", "Move a person to the trash (restorable)");
  command->footer(R"(Examples:
  kith rm 42
  kith rm "Ada Okafor"
  kith list --trash          # what is in the trash
  kith restore 42            # bring it back)");
  auto reference = std::make_shared<std::vector<std::string>>();
  command->add_option("contact", *reference, "Id or name")->required();
  return {command, [reference, &globals]() {
            return RunWithSession("rm", globals, [&](Session& session) {
              auto removed = ForPerson(session.context(), JoinWords(*reference), RemoveContact);
              if (!removed) return ReportError("rm", removed.error());
              const Contact& contact = removed->value;
              if (globals.json) {
                PrintJson(std::cout, ContactToJson(contact));
              } else {
                std::cout << "Moved " << contact.display_name << " (id " << contact.id.value
                          << ") to the trash. `kith restore " << contact.id.value << "` brings them back.\n";
              }
              return 0;
            });
          }};
}

Command AddRestoreCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("restore", "Bring a person back from the trash");
  command->footer("Example:\n  kith restore 42");
  auto id = std::make_shared<std::int64_t>(0);
  command->add_option("id", *id, "Id of the trashed contact (see `kith list --trash`)")->required();
  return {command, [id, &globals]() {
            return RunWithSession("restore", globals, [&](Session& session) {
              auto contact = RestoreContact(session.context(), ContactId{*id});
              if (!contact) return ReportError("restore", contact.error());
              if (globals.json) {
                PrintJson(std::cout, ContactToJson(*contact));
              } else {
                std::cout << "Restored " << contact->display_name << " (id " << contact->id.value << ").\n";
              }
              return 0;
            });
          }};
}

Command AddEmptyTrashCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("empty-trash", "Delete everyone in the trash for good");
  command->footer(R"(Examples:
  kith list --trash          # who is there
  kith empty-trash --yes     # gone for good: no restore after this)");
  auto confirmed = std::make_shared<bool>(false);
  command->add_flag("--yes", *confirmed, "Confirm: the trash cannot be restored afterwards");
  return {command, [confirmed, &globals]() {
            if (!*confirmed) {
              std::cerr << "kith empty-trash: add --yes to delete everyone in the trash for good\n";
              return 2;
            }
            return RunWithSession("empty-trash", globals, [&](Session& session) {
              auto deleted = EmptyTrash(session.context());
              if (!deleted) return ReportError("empty-trash", deleted.error());
              if (globals.json) {
                PrintJson(std::cout, nlohmann::json{{"deleted", *deleted}});
              } else {
                std::cout << "Deleted " << *deleted << (*deleted == 1 ? " person" : " people")
                          << " from the trash for good.\n";
              }
              return 0;
            });
          }};
}

}  // namespace kith::cli
