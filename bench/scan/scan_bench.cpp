// Field-level exact-match accuracy of kith's card scanner on the generated
// corpus (tests/scan/make_cards.py), beside the naive baseline, and the time
// per card. Run on one core: bench/scan/run.sh.
//
//   kith_scan_bench CORPUS_DIR [--limit N] [--show-misses] [--no-baseline]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench/scan/naive_baseline.h"
#include "scan/scan.h"

namespace {

using kith::ScannedCard;

std::string Canonical(std::string url) {
  for (char& c : url) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const std::string prefix : {"https://", "http://"}) {
    if (url.rfind(prefix, 0) == 0) url = url.substr(prefix.size());
  }
  if (url.rfind("www.", 0) == 0) url = url.substr(4);
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

std::string LinkOf(const ScannedCard& card, kith::LinkKind kind) {
  for (const auto& link : card.links) {
    if (link.kind != kind) continue;
    std::string url = Canonical(link.url);
    if (kind == kith::LinkKind::kTwitter) {
      const auto slash = url.rfind('/');
      return "@" + url.substr(slash + 1);
    }
    return url;
  }
  return {};
}

struct Tally {
  int right = 0;
  int total = 0;
  int spurious = 0;  // a value where the card has none
};

struct FieldScores {
  std::map<std::string, Tally> fields;
  void Count(const std::string& field, bool expected, bool right, bool extra) {
    auto& tally = fields[field];
    if (expected) {
      ++tally.total;
      tally.right += right ? 1 : 0;
    } else if (extra) {
      ++tally.spurious;
    }
  }
};

std::vector<std::string> Misses(const nlohmann::json& truth, const ScannedCard& card, FieldScores& scores) {
  std::vector<std::string> misses;
  const auto check = [&](const std::string& field, const std::string& expected, const std::string& got) {
    const bool right = expected == got;
    scores.Count(field, !expected.empty(), right, !got.empty());
    if (!right) misses.push_back(field + ": want '" + expected + "' got '" + got + "'");
  };
  check("name", truth["name"], card.name);
  check("company", truth["company"], card.company);
  check("title", truth["title"], card.title);
  std::set<std::string> want_emails(truth["emails"].begin(), truth["emails"].end());
  std::set<std::string> got_emails(card.emails.begin(), card.emails.end());
  const auto join = [](const std::set<std::string>& values) {
    std::string out;
    for (const auto& value : values) out += (out.empty() ? "" : " ") + value;
    return out;
  };
  check("email", join(want_emails), join(got_emails));
  std::set<std::string> want_phones;
  for (const auto& phone : truth["phones"]) want_phones.insert(phone["e164"].get<std::string>());
  std::set<std::string> got_phones;
  for (const auto& phone : card.phones) got_phones.insert(phone.e164.empty() ? phone.original : phone.e164);
  check("phone", join(want_phones), join(got_phones));
  const std::string website = truth["website"];
  check("website", website.empty() ? "" : Canonical(website),
        card.website.empty() ? "" : Canonical(card.website));
  const std::string linkedin = truth.value("linkedin", "");
  check("linkedin", linkedin, LinkOf(card, kith::LinkKind::kLinkedIn));
  const std::string twitter = truth.value("twitter", "");
  check("twitter", twitter, LinkOf(card, kith::LinkKind::kTwitter));
  const std::string address = truth.value("address", "");
  check("address", address, card.address);
  return misses;
}

// CPU time of this thread: with OpenMP held to one thread the scan runs
// here only, so this is the one-core cost even on a busy machine.
double ThreadCpuMs() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1000.0 + static_cast<double>(now.tv_nsec) / 1e6;
}

double Median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

