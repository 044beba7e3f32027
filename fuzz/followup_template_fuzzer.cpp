// The follow-up template (agenda/followup_template) on any template text: no
// crash, leak or unbounded growth, and its contract: Render succeeds exactly
// when Validate does, the subject stays on one line (a line break there
// would start new mail headers). The card and context hold braces and line
// breaks of their own, as people's text does.
#include <string>

#include "agenda/followup_template.h"
#include "fuzz/fuzz_support.h"

namespace {

using kith::fuzz::Check;

kith::Contact Card() {
  kith::Contact contact;
  contact.display_name = "Ada {first_name} Okafor";
  contact.given_name = "Ada";
  contact.family_name = "Okafor";
  contact.emails = {"ada@example.org"};
  contact.company = "Acme }{ Robotics";
  contact.title = "VP {{Engineering}}";
  contact.city = "Chicago";
  contact.met_at = "Chicago Tech Meetup";
  contact.met_on = kith::Date{2026, 11, 25};
  contact.looking_for = "a co-founder\nwho ships";
  return contact;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = kith::fuzz::AsText(data, size);
  static const kith::Contact kCard = Card();
  const kith::FollowUpContext context{"RustConf {event}", "your {topic} work", "Linus\n{signature}"};
  const auto valid = kith::ValidateFollowUpTemplate(text);
  const auto draft = kith::RenderFollowUp(text, kCard, context);
  Check(valid.has_value() == draft.has_value(), "Render succeeds exactly when Validate does");
  if (!draft) {
    Check(!draft.error().message.empty(), "a refused template says why");
    return 0;
  }
  Check(draft->subject.find_first_of("\r\n") == std::string::npos, "the subject stays on one line");
  Check(draft->to == "ada@example.org", "the draft goes to the card's first email");
  return 0;
}
