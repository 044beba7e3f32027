// `kith scan` and `kith card` from outside.
#include "cli/cli_fixture.h"

namespace kith::testing {
namespace {

std::string Corpus(const std::string& file) { return std::string(KITH_SCAN_CORPUS) + "/" + file; }
std::string Fixture(const std::string& file) { return std::string(KITH_TEST_DATA) + "/cards/" + file; }

class ScanCli : public CliTestOnBothStores {};
KITH_ON_BOTH_STORES(ScanCli);

TEST_P(ScanCli, PrintsTheFieldsAsJsonAndSavesNothing) {
  const json card = KithJson({"scan", Corpus("qr_000.jpg")});
  EXPECT_EQ(card.at("name"), "Jürgen Müller");
  EXPECT_EQ(card.at("source"), "qr");
  EXPECT_EQ(card.at("confidence").at("name"), 1.0);
  EXPECT_TRUE(KithJson({"list"}).empty());
}

TEST_P(ScanCli, PrintsEachFieldWithItsConfidence) {
  const KithRun run = Kith({"scan", Corpus("qr_000.jpg")});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  EXPECT_TRUE(Contains(run.out, "Jürgen Müller"));
  EXPECT_TRUE(Contains(run.out, "100%"));
  EXPECT_TRUE(Contains(run.out, "Nothing saved"));
}

TEST_P(ScanCli, SaveAddsThePersonMetTodayAtTheEvent) {
  const json saved = KithJson({"scan", Corpus("qr_000.jpg"), "--save", "--at", "RustConf 2026"});
  ASSERT_TRUE(saved.contains("contact")) << saved.dump();
  const json contact = Show(saved["contact"]["id"].get<std::int64_t>());
  EXPECT_EQ(contact.at("name"), "Jürgen Müller");
  EXPECT_EQ(contact.at("met_on"), kToday);
  EXPECT_EQ(contact.at("met_at"), "RustConf 2026");
}

TEST_P(ScanCli, ABlankPhotoFailsWithNoTextFoundAndSavesNothing) {
  const KithRun run = Kith({"scan", Fixture("blank_photo.jpg"), "--save"});
  EXPECT_EQ(run.exit_code, 1) << Described(run);
  EXPECT_TRUE(Contains(run.err, "no text found on the card"));
  EXPECT_TRUE(KithJson({"list"}).empty());
}

TEST_P(ScanCli, AFileThatIsNotAnImageFails) {
  const KithRun run = Kith({"scan", Fixture("not_an_image.jpg")});
  EXPECT_EQ(run.exit_code, 1) << Described(run);
  EXPECT_TRUE(Contains(run.err, "not an image"));
}

TEST_P(ScanCli, CardPrintsAQrCodeAndWritesAPng) {
  const std::string png = (directory_.path() / "card.png").string();
  const KithRun run = Kith({"card", "--name", "Sam Rivera", "--email", "sam@example.com", "--png", png});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  EXPECT_TRUE(Contains(run.out, "▀"));
  EXPECT_TRUE(Contains(run.out, "Sam Rivera"));
  const json scanned = KithJson({"scan", png});
  EXPECT_EQ(scanned.at("name"), "Sam Rivera");
  EXPECT_EQ(scanned.at("emails"), json::array({"sam@example.com"}));
}

// The libraries the dynamic loader brought in for one run of kith, as
// LD_DEBUG=libs tells them on stderr.
std::string LoadedLibraries(const std::vector<std::string>& args, const std::string& database) {
  std::vector<std::string> all = {"--db", database};
  all.insert(all.end(), args.begin(), args.end());
  return RunKith(all, {{"LD_DEBUG", "libs"}}).err;
}

// Tesseract, Leptonica, libheif and ZBar (and the forty-odd libraries they
// bring) load with the first scan, not with every command.
TEST_P(ScanCli, CommandsThatDoNotScanLoadNoScanningLibrary) {
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"--help"}, {"list", "--limit", "1"}, {"search", "ada"}}) {
    const std::string loaded = LoadedLibraries(args, database_);
    ASSERT_TRUE(Contains(loaded, "libc.so")) << "LD_DEBUG said nothing: " << loaded.substr(0, 500);
    for (const char* library : {"libtesseract", "liblept", "libheif", "libzbar"}) {
      EXPECT_FALSE(Contains(loaded, library)) << args.front() << " loads " << library;
    }
  }
  const std::string scanning = LoadedLibraries({"scan", Corpus("qr_000.jpg")}, database_);
  EXPECT_TRUE(Contains(scanning, "libtesseract"));
  EXPECT_TRUE(Contains(scanning, "kith-scan.so"));
}

TEST_P(ScanCli, WithoutTheScanningModuleAScanSaysWhatIsMissing) {
  const KithRun run =
      RunKith({"--db", database_, "scan", Corpus("qr_000.jpg")},
              {{"KITH_SCAN_MODULE", (directory_.path() / "missing" / "kith-scan.so").string()}});
  EXPECT_EQ(run.exit_code, 1) << Described(run);
  EXPECT_TRUE(Contains(run.err, "card scanning is not installed")) << run.err;
  EXPECT_TRUE(Contains(run.err, "missing/kith-scan.so")) << run.err;
}

}  // namespace
}  // namespace kith::testing
