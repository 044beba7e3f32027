// The relationship loop from outside (CLI.md "The relationship loop" and
// "Stay connected"): events and follow-ups, logging and briefs, cadences and
// reminders, links and posts, health, the agenda and the calendar, each run
// through the real `kith` binary with today pinned.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "cli/cli_fixture.h"
#include "support/smtp_sink.h"

namespace kith::testing {
namespace {

using nlohmann::json;

const char* const kPython = "/usr/bin/python3";

// What a Python script printed, and how it exited.
struct PythonRun {
  int exit_code = -1;
  std::string out;
};

class RelationshipCli : public CliTestOnBothStores {
 protected:
  // kith on this test's database with another day for today.
  [[nodiscard]] KithRun KithOn(const std::string& day, const std::vector<std::string>& args) const {
    std::vector<std::string> all = {"--db", database_, "--today", day};
    all.insert(all.end(), args.begin(), args.end());
    return RunKith(all);
  }

  // The agenda's items on `day` (`kith --json today`).
  [[nodiscard]] json AgendaOn(const std::string& day) const {
    const KithRun run = KithOn(day, {"--json", "today"});
    EXPECT_EQ(run.exit_code, 0) << Described(run);
    const json agenda = json::parse(run.out, nullptr, /*allow_exceptions=*/false);
    EXPECT_TRUE(agenda.is_object()) << run.out;
    return agenda.is_object() ? agenda.value("items", json::array()) : json::array();
  }

  // The agenda items of `kind` about `contact` on `day`.
  [[nodiscard]] json ItemsAbout(const std::string& day, const std::string& kind, std::int64_t contact) const {
    json found = json::array();
    for (const auto& item : AgendaOn(day)) {
      if (item.value("kind", "") == kind && item["contact_id"] == contact) found.push_back(item);
    }
    return found;
  }

  [[nodiscard]] json ItemsOfKind(const std::string& day, const std::string& kind) const {
    json found = json::array();
    for (const auto& item : AgendaOn(day)) {
      if (item.value("kind", "") == kind) found.push_back(item);
    }
    return found;
  }

  // Someone met at RustConf yesterday: a follow-up is due today.
  std::int64_t AddMetYesterday(const std::string& name, const std::vector<std::string>& flags = {}) const {
    std::vector<std::string> all = {"--met-at", "RustConf", "--met-on", "2026-11-25"};
    all.insert(all.end(), flags.begin(), flags.end());
    return Add(name, all);
  }

  [[nodiscard]] std::filesystem::path PathFor(const std::string& name) const {
    return directory_.path() / name;
  }

