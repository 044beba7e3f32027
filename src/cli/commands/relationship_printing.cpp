#include "cli/commands/relationship_printing.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <ostream>

#include "app/durable_file.h"
#include "cli/printing.h"

namespace kith::cli {

Result<Date> ParseDateFlag(std::string_view flag, std::string_view text) {
  auto date = ParseIsoDate(text);
  if (!date) {
    std::string field(flag);
    while (!field.empty() && field.front() == '-') field.erase(field.begin());
    return Fail(ErrorCode::kInvalidInput, std::string(flag) + " " + date.error().message, field);
  }
  return *date;
}

void PrintLedgerEntry(std::ostream& out, const LedgerEntry& entry, LedgerLineId id) {
  out << "  ";
  if (id == LedgerLineId::kShown) out << "#" << entry.id.value << "  ";
  out << entry.on.ToIso() << "  ";
  switch (entry.kind) {
    case LedgerKind::kGive:
      out << (entry.direction == LedgerDirection::kFromMe ? "you gave: " : "they gave: ");
      break;
    case LedgerKind::kAsk:
      out << (entry.direction == LedgerDirection::kToMe ? "they asked: " : "you asked: ");
      break;
    case LedgerKind::kIntro:
      out << "you ";
      break;
  }
  out << entry.what;
  if (!entry.why.empty()) out << " — " << entry.why;
  if (entry.outcome != LedgerOutcome::kOpen) out << "  [" << LedgerOutcomeName(entry.outcome) << "]";
  out << '\n';
}

Result<std::optional<Date>> ParseOptionalDateFlag(std::string_view flag, std::string_view text) {
  if (text.empty()) return std::optional<Date>();
  KITH_ASSIGN_OR_RETURN(Date date, ParseDateFlag(flag, text));
  return std::optional<Date>(date);
}

std::string DueWords(Date due, Date today) {
  const std::int64_t days = DaysBetween(today, due);
  if (days == 0) return "due today";
  if (days == 1) return "due tomorrow";
  if (days > 1) return "due in " + std::to_string(days) + " days";
  return std::to_string(-days) + (days == -1 ? " day overdue" : " days overdue");
}

std::string ReminderWhen(const Reminder& reminder, Date today) {
  std::string when = DueWords(reminder.due, today);
  if (reminder.snoozed_until && *reminder.snoozed_until > today) {
    when += ", snoozed until " + reminder.snoozed_until->ToIso();
  }
  return when;
}

std::string KeyWords(std::string_view key) {
  std::string words(key);
  std::replace(words.begin(), words.end(), '_', ' ');
  return words;
}

std::string HealthWords(int score, std::string_view label) {
  return std::to_string(score) + "/100 · " + std::string(label);
}

std::string PadTo(std::string_view text, int width) {
  std::string padded(text);
  padded.append(static_cast<std::size_t>(std::max(0, width - DisplayWidth(text))), ' ');
  return padded;
}

void PrintFacts(std::ostream& out, const std::vector<Fact>& facts, int indent) {
  int width = 0;
  for (const auto& fact : facts) width = std::max(width, DisplayWidth(KeyWords(fact.key)));
  const std::string margin(static_cast<std::size_t>(indent), ' ');
  for (const auto& fact : facts) {
    out << margin << PadTo(KeyWords(fact.key), width) << "  " << fact.value
        << (fact.visibility == Visibility::kPrivate ? "  (private)" : "") << '\n';
  }
}

void PrintInteraction(std::ostream& out, const Interaction& interaction, int indent) {
  std::string line = std::string(static_cast<std::size_t>(indent), ' ') + interaction.on.ToIso() + "  " +
                     PadTo(InteractionKindName(interaction.kind), 8);
  if (interaction.they_talked) line += "  they talked " + std::to_string(*interaction.they_talked) + "%";
  if (!interaction.summary.empty()) line += "  " + interaction.summary;
  // In a shared workspace: who was there, and whether only they see it.
  if (!interaction.author.empty()) line += "  — logged by " + interaction.author;
  if (interaction.visibility == Visibility::kPrivate) line += "  (private)";
  while (!line.empty() && line.back() == ' ') line.pop_back();
  out << line << '\n';
}

void PrintHealth(std::ostream& out, const Health& health, int indent) {
  const std::string margin(static_cast<std::size_t>(indent), ' ');
  out << margin << HealthWords(health.score, health.label);
  if (!health.explanation.empty()) out << " — " << health.explanation;
  out << '\n';
  int width = 0;
  for (const auto& part : health.parts) width = std::max(width, DisplayWidth(part.name));
  for (const auto& part : health.parts) {
    const std::string points = std::to_string(part.points);
    out << margin << "  " << PadTo(part.name, width) << "  "
        << std::string(points.size() < 2 ? 2 - points.size() : 0, ' ') << points << "/" << part.max_points;
    if (!part.why.empty()) out << "  " << part.why;
    out << '\n';
  }
}

Status WriteFileWhole(const std::string& path, std::string_view content) {
  return WriteFileDurably(path, "file", content);
}

Result<std::string> ReadFileWhole(const std::string& path) {
  if (path == "-") {
    return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) return Fail(ErrorCode::kIo, "cannot read " + path + ": " + std::strerror(errno), "file");
  std::string content((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  if (file.bad()) return Fail(ErrorCode::kIo, "cannot read " + path, "file");
  return content;
}

}  // namespace kith::cli
