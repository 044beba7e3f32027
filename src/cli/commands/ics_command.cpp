#include <iostream>
#include <memory>

#include "app/calendar_feed.h"
#include "app/devices.h"
#include "app/relationships.h"
#include "cli/commands/commands.h"
#include "cli/commands/relationship_printing.h"
#include "cli/printing.h"

namespace kith::cli {
namespace {

struct FeedFlags {
  bool url = false;
  bool rotate = false;
  bool revoke = false;
  std::string server;
};

int RevokeFeed(const GlobalOptions& globals) {
  return RunWithSession("ics", globals, [&](Session& session) -> int {
    auto revoked = RevokeCalendarFeed(session.context());
    if (!revoked) return ReportError("ics", revoked.error());
    if (globals.json) {
      PrintJson(std::cout, {{"revoked", *revoked}});
    } else {
      std::cout << (*revoked ? "Revoked: the calendar address no longer answers.\n"
                             : "There was no calendar address to revoke.\n");
    }
    return 0;
  });
}

int PrintFeedUrl(const FeedFlags& flags, const GlobalOptions& globals) {
  return RunWithSession("ics", globals, [&](Session& session) -> int {
    Context& context = session.context();
    std::string server = flags.server;
    if (server.empty()) {
      auto stored = ServerUrl(context);
      if (!stored) return ReportError("ics", stored.error());
      server = *stored;
    }
    while (server.ends_with('/')) server.pop_back();
    auto path = flags.rotate ? RotateCalendarFeed(context) : CalendarFeedPath(context);
    if (!path) return ReportError("ics", path.error());
    if (globals.json) {
      PrintJson(std::cout, {{"path", *path}, {"url", server + *path}});
    } else {
      std::cout << server << *path << '\n';
      if (flags.rotate) std::cerr << "kith ics: the old address no longer answers.\n";
    }
    return 0;
  });
}

}  // namespace

Command AddIcsCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("ics", "Your open reminders as an iCalendar file");
  command->footer(R"(Without -o the calendar goes to standard output. `kith serve` also offers
it as a feed calendar apps subscribe to: `kith ics --url` prints its secret
address (anyone who has it sees your reminders; --rotate replaces it,
--revoke takes it away). On a shared database each member has their own,
of their own reminders.

Examples:
  kith ics -o kith.ics
  kith ics > ~/calendars/kith.ics
  kith ics --url                    # subscribe to this in your calendar app
  kith ics --rotate                 # the old address stops working
  kith ics --revoke                 # no address answers until the next --url)");
  auto output = std::make_shared<std::string>();
  auto feed = std::make_shared<FeedFlags>();
  command->add_option("-o,--output", *output, "Write to this file");
  auto* url = command->add_flag("--url", feed->url, "Print the secret URL calendar apps subscribe to");
  auto* rotate =
      command->add_flag("--rotate", feed->rotate, "Replace the secret URL (the old one answers 404)")
          ->excludes(url);
  command->add_flag("--revoke", feed->revoke, "Take the secret URL away (it answers 404)")
      ->excludes(url)
      ->excludes(rotate);
  command->add_option("--server", feed->server,
                      "Where kith serve is reached (default: what the last `kith serve` recorded)");
  return {command, [output, feed, &globals]() {
            if (feed->revoke) return RevokeFeed(globals);
            if (feed->url || feed->rotate) return PrintFeedUrl(*feed, globals);
            return RunWithSession("ics", globals, [&](Session& session) -> int {
              if (output->empty()) {
                auto written = WriteRemindersCalendar(session.context(), std::cout);
                if (!written) return ReportError("ics", written.error());
                return 0;
              }
              auto written = SaveRemindersCalendar(session.context(), *output);
              if (!written) return ReportError("ics", written.error());
              if (globals.json) {
                PrintJson(std::cout, {{"file", *output}, {"reminders", *written}});
              } else {
                std::cout << "Wrote " << *written << (*written == 1 ? " reminder" : " reminders") << " to "
                          << *output << ".\n";
              }
              return 0;
            });
          }};
}

}  // namespace kith::cli