  // Runs a Python script with /usr/bin/python3; skips the test without it.
  [[nodiscard]] PythonRun Python(const std::string& script, const std::string& argument) const {
    const auto script_path = PathFor("check.py");
    std::ofstream(script_path) << script;
    const std::string command =
        std::string(kPython) + " " + script_path.string() + " '" + argument + "' 2>&1";
    PythonRun run;
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) return run;
    std::array<char, 4096> buffer{};
    std::size_t read = 0;
    while ((read = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.out.append(buffer.data(), read);
    const int status = pclose(pipe);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
  }

  // Everything one person's relationship holds, and the list, for runs
  // that must write nothing.
  [[nodiscard]] std::string SnapshotOf(std::int64_t contact) const {
    return Snapshot() + KithJson({"brief", std::to_string(contact)}).dump();
  }
};
KITH_ON_BOTH_STORES(RelationshipCli);

bool HasPythonModules(const std::string& modules) {
  return std::filesystem::exists(kPython) &&
         std::system((std::string(kPython) + " -c 'import " + modules + "' >/dev/null 2>&1").c_str()) == 0;
}

// ------------------------------------------------------------ follow-ups

TEST_P(RelationshipCli, TodayShowsTheFollowUpTheDayAfterMeeting) {
  const std::int64_t ada = AddMetYesterday("Ada Okafor");
  const json items = ItemsAbout(kToday, "follow-up", ada);
  ASSERT_EQ(items.size(), 1U) << AgendaOn(kToday).dump(2);
  EXPECT_TRUE(Contains(items[0]["text"], "due today"));
  EXPECT_EQ(items[0]["action"], "kith followup draft " + std::to_string(ada));

  const KithRun run = Kith({"today"});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  EXPECT_TRUE(Contains(run.out, "Follow up\n"));
  EXPECT_TRUE(Contains(run.out, "Ada Okafor"));
  EXPECT_TRUE(Contains(run.out, "kith followup draft " + std::to_string(ada)));
}

TEST_P(RelationshipCli, TodayEndsWithANewline) {
  const KithRun empty = Kith({"today"});
  ASSERT_EQ(empty.exit_code, 0) << Described(empty);
  ASSERT_FALSE(empty.out.empty());
  EXPECT_EQ(empty.out.back(), '\n') << Described(empty);
  AddMetYesterday("Ada Okafor", {"--skill", "C++"});
  ASSERT_EQ(Kith({"opp", "add", "Staff C++ engineer", "--kind", "job", "--skill", "C++"}).exit_code, 0);
  for (const auto& arguments : std::vector<std::vector<std::string>>{{"today"}, {"--json", "today"}}) {
    const KithRun run = Kith(arguments);
    ASSERT_EQ(run.exit_code, 0) << Described(run);
    ASSERT_FALSE(run.out.empty());
    EXPECT_EQ(run.out.back(), '\n') << Described(run);
  }
}

TEST_P(RelationshipCli, FollowUpIsNotDueOnTheDayYouMet) {
  const std::int64_t ada = AddMetYesterday("Ada Okafor");
  EXPECT_TRUE(ItemsAbout("2026-11-25", "follow-up", ada).empty()) << AgendaOn("2026-11-25").dump(2);
  const KithRun run = KithOn("2026-11-25", {"today"});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  EXPECT_FALSE(Contains(run.out, "kith followup draft"));
}

TEST_P(RelationshipCli, OverdueFollowUpSaysHowLate) {
  const std::int64_t ada = AddMetYesterday("Ada Okafor");
  const json items = ItemsAbout("2026-11-30", "follow-up", ada);
  ASSERT_EQ(items.size(), 1U);
  EXPECT_EQ(items[0]["days_overdue"], 4);
  const KithRun run = KithOn("2026-11-30", {"today"});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  EXPECT_TRUE(Contains(run.out, "4 days overdue"));
}

TEST_P(RelationshipCli, FollowUpListHasTheDueOnes) {
  const std::int64_t ada = AddMetYesterday("Ada Okafor");
  const json due = KithJson({"followup", "list"});
  ASSERT_EQ(due.size(), 1U) << due.dump(2);
  EXPECT_EQ(due[0]["id"], ada);
  EXPECT_EQ(due[0]["event"], "RustConf");
  const KithRun run = Kith({"followup", "list"});
  EXPECT_TRUE(Contains(run.out, "met at RustConf"));
  EXPECT_TRUE(Contains(run.out, "due today"));
}

TEST_P(RelationshipCli, MetCreatesEveryoneAndTheEventShowsTheFollowUpRate) {
  const json met = KithJson({"met", "Ann Lee", "Bo Chen", "--at", "Meetup", "--on", "2026-11-25"});
  ASSERT_EQ(met.size(), 2U) << met.dump(2);
  EXPECT_TRUE(met[0]["added"].get<bool>());
  EXPECT_EQ(AsSet(json(ListNames())), (std::set<std::string>{"Ann Lee", "Bo Chen"}));

  KithRun run = Kith({"event", "show", "Meetup"});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  EXPECT_TRUE(Contains(run.out, "Ann Lee"));
  EXPECT_TRUE(Contains(run.out, "Bo Chen"));
  EXPECT_TRUE(Contains(run.out, "(0%)"));
  EXPECT_EQ(KithJson({"event", "show", "Meetup"})["follow_up_rate_percent"], 0);

  run = Kith({"followup", "done", "Ann Lee"});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  run = Kith({"event", "show", "Meetup"});
  EXPECT_TRUE(Contains(run.out, "(50%)"));
  EXPECT_TRUE(Contains(run.out, "✓ Ann Lee"));
  EXPECT_TRUE(Contains(run.out, "✗ Bo Chen"));
  const json report = KithJson({"event", "show", "Meetup"});
  EXPECT_EQ(report["follow_up_rate_percent"], 50);
  EXPECT_EQ(report["people"].size(), 2U);
}

TEST_P(RelationshipCli, MetAgainRecognisesSomeoneOnTheList) {
  const std::int64_t ada = Add("Ada Okafor");
  const json met = KithJson({"met", "Ada Okafor", "--at", "Meetup"});
  ASSERT_EQ(met.size(), 1U);
  EXPECT_EQ(met[0]["id"], ada);
  EXPECT_FALSE(met[0]["added"].get<bool>());
  EXPECT_EQ(ListNames().size(), 1U);
}

TEST_P(RelationshipCli, EventAddAndList) {
  const json event = KithJson({"event", "add", "RustConf 2026", "--on", "2026-11-20", "--place", "Portland"});
  EXPECT_EQ(event["name"], "RustConf 2026");
  EXPECT_EQ(event["on"], "2026-11-20");
  EXPECT_GT(event["id"].get<std::int64_t>(), 0);
  const json events = KithJson({"event", "list"});
  ASSERT_EQ(events.size(), 1U);
  EXPECT_EQ(events[0]["id"], event["id"]);
  EXPECT_EQ(events[0]["met"], 0);
  EXPECT_EQ(Kith({"event", "add", "RustConf 2026", "--on", "2026-11-20"}).exit_code, 1);
}

TEST_P(RelationshipCli, DraftPrintsTheSubjectAndTheMailtoLink) {
  const std::int64_t ada = AddMetYesterday("Ada Okafor", {"--email", "ada@acme.com"});
  const KithRun run = Kith({"followup", "draft", std::to_string(ada)});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  EXPECT_TRUE(Contains(run.out, "To:      ada@acme.com"));
  EXPECT_TRUE(Contains(run.out, "Subject: Good to meet you at RustConf"));
  EXPECT_TRUE(Contains(run.out, "Hi Ada,"));
  EXPECT_TRUE(Contains(run.out, "mailto:ada@acme.com?subject="));
  const json draft = KithJson({"followup", "draft", "Ada Okafor"});
  EXPECT_EQ(draft["to"], "ada@acme.com");
  EXPECT_EQ(draft["contact"]["id"], ada);
  EXPECT_TRUE(draft["mailto"].get<std::string>().starts_with("mailto:"));
}

TEST_P(RelationshipCli, DraftWritesAnEmlFileMailProgramsRead) {
  const std::int64_t ada = AddMetYesterday("Ada Okafor", {"--email", "ada@acme.com"});
  const auto eml = PathFor("ada.eml");
  const KithRun run = Kith({"followup", "draft", std::to_string(ada), "--eml", eml.string()});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  ASSERT_TRUE(std::filesystem::exists(eml));
  EXPECT_FALSE(std::filesystem::exists(eml.string() + ".partial"));
  if (!HasPythonModules("email")) FAIL() << "/usr/bin/python3 is not installed (Debian package python3)";
  const PythonRun parsed = Python(R"(import email, email.policy, sys
message = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
print("To=" + str(message["To"]))
print("Subject=" + str(message["Subject"]))
print("Hi" in message.get_content())
)",
                                  eml.string());
  ASSERT_EQ(parsed.exit_code, 0) << parsed.out;
  EXPECT_TRUE(Contains(parsed.out, "To=ada@acme.com\n"));
  EXPECT_TRUE(Contains(parsed.out, "Subject=Good to meet you at RustConf\n"));
  EXPECT_TRUE(Contains(parsed.out, "True"));
}

TEST_P(RelationshipCli, TemplateWithAnUnknownPlaceholderIsRefusedAndNothingSaved) {
  const std::string before = KithJson({"followup", "template"})["template"];
  const auto file = PathFor("template.txt");
  std::ofstream(file) << "Subject: Hello {first_name}\n\nWhat is your {favourite_colour}?\n";
  const KithRun run = Kith({"followup", "template", "--file", file.string()});
  EXPECT_EQ(run.exit_code, 1) << Described(run);
  EXPECT_TRUE(Contains(run.err, "favourite_colour"));
  EXPECT_EQ(KithJson({"followup", "template"})["template"], before);
}

TEST_P(RelationshipCli, SavedTemplateIsUsedForDrafts) {
  const std::int64_t ada = AddMetYesterday("Ada Okafor");
  const auto file = PathFor("template.txt");
  std::ofstream(file) << "Subject: Lovely to meet you, {first_name}\n\nHow is {event} treating you?\n";
  ASSERT_EQ(Kith({"followup", "template", "--file", file.string()}).exit_code, 0);
  const json draft = KithJson({"followup", "draft", std::to_string(ada)});
  EXPECT_EQ(draft["subject"], "Lovely to meet you, Ada");
  EXPECT_TRUE(Contains(draft["body"], "How is RustConf treating you?"));
  ASSERT_EQ(Kith({"followup", "template", "--reset"}).exit_code, 0);
  EXPECT_EQ(KithJson({"followup", "draft", std::to_string(ada)})["subject"], "Good to meet you at RustConf");
}

// ------------------------------------------------------------ meeting and listening

TEST_P(RelationshipCli, LoggedFactsAndSummaryShowInTheBrief) {
  const std::int64_t ada = AddMetYesterday("Ada Okafor");
  const std::string id = std::to_string(ada);
  const json logged = KithJson({"log", id, "--kind", "coffee", "--summary",
                                "Talked about her ceramics studio", "--they-talked", "65", "--fact",
                                "personal:hometown=Pilsen", "--fact", "professional:goal=open a studio"});
  EXPECT_EQ(logged["interaction"]["kind"], "coffee");
  EXPECT_EQ(logged["interaction"]["they_talked"], 65);
  EXPECT_EQ(logged["facts"].size(), 2U);

  const KithRun run = Kith({"brief", id});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  EXPECT_TRUE(Contains(run.out, "Pilsen"));
  EXPECT_TRUE(Contains(run.out, "open a studio"));
  EXPECT_TRUE(Contains(run.out, "Talked about her ceramics studio"));
  EXPECT_TRUE(Contains(run.out, "Conversation starters\n  • "));
  EXPECT_TRUE(Contains(run.out, "met at RustConf"));

  const json brief = KithJson({"brief", id});
  EXPECT_FALSE(brief["starters"].empty()) << brief.dump(2);
  EXPECT_EQ(brief["goals"].size(), 1U);
  EXPECT_EQ(brief["listening"]["average_they_talked"], 65);
  EXPECT_EQ(brief["days_since_contact"], 0);
}

TEST_P(RelationshipCli, TalkShareOverAHundredIsRefusedAndNothingWritten) {
  const std::int64_t ada = AddMetYesterday("Ada Okafor");
  const std::string before = SnapshotOf(ada);
  const KithRun run = Kith({"log", std::to_string(ada), "--kind", "coffee", "--they-talked", "140", "--fact",
                            "personal:hometown=Pilsen"});
  EXPECT_EQ(run.exit_code, 1) << Described(run);
  EXPECT_TRUE(Contains(run.err, "140"));
  EXPECT_EQ(SnapshotOf(ada), before);
}

TEST_P(RelationshipCli, ABadFactIsRefusedAndNothingWritten) {
  const std::int64_t ada = AddMetYesterday("Ada Okafor");
  const std::string before = SnapshotOf(ada);
  const KithRun run =
      Kith({"log", std::to_string(ada), "--kind", "coffee", "--fact", "secret:hometown=Pilsen"});
  EXPECT_EQ(run.exit_code, 1) << Described(run);
  EXPECT_TRUE(Contains(run.err, "secret"));
  EXPECT_EQ(SnapshotOf(ada), before);
}

TEST_P(RelationshipCli, FactSetListAndRemove) {
  const std::int64_t ada = Add("Ada Okafor");
  const std::string id = std::to_string(ada);
  ASSERT_EQ(Kith({"fact", id, "--personal", "hometown", "Pilsen"}).exit_code, 0);
  ASSERT_EQ(Kith({"fact", id, "--professional", "goal", "open", "a", "studio"}).exit_code, 0);
  json facts = KithJson({"fact", id});
  ASSERT_EQ(facts.size(), 2U) << facts.dump(2);
  const KithRun run = Kith({"fact", id});
  EXPECT_TRUE(Contains(run.out, "hometown  Pilsen"));
  EXPECT_TRUE(Contains(run.out, "open a studio"));
  ASSERT_EQ(Kith({"fact", id, "--personal", "hometown", "--remove"}).exit_code, 0);
  facts = KithJson({"fact", id});
  ASSERT_EQ(facts.size(), 1U);
  EXPECT_EQ(facts[0]["key"], "goal");
  EXPECT_EQ(Kith({"fact", id, "hometown", "Pilsen"}).exit_code, 2) << "the kind is required";
}

TEST_P(RelationshipCli, FactUsageIsCheckedBeforeThePersonAndSettingAnswersEveryFact) {
  const std::int64_t ada = Add("Ada Okafor");
  const std::string id = std::to_string(ada);
  const std::string before = SnapshotOf(ada);
  // A usage slip is a usage error whoever is named, and its hint names them as typed.
  const KithRun nobody = Kith({"fact", "Nobody Known", "--personal", "hometown"});
  EXPECT_EQ(nobody.exit_code, 2) << Described(nobody);
  EXPECT_TRUE(Contains(nobody.err, "kith fact \"Nobody Known\" --personal hometown VALUE")) << nobody.err;
  const KithRun which = Kith({"fact", "Ada Okafor", "--professional"});
  EXPECT_EQ(which.exit_code, 2) << Described(which);
  EXPECT_TRUE(Contains(which.err, "kith fact \"Ada Okafor\" --personal KEY VALUE")) << which.err;
  EXPECT_EQ(SnapshotOf(ada), before);

  // Setting one fact answers with all of them (the card as it now stands).
  ASSERT_EQ(Kith({"fact", id, "--professional", "goal", "open", "a", "studio"}).exit_code, 0);
  const json facts = KithJson({"fact", "Ada Okafor", "--personal", "hometown", "Pilsen"});
  ASSERT_EQ(facts.size(), 2U) << facts.dump(2);
  const KithRun noted = Kith({"fact", "Ada Okafor", "--personal", "hobby", "climbing"});
  EXPECT_TRUE(Contains(noted.out, "Noted: Ada Okafor's hobby is climbing.")) << noted.out;
}

TEST_P(RelationshipCli, ListeningReportsTheShare) {
  const std::int64_t ada = Add("Ada Okafor");
  const std::string id = std::to_string(ada);
  ASSERT_EQ(Kith({"log", id, "--kind", "coffee", "--on", "2026-11-20", "--they-talked", "30"}).exit_code, 0);
  ASSERT_EQ(Kith({"log", id, "--kind", "call", "--they-talked", "70"}).exit_code, 0);
  const json stats = KithJson({"listening", id});
  EXPECT_EQ(stats["conversations"], 2);
  EXPECT_EQ(stats["average_they_talked"], 50);
  EXPECT_EQ(stats["talked_more"].size(), 1U);
  const KithRun run = Kith({"listening"});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  EXPECT_TRUE(Contains(run.out, "50%"));
}

// ------------------------------------------------------------ failures

TEST_P(RelationshipCli, UnknownContactIsExitOne) {
  Add("Ada Okafor");
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"brief", "Nobody Here"},
                                             {"log", "Nobody Here", "--kind", "coffee"},
                                             {"followup", "draft", "9999"},
                                             {"cadence", "9999", "30"},
                                             {"fact", "9999"},
                                             {"link", "9999", "--linkedin", "https://linkedin.com/in/x"}}) {
    const KithRun run = Kith(args);
    EXPECT_EQ(run.exit_code, 1) << args[0] << "\n" << Described(run);
    EXPECT_FALSE(run.err.empty()) << args[0];
  }
}

