// Field-level exact-match accuracy of kith's card scanner on generated
// corpora (tests/scan/make_cards.py: the training pools and the held-out
// ones), each beside the naive baseline, and the time per card. Run on one
// core: bench/scan/run.sh.
//
//   kith_scan_bench LABEL=CORPUS_DIR... [--skip N] [--limit N] [--show-misses] [--no-baseline]
//                   [--save-lines FILE | --lines FILE]
//
// --skip leaves out each corpus's first N entries: the cards looked at while
// tuning (--limit N) and the ones never looked at (--skip N) are reported
// apart. --save-lines records what OCR read; --lines answers from such a
// recording instead of reading the photos, to measure a change to the field
// extraction alone (bench/scan/line_cache.h).
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

#include "bench/scan/line_cache.h"
#include "bench/scan/naive_baseline.h"
#include "scan/card_reader.h"
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

struct CorpusRun {
  std::string label;
  FieldScores kith;
  FieldScores naive;
  FieldScores heic;
  std::vector<double> ocr_ms;
  std::vector<double> ocr_cpu_ms;
  std::vector<double> qr_ms;
  int qr_exact = 0;
  int qr_total = 0;
  int failures = 0;
  int cards = 0;
};

double Rate(const FieldScores& scores, const std::string& field) {
  const auto found = scores.fields.find(field);
  if (found == scores.fields.end() || found->second.total == 0) return -1;
  return 100.0 * found->second.right / found->second.total;
}

double Percentile(std::vector<double> values, double at) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[static_cast<std::size_t>(at * static_cast<double>(values.size() - 1))];
}

