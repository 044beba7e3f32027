// Every page reading kith's card reader can make of each card of a corpus,
// written out so that bench/scan/oracle_ceiling.py can tell how often a
// field's exact text is anywhere in what Tesseract reads: the ceiling the
// field extraction works under (BENCHMARKS.md, seventeenth round).
//
//   kith_scan_oracle CORPUS_DIR OUT.jsonl [--skip N] [--limit N] [--dump DIR]
//
// For each photographed card, turned each of the four quarter turns from how
// it was prepared (then straightened, as the reader does), the masked grey
// page read whole by Tesseract's automatic layout; on the turn the
// orientation model gives and on the one that truly stands the card upright
// (the generator's "turned-N"), also the unmasked page read whole, every line
// of the masked reading read again alone by the Latin-script model (the
// names' second look) and as a contact line (the contact look), and the
// binarised page read whole (the scanner's second reading). One JSON object
// a line: {"file", "osd_turns", "osd_sure", "true_turns",
// "readings": {"turnK_grey" | "turnK_unmasked" | "turnK_lines_latin" |
// "turnK_lines_contact" | "turnK_binary": [text, ...]}}. --dump writes the
// prepared pages of the true turn (grey, binary, unmasked) to DIR as PNG.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "scan/contact_look.h"
#include "scan/image_loader.h"
#include "scan/line_cut.h"
#include "scan/ocr_engine.h"
#include "scan/preprocess.h"

namespace {

using kith::scan::OcrEngine;
using kith::scan::OcrLine;
using kith::scan::PixPtr;
using kith::scan::PreparedImage;

PixPtr Copy(const PixPtr& pix) { return PixPtr(pix ? pixCopy(nullptr, pix.get()) : nullptr); }

// The prepared card turned `quarter_turns` clockwise, as the reader turns it.
PreparedImage Turned(const PreparedImage& prepared, int quarter_turns) {
  PreparedImage turned;
  turned.gray.reset(pixRotateOrth(prepared.gray.get(), quarter_turns));
  turned.binary.reset(pixRotateOrth(prepared.binary.get(), quarter_turns));
  turned.unmasked = Copy(prepared.unmasked);
  turned.quarter_turns = quarter_turns;
  turned.scale = prepared.scale;
  return turned;
}

nlohmann::json Texts(const std::vector<OcrLine>& lines) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& line : lines) out.push_back(line.text);
  return out;
}

// Each line cut from `page`, enlarged twice and read alone by the
// Latin-script model, as the names' second look does (second_look.cpp).
nlohmann::json LinesReadAlone(OcrEngine& engine, Pix* page, const std::vector<OcrLine>& lines) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& line : lines) {
    PixPtr cut = kith::scan::CutOutLine(page, line, 2.0F, kith::scan::CutBorder::kWhite);
    if (!cut) continue;
    auto read = engine.ReadOneLine(cut.get());
    if (read && !read->text.empty()) out.push_back(read->text);
  }
  return out;
}

