// Who may sync, over real sockets: devices and their app passwords through
// the API, HTTP Basic at the gate of /dav/ (401, 429, a revoked password
// refused), and the subscribed calendar at its secret URL (404, ETag,
// Last-Modified, 304).
#include "app/devices.h"
#include "app/web_access.h"
#include "http/server_fixture.h"

namespace kith::testing {
namespace {

class SyncAccess : public ServerTestOnBothStores {
 protected:
  // Runs `body` on the server's database through a connection of its own,
  // as `kith device add` or `kith passwd` would beside a running server.
  template <typename Body>
  void WithDatabase(Body&& body) {
    auto store = OpenStore(DatabasePath());
    ASSERT_TRUE(store) << store.error().message;
    Context context{**store, clock_, ""};
    body(context);
  }

  std::string AddDeviceDirectly(const std::string& name) {
    std::string password;
    WithDatabase([&](Context& context) {
      auto added = AddDevice(context, name);
      ASSERT_TRUE(added) << added.error().message;
      password = added->password;
    });
    return password;
  }

  // Beyond loopback: every sync request must sign in.
  void ServeBeyondLoopback() {
    StopServer();
    StartServer("0.0.0.0", "");
  }

  httplib::Result Dav(const std::string& authorization) {
    httplib::Headers headers;
    if (!authorization.empty()) headers.emplace("Authorization", authorization);
    return client_->Get("/dav/", headers);
  }
};
KITH_ON_BOTH_STORES(SyncAccess);

void ExpectAdmitted(const httplib::Result& response) {
  ASSERT_TRUE(response);
  EXPECT_NE(response->status, 401) << response->body;
  EXPECT_NE(response->status, 429) << response->body;
  EXPECT_NE(response->status, 403) << response->body;
}

void ExpectRefused(const httplib::Result& response) {
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 401) << response->body;
  EXPECT_EQ(response->get_header_value("WWW-Authenticate"), R"(Basic realm="kith", charset="UTF-8")");
}

TEST_P(SyncAccess, AddingADeviceShowsItsPasswordOnceAndNeverItsHash) {
  const json setup = Expect(Send("POST", "/api/v1/devices", R"({"name": "iphone"})"), 201);
  EXPECT_EQ(setup["username"], "iphone");
  EXPECT_EQ(setup["url"], "http://127.0.0.1:" + std::to_string(server_->port()) + "/dav/");
  EXPECT_EQ(setup["password"].get<std::string>().size(), 24U);  // 5 groups of 4, dashed
  const json devices = Expect(Send("GET", "/api/v1/devices"), 200);
  ASSERT_EQ(devices.size(), 1U);
  EXPECT_EQ(devices[0]["name"], "iphone");
  EXPECT_TRUE(devices[0]["revoked_at"].is_null());
  EXPECT_FALSE(devices[0].contains("password"));
  EXPECT_FALSE(devices[0].contains("password_hash"));
  EXPECT_EQ(devices.dump().find(setup["password"].get<std::string>()), std::string::npos);
}

TEST_P(SyncAccess, ADeviceNameIsRefusedWhenTakenOrNotAUserName) {
  Expect(Send("POST", "/api/v1/devices", R"({"name": "iphone"})"), 201);
  EXPECT_EQ(ErrorCodeOf(Expect(Send("POST", "/api/v1/devices", R"({"name": "IPhone"})"), 409)),
            "already_exists");
  EXPECT_EQ(ErrorCodeOf(Expect(Send("POST", "/api/v1/devices", R"({"name": "my phone:1"})"), 400)),
            "invalid_input");
  EXPECT_EQ(ErrorCodeOf(Expect(Send("POST", "/api/v1/devices", R"({})"), 400)), "invalid_input");
  EXPECT_EQ(Expect(Send("GET", "/api/v1/devices"), 200).size(), 1U);
}

TEST_P(SyncAccess, RevokingAnUnknownDeviceIsNotFound) {
  EXPECT_EQ(ErrorCodeOf(Expect(Send("DELETE", "/api/v1/devices?name=ghost"), 404)), "not_found");
}

TEST_P(SyncAccess, BeyondLoopbackDavWithoutCredentialsIs401) {
  AddDeviceDirectly("iphone");
  ServeBeyondLoopback();
  ExpectRefused(Dav(""));
  ExpectRefused(Dav("Basic !!not-base64!!"));
  ExpectRefused(Dav("Bearer something"));
}

TEST_P(SyncAccess, AnAppPasswordSignsInWithItsDeviceNameOnly) {
  const std::string password = AddDeviceDirectly("iphone");
  AddDeviceDirectly("laptop");
  ServeBeyondLoopback();
  ExpectAdmitted(Dav(Basic("iphone", password)));
  ExpectAdmitted(Dav(Basic("iphone", password)));  // remembered: no second argon2id
  ExpectRefused(Dav(Basic("laptop", password)));
  ExpectRefused(Dav(Basic("iphone", password + "x")));
}

TEST_P(SyncAccess, TheWebPasswordSignsInWithAnyUserName) {
  WithDatabase([](Context& context) { ASSERT_TRUE(SetWebPassword(context, "correct horse battery")); });
  ServeBeyondLoopback();
  ExpectAdmitted(Dav(Basic("kith", "correct horse battery")));
  ExpectAdmitted(Dav(Basic("anyone", "correct horse battery")));
  ExpectRefused(Dav(Basic("kith", "wrong horse battery")));
}

TEST_P(SyncAccess, TheServersTokenSignsInAsAPassword) {
  StopServer();
  StartServer("0.0.0.0", "sesame-sesame-sesame");
  ExpectAdmitted(Dav(Basic("kith", "sesame-sesame-sesame")));
  ExpectRefused(Dav(Basic("kith", "sesame")));
}

TEST_P(SyncAccess, ARevokedPasswordIsRefusedAtOnceEvenWhenJustUsed) {
  const std::string password = AddDeviceDirectly("iphone");
  ServeBeyondLoopback();
  ExpectAdmitted(Dav(Basic("iphone", password)));
  WithDatabase([](Context& context) { ASSERT_TRUE(RevokeDevice(context, "iphone")); });
  ExpectRefused(Dav(Basic("iphone", password)));
}

TEST_P(SyncAccess, ADeviceAddedAgainAfterRevokingGetsANewPassword) {
  const std::string old_password = AddDeviceDirectly("iphone");
  WithDatabase([](Context& context) { ASSERT_TRUE(RevokeDevice(context, "iphone")); });
  const std::string new_password = AddDeviceDirectly("iphone");
  EXPECT_NE(old_password, new_password);
  ServeBeyondLoopback();
  ExpectRefused(Dav(Basic("iphone", old_password)));
  ExpectAdmitted(Dav(Basic("iphone", new_password)));
}

TEST_P(SyncAccess, WrongPasswordsAreThrottledWith429AndRetryAfter) {
  const std::string password = AddDeviceDirectly("iphone");
  ServeBeyondLoopback();
  for (int i = 0; i < 5; ++i) ExpectRefused(Dav(Basic("iphone", "guess-" + std::to_string(i))));
  // Now even the right password waits: the guesser cannot tell.
  auto throttled = Dav(Basic("iphone", password));
  ASSERT_TRUE(throttled);
  EXPECT_EQ(throttled->status, 429);
  EXPECT_EQ(throttled->get_header_value("Retry-After"), "1");
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  ExpectAdmitted(Dav(Basic("iphone", password)));
}

TEST_P(SyncAccess, ASuccessfulSyncIsShownAsTheDevicesLastUse) {
  const std::string password = AddDeviceDirectly("iphone");
  ServeBeyondLoopback();
  ExpectAdmitted(Dav(Basic("iphone", password)));
  WithDatabase([](Context& context) {
    auto devices = ListDevices(context);
    ASSERT_TRUE(devices);
    ASSERT_EQ(devices->size(), 1U);
    EXPECT_EQ((*devices)[0].last_used_at, "2026-11-26T12:00:00Z");
  });
}

TEST_P(SyncAccess, OnLoopbackWithNothingSetUpSyncNeedsNoPassword) { ExpectAdmitted(Dav("")); }

TEST_P(SyncAccess, OnLoopbackADeviceMakesSyncAskForItsPassword) {
  const std::string password = AddDeviceDirectly("iphone");
  ExpectRefused(Dav(""));
  ExpectAdmitted(Dav(Basic("iphone", password)));
}

TEST_P(SyncAccess, AnAppPasswordAloneLetsTheServerStartBeyondLoopback) {
  StopServer();
  const http::ServerOptions options = OptionsFor("0.0.0.0");
  auto refused = http::Server::Start(options, clock_);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("kith device add"), std::string::npos) << refused.error().message;
  AddDeviceDirectly("iphone");
  EXPECT_TRUE(http::Server::Start(options, clock_));
  WithDatabase([](Context& context) { ASSERT_TRUE(RevokeDevice(context, "iphone")); });
  EXPECT_FALSE(http::Server::Start(options, clock_));
}

