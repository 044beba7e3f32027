// The whole scanner on generated card photos: what it reads is checked
// against the ground truth each card was rendered from.
#include <gtest/gtest.h>

#include <zlib.h>
#include <array>
#include <chrono>
#include <set>

#include "scan/image_loader.h"

#include "scan/corpus.h"
#include "scan/scan.h"

namespace kith {
namespace {

using testing::CorpusIndex;
using testing::CorpusPath;
using testing::ReadBytes;

class CardScannerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto created = CreateCardScanner();
    ASSERT_TRUE(created) << created.error().message;
    scanner_ = std::move(*created).release();
  }
  static void TearDownTestSuite() {
    delete scanner_;
    scanner_ = nullptr;
  }
  static Result<ScannedCard> Scan(const std::string& path) { return scanner_->Scan(ReadBytes(path), "US"); }
  static Result<ScannedCard> ScanBytes(const std::vector<std::byte>& bytes) {
    return scanner_->Scan(bytes, "US");
  }

  static CardScanner* scanner_;
};
CardScanner* CardScannerTest::scanner_ = nullptr;

std::set<std::string> TruthPhones(const nlohmann::json& truth) {
  std::set<std::string> phones;
  for (const auto& phone : truth["phones"]) phones.insert(phone["e164"].get<std::string>());
  return phones;
}

std::set<std::string> ScannedPhones(const ScannedCard& card) {
  std::set<std::string> phones;
  for (const auto& phone : card.phones) phones.insert(phone.e164);
  return phones;
}

TEST_F(CardScannerTest, ReadsTheFieldsOfPhotographedCards) {
  const auto index = CorpusIndex();
  ASSERT_TRUE(index.is_array());
  int cards = 0;
  int names = 0;
  int emails = 0;
  int phones = 0;
  int companies = 0;
  for (const auto& entry : index) {
    if (entry["kind"] != "ocr" || entry.value("format", "") == "heic") continue;
    const auto& truth = entry["truth"];
    auto card = Scan(CorpusPath(entry["file"]));
    ASSERT_TRUE(card) << entry["file"] << ": " << card.error().message;
    ++cards;
    names += card->name == truth["name"] ? 1 : 0;
    companies += card->company == truth["company"] ? 1 : 0;
    emails += card->emails == truth["emails"].get<std::vector<std::string>>() ? 1 : 0;
    phones += ScannedPhones(*card) == TruthPhones(truth) ? 1 : 0;
    EXPECT_EQ(card->source, ScanSource::kOcr);
  }
  ASSERT_GE(cards, 10);
  // Regression floors, below the benchmark's figures (BENCHMARKS.md) so one
  // hard card does not fail the build; each is still most of the corpus.
  EXPECT_GE(emails * 10, cards * 6) << emails << " of " << cards;
  EXPECT_GE(phones * 10, cards * 7) << phones << " of " << cards;
  // Names: 60% on the benchmark's training slice since the name lists went.
  EXPECT_GE(names * 10, cards * 4) << names << " of " << cards;
  EXPECT_GE(companies * 10, cards * 6) << companies << " of " << cards;
}

TEST_F(CardScannerTest, ReadsQrCardsExactlyWithUtf8Names) {
  bool saw_mueller = false;
  for (const auto& entry : CorpusIndex()) {
    if (entry["kind"] != "qr") continue;
    const auto& truth = entry["truth"];
    auto card = Scan(CorpusPath(entry["file"]));
    ASSERT_TRUE(card) << entry["file"] << ": " << card.error().message;
    EXPECT_EQ(card->source, ScanSource::kQr) << entry["file"];
    EXPECT_EQ(card->name, truth["name"]) << entry["file"];
    EXPECT_EQ(card->company, truth["company"]) << entry["file"];
    EXPECT_EQ(card->title, truth["title"]) << entry["file"];
    EXPECT_EQ(card->emails, truth["emails"].get<std::vector<std::string>>()) << entry["file"];
    EXPECT_EQ(ScannedPhones(*card), TruthPhones(truth)) << entry["file"];
    EXPECT_EQ(card->confidence.at("name"), 1.0);
    saw_mueller = saw_mueller || card->name == "Jürgen Müller";
  }
  EXPECT_TRUE(saw_mueller) << "the corpus's first QR card is Jürgen Müller";
}

TEST_F(CardScannerTest, DecodesHeicPhotos) {
  int heic = 0;
  for (const auto& entry : CorpusIndex()) {
    if (entry.value("format", "") != "heic") continue;
    ++heic;
    auto card = Scan(CorpusPath(entry["file"]));
    ASSERT_TRUE(card) << entry["file"] << ": " << card.error().message;
    EXPECT_EQ(ScannedPhones(*card), TruthPhones(entry["truth"])) << entry["file"];
  }
  EXPECT_GE(heic, 1);
}