CorpusRun RunCorpus(const std::string& label, const std::string& directory, kith::CardScanner& scanner,
                    kith::bench::CurrentCard& current, int skip, int limit, bool show_misses, bool baseline) {
  CorpusRun run;
  run.label = label;
  std::ifstream index_file(directory + "/index.json");
  const nlohmann::json index = nlohmann::json::parse(index_file);
  int position = 0;
  for (const auto& entry : index) {
    const int at = position++;
    if (at < skip) continue;
    if (at - skip >= limit) break;
    const std::string file = entry["file"];
    current.file = label;
    current.file += "/";
    current.file += file;
    std::ifstream in(std::filesystem::path(directory) / file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::span<const std::byte> image(reinterpret_cast<const std::byte*>(bytes.data()), bytes.size());
    const bool qr = entry["kind"] == "qr";
    const bool heic = entry.value("format", "") == "heic";
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = ThreadCpuMs();
    auto card = scanner.Scan(image, "US");
    const double cpu = ThreadCpuMs() - cpu_start;
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (qr) {
      run.qr_ms.push_back(ms);
    } else {
      run.ocr_ms.push_back(ms);
      run.ocr_cpu_ms.push_back(cpu);
      if (!heic) ++run.cards;
    }
    ScannedCard scanned = card ? *card : ScannedCard{};
    if (!card) ++run.failures;
    FieldScores& scores = heic ? run.heic : run.kith;
    FieldScores qr_scores;
    const auto misses = Misses(entry["truth"], scanned, qr ? qr_scores : scores);
    if (qr) {
      ++run.qr_total;
      if (misses.empty() && scanned.source == kith::ScanSource::kQr) ++run.qr_exact;
    }
    if (show_misses && !misses.empty()) {
      std::cout << label << " " << file << " (" << entry.value("layout", "qr") << " "
                << entry.value("effects", nlohmann::json::array()).dump() << ", " << ms << " ms)\n";
      for (const auto& miss : misses) std::cout << "   " << miss << "\n";
      if (!card) std::cout << "   error: " << card.error().message << "\n";
      for (const auto& line : scanned.lines) std::cout << "      | " << line << "\n";
    }
    if (baseline && !qr && !heic) {
      auto text = scanner.PlainText(image);
      ScannedCard naive = text ? kith::bench::NaiveFields(*text, "US") : ScannedCard{};
      Misses(entry["truth"], naive, run.naive);
    }
  }
  return run;
}

void PrintRuns(const std::vector<CorpusRun>& runs, bool baseline) {
  std::printf(
      "\nExact match per field (photographed cards, JPEG; kith beside the naive baseline)\n\n| field    |");
  for (const auto& run : runs) {
    std::printf(" %s kith |", run.label.c_str());
    if (baseline) std::printf(" %s naive |", run.label.c_str());
  }
  std::printf("\n|----------|");
  for (std::size_t i = 0; i < runs.size(); ++i) std::printf(baseline ? "------:|------:|" : "------:|");
  std::printf("\n");
  for (const std::string field :
       {"name", "title", "company", "email", "phone", "website", "linkedin", "twitter", "address"}) {
    std::printf("| %-8s |", field.c_str());
    for (const auto& run : runs) {
      const auto cell = [](double rate) {
        if (rate < 0) {
          std::printf("    - |");
        } else {
          std::printf(" %5.1f%% |", rate);
        }
      };
      cell(Rate(run.kith, field));
      if (baseline) cell(Rate(run.naive, field));
    }
    std::printf("\n");
  }
  std::printf("\n");
  for (const auto& run : runs) {
    std::printf(
        "%s: %d photographed cards (+%zu HEIC copies), %d QR cards; %d scans failed; QR read exactly %d/%d; "
        "ms per card median %.0f, p90 %.0f, max %.0f (CPU median %.0f, p90 %.0f); QR median %.0f ms\n",
        run.label.c_str(), run.cards, run.ocr_ms.size() - static_cast<std::size_t>(run.cards), run.qr_total,
        run.failures, run.qr_exact, run.qr_total, Median(run.ocr_ms), Percentile(run.ocr_ms, 0.9),
        Percentile(run.ocr_ms, 1.0), Median(run.ocr_cpu_ms), Percentile(run.ocr_cpu_ms, 0.9),
        Median(run.qr_ms));
    for (const std::string field : {"name", "title", "company", "email", "phone", "website"}) {
      const double heic = Rate(run.heic, field);
      if (heic >= 0) std::printf("  HEIC %s %.0f%%", field.c_str(), heic);
    }
    if (!run.heic.fields.empty()) std::printf("\n");
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: kith_scan_bench LABEL=CORPUS_DIR... [--skip N] [--limit N] [--show-misses] "
                 "[--no-baseline]\n";
    return 2;
  }
  std::vector<std::pair<std::string, std::string>> corpora;
  int skip = 0;
  int limit = 1 << 30;
  bool show_misses = false;
  bool baseline = true;
  std::string save_lines;
  std::string replay_lines;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--skip" && i + 1 < argc) {
      skip = std::stoi(argv[++i]);
    } else if (flag == "--limit" && i + 1 < argc) {
      limit = std::stoi(argv[++i]);
    } else if (flag == "--show-misses") {
      show_misses = true;
    } else if (flag == "--no-baseline") {
      baseline = false;
    } else if (flag == "--save-lines" && i + 1 < argc) {
      save_lines = argv[++i];
    } else if (flag == "--lines" && i + 1 < argc) {
      replay_lines = argv[++i];
      baseline = false;
    } else if (const auto equals = flag.find('='); equals != std::string::npos) {
      corpora.emplace_back(flag.substr(0, equals), flag.substr(equals + 1));
    } else {
      corpora.emplace_back("corpus", flag);
    }
  }
  kith::ScanOptions options;
  if (const char* languages = std::getenv("KITH_SCAN_LANGUAGES")) options.languages = languages;
  kith::bench::CurrentCard current;
  // In this process: the benchmark links the engine itself.
  auto reader = replay_lines.empty() ? kith::scan::CreateCardReader(options)
                                     : kith::Result<std::unique_ptr<kith::scan::CardReader>>(
                                           kith::bench::ReplayingReader(current, replay_lines));
  if (reader && !save_lines.empty())
    *reader = kith::bench::RecordingReader(std::move(*reader), current, save_lines);
  kith::Result<std::unique_ptr<kith::CardScanner>> scanner =
      tl::unexpected(reader ? kith::Error{} : reader.error());
  if (reader) scanner = kith::CardScannerReading(std::move(*reader));
  if (!scanner) {
    std::cerr << scanner.error().message << "\n";
    return 1;
  }
  std::vector<CorpusRun> runs;
  runs.reserve(corpora.size());
  for (const auto& [label, directory] : corpora) {
    runs.push_back(RunCorpus(label, directory, **scanner, current, skip, limit, show_misses, baseline));
  }
  PrintRuns(runs, baseline);
  return 0;
}
