// The generated card corpus the scan tests read (tests/scan/make_cards.py,
// rendered into the build folder at build time).
#pragma once

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace kith::testing {

inline std::string CorpusPath(const std::string& file, const std::string& corpus = KITH_SCAN_CORPUS) {
  return corpus + "/" + file;
}

inline nlohmann::json CorpusIndex(const std::string& corpus = KITH_SCAN_CORPUS) {
  std::ifstream in(CorpusPath("index.json", corpus));
  return nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
}

inline std::vector<std::byte> ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto* data = reinterpret_cast<const std::byte*>(bytes.data());
  return {data, data + bytes.size()};
}

}  // namespace kith::testing