TEST_P(RelationshipCli, UnknownEventIsExitOne) {
  const KithRun run = Kith({"event", "show", "Nowhere Conf"});
  EXPECT_EQ(run.exit_code, 1) << Described(run);
  EXPECT_TRUE(Contains(run.err, "Nowhere Conf"));
}

TEST_P(RelationshipCli, AnImpossibleDateIsExitOneNamingIt) {
  const std::int64_t ada = Add("Ada Okafor");
  const std::string id = std::to_string(ada);
  const std::string before = SnapshotOf(ada);
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"log", id, "--kind", "coffee", "--on", "2026-02-30"},
                                             {"event", "add", "Meetup", "--on", "2026-02-30"},
                                             {"met", "Bo Chen", "--at", "Meetup", "--on", "2026-02-30"},
                                             {"remind", id, "--on", "2026-02-30", "--note", "call"},
                                             {"post", "add", "--channel", "blog", "--on", "2026-02-30"}}) {
    const KithRun run = Kith(args);
    EXPECT_EQ(run.exit_code, 1) << args[0] << "\n" << Described(run);
    EXPECT_TRUE(Contains(run.err, "2026-02-30")) << args[0];
  }
  EXPECT_EQ(SnapshotOf(ada), before);
  EXPECT_EQ(KithJson({"event", "list"}), json::array());
}

