// `kith device`, `kith ics --url/--rotate` and `kith serve --tls-*` from
// outside: what a person types to let a phone sync.
#include <regex>

#include "cli/cli_fixture.h"

namespace kith::testing {
namespace {

class DeviceCli : public CliTestOnBothStores {};
KITH_ON_BOTH_STORES(DeviceCli);

TEST_P(DeviceCli, AddPrintsTheThreeFieldsAsJson) {
  const json setup = KithJson({"device", "add", "iphone", "--server", "https://kith.example.net/"});
  ASSERT_TRUE(setup.is_object()) << setup.dump();
  EXPECT_EQ(setup.size(), 3U) << setup.dump();
  EXPECT_EQ(setup["url"], "https://kith.example.net/dav/");
  EXPECT_EQ(setup["username"], "iphone");
  EXPECT_TRUE(std::regex_match(setup["password"].get<std::string>(),
                               std::regex("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}")))
      << setup["password"];
}

TEST_P(DeviceCli, WithoutAServerTheDefaultAddressIsUsed) {
  EXPECT_EQ(KithJson({"device", "add", "iphone"})["url"], "http://127.0.0.1:8080/dav/");
}

TEST_P(DeviceCli, AddShowsThePasswordOnceWithAQrCode) {
  const KithRun run = Kith({"device", "add", "iphone"});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  EXPECT_TRUE(Contains(run.out, "user name  iphone"));
  EXPECT_TRUE(Contains(run.out, "server     http://127.0.0.1:8080/dav/"));
  EXPECT_TRUE(Contains(run.out, "shown only now"));
  EXPECT_TRUE(Contains(run.out, "█"));
  const std::regex password_line("password   ([a-z2-9-]{24})");
  std::smatch match;
  ASSERT_TRUE(std::regex_search(run.out, match, password_line)) << run.out;
  const KithRun list = Kith({"device", "list"});
  EXPECT_TRUE(Contains(list.out, "iphone"));
  EXPECT_EQ(list.out.find(match[1].str()), std::string::npos) << "the list shows the password";
}

TEST_P(DeviceCli, ListShowsDevicesAndRevokedOnes) {
  KithJson({"device", "add", "iphone"});
  KithJson({"device", "add", "thunderbird"});
  const json revoked = KithJson({"device", "revoke", "iphone"});
  EXPECT_EQ(revoked["name"], "iphone");
  EXPECT_FALSE(revoked["revoked_at"].is_null());
  const json devices = KithJson({"device", "list"});
  ASSERT_EQ(devices.size(), 2U);
  EXPECT_EQ(devices[0]["name"], "iphone");
  EXPECT_FALSE(devices[0]["revoked_at"].is_null());
  EXPECT_TRUE(devices[1]["revoked_at"].is_null());
  EXPECT_FALSE(devices[1].contains("password"));
  const KithRun text = Kith({"device", "list"});
  EXPECT_TRUE(Contains(text.out, "revoked 2026-11-26"));
  EXPECT_TRUE(Contains(text.out, "never synced"));
}

TEST_P(DeviceCli, RevokingAnUnknownDeviceFailsWithExit1) {
  const KithRun run = Kith({"device", "revoke", "ghost"});
  EXPECT_EQ(run.exit_code, 1) << Described(run);
  EXPECT_TRUE(Contains(run.err, "no device called 'ghost'"));
}

TEST_P(DeviceCli, ABadOrTakenNameWritesNothing) {
  KithJson({"device", "add", "iphone"});
  const KithRun taken = Kith({"device", "add", "IPHONE"});
  EXPECT_EQ(taken.exit_code, 1) << Described(taken);
  EXPECT_TRUE(Contains(taken.err, "already syncs"));
  const KithRun bad = Kith({"device", "add", "my phone"});
  EXPECT_EQ(bad.exit_code, 1) << Described(bad);
  EXPECT_TRUE(Contains(bad.err, "letters, digits"));
  EXPECT_EQ(KithJson({"device", "list"}).size(), 1U);
}

TEST_P(DeviceCli, ADeviceNeedsAName) {
  EXPECT_EQ(Kith({"device", "add"}).exit_code, 2);
  EXPECT_EQ(Kith({"device"}).exit_code, 2);
}

TEST_P(DeviceCli, IcsUrlIsStableUntilRotated) {
  const KithRun first = Kith({"ics", "--url", "--server", "https://kith.example.net"});
  ASSERT_EQ(first.exit_code, 0) << Described(first);
  EXPECT_TRUE(
      std::regex_match(first.out, std::regex("https://kith\\.example\\.net/ics/[0-9a-f]{32}\\.ics\n")))
      << first.out;
  EXPECT_EQ(Kith({"ics", "--url", "--server", "https://kith.example.net"}).out, first.out);
  const json rotated = KithJson({"ics", "--rotate"});
  EXPECT_TRUE(std::regex_match(rotated["path"].get<std::string>(), std::regex("/ics/[0-9a-f]{32}\\.ics")));
  EXPECT_EQ(first.out.find(rotated["path"].get<std::string>()), std::string::npos);
  EXPECT_EQ(rotated["url"], "http://127.0.0.1:8080" + rotated["path"].get<std::string>());
  EXPECT_EQ(Kith({"ics", "--url", "--rotate"}).exit_code, 2);
  EXPECT_EQ(Kith({"ics", "--url", "--revoke"}).exit_code, 2);
}

TEST_P(DeviceCli, IcsRevokeTakesTheUrlAwayUntilTheNextAsk) {
  const std::string first = KithJson({"ics", "--url"})["path"];
  const KithRun revoked = Kith({"ics", "--revoke"});
  ASSERT_EQ(revoked.exit_code, 0) << Described(revoked);
  EXPECT_EQ(revoked.out, "Revoked: the calendar address no longer answers.\n");
  EXPECT_EQ(KithJson({"ics", "--revoke"})["revoked"], false);
  const std::string fresh = KithJson({"ics", "--url"})["path"];
  EXPECT_NE(fresh, first);
  EXPECT_TRUE(std::regex_match(fresh, std::regex("/ics/[0-9a-f]{32}\\.ics"))) << fresh;
}

TEST_P(DeviceCli, ServeRefusesTlsFilesItCannotUse) {
  const KithRun missing = Kith(
      {"serve", "--port", "0", "--tls-cert", "/nonexistent/cert.pem", "--tls-key", "/nonexistent/key.pem"});
  EXPECT_EQ(missing.exit_code, 1) << Described(missing);
  EXPECT_TRUE(Contains(missing.err, "cannot read the TLS certificate '/nonexistent/cert.pem'"));
  const KithRun alone = Kith({"serve", "--port", "0", "--tls-cert", "/nonexistent/cert.pem"});
  EXPECT_EQ(alone.exit_code, 1) << Described(alone);
  EXPECT_TRUE(Contains(alone.err, "--tls-cert and --tls-key go together"));
}

TEST_P(DeviceCli, ServeRefusesAPublicUrlThatIsNoUrl) {
  const KithRun run = Kith({"serve", "--port", "0", "--public-url", "kith.example.net"});
  EXPECT_EQ(run.exit_code, 1) << Described(run);
  EXPECT_TRUE(Contains(run.err, "must start with http:// or https://"));
}

}  // namespace
}  // namespace kith::testing
