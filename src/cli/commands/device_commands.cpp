#include <iostream>
#include <memory>

#include "app/devices.h"
#include "cli/commands/commands.h"
#include "cli/printing.h"

namespace kith::cli {
namespace {

struct DeviceFlags {
  std::string name;
  std::string server;  // overrides where devices reach kith serve
};

void PrintDevices(std::ostream& out, const std::vector<Device>& devices) {
  int width = 0;
  for (const Device& device : devices) width = std::max(width, DisplayWidth(device.name));
  for (const Device& device : devices) {
    out << "  " << device.name
        << std::string(static_cast<std::size_t>(width - DisplayWidth(device.name)), ' ') << "  added "
        << device.created_at.substr(0, 10);
    if (!device.revoked_at.empty()) {
      out << "  revoked " << device.revoked_at.substr(0, 10);
    } else if (device.last_used_at.empty()) {
      out << "  never synced";
    } else {
      out << "  last synced " << device.last_used_at.substr(0, 16);
    }
    out << '\n';
  }
}

int Add(Context& context, const DeviceFlags& flags, const GlobalOptions& globals) {
  std::string server = flags.server;
  if (server.empty()) {
    auto stored = ServerUrl(context);
    if (!stored) return ReportError("device add", stored.error());
    server = *stored;
  }
  while (server.ends_with('/')) server.pop_back();
  auto added = AddDevice(context, flags.name);
  if (!added) return ReportError("device add", added.error());
  const nlohmann::json setup = DeviceSetupJson(*added, server);
  if (globals.json) {
    PrintJson(std::cout,
              {{"url", setup["url"]}, {"username", setup["username"]}, {"password", setup["password"]}});
    return 0;
  }
  std::cout << "Added " << added->device.name
            << ". Type these into its CardDAV account (the password is shown only now):\n"
            << "  server     " << setup["url"].get<std::string>() << '\n'
            << "  user name  " << added->username << '\n'
            << "  password   " << added->password << "\n\n"
            << "The password as a QR code, for the phone's camera:\n";
  PrintQrCode(std::cout, added->qr);
  std::cout << "\nStep by step for iOS, macOS, Android and Thunderbird: docs/sync.md. "
               "Lost it? kith device revoke "
            << added->device.name << '\n';
  return 0;
}

}  // namespace

Command AddDeviceCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("device", "Phones and apps that sync, each with its own app password");
  command->require_subcommand(1);
  command->footer(R"(Each device syncs (CardDAV at /dav/) with its name as the user name and an
app password of its own, shown once and kept only as a hash. Revoking one
leaves the others, and your password, as they were.

Examples:
  kith device add iphone
  kith device add thunderbird --server https://kith.example.net
  kith device add davx5 --json      # {"url", "username", "password"}
  kith device list
  kith device revoke iphone)");
  auto flags = std::make_shared<DeviceFlags>();
  auto* add = command->add_subcommand("add", "Add a device: prints its server URL, user name and password");
  add->add_option("name", flags->name, "What to call it (letters, digits, . _ -): its user name")->required();
  add->add_option("--server", flags->server,
                  "Where the device reaches kith (default: what the last `kith serve` recorded)");
  add->footer("Example:\n  kith device add iphone");
  auto* list = command->add_subcommand("list", "Devices, when each last synced, revoked ones too");
  list->footer("Example:\n  kith device list");
  auto* revoke = command->add_subcommand("revoke", "Revoke a device's app password");
  revoke->add_option("name", flags->name, "The device")->required();
  revoke->footer("Example:\n  kith device revoke iphone");

  return {command, [=, &globals]() {
            return RunWithSession("device", globals, [&](Session& session) -> int {
              Context& context = session.context();
              if (add->parsed()) return Add(context, *flags, globals);
              if (revoke->parsed()) {
                auto revoked = RevokeDevice(context, flags->name);
                if (!revoked) return ReportError("device revoke", revoked.error());
                if (globals.json) {
                  PrintJson(std::cout, DeviceToJson(*revoked));
                } else {
                  std::cout << "Revoked " << revoked->name << ": its app password no longer signs in.\n";
                }
                return 0;
              }
              auto devices = ListDevices(context);
              if (!devices) return ReportError("device list", devices.error());
              if (globals.json) {
                nlohmann::json array = nlohmann::json::array();
                for (const Device& device : *devices) array.push_back(DeviceToJson(device));
                PrintJson(std::cout, array);
              } else if (devices->empty()) {
                std::cout << "No devices yet. kith device add iphone gives one its app password.\n";
              } else {
                PrintDevices(std::cout, *devices);
              }
              return 0;
            });
          }};
}

}  // namespace kith::cli
