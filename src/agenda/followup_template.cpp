#include "agenda/followup_template.h"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>

namespace kith {

// "{where_we_met}" carries its own preposition, so the same sentence reads
// well with an event ("… at RustConf 2026") and without one ("… the other
// day"). The body asks about them and offers help; it does not pitch. One
// line per paragraph: mail clients wrap, and a hard break placed for a short
// topic would land mid-sentence for a long one.
const std::string_view kDefaultFollowUpTemplate =
    "Subject: Good to meet you {where_we_met}\n"
    "\n"
    "Hi {first_name},\n"
    "\n"
    "Thanks for the conversation {where_we_met}. I'd like to hear more about {topic}: how you got "
    "into it, and what you're working towards next.\n"
    "\n"
    "If there is anything I can do to help, an introduction or a second pair of eyes, just say. "
    "Would you be up for a coffee in the next few weeks?\n"
    "\n"
    "{signature}\n";

const std::map<std::string, std::string, std::less<>>& FollowUpPlaceholders() {
  static const auto* const kPlaceholders = new std::map<std::string, std::string, std::less<>>{
      {"first_name", "their given name, else the first word of the display name, else \"there\""},
      {"name", "the display name, else given and family name"},
      {"event", "where you met (the follow-up's event, else the card's met_at), else \"our conversation\""},
      {"where_we_met", "\"at\" and the event, else \"the other day\""},
      {"topic", "what to ask about, else \"your work\" (at their company when known)"},
      {"signature", "your name and a line, from your profile"},
      {"given_name", "the card's given name"},
      {"family_name", "the card's family name"},
      {"company", "the card's company"},
      {"title", "the card's job title"},
      {"email", "the card's first email"},
      {"city", "the card's city"},
      {"neighborhood", "the card's neighbourhood"},
      {"hometown", "the card's hometown"},
      {"met_at", "the card's event where you met"},
      {"met_on", "the day you met, YYYY-MM-DD"},
      {"looking_for", "what they are looking for"},
      {"website", "the card's website"},
  };
  return *kPlaceholders;
}

namespace {

std::string LineLabel(int line) { return "line " + std::to_string(line); }

std::string KnownPlaceholderList() {
  std::string list;
  for (const auto& [name, description] : FollowUpPlaceholders()) {
    if (!list.empty()) list += ", ";
    list += name;
  }
  return list;
}

// Walks the template once, handing literal text and placeholder names to the
// callbacks, so validation and rendering cannot disagree about the syntax.
// `first_line` is the line number of text[0] in the whole template.
Status Scan(std::string_view text, int first_line, const std::function<void(std::string_view)>& on_text,
            const std::function<void(std::string_view)>& on_placeholder) {
  int line = first_line;
  std::size_t index = 0;
  while (index < text.size()) {
    const char current = text[index];
    const char next = index + 1 < text.size() ? text[index + 1] : '\0';
    if (current == '{' && next == '{') {
      on_text("{");
      index += 2;
    } else if (current == '}' && next == '}') {
      on_text("}");
      index += 2;
    } else if (current == '}') {
      return Fail(ErrorCode::kInvalidInput,
                  LineLabel(line) + ": \"}\" without an opening \"{\"; write \"}}\" for a literal brace",
                  LineLabel(line));
    } else if (current == '{') {
      const std::size_t close = text.find_first_of("}\n", index + 1);
      if (close == std::string_view::npos || text[close] == '\n') {
        return Fail(ErrorCode::kInvalidInput,
                    LineLabel(line) + ": \"{\" is not closed on its line; write \"{{\" for a literal brace",
                    LineLabel(line));
      }
      const std::string_view name = text.substr(index + 1, close - index - 1);
      if (!FollowUpPlaceholders().contains(name)) {
        return Fail(ErrorCode::kInvalidInput,
                    LineLabel(line) + ": unknown placeholder {" + std::string(name) +
                        "}; known: " + KnownPlaceholderList(),
                    LineLabel(line));
      }
      on_placeholder(name);
      index = close + 1;
    } else {
      const std::size_t stop = text.find_first_of("{}\n", index);
      const std::size_t end = stop == std::string_view::npos ? text.size() : stop;
      if (end == index) {  // a line break
        on_text("\n");
        ++line;
        ++index;
      } else {
        on_text(text.substr(index, end - index));
        index = end;
      }
    }
  }
  return Ok();
}

struct TemplateParts {
  std::string_view subject;
  std::string_view body;
  int body_first_line = 2;
};

bool StartsWithSubject(std::string_view line) {
  constexpr std::string_view kSubject = "subject:";
  if (line.size() < kSubject.size()) return false;
  for (std::size_t i = 0; i < kSubject.size(); ++i) {
    const char lower = (line[i] >= 'A' && line[i] <= 'Z') ? static_cast<char>(line[i] - 'A' + 'a') : line[i];
    if (lower != kSubject[i]) return false;
  }
  return true;
}

// The first line is "Subject: …"; blank lines between it and the body are
// layout, not content.
Result<TemplateParts> SplitTemplate(std::string_view text) {
  const std::size_t end_of_first = text.find('\n');
  std::string_view first = text.substr(0, end_of_first);
  if (!first.empty() && first.back() == '\r') first.remove_suffix(1);
  if (!StartsWithSubject(first)) {
    return Fail(ErrorCode::kInvalidInput,
                "line 1: a follow-up template starts with a \"Subject: …\" line, then the body", "line 1");
  }
  TemplateParts parts;
  parts.subject = first.substr(std::string_view("subject:").size());
  while (!parts.subject.empty() && parts.subject.front() == ' ') parts.subject.remove_prefix(1);
  if (end_of_first == std::string_view::npos) return parts;
  std::string_view rest = text.substr(end_of_first + 1);
  while (!rest.empty() && (rest.front() == '\n' || rest.starts_with("\r\n"))) {
    rest.remove_prefix(rest.front() == '\n' ? 1 : 2);
    ++parts.body_first_line;
  }
  parts.body = rest;
  return parts;
}

std::string FirstWord(std::string_view text) {
  const std::size_t start = text.find_first_not_of(' ');
  if (start == std::string_view::npos) return {};
  const std::size_t end = text.find(' ', start);
  return std::string(
      text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
}

std::string Joined(std::string_view first, std::string_view second) {
  if (first.empty()) return std::string(second);
  if (second.empty()) return std::string(first);
  return std::string(first) + " " + std::string(second);
}

// Every value a placeholder can take, with the fallbacks that keep the
// default text reading well when the card or the meeting is sparse.
std::map<std::string, std::string, std::less<>> Values(const Contact& contact,
                                                       const FollowUpContext& context) {
  std::map<std::string, std::string, std::less<>> values;
  std::string name = contact.display_name;
  if (name.empty()) name = Joined(contact.given_name, contact.family_name);
  std::string first_name = contact.given_name;
  if (first_name.empty()) first_name = FirstWord(name);
  if (first_name.empty()) first_name = "there";
  const std::string& event = context.event.empty() ? contact.met_at : context.event;
  std::string topic = context.topic;
  if (topic.empty()) topic = contact.company.empty() ? "your work" : "your work at " + contact.company;

  values["first_name"] = first_name;
  values["name"] = name;
  values["event"] = event.empty() ? "our conversation" : event;
  values["where_we_met"] = event.empty() ? "the other day" : "at " + event;
  values["topic"] = topic;
  values["signature"] = context.signature;
  values["given_name"] = contact.given_name;
  values["family_name"] = contact.family_name;
  values["company"] = contact.company;
  values["title"] = contact.title;
  values["email"] = contact.emails.empty() ? std::string() : contact.emails.front();
  values["city"] = contact.city;
  values["neighborhood"] = contact.neighborhood;
  values["hometown"] = contact.hometown;
  values["met_at"] = contact.met_at;
  values["met_on"] = contact.met_on ? contact.met_on->ToIso() : std::string();
  values["looking_for"] = contact.looking_for;
  values["website"] = contact.website;
  return values;
}

// A subject is one line: a line break in a value or in the template must not
// start the body (or a new mail header).
std::string OneLine(std::string text) {
  for (char& character : text) {
    if (character == '\n' || character == '\r') character = ' ';
  }
  return text;
}

std::string WithoutCarriageReturns(std::string_view text) {
  std::string result;
  result.reserve(text.size());
  for (const char character : text) {
    if (character != '\r') result += character;
  }
  return result;
}

// An empty signature or trailing placeholder leaves blank lines and spaces
// at the end; a draft should not.
void TrimTrailingWhitespace(std::string& text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
}

}  // namespace

Status ValidateFollowUpTemplate(std::string_view template_text) {
  KITH_ASSIGN_OR_RETURN(const TemplateParts parts, SplitTemplate(template_text));
  const auto ignore = [](std::string_view) {};
  KITH_RETURN_IF_ERROR(Scan(parts.subject, 1, ignore, ignore));
  return Scan(parts.body, parts.body_first_line, ignore, ignore);
}

Result<DraftEmail> RenderFollowUp(std::string_view template_text, const Contact& contact,
                                  const FollowUpContext& context) {
  KITH_ASSIGN_OR_RETURN(const TemplateParts parts, SplitTemplate(template_text));
  const auto values = Values(contact, context);
  const auto lookup = [&values](std::string_view name) -> const std::string& {
    return values.find(name)->second;  // Scan only reports known names
  };

  DraftEmail draft;
  draft.to = contact.emails.empty() ? std::string() : contact.emails.front();
  KITH_RETURN_IF_ERROR(Scan(
      parts.subject, 1, [&draft](std::string_view text) { draft.subject += text; },
      [&draft, &lookup](std::string_view name) { draft.subject += lookup(name); }));
  // Lines are split at "\n" only: a lone "\r" in the template's own subject
  // line would otherwise reach the mail headers too.
  draft.subject = OneLine(std::move(draft.subject));
  TrimTrailingWhitespace(draft.subject);
  KITH_RETURN_IF_ERROR(Scan(
      parts.body, parts.body_first_line, [&draft](std::string_view text) { draft.body += text; },
      [&draft, &lookup](std::string_view name) { draft.body += WithoutCarriageReturns(lookup(name)); }));
  draft.body = WithoutCarriageReturns(draft.body);
  TrimTrailingWhitespace(draft.body);
  return draft;
}

}  // namespace kith
