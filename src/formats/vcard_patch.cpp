#include "formats/vcard_patch.h"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "formats/vcard_content_line.h"
#include "formats/vcard_syntax.h"

namespace kith {
namespace {

// One logical line: its physical text as written (folds and line end
// included, so an untouched line is given back byte for byte) and its
// unfolded content.
struct LogicalLine {
  std::string written;
  std::string unfolded;
  std::string name;  // upper case, without group
  std::string group;
};

std::string Upper(std::string_view text) {
  std::string upper(text);
  std::transform(upper.begin(), upper.end(), upper.begin(), vcard::AsciiUpper);
  return upper;
}

std::vector<LogicalLine> SplitLines(std::string_view card) {
  std::vector<LogicalLine> lines;
  std::size_t at = 0;
  while (at < card.size()) {
    std::size_t end = card.find('\n', at);
    end = end == std::string_view::npos ? card.size() : end + 1;
    const std::string_view physical = card.substr(at, end - at);
    std::string_view content = physical;
    while (!content.empty() && (content.back() == '\n' || content.back() == '\r')) content.remove_suffix(1);
    const bool continuation = !lines.empty() && (physical.starts_with(' ') || physical.starts_with('\t'));
    if (continuation) {
      lines.back().written += physical;
      lines.back().unfolded += content.substr(1);
    } else {
      lines.push_back(LogicalLine{std::string(physical), std::string(content), "", ""});
    }
    at = end;
  }
  for (LogicalLine& line : lines) {
    line.name = Upper(vcard::PropertyName(line.unfolded));
    line.group = Upper(vcard::GroupOf(line.unfolded));
  }
  return lines;
}

std::string ValueOf(std::string_view unfolded) {
  const std::size_t colon = vcard::FindValueColon(unfolded);
  return colon == std::string_view::npos ? std::string() : std::string(unfolded.substr(colon + 1));
}

bool IsFrame(std::string_view name) {
  return name == "BEGIN" || name == "END" || name == "VERSION" || name == "PRODID" || name == "REV";
}

// Each property's lines, in order, by name.
std::map<std::string, std::vector<const LogicalLine*>> ByName(const std::vector<LogicalLine>& lines) {
  std::map<std::string, std::vector<const LogicalLine*>> by_name;
  for (const LogicalLine& line : lines) {
    if (!IsFrame(line.name) && !line.name.empty()) by_name[line.name].push_back(&line);
  }
  return by_name;
}

std::string LineEnd(std::string_view card) {
  return card.find("\r\n") != std::string_view::npos || card.find('\n') == std::string_view::npos ? "\r\n"
                                                                                                  : "\n";
}

std::string Written(const LogicalLine& line, std::string_view line_end) {
  std::string text = line.written;
  if (!text.ends_with('\n')) text += line_end;
  return text;
}

}  // namespace

std::string VCardVersionOf(std::string_view vcard) {
  for (const LogicalLine& line : SplitLines(vcard)) {
    if (line.name == "VERSION") return std::string(vcard::TrimSpaces(ValueOf(line.unfolded)));
  }
  return "";
}

std::string PatchVCard(std::string_view stored, std::string_view kith_before, std::string_view kith_after) {
  if (kith_before == kith_after) return std::string(stored);
  const std::vector<LogicalLine> before_lines = SplitLines(kith_before);
  const std::vector<LogicalLine> after_lines = SplitLines(kith_after);
  const auto before = ByName(before_lines);
  const auto after = ByName(after_lines);

  // The properties kith changed: their lines differ from before to after.
  std::set<std::string> changed;
  const auto lines_differ = [](const std::vector<const LogicalLine*>& a,
                               const std::vector<const LogicalLine*>& b) {
    return !std::equal(a.begin(), a.end(), b.begin(), b.end(),
                       [](const LogicalLine* x, const LogicalLine* y) { return x->unfolded == y->unfolded; });
  };
  static const std::vector<const LogicalLine*> kNone;
  for (const auto& [name, lines] : before) {
    const auto found = after.find(name);
    if (lines_differ(lines, found == after.end() ? kNone : found->second)) changed.insert(name);
  }
  for (const auto& [name, lines] : after) {
    if (!before.contains(name)) changed.insert(name);
  }
  if (changed.empty()) return std::string(stored);

  const std::vector<LogicalLine> stored_lines = SplitLines(stored);
  const auto stored_by_name = ByName(stored_lines);
  const std::string line_end = LineEnd(stored);

  // Which stored lines stay: one whose kith value is still there. The k-th
  // stored line of a property reads as kith's k-th line of it when both
  // have as many; otherwise the stored value itself is compared.
  std::set<const LogicalLine*> dropped;
  std::map<std::string, std::vector<bool>> after_used;
  for (const std::string& name : changed) {
    const auto after_found = after.find(name);
    const auto& wanted = after_found == after.end() ? kNone : after_found->second;
    std::vector<bool>& used = after_used[name];
    used.assign(wanted.size(), false);
    const auto stored_found = stored_by_name.find(name);
    if (stored_found == stored_by_name.end()) continue;
    const auto before_found = before.find(name);
    const auto& was = before_found == before.end() ? kNone : before_found->second;
    const bool aligned = was.size() == stored_found->second.size();
    for (std::size_t k = 0; k < stored_found->second.size(); ++k) {
      const LogicalLine* line = stored_found->second[k];
      const std::string value = aligned ? ValueOf(was[k]->unfolded) : ValueOf(line->unfolded);
      bool kept = false;
      for (std::size_t w = 0; w < wanted.size() && !kept; ++w) {
        if (!used[w] && ValueOf(wanted[w]->unfolded) == value) used[w] = kept = true;
      }
      if (!kept) dropped.insert(line);
    }
  }
  // A group whose every changed line went (item1.EMAIL) takes its label
  // lines (item1.X-ABLabel) with it.
  std::set<std::string> kept_groups;
  std::set<std::string> dropped_groups;
  for (const LogicalLine& line : stored_lines) {
    if (line.group.empty() || !changed.contains(line.name)) continue;
    (dropped.contains(&line) ? dropped_groups : kept_groups).insert(line.group);
  }

  // The last stored line of each changed property: where new values go.
  std::map<std::string, const LogicalLine*> last_of;
  for (const LogicalLine& line : stored_lines) {
    if (changed.contains(line.name)) last_of[line.name] = &line;
  }
  const auto added_lines = [&](const std::string& name) {
    std::string text;
    const auto found = after.find(name);
    if (found == after.end()) return text;
    const std::vector<bool>& used = after_used[name];
    for (std::size_t w = 0; w < found->second.size(); ++w) {
      if (!used[w]) text += Written(*found->second[w], line_end);
    }
    return text;
  };

  std::string patched;
  patched.reserve(stored.size() + kith_after.size());
  for (const LogicalLine& line : stored_lines) {
    if (line.name == "END") {
      for (const std::string& name : changed) {
        if (!last_of.contains(name)) patched += added_lines(name);
      }
    }
    const bool orphan =
        !line.group.empty() && dropped_groups.contains(line.group) && !kept_groups.contains(line.group);
    if (!dropped.contains(&line) && !orphan) patched += line.written;
    const auto last = last_of.find(line.name);
    if (last != last_of.end() && last->second == &line) patched += added_lines(line.name);
  }
  return patched;
}

}  // namespace kith
