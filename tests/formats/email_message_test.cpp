#include "formats/email_message.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/run_command.h"
#include "support/temp_database.h"

namespace kith {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

const std::filesystem::path kReader =
    std::filesystem::path(KITH_TEST_DATA) / ".." / "formats" / "read_eml.py";

using testing::CommandOutput;
using testing::RunCommand;

bool PythonAvailable() { return std::filesystem::exists("/usr/bin/python3"); }

// What Python's email package (policy.default) reads from each message.
std::vector<nlohmann::json> ParseWithPython(const std::vector<std::string>& messages) {
  testing::TempDirectory directory;
  std::string command = "/usr/bin/python3 " + kReader.string();
  for (std::size_t index = 0; index < messages.size(); ++index) {
    const auto path = directory.path() / ("message-" + std::to_string(index) + ".eml");
    std::ofstream(path, std::ios::binary) << messages[index];
    command += " " + path.string();
  }
  const CommandOutput output = RunCommand(command + " 2>&1");
  EXPECT_EQ(output.status, 0) << output.text;
  std::vector<nlohmann::json> parsed;
  std::istringstream lines(output.text);
  for (std::string line; std::getline(lines, line);)
    parsed.push_back(nlohmann::json::parse(line, nullptr, false));
  EXPECT_EQ(parsed.size(), messages.size()) << output.text;
  return parsed;
}

// The physical lines, each of which must end in CRLF.
std::vector<std::string> PhysicalLines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find("\r\n", start);
    if (end == std::string::npos) {
      ADD_FAILURE() << "text after the last CRLF: " << text.substr(start);
      break;
    }
    lines.push_back(text.substr(start, end - start));
    EXPECT_EQ(lines.back().find_first_of("\r\n"), std::string::npos) << "a bare CR or LF in " << lines.back();
    start = end + 2;
  }
  return lines;
}

const std::string kLongBody =
    "Hi Zoë,\n"
    "\n"
    "Thanks for the conversation at RustConf 2026 — I keep thinking about what you said about "
    "compilers that explain themselves, and how you got from physics into toolchains.\n"
    "Some text with = signs, 100% sure, and a tab\there.\n"
    "Trailing spaces stay   \n"
    "Trailing tab stays\t\n"
    "From here on, mbox readers would have mangled this line.\n"
    ".\n"
    "ÄÖÜäöüß€😀 repeated: ÄÖÜäöüß€😀ÄÖÜäöüß€😀ÄÖÜäöüß€😀ÄÖÜäöüß€😀ÄÖÜäöüß€😀ÄÖÜäöüß€😀ÄÖÜäöüß€😀\n" +
    std::string(200, 'x') +
    "\n"
    "\n"
    "Ada";

EmailMessage Rich() {
  EmailMessage message;
  message.from = "Ada Okafor <ada@example.com>";
  message.to = {"Zoë Núñez <zoe@example.org>", "\"Okafor, Ada\" <ada2@example.com>", "bare@example.net"};
  message.subject =
      "Schön, dich bei der RustConf kennengelernt zu haben — danke für den Kaffee ☕ 👋🏽 und die "
      "Ideen!";
  message.body = kLongBody;
  message.date = "Thu, 26 Nov 2026 12:00:00 +0000";
  message.message_id = "followup-12.1764158400@kith";
  return message;
}

