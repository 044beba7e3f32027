#include <iostream>
#include <memory>

#include "app/contacts.h"
#include "app/for_person.h"
#include "app/relationships.h"
#include "cli/commands/commands.h"
#include "cli/printing.h"
#include "formats/contact_json.h"

namespace kith::cli {
namespace {

constexpr int kUsageError = 2;

struct LinkFlags {
  std::vector<std::string> contact;
  std::string url;
  bool connected = false;
  bool not_connected = false;
  bool followed = false;
  bool not_followed = false;
};

}  // namespace

Command AddLinkCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("link", "A profile link, and whether you are connected or following");
  command->footer(R"(Give one profile; leave out the URL to mark the one already on the card.

Examples:
  kith link 12 --linkedin https://www.linkedin.com/in/ada-okafor
  kith link 12 --linkedin --connected        # you connected
  kith link "Ada Okafor" --github https://github.com/ada --followed)");
  auto flags = std::make_shared<LinkFlags>();
  command->add_option("contact", flags->contact, "Id or name")->required();
  struct KindFlag {
    LinkKind kind;
    const char* name;
  };
  static constexpr KindFlag kKinds[] = {{LinkKind::kLinkedIn, "--linkedin"},
                                        {LinkKind::kTwitter, "--twitter"},
                                        {LinkKind::kFacebook, "--facebook"},
                                        {LinkKind::kGitHub, "--github"},
                                        {LinkKind::kInstagram, "--instagram"}};
  std::vector<CLI::Option*> kind_options;
  for (const auto& kind : kKinds) {
    auto* option = command->add_option(kind.name, flags->url,
                                       std::string("Their ") + std::string(LinkKindName(kind.kind)) +
                                           " profile URL (optional when the card has one)");
    option->expected(0, 1);
    kind_options.push_back(option);
  }
  auto* connected = command->add_flag("--connected", flags->connected, "You are connected");
  auto* not_connected = command->add_flag("--not-connected", flags->not_connected, "You are not connected");
  connected->excludes(not_connected);
  auto* followed = command->add_flag("--followed", flags->followed, "You follow them");
  auto* not_followed = command->add_flag("--not-followed", flags->not_followed, "You do not follow them");
  followed->excludes(not_followed);
  return {command, [=, &globals]() {
            LinkRequest request;
            int kinds_given = 0;
            for (std::size_t i = 0; i < kind_options.size(); ++i) {
              if (kind_options[i]->count() > 0) {
                ++kinds_given;
                request.kind = kKinds[i].kind;
              }
            }
            if (kinds_given != 1) {
              std::cerr << "kith link: give one profile: --linkedin, --twitter, --facebook, --github or "
                           "--instagram\n";
              return kUsageError;
            }
            request.url = flags->url;
            if (flags->connected || flags->not_connected) request.connected = flags->connected;
            if (flags->followed || flags->not_followed) request.followed = flags->followed;
            return RunWithSession("link", globals, [&](Session& session) -> int {
              auto linked = ForPerson(session.context(), JoinWords(flags->contact),
                                      [&](Context& context, ContactId id) {
                                        request.contact = id;
                                        return SetLink(context, request);
                                      });
              if (!linked) return ReportError("link", linked.error());
              const Contact& updated = linked->value;
              if (globals.json) {
                PrintJson(std::cout, ContactToJson(updated));
                return 0;
              }
              std::cout << updated.display_name << " (#" << updated.id.value << ")\n";
              for (const auto& link : updated.links) {
                std::cout << "  " << (link.kind == request.kind ? "→ " : "  ") << LinkKindName(link.kind)
                          << "  " << link.url;
                if (link.connected) std::cout << "  (connected)";
                if (link.followed) std::cout << "  (following)";
                std::cout << '\n';
              }
              return 0;
            });
          }};
}

}  // namespace kith::cli
