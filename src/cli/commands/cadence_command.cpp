#include <algorithm>
#include <charconv>
#include <iostream>
#include <memory>

#include "app/contacts.h"
#include "app/for_person.h"
#include "app/relationship_json.h"
#include "app/relationships.h"
#include "cli/commands/commands.h"
#include "cli/commands/relationship_printing.h"
#include "cli/printing.h"

namespace kith::cli {
namespace {

constexpr int kUsageError = 2;

struct CadenceFlags {
  std::vector<std::string> arguments;
  std::string tag;
  bool tags = false;
};

// DAYS or "none" (days stays empty); false when the text is neither.
bool ParseDays(const std::string& text, std::optional<int>& days) {
  days.reset();
  if (text == "none" || text == "off") return true;
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return false;
  days = value;
  return true;
}

int UsageError(std::string_view message) {
  std::cerr << "kith cadence: " << message << "\nRun `kith cadence --help` for examples.\n";
  return kUsageError;
}

std::string Every(int days) { return days == 1 ? "every day" : "every " + std::to_string(days) + " days"; }

void PrintCadence(std::ostream& out, const Contact& contact, const CadenceReport& report, Date today) {
  out << contact.display_name << " (#" << contact.id.value << "): ";
  if (report.own_days) {
    out << Every(*report.own_days) << " (their own cadence)\n";
  } else if (report.tag_days) {
    out << Every(*report.tag_days) << " (from their tags)\n";
  } else if (report.next) {
    out << Every(report.effective_days) << " (" << CadenceStageName(report.next->stage) << " stage)\n";
  } else {
    out << "no cadence; drifting after " << report.effective_days << " days. Set one: kith cadence "
        << contact.id.value << " 30\n";
  }
  if (report.next) {
    out << "  next: " << report.next->note << " — " << report.next->due.ToIso() << " ("
        << DueWords(report.next->due, today) << ")\n";
  }
}

}  // namespace

Command AddCadenceCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("cadence", "How often to be in touch with someone, or with a tag");
  command->footer(R"(Someone you just met gets a staged cadence: the follow-up the next day, a
coffee two weeks later, then every quarter. Your own cadence wins; then the
shortest among their tags'.

Examples:
  kith cadence 12               # show it, and when the next reconnect is due
  kith cadence 12 30            # every 30 days
  kith cadence 12 none          # back to the tags' or the staged one
  kith cadence --tag mentor 60  # everyone tagged mentor
  kith cadence --tags           # the tag cadences)");
  auto flags = std::make_shared<CadenceFlags>();
  command->add_option("arguments", flags->arguments, "ID [DAYS|none], or DAYS|none with --tag");
  auto* tag = command->add_option("--tag", flags->tag, "Set the cadence of everyone with this tag");
  command->add_flag("--tags", flags->tags, "List the tag cadences")->excludes(tag);
  return {command, [=, &globals]() {
            const auto& arguments = flags->arguments;
            if (flags->tags && !arguments.empty()) return UsageError("--tags takes no arguments");
            if (!flags->tag.empty() && arguments.size() != 1) return UsageError("--tag T takes DAYS or none");
            if (flags->tag.empty() && !flags->tags && (arguments.empty() || arguments.size() > 2)) {
              return UsageError("which person? kith cadence ID [DAYS|none]");
            }
            const bool setting = !flags->tag.empty() || arguments.size() == 2;
            std::optional<int> days;
            if (setting && !ParseDays(arguments.back(), days)) {
              return UsageError("'" + arguments.back() + "' is neither a number of days nor none");
            }
            return RunWithSession("cadence", globals, [&](Session& session) -> int {
              Context& context = session.context();
              if (flags->tags) {
                auto cadences = TagCadences(context);
                if (!cadences) return ReportError("cadence", cadences.error());
                if (globals.json) {
                  PrintJson(std::cout, TagCadencesToJson(*cadences));
                } else if (cadences->empty()) {
                  std::cout << "No tag cadences. kith cadence --tag mentor 60 sets one.\n";
                } else {
                  int width = 0;
                  for (const auto& [name, every] : *cadences) width = std::max(width, DisplayWidth(name));
                  for (const auto& [name, every] : *cadences) {
                    std::cout << "  " << PadTo(name, width) << "  " << Every(every) << '\n';
                  }
                }
                return 0;
              }
              if (!flags->tag.empty()) {
                auto replanned = SetTagCadence(context, flags->tag, days);
                if (!replanned) return ReportError("cadence", replanned.error());
                if (globals.json) {
                  PrintJson(std::cout, TagCadenceSetToJson(flags->tag, days, *replanned));
                } else {
                  std::cout << "Everyone tagged " << flags->tag << ": "
                            << (days ? Every(*days) : std::string("no tag cadence")) << " (" << *replanned
                            << (*replanned == 1 ? " person" : " people") << " re-planned).\n";
                }
                return 0;
              }
              auto report = setting ? ForPerson(context, arguments.front(), SetCadence, days)
                                    : ForPerson(context, arguments.front(), CadenceOf);
              if (!report) return ReportError("cadence", report.error());
              if (globals.json) {
                nlohmann::json json = CadenceReportToJson(report->value);
                json["id"] = report->contact.id.value;
                json["name"] = report->contact.display_name;
                PrintJson(std::cout, json);
              } else {
                PrintCadence(std::cout, report->contact, report->value, context.clock.Today());
              }
              return 0;
            });
          }};
}

}  // namespace kith::cli