TEST(WriteEmlMessage, PythonDecodesExactlyWhatWasWritten) {
  if (!PythonAvailable()) FAIL() << "/usr/bin/python3 is not installed (Debian package python3)";
  const std::vector<nlohmann::json> parsed = ParseWithPython({WriteEmlMessage(Rich())});
  ASSERT_EQ(parsed.size(), 1U);
  const nlohmann::json& message = parsed.front();
  ASSERT_FALSE(message.is_discarded());
  EXPECT_THAT(message["defects"].get<std::vector<std::string>>(), IsEmpty());
  EXPECT_EQ(message["subject"], Rich().subject);
  EXPECT_EQ(message["from"], nlohmann::json::parse(R"([["Ada Okafor", "ada@example.com"]])"));
  EXPECT_EQ(message["to"], nlohmann::json::parse(R"([["Zoë Núñez", "zoe@example.org"],
                                                     ["Okafor, Ada", "ada2@example.com"],
                                                     ["", "bare@example.net"]])"));
  // The writer ends the last line with a line break.
  EXPECT_EQ(message["body"], kLongBody + "\n");
  EXPECT_EQ(message["date"], "2026-11-26T12:00:00+00:00");
  EXPECT_EQ(message["message_id"], "<followup-12.1764158400@kith>");
  EXPECT_EQ(message["content_type"], "text/plain");
  EXPECT_EQ(message["charset"], "utf-8");
  EXPECT_EQ(message["transfer_encoding"], "quoted-printable");
  EXPECT_TRUE(message["x_unsent"].is_null());
  EXPECT_EQ(message["to_rfc2047"],
            "Zoë Núñez <zoe@example.org>, \"Okafor, Ada\" <ada2@example.com>, bare@example.net");
}

TEST(WriteEmlMessage, NamesAndSubjectsAreReadableQEncodedWords) {
  EmailMessage message = Rich();
  message.subject = "Café?";
  const std::string text = WriteEmlMessage(message);
  EXPECT_THAT(text, HasSubstr("\r\nTo: =?UTF-8?Q?Zo=C3=AB_N=C3=BA=C3=B1ez?= <zoe@example.org>,"));
  EXPECT_THAT(text, HasSubstr("\r\nSubject: =?UTF-8?Q?Caf=C3=A9=3F?=\r\n"));
}

TEST(WriteEmlMessage, EncodedWordsHoldWholeCharactersAndStayShort) {
  if (!PythonAvailable()) FAIL() << "/usr/bin/python3 is not installed (Debian package python3)";
  // Four-byte emoji from the first column on make every split point matter.
  EmailMessage message = Rich();
  message.subject.clear();
  for (const char* emoji : {"😀", "😁", "😂", "🤣", "😃", "😄", "😅", "😆", "😉", "😊", "😋", "😎"}) {
    message.subject.append(emoji).append(emoji).append(emoji);
  }
  message.to = {"Zoë Zoë Zoë Zoë Zoë Zoë Zoë Zoë Zoë Zoë Zoë Zoë Zoë Zoë Zoë Zoë Núñez <zoe@example.org>"};
  const std::vector<nlohmann::json> parsed = ParseWithPython({WriteEmlMessage(message)});
  ASSERT_EQ(parsed.size(), 1U);
  EXPECT_EQ(parsed[0]["subject"], message.subject);
  // A name this long needs several encoded words; RFC 2047 decoding joins
  // them exactly. (Python's address parser keeps the folding space between
  // them, so only the RFC 2047 reading is compared.)
  EXPECT_EQ(parsed[0]["to_rfc2047"], message.to[0]);
  ASSERT_GT(parsed[0]["encoded_words"].size(), 3U);
  for (const nlohmann::json& word : parsed[0]["encoded_words"]) {
    EXPECT_TRUE(word["whole_characters"].get<bool>());
    EXPECT_LE(word["length"].get<int>(), 75);
  }
}

TEST(WriteEmlMessage, LinesEndInCrlfAndRespectTheLimits) {
  const std::string text = WriteEmlMessage(Rich());
  const std::vector<std::string> lines = PhysicalLines(text);
  bool in_body = false;
  for (const std::string& line : lines) {
    if (line.empty()) in_body = true;
    EXPECT_LE(line.size(), in_body ? 76U : 78U) << line;
    for (const char character : line) {
      EXPECT_LT(static_cast<unsigned char>(character), 0x80) << "a raw 8-bit byte in " << line;
    }
  }
  EXPECT_TRUE(in_body);
}

