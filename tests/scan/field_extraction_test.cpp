#include "scan/field_extraction.h"

#include <gtest/gtest.h>

#include "scan/domain_agreement.h"
#include "scan/legal_forms.h"

namespace kith::scan {
namespace {

// The names and companies here are made up for these tests and appear in
// neither corpus pool: extraction works by shape and place, not by knowing
// the words.
OcrLine Line(std::string text, int height, int top, int left = 100) {
  OcrLine line;
  line.text = std::move(text);
  line.height = height;
  line.top = top;
  line.left = left;
  line.width = 600;
  line.confidence = 90;
  return line;
}

OcrLine Box(std::string text, int left, int top, int width, int height, float confidence = 90) {
  OcrLine line;
  line.text = std::move(text);
  line.left = left;
  line.top = top;
  line.width = width;
  line.height = height;
  line.confidence = confidence;
  return line;
}

TEST(ExtractFields, SortsACardIntoFields) {
  const auto card =
      ExtractFields({Line("Quorvane Holdings Ltd", 40, 60), Line("Ysolde Vantreight", 64, 140),
                     Line("Keeper of Small Things", 36, 220), Line("T: +44 7911 123456", 30, 500),
                     Line("E: ysolde@quorvane.co.uk", 30, 540), Line("W: www.quorvane.co.uk", 30, 580),
                     Line("linkedin.com/in/ysolde-vantreight", 30, 620), Line("Twitter: @ysoldev", 30, 660),
                     Line("10 High Street, London SW1A 1AA", 30, 700)},
                    "US");
  EXPECT_EQ(card.name, "Ysolde Vantreight");
  EXPECT_EQ(card.company, "Quorvane Holdings Ltd");
  EXPECT_EQ(card.title, "Keeper of Small Things");
  EXPECT_EQ(card.emails, std::vector<std::string>{"ysolde@quorvane.co.uk"});
  ASSERT_EQ(card.phones.size(), 1U);
  EXPECT_EQ(card.phones[0].e164, "+447911123456");
  EXPECT_EQ(card.website, "www.quorvane.co.uk");
  ASSERT_EQ(card.links.size(), 2U);
  EXPECT_EQ(card.links[0].kind, LinkKind::kLinkedIn);
  EXPECT_EQ(card.links[1].kind, LinkKind::kTwitter);
  EXPECT_EQ(card.address, "10 High Street, London SW1A 1AA");
  EXPECT_EQ(card.source, ScanSource::kOcr);
  EXPECT_GT(card.confidence.at("name"), 0.5);
}

TEST(ExtractFields, MendsOCRSlipsInPhonesAndEmails) {
  const auto card = ExtractFields({Line("Lenka Várhegyi", 60, 100), Line("Tel. +34 9l2 345 67O", 30, 400),
                                   Line("|enka@example.es", 30, 440)},
                                  "US");
  EXPECT_EQ(card.name, "Lenka Várhegyi");
  ASSERT_EQ(card.phones.size(), 1U);
  EXPECT_EQ(card.phones[0].e164, "+34912345670");
  EXPECT_EQ(card.emails, std::vector<std::string>{"lenka@example.es"});
  EXPECT_LT(card.confidence.at("emails"), 0.9);  // a mended value is less certain
}

TEST(ExtractFields, MendsAnAtReadAsALetterWhenTheDomainIsOnTheCard) {
  const auto card = ExtractFields(
      {Line("Jo Example", 60, 100), Line("www.example.fr", 30, 400), Line("jdoeoexample.fr", 30, 440)}, "US");
  EXPECT_EQ(card.emails, std::vector<std::string>{"jdoe@example.fr"});
  EXPECT_EQ(card.website, "www.example.fr");
}

// A company's mail is often on another TLD than its website: the email is
// kept as printed. (It was once rewritten to the website's domain.)
TEST(ExtractFields, KeepsAnEmailWhoseDomainDiffersFromTheWebsite) {
  const auto card = ExtractFields(
      {Line("Jo Quillane", 60, 100), Line("jo@acme.de", 30, 400), Line("www.acme.com", 30, 440)}, "US");
  EXPECT_EQ(card.emails, std::vector<std::string>{"jo@acme.de"});
  EXPECT_EQ(card.website, "www.acme.com");
}

// "WORD jo@x.com" was once read as "word.jo@x.com".
TEST(ExtractFields, NeverGluesAWordOntoTheEmailAfterIt) {
  const auto card = ExtractFields({Line("Jo Quillane", 60, 100), Line("WORD jo@x.com", 30, 400)}, "US");
  EXPECT_EQ(card.emails, std::vector<std::string>{"jo@x.com"});
}

TEST(ExtractFields, TakesAHostWithASpeckBesideItForTheWebsite) {
  const auto card = ExtractFields({Line("Ysolde Tarnwick", 60, 100), Line("jo@tarnwick.studio", 30, 400),
                                   Line("tarnwick.studio ı", 30, 440)},
                                  "US");
  EXPECT_EQ(card.website, "tarnwick.studio");
  // Counter-example: a host among words is not a web address on its own.
  const auto other = ExtractFields({Line("Ysolde Tarnwick", 60, 100), Line("jo@tarnwick.studio", 30, 400),
                                    Line("tarnwick.studio ships", 30, 440)},
                                   "US");
  EXPECT_EQ(other.website, "");
}

TEST(ExtractFields, TellsNameFromATitleOfTheSameShapeBySizeAndEmail) {
  // "Harbour Warden" is two capitalised words like a name; the name is set
  // larger and the email spells it.
  const auto card = ExtractFields({Line("Harbour Warden", 34, 180), Line("Oriel Fenwright", 62, 110),
                                   Line("oriel.fenwright@saltgate.org", 28, 500)},
                                  "US");
  EXPECT_EQ(card.name, "Oriel Fenwright");
  EXPECT_EQ(card.title, "Harbour Warden");
}

TEST(ExtractFields, FindsTheTitleUnderTheNameAndTheCompanyByItsDomain) {
  // No word list knows "Wrangler of Kites" or "Skyhook Quarterly"; the title
  // sits under the name, the company spells the domain.
  const auto card =
      ExtractFields({Line("Skyhook Quarterly", 36, 60), Line("Ottoline Brask", 62, 120),
                     Line("Wrangler of Kites", 34, 200), Line("ottoline@skyhookquarterly.com", 28, 500)},
                    "US");
  EXPECT_EQ(card.name, "Ottoline Brask");
  EXPECT_EQ(card.company, "Skyhook Quarterly");
  EXPECT_EQ(card.title, "Wrangler of Kites");
}

TEST(ExtractFields, ReadsRightAlignedCards) {
  // Right edges line up, left edges do not.
  auto name = Line("Ottoline Brask", 62, 120, 700);
  name.width = 400;
  auto title = Line("Wrangler of Kites", 34, 200, 640);
  title.width = 460;
  const auto card = ExtractFields({name, title, Line("ottoline@example.com", 28, 500)}, "US");
  EXPECT_EQ(card.title, "Wrangler of Kites");
}

TEST(ExtractFields, NamesOutsideLatin1KeepTheirCapitals) {
  const auto card =
      ExtractFields({Line("Šimon Łukasiewicz", 60, 100), Line("simon@example.pl", 30, 400)}, "US");
  EXPECT_EQ(card.name, "Šimon Łukasiewicz");
}

TEST(ExtractFields, JoinsACompanySetOverTwoLines) {
  const auto card = ExtractFields({Line("Brindlemoor Rope", 40, 60), Line("Makers", 40, 104),
                                   Line("Ada Quenby", 62, 200), Line("ada@brindlemoor.com", 28, 500)},
                                  "US");
  EXPECT_EQ(card.company, "Brindlemoor Rope Makers");
}

TEST(ExtractFields, JoinsACompanysSecondLineSetALineHeightUnder) {
  // A band's company set with wide spacing: the second line a full line
  // height under the first, no email to spell either.
  const auto card =
      ExtractFields({Box("Brindlemoor Rope", 100, 60, 480, 40), Box("Makers", 100, 140, 180, 40),
                     Box("Ada Quenby", 700, 200, 400, 62), Box("+44 7911 123456", 700, 500, 400, 28)},
                    "US");
  EXPECT_EQ(card.company, "Brindlemoor Rope Makers");
  // Counter-example: a line set further under is another line of the card.
  const auto apart =
      ExtractFields({Box("Brindlemoor Rope", 100, 60, 480, 40), Box("Makers", 100, 160, 180, 40),
                     Box("Ada Quenby", 700, 200, 400, 62), Box("+44 7911 123456", 700, 500, 400, 28)},
                    "US");
  EXPECT_EQ(apart.company, "Brindlemoor Rope");
  // Counter-example: a small word under it is a speck OCR read, not its end.
  const auto speck =
      ExtractFields({Box("Brindlemoor Rope", 100, 60, 480, 40), Box("di", 100, 110, 60, 40),
                     Box("Ada Quenby", 700, 200, 400, 62), Box("+44 7911 123456", 700, 500, 400, 28)},
                    "US");
  EXPECT_EQ(speck.company, "Brindlemoor Rope");
}

TEST(ExtractFields, JoinsASecondLineInCapitalsWhoseBoxIsLower) {
  // "HQ" has neither ascenders nor descenders: its box is lower than
  // "Brindlemoor Rope"'s, its letters as wide.
  const auto card =
      ExtractFields({Box("Brindlemoor Rope", 100, 60, 480, 40), Box("HQ", 100, 110, 64, 30),
                     Box("Ada Quenby", 700, 200, 400, 62), Box("+44 7911 123456", 700, 500, 400, 28)},
                    "US");
  EXPECT_EQ(card.company, "Brindlemoor Rope HQ");
  // Counter-example: a smaller line under it (a tagline) stays apart.
  const auto tagline =
      ExtractFields({Box("Brindlemoor Rope", 100, 60, 480, 40), Box("Rope and twine", 100, 110, 280, 30),
                     Box("Ada Quenby", 700, 200, 400, 62), Box("Rope Splicer", 700, 270, 250, 34),
                     Box("+44 7911 123456", 700, 500, 400, 28)},
                    "US");
  EXPECT_EQ(tagline.company, "Brindlemoor Rope");
}

TEST(ExtractFields, JoinsTheUnfinishedLineOverACompanyFoundByItsLegalForm) {
  // "Brindlemoor &" cannot end a name: the company, found by "Ltd" on its
  // second line, begins a line and a half above.
  const auto card =
      ExtractFields({Box("Brindlemoor &", 100, 60, 390, 40), Box("Quenby Ltd", 100, 150, 300, 40),
                     Box("Ada Quenby", 700, 200, 400, 62), Box("+44 7911 123456", 700, 500, 400, 28)},
                    "US");
  EXPECT_EQ(card.company, "Brindlemoor & Quenby Ltd");
  // Counter-example: a finished line over it is not the company's.
  const auto finished =
      ExtractFields({Box("Brindlemoor Rope", 100, 60, 480, 40), Box("Quenby Ltd", 100, 150, 300, 40),
                     Box("Ada Quenby", 700, 200, 400, 62), Box("+44 7911 123456", 700, 500, 400, 28)},
                    "US");
  EXPECT_EQ(finished.company, "Quenby Ltd");
}

TEST(ExtractFields, DropsALogoMarkReadAsASignBeforeTheCompanyOrTitle) {
  const auto card = ExtractFields({Line("© Brindlemoor Rope Ltd", 40, 60), Line("Ada Quenby", 62, 200),
                                   Line("¿Keeper of Small Things", 34, 270)},
                                  "US");
  EXPECT_EQ(card.company + " / " + card.title, "Brindlemoor Rope Ltd / Keeper of Small Things");
}

TEST(ExtractFields, DropsASpeckReadAfterTheName) {
  EXPECT_EQ(ExtractFields({Line("Ottoline Brask .", 62, 120), Line("ob@example.com", 28, 500)}, "US").name,
            "Ottoline Brask");
}

TEST(ExtractFields, NeverTakesAMisreadAddressForTheCompany) {
  // "skyhookquarterly. no" spells the domain like a company would, but it is
  // the website OCR could not read whole: lower case with a dot.
  const auto card =
      ExtractFields({Line("Ottoline Brask", 62, 120), Line("ottoline@skyhookquarterly.no", 28, 500),
                     Line("skyhookquarterly. no", 28, 540)},
                    "US");
  EXPECT_EQ(card.name, "Ottoline Brask");
  EXPECT_EQ(card.company, "");
}

TEST(ExtractFields, KeepsACompanySetInCapitalsWithADot) {
  // Counter-example: a company name with a dot and capitals stays one.
  const auto card = ExtractFields(
      {Line("Ottoline Brask", 62, 120), Line("Skyhook Co.", 40, 300), Line("ottoline@skyhook.no", 28, 500)},
      "US");
  EXPECT_EQ(card.company, "Skyhook Co.");
}

TEST(ExtractFields, TakesAWebsiteFromALineOCRWasUnsureOf) {
  auto web = Line("Www. quorvane.com.au", 28, 540);
  web.confidence = 0;
  auto speck = Line("Ysolde Vantreight Street 12", 28, 600);
  speck.confidence = 5;
  const auto card = ExtractFields({Line("Ottoline Brask", 62, 120), web, speck}, "US");
  EXPECT_EQ(card.website, "www.quorvane.com.au");
  // Counter-example: what is left of such a line is no address or name.
  EXPECT_EQ(card.address, "");
  EXPECT_EQ(card.name, "Ottoline Brask");
}

TEST(ExtractFields, LeavesFieldsEmptyWhenNothingFits) {
  const auto card = ExtractFields({Line("~~~", 20, 10)}, "US");
  EXPECT_TRUE(card.name.empty());
  EXPECT_TRUE(card.emails.empty());
  EXPECT_TRUE(card.phones.empty());
}

TEST(ExtractFields, MendsAnAtReadAsALetterBeforeTheWebsiteLine) {
  OcrLine email;
  email.text = "jdoeG example.io";
  email.height = 30;
  email.confidence = 90;
  OcrLine web = email;
  web.top = 40;
  web.text = "https: //www.example.io";
  const auto card = ExtractFields({email, web}, "US");
  EXPECT_EQ(card.emails, std::vector<std::string>{"jdoe@example.io"});
  EXPECT_EQ(card.website, "https://www.example.io");
}

TEST(ExtractFields, MendsAnAtReadAsACapitalOrALetterOutsideAscii) {
  const auto accented = ExtractFields({Line("Jo Quillane", 60, 100), Line("jo.quillanećquorvane.pt", 30, 400),
                                       Line("https://quorvane.pt", 30, 440)},
                                      "US");
  EXPECT_EQ(accented.emails, std::vector<std::string>{"jo.quillane@quorvane.pt"});
  EXPECT_EQ(accented.website, "https://quorvane.pt");
  const auto capital = ExtractFields(
      {Line("Jo Quillane", 60, 100), Line("e: joQquorvane.pt", 30, 400), Line("www.quorvane.pt", 30, 440)},
      "US");
  EXPECT_EQ(capital.emails, std::vector<std::string>{"jo@quorvane.pt"});
  // Counter-examples: a lower-case letter that no '@' blurs into, or a dot,
  // is part of another host; the card's own website stays one.
  const auto other = ExtractFields({Line("Jo Quillane", 60, 100), Line("www.quorvane.pt", 30, 400),
                                    Line("myquorvane.pt", 30, 440), Line("jo.quorvane.pt", 30, 480)},
                                   "US");
  EXPECT_TRUE(other.emails.empty());
  EXPECT_EQ(other.website, "www.quorvane.pt");
}

TEST(ExtractFields, TakesAWebLineWhoseDotsWereReadAsSpaces) {
  const auto card = ExtractFields({Line("Jo Quillane", 60, 100), Line("Web quorvane com au", 30, 400)}, "US");
  EXPECT_EQ(card.website, "quorvane.com.au");
  // Counter-example: a printed web address wins over a line mended to one.
  const auto printed = ExtractFields(
      {Line("Jo Quillane", 60, 100), Line("w: quorvane app", 30, 400), Line("www.quorvane.io", 30, 440)},
      "US");
  EXPECT_EQ(printed.website, "www.quorvane.io");
}

TEST(ExtractFields, DropsAMarkReadAsALoneCharacterBeforeANameOrCompany) {
  // A logo's corner or a speck left of the line, read as "1" or "r".
  const auto card =
      ExtractFields({Line("1 Ysolde Vantreight", 64, 140), Line("Keeper of Small Things", 36, 220),
                     Line("r Quorvane Holdings Ltd", 40, 300), Line("E: ysolde@quorvane.co.uk", 30, 540)},
                    "US");
  EXPECT_EQ(card.name, "Ysolde Vantreight");
  EXPECT_EQ(card.company, "Quorvane Holdings Ltd");
  // Counter-example: a lone capital is a word ("A Quiet Harbour Ltd").
  const auto kept =
      ExtractFields({Line("Ysolde Vantreight", 64, 140), Line("A Quiet Harbour Ltd", 40, 300)}, "US");
  EXPECT_EQ(kept.company, "A Quiet Harbour Ltd");
}

OcrLine Unsure(OcrLine line, float confidence) {
  line.confidence = confidence;
  return line;
}

TEST(ExtractFields, MendsAnEmailDomainByTheWebsiteReadMoreSurely) {
  const auto card = ExtractFields({Line("Jo Quillane", 60, 100), Unsure(Line("jo@quorvame.fi", 30, 400), 55),
                                   Line("www.quorvane.fi", 30, 440)},
                                  "US");
  EXPECT_EQ(card.emails, std::vector<std::string>{"jo@quorvane.fi"});
  EXPECT_EQ(card.website, "www.quorvane.fi");
}

TEST(ExtractFields, MendsAWebsiteByTheEmailDomainReadMoreSurely) {
  const auto card =
      ExtractFields({Line("Jo Quillane", 60, 100), Line("jo.quillane@mail.brightwater.com.au", 30, 400),
                     Unsure(Line("https://www.brigthwater.com.au/team", 30, 440), 60)},
                    "US");
  EXPECT_EQ(card.emails, std::vector<std::string>{"jo.quillane@mail.brightwater.com.au"});
  EXPECT_EQ(card.website, "https://www.brightwater.com.au/team");
}

TEST(ExtractFields, PartsAWwwReadGluedToTheNameTheEmailIsAt) {
  const auto glued = ExtractFields({Line("Jo Quillane", 60, 100), Line("jo@quorvane.fi", 30, 400),
                                    Line("https://wwwquorvane.fi", 30, 440)},
                                   "US");
  EXPECT_EQ(glued.website, "https://www.quorvane.fi");
  // The dot read as a letter.
  const auto letter = ExtractFields(
      {Line("Jo Quillane", 60, 100), Line("jo@quorvane.fi", 30, 400), Line("W: wwwiquorvane.fi", 30, 440)},
      "US");
  EXPECT_EQ(letter.website, "www.quorvane.fi");
  EXPECT_EQ(letter.emails, std::vector<std::string>{"jo@quorvane.fi"});
  // Counter-examples: no email at that name, or one under another suffix,
  // leaves the name as read.
  const auto other = ExtractFields(
      {Line("Jo Quillane", 60, 100), Line("jo@brask.fi", 30, 400), Line("https://wwwquorvane.fi", 30, 440)},
      "US");
  EXPECT_EQ(other.website, "https://wwwquorvane.fi");
  const auto suffix = ExtractFields({Line("Jo Quillane", 60, 100), Line("jo@quorvane.de", 30, 400),
                                     Line("https://wwwquorvane.fi", 30, 440)},
                                    "US");
  EXPECT_EQ(suffix.website, "https://wwwquorvane.fi");
}

TEST(ExtractFields, KeepsNearDomainsThatAreNotOneDomainMisread) {
  // Counter-examples: another suffix is another domain, however near the
  // name; a short name a letter away is another name; names further apart
  // are other names; two readings as sure as each other leave nothing to
  // choose by.
  const auto suffix =
      ExtractFields({Line("Jo Quillane", 60, 100), Unsure(Line("jo@quorvame.de", 30, 400), 50),
                     Line("www.quorvane.com", 30, 440)},
                    "US");
  EXPECT_EQ(suffix.emails, std::vector<std::string>{"jo@quorvame.de"});
  const auto short_name = ExtractFields(
      {Line("Jo Quillane", 60, 100), Unsure(Line("jo@qrv.fi", 30, 400), 50), Line("www.qrw.fi", 30, 440)},
      "US");
  EXPECT_EQ(short_name.emails, std::vector<std::string>{"jo@qrv.fi"});
  const auto far = ExtractFields({Line("Jo Quillane", 60, 100), Unsure(Line("jo@quorvane.fi", 30, 400), 50),
                                  Line("www.quillvane.fi", 30, 440)},
                                 "US");
  EXPECT_EQ(far.emails, std::vector<std::string>{"jo@quorvane.fi"});
  EXPECT_EQ(far.website, "www.quillvane.fi");
  const auto even = ExtractFields(
      {Line("Jo Quillane", 60, 100), Line("jo@quorvame.fi", 30, 400), Line("www.quorvane.fi", 30, 440)},
      "US");
  EXPECT_EQ(even.emails, std::vector<std::string>{"jo@quorvame.fi"});
  EXPECT_EQ(even.website, "www.quorvane.fi");
}

TEST(ExtractFields, FindsTheTitleWhoseBoxTheNameReachesIntoWithItsDescenders) {
  // The name's g and y reach 6 pixels into the title's box.
  const auto card =
      ExtractFields({Box("Ysolde Quigley", 100, 100, 600, 80), Box("Rope Splicer", 100, 174, 300, 34),
                     Box("ysolde@quorvane.co.uk", 100, 500, 500, 28)},
                    "US");
  EXPECT_EQ(card.name, "Ysolde Quigley");
  EXPECT_EQ(card.title, "Rope Splicer");
}

TEST(ExtractFields, TakesNoLineOverlappingTheNameByHalfForTheTitleUnderIt) {
  // Half the title's height inside the name's box: a line beside the name
  // (another column, a logo's text), not one set under it.
  const auto card =
      ExtractFields({Box("Ysolde Quigley", 100, 100, 600, 80), Box("Rope Splicer", 100, 163, 300, 34),
                     Box("ysolde@quorvane.co.uk", 100, 500, 500, 28)},
                    "US");
  EXPECT_EQ(card.name, "Ysolde Quigley");
  EXPECT_EQ(card.title, "");
}

TEST(ExtractFields, PrefersACleanTitleToALineReadUnsurelyBetweenItAndTheName) {
  // The name printed again in another script, read as Latin letters.
  const auto card =
      ExtractFields({Box("Ottoline Brask", 100, 100, 600, 70), Box("Ortqmnn Bpqck", 100, 180, 400, 40, 62),
                     Box("Wrangler of Kites", 100, 230, 400, 34, 96),
                     Box("ottoline@skyhookquarterly.com", 100, 500, 500, 28)},
                    "US");
  EXPECT_EQ(card.title, "Wrangler of Kites");
}

TEST(ExtractFields, KeepsATitleReadFairlySurelyRightUnderTheName) {
  const auto card =
      ExtractFields({Box("Ottoline Brask", 100, 100, 600, 70), Box("Keeper of Kites", 100, 180, 400, 40, 80),
                     Box("Brask Kite Works", 100, 280, 400, 34, 96),
                     Box("ottoline@skyhookquarterly.com", 100, 500, 500, 28)},
                    "US");
  EXPECT_EQ(card.title, "Keeper of Kites");
}

TEST(ExtractFields, DropsAMarkReadBeforeABar) {
  const auto card =
      ExtractFields({Box("ao | Brindlemoor Rope Ltd", 100, 60, 600, 40), Box("Ada Quenby", 100, 200, 400, 62),
                     Box("ada@quorvane.com", 100, 500, 500, 28)},
                    "US");
  EXPECT_EQ(card.company, "Brindlemoor Rope Ltd");
}

TEST(ExtractFields, KeepsAWordBeforeABar) {
  const auto card =
      ExtractFields({Box("Rigging | Brindlemoor Rope Ltd", 100, 60, 600, 40),
                     Box("Ada Quenby", 100, 200, 400, 62), Box("ada@quorvane.com", 100, 500, 500, 28)},
                    "US");
  EXPECT_EQ(card.company, "Rigging | Brindlemoor Rope Ltd");
}

TEST(ExtractFields, DropsALogosInitialsReadBeforeTheWordsThatSpellTheDomain) {
  const auto card =
      ExtractFields({Box("BR Brindlemoor Rope", 100, 60, 600, 40), Box("Ada Quenby", 100, 200, 400, 62),
                     Box("ada@brindlemoorrope.com", 100, 500, 500, 28)},
                    "US");
  EXPECT_EQ(card.company, "Brindlemoor Rope");
}

TEST(ExtractFields, KeepsAShortWordTheDomainSpellsOrAWordLongerThanAMonogram) {
  const auto spelled =
      ExtractFields({Box("A Better Quorvane", 100, 60, 600, 40), Box("Ada Quenby", 100, 200, 400, 62),
                     Box("ada@abetterquorvane.com", 100, 500, 500, 28)},
                    "US");
  EXPECT_EQ(spelled.company, "A Better Quorvane");
  const auto article =
      ExtractFields({Box("The Quorvane Company", 100, 60, 600, 40), Box("Ada Quenby", 100, 200, 400, 62),
                     Box("ada@quorvane.com", 100, 500, 500, 28)},
                    "US");
  EXPECT_EQ(article.company, "The Quorvane Company");
}

TEST(ExtractFields, ReadsACardSetAlongItsShortSide) {
  // Boxes taller than wide: each line runs down the card, the title beside
  // the name as it would be under it on a card set across.
  const auto card =
      ExtractFields({Box("Ottoline Brask", 400, 100, 70, 600), Box("Wrangler of Kites", 360, 100, 34, 400),
                     Box("ottoline@skyhookquarterly.com", 100, 100, 28, 500)},
                    "US");
  EXPECT_EQ(card.name, "Ottoline Brask");
  EXPECT_EQ(card.title, "Wrangler of Kites");
}

TEST(ExtractFields, MendsTheFirstCapitalReadAsItsSmallLetterOfTheSameShape) {
  const auto card = ExtractFields(
      {Box("wrenfold Rope Works", 100, 60, 600, 40), Box("lsolde Quenby Vantreight", 100, 200, 700, 62),
       Box("principal Rigger", 100, 270, 400, 34), Box("isolde@wrenfoldrope.com", 100, 500, 500, 28)},
      "US");
  EXPECT_EQ(card.name, "Isolde Quenby Vantreight");
  EXPECT_EQ(card.title, "Principal Rigger");
  EXPECT_EQ(card.company, "Wrenfold Rope Works");
}

TEST(ExtractFields, LeavesSentenceCaseAndSmallLettersOfOtherShapesAsPrinted) {
  const auto card =
      ExtractFields({Box("Ada Quenby", 100, 200, 400, 62), Box("Head of sales", 100, 270, 400, 34),
                     Box("ada@quorvane.com", 100, 500, 500, 28)},
                    "US");
  EXPECT_EQ(card.title, "Head of sales");
  const auto other =
      ExtractFields({Box("Ada Quenby", 100, 200, 400, 62), Box("deputy Harbour Master", 100, 270, 400, 34),
                     Box("ada@quorvane.com", 100, 500, 500, 28)},
                    "US");
  EXPECT_EQ(other.title, "deputy Harbour Master");
}

TEST(ExtractFields, KeepsANameReadOnOneLineWithThePhoneOfTheNextColumn) {
  const auto card = ExtractFields({Box("Ysolde Vantreight   Cell: +44 7911 123456", 100, 100, 1200, 64),
                                   Box("ysolde@quorvane.co.uk", 100, 500, 500, 28)},
                                  "US");
  EXPECT_EQ(card.name, "Ysolde Vantreight");
  ASSERT_EQ(card.phones.size(), 1U);
  EXPECT_EQ(card.phones[0].e164, "+447911123456");
}

TEST(ExtractFields, TakesNoLabelBeforeAPhoneForAName) {
  const auto card = ExtractFields(
      {Box("Ysolde Vantreight", 100, 100, 600, 64), Box("Mobile Phone +44 7911 123456", 100, 300, 600, 30),
       Box("Head Office +44 20 7946 0000", 100, 340, 600, 30),
       Box("ysolde@quorvane.co.uk", 100, 500, 500, 28)},
      "US");
  EXPECT_EQ(card.name, "Ysolde Vantreight");
  EXPECT_EQ(card.phones.size(), 2U);
  EXPECT_NE(card.company, "Mobile Phone");
  EXPECT_NE(card.title, "Mobile Phone");
}

TEST(ExtractFields, FinishesAnEmailBrokenAfterItsAtByTheHostBesideIt) {
  const auto card =
      ExtractFields({Box("Ada Quenby", 100, 100, 400, 62), Box("e: ada.quenby@", 100, 400, 300, 30),
                     Box("brindlemoor.co.uk", 404, 398, 280, 30)},
                    "US");
  EXPECT_EQ(card.emails, std::vector<std::string>{"ada.quenby@brindlemoor.co.uk"});
}

TEST(ExtractFields, LeavesAnEmailBrokenAfterItsAtAloneWhenNoHostIsBesideIt) {
  // The host on the next row is another line (the website), not the rest.
  const auto card =
      ExtractFields({Box("Ada Quenby", 100, 100, 400, 62), Box("e: ada.quenby@", 100, 400, 300, 30),
                     Box("brindlemoor.co.uk", 100, 440, 280, 30)},
                    "US");
  EXPECT_TRUE(card.emails.empty());
  EXPECT_EQ(card.website, "brindlemoor.co.uk");
}

TEST(ExtractFields, MendsAnAtReadAsALetterByAHostAloneOnItsLine) {
  const auto card = ExtractFields(
      {Line("Jo Example", 60, 100), Line("example.fr", 30, 400), Line("jdoeaexample.fr", 30, 440)}, "US");
  EXPECT_EQ(card.emails, std::vector<std::string>{"jdoe@example.fr"});
  const auto word = ExtractFields(
      {Line("Jo Example", 60, 100), Line("Example", 30, 400), Line("jdoeaexample.fr", 30, 440)}, "US");
  EXPECT_TRUE(word.emails.empty());
}

TEST(ExtractFields, GluesNoAbbreviationInCapitalsOntoTheEmailAfterIt) {
  const auto card =
      ExtractFields({Line("Jo Quillane", 60, 100), Line("Quorvane B.V.  jo@quorvane.nl", 30, 400)}, "US");
  EXPECT_EQ(card.emails, std::vector<std::string>{"jo@quorvane.nl"});
}

TEST(ExtractFields, TakesTheNameWithItsTitleUnderItOverACompanyLineSetAlone) {
  // Nothing on the card spells either line; the company, printed alone in a
  // band and about as large, is the line with nothing under it.
  const auto card = ExtractFields(
      {Box("Quorvane Tidewright", 60, 300, 560, 70), Box("Ysolde Brackenholt", 700, 100, 620, 64),
       Box("Keeper of Small Things", 700, 180, 420, 34), Box("+44 7911 123456", 700, 500, 400, 28)},
      "US");
  EXPECT_EQ(card.name, "Ysolde Brackenholt");
  EXPECT_EQ(card.title, "Keeper of Small Things");
  EXPECT_EQ(card.company, "Quorvane Tidewright");
}

TEST(ExtractFields, StillTakesAClearlyLargerLineForTheNameThanOneWithALineUnderIt) {
  const auto card = ExtractFields(
      {Box("Ysolde Brackenholt", 100, 100, 900, 100), Box("Quorvane Tidewright", 100, 400, 500, 50),
       Box("Rope and Sail Makers", 100, 460, 400, 30), Box("+44 7911 123456", 100, 600, 400, 28)},
      "US");
  EXPECT_EQ(card.name, "Ysolde Brackenholt");
}

TEST(ExtractFields, CountsNoContactLineMisreadPastItsPatternAsATitleUnderALine) {
  // The company, a little larger, has an email OCR could not read as one
  // straight under it: a label and a colon, not a title.
  const auto card = ExtractFields(
      {Box("Ysolde Brackenholt", 100, 100, 620, 64), Box("Keeper of Small Things", 100, 180, 420, 34),
       Box("Quorvane Tidewright", 100, 300, 660, 70), Box("Mail: ysolde.b *quorvane ki", 100, 380, 500, 30)},
      "US");
  EXPECT_EQ(card.name, "Ysolde Brackenholt");
  EXPECT_EQ(card.company, "Quorvane Tidewright");
}

TEST(ExtractFields, JudgesThePrintsSizeByItsLettersWidthsNotByATallBox) {
  // A short line whose box a mark beside it made tall is no larger than the
  // name for that: its letters are half as wide.
  const auto card =
      ExtractFields({Box("Ysolde Brackenholt", 100, 100, 720, 70), Box("Rope Splicer", 100, 176, 250, 90),
                     Box("ysolde@quorvane.co.uk", 100, 500, 500, 28)},
                    "US");
  EXPECT_EQ(card.name, "Ysolde Brackenholt");
  EXPECT_EQ(card.title, "Rope Splicer");
}

TEST(ExtractFields, FindsTheTitleUnderANameWhoseBoxAMarkStretched) {
  // A bar read with the name stretched its box down over the title's.
  const auto card =
      ExtractFields({Box("Ysolde Brackenholt |", 100, 100, 700, 150), Box("Rope Splicer", 100, 200, 250, 34),
                     Box("ysolde@quorvane.co.uk", 100, 500, 500, 28)},
                    "US");
  EXPECT_EQ(card.name, "Ysolde Brackenholt");
  EXPECT_EQ(card.title, "Rope Splicer");
  // Counter-example: a line in the upper half of the name's box is beside
  // it, not under it.
  const auto beside =
      ExtractFields({Box("Ysolde Brackenholt |", 100, 100, 700, 150), Box("Rope Splicer", 100, 150, 250, 34),
                     Box("ysolde@quorvane.co.uk", 100, 500, 500, 28)},
                    "US");
  EXPECT_EQ(beside.title, "");
}

TEST(ExtractFields, TakesNoSpeckInAStretchedNamesBoxForTheTitle) {
  // A speck under the name, read as two letters, stretched its box; the card
  // prints no title.
  const auto card = ExtractFields({Box("Ysolde Brackenholt", 100, 100, 700, 150), Box("ee", 300, 200, 40, 30),
                                   Box("ysolde@quorvane.co.uk", 100, 500, 500, 28)},
                                  "US");
  EXPECT_EQ(card.name, "Ysolde Brackenholt");
  EXPECT_EQ(card.title, "");
  // Counter-example: a three-letter title there is still the title.
  const auto title =
      ExtractFields({Box("Ysolde Brackenholt", 100, 100, 700, 150), Box("CEO", 100, 200, 90, 34),
                     Box("ysolde@quorvane.co.uk", 100, 500, 500, 28)},
                    "US");
  EXPECT_EQ(title.title, "CEO");
}

TEST(ExtractFields, KeepsTheNameBeforeAPhoneWhoseLabelWasMisread) {
  // Two columns read as one line, the phone's "Ph:" read "rh:".
  const auto card = ExtractFields({Box("Ysolde Brackenholt  rh:+44 7911 123456", 100, 100, 1000, 70),
                                   Box("ysolde@quorvane.co.uk", 100, 500, 500, 28)},
                                  "US");
  EXPECT_EQ(card.name, "Ysolde Brackenholt");
  EXPECT_EQ(card.phones.size(), 1U);
  // Counter-example: a word without a colon before the number is no label.
  const auto word = ExtractFields({Box("Ysolde Brackenholt Quay +44 7911 123456", 100, 100, 1000, 70),
                                   Box("ysolde@quorvane.co.uk", 100, 500, 500, 28)},
                                  "US");
  EXPECT_EQ(word.name, "Ysolde Brackenholt Quay");
}

TEST(ExtractFields, KeepsANamesLastWordReadWithAColonBeforeAPhone) {
  // Two columns read as one line, the name's last word read with a colon
  // after it: without that word one word would be left of the name.
  const auto card = ExtractFields({Box("Ysolde Brackenholt: +44 7911 123456", 100, 100, 1000, 70),
                                   Box("ysolde@quorvane.co.uk", 100, 500, 500, 28)},
                                  "US");
  EXPECT_EQ(card.name, "Ysolde Brackenholt");
  EXPECT_EQ(card.phones.size(), 1U);
  // Counter-examples: a short word is a label misread, and a third word
  // before it is a label after a whole name.
  const auto label = ExtractFields({Box("Ysolde Brackenholt Rh: +44 7911 123456", 100, 100, 1000, 70),
                                    Box("ysolde@quorvane.co.uk", 100, 500, 500, 28)},
                                   "US");
  EXPECT_EQ(label.name, "Ysolde Brackenholt");
  const auto longer = ExtractFields({Box("Ysolde Brackenholt Mobil: +44 7911 123456", 100, 100, 1000, 70),
                                     Box("ysolde@quorvane.co.uk", 100, 500, 500, 28)},
                                    "US");
  EXPECT_EQ(longer.name, "Ysolde Brackenholt");
}

TEST(ExtractFields, DropsSpecksReadAsWordsInAndAfterAName) {
  const auto quote = ExtractFields(
      {Box("Ysolde ' Brackenholt", 100, 100, 700, 70), Box("ysolde@quorvane.co.uk", 100, 500, 500, 28)},
      "US");
  EXPECT_EQ(quote.name, "Ysolde Brackenholt");
  const auto letter = ExtractFields(
      {Box("Ysolde Brackenholt j", 100, 100, 700, 70), Box("ysolde@quorvane.co.uk", 100, 500, 500, 28)},
      "US");
  EXPECT_EQ(letter.name, "Ysolde Brackenholt");
  const auto signs = ExtractFields(
      {Box("Ysolde Brackenholt - i", 100, 100, 700, 70), Box("ysolde@quorvane.co.uk", 100, 500, 500, 28)},
      "US");
  EXPECT_EQ(signs.name, "Ysolde Brackenholt");
}

TEST(ExtractFields, KeepsAnAmpersandAndAClosingCapitalAsPrinted) {
  const auto card = ExtractFields(
      {Box("Quorvane & Tidewright", 100, 60, 600, 40), Box("Ysolde Brackenholt K", 100, 200, 700, 62),
       Box("ysolde@quorvane.co.uk", 100, 500, 500, 28)},
      "US");
  EXPECT_EQ(card.company, "Quorvane & Tidewright");
  EXPECT_EQ(card.name, "Ysolde Brackenholt K");
}

TEST(ExtractFields, GluesALastWordOCRSplitAfterItsFirstLetters) {
  const auto card = ExtractFields(
      {Box("Ysolde Br ackenholt", 100, 100, 700, 70), Box("ysolde@quorvane.co.uk", 100, 500, 500, 28)}, "US");
  EXPECT_EQ(card.name, "Ysolde Brackenholt");
}

TEST(ExtractFields, KeepsAParticleAndAShortWordBeforeASmallOneApart) {
  const auto particle = ExtractFields(
      {Box("Ysolde de Brackenholt", 100, 100, 700, 70), Box("ysolde@quorvane.co.uk", 100, 500, 500, 28)},
      "US");
  EXPECT_EQ(particle.name, "Ysolde de Brackenholt");
  const auto title = ExtractFields(
      {Box("Ysolde Brackenholt", 100, 100, 700, 70), Box("Senior Art director", 100, 176, 400, 34),
       Box("ysolde@quorvane.co.uk", 100, 500, 500, 28)},
      "US");
  EXPECT_EQ(title.title, "Senior Art director");
}

TEST(ExtractFields, DropsALogosLetterReadWithABracketBeforeTheCompany) {
  const auto card =
      ExtractFields({Box("E] Quorvane Tidewright Ltd", 100, 60, 600, 40),
                     Box("Ysolde Brackenholt", 100, 200, 700, 62), Box("+44 7911 123456", 100, 500, 400, 28)},
                    "US");
  EXPECT_EQ(card.company, "Quorvane Tidewright Ltd");
  const auto word =
      ExtractFields({Box("A Quorvane Tidewright Ltd", 100, 60, 600, 40),
                     Box("Ysolde Brackenholt", 100, 200, 700, 62), Box("+44 7911 123456", 100, 500, 400, 28)},
                    "US");
  EXPECT_EQ(word.company, "A Quorvane Tidewright Ltd");
}

TEST(ExtractFields, ReadsAZeroInADottedAbbreviationAsTheLetterO) {
  const auto small = ExtractFields(
      {Box("Quorvane Tidewright sp. z 0.0.", 100, 60, 600, 40), Box("Ysolde Brackenholt", 100, 200, 700, 62),
       Box("ysolde@quorvane.pl", 100, 500, 400, 28)},
      "US");
  EXPECT_EQ(small.company, "Quorvane Tidewright sp. z o.o.");
  const auto capitals = ExtractFields(
      {Box("Quorvane Tidewright S.0.S.", 100, 60, 600, 40), Box("Ysolde Brackenholt", 100, 200, 700, 62),
       Box("ysolde@quorvane.pl", 100, 500, 400, 28)},
      "US");
  EXPECT_EQ(capitals.company, "Quorvane Tidewright S.O.S.");
}

TEST(ExtractFields, LeavesAVersionNumberBetweenDotsAsPrinted) {
  const auto card = ExtractFields(
      {Box("Quorvane Tidewright 2.0.", 100, 60, 600, 40), Box("Ysolde Brackenholt", 100, 200, 700, 62),
       Box("ysolde@quorvane.pl", 100, 500, 400, 28)},
      "US");
  EXPECT_NE(card.company.find("2.0."), std::string::npos) << card.company;
}

TEST(ExtractFields, TakesANameWithOneLetterMisreadForTheNameNotTheCompanyUnderIt) {
  // "Brackenh0lt": the name as read, but the company and title stay theirs.
  const auto card = ExtractFields(
      {Box("Ysolde Brackenh0lt", 100, 100, 720, 72), Box("Keeper of Small Things", 100, 180, 420, 34),
       Box("Quorvane Tidewright", 100, 240, 500, 48), Box("+44 7911 123456", 100, 500, 400, 28)},
      "US");
  EXPECT_EQ(card.name, "Ysolde Brackenh0lt");
  EXPECT_EQ(card.title, "Keeper of Small Things");
  EXPECT_EQ(card.company, "Quorvane Tidewright");
}

TEST(ExtractFields, TakesNoLineWithANumberOrTwoSlipsForAName) {
  const auto number =
      ExtractFields({Box("Quorvane 54 Tidewright", 100, 100, 720, 72),
                     Box("Ysolde Brackenholt", 100, 300, 500, 48), Box("+44 7911 123456", 100, 500, 400, 28)},
                    "US");
  EXPECT_EQ(number.name, "Ysolde Brackenholt");
  const auto slips =
      ExtractFields({Box("Qu0rvane T1dewright", 100, 100, 720, 72),
                     Box("Ysolde Brackenholt", 100, 300, 500, 48), Box("+44 7911 123456", 100, 500, 400, 28)},
                    "US");
  EXPECT_EQ(slips.name, "Ysolde Brackenholt");
}

TEST(ExtractFields, TakesATitleOCRWasUnsureOfWhenItIsTheLineUnderTheName) {
  const auto card =
      ExtractFields({Box("Ottoline Brask", 100, 120, 420, 62, 95), Box("Kitewright", 100, 200, 200, 36, 38),
                     Box("ottoline@skyhookquarterly.com", 100, 500, 500, 28)},
                    "US");
  EXPECT_EQ(card.title, "Kitewright");
  // Counter-examples: over the name, or starting in a small letter, a line
  // OCR was as unsure of is a logo's or a speck's reading, not a title.
  const auto over =
      ExtractFields({Box("Kitewright", 100, 40, 200, 36, 38), Box("Ottoline Brask", 100, 120, 420, 62, 95),
                     Box("ottoline@skyhookquarterly.com", 100, 500, 500, 28)},
                    "US");
  EXPECT_EQ(over.title, "");
  const auto small =
      ExtractFields({Box("Ottoline Brask", 100, 120, 420, 62, 95), Box("kitewright", 100, 200, 200, 36, 38),
                     Box("ottoline@skyhookquarterly.com", 100, 500, 500, 28)},
                    "US");
  EXPECT_EQ(small.title, "");
}

TEST(ExtractFields, TakesTheNameFromALineReadOnWithTheNextColumn) {
  // The phone beside the name misread past its pattern, or specks in small
  // letters, read on the name's line: the name's words are still its words.
  for (const std::string read : {"Ottoline Brask:xs 602 5s4 649", "Ottoline Brask oeo ues,"}) {
    const auto card =
        ExtractFields({Box(read, 100, 120, 900, 62), Box("Wrangler of Kites", 100, 200, 380, 36),
                       Box("ottoline.brask@skyhookquarterly.com", 100, 500, 600, 28)},
                      "US");
    EXPECT_EQ(card.name, "Ottoline Brask") << read;
    EXPECT_EQ(card.title, "Wrangler of Kites") << read;
  }
  // Counter-example: a legal form in small letters is abbreviated, and is
  // no next column's specks: the company keeps it.
  const auto company = ExtractFields(
      {Box("Fenwick Haulage sp. z o.o.", 100, 60, 500, 40), Box("Ottoline Brask", 100, 120, 420, 62),
       Box("ottoline@fenwickhaulage.pl", 100, 500, 500, 28)},
      "PL");
  EXPECT_EQ(company.company, "Fenwick Haulage sp. z o.o.");
  EXPECT_EQ(company.name, "Ottoline Brask");
}

TEST(ExtractFields, TakesTheNameBeforeAnEmailInTheNextColumn) {
  const auto card =
      ExtractFields({Box("Ottoline Brask Mail: obrask@skyhookquarterly.com", 100, 120, 1100, 40),
                     Box("Wrangler of Kites", 100, 170, 380, 34)},
                    "US");
  EXPECT_EQ(card.name, "Ottoline Brask");
  EXPECT_EQ(card.emails, std::vector<std::string>{"obrask@skyhookquarterly.com"});
  EXPECT_EQ(card.title, "Wrangler of Kites");
  // Counter-example: a label alone before the email is no name.
  const auto labelled = ExtractFields({Box("E-mail: obrask@skyhookquarterly.com", 100, 120, 700, 40)}, "US");
  EXPECT_EQ(labelled.name, "");
}

TEST(ExtractFields, JoinsALegalFormSetAloneUnderTheCompanyInALowerBox) {
  // "B.V." or "LLP" alone under the company's words: capitals and dots sit
  // in a lower box, set a little further under.
  for (const std::string form : {"B.V.", "LLP", "Ltda.", "hf."}) {
    const auto card =
        ExtractFields({Box("Brindlemoor Rope", 160, 467, 309, 30), Box(form, 160, 528, 58, 28),
                       Box("Ada Quenby", 555, 273, 420, 55), Box("ada@brindlemoor.com", 555, 600, 400, 28)},
                      "US");
    EXPECT_EQ(card.company, "Brindlemoor Rope " + form) << form;
  }
  // Counter-example: a line of the card set far under is not the company's.
  const auto apart =
      ExtractFields({Box("Brindlemoor Rope", 160, 467, 309, 30), Box("LLP", 160, 560, 58, 28),
                     Box("Ada Quenby", 555, 273, 420, 55), Box("ada@brindlemoor.com", 555, 600, 400, 28)},
                    "US");
  EXPECT_EQ(apart.company, "Brindlemoor Rope");
}

TEST(ExtractFields, JoinsACompanysLastWordInALowerBoxByTheWidthOfItsLetters) {
  // "Makers" has no descender: its box is lower than "Brindlemoor Rope"'s,
  // its letters as wide.
  const auto card =
      ExtractFields({Box("Brindlemoor Rope", 132, 510, 333, 40), Box("Makers", 129, 572, 112, 32),
                     Box("Ada Quenby", 581, 293, 420, 61), Box("ada@brindlemoor.com", 581, 600, 400, 28)},
                    "US");
  EXPECT_EQ(card.company, "Brindlemoor Rope Makers");
  // Counter-example: a word in narrower print under it (a tagline's) is not.
  const auto tagline =
      ExtractFields({Box("Brindlemoor Rope", 132, 510, 333, 40), Box("Makers", 129, 572, 75, 32),
                     Box("Ada Quenby", 581, 293, 420, 61), Box("ada@brindlemoor.com", 581, 600, 400, 28)},
                    "US");
  EXPECT_EQ(tagline.company, "Brindlemoor Rope");
}

TEST(ExtractFields, JoinsTheLineAfterACompanyEndingInAJoinerInALowerBox) {
  // "Tidewic &" in a box with a descender's depth, "Ropewalkers" in a lower
  // one and narrower letters: the joiner says the name goes on.
  const auto card =
      ExtractFields({Box("Tidewic &", 118, 411, 208, 53), Box("Ropewalkers", 128, 476, 242, 41),
                     Box("Ada Quenby", 459, 162, 636, 95), Box("ada@tidewic.com", 459, 600, 400, 28)},
                    "US");
  EXPECT_EQ(card.company, "Tidewic & Ropewalkers");
}

TEST(ExtractFields, KnowsALegalFormAbbreviatedAsInitialsEachClosedByADot) {
  // "Ysolde Brackenholt" is misread past a name's shape; the company line is
  // two capitalised words like a name, but ends in initials with dots.
  const auto card = ExtractFields(
      {Box("Ysolde brackenhoIt9", 100, 120, 800, 90, 60), Box("Tidewright Kogyo Q.Q.", 700, 300, 440, 46),
       Box("ysolde@example.jp", 700, 500, 400, 28)},
      "JP");
  EXPECT_EQ(card.company, "Tidewright Kogyo Q.Q.");
  EXPECT_NE(card.name, "Tidewright Kogyo Q.Q.");
  // Counter-example: a name with a middle initial is a name.
  const auto initial = ExtractFields(
      {Box("Ysolde Q. Brackenholt", 100, 120, 600, 62), Box("ysolde@example.jp", 100, 500, 400, 28)}, "JP");
  EXPECT_EQ(initial.name, "Ysolde Q. Brackenholt");
}

TEST(ExtractFields, TakesANameWithOneCapitalReadSmallWhenTheEmailSpellsIt) {
  // A blurred B read as a: the email spells "ysolde", so the line is the
  // name, and the line under it its title.
  const auto card =
      ExtractFields({Box("Ysolde arackenholt", 300, 266, 941, 99, 53), Box("Kitewright", 969, 364, 278, 40),
                     Box("Tidewright Holdings Ltd", 809, 433, 439, 46),
                     Box("brackenholt.ysolde@tidewright.cz", 700, 600, 500, 28)},
                    "US");
  EXPECT_EQ(card.name, "Ysolde arackenholt");
  EXPECT_EQ(card.title, "Kitewright");
  // Counter-example: a line in sentence case no contact spells is no name.
  const auto sentence = ExtractFields(
      {Box("Keeper of kites", 100, 100, 400, 40), Box("+44 7911 123456", 100, 500, 400, 28)}, "GB");
  EXPECT_EQ(sentence.name, "");
}

TEST(ExtractFields, JoinsANameOCRReadAsTwoBlocksOnOneRow) {
  const auto card =
      ExtractFields({Box("Ysolde Ferne", 560, 215, 348, 54), Box("Tiarnan Brackenholt", 942, 216, 461, 53),
                     Box("Kitewright", 569, 308, 275, 35), Box("+44 7911 123456", 560, 600, 400, 28)},
                    "GB");
  EXPECT_EQ(card.name, "Ysolde Ferne Tiarnan Brackenholt");
  // Counter-example: a block a column away on the same row is another line.
  const auto apart =
      ExtractFields({Box("Ysolde Ferne", 100, 215, 348, 54), Box("Tiarnan Brackenholt", 900, 216, 461, 53),
                     Box("+44 7911 123456", 100, 600, 400, 28)},
                    "GB");
  EXPECT_NE(apart.name, "Ysolde Ferne Tiarnan Brackenholt");
}

TEST(ExtractFields, DropsALoneCapitalReadBeforeANameButNotBeforeACompany) {
  const auto card =
      ExtractFields({Box("T Ysolde Brackenholt", 100, 120, 600, 62), Box("A Better Kite", 100, 300, 400, 40),
                     Box("ysolde@abetterkite.com", 100, 500, 400, 28)},
                    "US");
  EXPECT_EQ(card.name, "Ysolde Brackenholt");
  EXPECT_EQ(card.company, "A Better Kite");
}

TEST(LegalFormShaped, KnowsALegalFormAloneByItsShape) {
  for (const char* form : {"B.V.", "LLP", "Ltda.", "hf.", "sp. z o.o.", "AB", "Oy"})
    EXPECT_TRUE(LegalFormShaped(form)) << form;
  // Counter-examples: a word of a company's own name, a word in small
  // letters without a dot, a number.
  for (const char* other : {"Makers", "Ropewalkers", "and", "Holdings", "12.5"})
    EXPECT_FALSE(LegalFormShaped(other)) << other;
}

TEST(EditDistance, CountsLettersInsertedDeletedOrChanged) {
  EXPECT_EQ(EditDistance("quorvane", "quorvane"), 0);
  EXPECT_EQ(EditDistance("quorvane", "quorvame"), 1);
  EXPECT_EQ(EditDistance("quorvane", "qorvane"), 1);
  EXPECT_EQ(EditDistance("brightwater", "brigthwatr"), 3);
  EXPECT_EQ(EditDistance("", "abc"), 3);
}

}  // namespace
}  // namespace kith::scan