TEST_F(CardScannerTest, RejectsAnEmptyFile) {
  auto card = Scan(std::string(KITH_TEST_DATA) + "/cards/empty.jpg");
  ASSERT_FALSE(card);
  EXPECT_EQ(card.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(card.error().message, "the image file is empty");
}

TEST_F(CardScannerTest, RejectsAFileThatIsNotAnImage) {
  auto card = Scan(std::string(KITH_TEST_DATA) + "/cards/not_an_image.jpg");
  ASSERT_FALSE(card);
  EXPECT_EQ(card.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(card.error().message.find("not an image"), std::string::npos) << card.error().message;
}

TEST_F(CardScannerTest, RejectsATinyImage) {
  auto card = Scan(std::string(KITH_TEST_DATA) + "/cards/tiny_5x5.png");
  ASSERT_FALSE(card);
  EXPECT_EQ(card.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(card.error().message.find("too small"), std::string::npos) << card.error().message;
}

TEST_F(CardScannerTest, SaysNoTextWasFoundOnABlankPhoto) {
  auto card = Scan(std::string(KITH_TEST_DATA) + "/cards/blank_photo.jpg");
  ASSERT_FALSE(card);
  EXPECT_EQ(card.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(card.error().message, "no text found on the card");
}

TEST_F(CardScannerTest, RejectsATruncatedJpeg) {
  auto bytes = ReadBytes(CorpusPath("card_000.jpg"));
  bytes.resize(200);
  auto card = ScanBytes(bytes);
  ASSERT_FALSE(card);
  EXPECT_EQ(card.error().code, ErrorCode::kInvalidInput);
}

// The held-out slice: cards drawn from pools no file under src/ knows
// (tests/scan/heldout_pools.json), photographed as phones do, some turned a
// quarter or upside down. Regression floors under the benchmark's held-out
// figures (BENCHMARKS.md: email 55%, phone 65%, name 25% on its first 40
// cards), far below the targets, so that a change that loses ground fails.
TEST_F(CardScannerTest, ReadsHeldOutCardsItHasNeverSeen) {
  const auto index = CorpusIndex(KITH_SCAN_HELDOUT);
  ASSERT_TRUE(index.is_array());
  int cards = 0;
  int emails = 0;
  int phones = 0;
  int names = 0;
  int turned_right = 0;
  int turned = 0;
  for (const auto& entry : index) {
    if (entry["kind"] != "ocr" || entry.value("format", "") == "heic") continue;
    const auto& truth = entry["truth"];
    auto card = Scan(CorpusPath(entry["file"], KITH_SCAN_HELDOUT));
    ++cards;
    if (!card) continue;
    const bool email = card->emails == truth["emails"].get<std::vector<std::string>>();
    emails += email ? 1 : 0;
    phones += ScannedPhones(*card) == TruthPhones(truth) ? 1 : 0;
    names += card->name == truth["name"] ? 1 : 0;
    for (const auto& effect : entry.value("effects", nlohmann::json::array())) {
      if (effect.get<std::string>().rfind("turned-", 0) != 0) continue;
      ++turned;
      turned_right += email ? 1 : 0;
    }
  }
  ASSERT_GE(cards, 10);
  EXPECT_GE(emails * 10, cards * 35 / 10) << emails << " of " << cards;
  EXPECT_GE(phones * 10, cards * 45 / 10) << phones << " of " << cards;
  EXPECT_GE(names * 10, cards * 1) << names << " of " << cards;
  if (turned > 0) {
    EXPECT_GE(turned_right * 3, turned) << turned_right << " of " << turned << " turned cards";
  }
}

TEST_F(CardScannerTest, ReadsHeldOutQrCardsExactly) {
  int qr = 0;
  for (const auto& entry : CorpusIndex(KITH_SCAN_HELDOUT)) {
    if (entry["kind"] != "qr") continue;
    ++qr;
    const auto& truth = entry["truth"];
    auto card = Scan(CorpusPath(entry["file"], KITH_SCAN_HELDOUT));
    ASSERT_TRUE(card) << entry["file"] << ": " << card.error().message;
    EXPECT_EQ(card->source, ScanSource::kQr) << entry["file"];
    EXPECT_EQ(card->name, truth["name"]) << entry["file"];
    EXPECT_EQ(card->emails, truth["emails"].get<std::vector<std::string>>()) << entry["file"];
  }
  EXPECT_GE(qr, 1);
}

// Bad images: each refused with a sentence, within a second or two, without
// decoding what it claims to hold.
class BadImageTest : public CardScannerTest {
 protected:
  static Result<ScannedCard> TimedScan(const std::vector<std::byte>& bytes, double& seconds) {
    const auto start = std::chrono::steady_clock::now();
    auto card = ScanBytes(bytes);
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return card;
  }
};

void AppendChunk(std::vector<std::byte>& png, const char* type, const std::vector<unsigned char>& data) {
  const auto put32 = [&](std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8)
      png.push_back(static_cast<std::byte>((value >> shift) & 0xFF));
  };
  put32(static_cast<std::uint32_t>(data.size()));
  std::vector<unsigned char> typed(type, type + 4);
  typed.insert(typed.end(), data.begin(), data.end());
  for (const unsigned char c : typed) png.push_back(static_cast<std::byte>(c));
  put32(static_cast<std::uint32_t>(crc32(0, typed.data(), static_cast<uInt>(typed.size()))));
}

// A PNG of a few hundred bytes whose header says 30000x30000 pixels: decoded,
// it would take 2.7 GB.
std::vector<std::byte> DecompressionBomb() {
  std::vector<std::byte> png;
  constexpr std::array<unsigned char, 8> kSignature = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  for (const unsigned char c : kSignature) png.push_back(static_cast<std::byte>(c));
  constexpr std::uint32_t kSide = 30000;
  std::vector<unsigned char> header;
  for (int i = 0; i < 2; ++i) {
    for (int shift = 24; shift >= 0; shift -= 8)
      header.push_back(static_cast<unsigned char>((kSide >> shift) & 0xFF));
  }
  header.insert(header.end(), {8, 2, 0, 0, 0});  // 8-bit RGB
  AppendChunk(png, "IHDR", header);
  const std::vector<unsigned char> zeros(200000, 0);
  std::vector<unsigned char> packed(compressBound(static_cast<uLong>(zeros.size())));
  uLongf size = static_cast<uLongf>(packed.size());
  compress(packed.data(), &size, zeros.data(), static_cast<uLong>(zeros.size()));
  packed.resize(size);
  AppendChunk(png, "IDAT", packed);
  AppendChunk(png, "IEND", {});
  return png;
}

TEST_F(BadImageTest, RefusesADecompressionBombFromItsHeader) {
  double seconds = 0;
  auto card = TimedScan(DecompressionBomb(), seconds);
  ASSERT_FALSE(card);
  EXPECT_EQ(card.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(card.error().message.find("30000x30000"), std::string::npos) << card.error().message;
  EXPECT_LT(seconds, 1.0);
}

TEST_F(BadImageTest, RefusesFiftyMegabytes) {
  std::vector<std::byte> bytes(50U * 1024U * 1024U, std::byte{0});
  bytes[0] = std::byte{0xFF};
  bytes[1] = std::byte{0xD8};
  bytes[2] = std::byte{0xFF};
  double seconds = 0;
  auto card = TimedScan(bytes, seconds);
  ASSERT_FALSE(card);
  EXPECT_EQ(card.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(card.error().message.find("50 MB"), std::string::npos) << card.error().message;
  EXPECT_LT(seconds, 1.0);
}

TEST_F(BadImageTest, RefusesAJpegCutInHalf) {
  auto bytes = ReadBytes(CorpusPath("card_000.jpg"));
  bytes.resize(bytes.size() / 2);
  double seconds = 0;
  auto card = TimedScan(bytes, seconds);
  ASSERT_FALSE(card);
  EXPECT_EQ(card.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(card.error().message.find("cut short"), std::string::npos) << card.error().message;
  EXPECT_LT(seconds, 2.0);
}

TEST_F(BadImageTest, RefusesAHeicCutInHalf) {
  std::string heic;
  for (const auto& entry : CorpusIndex()) {
    if (entry.value("format", "") == "heic") heic = entry["file"];
  }
  ASSERT_FALSE(heic.empty());
  auto bytes = ReadBytes(CorpusPath(heic));
  bytes.resize(bytes.size() / 2);
  double seconds = 0;
  auto card = TimedScan(bytes, seconds);
  ASSERT_FALSE(card);
  EXPECT_EQ(card.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(card.error().message.find("HEIC"), std::string::npos) << card.error().message;
  EXPECT_LT(seconds, 2.0);
}

TEST_F(BadImageTest, RefusesTextThatIsNotAnImage) {
  const std::string text = "BEGIN:VCARD\r\nFN:Not a photo\r\nEND:VCARD\r\n";
  const auto* data = reinterpret_cast<const std::byte*>(text.data());
  double seconds = 0;
  auto card = TimedScan({data, data + text.size()}, seconds);
  ASSERT_FALSE(card);
  EXPECT_EQ(card.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(card.error().message.find("not an image"), std::string::npos) << card.error().message;
  EXPECT_LT(seconds, 1.0);
}

}  // namespace
}  // namespace kith
