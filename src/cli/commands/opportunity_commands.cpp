#include <iostream>
#include <memory>

#include "app/contacts.h"
#include "app/give.h"
#include "app/results_json.h"
#include "cli/commands/commands.h"
#include "cli/printing.h"
#include "formats/give_json.h"

namespace kith::cli {
namespace {

struct OpportunityFlags {
  std::string kind = "other";
  std::vector<std::string> title;
  std::string description;
  std::vector<std::string> skills;
  std::string place;
  std::string deadline;
  std::string source;
};

void PrintOpportunity(std::ostream& out, const Opportunity& opportunity) {
  out << "#" << opportunity.id.value << "  " << opportunity.title << "  ["
      << OpportunityKindName(opportunity.kind) << "]";
  if (opportunity.closed_on) out << "  (closed " << opportunity.closed_on->ToIso() << ")";
  out << "\n";
  if (!opportunity.skills.empty()) {
    out << "    skills: ";
    for (std::size_t i = 0; i < opportunity.skills.size(); ++i)
      out << (i ? ", " : "") << opportunity.skills[i];
    out << "\n";
  }
  if (!opportunity.place.empty()) out << "    place: " << opportunity.place << "\n";
  if (opportunity.deadline) out << "    deadline: " << opportunity.deadline->ToIso() << "\n";
  if (!opportunity.source.empty()) out << "    from: " << opportunity.source << "\n";
  if (!opportunity.description.empty()) out << "    " << opportunity.description << "\n";
}

}  // namespace

void PrintMatches(std::ostream& out, const std::vector<RankedMatch>& matches) {
  int rank = 0;
  for (const auto& match : matches) {
    out << ++rank << ". " << match.contact.display_name << " (#" << match.contact.id.value << ")";
    const std::string job = JobDescription(match.contact.title, match.contact.company);
    if (!job.empty()) out << " — " << job;
    out << "\n   ";
    for (std::size_t i = 0; i < match.reasons.size(); ++i) out << (i ? " · " : "") << match.reasons[i];
    out << "\n";
  }
}

Command AddOpportunityCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("opp", "Opportunities to pass on: jobs, projects, tickets, intros");
  command->require_subcommand(1);
  command->footer(R"(Examples:
  kith opp add "Staff C++ engineer" --kind job --skill C++ --skill SQLite --place Chicago
  kith opp add "Two tickets to the jazz festival" --kind tickets --skill jazz --deadline 2026-12-12
  kith opp list
  kith match 3              # whom to offer it to, and why
  kith opp close 3)");
  auto flags = std::make_shared<OpportunityFlags>();
  auto* add = command->add_subcommand("add", "Note an opportunity that came your way");
  add->add_option("title", flags->title, "What it is")->required();
  add->add_option("--kind", flags->kind, "job | project | tickets | intro | other (default other)")
      ->check(CLI::IsMember({"job", "project", "tickets", "ticket", "intro", "other"}, CLI::ignore_case));
  add->add_option("--description", flags->description, "More about it: matched against notes and interests");
  add->add_option("--skill", flags->skills, "A skill wanted (repeat)");
  add->add_option("--place", flags->place, "Where (a city, or remote)");
  add->add_option("--deadline", flags->deadline, "Offer it before YYYY-MM-DD");
  add->add_option("--source", flags->source, "Who or where it came from");

  auto include_closed = std::make_shared<bool>(false);
  auto* list = command->add_subcommand("list", "Open opportunities, newest first");
  list->add_flag("--closed", *include_closed, "Include closed ones");

  auto id = std::make_shared<std::int64_t>(0);
  auto* show = command->add_subcommand("show", "One opportunity");
  show->add_option("id", *id, "Opportunity id")->required();
  auto* close = command->add_subcommand("close", "Close an opportunity (filled, gone, given)");
  close->add_option("id", *id, "Opportunity id")->required();

