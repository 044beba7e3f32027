#include "formats/ics_writer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/utf8.h"
#include "support/run_command.h"
#include "support/temp_database.h"

namespace kith {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

const std::filesystem::path kReader =
    std::filesystem::path(KITH_TEST_DATA) / ".." / "formats" / "read_ics.py";
constexpr std::string_view kNow = "2026-11-26T12:00:00Z";

using testing::CommandOutput;
using testing::RunCommand;

bool ReadersAvailable() {
  return std::filesystem::exists("/usr/bin/python3") &&
         RunCommand("/usr/bin/python3 -c 'import icalendar, vobject' 2>&1").status == 0;
}

std::vector<CalendarReminder> Reminders() {
  return {
      {"reminder-1@kith.4fbe8971", Date{2026, 11, 27}, "Follow up with Ada Okafor",
       "Met at RustConf, 2026; ask about compilers.\nThen: kith done 1", "follow-up", "2026-11-26T09:30:00Z"},
      {"reminder-2@kith.4fbe8971", Date{2026, 12, 31}, "Reconnect with Zoë Núñez, Mo; and friends",
       "Backslash \\ and \"quotes\", commas, semicolons; all kept", "reconnect", ""},
      {"reminder-3@kith.4fbe8971", Date{2027, 2, 28}, "Call Mo", "", "custom", "2026-01-02T03:04:05Z"},
  };
}

std::string Write(const std::vector<CalendarReminder>& reminders) {
  std::ostringstream out;
  const Status written = WriteCalendar(out, reminders, std::string(kNow));
  EXPECT_TRUE(written) << written.error().message;
  return out.str();
}

nlohmann::json ParseWithPython(const std::string& calendar) {
  testing::TempDirectory directory;
  const auto path = directory.path() / "reminders.ics";
  std::ofstream(path, std::ios::binary) << calendar;
  const CommandOutput output =
      RunCommand("/usr/bin/python3 " + kReader.string() + " " + path.string() + " 2>&1");
  EXPECT_EQ(output.status, 0) << output.text;
  return nlohmann::json::parse(output.text, nullptr, false);
}

TEST(WriteCalendar, IcalendarAndVobjectReadEveryEvent) {
  if (!ReadersAvailable())
    FAIL() << "python3-icalendar or python3-vobject is not installed (scripts/install-deps.sh installs them)";
  const nlohmann::json parsed = ParseWithPython(Write(Reminders()));
  ASSERT_FALSE(parsed.is_discarded());
  for (const char* reader : {"icalendar", "vobject"}) {
    SCOPED_TRACE(reader);
    const nlohmann::json& events = parsed[reader];
    ASSERT_EQ(events.size(), 3U);
    const std::vector<CalendarReminder> reminders = Reminders();
    for (std::size_t index = 0; index < reminders.size(); ++index) {
      const CalendarReminder& reminder = reminders[index];
      const nlohmann::json& event = events[index];
      EXPECT_EQ(event["calendar_name"], "kith reminders");
      EXPECT_EQ(event["uid"], reminder.uid);
      EXPECT_EQ(event["dtstart"], reminder.day.ToIso());
      EXPECT_EQ(event["dtend"], reminder.day.AddDays(1).ToIso());
      EXPECT_EQ(event["dtstamp"], "2026-11-26T12:00:00+00:00");
      const std::string created = reminder.created.empty() ? std::string(kNow) : reminder.created;
      EXPECT_EQ(event["created"], created.substr(0, 19) + "+00:00");
      EXPECT_EQ(event["summary"], reminder.summary);
      EXPECT_EQ(event["description"], reminder.description);
      EXPECT_EQ(event["categories"], nlohmann::json::array({reminder.category}));
      EXPECT_EQ(event["transp"], "TRANSPARENT");
      EXPECT_EQ(event["alarms"], 1);
      EXPECT_EQ(event["alarm_action"], "DISPLAY");
      EXPECT_EQ(event["alarm_trigger"], 9 * 60 * 60);
      EXPECT_EQ(event["alarm_related"], "START");
      EXPECT_EQ(event["alarm_description"], reminder.summary);
    }
  }
}

// RFC 5545 3.1: a line break followed by a space is a fold, not content.
std::string Unfolded(const std::string& text) {
  std::string unfolded;
  for (std::size_t index = 0; index < text.size(); ++index) {
    if (text.compare(index, 3, "\r\n ") == 0) {
      index += 2;
      continue;
    }
    unfolded += text[index];
  }
  return unfolded;
}

TEST(WriteCalendar, EscapesTextValues) {
  const std::string text = Unfolded(Write(Reminders()));
  EXPECT_THAT(text, HasSubstr("SUMMARY:Reconnect with Zoë Núñez\\, Mo\\; and friends\r\n"));
  EXPECT_THAT(text,
              HasSubstr("DESCRIPTION:Backslash \\\\ and \"quotes\"\\, commas\\, semicolons\\; all kept\r\n"));
  EXPECT_THAT(
      text, HasSubstr("DESCRIPTION:Met at RustConf\\, 2026\\; ask about compilers.\\nThen: kith done 1\r\n"));
}

TEST(WriteCalendar, WritesTheCalendarFrame) {
  const std::string text = Write(Reminders());
  EXPECT_THAT(text, StartsWith("BEGIN:VCALENDAR\r\n"));
  EXPECT_THAT(text, HasSubstr("\r\nVERSION:2.0\r\n"));
  EXPECT_THAT(text, HasSubstr("\r\nPRODID:-//kith//kith//EN\r\n"));
  EXPECT_THAT(text, HasSubstr("\r\nX-WR-CALNAME:kith reminders\r\n"));
  EXPECT_THAT(text, HasSubstr("\r\nDTSTART;VALUE=DATE:20261127\r\n"));
  EXPECT_THAT(text, HasSubstr("\r\nDTEND;VALUE=DATE:20261128\r\n"));
  EXPECT_THAT(text, HasSubstr("\r\nTRIGGER;RELATED=START:PT9H\r\n"));
  EXPECT_TRUE(text.ends_with("\r\nEND:VCALENDAR\r\n"));
  std::size_t events = 0;
  for (std::size_t at = text.find("BEGIN:VEVENT"); at != std::string::npos;
       at = text.find("BEGIN:VEVENT", at + 1)) {
    ++events;
  }
  EXPECT_EQ(events, 3U);
}

TEST(WriteCalendar, AnEmptyListIsAnEmptyCalendar) {
  const std::string text = Write({});
  EXPECT_THAT(text, StartsWith("BEGIN:VCALENDAR\r\n"));
  EXPECT_THAT(text, Not(HasSubstr("VEVENT")));
  EXPECT_TRUE(text.ends_with("END:VCALENDAR\r\n"));
}

TEST(WriteCalendar, TwoWritesAreIdentical) {
  // Calendar apps match events by UID; a re-export must not duplicate them.
  EXPECT_EQ(Write(Reminders()), Write(Reminders()));
}

TEST(WriteCalendar, FoldsLinesAt75OctetsWithoutSplittingCharacters) {
  CalendarReminder reminder = Reminders()[0];
  reminder.summary = "Follow up with Zoë Núñez about 日本語のテキスト and ";
  for (const char* emoji : {"😀", "😁", "😂", "🤣", "😃", "😄", "😅", "😆", "😉", "😊"}) reminder.summary += emoji;
  reminder.summary += " again";
  reminder.description.clear();
  for (int i = 0; i < 20; ++i) reminder.description += "ÄÖÜ€😀, ";
  const std::string text = Write({reminder});
  std::size_t start = 0;
  int continuation_lines = 0;
  while (start < text.size()) {
    const std::size_t end = text.find("\r\n", start);
    ASSERT_NE(end, std::string::npos) << "text after the last CRLF";
    const std::string line = text.substr(start, end - start);
    EXPECT_LE(line.size(), 75U) << line;
    EXPECT_EQ(line.find('\n'), std::string::npos);
    // A split character would decode to U+FFFD on one side of the fold.
    EXPECT_EQ(DecodeUtf8(line).find(U'\uFFFD'), std::u32string::npos) << "a split character in: " << line;
    if (line.starts_with(" ")) ++continuation_lines;
    start = end + 2;
  }
  EXPECT_GT(continuation_lines, 2);
  if (!ReadersAvailable())
    FAIL() << "python3-icalendar or python3-vobject is not installed (scripts/install-deps.sh installs them)";
  const nlohmann::json parsed = ParseWithPython(text);
  for (const char* reader : {"icalendar", "vobject"}) {
    EXPECT_EQ(parsed[reader][0]["summary"], reminder.summary) << reader;
    EXPECT_EQ(parsed[reader][0]["description"], reminder.description) << reader;
  }
}

TEST(WriteCalendar, LeavesOutEmptyDescriptionAndCategoryPerEvent) {
  std::vector<CalendarReminder> reminders = Reminders();
  reminders[0].description.clear();
  reminders[1].category.clear();
  reminders[2].description = "Ring Mo; then note it";
  const std::string text = Unfolded(Write(reminders));
  std::vector<std::string> events;
  for (std::size_t at = text.find("BEGIN:VEVENT"); at != std::string::npos;
       at = text.find("BEGIN:VEVENT", at + 1)) {
    events.push_back(text.substr(at, text.find("END:VEVENT", at) - at));
  }
  ASSERT_EQ(events.size(), 3U);
  // The alarm's DESCRIPTION is always there; the event's only with text.
  EXPECT_THAT(events[0], Not(HasSubstr("\r\nDESCRIPTION:Met at")));
  EXPECT_THAT(events[0], HasSubstr("\r\nCATEGORIES:follow-up\r\n"));
  EXPECT_THAT(events[1], HasSubstr("\r\nDESCRIPTION:Backslash"));
  EXPECT_THAT(events[1], Not(HasSubstr("CATEGORIES")));
  EXPECT_THAT(events[2], HasSubstr("\r\nDESCRIPTION:Ring Mo\\; then note it\r\n"));
  EXPECT_THAT(events[2], HasSubstr("\r\nCATEGORIES:custom\r\n"));
}

TEST(WriteCalendar, RejectsABadTimestamp) {
  std::ostringstream out;
  const Status written = WriteCalendar(out, Reminders(), "26/11/2026");
  ASSERT_FALSE(written);
  EXPECT_EQ(written.error().code, ErrorCode::kInvalidInput);
  EXPECT_TRUE(out.str().empty());
  std::vector<CalendarReminder> reminders = Reminders();
  reminders[1].created = "yesterday";
  const Status bad_created = WriteCalendar(out, reminders, std::string(kNow));
  ASSERT_FALSE(bad_created);
  EXPECT_EQ(bad_created.error().code, ErrorCode::kInvalidInput);
  EXPECT_THAT(bad_created.error().message, HasSubstr("yesterday"));
}

TEST(WriteCalendar, AFailingStreamIsAnIoError) {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  const Status written = WriteCalendar(out, Reminders(), std::string(kNow));
  ASSERT_FALSE(written);
  EXPECT_EQ(written.error().code, ErrorCode::kIo);
}

TEST(WriteCalendar, WrittenPageByPageIsTheSameFile) {
  const auto all = Reminders();
  ASSERT_GE(all.size(), 2U);
  std::ostringstream whole;
  ASSERT_TRUE(WriteCalendar(whole, all, std::string(kNow)));
  std::ostringstream paged;
  ASSERT_TRUE(WriteCalendarStart(paged, std::string(kNow)));
  const auto middle = all.begin() + static_cast<std::ptrdiff_t>(all.size() / 2);
  ASSERT_TRUE(WriteCalendarEvents(paged, {all.begin(), middle}, std::string(kNow)));
  ASSERT_TRUE(WriteCalendarEvents(paged, {middle, all.end()}, std::string(kNow)));
  ASSERT_TRUE(WriteCalendarEnd(paged));
  EXPECT_EQ(paged.str(), whole.str());
}

// tests/data/ics/libical_written.ics is what libical 3.0.16 wrote for the
// reminders beside it (control characters, separators, backslashes, lines
// folded inside and between multi-byte characters) when kith wrote calendars
// through it: calendar apps that compare files see the same bytes from
// kith's own writer.
TEST(WriteCalendar, WritesTheBytesLibicalWrote) {
  const std::filesystem::path folder = std::filesystem::path(KITH_TEST_DATA) / "ics";
  std::ifstream input(folder / "libical_written.jsonl");
  ASSERT_TRUE(input) << "missing " << (folder / "libical_written.jsonl");
  std::vector<CalendarReminder> reminders;
  for (std::string line; std::getline(input, line);) {
    const nlohmann::json row = nlohmann::json::parse(line);
    reminders.push_back({row.at("uid"),
                         Date{row.at("y").get<int>(), row.at("m").get<int>(), row.at("d").get<int>()},
                         row.at("summary"), row.at("description"), row.at("category"), row.at("created")});
  }
  ASSERT_EQ(reminders.size(), 73U);
  std::ifstream expected_file(folder / "libical_written.ics", std::ios::binary);
  const std::string expected((std::istreambuf_iterator<char>(expected_file)),
                             std::istreambuf_iterator<char>());
  const std::string written = Write(reminders);
  ASSERT_EQ(written.size(), expected.size());
  EXPECT_TRUE(written == expected) << "first difference at byte "
                                   << std::mismatch(written.begin(), written.end(), expected.begin()).first -
                                          written.begin();
}

TEST(WriteCalendar, AStreamStartedWithABadTimestampWritesNothing) {
  std::ostringstream out;
  const auto started = WriteCalendarStart(out, "yesterday");
  ASSERT_FALSE(started);
  EXPECT_EQ(started.error().code, ErrorCode::kInvalidInput);
  EXPECT_TRUE(out.str().empty());
}

}  // namespace
}  // namespace kith