TEST_P(SyncAccess, BehindAProxyThePublicNameIsAcceptedAndNamedInLinks) {
  StopServer();
  public_url_ = "https://kith.example.net/";
  StartServer();
  auto proxied = client_->Get("/api/v1/session", {{"Host", "kith.example.net"}});
  ASSERT_TRUE(proxied);
  EXPECT_EQ(proxied->status, 200) << proxied->body;
  auto rebound = client_->Get("/api/v1/session", {{"Host", "evil.example"}});
  ASSERT_TRUE(rebound);
  EXPECT_EQ(rebound->status, 403);
  EXPECT_EQ(Expect(Send("POST", "/api/v1/devices", R"({"name": "iphone"})"), 201)["url"],
            "https://kith.example.net/dav/");
}

// ------------------------------------------------------------ the subscribed calendar

class CalendarFeed : public ServerTestOnBothStores {
 protected:
  std::string FeedPath() { return Expect(Send("GET", "/api/v1/calendar/subscription"), 200)["path"]; }

  void AddReminder(const std::string& note) {
    const json ada = AddPerson({{"name", "Ada Okafor " + note}});
    Expect(Send("POST", "/api/v1/contacts/" + std::to_string(ada["id"].get<int>()) + "/reminders",
                json({{"due", "2026-12-03"}, {"note", note}}).dump()),
           201);
  }