TEST_P(RelationshipCli, UsageErrorsAreExitTwo) {
  const std::int64_t ada = Add("Ada Okafor");
  const std::string id = std::to_string(ada);
  EXPECT_EQ(Kith({"log", id, "--kind", "lunch"}).exit_code, 2);
  EXPECT_EQ(Kith({"log", id}).exit_code, 2);
  EXPECT_EQ(Kith({"cadence", id, "weekly"}).exit_code, 2);
  EXPECT_EQ(Kith({"link", id, "--connected"}).exit_code, 2);
  EXPECT_EQ(Kith({"remind", id, "--note", "call"}).exit_code, 2);
}

// ------------------------------------------------------------ reminders and cadences

TEST_P(RelationshipCli, SnoozedReminderStaysHiddenUntilTheDate) {
  const std::int64_t ada = Add("Ada Okafor");
  const json reminder = KithJson({"remind", std::to_string(ada), "--on", kToday, "--note", "send the deck"});
  const std::int64_t rid = reminder["id"];
  ASSERT_EQ(ItemsAbout(kToday, "reminder", ada).size(), 1U) << AgendaOn(kToday).dump(2);

  const KithRun run = Kith({"remind", "snooze", std::to_string(rid), "--until", "2026-11-29"});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  EXPECT_TRUE(ItemsAbout(kToday, "reminder", ada).empty());
  EXPECT_TRUE(ItemsAbout("2026-11-28", "reminder", ada).empty());
  const json back = ItemsAbout("2026-11-29", "reminder", ada);
  ASSERT_EQ(back.size(), 1U);
  EXPECT_EQ(back[0]["days_overdue"], 3) << "snoozing moves when it shows, not how late it is";
}

