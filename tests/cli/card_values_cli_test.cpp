// `kith add` and `kith edit` set what the web app's label pickers and
// address form set: a value's TYPE, PREF and label, and postal addresses
// with every part (CLI.md: every web action is a command).
#include <fstream>
#include <string>
#include <vector>

#include "cli/cli_fixture.h"

namespace kith::testing {
namespace {

class CliCardValues : public CliTestOnBothStores {};
KITH_ON_BOTH_STORES(CliCardValues);

TEST_P(CliCardValues, AddLabelsPhonesEmailsAndLinksAndTakesAnAddress) {
  const std::int64_t id =
      Add("Ada Okafor",
          {"--phone",
           "+1 312 555 0100",
           "--phone-type",
           "+1 312 555 0100",
           "mobile,pref",
           "--email",
           "Ada@Acme.example",
           "--email-type",
           "ada@acme.example",
           "work,label=Office, east wing",
           "--website",
           "acme.example",
           "--link-type",
           "acme.example",
           "home,pref=3",
           "--github",
           "https://github.com/ada",
           "--link-type",
           "https://github.com/ada",
           "label=Code",
           "--address",
           "street=1 Main St; extended=Suite 5; po-box=12; city=Chicago; region=IL; postal-code=60601; "
           "country=USA; type=work; pref; label=Studio; delivery-label=Ada Okafor\\n1 Main St\\nChicago IL"});
  ASSERT_GT(id, 0);
  const json card = Show(id);
  EXPECT_EQ(card.at("phone_types"), json::parse(R"([{"types": ["cell"], "pref": 1, "label": ""}])"))
      << "mobile is vCard's cell";
  EXPECT_EQ(card.at("email_types"),
            json::parse(R"([{"types": ["work"], "pref": 0, "label": "Office, east wing"}])"))
      << "the email is found whatever its case; a label keeps its commas";
  EXPECT_EQ(card.at("website_type"), json::parse(R"({"types": ["home"], "pref": 3, "label": ""})"))
      << "the website as typed, before kith added https://";
  EXPECT_EQ(card.at("links").at(0).at("label"), "Code");
  const json address = card.at("addresses").at(0);
  EXPECT_EQ(address.at("street"), "1 Main St");
  EXPECT_EQ(address.at("extended"), "Suite 5");
  EXPECT_EQ(address.at("po_box"), "12");
  EXPECT_EQ(address.at("locality"), "Chicago");
  EXPECT_EQ(address.at("region"), "IL");
  EXPECT_EQ(address.at("postal_code"), "60601");
  EXPECT_EQ(address.at("country"), "USA");
  EXPECT_EQ(address.at("types"), json({"work"}));
  EXPECT_EQ(address.at("pref"), 1);
  EXPECT_EQ(address.at("label"), "Studio");
  EXPECT_EQ(address.at("delivery_label"), "Ada Okafor\n1 Main St\nChicago IL");

  const KithRun shown = Kith({"show", std::to_string(id)});
  ASSERT_EQ(shown.exit_code, 0) << Described(shown);
  EXPECT_TRUE(Contains(shown.out, "(mobile, preferred)"));
  EXPECT_TRUE(Contains(shown.out, "Ada@Acme.example  (Office, east wing)"));
  EXPECT_TRUE(Contains(shown.out, "https://acme.example  (home, preference 3)"));
  EXPECT_TRUE(Contains(shown.out, "https://github.com/ada  (Code)"));
  EXPECT_TRUE(Contains(
      shown.out, "address 1: PO Box 12, 1 Main St, Suite 5, Chicago, IL 60601, USA  (Studio, preferred)"));
  EXPECT_TRUE(Contains(shown.out, "Ada Okafor / 1 Main St / Chicago IL"));
}

TEST_P(CliCardValues, EditChangesAndClearsAValuesTypeAndLeavesTheOthers) {
  const std::int64_t id =
      Add("Ada Okafor", {"--phone", "+1 312 555 0100", "--phone-type", "+1 312 555 0100", "cell,pref",
                         "--email", "ada@acme.example", "--email-type", "ada@acme.example", "work"});
  // A phone found by its digits, however it is spaced.
  ASSERT_EQ(
      Kith({"edit", std::to_string(id), "--phone-type", "+13125550100", "fax,label=Night line"}).exit_code,
      0);
  json card = Show(id);
  EXPECT_EQ(card.at("phone_types").at(0),
            json::parse(R"({"types": ["fax"], "pref": 0, "label": "Night line"})"))
      << "a SPEC replaces the type as a whole";
  EXPECT_EQ(card.at("email_types").at(0).at("types"), json({"work"})) << "a value not named keeps its type";

  const KithRun cleared = Kith({"edit", std::to_string(id), "--email-type", "ada@acme.example", ""});
  ASSERT_EQ(cleared.exit_code, 0) << Described(cleared);
  card = Show(id);
  EXPECT_EQ(card.at("email_types").at(0), json::parse(R"({"types": [], "pref": 0, "label": ""})"));
  EXPECT_EQ(card.at("phone_types").at(0).at("label"), "Night line");
}

TEST_P(CliCardValues, EditTypesAValueAddedInTheSameCommand) {
  const std::int64_t id = Add("Ada Okafor");
  const KithRun run = Kith({"edit", std::to_string(id), "--email", "ada@kite.example", "--email-type",
                            "ada@kite.example", "home,pref"});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  EXPECT_EQ(Show(id).at("email_types").at(0), json::parse(R"({"types": ["home"], "pref": 1, "label": ""})"));
}

TEST_P(CliCardValues, EditAddsAndRemovesAddressesByTheirNumber) {
  const std::int64_t id = Add(
      "Ada Okafor", {"--address", "street=1 Main St; city=Chicago", "--address", "po-box=77; city=Evanston"});
  const KithRun shown = Kith({"show", std::to_string(id)});
  EXPECT_TRUE(Contains(shown.out, "address 2: PO Box 77, Evanston"));
  const KithRun run = Kith(
      {"edit", std::to_string(id), "--remove-address", "1", "--address", "street=9 Lake Ave; type=home"});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  const json addresses = Show(id).at("addresses");
  ASSERT_EQ(addresses.size(), 2U);
  EXPECT_EQ(addresses.at(0).at("po_box"), "77");
  EXPECT_EQ(addresses.at(1).at("street"), "9 Lake Ave");
  EXPECT_EQ(addresses.at(1).at("types"), json({"home"}));
}

TEST_P(CliCardValues, EditRemovesAnOtherFieldByItsLabel) {
  const std::string path = (directory_.path() / "ada.vcf").string();
  std::ofstream(path, std::ios::binary)
      << "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Okafor\r\nEMAIL:ada at acme\r\nEND:VCARD\r\n";
  ASSERT_EQ(Kith({"import", path}).exit_code, 0);
  const json before = KithJson({"show", "okafor"});
  ASSERT_EQ(before.at("custom").size(), 1U) << before.dump();
  const std::string id = std::to_string(before.at("id").get<std::int64_t>());
  const KithRun run = Kith({"edit", id, "--email", "ada@acme.example", "--remove-field", "raw EMAIL"});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  const json after = KithJson({"show", id});
  EXPECT_EQ(after.at("custom"), json::array());
  EXPECT_EQ(after.at("emails"), json({"ada@acme.example"}));
}

// Each bad value: exit 1, what and where, nothing written.
struct BadFlag {
  std::vector<std::string> flags;
  std::string said;
};

class CliCardValuesRefused : public CliTest, public ::testing::WithParamInterface<BadFlag> {};

TEST_P(CliCardValuesRefused, NamingTheFlagOrValueAndWritingNothing) {
  const std::int64_t id = Add("Ada Okafor", {"--phone", "+1 312 555 0100", "--address", "street=1 Main St"});
  const std::string before = Snapshot();
  std::vector<std::string> args = {"edit", std::to_string(id), "--title", "CTO"};
  args.insert(args.end(), GetParam().flags.begin(), GetParam().flags.end());
  const KithRun run = Kith(args);
  EXPECT_EQ(run.exit_code, 1) << Described(run);
  EXPECT_TRUE(Contains(run.err, GetParam().said));
  EXPECT_EQ(Snapshot(), before) << "the title given beside it is not written either";
}

INSTANTIATE_TEST_SUITE_P(
    Flags, CliCardValuesRefused,
    ::testing::Values(
        BadFlag{{"--phone-type", "+1 312 555 0100", "cell phone"},
                "--phone-type: 'cell phone' is not a type"},
        BadFlag{{"--phone-type", "+1 312 555 0100", "pref=0"},
                "--phone-type: 'pref=0' should be pref or pref=1"},
        BadFlag{{"--email-type", "nobody@acme.example", "work"},
                "email type for 'nobody@acme.example': there is no such email on this card"},
        BadFlag{{"--link-type", "https://elsewhere.example", "work"}, "there is no such web address"},
        BadFlag{{"--address", "street=2 Elm St; planet=Mars"},
                "--address: 'planet=Mars' is not a part of an address"},
        BadFlag{{"--address", "type=work"}, "--address: an address needs at least one part"},
        BadFlag{{"--address", "street=2 Elm St; pref=500"}, "--address: 'pref=500' should be pref or pref=1"},
        BadFlag{{"--remove-address", "2"}, "address 2 is not on this card (it has 1)"},
        BadFlag{{"--remove-field", "raw TEL"}, "field 'raw TEL' is not on this card"}));

}  // namespace
}  // namespace kith::testing