  // A calendar app: no cookie, no password.
  httplib::Result Fetch(const std::string& path, const httplib::Headers& headers = {}) {
    httplib::Client app("127.0.0.1", server_->port());
    return app.Get(path.c_str(), headers);
  }
};
KITH_ON_BOTH_STORES(CalendarFeed);

TEST_P(CalendarFeed, TheSecretUrlServesTheRemindersWithoutACookie) {
  AddReminder("send the deck");
  const std::string path = FeedPath();
  EXPECT_TRUE(path.starts_with("/ics/") && path.ends_with(".ics")) << path;
  EXPECT_EQ(path.size(), std::string("/ics/.ics").size() + 32);
  EXPECT_EQ(FeedPath(), path);  // the same until rotated
  auto feed = Fetch(path);
  ASSERT_TRUE(feed);
  EXPECT_EQ(feed->status, 200);
  EXPECT_EQ(feed->get_header_value("Content-Type"), "text/calendar; charset=utf-8");
  EXPECT_NE(feed->body.find("BEGIN:VCALENDAR"), std::string::npos);
  EXPECT_NE(feed->body.find("send the deck"), std::string::npos);
  EXPECT_TRUE(feed->get_header_value("ETag").starts_with("W/\""));
  EXPECT_EQ(feed->get_header_value("Last-Modified"), "Thu, 26 Nov 2026 12:00:00 GMT");
}