TEST(WriteEmlMessage, BodiesOfEveryLengthRoundTrip) {
  if (!PythonAvailable()) FAIL() << "/usr/bin/python3 is not installed (Debian package python3)";
  // Line lengths around the 76-column limit, with escapes falling on the
  // soft-break boundary in every position.
  std::vector<std::string> messages;
  std::vector<std::string> bodies;
  for (std::size_t length = 70; length < 84; ++length) {
    for (const std::string_view filler : {"a", "=", "é", " "}) {
      std::string line;
      while (line.size() < length) line += filler;
      line += "z";
      EmailMessage message;
      message.to = {"zoe@example.org"};
      message.subject = "Length " + std::to_string(length);
      message.body.append(line).append("\n").append(line).append(" \n");
      bodies.push_back(message.body);
      messages.push_back(WriteEmlMessage(message));
      for (const std::string& physical : PhysicalLines(messages.back())) EXPECT_LE(physical.size(), 78U);
    }
  }
  const std::vector<nlohmann::json> parsed = ParseWithPython(messages);
  ASSERT_EQ(parsed.size(), bodies.size());
  for (std::size_t index = 0; index < bodies.size(); ++index) {
    EXPECT_EQ(parsed[index]["body"], bodies[index]) << messages[index];
  }
}

TEST(WriteEmlMessage, AsciiSubjectStaysReadableAndFoldsLosslessly) {
  EmailMessage message;
  message.to = {"zoe@example.org"};
  message.subject =
      "A plain subject that is long enough to need folding because it goes on and on past seventy-eight "
      "columns,  with two spaces";
  const std::string text = WriteEmlMessage(message);
  EXPECT_THAT(text, HasSubstr("Subject: A plain subject"));
  EXPECT_THAT(text, Not(HasSubstr("=?")));
  if (!PythonAvailable()) FAIL() << "/usr/bin/python3 is not installed (Debian package python3)";
  const std::vector<nlohmann::json> parsed = ParseWithPython({text});
  ASSERT_EQ(parsed.size(), 1U);
  EXPECT_EQ(parsed[0]["subject"], message.subject);
}

TEST(WriteEmlMessage, DraftWithoutFromIsMarkedUnsent) {
  EmailMessage message;
  message.to = {"zoe@example.org"};
  message.subject = "Hello";
  message.body = "Hi";
  const std::string text = WriteEmlMessage(message);
  EXPECT_THAT(text, HasSubstr("\r\nX-Unsent: 1\r\n"));
  EXPECT_THAT(text, Not(HasSubstr("From:")));
  message.from = "ada@example.com";
  EXPECT_THAT(WriteEmlMessage(message), Not(HasSubstr("X-Unsent")));
}

TEST(WriteEmlMessage, LineBreaksInHeaderValuesCannotAddHeaders) {
  EmailMessage message;
  message.to = {"zoe@example.org"};
  message.subject = "Hello\r\nBcc: eve@example.net";
  const std::string text = WriteEmlMessage(message);
  EXPECT_THAT(text, Not(HasSubstr("\r\nBcc:")));
}

TEST(WriteEmlMessage, WritesTheMimeHeaders) {
  const std::string text = WriteEmlMessage(Rich());
  EXPECT_THAT(text, HasSubstr("\r\nMIME-Version: 1.0\r\n"));
  EXPECT_THAT(text, HasSubstr("\r\nContent-Type: text/plain; charset=utf-8\r\n"));
  EXPECT_THAT(text, HasSubstr("\r\nContent-Transfer-Encoding: quoted-printable\r\n"));
  EXPECT_THAT(text, HasSubstr("\r\nDate: Thu, 26 Nov 2026 12:00:00 +0000\r\n"));
  EXPECT_THAT(text, HasSubstr("\r\nMessage-ID: <followup-12.1764158400@kith>\r\n"));
  EXPECT_THAT(text, HasSubstr("\r\n\r\n"));
}

