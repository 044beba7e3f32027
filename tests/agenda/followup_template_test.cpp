#include "agenda/followup_template.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace kith {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

Contact Ada() {
  Contact contact;
  contact.display_name = "Ada Okafor";
  contact.given_name = "Ada";
  contact.family_name = "Okafor";
  contact.emails = {"ada@example.com", "ada@work.example"};
  contact.company = "Compilers Inc";
  return contact;
}

FollowUpContext AtRustConf() {
  FollowUpContext context;
  context.event = "RustConf 2026";
  context.topic = "your work on incremental compilation";
  context.signature = "Sam Lee\nsam.example.com";
  return context;
}

TEST(RenderFollowUp, DefaultTemplateWithEventAndTopic) {
  const Result<DraftEmail> draft = RenderFollowUp(kDefaultFollowUpTemplate, Ada(), AtRustConf());
  ASSERT_TRUE(draft) << draft.error().message;
  EXPECT_EQ(draft->to, "ada@example.com");
  EXPECT_EQ(draft->subject, "Good to meet you at RustConf 2026");
  EXPECT_EQ(draft->body,
            "Hi Ada,\n"
            "\n"
            "Thanks for the conversation at RustConf 2026. I'd like to hear more about your work on "
            "incremental compilation: how you got into it, and what you're working towards next.\n"
            "\n"
            "If there is anything I can do to help, an introduction or a second pair of eyes, just say. "
            "Would you be up for a coffee in the next few weeks?\n"
            "\n"
            "Sam Lee\n"
            "sam.example.com");
}

TEST(RenderFollowUp, DefaultTemplateReadsWellWithoutEventOrTopic) {
  Contact contact = Ada();
  contact.company.clear();
  const Result<DraftEmail> draft = RenderFollowUp(kDefaultFollowUpTemplate, contact, FollowUpContext{});
  ASSERT_TRUE(draft) << draft.error().message;
  EXPECT_EQ(draft->subject, "Good to meet you the other day");
  EXPECT_THAT(draft->body,
              StartsWith("Hi Ada,\n\nThanks for the conversation the other day. I'd like to hear "
                         "more about your work: how you got into it"));
  // No signature: the draft ends with the last sentence, not blank lines.
  EXPECT_TRUE(draft->body.ends_with("in the next few weeks?")) << draft->body;
  EXPECT_THAT(draft->body, Not(HasSubstr("{")));
}

TEST(RenderFollowUp, EventFallsBackToWhereTheCardSaysYouMet) {
  Contact contact = Ada();
  contact.met_at = "PyCon Lisbon";
  const Result<DraftEmail> draft = RenderFollowUp(kDefaultFollowUpTemplate, contact, FollowUpContext{});
  ASSERT_TRUE(draft) << draft.error().message;
  EXPECT_EQ(draft->subject, "Good to meet you at PyCon Lisbon");
  EXPECT_THAT(draft->body, HasSubstr("more about your work at Compilers Inc: how"));
}

TEST(RenderFollowUp, FirstNameFallsBackToTheDisplayNamesFirstWord) {
  Contact contact;
  contact.display_name = "Zoë Núñez";
  const Result<DraftEmail> draft = RenderFollowUp("Subject: Hi\n\nHi {first_name} ({name}),", contact, {});
  ASSERT_TRUE(draft) << draft.error().message;
  EXPECT_EQ(draft->body, "Hi Zoë (Zoë Núñez),");
  EXPECT_EQ(draft->to, "");
}

TEST(RenderFollowUp, FirstNameOfANamelessCardIsThere) {
  Contact contact;
  contact.emails = {"someone@example.com"};
  const Result<DraftEmail> draft = RenderFollowUp("Subject: Hi\nHi {first_name},", contact, {});
  ASSERT_TRUE(draft) << draft.error().message;
  EXPECT_EQ(draft->body, "Hi there,");
}

TEST(RenderFollowUp, FillsEveryCardField) {
  Contact contact = Ada();
  contact.title = "Staff Engineer";
  contact.city = "Chicago";
  contact.neighborhood = "Pilsen";
  contact.hometown = "Lagos";
  contact.met_at = "RustConf";
  contact.met_on = Date{2026, 11, 25};
  contact.looking_for = "a team lead role";
  contact.website = "https://ada.example.com";
  const std::string template_text =
      "Subject: {given_name} {family_name}\n"
      "{company}|{title}|{email}|{city}|{neighborhood}|{hometown}|{met_at}|{met_on}|{looking_for}|{website}|"
      "{event}|{where_we_met}|{topic}|{signature}";
  const Result<DraftEmail> draft = RenderFollowUp(template_text, contact, AtRustConf());
  ASSERT_TRUE(draft) << draft.error().message;
  EXPECT_EQ(draft->subject, "Ada Okafor");
  EXPECT_EQ(draft->body,
            "Compilers Inc|Staff Engineer|ada@example.com|Chicago|Pilsen|Lagos|RustConf|2026-11-25|"
            "a team lead role|https://ada.example.com|RustConf 2026|at RustConf 2026|"
            "your work on incremental compilation|Sam Lee\nsam.example.com");
}

TEST(RenderFollowUp, EveryPlaceholderIsListedAndRenders) {
  for (const auto& [name, description] : FollowUpPlaceholders()) {
    EXPECT_FALSE(description.empty()) << name;
    const Result<DraftEmail> draft = RenderFollowUp("Subject: x\n{" + name + "}", Ada(), AtRustConf());
    EXPECT_TRUE(draft) << name;
  }
  EXPECT_EQ(FollowUpPlaceholders().size(), 18U);
}

