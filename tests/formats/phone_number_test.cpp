#include "formats/phone_number.h"

#include <gtest/gtest.h>

namespace kith {
namespace {

TEST(NormalizePhone, InternationalNumberNeedsNoRegion) {
  const Phone phone = NormalizePhone("+36 30 555 0101", "");
  EXPECT_EQ(phone.original, "+36 30 555 0101");
  EXPECT_EQ(phone.e164, "+36305550101");
}

TEST(NormalizePhone, DoubleZeroPrefixIsInternational) {
  EXPECT_EQ(NormalizePhone("0044 20 7946 0958", "").e164, "+442079460958");
}

TEST(NormalizePhone, LocalNumberUsesConfiguredRegion) {
  EXPECT_EQ(NormalizePhone("(312) 555-0134", "US").e164, "+13125550134");
  EXPECT_EQ(NormalizePhone("020 7946 0958", "gb").e164, "+442079460958");
}

TEST(NormalizePhone, LocalNumberWithoutRegionKeepsOnlyTheOriginal) {
  const Phone phone = NormalizePhone("312 555 0134", "");
  EXPECT_EQ(phone.original, "312 555 0134");
  EXPECT_TRUE(phone.e164.empty());
}

TEST(NormalizePhone, NonsenseKeepsOriginalWithoutGuessing) {
  const Phone phone = NormalizePhone("ext 12", "US");
  EXPECT_EQ(phone.original, "ext 12");
  EXPECT_TRUE(phone.e164.empty());
}

}  // namespace
}  // namespace kith