void PrintTable(const std::string& heading, const FieldScores& kith_scores, const FieldScores* baseline) {
  std::printf("\n%s\n", heading.c_str());
  std::printf("| field    | cards | kith exact | kith spurious |%s\n", baseline ? " baseline exact |" : "");
  std::printf("|----------|------:|-----------:|--------------:|%s\n", baseline ? "---------------:|" : "");
  for (const std::string field :
       {"name", "title", "company", "email", "phone", "website", "linkedin", "twitter", "address"}) {
    const auto found = kith_scores.fields.find(field);
    if (found == kith_scores.fields.end() || found->second.total == 0) continue;
    const Tally& tally = found->second;
    std::printf("| %-8s | %5d | %9.1f%% | %13d |", field.c_str(), tally.total,
                100.0 * tally.right / tally.total, tally.spurious);
    if (baseline) {
      const auto other = baseline->fields.find(field);
      const double rate = other == baseline->fields.end() || other->second.total == 0
                              ? 0.0
                              : 100.0 * other->second.right / other->second.total;
      std::printf(" %13.1f%% |", rate);
    }
    std::printf("\n");
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: kith_scan_bench CORPUS_DIR [--limit N] [--show-misses] [--no-baseline]\n";
    return 2;
  }
  const std::string directory = argv[1];
  int limit = 1 << 30;
  bool show_misses = false;
  bool baseline = true;
  for (int i = 2; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--limit" && i + 1 < argc) limit = std::stoi(argv[++i]);
    if (flag == "--show-misses") show_misses = true;
    if (flag == "--no-baseline") baseline = false;
  }
  std::ifstream index_file(directory + "/index.json");
  const nlohmann::json index = nlohmann::json::parse(index_file);
  kith::ScanOptions options;
  if (const char* languages = std::getenv("KITH_SCAN_LANGUAGES")) options.languages = languages;
  auto scanner = kith::CreateCardScanner(options);
  if (!scanner) {
    std::cerr << scanner.error().message << "\n";
    return 1;
  }
  FieldScores ocr_scores;
  FieldScores naive_scores;
  FieldScores qr_scores;
  FieldScores heic_scores;
  std::vector<double> ocr_ms;
  std::vector<double> qr_ms;
  std::vector<double> naive_ms;
  std::vector<double> ocr_cpu_ms;
  std::vector<double> qr_cpu_ms;
  int qr_exact = 0;
  int qr_total = 0;
  int failures = 0;
  int count = 0;
  for (const auto& entry : index) {
    if (count++ >= limit) break;
    const std::string file = entry["file"];
    std::ifstream in(std::filesystem::path(directory) / file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::span<const std::byte> image(reinterpret_cast<const std::byte*>(bytes.data()), bytes.size());
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = ThreadCpuMs();
    auto card = (*scanner)->Scan(image, "US");
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    (entry["kind"] == "qr" ? qr_cpu_ms : ocr_cpu_ms).push_back(ThreadCpuMs() - cpu_start);
    const bool qr = entry["kind"] == "qr";
    const bool heic = entry.value("format", "") == "heic";
    (qr ? qr_ms : ocr_ms).push_back(ms);
    ScannedCard scanned = card ? *card : ScannedCard{};
    if (!card) ++failures;
    FieldScores& scores = qr ? qr_scores : (heic ? heic_scores : ocr_scores);
    const auto misses = Misses(entry["truth"], scanned, scores);
    if (qr) {
      ++qr_total;
      if (misses.empty() && scanned.source == kith::ScanSource::kQr) ++qr_exact;
    }
    if (show_misses && !misses.empty()) {
      std::cout << file << " (" << entry.value("layout", "qr") << ", " << ms << " ms)\n";
      for (const auto& miss : misses) std::cout << "   " << miss << "\n";
      if (!card) std::cout << "   error: " << card.error().message << "\n";
      for (const auto& line : scanned.lines) std::cout << "      | " << line << "\n";
    }
    if (baseline && !qr && !heic) {
      const auto naive_start = std::chrono::steady_clock::now();
      auto text = (*scanner)->PlainText(image);
      ScannedCard naive = text ? kith::bench::NaiveFields(*text, "US") : ScannedCard{};
      naive_ms.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - naive_start).count());
      Misses(entry["truth"], naive, naive_scores);
    }
  }
  std::printf("cards: %zu read by OCR (HEIC copies included), %d with QR codes; %d scans failed\n",
              ocr_ms.size(), qr_total, failures);
  PrintTable("OCR cards (JPEG), exact match per field", ocr_scores, baseline ? &naive_scores : nullptr);
  if (!heic_scores.fields.empty()) PrintTable("HEIC copies", heic_scores, nullptr);
  std::printf("\nQR cards read exactly (all fields): %d / %d\n", qr_exact, qr_total);
  std::printf(
      "median ms per card: kith OCR %.0f (p90 %.0f), kith QR %.0f, naive baseline %.0f\n", Median(ocr_ms),
      [&] {
        auto sorted = ocr_ms;
        std::sort(sorted.begin(), sorted.end());
        return sorted.empty() ? 0.0 : sorted[sorted.size() * 9 / 10];
      }(),
      Median(qr_ms), Median(naive_ms));
  std::printf("median CPU ms per card (one thread): kith OCR %.0f, kith QR %.0f\n", Median(ocr_cpu_ms),
              Median(qr_cpu_ms));
  return 0;
}
