// `kith import`, `export`, `dupes` and `merge` from outside, and kith's
// exports read by other programs: khard and Python's vobject.
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "cli/cli_fixture.h"

namespace kith::testing {
namespace {

using nlohmann::json;

const std::string kSamples = std::string(KITH_TEST_DATA) + "/samples/";

// Runs a shell command, returning its exit status and standard output.
std::pair<int, std::string> Shell(const std::string& command) {
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return {-1, ""};
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) output += buffer;
  const int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

class TransferCli : public CliTestOnBothStores {
 protected:
  std::string Write(const std::string& name, const std::string& content) const {
    const std::string path = (directory_.path() / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  // The import fails with exit 1, says `what` on stderr, and writes nothing.
  void ExpectRefused(const std::vector<std::string>& args, const std::string& what) const {
    Add("Already Here", {"--email", "here@example.org"});
    const std::string before = Snapshot();
    const KithRun run = Kith(args);
    EXPECT_EQ(run.exit_code, 1) << Described(run);
    EXPECT_TRUE(Contains(run.err, what));
    EXPECT_EQ(Snapshot(), before);
  }
};
KITH_ON_BOTH_STORES(TransferCli);

TEST_P(TransferCli, ImportPrintsTheSummaryCliMdDocuments) {
  const json summary = KithJson({"import", kSamples + "linkedin_connections.csv"});
  EXPECT_EQ(summary["added"], 2);
  EXPECT_EQ(summary["updated"], 0);
  EXPECT_EQ(summary["skipped"], 1);
  ASSERT_TRUE(summary["errors"].is_array());
  EXPECT_TRUE(Contains(summary["errors"][0].get<std::string>(), "line 7"));
  EXPECT_EQ(summary["format"], "linkedin");
  EXPECT_EQ(ListNames().size(), 2U);
}

TEST_P(TransferCli, ImportTextSummarySaysWhatHappened) {
  const KithRun run = Kith({"import", kSamples + "google_legacy.csv"});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  EXPECT_TRUE(Contains(run.out, "as google-legacy"));
  EXPECT_TRUE(Contains(run.out, " added"));
  const KithRun again = Kith({"import", kSamples + "google_legacy.csv"});
  EXPECT_TRUE(Contains(again.out, "  0 added")) << Described(again);
}

TEST_P(TransferCli, DryRunWritesNothing) {
  const std::string before = Snapshot();
  const json summary = KithJson({"import", "--dry-run", kSamples + "apple_contact.vcf"});
  EXPECT_EQ(summary["added"], 1);
  EXPECT_EQ(summary["dry_run"], true);
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(TransferCli, AnUnterminatedQuoteIsRefused) {
  const std::string path = Write("cut.csv", "Name,Email\nAda,ada@acme.com\n\"Bob,bob@acme.com\n");
  ExpectRefused({"import", path}, "cut.csv': line 3");
}

TEST_P(TransferCli, AVCardWithoutEndIsRefused) {
  const std::string path = Write("cut.vcf", "BEGIN:VCARD\nVERSION:3.0\nFN:Ada\n");
  ExpectRefused({"import", path}, "cut.vcf': line ");
}

TEST_P(TransferCli, APropertyWithoutColonIsSetAsideOrRefusedWhenStrict) {
  const std::string path = Write("bad.vcf", "BEGIN:VCARD\nVERSION:3.0\nFN:Ada\nNOCOLON\nEND:VCARD\n");
  ExpectRefused({"import", "--strict", path}, "bad.vcf': line 4");
  const KithRun run = Kith({"import", path});
  ASSERT_EQ(run.exit_code, 0) << Described(run);
  EXPECT_TRUE(Contains(run.out, "1 values set aside")) << run.out;
  EXPECT_TRUE(Contains(run.out, "line 4: 'NOCOLON' has no ':'")) << run.out;
}

TEST_P(TransferCli, ABadValueComesInAsARawFieldShownOnTheCard) {
  const std::string path = Write("bad.csv", "Name,Email\nAda Okafor,ada@acme\n");
  const json summary = KithJson({"import", path});
  EXPECT_EQ(summary["added"], 1);
  EXPECT_EQ(summary["set_aside"], 1);
  EXPECT_EQ(summary["problems"][0],
            "line 2: Email 'ada@acme' has an incomplete domain 'acme' — kept in the card's raw fields");
  const KithRun shown = Kith({"show", "Ada Okafor"});
  EXPECT_TRUE(Contains(shown.out, "raw Email")) << shown.out;
  EXPECT_TRUE(Contains(shown.out, "ada@acme")) << shown.out;
}

TEST_P(TransferCli, TextThatIsNotUtf8IsRefusedWithAdvice) {
  const std::string path = Write("latin.csv", "Name,Email\nJos\xE9,jose@example.com\n");
  ExpectRefused({"import", "--strict", path}, "--encoding windows-1252");
  const json summary = KithJson({"import", path, "--encoding", "windows-1252"});
  EXPECT_EQ(summary["added"], 1);
}

TEST_P(TransferCli, BinaryGarbageAndFakeWorkbooksAreRefused) {
  ExpectRefused({"import", Write("garbage.bin", std::string("\x00\x01\x02\xff\xfe binary", 12))},
                "binary data");
  ExpectRefused({"import", "--format", "xlsx", Write("fake.xlsx", "Name\nAda\n")}, "not a zip archive");
  ExpectRefused({"import", Write("empty.csv", "")}, "the file is empty");
}

TEST_P(TransferCli, AFileOverTheImportLimitIsRefusedBeforeItIsRead) {
  // A sparse file: 4 GiB and a byte long on paper, no disk used.
  const std::string path = Write("huge.csv", "Name,Email\nAda,ada@acme.com\n");
  std::filesystem::resize_file(path, (std::uintmax_t{4} << 30) + 1);
  ExpectRefused({"import", path}, "huge.csv': the file is 4096 MiB, over the 4 GiB kith imports");
}

TEST_P(TransferCli, ALineLongerThanTheCsvLimitIsRefused) {
  const std::string path = Write("long.csv", "Name,Notes\nAda," + std::string((1 << 20) + 1, 'x') + "\n");
  ExpectRefused({"import", path}, "long.csv': line 2: field 2 is longer than 1 MiB");
}

TEST_P(TransferCli, UnknownFormatIsAUsageError) {
  const KithRun run = Kith({"import", "--format", "lotus123", kSamples + "apple_contact.vcf"});
  EXPECT_EQ(run.exit_code, 2) << Described(run);
}

TEST_P(TransferCli, KhardListsAnExportedVCardDirectory) {
  if (!std::filesystem::exists("/usr/bin/khard"))
    FAIL() << "khard is not installed (scripts/install-deps.sh installs it)";
  Add("Ada Okafor", {"--email", "ada@acme.com", "--company", "Acme"});
  Add("Inés García-Núñez", {"--phone", "+34 600 555 010"});
  for (const std::string version : {"4.0", "3.0"}) {
    const std::filesystem::path cards = directory_.path() / ("cards-" + version);
    const KithRun run = Kith({"export", "--vcard-version", version, "-o", cards.string() + "/"});
    ASSERT_EQ(run.exit_code, 0) << Described(run);
    const std::filesystem::path home = directory_.path() / "home";
    std::filesystem::create_directories(home);
    const std::string config =
        Write("khard-" + version + ".conf",
              "[addressbooks]\n[[kith]]\npath = " + cards.string() +
                  "\n[general]\ndebug = no\ndefault_action = list\neditor = /bin/true\n"
                  "merge_editor = /bin/true\n[vcard]\nskip_unparsable = no\n");
    const auto [status, output] = Shell("HOME=" + home.string() + " XDG_CONFIG_HOME=" + home.string() +
                                        " /usr/bin/khard -c " + config + " list 2>&1");
    EXPECT_EQ(status, 0) << output;
    EXPECT_TRUE(Contains(output, "Ada Okafor")) << version;
    EXPECT_TRUE(Contains(output, "Inés García-Núñez")) << version;
  }
}

TEST_P(TransferCli, PythonVobjectParsesEveryExportedCard) {
  Add("Ada Okafor", {"--email", "ada@acme.com", "--note", "Line one\nline two; with, punctuation",
                     "--linkedin", "https://www.linkedin.com/in/ada"});
  Add("李小龙", {"--phone", "+86 10 5555 0101", "--tag", "martial arts"});
  for (const std::string version : {"4.0", "3.0"}) {
    const std::string path = (directory_.path() / ("all-" + version + ".vcf")).string();
    const KithRun run = Kith({"export", "--vcard-version", version, "-o", path});
    ASSERT_EQ(run.exit_code, 0) << Described(run);
    const auto [status, output] = Shell(
        "/usr/bin/python3 -c 'import sys, vobject\n"
        "cards = list(vobject.readComponents(open(sys.argv[1], encoding=\"utf-8\").read()))\n"
        "for card in cards: print(card.fn.value)\n' " +
        path + " 2>&1");
    EXPECT_EQ(status, 0) << output;
    EXPECT_TRUE(Contains(output, "Ada Okafor\n")) << version;
    EXPECT_TRUE(Contains(output, "李小龙\n")) << version;
  }
}

TEST_P(TransferCli, DupesAndMerge) {
  const std::int64_t keep = Add("Ada Okafor", {"--email", "ada@acme.com"});
  const std::int64_t other = Add("Ada O.", {"--email", "ADA@acme.com", "--phone", "+1 312 555 0134"});
  const json pairs = KithJson({"dupes"});
  ASSERT_EQ(pairs.size(), 1U);
  EXPECT_EQ(pairs[0]["reasons"][0], "same email ada@acme.com");
  const KithRun listed = Kith({"dupes"});
  EXPECT_TRUE(Contains(listed.out, "kith merge " + std::to_string(keep) + " " + std::to_string(other)));
  const json merged = KithJson({"merge", std::to_string(keep), std::to_string(other)});
  EXPECT_EQ(merged["phones"].size(), 1U);
  EXPECT_EQ(ListNames(), std::vector<std::string>{"Ada Okafor"});
  EXPECT_TRUE(KithJson({"dupes"}).empty());

  const std::string merge_id = merged["merge"]["id"].dump();
  const KithRun undone = Kith({"merge", "--undo", merge_id});
  EXPECT_EQ(undone.exit_code, 0) << undone.err;
  EXPECT_TRUE(Contains(undone.out, "two cards again")) << undone.out;
  EXPECT_EQ(KithJson({"dupes"}).size(), 1U) << "both cards are back";
  const KithRun again = Kith({"merge", "--undo", merge_id});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_TRUE(Contains(again.err, "already undone")) << again.err;
}

TEST_P(TransferCli, ExportJsonThenImportRestoresEveryone) {
  Add("Ada Okafor", {"--email", "ada@acme.com", "--tag", "mentor"});
  Add("Bo Chen", {"--company", "Initech"});
  const std::string backup = (directory_.path() / "backup.json").string();
  ASSERT_EQ(Kith({"export", "--format", "json", "-o", backup}).exit_code, 0);
  const std::string other_db = (directory_.path() / "restored.db").string();
  const KithRun restored = RunKith({"--db", other_db, "--json", "import", backup});
  ASSERT_EQ(restored.exit_code, 0) << Described(restored);
  const KithRun listed = RunKith({"--db", other_db, "--json", "list"});
  EXPECT_EQ(Names(json::parse(listed.out)), (std::vector<std::string>{"Ada Okafor", "Bo Chen"}));
}

}  // namespace
}  // namespace kith::testing