TEST_P(RelationshipCli, RemindListDoneAndDismiss) {
  const std::int64_t ada = Add("Ada Okafor");
  const std::string id = std::to_string(ada);
  const std::int64_t first = KithJson({"remind", id, "--on", "2026-11-28", "--note", "send the deck"})["id"];
  const std::int64_t second =
      KithJson({"remind", id, "--on", "2026-12-05", "--note", "ask about Pilsen"})["id"];
  const KithRun listed = Kith({"remind", "list"});
  ASSERT_EQ(listed.exit_code, 0) << Described(listed);
  EXPECT_TRUE(Contains(listed.out, "send the deck"));
  EXPECT_TRUE(Contains(listed.out, "Ada Okafor"));
  EXPECT_TRUE(Contains(listed.out, "due in 2 days"));

  EXPECT_EQ(KithJson({"remind", "done", std::to_string(first)})["state"], "done");
  EXPECT_EQ(KithJson({"remind", "dismiss", std::to_string(second)})["state"], "dismissed");
  EXPECT_EQ(KithJson({"remind", "list"}), json::array());
  const KithRun again = Kith({"remind", "done", std::to_string(first)});
  EXPECT_EQ(again.exit_code, 1) << "a closed reminder cannot be done twice";
  EXPECT_EQ(Kith({"remind", "done", "9999"}).exit_code, 1);
}

