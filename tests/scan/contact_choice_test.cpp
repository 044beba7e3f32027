#include "scan/contact_choice.h"

#include <gtest/gtest.h>

#include "scan/field_extraction.h"

namespace kith::scan {
namespace {

// Made-up names and hosts, in neither corpus pool.
OcrLine Read(std::string text, std::string contact_reading, int top) {
  OcrLine line;
  line.text = std::move(text);
  line.contact_reading = std::move(contact_reading);
  line.left = 100;
  line.top = top;
  line.width = 600;
  line.height = 30;
  line.confidence = 60;
  return line;
}

OcrLine Name() {
  OcrLine line = Read("Ysolde Vantreight", "", 100);
  line.height = 60;
  line.confidence = 95;
  return line;
}

TEST(WithContactReadingsTaken, TakesAnEmailOnlyTheContactReadingHolds) {
  const auto card =
      ExtractFields({Name(), Read("e: ysolde< quorvane.co.uk", "e: ysolde@quorvane.co.uk", 400)}, "US");
  EXPECT_EQ(card.emails, std::vector<std::string>{"ysolde@quorvane.co.uk"});
}

TEST(WithContactReadingsTaken, TakesAnEmailReadAsNoiseOnThePage) {
  const auto card = ExtractFields({Name(), Read("atA L IEA", "ysolde@quorvane.io", 400)}, "US");
  EXPECT_EQ(card.emails, std::vector<std::string>{"ysolde@quorvane.io"});
}

TEST(WithContactReadingsTaken, ReadsACapitalIAfterASmallLetterInAnAddressAsAnL) {
  const auto card =
      ExtractFields({Name(), Read("e; ysolde< quorvane.co", "e: ysolde@quorvaneI.co Idris", 400)}, "US");
  EXPECT_EQ(card.emails, std::vector<std::string>{"ysolde@quorvanel.co"});
}

TEST(WithContactReadingsTaken, KeepsACapitalIOutsideAnAddress) {
  const auto lines =
      WithContactReadingsTaken({Read("ysolde quorvane", "LinkedIn ysolde@quorvane.io", 400)}, "US");
  EXPECT_EQ(lines[0].text, "LinkedIn ysolde@quorvane.io");
}

TEST(WithContactReadingsTaken, KeepsThePagesEmailWhenBothReadingsHoldOne) {
  // Read alone without word lists, an underscore is read as a space more
  // often than the page's reading loses it.
  const auto card = ExtractFields({Name(), Read("ysolde_v@quorvane.io", "ysolde v@quorvane.io", 400)}, "US");
  EXPECT_EQ(card.emails, std::vector<std::string>{"ysolde_v@quorvane.io"});
}

TEST(WithContactReadingsTaken, TakesNoEmailWhoseDomainEndsInNoPublicSuffix) {
  const auto lines = WithContactReadingsTaken({Read("ysolde quorvane", "ysolde@quorvane.qqzx", 400)}, "US");
  EXPECT_EQ(lines[0].text, "ysolde quorvane");
}

TEST(WithContactReadingsTaken, TakesAWebAddressWhoseDotOnlyTheContactReadingHas) {
  const auto card =
      ExtractFields({Name(), Read("w: https://www.quorvanevn", "w: https://www.quorvane.vn", 400)}, "US");
  EXPECT_EQ(card.website, "https://www.quorvane.vn");
}

TEST(WithContactReadingsTaken, TakesNoWebAddressThatDoesNotSaySo) {
  // "quorvane.io" alone might be the tail of an email read in two pieces.
  const auto lines = WithContactReadingsTaken({Read("quorvane io", "quorvane.io", 400)}, "US");
  EXPECT_EQ(lines[0].text, "quorvane io");
}

TEST(WithContactReadingsTaken, TakesAPhoneNumberOnlyTheContactReadingHolds) {
  const auto card = ExtractFields({Name(), Read("Tel: +44 79l1 l2", "Tel: +44 7911 123456", 400)}, "US");
  ASSERT_EQ(card.phones.size(), 1U);
  EXPECT_EQ(card.phones[0].e164, "+447911123456");
}

TEST(WithContactReadingsTaken, KeepsThePagesPhoneNumberWhenBothReadingsHoldOne) {
  const auto lines =
      WithContactReadingsTaken({Read("Tel: +44 7911 123456", "Tel: +44 7911 128456", 400)}, "US");
  EXPECT_EQ(lines[0].text, "Tel: +44 7911 123456");
}

TEST(WithContactReadingsTaken, TakesNoPhoneNumberOverAnEmail) {
  // A line the page read as an email is no phone line, whatever digits a
  // second reading finds in it.
  const auto lines = WithContactReadingsTaken({Read("ysolde@quorvane.io", "+44 7911 123456", 400)}, "US");
  EXPECT_EQ(lines[0].text, "ysolde@quorvane.io");
}

}  // namespace
}  // namespace kith::scan