TEST(Rfc5322Date, FormatsUtcTimestamps) {
  EXPECT_EQ(Rfc5322Date("2026-11-26T12:00:00Z"), "Thu, 26 Nov 2026 12:00:00 +0000");
  EXPECT_EQ(Rfc5322Date("1970-01-01T00:00:00Z"), "Thu, 01 Jan 1970 00:00:00 +0000");
  EXPECT_EQ(Rfc5322Date("2024-02-29T23:59:59.250Z"), "Thu, 29 Feb 2024 23:59:59 +0000");
  EXPECT_EQ(Rfc5322Date("2027-01-03T08:05:09Z"), "Sun, 03 Jan 2027 08:05:09 +0000");
}

TEST(Rfc5322Date, RejectsWhatIsNotAUtcTimestamp) {
  EXPECT_EQ(Rfc5322Date(""), "");
  EXPECT_EQ(Rfc5322Date("2026-11-26"), "");
  EXPECT_EQ(Rfc5322Date("2026-11-26T12:00:00+01:00"), "");
  EXPECT_EQ(Rfc5322Date("2026-02-30T12:00:00Z"), "");
  EXPECT_EQ(Rfc5322Date("2026-11-26T25:00:00Z"), "");
}

TEST(MailtoLink, PercentEncodesEverythingButUnreservedCharacters) {
  EXPECT_EQ(MailtoLink("zoe@example.org", "Hi & welcome?", "Line one\nZoë = 100%"),
            "mailto:zoe@example.org?subject=Hi%20%26%20welcome%3F"
            "&body=Line%20one%0D%0AZo%C3%AB%20%3D%20100%25");
}

TEST(MailtoLink, OmitsEmptyParts) {
  EXPECT_EQ(MailtoLink("zoe@example.org", "", ""), "mailto:zoe@example.org");
  EXPECT_EQ(MailtoLink("", "", "Hi"), "mailto:?body=Hi");
  EXPECT_EQ(MailtoLink("a@example.org,b@example.org", "x+y", ""),
            "mailto:a@example.org,b@example.org?subject=x%2By");
}

TEST(MailtoLink, PythonUrllibReadsBackTheSameText) {
  if (!PythonAvailable()) FAIL() << "/usr/bin/python3 is not installed (Debian package python3)";
  const std::string subject = "Good to meet you at Café Zoë & co? #1 + more; a=b/c";
  const std::string body =
      "Hi Zoë,\n\nLine two with 100% & ?x=y#frag\r\nemoji 👋🏽 and trailing space \n";
  const std::string link = MailtoLink("zoë+tag@example.org", subject, body);
  testing::TempDirectory directory;
  const auto link_file = directory.path() / "link.txt";
  std::ofstream(link_file, std::ios::binary) << link;
  const auto script = directory.path() / "read.py";
  std::ofstream(script)
      << "import json, sys, urllib.parse\n"
         "link = open(sys.argv[1], encoding='ascii').read()\n"
         "parts = urllib.parse.urlsplit(link)\n"
         "query = urllib.parse.parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)\n"
         "print(json.dumps({'scheme': parts.scheme, 'to': urllib.parse.unquote(parts.path),\n"
         "  'subject': query['subject'], 'body': query['body']}, ensure_ascii=False))\n";
  const CommandOutput output =
      RunCommand("/usr/bin/python3 " + script.string() + " " + link_file.string() + " 2>&1");
  ASSERT_EQ(output.status, 0) << output.text;
  const nlohmann::json parsed = nlohmann::json::parse(output.text);
  EXPECT_EQ(parsed["scheme"], "mailto");
  EXPECT_EQ(parsed["to"], "zoë+tag@example.org");
  EXPECT_THAT(parsed["subject"].get<std::vector<std::string>>(), ElementsAre(subject));
  EXPECT_THAT(
      parsed["body"].get<std::vector<std::string>>(),
      ElementsAre(
          "Hi Zoë,\r\n\r\nLine two with 100% & ?x=y#frag\r\nemoji 👋🏽 and trailing space \r\n"));
}

}  // namespace
}  // namespace kith