int Run(const std::string& directory, const std::string& out_path, int skip, int limit,
        const std::string& dump) {
  const std::string tessdata = kith::scan::FindTessdata("");
  auto engine = OcrEngine::Create(tessdata, kith::scan::ChooseLanguages(tessdata, ""));
  if (!engine) {
    std::cerr << engine.error().message << "\n";
    return 1;
  }
  std::ifstream index_file(directory + "/index.json");
  const nlohmann::json index = nlohmann::json::parse(index_file);
  std::ofstream out(out_path);
  int position = 0;
  for (const auto& entry : index) {
    const int at = position++;
    if (at < skip) continue;
    if (at - skip >= limit) break;
    if (entry["kind"] != "ocr" || entry.value("format", "") == "heic") continue;
    const std::string file = entry["file"];
    std::ifstream in(std::filesystem::path(directory) / file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::span<const std::byte> image(reinterpret_cast<const std::byte*>(bytes.data()), bytes.size());
    nlohmann::json record = {{"file", file}};
    auto photo = kith::scan::LoadImage(image);
    auto prepared = photo ? kith::scan::PrepareForOcr(photo->get())
                          : kith::Result<PreparedImage>(tl::unexpected(photo.error()));
    if (!prepared) {
      record["error"] = prepared.error().message;
      out << record.dump() << "\n";
      continue;
    }
    const auto orientation = (*engine)->QuarterTurnsToUpright(prepared->binary.get());
    record["osd_turns"] = orientation.quarter_turns;
    record["osd_sure"] = orientation.sure;
    // How the photo was turned (make_cards_heldout.py: ImageMagick turns
    // clockwise), and so the quarter turns clockwise that stand it upright.
    int true_turns = 0;
    for (const auto& effect : entry.value("effects", nlohmann::json::array())) {
      const std::string name = effect;
      if (name.rfind("turned-", 0) == 0) true_turns = (4 - std::stoi(name.substr(7)) / 90) % 4;
    }
    record["true_turns"] = true_turns;
    nlohmann::json readings = nlohmann::json::object();
    for (int turn = 0; turn < 4; ++turn) {
      const std::string prefix = "turn" + std::to_string(turn) + "_";
      PreparedImage turned = Turned(*prepared, turn);
      kith::scan::Deskew(turned);
      if (!dump.empty() && turn == true_turns) {
        const std::string stem = dump + "/" + file.substr(0, file.rfind('.'));
        pixWrite((stem + "_grey.png").c_str(), turned.gray.get(), IFF_PNG);
        pixWrite((stem + "_binary.png").c_str(), turned.binary.get(), IFF_PNG);
        if (PixPtr unmasked = kith::scan::UnmaskedPage(turned))
          pixWrite((stem + "_unmasked.png").c_str(), unmasked.get(), IFF_PNG);
      }
      auto grey = (*engine)->ReadLines(turned.gray.get());
      if (!grey) continue;
      readings[prefix + "grey"] = Texts(*grey);
      // The rest only on the turn the orientation model gives and the true
      // one: the lines of a page read sideways are boxes on their end.
      if (turn != orientation.quarter_turns && turn != true_turns) continue;
      if (PixPtr unmasked = kith::scan::UnmaskedPage(turned)) {
        if (auto lines = (*engine)->ReadLines(unmasked.get())) readings[prefix + "unmasked"] = Texts(*lines);
      }
      readings[prefix + "lines_latin"] = LinesReadAlone(**engine, turned.gray.get(), *grey);
      std::vector<OcrLine> contact = *grey;
      if (kith::scan::ReadContactLinesAgain(**engine, turned, contact, [](const OcrLine&) { return true; })) {
        nlohmann::json texts = nlohmann::json::array();
        for (const auto& line : contact) {
          if (!line.contact_reading.empty()) texts.push_back(line.contact_reading);
        }
        readings[prefix + "lines_contact"] = texts;
      }
      if (auto binary = (*engine)->ReadLines(turned.binary.get()))
        readings[prefix + "binary"] = Texts(*binary);
    }
    record["readings"] = readings;
    out << record.dump() << "\n";
    out.flush();
    std::fprintf(stderr, "%s\n", file.c_str());
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: kith_scan_oracle CORPUS_DIR OUT.jsonl [--skip N] [--limit N] [--dump DIR]\n";
    return 2;
  }
  int skip = 0;
  int limit = 1 << 30;
  std::string dump;
  for (int i = 3; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--skip") {
      skip = std::stoi(argv[i + 1]);
    } else if (flag == "--limit") {
      limit = std::stoi(argv[i + 1]);
    } else if (flag == "--dump") {
      dump = argv[i + 1];
    } else {
      std::cerr << "unknown flag " << flag << "\n";
      return 2;
    }
  }
  return Run(argv[1], argv[2], skip, limit, dump);
}
