// The actions the web API gained so that it does all the CLI does: sending
// the follow-up, tag cadences, listening, the mail server, the follow-up
// template, the posting cadence, and the list by health within a tag. Over
// real sockets, each answering as the CLI's `--json` does.
#include <filesystem>
#include <fstream>

#include "http/server_fixture.h"
#include "support/smtp_sink.h"

namespace kith::testing {
namespace {

class HabitRoutes : public ServerTestOnBothStores {
 protected:
  // Ada, met at RustConf yesterday: her follow-up is due today.
  json MeetAda() {
    const json ada =
        AddPerson({{"name", "Ada Okafor"}, {"emails", {"ada@example.com"}}, {"tags", {"mentor"}}});
    const json event = Expect(
        Send("POST", "/api/v1/events", json({{"name", "RustConf"}, {"on", "2026-11-25"}}).dump()), 201);
    Expect(Send("POST", "/api/v1/events/" + event["id"].dump() + "/met", R"({"names": ["Ada Okafor"]})"),
           201);
    return ada;
  }

  json FollowUpsDue() { return Expect(Send("GET", "/api/v1/followups?due=true"), 200); }
};
KITH_ON_BOTH_STORES(HabitRoutes);

TEST_P(HabitRoutes, SendsTheFollowUpThroughTheMailServerAndClosesIt) {
  const std::filesystem::path inbox = directory_.path() / "inbox";
  std::filesystem::create_directories(inbox);
  const SmtpSink sink(inbox);
  ASSERT_GT(sink.port(), 0) << "the SMTP sink (python3-aiosmtpd) did not start";
  const json ada = MeetAda();
  const json settings = Expect(Send("PUT", "/api/v1/smtp",
                                    json({{"host", "127.0.0.1"},
                                          {"port", sink.port()},
                                          {"security", "none"},
                                          {"from", "sam@example.com"}})
                                        .dump()),
                               200);
  EXPECT_EQ(settings["port"], sink.port());
  EXPECT_EQ(settings["security"], "none");
  EXPECT_FALSE(settings.contains("password"));
  ASSERT_EQ(FollowUpsDue().size(), 1U);

  const json sent = Expect(Send("POST", "/api/v1/contacts/" + ada["id"].dump() + "/followup/send"), 200);
  EXPECT_NE(sent["to"].get<std::string>().find("ada@example.com"), std::string::npos) << sent.dump();
  EXPECT_EQ(sent["follow_up"]["state"], "done");
  std::ifstream in(inbox / "message-1.json");
  ASSERT_TRUE(in) << "the sink received nothing";
  const json message = json::parse(in);
  EXPECT_EQ(message["to"], json::array({"ada@example.com"}));
  EXPECT_EQ(message["mail_from"], "sam@example.com");
  EXPECT_TRUE(FollowUpsDue().empty());
}

TEST_P(HabitRoutes, SendingWithoutAMailServerIsRefusedAndLeavesTheFollowUpOpen) {
  const json ada = MeetAda();
  const json refused = Expect(Send("POST", "/api/v1/contacts/" + ada["id"].dump() + "/followup/send"), 400);
  EXPECT_EQ(ErrorCodeOf(refused), "invalid_input");
  EXPECT_EQ(FollowUpsDue().size(), 1U);
  EXPECT_EQ(ErrorCodeOf(Expect(Send("POST", "/api/v1/contacts/999/followup/send"), 404)), "not_found");
}

TEST_P(HabitRoutes, ChoosingTlsBringsItsPortUnlessOneIsGiven) {
  Expect(Send("PUT", "/api/v1/smtp", R"({"host": "smtp.example.com", "from": "sam@example.com"})"), 200);
  EXPECT_EQ(Expect(Send("PUT", "/api/v1/smtp", R"({"security": "tls"})"), 200)["port"], 465);
  EXPECT_EQ(Expect(Send("PUT", "/api/v1/smtp", R"({"security": "starttls"})"), 200)["port"], 587);
  EXPECT_EQ(Expect(Send("PUT", "/api/v1/smtp", R"({"security": "tls", "port": 2465})"), 200)["port"], 2465);
  EXPECT_EQ(Expect(Send("GET", "/api/v1/smtp"), 200)["host"], "smtp.example.com");
  EXPECT_EQ(ErrorCodeOf(Expect(Send("PUT", "/api/v1/smtp", R"({"security": "ssl"})"), 400)), "invalid_input");
  EXPECT_EQ(Expect(Send("GET", "/api/v1/smtp"), 200)["port"], 2465);
}

TEST_P(HabitRoutes, SetsListsAndRemovesTagCadences) {
  MeetAda();
  EXPECT_EQ(Expect(Send("GET", "/api/v1/cadences"), 200), json::array());
  const json set = Expect(Send("PUT", "/api/v1/cadences", R"({"tag": "mentor", "days": 45})"), 200);
  EXPECT_EQ(set["tag"], "mentor");
  EXPECT_EQ(set["days"], 45);
  EXPECT_EQ(set["replanned"], 1);
  EXPECT_EQ(Expect(Send("GET", "/api/v1/cadences"), 200), json::parse(R"([{"tag": "mentor", "days": 45}])"));
  EXPECT_EQ(ErrorCodeOf(Expect(Send("PUT", "/api/v1/cadences", R"({"tag": "mentor"})"), 400)),
            "invalid_input");
  EXPECT_EQ(ErrorCodeOf(Expect(Send("PUT", "/api/v1/cadences", R"({"days": 30})"), 400)), "invalid_input");
  Expect(Send("PUT", "/api/v1/cadences", R"({"tag": "mentor", "days": null})"), 200);
  EXPECT_EQ(Expect(Send("GET", "/api/v1/cadences"), 200), json::array());
}

TEST_P(HabitRoutes, ListeningOverEveryoneAndOnePerson) {
  const json ada = MeetAda();
  const std::string id = ada["id"].dump();
  Expect(Send("POST", "/api/v1/contacts/" + id + "/interactions", R"({"kind": "coffee", "they_talked": 70})"),
         201);
  const json everyone = Expect(Send("GET", "/api/v1/listening"), 200);
  EXPECT_EQ(everyone["conversations"], 1);
  EXPECT_EQ(everyone["average_they_talked"], 70);
  EXPECT_TRUE(everyone["contact_id"].is_null());
  const json one = Expect(Send("GET", "/api/v1/contacts/" + id + "/listening"), 200);
  EXPECT_EQ(one["contact_id"], ada["id"]);
  EXPECT_EQ(one["average_they_talked"], 70);
  EXPECT_EQ(ErrorCodeOf(Expect(Send("GET", "/api/v1/contacts/999/listening"), 404)), "not_found");
}

TEST_P(HabitRoutes, SavesAndResetsTheFollowUpTemplate) {
  const std::string original = Expect(Send("GET", "/api/v1/followup/template"), 200)["template"];
  const std::string mine = "Subject: Hello {first_name}\n\nGood to meet you at {event}.\n";
  EXPECT_EQ(
      Expect(Send("PUT", "/api/v1/followup/template", json({{"template", mine}}).dump()), 200)["template"],
      mine);
  EXPECT_EQ(Expect(Send("GET", "/api/v1/followup/template"), 200)["template"], mine);
  EXPECT_EQ(ErrorCodeOf(Expect(Send("PUT", "/api/v1/followup/template", R"({})"), 400)), "invalid_input");
  EXPECT_EQ(Expect(Send("PUT", "/api/v1/followup/template", R"({"template": null})"), 200)["template"],
            original);
}

TEST_P(HabitRoutes, SetsThePostingCadence) {
  EXPECT_EQ(Expect(Send("PUT", "/api/v1/posts/cadence", R"({"days": 14})"), 200)["days"], 14);
  EXPECT_EQ(Expect(Send("GET", "/api/v1/posts/cadence"), 200)["days"], 14);
  EXPECT_EQ(ErrorCodeOf(Expect(Send("PUT", "/api/v1/posts/cadence", R"({"days": "often"})"), 400)),
            "invalid_input");
}

// The list by health takes the tag filter, as the CLI does, instead of
// dropping it.
TEST_P(HabitRoutes, ListsByHealthWithinATag) {
  AddPerson({{"name", "Ada Okafor"}, {"tags", {"mentor"}}});
  AddPerson({{"name", "Bob Stone"}});
  AddPerson({{"name", "Cleo Park"}, {"tags", {"mentor"}}});
  const json mentors = Expect(Send("GET", "/api/v1/contacts?sort=health&tag=mentor&total=true"), 200);
  ASSERT_EQ(mentors.size(), 2U) << mentors.dump();
  for (const auto& person : mentors) {
    EXPECT_NE(person["name"], "Bob Stone");
    EXPECT_TRUE(person["health"].contains("score"));
  }
  EXPECT_EQ(Expect(Send("GET", "/api/v1/contacts?sort=health"), 200).size(), 3U);
  EXPECT_EQ(ErrorCodeOf(Expect(Send("GET", "/api/v1/contacts?sort=health&trash=true"), 400)),
            "invalid_input");
  EXPECT_EQ(ErrorCodeOf(Expect(Send("GET", "/api/v1/contacts?sort=loudest"), 400)), "invalid_input");
}

}  // namespace
}  // namespace kith::testing