TEST_P(RelationshipCli, OwnCadenceBringsAReconnect) {
  const std::int64_t ada = Add("Ada Okafor");
  const std::string id = std::to_string(ada);
  ASSERT_EQ(Kith({"log", id, "--kind", "coffee"}).exit_code, 0);
  const json cadence = KithJson({"cadence", id, "30"});
  EXPECT_EQ(cadence["own_days"], 30);
  EXPECT_EQ(cadence["effective_days"], 30);
  ASSERT_TRUE(cadence["next"].is_object()) << cadence.dump(2);
  EXPECT_EQ(cadence["next"]["due"], "2026-12-26");
  const KithRun shown = Kith({"cadence", id});
  EXPECT_TRUE(Contains(shown.out, "every 30 days (their own cadence)"));
  EXPECT_TRUE(ItemsAbout("2026-12-25", "reconnect", ada).empty());
  EXPECT_EQ(ItemsAbout("2026-12-26", "reconnect", ada).size(), 1U) << AgendaOn("2026-12-26").dump(2);

  EXPECT_TRUE(KithJson({"cadence", id, "none"})["own_days"].is_null());
}

TEST_P(RelationshipCli, AfterTheFollowUpEmailComesTheCoffee) {
  const std::int64_t ada = AddMetYesterday("Ada Okafor");
  const json logged = KithJson({"log", std::to_string(ada), "--kind", "email"});
  EXPECT_TRUE(logged["completed_follow_up"].is_object()) << logged.dump(2);
  ASSERT_TRUE(logged["next_reconnect"].is_object()) << logged.dump(2);
  EXPECT_EQ(logged["next_reconnect"]["due"], "2026-12-10");
  EXPECT_TRUE(ItemsAbout("2026-12-09", "reconnect", ada).empty());
  const json items = ItemsAbout("2026-12-10", "reconnect", ada);
  ASSERT_EQ(items.size(), 1U) << AgendaOn("2026-12-10").dump(2);
  EXPECT_TRUE(Contains(items[0]["text"], "coffee"));
  EXPECT_EQ(KithJson({"cadence", std::to_string(ada)})["next"]["stage"], "coffee");
}

TEST_P(RelationshipCli, TagCadence) {
  const std::int64_t ada = Add("Ada Okafor", {"--tag", "mentor"});
  const json set = KithJson({"cadence", "--tag", "mentor", "60"});
  EXPECT_EQ(set["replanned"], 1);
  EXPECT_EQ(KithJson({"cadence", "--tags"}), json::parse(R"([{"tag": "mentor", "days": 60}])"));
  EXPECT_EQ(KithJson({"cadence", std::to_string(ada)})["tag_days"], 60);
  KithJson({"cadence", "--tag", "mentor", "none"});
  EXPECT_EQ(KithJson({"cadence", "--tags"}), json::array());
}

// ------------------------------------------------------------ stay connected

TEST_P(RelationshipCli, AKnownProfileIsAConnectSuggestionUntilConnected) {
  const std::int64_t ada = AddMetYesterday("Ada Okafor");
  const std::string id = std::to_string(ada);
  EXPECT_TRUE(ItemsAbout(kToday, "connect", ada).empty());
  ASSERT_EQ(Kith({"link", id, "--linkedin", "https://www.linkedin.com/in/ada-okafor"}).exit_code, 0);
  const json items = ItemsAbout(kToday, "connect", ada);
  ASSERT_EQ(items.size(), 1U) << AgendaOn(kToday).dump(2);
  EXPECT_TRUE(Contains(items[0]["action"], "kith link " + id + " --linkedin"));

  const json card = KithJson({"link", id, "--linkedin", "--connected"});
  ASSERT_EQ(card["links"].size(), 1U) << card.dump(2);
  EXPECT_TRUE(card["links"][0]["connected"].get<bool>());
  EXPECT_EQ(card["links"][0]["url"], "https://www.linkedin.com/in/ada-okafor");
  EXPECT_TRUE(ItemsAbout(kToday, "connect", ada).empty());
}

