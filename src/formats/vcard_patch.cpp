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
  // The X-ABLabel lines of its group, which travel with it: a label is part
  // of the value it names.
  std::vector<const LogicalLine*> labels;
};

constexpr std::string_view kLabel = "X-ABLABEL";

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
      lines.push_back(LogicalLine{std::string(physical), std::string(content), "", "", {}});
    }
    at = end;
  }
  for (LogicalLine& line : lines) {
    line.name = Upper(vcard::PropertyName(line.unfolded));
    line.group = Upper(vcard::GroupOf(line.unfolded));
  }
  for (LogicalLine& line : lines) {
    if (line.group.empty() || line.name == kLabel) continue;
    for (const LogicalLine& other : lines) {
      if (other.name == kLabel && other.group == line.group) line.labels.push_back(&other);
    }
  }
  return lines;
}

std::string ValueOf(std::string_view unfolded) {
  const std::size_t colon = vcard::FindValueColon(unfolded);
  return colon == std::string_view::npos ? std::string() : std::string(unfolded.substr(colon + 1));
}

std::string LabelText(const LogicalLine& line) {
  std::string text;
  for (const LogicalLine* label : line.labels) text += "\n" + ValueOf(label->unfolded);
  return text;
}

// A line's value with its labels: what it says, whatever its group.
std::string Meaning(const LogicalLine& line) { return ValueOf(line.unfolded) + LabelText(line); }

// The line as compared between kith's two cards: its content without the
// group (kith numbers groups afresh on each write), with its labels.
std::string Identity(const LogicalLine& line) {
  const std::size_t dot = line.group.empty() ? 0 : line.group.size() + 1;
  return line.unfolded.substr(dot) + LabelText(line);
}

bool IsFrame(std::string_view name) {
  return name == "BEGIN" || name == "END" || name == "VERSION" || name == "PRODID" || name == "REV";
}

// Each property's lines, in order, by name; labels go with their property.
std::map<std::string, std::vector<const LogicalLine*>> ByName(const std::vector<LogicalLine>& lines) {
  std::map<std::string, std::vector<const LogicalLine*>> by_name;
  for (const LogicalLine& line : lines) {
    if (!IsFrame(line.name) && !line.name.empty() && line.name != kLabel) by_name[line.name].push_back(&line);
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

// kith numbers its groups (item1, item2, …) afresh each time it writes a
// card, so a group of kith's may name another value's group in the stored
// card: a line added under it would take that value's label. Such a group
// is given a name neither card uses, the same for all its lines.
class GroupNames {
 public:
  GroupNames(const std::vector<LogicalLine>& stored, const std::vector<LogicalLine>& kith) {
    for (const LogicalLine& line : stored) stored_.insert(line.group);
    taken_ = stored_;
    for (const LogicalLine& line : kith) taken_.insert(line.group);
  }

  // The line as written, under the group it is added with.
  std::string Added(const LogicalLine& line, std::string_view line_end) {
    std::string text = Written(line, line_end);
    if (line.group.empty() || !stored_.contains(line.group)) return text;
    auto [fresh, inserted] = renamed_.try_emplace(line.group);
    if (inserted) {
      do {
        fresh->second = "item" + std::to_string(++next_);
      } while (taken_.contains(Upper(fresh->second)));
      taken_.insert(Upper(fresh->second));
    }
    return fresh->second + text.substr(line.group.size());
  }

 private:
  std::set<std::string> stored_;
  std::set<std::string> taken_;
  std::map<std::string, std::string> renamed_;
  int next_ = 0;
};

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
    return !std::equal(
        a.begin(), a.end(), b.begin(), b.end(),
        [](const LogicalLine* x, const LogicalLine* y) { return Identity(*x) == Identity(*y); });
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

  // Which stored lines stay: one whose kith value (with its label) is still
  // there. The k-th stored line of a property reads as kith's k-th line of
  // it when both have as many; otherwise the stored value itself is
  // compared, labels aside (the client's may be spelled otherwise).
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
      const std::string value = aligned ? Meaning(*was[k]) : ValueOf(line->unfolded);
      bool kept = false;
      for (std::size_t w = 0; w < wanted.size() && !kept; ++w) {
        const std::string candidate = aligned ? Meaning(*wanted[w]) : ValueOf(wanted[w]->unfolded);
        if (!used[w] && candidate == value) used[w] = kept = true;
      }
      if (!kept) dropped.insert(line);
    }
  }
  // A group whose every changed line went (item1.EMAIL) takes its label
  // lines (item1.X-ABLabel, item1.X-ABADR) with it.
  std::set<std::string> kept_groups;
  std::set<std::string> dropped_groups;
  for (const LogicalLine& line : stored_lines) {
    if (line.group.empty() || !changed.contains(line.name)) continue;
    (dropped.contains(&line) ? dropped_groups : kept_groups).insert(line.group);
  }

  // Where the new values of each changed property go: after its last
  // stored line and that line's group (its label); before END for a
  // property the stored card does not have.
  std::map<const LogicalLine*, std::vector<std::string>> added_after;
  std::set<std::string> placed;
  for (const std::string& name : changed) {
    const LogicalLine* last = nullptr;
    for (const LogicalLine& line : stored_lines) {
      const bool group_mate = last != nullptr && !last->group.empty() && line.group == last->group;
      if (line.name == name || group_mate) last = &line;
    }
    if (last != nullptr) {
      added_after[last].push_back(name);
      placed.insert(name);
    }
  }
  GroupNames groups(stored_lines, after_lines);
  const auto added_lines = [&](const std::string& name) {
    std::string text;
    const auto found = after.find(name);
    if (found == after.end()) return text;
    const std::vector<bool>& used = after_used[name];
    for (std::size_t w = 0; w < found->second.size(); ++w) {
      if (used[w]) continue;
      text += groups.Added(*found->second[w], line_end);
      for (const LogicalLine* label : found->second[w]->labels) text += groups.Added(*label, line_end);
    }
    return text;
  };

  std::string patched;
  patched.reserve(stored.size() + kith_after.size());
  for (const LogicalLine& line : stored_lines) {
    if (line.name == "END") {
      for (const std::string& name : changed) {
        if (!placed.contains(name)) patched += added_lines(name);
      }
    }
    const bool orphan =
        !line.group.empty() && dropped_groups.contains(line.group) && !kept_groups.contains(line.group);
    if (!dropped.contains(&line) && !orphan) patched += line.written;
    if (const auto names = added_after.find(&line); names != added_after.end()) {
      for (const std::string& name : names->second) patched += added_lines(name);
    }
  }
  return patched;
}

}  // namespace kith
