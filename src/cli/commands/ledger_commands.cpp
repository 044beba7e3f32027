#include <iostream>
#include <memory>

#include "app/contacts.h"
#include "app/for_person.h"
#include "app/give.h"
#include "app/results_json.h"
#include "cli/commands/commands.h"
#include "cli/commands/relationship_printing.h"
#include "cli/printing.h"
#include "formats/give_json.h"

namespace kith::cli {
namespace {

// What `give` and `ask` print once the entry is stored.
int PrintRecorded(const GlobalOptions& globals, const Contact& contact, const LedgerEntry& entry) {
  if (globals.json) {
    PrintJson(std::cout, LedgerEntryToJson(entry));
  } else {
    std::cout << "Recorded for " << contact.display_name << ":\n";
    PrintLedgerEntry(std::cout, entry, LedgerLineId::kShown);
  }
  return 0;
}

}  // namespace

Command AddGiveCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("give", "Record something you offered or gave (or they gave you)");
  command->footer(R"(Examples:
  kith give 42 --opp 3                       # offered opportunity #3 to #42
  kith give "Ada Okafor" --what "reviewed her talk"
  kith give 42 --what "intro to a recruiter" --from-them   # they did it for you
  kith ledger 42)");
  auto contact = std::make_shared<std::string>();
  auto what = std::make_shared<std::string>();
  auto opportunity = std::make_shared<std::int64_t>(0);
  auto from_them = std::make_shared<bool>(false);
  auto on = std::make_shared<std::string>();
  command->add_option("contact", *contact, "Id or name")->required();
  command->add_option("--what", *what, "What was given");
  command->add_option("--opp", *opportunity, "The opportunity offered (see `kith opp list`)");
  command->add_flag("--from-them", *from_them, "They gave it to you");
  command->add_option("--on", *on, "When (default today)");
  return {command, [=, &globals]() {
            return RunWithSession("give", globals, [&](Session& session) {
              auto date = ParseOptionalDateFlag("--on", *on);
              if (!date) return ReportError("give", date.error());
              GiveRequest request;
              request.what = *what;
              if (command->count("--opp") > 0) {
                if (*opportunity < 1) {
                  return ReportError("give", Error{ErrorCode::kInvalidInput,
                                                   "--opp " + std::to_string(*opportunity) +
                                                       " is not an opportunity id (see `kith opp list`)",
                                                   "opp"});
                }
                request.opportunity = OpportunityId{*opportunity};
              }
              request.direction = *from_them ? LedgerDirection::kToMe : LedgerDirection::kFromMe;
              request.on = *date;
              auto given = ForPerson(session.context(), *contact, [&](Context& context, ContactId id) {
                request.contact = id;
                return RecordGive(context, request);
              });
              if (!given) return ReportError("give", given.error());
              return PrintRecorded(globals, given->contact, given->value);
            });
          }};
}

Command AddAskCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("ask", "Record something asked, either way");
  command->footer(R"(Examples:
  kith ask 42 --what "feedback on the pitch deck"          # they asked you
  kith ask 42 --what "an intro to their CTO" --by-me       # you asked them
  kith outcome 17 accepted)");
  auto contact = std::make_shared<std::string>();
  auto what = std::make_shared<std::string>();
  auto by_me = std::make_shared<bool>(false);
  auto on = std::make_shared<std::string>();
  command->add_option("contact", *contact, "Id or name")->required();
  command->add_option("--what", *what, "What was asked")->required();
  command->add_flag("--by-me", *by_me, "You asked them (default: they asked you)");
  command->add_option("--on", *on, "When (default today)");
  return {command, [=, &globals]() {
            return RunWithSession("ask", globals, [&](Session& session) {
              auto date = ParseOptionalDateFlag("--on", *on);
              if (!date) return ReportError("ask", date.error());
              AskRequest request{ContactId{}, *what,
                                 *by_me ? LedgerDirection::kFromMe : LedgerDirection::kToMe, *date};
              auto asked = ForPerson(session.context(), *contact, [&](Context& context, ContactId id) {
                request.contact = id;
                return RecordAsk(context, request);
              });
              if (!asked) return ReportError("ask", asked.error());
              return PrintRecorded(globals, asked->contact, asked->value);
            });
          }};
}