TEST_P(CalendarFeed, AWrongTokenIs404) {
  FeedPath();
  for (const char* path : {"/ics/00000000000000000000000000000000.ics", "/ics/abc.ics", "/ics/.ics"}) {
    auto feed = Fetch(path);
    ASSERT_TRUE(feed);
    EXPECT_EQ(feed->status, 404) << path;
    EXPECT_EQ(feed->body.find("BEGIN:VCALENDAR"), std::string::npos);
  }
}

TEST_P(CalendarFeed, ARevokedUrlIs404UntilANewOneIsAskedFor) {
  AddReminder("send the deck");
  const std::string path = FeedPath();
  auto revoked = Send("DELETE", "/api/v1/calendar/subscription");
  ASSERT_TRUE(revoked);
  ASSERT_EQ(revoked->status, 200) << revoked->body;
  EXPECT_EQ(json::parse(revoked->body)["revoked"], true);
  auto gone = Fetch(path);
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->status, 404);
  auto again = Send("DELETE", "/api/v1/calendar/subscription");
  ASSERT_TRUE(again);
  EXPECT_EQ(json::parse(again->body)["revoked"], false) << "nothing left to revoke";
  const std::string fresh = FeedPath();
  EXPECT_NE(fresh, path);
  EXPECT_EQ(Fetch(fresh)->status, 200);
  EXPECT_EQ(Fetch(path)->status, 404);
}

TEST_P(CalendarFeed, BeforeAnyUrlWasMadeNoTokenOpensIt) {
  auto feed = Fetch("/ics/00000000000000000000000000000000.ics");
  ASSERT_TRUE(feed);
  EXPECT_EQ(feed->status, 404);
}

TEST_P(CalendarFeed, PollingAnUnchangedFeedIsA304WithoutABody) {
  AddReminder("send the deck");
  const std::string path = FeedPath();
  auto first = Fetch(path);
  ASSERT_TRUE(first);
  const std::string etag = first->get_header_value("ETag");
  auto by_etag = Fetch(path, {{"If-None-Match", etag}});
  ASSERT_TRUE(by_etag);
  EXPECT_EQ(by_etag->status, 304);
  EXPECT_TRUE(by_etag->body.empty());
  EXPECT_EQ(by_etag->get_header_value("ETag"), etag);
  auto by_date = Fetch(path, {{"If-Modified-Since", first->get_header_value("Last-Modified")}});
  ASSERT_TRUE(by_date);
  EXPECT_EQ(by_date->status, 304);
  auto older = Fetch(path, {{"If-Modified-Since", "Wed, 25 Nov 2026 12:00:00 GMT"}});
  ASSERT_TRUE(older);
  EXPECT_EQ(older->status, 200);
}

TEST_P(CalendarFeed, ANewReminderChangesTheEtag) {
  AddReminder("send the deck");
  const std::string path = FeedPath();
  const std::string etag = Fetch(path)->get_header_value("ETag");
  AddReminder("book the flight");
  auto changed = Fetch(path, {{"If-None-Match", etag}});
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->status, 200);
  EXPECT_NE(changed->get_header_value("ETag"), etag);
  EXPECT_NE(changed->body.find("book the flight"), std::string::npos);
}

