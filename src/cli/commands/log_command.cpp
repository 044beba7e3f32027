#include <cctype>
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

struct LogFlags {
  std::vector<std::string> contact;
  std::string kind;
  std::string on;
  std::string summary;
  int they_talked = 0;
  std::vector<std::string> facts;
  std::string promise;
  bool is_private = false;
};

void PrintLogged(std::ostream& out, const Contact& contact, const LoggedInteraction& logged, Date today) {
  const Interaction& interaction = logged.interaction;
  out << "Logged " << InteractionKindName(interaction.kind) << " with " << contact.display_name << " on "
      << interaction.on.ToIso() << (interaction.visibility == Visibility::kPrivate ? ", private to you" : "")
      << ".\n";
  if (!interaction.summary.empty()) out << "  " << interaction.summary << '\n';
  if (interaction.they_talked) {
    out << "  they talked " << *interaction.they_talked << "% of the time";
    if (*interaction.they_talked >= kListeningGoalPercent) {
      out << " — good listening.\n";
    } else {
      out << " — next time, ask one more question and let them talk.\n";
    }
  }
  if (!logged.facts.empty()) {
    out << "  learned\n";
    PrintFacts(out, logged.facts, 4);
  }
  if (logged.completed_follow_up) out << "  ✓ follow-up done\n";
  if (logged.promise) {
    out << "  reminder " << logged.promise->due.ToIso() << " (" << DueWords(logged.promise->due, today)
        << "): " << logged.promise->note << '\n';
  }
  if (logged.next_reconnect) {
    out << "  next: " << logged.next_reconnect->note << " on " << logged.next_reconnect->due.ToIso() << '\n';
  }
}

}  // namespace

Command AddLogCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command =
      root.add_subcommand("log", "Log a coffee, meeting, call, email…: what you learned, who talked");
  command->footer(R"(Facts are KIND:KEY=VALUE, KIND personal or professional (hometown,
neighborhood, hobby, family, how_started, current_work, goal, …). Aim for them
to talk at least half the time.

Examples:
  kith log 12 --kind coffee --summary "Her new studio" --they-talked 65 \
      --fact personal:hometown=Pilsen --fact "professional:goal=open a studio"
  kith log "Ada Okafor" --kind email --on 2026-11-20
  kith log 12 --kind call --promise "send her the deck"
  kith log 12 --kind note --summary "asked me not to share" --private   # only you see it
  kith brief 12                 # before you meet again)");
  auto flags = std::make_shared<LogFlags>();
  command->add_option("contact", flags->contact, "Id or name")->required();
  command->add_option("--kind", flags->kind, "coffee | meeting | call | email | message | event | note")
      ->required()
      ->check(CLI::IsMember({"coffee", "meeting", "call", "email", "message", "event", "note"},
                            CLI::ignore_case));
  command->add_option("--on", flags->on, "When (YYYY-MM-DD, default today)");
  command->add_option("--summary", flags->summary, "What you talked about");
  command->add_option("--they-talked", flags->they_talked, "Their share of the talking, in percent");
  command->add_option("--fact", flags->facts, "What you learned: personal:hometown=Pilsen (repeat)");
  command->add_option("--promise", flags->promise, "Something you promised: a reminder in a week");
  command->add_flag("--private", flags->is_private,
                    "Only you see it and the facts learned in it (a shared workspace; docs/team.md)");
  return {command, [=, &globals]() {
            return RunWithSession("log", globals, [&](Session& session) {
              Context& context = session.context();
              LogRequest request;
              std::string kind = flags->kind;
              for (auto& c : kind) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
              request.kind = ParseInteractionKind(kind).value_or(InteractionKind::kNote);
              auto on = ParseOptionalDateFlag("--on", flags->on);
              if (!on) return ReportError("log", on.error());
              request.on = *on;
              request.summary = flags->summary;
              if (command->count("--they-talked") > 0) request.they_talked = flags->they_talked;
              for (const auto& spec : flags->facts) {
                auto fact = ParseFactSpec(spec);
                if (!fact) {
                  Error error = fact.error();
                  if (error.message.find(spec) == std::string::npos) {
                    error.message = "--fact '" + spec + "': " + error.message;
                  }
                  return ReportError("log", error);
                }
                request.facts.push_back(std::move(*fact));
              }
              request.promise = flags->promise;
              if (flags->is_private) request.visibility = Visibility::kPrivate;
              auto logged = ForPerson(context, JoinWords(flags->contact), [&](Context& here, ContactId id) {
                request.contact = id;
                return LogInteraction(here, request);
              });
              if (!logged) return ReportError("log", logged.error());
              if (globals.json) {
                PrintJson(std::cout, LoggedInteractionToJson(logged->value));
              } else {
                PrintLogged(std::cout, logged->contact, logged->value, context.clock.Today());
              }
              return 0;
            });
          }};
}

}  // namespace kith::cli
