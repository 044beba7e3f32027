#include "formats/vcard_patch.h"

#include <gtest/gtest.h>

namespace kith {
namespace {

constexpr const char* kStored =
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "FN:Ada Okafor\r\n"
    "TITLE:Engineer\r\n"
    "item1.EMAIL;type=INTERNET:ada@acme.example\r\n"
    "item1.X-ABLabel:work\r\n"
    "TEL;type=CELL:(312) 555-0100\r\n"
    "X-UNKNOWN;FOO=bar:kept\r\n"
    "PHOTO;ENCODING=b;TYPE=JPEG:AAAA\r\n"
    " BBBB\r\n"
    "END:VCARD\r\n";

constexpr const char* kBefore =
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Okafor\r\nTITLE:Engineer\r\nEMAIL:ada@acme.example\r\n"
    "TEL:+13125550100\r\nEND:VCARD\r\n";

TEST(PatchVCard, NoEditGivesTheStoredBytes) { EXPECT_EQ(PatchVCard(kStored, kBefore, kBefore), kStored); }

TEST(PatchVCard, AnEditReplacesOnlyItsOwnLines) {
  const std::string after =
      "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Okafor\r\nTITLE:CTO\r\nEMAIL:ada@acme.example\r\n"
      "TEL:+13125550100\r\nEND:VCARD\r\n";
  const std::string patched = PatchVCard(kStored, kBefore, after);
  EXPECT_EQ(patched,
            "BEGIN:VCARD\r\n"
            "VERSION:3.0\r\n"
            "FN:Ada Okafor\r\n"
            "TITLE:CTO\r\n"
            "item1.EMAIL;type=INTERNET:ada@acme.example\r\n"
            "item1.X-ABLabel:work\r\n"
            "TEL;type=CELL:(312) 555-0100\r\n"
            "X-UNKNOWN;FOO=bar:kept\r\n"
            "PHOTO;ENCODING=b;TYPE=JPEG:AAAA\r\n"
            " BBBB\r\n"
            "END:VCARD\r\n");
}

TEST(PatchVCard, ARemovedValueTakesItsGroupLabelAlong) {
  const std::string after =
      "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Okafor\r\nTITLE:Engineer\r\nEMAIL:ada@new.example\r\n"
      "TEL:+13125550100\r\nEND:VCARD\r\n";
  const std::string patched = PatchVCard(kStored, kBefore, after);
  EXPECT_EQ(patched.find("ada@acme.example"), std::string::npos) << patched;
  EXPECT_EQ(patched.find("item1.X-ABLabel"), std::string::npos) << patched;
  EXPECT_NE(patched.find("EMAIL:ada@new.example\r\n"), std::string::npos) << patched;
  EXPECT_NE(patched.find("TEL;type=CELL:(312) 555-0100\r\n"), std::string::npos)
      << "the phone kith did not touch";
  EXPECT_NE(patched.find(" BBBB\r\n"), std::string::npos);
}

TEST(PatchVCard, ANewPropertyGoesBeforeTheEnd) {
  const std::string after =
      "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Okafor\r\nTITLE:Engineer\r\nEMAIL:ada@acme.example\r\n"
      "TEL:+13125550100\r\nNOTE:met at RustConf\r\nEND:VCARD\r\n";
  const std::string patched = PatchVCard(kStored, kBefore, after);
  EXPECT_TRUE(patched.ends_with("NOTE:met at RustConf\r\nEND:VCARD\r\n")) << patched;
}

// An iPhone's card: its groups are its own numbering.
constexpr const char* kStoredGroups =
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "FN:Ada Okafor\r\n"
    "item1.EMAIL;type=INTERNET;type=pref:ada@lab.example\r\n"
    "item1.X-ABLabel:Lab\r\n"
    "item2.TEL:+1 312 555 0199\r\n"
    "item2.X-ABLabel:Assistant\r\n"
    "END:VCARD\r\n";

constexpr const char* kBeforeGroups =
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Okafor\r\n"
    "item1.EMAIL;TYPE=INTERNET,pref:ada@lab.example\r\nitem1.X-ABLabel:Lab\r\n"
    "item2.TEL:+1 312 555 0199\r\nitem2.X-ABLabel:Assistant\r\nEND:VCARD\r\n";

TEST(PatchVCard, ALabelledValueAddedInKithGetsAGroupNoOtherValueHas) {
  // kith numbers its groups afresh: the new email is its item2, the
  // phone's group in the stored card.
  const std::string after =
      "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Okafor\r\n"
      "item1.EMAIL;TYPE=INTERNET,pref:ada@lab.example\r\nitem1.X-ABLabel:Lab\r\n"
      "item2.EMAIL;TYPE=INTERNET:ada@home.example\r\nitem2.X-ABLabel:Home office\r\n"
      "item3.TEL:+1 312 555 0199\r\nitem3.X-ABLabel:Assistant\r\nEND:VCARD\r\n";
  EXPECT_EQ(PatchVCard(kStoredGroups, kBeforeGroups, after),
            "BEGIN:VCARD\r\n"
            "VERSION:3.0\r\n"
            "FN:Ada Okafor\r\n"
            "item1.EMAIL;type=INTERNET;type=pref:ada@lab.example\r\n"
            "item1.X-ABLabel:Lab\r\n"
            "item4.EMAIL;TYPE=INTERNET:ada@home.example\r\n"
            "item4.X-ABLabel:Home office\r\n"
            "item2.TEL:+1 312 555 0199\r\n"
            "item2.X-ABLabel:Assistant\r\n"
            "END:VCARD\r\n");
}

TEST(PatchVCard, ALabelChangedInKithReplacesTheValueWithItsLabel) {
  const std::string after =
      "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Okafor\r\n"
      "item1.EMAIL;TYPE=INTERNET,pref:ada@lab.example\r\nitem1.X-ABLabel:Studio\r\n"
      "item2.TEL:+1 312 555 0199\r\nitem2.X-ABLabel:Assistant\r\nEND:VCARD\r\n";
  EXPECT_EQ(PatchVCard(kStoredGroups, kBeforeGroups, after),
            "BEGIN:VCARD\r\n"
            "VERSION:3.0\r\n"
            "FN:Ada Okafor\r\n"
            "item3.EMAIL;TYPE=INTERNET,pref:ada@lab.example\r\n"
            "item3.X-ABLabel:Studio\r\n"
            "item2.TEL:+1 312 555 0199\r\n"
            "item2.X-ABLabel:Assistant\r\n"
            "END:VCARD\r\n");
}

TEST(VCardVersionOf, ReadsTheVersionLine) {
  EXPECT_EQ(VCardVersionOf(kStored), "3.0");
  EXPECT_EQ(VCardVersionOf("BEGIN:VCARD\nVERSION:4.0\nEND:VCARD\n"), "4.0");
  EXPECT_EQ(VCardVersionOf("BEGIN:VCARD\nEND:VCARD\n"), "");
}

}  // namespace
}  // namespace kith