TEST_P(CalendarFeed, RenamingThePersonOrSnoozingTheReminderChangesTheEtag) {
  AddReminder("send the deck");
  const std::string path = FeedPath();
  const std::string first = Fetch(path)->get_header_value("ETag");
  const json reminders = Expect(Send("GET", "/api/v1/reminders"), 200);
  ASSERT_EQ(reminders.size(), 1U);
  const int contact = reminders[0]["contact_id"];
  Expect(Send("PATCH", "/api/v1/contacts/" + std::to_string(contact), R"({"name": "Ada Lindqvist"})"), 200);
  auto renamed = Fetch(path, {{"If-None-Match", first}});
  ASSERT_TRUE(renamed);
  EXPECT_EQ(renamed->status, 200);
  EXPECT_NE(renamed->body.find("Ada Lindqvist"), std::string::npos);
  EXPECT_NE(renamed->body.find("DTSTART;VALUE=DATE:20261203"), std::string::npos);
  const std::string second = renamed->get_header_value("ETag");
  EXPECT_NE(second, first);
  const int reminder = reminders[0]["id"];
  Expect(
      Send("POST", "/api/v1/reminders/" + std::to_string(reminder) + "/snooze", R"({"until": "2026-12-08"})"),
      200);
  auto snoozed = Fetch(path, {{"If-None-Match", second}});
  ASSERT_TRUE(snoozed);
  EXPECT_EQ(snoozed->status, 200);
  EXPECT_NE(snoozed->get_header_value("ETag"), second);
  EXPECT_EQ(snoozed->body.find("DTSTART;VALUE=DATE:20261203"), std::string::npos) << snoozed->body;
}

// More reminders than one page of the walk (2,000): the body is written as
// it is read, in chunks, and holds every one of them.
TEST_P(CalendarFeed, ALargeFeedIsStreamedWholeInChunks) {
  constexpr int kReminders = 4500;
  {
    auto store = OpenStore(DatabasePath());
    ASSERT_TRUE(store) << store.error().message;
    auto transaction = (*store)->Begin();
    ASSERT_TRUE(transaction);
    ContactFields ada;
    ada.display_name = "Ada Okafor";
    auto contact = (*store)->InsertContact(ada, "ada", "2026-11-26T12:00:00Z");
    ASSERT_TRUE(contact);
    for (int n = 0; n < kReminders; ++n) {
      Reminder reminder;
      reminder.contact = contact->id;
      reminder.due = Date{2026, 12, 1 + n % 28};
      reminder.note = "task " + std::to_string(n);
      reminder.created_on = Date{2026, 11, 26};
      ASSERT_TRUE((*store)->InsertReminder(reminder));
    }
    ASSERT_TRUE(transaction->Commit());
  }
  auto feed = Fetch(FeedPath());
  ASSERT_TRUE(feed);
  EXPECT_EQ(feed->status, 200);
  EXPECT_EQ(feed->get_header_value("Transfer-Encoding"), "chunked");
  EXPECT_FALSE(feed->has_header("Content-Length"));
  std::size_t events = 0;
  for (std::size_t at = feed->body.find("BEGIN:VEVENT"); at != std::string::npos;
       at = feed->body.find("BEGIN:VEVENT", at + 1)) {
    ++events;
  }
  EXPECT_EQ(events, static_cast<std::size_t>(kReminders));
  EXPECT_NE(feed->body.find("task 4499"), std::string::npos);
  EXPECT_TRUE(feed->body.ends_with("END:VCALENDAR\r\n"));
}

TEST_P(CalendarFeed, RotatingRetiresTheOldUrl) {
  const std::string old_path = FeedPath();
  const json rotated = Expect(Send("POST", "/api/v1/calendar/subscription/rotate"), 200);
  const std::string new_path = rotated["path"];
  EXPECT_NE(new_path, old_path);
  EXPECT_EQ(rotated["url"], "http://127.0.0.1:" + std::to_string(server_->port()) + new_path);
  EXPECT_EQ(Fetch(old_path)->status, 404);
  EXPECT_EQ(Fetch(new_path)->status, 200);
}

TEST_P(CalendarFeed, BeyondLoopbackTheUrlIsTheOnlyKeyNeeded) {
  const std::string path = FeedPath();
  StopServer();
  StartServer("0.0.0.0", "sesame-sesame");
  auto feed = Fetch(path);
  ASSERT_TRUE(feed);
  EXPECT_EQ(feed->status, 200);
  EXPECT_EQ(Fetch("/ics/00000000000000000000000000000000.ics")->status, 404);
}

}  // namespace
}  // namespace kith::testing
