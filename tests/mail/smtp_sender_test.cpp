#include "mail/smtp_sender.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "formats/email_message.h"
#include "support/smtp_sink.h"
#include "support/temp_database.h"

namespace kith {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// A sink for one test, with its own inbox folder, and the settings that reach it.
class TestSink {
 public:
  explicit TestSink(const std::vector<std::string>& options) : sink_(inbox_.path(), options) {}

  [[nodiscard]] int port() const { return sink_.port(); }
  [[nodiscard]] std::vector<nlohmann::json> Received() const { return sink_.Received(); }

  [[nodiscard]] SmtpSettings Settings() const {
    SmtpSettings settings;
    settings.host = "127.0.0.1";
    settings.port = sink_.port();
    settings.security = SmtpSecurity::kNone;
    settings.from = "ada@example.com";
    settings.timeout_seconds = 10;
    return settings;
  }

 private:
  testing::TempDirectory inbox_;  // made before the sink that writes into it
  testing::SmtpSink sink_;
};

#define REQUIRE_SINK(sink)                                                               \
  if (!testing::SmtpSinkAvailable())                                                     \
    FAIL() << "python3-aiosmtpd is not installed (scripts/install-deps.sh installs it)"; \
  ASSERT_GT((sink).port(), 0) << "the SMTP sink did not start: " << testing::SmtpSinkScript().string()

std::string FollowUpMessage() {
  EmailMessage message;
  message.from = "Ada Okafor <ada@example.com>";
  message.to = {"Zoë Núñez <zoe@example.org>"};
  message.subject = "Schön, dich kennenzulernen ☕";
  message.body = "Hi Zoë,\n\nThanks for the conversation at RustConf.\n.\nA line with a dot alone above.\n";
  message.date = "Thu, 26 Nov 2026 12:00:00 +0000";
  message.message_id = "followup-12.1764158400@kith";
  return WriteEmlMessage(message);
}

// A port on which nothing listens: bound, read, and released again.
int FreePort() {
  const int socket_handle = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof(address);
  const bool bound = bind(socket_handle, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0 &&
                     getsockname(socket_handle, reinterpret_cast<sockaddr*>(&address), &length) == 0;
  close(socket_handle);
  EXPECT_TRUE(bound) << "could not find a free port";
  return ntohs(address.sin_port);
}

TEST(SendMail, DeliversTheMessageToTheServer) {
  TestSink sink({});
  REQUIRE_SINK(sink);
  const Status sent = SendMail(sink.Settings(), {"Zoë Núñez <zoe@example.org>"}, FollowUpMessage());
  ASSERT_TRUE(sent) << sent.error().message;

  const std::vector<nlohmann::json> received = sink.Received();
  ASSERT_EQ(received.size(), 1U);
  const nlohmann::json& message = received.front();
  EXPECT_EQ(message["mail_from"], "ada@example.com");
  EXPECT_THAT(message["rcpt_tos"].get<std::vector<std::string>>(), ElementsAre("zoe@example.org"));
  EXPECT_FALSE(message["authenticated"].get<bool>());
  EXPECT_EQ(message["from"], "Ada Okafor <ada@example.com>");
  EXPECT_THAT(message["to"].get<std::vector<std::string>>(), ElementsAre("zoe@example.org"));
  EXPECT_THAT(message["to_names"].get<std::vector<std::string>>(), ElementsAre("Zoë Núñez"));
  EXPECT_EQ(message["subject"], "Schön, dich kennenzulernen ☕");
  // The lone "." survives SMTP's end-of-data marker (dot-stuffing).
  EXPECT_EQ(message["body"],
            "Hi Zoë,\n\nThanks for the conversation at RustConf.\n.\nA line with a dot alone above.\n");
}

TEST(SendMail, DeliversToEveryRecipient) {
  TestSink sink({});
  REQUIRE_SINK(sink);
  const Status sent =
      SendMail(sink.Settings(), {"zoe@example.org", "Mo <mo@example.net>"}, FollowUpMessage());
  ASSERT_TRUE(sent) << sent.error().message;
  const std::vector<nlohmann::json> received = sink.Received();
  ASSERT_EQ(received.size(), 1U);
  EXPECT_THAT(received.front()["rcpt_tos"].get<std::vector<std::string>>(),
              ElementsAre("zoe@example.org", "mo@example.net"));
}

TEST(SendMail, LogsInWhenTheServerRequiresIt) {
  TestSink sink({"--user", "ada", "--password", "s3cret pass"});
  REQUIRE_SINK(sink);
  SmtpSettings settings = sink.Settings();
  settings.username = "ada";
  settings.password = "s3cret pass";
  const Status sent = SendMail(settings, {"zoe@example.org"}, FollowUpMessage());
  ASSERT_TRUE(sent) << sent.error().message;
  const std::vector<nlohmann::json> received = sink.Received();
  ASSERT_EQ(received.size(), 1U);
  EXPECT_TRUE(received.front()["authenticated"].get<bool>());
}

TEST(SendMail, WrongPasswordNamesTheServerAndQuotesIt) {
  TestSink sink({"--user", "ada", "--password", "s3cret pass"});
  REQUIRE_SINK(sink);
  SmtpSettings settings = sink.Settings();
  settings.username = "ada";
  settings.password = "wrong";
  const Status sent = SendMail(settings, {"zoe@example.org"}, FollowUpMessage());
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, ErrorCode::kIo);
  const std::string url = "smtp://127.0.0.1:" + std::to_string(sink.port());
  EXPECT_THAT(sent.error().message, HasSubstr(url + " refused the login: 535"));
  EXPECT_THAT(sent.error().message, ::testing::Not(HasSubstr("wrong")));
  EXPECT_TRUE(sink.Received().empty());
}

TEST(SendMail, MissingLoginQuotesTheServer) {
  TestSink sink({"--user", "ada", "--password", "s3cret pass"});
  REQUIRE_SINK(sink);
  const Status sent = SendMail(sink.Settings(), {"zoe@example.org"}, FollowUpMessage());
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, ErrorCode::kIo);
  EXPECT_THAT(sent.error().message, HasSubstr("refused the sender: 530"));
}