TEST_P(RelationshipCli, APostSilencesThePostingNudgeForAWeek) {
  ASSERT_EQ(ItemsOfKind(kToday, "post").size(), 1U) << AgendaOn(kToday).dump(2);
  const json post = KithJson(
      {"post", "add", "--channel", "linkedin", "--topic", "WAL mode", "--url", "https://example.com/wal"});
  EXPECT_EQ(post["on"], kToday);
  EXPECT_TRUE(ItemsOfKind(kToday, "post").empty());
  EXPECT_TRUE(ItemsOfKind("2026-12-02", "post").empty());
  EXPECT_EQ(ItemsOfKind("2026-12-03", "post").size(), 1U);
  const json posts = KithJson({"post", "list"});
  ASSERT_EQ(posts.size(), 1U);
  EXPECT_EQ(posts[0]["topic"], "WAL mode");
}

TEST_P(RelationshipCli, PostingCadenceChangesTheNudge) {
  KithJson({"post", "add", "--channel", "blog"});
  EXPECT_EQ(KithJson({"post", "cadence", "14"})["days"], 14);
  EXPECT_TRUE(ItemsOfKind("2026-12-09", "post").empty());
  EXPECT_EQ(ItemsOfKind("2026-12-10", "post").size(), 1U);
}

// ------------------------------------------------------------ health and show

TEST_P(RelationshipCli, HealthSortPutsTheNeglectedFirst) {
  const std::int64_t nurtured = Add("Nia Nurtured");
  const std::int64_t neglected = Add("Ned Neglected");
  const std::string id = std::to_string(nurtured);
  ASSERT_EQ(Kith({"log", id, "--kind", "coffee", "--on", "2026-11-20", "--they-talked", "60", "--fact",
                  "personal:hometown=Pilsen", "--fact", "professional:goal=open a studio"})
                .exit_code,
            0);
  ASSERT_EQ(Kith({"log", id, "--kind", "call", "--they-talked", "55"}).exit_code, 0);
  ASSERT_EQ(Kith({"give", id, "--what", "intro to a gallery"}).exit_code, 0);
  const json people = KithJson({"list", "--sort", "health"});
  ASSERT_EQ(people.size(), 2U) << people.dump(2);
  EXPECT_EQ(people[0]["id"], neglected);
  EXPECT_EQ(people[1]["id"], nurtured);
  EXPECT_LT(people[0]["health"]["score"].get<int>(), people[1]["health"]["score"].get<int>());
  const KithRun run = Kith({"list", "--sort", "health"});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  EXPECT_LT(run.out.find("Ned Neglected"), run.out.find("Nia Nurtured"));
  EXPECT_TRUE(Contains(run.out, "/100"));
}

// The tag filter holds with the health order, as it does in the API.
TEST_P(RelationshipCli, HealthSortKeepsTheTagFilter) {
  const std::int64_t ada = Add("Ada Okafor", {"--tag", "mentor"});
  Add("Bob Stone");
  const std::int64_t cleo = Add("Cleo Park", {"--tag", "mentor"});
  const json mentors = KithJson({"list", "--sort", "health", "--tag", "mentor"});
  ASSERT_EQ(mentors.size(), 2U) << mentors.dump(2);
  EXPECT_EQ(
      std::set<std::int64_t>({mentors[0]["id"].get<std::int64_t>(), mentors[1]["id"].get<std::int64_t>()}),
      std::set<std::int64_t>({ada, cleo}));
  const KithRun run = Kith({"list", "--sort", "health", "--tag", "mentor"});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  EXPECT_FALSE(Contains(run.out, "Bob Stone"));
  const KithRun trash = Kith({"list", "--sort", "health", "--trash"});
  EXPECT_EQ(trash.exit_code, 1) << Described(trash);
  EXPECT_TRUE(Contains(trash.err, "trash"));
}

TEST_P(RelationshipCli, ShowCarriesTheRelationship) {
  const std::int64_t ada = AddMetYesterday("Ada Okafor");
  const std::string id = std::to_string(ada);
  ASSERT_EQ(Kith({"log", id, "--kind", "coffee", "--summary", "Ceramics", "--fact",
                  "personal:hometown=Pilsen", "--promise", "send the deck"})
                .exit_code,
            0);
  const json card = Show(ada);
  EXPECT_EQ(card["name"], "Ada Okafor");
  EXPECT_EQ(card["facts"].size(), 1U);
  EXPECT_EQ(card["interactions"].size(), 1U);
  EXPECT_FALSE(card["reminders"].empty());
  EXPECT_TRUE(card["health"]["score"].is_number());
  EXPECT_TRUE(card["cadence"].is_object());
  const KithRun run = Kith({"show", id});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  EXPECT_TRUE(Contains(run.out, "health    "));
  EXPECT_TRUE(Contains(run.out, "hometown  Pilsen"));
  EXPECT_TRUE(Contains(run.out, "send the deck"));
  EXPECT_TRUE(Contains(run.out, "Ceramics"));
}

