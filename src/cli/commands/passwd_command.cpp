// kith passwd: the password `kith serve` asks for (in kith itself: it
// needs no web server).
#include <iostream>
#include <string>

#include "app/web_access.h"
#include "cli/commands/commands.h"
#include "cli/printing.h"
#include "cli/secret_input.h"

namespace kith::cli {

Command AddPasswdCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("passwd", "Set the password `kith serve` asks for beyond 127.0.0.1");
  command->footer(R"(Reads the new password from standard input (one line; hidden on a terminal) and
stores only its argon2id hash.

Examples:
  kith passwd
  printf '%s\n' "$PASSWORD" | kith passwd)");
  return {command, [&globals]() {
            return RunWithSession("passwd", globals, [&](Session& session) {
              const std::string password = ReadNewPassword();
              auto saved = SetWebPassword(session.context(), password);
              if (!saved) return ReportError("passwd", saved.error());
              if (globals.json) {
                PrintJson(std::cout, {{"password", "set"}});
              } else {
                std::cout << "Password set. `kith serve --host 0.0.0.0` will ask for it.\n";
              }
              return 0;
            });
          }};
}

}  // namespace kith::cli