  return {command, [=, &globals]() {
            return RunWithSession("opp", globals, [&](Session& session) -> int {
              Context& context = session.context();
              Result<Opportunity> one = Fail(ErrorCode::kInternal, "no subcommand");
              if (add->parsed()) {
                OpportunityFields fields;
                fields.kind = ParseOpportunityKind(flags->kind).value_or(OpportunityKind::kOther);
                fields.title = JoinWords(flags->title);
                fields.description = flags->description;
                fields.skills = flags->skills;
                fields.place = flags->place;
                fields.source = flags->source;
                if (!flags->deadline.empty()) {
                  auto deadline = ParseIsoDate(flags->deadline);
                  if (!deadline) {
                    return ReportError(
                        "opp add", Error{ErrorCode::kInvalidInput, "--deadline " + deadline.error().message,
                                         "deadline"});
                  }
                  fields.deadline = *deadline;
                }
                one = AddOpportunity(context, fields);
              } else if (list->parsed()) {
                auto all = ListOpportunities(context, *include_closed);
                if (!all) return ReportError("opp list", all.error());
                if (globals.json) {
                  nlohmann::json items = nlohmann::json::array();
                  for (const auto& opportunity : *all) items.push_back(OpportunityToJson(opportunity));
                  PrintJson(std::cout, items);
                } else if (all->empty()) {
                  std::cout << "No open opportunities. `kith opp add TITLE --skill S` notes one.\n";
                } else {
                  for (const auto& opportunity : *all) PrintOpportunity(std::cout, opportunity);
                }
                return 0;
              } else if (show->parsed()) {
                one = ShowOpportunity(context, OpportunityId{*id});
              } else {
                one = CloseOpportunity(context, OpportunityId{*id});
              }
              if (!one) return ReportError("opp", one.error());
              if (globals.json) {
                PrintJson(std::cout, OpportunityToJson(*one));
              } else {
                PrintOpportunity(std::cout, *one);
                if (add->parsed())
                  std::cout << "`kith match " << one->id.value << "` shows whom to offer it to.\n";
              }
              return 0;
            });
          }};
}

Command AddMatchCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("match", "Whom to offer an opportunity to, and why");
  command->footer(R"(Ranks people by the skills wanted (also synonyms and word forms: "JS" is
JavaScript), interests (tickets, intros), being open to opportunities and what
they look for (jobs, projects), place, how alive the relationship is, and how
recently you already gave them something. People already offered it drop out.

Examples:
  kith match 3
  kith match 3 --limit 5
  kith give 42 --opp 3      # you offered it to #42)");
  auto id = std::make_shared<std::int64_t>(0);
  auto limit = std::make_shared<int>(20);
  command->add_option("opportunity", *id, "Opportunity id (see `kith opp list`)")->required();
  command->add_option("--limit", *limit, "How many people (default 20)");
  return {command, [id, limit, &globals]() {
            return RunWithSession("match", globals, [&](Session& session) {
              auto matches = MatchOpportunity(session.context(), OpportunityId{*id}, *limit);
              if (!matches) return ReportError("match", matches.error());
              if (globals.json) {
                PrintJson(std::cout, MatchesToJson(*matches));
              } else if (matches->empty()) {
                std::cout << "Nobody on your list fits yet: add skills and interests to people "
                             "(kith edit ID --skill S --interest I).\n";
              } else {
                PrintMatches(std::cout, *matches);
              }
              return 0;
            });
          }};
}

Command AddTellCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("tell", "Whom to tell about something you made or wrote");
  command->footer(R"(Examples:
  kith tell "my talk on SQLite performance"
  kith me --skill SQLite --known-for "fast embedded databases")");
  auto topic = std::make_shared<std::vector<std::string>>();
  auto limit = std::make_shared<int>(10);
  command->add_option("topic", *topic, "What you want to share")->required();
  command->add_option("--limit", *limit, "How many people (default 10)");
  return {command, [topic, limit, &globals]() {
            return RunWithSession("tell", globals, [&](Session& session) {
              auto matches = WhomToTell(session.context(), JoinWords(*topic), *limit);
              if (!matches) return ReportError("tell", matches.error());
              if (globals.json) {
                PrintJson(std::cout, MatchesToJson(*matches));
              } else if (matches->empty()) {
                std::cout << "Nobody on your list has shown an interest in that yet.\n";
              } else {
                PrintMatches(std::cout, *matches);
              }
              return 0;
            });
          }};
}

}  // namespace kith::cli