Command AddIntroCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("intro", "Record a double opt-in introduction (a give to both)");
  command->footer(R"(Ask both first; record it once both said yes.

Example:
  kith intro 42 57 --why "both building embedded databases in Chicago")");
  auto first = std::make_shared<std::string>();
  auto second = std::make_shared<std::string>();
  auto why = std::make_shared<std::string>();
  auto on = std::make_shared<std::string>();
  command->add_option("first", *first, "Id or name")->required();
  command->add_option("second", *second, "Id or name")->required();
  command->add_option("--why", *why, "Why they should meet")->required();
  command->add_option("--on", *on, "When (default today)");
  return {command, [=, &globals]() {
            return RunWithSession("intro", globals, [&](Session& session) {
              auto date = ParseOptionalDateFlag("--on", *on);
              if (!date) return ReportError("intro", date.error());
              auto introduced =
                  ForTwoPeople(session.context(), *first, *second, RecordIntroduction, *why, *date);
              if (!introduced) return ReportError("intro", introduced.error());
              const auto& entries = introduced->value;
              if (globals.json) {
                PrintJson(std::cout, nlohmann::json::array({LedgerEntryToJson(entries.first),
                                                            LedgerEntryToJson(entries.second)}));
              } else {
                std::cout << "Introduced " << introduced->first.display_name << " and "
                          << introduced->second.display_name << " — recorded as a give to both.\n";
              }
              return 0;
            });
          }};
}

Command AddOutcomeCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("outcome", "How a give, ask or intro turned out");
  command->footer("Example:\n  kith outcome 17 hired      # open | accepted | declined | hired | thanked");
  auto id = std::make_shared<std::int64_t>(0);
  auto outcome = std::make_shared<std::string>();
  command->add_option("entry", *id, "Ledger entry id (see `kith ledger ID`)")->required();
  command->add_option("outcome", *outcome, "open | accepted | declined | hired | thanked")
      ->required()
      ->check(CLI::IsMember({"open", "accepted", "declined", "hired", "thanked"}, CLI::ignore_case));
  return {command, [=, &globals]() {
            return RunWithSession("outcome", globals, [&](Session& session) {
              auto entry = SetLedgerOutcome(session.context(), LedgerEntryId{*id},
                                            ParseLedgerOutcome(*outcome).value_or(LedgerOutcome::kOpen));
              if (!entry) return ReportError("outcome", entry.error());
              if (globals.json) {
                PrintJson(std::cout, LedgerEntryToJson(*entry));
              } else {
                PrintLedgerEntry(std::cout, *entry, LedgerLineId::kShown);
              }
              return 0;
            });
          }};
}

Command AddLedgerCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("ledger", "What you and one person did for each other");
  command->footer("Example:\n  kith ledger \"Ada Okafor\"");
  auto contact = std::make_shared<std::string>();
  command->add_option("contact", *contact, "Id or name")->required();
  return {command, [=, &globals]() {
            return RunWithSession("ledger", globals, [&](Session& session) {
              auto found = ForPerson(session.context(), *contact, LedgerFor);
              if (!found) return ReportError("ledger", found.error());
              const Ledger& ledger = found->value;
              if (globals.json) {
                PrintJson(std::cout, LedgerToJson(ledger));
                return 0;
              }
              std::cout << found->contact.display_name << " (#" << found->contact.id.value << ")\n";
              if (ledger.entries.empty()) std::cout << "  nothing yet\n";
              for (const auto& entry : ledger.entries)
                PrintLedgerEntry(std::cout, entry, LedgerLineId::kShown);
              std::cout << "  you gave " << ledger.balance.given << ", they gave " << ledger.balance.received;
              if (ledger.balance.open_asks > 0) std::cout << ", " << ledger.balance.open_asks << " open asks";
              std::cout << "\n";
              return 0;
            });
          }};
}

Command AddMeCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("me", "Your own profile: your skills, what you want to be known for");
  command->footer(R"(Without flags it shows the profile.

Example:
  kith me --name "Sam Rivera" --skill SQLite --skill "technical writing" --known-for "fast embedded databases"
  kith tell "my new post on WAL mode")");
  auto name = std::make_shared<std::string>();
  auto skills = std::make_shared<std::vector<std::string>>();
  auto known_for = std::make_shared<std::string>();
  command->add_option("--name", *name, "Your name");
  command->add_option("--skill", *skills, "A skill of yours (repeat; replaces the list)");
  command->add_option("--known-for", *known_for, "What you want to be known for");
  return {command, [=, &globals]() {
            return RunWithSession("me", globals, [&](Session& session) {
              const bool changing = !name->empty() || !skills->empty() || !known_for->empty();
              ProfileChange change;
              if (!name->empty()) change.name = *name;
              if (!skills->empty()) change.skills = *skills;
              if (!known_for->empty()) change.known_for = *known_for;
              auto profile =
                  changing ? ChangeMyProfile(session.context(), change) : ShowMyProfile(session.context());
              if (!profile) return ReportError("me", profile.error());
              if (globals.json) {
                PrintJson(std::cout, ProfileToJson(*profile));
                return 0;
              }
              std::cout << (profile->name.empty() ? "(no name yet: kith me --name NAME)" : profile->name)
                        << "\n";
              if (!profile->skills.empty()) {
                std::cout << "  skills: ";
                for (std::size_t i = 0; i < profile->skills.size(); ++i) {
                  std::cout << (i ? ", " : "") << profile->skills[i];
                }
                std::cout << "\n";
              }
              if (!profile->known_for.empty()) std::cout << "  known for: " << profile->known_for << "\n";
              return 0;
            });
          }};
}

}  // namespace kith::cli
