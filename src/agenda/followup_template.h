// The follow-up email: a short template that asks about *them*, with
// placeholders filled from the card and the meeting.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "domain/contact.h"
#include "domain/result.h"

namespace kith {

// The default text (DESIGN.md): recalls where you met, asks about their work
// and what drives them, offers help, does not pitch. The first line is
// "Subject: …"; the body follows a blank line.
extern const std::string_view kDefaultFollowUpTemplate;

// What the template can say beyond the card itself.
struct FollowUpContext {
  std::string event;      // where you met ("RustConf 2026"); empty: a neutral phrase
  std::string topic;      // what to ask about ("your work on compilers")
  std::string signature;  // your name and a line, from your profile
};

struct DraftEmail {
  std::string to;  // the first email on the card, or empty
  std::string subject;
  std::string body;  // lines joined with "\n"
};

// The placeholders a template may use, each with a one-line description:
// first_name, name, event, topic, signature, where_we_met ("at RustConf
// 2026", or "the other day" without an event, so one sentence reads well
// both ways), and the card's fields (given_name, family_name, company,
// title, email, city, neighborhood, hometown, met_at, met_on, looking_for,
// website). The event falls back to the card's met_at; first_name to the
// first word of the display name, then "there"; topic to "your work".
const std::map<std::string, std::string, std::less<>>& FollowUpPlaceholders();

// kInvalidInput naming the first unknown placeholder and its line
// ("line 3: unknown placeholder {favourite_colour}; known: …"), an unclosed
// "{", or a missing "Subject:" line. "{{" and "}}" stand for braces.
Status ValidateFollowUpTemplate(std::string_view template_text);

// Fills the template for this person. Blank lines after the Subject line
// and trailing blank lines are dropped; the subject stays on one line.
// Fails as ValidateFollowUpTemplate.
Result<DraftEmail> RenderFollowUp(std::string_view template_text, const Contact& contact,
                                  const FollowUpContext& context);

}  // namespace kith
