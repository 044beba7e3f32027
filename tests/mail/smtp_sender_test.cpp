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
#include "support/temp_database.h"

namespace kith {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const std::filesystem::path kSinkScript =
    std::filesystem::path(KITH_TEST_DATA) / ".." / "mail" / "smtp_sink.py";

bool SinkAvailable() {
  return std::filesystem::exists("/usr/bin/python3") &&
         std::system("/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1") == 0;
}

// tests/mail/smtp_sink.py as a child process: started on a free port, stopped
// (SIGTERM) when the test ends. Received messages land in directory().
class SmtpSink {
 public:
  explicit SmtpSink(const std::vector<std::string>& options) {
    std::array<int, 2> pipe_ends{};
    if (pipe(pipe_ends.data()) != 0) return;
    std::vector<std::string> arguments = {"/usr/bin/python3", kSinkScript.string(), "--directory",
                                          directory_.path().string()};
    arguments.insert(arguments.end(), options.begin(), options.end());
    pid_ = fork();
    if (pid_ == 0) {
      dup2(pipe_ends[1], STDOUT_FILENO);
      close(pipe_ends[0]);
      close(pipe_ends[1]);
      std::vector<char*> argv;
      argv.reserve(arguments.size() + 1);
      for (std::string& argument : arguments) argv.push_back(argument.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(pipe_ends[1]);
    // The sink prints its port once it accepts connections.
    std::string line;
    char character = 0;
    while (read(pipe_ends[0], &character, 1) == 1 && character != '\n') line += character;
    close(pipe_ends[0]);
    if (!line.empty()) port_ = std::stoi(line);
  }
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;
  ~SmtpSink() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
  }

  [[nodiscard]] int port() const { return port_; }

  [[nodiscard]] SmtpSettings Settings() const {
    SmtpSettings settings;
    settings.host = "127.0.0.1";
    settings.port = port_;
    settings.security = SmtpSecurity::kNone;
    settings.from = "ada@example.com";
    settings.timeout_seconds = 10;
    return settings;
  }

  // The messages the sink accepted, in order.
  [[nodiscard]] std::vector<nlohmann::json> Received() const {
    std::vector<nlohmann::json> messages;
    for (int index = 1;; ++index) {
      const auto path = directory_.path() / ("message-" + std::to_string(index) + ".json");
      if (!std::filesystem::exists(path)) break;
      std::ifstream in(path);
      messages.push_back(nlohmann::json::parse(in));
    }
    return messages;
  }

 private:
  testing::TempDirectory directory_;
  pid_t pid_ = -1;
  int port_ = 0;
};

#define REQUIRE_SINK(sink)                                                                                   \
  if (!SinkAvailable()) FAIL() << "python3-aiosmtpd is not installed (scripts/install-deps.sh installs it)"; \
  ASSERT_GT((sink).port(), 0) << "the SMTP sink did not start: " << kSinkScript.string()

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
  SmtpSink sink({});
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
  SmtpSink sink({});
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
  SmtpSink sink({"--user", "ada", "--password", "s3cret pass"});
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
  SmtpSink sink({"--user", "ada", "--password", "s3cret pass"});
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
  SmtpSink sink({"--user", "ada", "--password", "s3cret pass"});
  REQUIRE_SINK(sink);
  const Status sent = SendMail(sink.Settings(), {"zoe@example.org"}, FollowUpMessage());
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, ErrorCode::kIo);
  EXPECT_THAT(sent.error().message, HasSubstr("refused the sender: 530"));
}

TEST(SendMail, RefusedMessageQuotesTheServer) {
  SmtpSink sink({"--refuse", "data"});
  REQUIRE_SINK(sink);
  const Status sent = SendMail(sink.Settings(), {"zoe@example.org"}, FollowUpMessage());
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, ErrorCode::kIo);
  EXPECT_EQ(sent.error().message, "smtp://127.0.0.1:" + std::to_string(sink.port()) +
                                      " refused the message: 550 5.7.1 refused for the test");
}

TEST(SendMail, RefusedRecipientQuotesTheServer) {
  SmtpSink sink({"--refuse", "rcpt"});
  REQUIRE_SINK(sink);
  const Status sent = SendMail(sink.Settings(), {"zoe@example.org"}, FollowUpMessage());
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, ErrorCode::kIo);
  EXPECT_EQ(sent.error().message, "smtp://127.0.0.1:" + std::to_string(sink.port()) +
                                      " refused a recipient: 550 5.7.1 refused for the test");
}

TEST(SendMail, StartTlsIsRequiredWhenAsked) {
  // The sink offers no STARTTLS: kith must not fall back to clear text.
  SmtpSink sink({});
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