TEST(RenderFollowUp, DoubledBracesAreLiteralBraces) {
  const Result<DraftEmail> draft =
      RenderFollowUp("Subject: {{braces}} for {first_name}\nSet {{x}} = {{{first_name}}}", Ada(), {});
  ASSERT_TRUE(draft) << draft.error().message;
  EXPECT_EQ(draft->subject, "{braces} for Ada");
  EXPECT_EQ(draft->body, "Set {x} = {Ada}");
}

TEST(RenderFollowUp, SubjectStaysOnOneLine) {
  FollowUpContext context;
  context.event = "Rust\nConf";
  const Result<DraftEmail> draft = RenderFollowUp("Subject: At {event}\nBody at {event}", Ada(), context);
  ASSERT_TRUE(draft) << draft.error().message;
  EXPECT_EQ(draft->subject, "At Rust Conf");
  EXPECT_EQ(draft->body, "Body at Rust\nConf");
}

// Found by fuzz/followup_template_fuzzer (fuzz/corpus/followup_template/crash-lone-cr-in-subject):
// a carriage return inside the template's own subject line reached the subject.
TEST(RenderFollowUp, ALoneCarriageReturnInTheSubjectLineStaysOutOfTheSubject) {
  const Result<DraftEmail> draft = RenderFollowUp("Subject: Hi\rBcc: x@example.org\r\n\r\nBody\n", Ada(), {});
  ASSERT_TRUE(draft) << draft.error().message;
  EXPECT_EQ(draft->subject, "Hi Bcc: x@example.org");
}

TEST(RenderFollowUp, AcceptsWindowsLineEndings) {
  const Result<DraftEmail> draft =
      RenderFollowUp("Subject: Hi {first_name}\r\n\r\nLine one\r\nLine two\r\n", Ada(), {});
  ASSERT_TRUE(draft) << draft.error().message;
  EXPECT_EQ(draft->subject, "Hi Ada");
  EXPECT_EQ(draft->body, "Line one\nLine two");
}

TEST(ValidateFollowUpTemplate, AcceptsTheDefault) {
  const Status valid = ValidateFollowUpTemplate(kDefaultFollowUpTemplate);
  EXPECT_TRUE(valid) << valid.error().message;
}

TEST(ValidateFollowUpTemplate, UnknownPlaceholderNamesItsLineAndTheKnownOnes) {
  const Status valid = ValidateFollowUpTemplate("Subject: Hi\n\nHi {first_name}, {favourite_colour}?\n");
  ASSERT_FALSE(valid);
  EXPECT_EQ(valid.error().code, ErrorCode::kInvalidInput);
  EXPECT_THAT(
      valid.error().message,
      StartsWith("line 3: unknown placeholder {favourite_colour}; known: city, company, email, event, "));
  EXPECT_THAT(valid.error().message, HasSubstr("where_we_met"));
  EXPECT_EQ(valid.error().field, "line 3");
}

TEST(ValidateFollowUpTemplate, UnknownPlaceholderInTheSubject) {
  const Status valid = ValidateFollowUpTemplate("Subject: Hi {nickname}\nBody");
  ASSERT_FALSE(valid);
  EXPECT_THAT(valid.error().message, StartsWith("line 1: unknown placeholder {nickname}"));
}

TEST(ValidateFollowUpTemplate, RejectsAnUnclosedBrace) {
  const Status valid = ValidateFollowUpTemplate("Subject: Hi\nBody\nHi {first_name\n}");
  ASSERT_FALSE(valid);
  EXPECT_EQ(valid.error().code, ErrorCode::kInvalidInput);
  EXPECT_THAT(valid.error().message, StartsWith("line 3: \"{\" is not closed"));
}

TEST(ValidateFollowUpTemplate, RejectsAStrayClosingBrace) {
  const Status valid = ValidateFollowUpTemplate("Subject: Hi\nBody }");
  ASSERT_FALSE(valid);
  EXPECT_THAT(valid.error().message, StartsWith("line 2: \"}\" without an opening \"{\""));
}

TEST(ValidateFollowUpTemplate, RejectsAnEmptyPlaceholder) {
  const Status valid = ValidateFollowUpTemplate("Subject: Hi\nBody {}");
  ASSERT_FALSE(valid);
  EXPECT_THAT(valid.error().message, StartsWith("line 2: unknown placeholder {}"));
}

TEST(ValidateFollowUpTemplate, RequiresASubjectLine) {
  const Status valid = ValidateFollowUpTemplate("Hi {first_name},\nThanks!");
  ASSERT_FALSE(valid);
  EXPECT_EQ(valid.error().code, ErrorCode::kInvalidInput);
  EXPECT_THAT(valid.error().message, StartsWith("line 1: a follow-up template starts with a \"Subject: "));
}

TEST(ValidateFollowUpTemplate, RenderFailsTheSameWay) {
  const Result<DraftEmail> draft = RenderFollowUp("Subject: Hi\n{favourite_colour}", Ada(), {});
  ASSERT_FALSE(draft);
  EXPECT_THAT(draft.error().message, StartsWith("line 2: unknown placeholder {favourite_colour}"));
}

}  // namespace
}  // namespace kith