TEST(SendMail, RefusedMessageQuotesTheServer) {
  TestSink sink({"--refuse", "data"});
  REQUIRE_SINK(sink);
  const Status sent = SendMail(sink.Settings(), {"zoe@example.org"}, FollowUpMessage());
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, ErrorCode::kIo);
  EXPECT_EQ(sent.error().message, "smtp://127.0.0.1:" + std::to_string(sink.port()) +
                                      " refused the message: 550 5.7.1 refused for the test");
}

TEST(SendMail, RefusedRecipientQuotesTheServer) {
  TestSink sink({"--refuse", "rcpt"});
  REQUIRE_SINK(sink);
  const Status sent = SendMail(sink.Settings(), {"zoe@example.org"}, FollowUpMessage());
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, ErrorCode::kIo);
  EXPECT_EQ(sent.error().message, "smtp://127.0.0.1:" + std::to_string(sink.port()) +
                                      " refused a recipient: 550 5.7.1 refused for the test");
}

TEST(SendMail, StartTlsIsRequiredWhenAsked) {
  // The sink offers no STARTTLS: kith must not fall back to clear text.
  TestSink sink({});
  REQUIRE_SINK(sink);
  SmtpSettings settings = sink.Settings();
  settings.security = SmtpSecurity::kStartTls;
  const Status sent = SendMail(settings, {"zoe@example.org"}, FollowUpMessage());
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, ErrorCode::kIo);
  EXPECT_THAT(sent.error().message, HasSubstr("does not offer STARTTLS"));
  EXPECT_TRUE(sink.Received().empty());
}

TEST(SendMail, UnreachableServerSaysSo) {
  SmtpSettings settings;
  settings.host = "127.0.0.1";
  settings.port = FreePort();
  settings.security = SmtpSecurity::kNone;
  settings.from = "ada@example.com";
  settings.timeout_seconds = 5;
  const Status sent = SendMail(settings, {"zoe@example.org"}, FollowUpMessage());
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, ErrorCode::kIo);
  EXPECT_THAT(sent.error().message,
              HasSubstr("could not reach smtp://127.0.0.1:" + std::to_string(settings.port) + ": "));
}

TEST(SendMail, ImplicitTlsUsesSmtpsInTheUrl) {
  SmtpSettings settings;
  settings.host = "127.0.0.1";
  settings.port = FreePort();
  settings.security = SmtpSecurity::kTls;
  settings.from = "ada@example.com";
  const Status sent = SendMail(settings, {"zoe@example.org"}, FollowUpMessage());
  ASSERT_FALSE(sent);
  EXPECT_THAT(sent.error().message, HasSubstr("smtps://127.0.0.1:" + std::to_string(settings.port)));
}

TEST(SendMail, RejectsMissingHost) {
  SmtpSettings settings;
  settings.from = "ada@example.com";
  const Status sent = SendMail(settings, {"zoe@example.org"}, "x");
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(sent.error().field, "host");
}

TEST(SendMail, RejectsMissingSender) {
  SmtpSettings settings;
  settings.host = "smtp.example.com";
  const Status sent = SendMail(settings, {"zoe@example.org"}, "x");
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(sent.error().field, "from");
}

TEST(SendMail, RejectsNoRecipients) {
  SmtpSettings settings;
  settings.host = "smtp.example.com";
  settings.from = "ada@example.com";
  const Status sent = SendMail(settings, {}, "x");
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(sent.error().field, "to");
}

TEST(SendMail, RejectsARecipientThatWouldInjectCommands) {
  SmtpSettings settings;
  settings.host = "smtp.example.com";
  settings.from = "ada@example.com";
  const Status sent = SendMail(settings, {"zoe@example.org>\r\nRCPT TO:<eve@example.net"}, "x");
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, ErrorCode::kInvalidInput);
}

}  // namespace
}  // namespace kith
