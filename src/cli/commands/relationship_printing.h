// What the relationship commands share: reading date flags, and saying dates,
// reminders, facts, talks and health the same way on every screen.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agenda/health.h"
#include "domain/date.h"
#include "domain/give.h"
#include "domain/relationship.h"
#include "domain/result.h"

namespace kith::cli {

// Parses the value of a date flag; kInvalidInput naming the flag and the
// date ("--on 2026-02-30: February 2026 has 28 days"). Empty text is no date.
Result<Date> ParseDateFlag(std::string_view flag, std::string_view text);
Result<std::optional<Date>> ParseOptionalDateFlag(std::string_view flag, std::string_view text);

// When a reminder is due, as a person says it: "due today", "due tomorrow",
// "due in 5 days", "1 day overdue", "4 days overdue".
std::string DueWords(Date due, Date today);
// DueWords plus "snoozed until …" when a snooze hides it.
std::string ReminderWhen(const Reminder& reminder, Date today);
// "hometown", "current work": a fact key as words.
std::string KeyWords(std::string_view key);
// "72/100 · strong".
std::string HealthWords(int score, std::string_view label);

// `text` padded with spaces to `width` terminal columns.
std::string PadTo(std::string_view text, int width);

// Facts as aligned "key  value" rows under `indent` spaces.
void PrintFacts(std::ostream& out, const std::vector<Fact>& facts, int indent);
// "2026-11-20  coffee   they talked 65%  Talked about her studio".
void PrintInteraction(std::ostream& out, const Interaction& interaction, int indent);
// One ledger line: "  #17  2026-11-20  you gave: a review — why  [accepted]"
// (the "#17" only with kShown, where the entry's id is what to type next).
enum class LedgerLineId { kShown, kLeftOut };
void PrintLedgerEntry(std::ostream& out, const LedgerEntry& entry, LedgerLineId id);
// Score, label and explanation, then each part with its reason.
void PrintHealth(std::ostream& out, const Health& health, int indent);

// Writes `content` to `path` through "PATH.partial" and a rename, so a
// reader never sees half a file; kIo naming the path otherwise.
Status WriteFileWhole(const std::string& path, std::string_view content);
// The whole file ("-": standard input); kIo naming the path.
Result<std::string> ReadFileWhole(const std::string& path);

}  // namespace kith::cli