// ------------------------------------------------------------ calendar and mail

TEST_P(RelationshipCli, IcsFileParsesAndHasTheReminders) {
  const std::int64_t ada = AddMetYesterday("Ada Okafor");
  KithJson({"remind", std::to_string(ada), "--on", "2026-12-03", "--note", "send the deck"});
  const auto ics = PathFor("kith.ics");
  const KithRun run = Kith({"ics", "-o", ics.string()});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  EXPECT_TRUE(Contains(run.out, "Wrote 2 reminders"));
  ASSERT_TRUE(std::filesystem::exists(ics));
  EXPECT_FALSE(std::filesystem::exists(ics.string() + ".partial"));
  const KithRun stdout_run = Kith({"ics"});
  EXPECT_TRUE(Contains(stdout_run.out, "BEGIN:VCALENDAR"));

  if (!HasPythonModules("icalendar, vobject"))
    FAIL() << "python3-icalendar or python3-vobject is not installed (scripts/install-deps.sh installs them)";
  const PythonRun parsed = Python(R"(import sys, icalendar, vobject
data = open(sys.argv[1], "rb").read()
calendar = icalendar.Calendar.from_ical(data)
events = [c for c in calendar.walk() if c.name in ("VEVENT", "VTODO")]
for event in events:
    print("icalendar:", event.get("summary"))
parsed = vobject.readOne(data.decode("utf-8"))
print("vobject:", len(list(parsed.components())))
)",
                                  ics.string());
  ASSERT_EQ(parsed.exit_code, 0) << parsed.out;
  EXPECT_TRUE(Contains(parsed.out, "send the deck"));
  EXPECT_TRUE(Contains(parsed.out, "Ada Okafor"));
  EXPECT_TRUE(Contains(parsed.out, "vobject: 2"));
}

TEST_P(RelationshipCli, SendDeliversTheFollowUpAndClosesIt) {
  if (!HasPythonModules("aiosmtpd"))
    FAIL() << "python3-aiosmtpd is not installed (scripts/install-deps.sh installs it)";
  const auto inbox = PathFor("inbox");
  std::filesystem::create_directories(inbox);
  const SmtpSink sink(inbox);
  ASSERT_GT(sink.port(), 0) << "the SMTP sink did not start";
  const std::int64_t ada = AddMetYesterday("Ada Okafor", {"--email", "ada@acme.com"});
  ASSERT_EQ(Kith({"smtp", "--host", "127.0.0.1", "--port", std::to_string(sink.port()), "--security", "none",
                  "--from", "sam@example.com"})
                .exit_code,
            0);
  const json settings = KithJson({"smtp"});
  EXPECT_EQ(settings["port"], sink.port());
  EXPECT_EQ(settings["security"], "none");

  const KithRun run = Kith({"followup", "send", std::to_string(ada)});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  EXPECT_TRUE(Contains(run.out, "Sent"));
  const auto message_file = inbox / "message-1.json";
  ASSERT_TRUE(std::filesystem::exists(message_file));
  std::ifstream in(message_file);
  const json message = json::parse(in);
  EXPECT_EQ(message["to"], json::array({"ada@acme.com"}));
  EXPECT_EQ(message["subject"], "Good to meet you at RustConf");
  EXPECT_EQ(message["mail_from"], "sam@example.com");
  EXPECT_TRUE(ItemsAbout(kToday, "follow-up", ada).empty());
  EXPECT_EQ(KithJson({"event", "show", "RustConf"})["follow_up_rate_percent"], 100);
}

TEST_P(RelationshipCli, SendWithoutAServerIsExitOneAndLeavesTheFollowUpOpen) {
  const std::int64_t ada = AddMetYesterday("Ada Okafor", {"--email", "ada@acme.com"});
  const KithRun run = Kith({"followup", "send", std::to_string(ada)});
  EXPECT_EQ(run.exit_code, 1) << Described(run);
  EXPECT_EQ(ItemsAbout(kToday, "follow-up", ada).size(), 1U);
}

// ------------------------------------------------------------ help

TEST_P(RelationshipCli, EveryCommandHelpHasExamples) {
  for (const char* command : {"event", "met", "followup", "smtp", "log", "fact", "brief", "listening",
                              "cadence", "remind", "link", "post", "ics", "today"}) {
    const KithRun run = RunKith({command, "--help"});
    EXPECT_EQ(run.exit_code, 0) << command;
    EXPECT_TRUE(Contains(run.out, "kith " + std::string(command))) << command;
  }
  const KithRun overview = RunKith({});
  EXPECT_TRUE(Contains(overview.out, "Follow up, meet and listen"));
  EXPECT_TRUE(Contains(overview.out, "Stay connected"));
}

}  // namespace
}  // namespace kith::testing
